package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/auth"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

func TestSafeNext(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/tasks?status=overdue", "/tasks?status=overdue"},
		{"/tasks/12", "/tasks/12"},
		{"/search?q=gi%C3%A1o+d%E1%BB%A5c", "/search?q=gi%C3%A1o+d%E1%BB%A5c"},
		{"", "/"},
		{"tasks", "/"},
		{"https://evil.example/", "/"},
		{"//evil.example/", "/"},
		{"/\\evil.example/", "/"},
		{"/\t/evil.example/", "/"},   // next=/%09/evil.example/: browsers drop the tab
		{"/\n/evil.example/", "/"},   // and newlines
		{"/\r/evil.example/", "/"},   // and carriage returns
		{"/ /evil.example/", "/"},    // a space is never in a path we make
		{"/\x00/evil.example/", "/"}, // nor a NUL
		{"/tasks\\..\\..\\", "/"},
		{"/%2F/evil.example/", "/"}, // decodes to "//evil.example/"
		{"/%5C/evil.example/", "/"}, // decodes to "/\evil.example/"
		{"/%09/evil.example/", "/"}, // a tab, encoded once more
		{"/\u0085/evil.example/", "/"},
		{"/\u2028/evil.example/", "/"},
		{"javascript:alert(1)", "/"},
	}
	for _, tt := range tests {
		if got := safeNext(tt.in); got != tt.want {
			t.Errorf("safeNext(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLoginNextStaysLocal signs in with next values that browsers would
// follow to another host: the login goes home instead.
func TestLoginNextStaysLocal(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		for _, next := range []string{"/\t/evil.example/", "//evil.example", "/\\evil.example", "https://evil.example/", "/tasks?status=overdue"} {
			c := e.anon()
			code, _, loc := c.postForm("/login", url.Values{"username": {"vanphong"}, "password": {"matkhau123"}, "next": {next}})
			want := "/"
			if next == "/tasks?status=overdue" {
				want = next
			}
			if code != http.StatusSeeOther || loc != want {
				t.Errorf("login with next=%q: %d → %q, want 303 → %q", next, code, loc, want)
			}
		}
		// The login form carries only a safe next.
		if _, body, _ := e.anon().get("/login?next=%2F%09%2Fevil.example%2F"); !strings.Contains(body, `name="next" value="/"`) {
			t.Errorf("login form keeps an unsafe next")
		}
	})
}

// TestLoginBurst: more simultaneous logins than hashing turns. Each one
// signs in (having waited for a turn) or is told, in Vietnamese, to try
// again shortly (503 with Retry-After); none fails with a 500.
func TestLoginBurst(t *testing.T) {
	a := apptest.New(t, store.SQLite)
	const turns = 2
	b := a.Instance(app.Options{HashConcurrency: turns, HashWait: 5 * time.Millisecond,
		PasswordParams: auth.Params{Memory: 8 * 1024, Time: 3, Threads: 1}})
	names := make([]string, turns+3)
	for i := range names {
		names[i] = fmt.Sprintf("canbo%d", i)
		b.Must(b.Service.CreateUser(context.Background(), b.Admin, &domain.User{Username: names[i], FullName: "Cán bộ", Role: domain.RoleViewer}, apptest.Password))
	}
	e := serve(b)
	type answer struct {
		code       int
		body       string
		retryAfter string
	}
	answers := make(chan answer, len(names))
	var wg sync.WaitGroup
	for _, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, body := e.anon().send(http.MethodPost, "/login", "application/x-www-form-urlencoded",
				strings.NewReader(url.Values{"username": {name}, "password": {apptest.Password}}.Encode()))
			answers <- answer{resp.StatusCode, string(body), resp.Header.Get("Retry-After")}
		}()
	}
	wg.Wait()
	close(answers)
	in := 0
	for ans := range answers {
		switch {
		case ans.code == http.StatusSeeOther:
			in++
		case ans.code == http.StatusServiceUnavailable && strings.Contains(ans.body, "thử lại sau") && ans.retryAfter != "":
			if !strings.Contains(ans.body, `name="username" value="canbo`) {
				t.Errorf("503 login page lost the user name")
			}
		default:
			t.Errorf("login: %d, want 303 or 503 asking to try again", ans.code)
		}
	}
	if in == 0 {
		t.Errorf("no login got through")
	}
	t.Logf("%d of %d logins got through", in, len(names))
}

// TestFailedLoginKeepsUserName: a wrong password shows the form again with
// the user name typed, never the password.
func TestFailedLoginKeepsUserName(t *testing.T) {
	e := serve(apptest.New(t, store.SQLite))
	code, body, _ := e.anon().postForm("/login", url.Values{"username": {"vanphong"}, "password": {"sai-mat-khau"}})
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, `name="username" value="vanphong"`) || strings.Contains(body, "sai-mat-khau") {
		t.Errorf("failed login: %d, want the form with the user name kept", code)
	}
}

// TestAccountPage: the page says that a new password ends sessions and
// tokens; unit users, who connect no software, see no API-token block.
func TestAccountPage(t *testing.T) {
	e := serve(apptest.New(t, store.SQLite))
	_, body, _ := e.login("vanphong").get("/account")
	if !strings.Contains(body, "thu hồi mọi token API") || !strings.Contains(body, "Token kết nối API") {
		t.Errorf("office's account page lacks the password note or the token block")
	}
	_, body, _ = e.login("gddt").get("/account")
	if strings.Contains(body, "Token kết nối API") {
		t.Errorf("a unit user sees the API-token block")
	}
}
