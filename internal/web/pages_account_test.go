package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
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
