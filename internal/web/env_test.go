package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/auth"
	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// testLogger takes the servers' logs in tests: internal errors reach stderr.
var testLogger = slog.New(slog.NewTextHandler(os.Stderr, nil))

// testPassword is every fixture user's password.
const testPassword = "matkhau123"

// env is a running server on a fresh database with an organisation, a block,
// two units and one user per role: admin, vanphong (office), lanhdao (leader),
// xem (viewer), gddt (unit 1), yte (unit 2).
type env struct {
	t            testing.TB
	srv          *httptest.Server
	svc          *app.Service
	st           *store.Store
	users        map[string]*domain.User
	unit1, unit2 domain.Unit
	block        domain.Block
	now          time.Time
}

func newEnv(t testing.TB, st *store.Store) *env {
	t.Helper()
	ctx := context.Background()
	e := &env{t: t, users: map[string]*domain.User{}, now: time.Date(2023, 3, 1, 9, 0, 0, 0, domain.Location)}
	e.st = storetest.Reopen(t, st, store.WithClock(func() time.Time { return e.now }))
	e.svc = app.New(e.st, app.Options{MaxUpload: 1 << 20, PasswordParams: auth.Params{Memory: 1024, Time: 1, Threads: 1}})
	admin := &domain.User{Username: "admin", FullName: "Quản trị viên"}
	if _, err := e.svc.Bootstrap(ctx, &domain.Org{Name: "UBND huyện Thử Nghiệm", Level: "huyện", Place: "Thử Nghiệm", Superior: "UBND tỉnh Mẫu"}, admin, testPassword); err != nil {
		t.Fatal(err)
	}
	e.users["admin"] = admin
	e.block = domain.Block{Name: "Khối Văn hóa - Xã hội"}
	mustT(t, e.svc.CreateBlock(ctx, admin, &e.block))
	e.unit1 = domain.Unit{Name: "Phòng Giáo dục và Đào tạo", Kind: "phòng", BlockID: e.block.ID, Aliases: []string{"Phòng GD&ĐT"}}
	e.unit2 = domain.Unit{Name: "Phòng Y tế", Kind: "phòng", BlockID: e.block.ID}
	mustT(t, e.svc.CreateUnit(ctx, admin, &e.unit1))
	mustT(t, e.svc.CreateUnit(ctx, admin, &e.unit2))
	for _, u := range []struct {
		name string
		role domain.Role
		unit int64
	}{{"vanphong", domain.RoleOffice, 0}, {"lanhdao", domain.RoleLeader, 0}, {"xem", domain.RoleViewer, 0},
		{"gddt", domain.RoleUnit, e.unit1.ID}, {"yte", domain.RoleUnit, e.unit2.ID}} {
		usr := &domain.User{Username: u.name, FullName: "Cán bộ " + u.name, Role: u.role, UnitID: u.unit}
		mustT(t, e.svc.CreateUser(ctx, admin, usr, testPassword))
		e.users[u.name] = usr
	}
	srv, err := New(e.svc, Options{Logger: testLogger})
	mustT(t, err)
	e.srv = httptest.NewServer(srv.Handler())
	t.Cleanup(e.srv.Close)
	return e
}

func mustT(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// client is a browser-like HTTP client with its own cookies.
type client struct {
	t    testing.TB
	e    *env
	http *http.Client
	csrf string
}

// anon returns a client that is not signed in.
func (e *env) anon() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: e.t, e: e, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// login returns a client signed in as username.
func (e *env) login(username string) *client {
	e.t.Helper()
	c := e.anon()
	code, _, _ := c.postForm("/login", url.Values{"username": {username}, "password": {testPassword}})
	if code != http.StatusSeeOther {
		e.t.Fatalf("login %s: status %d", username, code)
	}
	_, body, _ := c.get("/account")
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		e.t.Fatalf("login %s: no CSRF token on /account", username)
	}
	c.csrf = m[1]
	return c
}

// get fetches path and returns the status, body and Location header.
func (c *client) get(path string) (int, string, string) {
	c.t.Helper()
	resp, err := c.http.Get(c.e.srv.URL + path)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header.Get("Location")
}

// post sends a form with the session's CSRF token added.
func (c *client) post(path string, form url.Values) (int, string, string) {
	c.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if form.Get("csrf") == "" {
		form.Set("csrf", c.csrf)
	}
	return c.postForm(path, form)
}

// postForm sends a form as it is (no CSRF token added).
func (c *client) postForm(path string, form url.Values) (int, string, string) {
	c.t.Helper()
	resp, err := c.http.Post(c.e.srv.URL+path, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header.Get("Location")
}

func TestLoginAndCSRF(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		anon := e.anon()
		if code, _, loc := anon.get("/tasks"); code != http.StatusSeeOther || !strings.HasPrefix(loc, "/login") {
			t.Fatalf("anonymous /tasks: %d → %q, want redirect to login", code, loc)
		}
		if code, body, _ := anon.postForm("/login", url.Values{"username": {"vanphong"}, "password": {"sai mật khẩu"}}); code != http.StatusUnprocessableEntity ||
			!strings.Contains(body, "không đúng") {
			t.Fatalf("wrong password: %d", code)
		}
		c := e.login("vanphong")
		if code, _, _ := c.get("/account"); code != http.StatusOK {
			t.Fatalf("account page: %d", code)
		}
		code, body, _ := c.postForm("/account/tokens", url.Values{"name": {"x"}})
		if code != http.StatusForbidden || !strings.Contains(body, "biểu mẫu") {
			t.Fatalf("form without CSRF token: %d, want 403 with a Vietnamese message", code)
		}
		if code, body, _ := c.post("/account/tokens", url.Values{"name": {"Phần mềm QLVB"}}); code != http.StatusOK || !strings.Contains(body, "gb_") {
			t.Fatalf("token with CSRF: %d", code)
		}
		if code, _, _ := e.anon().get("/healthz"); code != http.StatusOK {
			t.Fatalf("healthz: %d", code)
		}
	})
}
