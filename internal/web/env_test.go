package web

import (
	"bytes"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"giaoban/internal/apptest"
	"giaoban/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// testLogger takes the servers' logs in tests: internal errors reach stderr.
var testLogger = slog.New(slog.NewTextHandler(os.Stderr, nil))

// env is the site (pages and the API they mount) served on an apptest
// fixture: an organisation, a block, two units and one user per role —
// admin, vanphong (office), lanhdao (leader), xem (viewer), gddt (unit 1),
// yte (unit 2) — on 1 March 2023 by the fixture's clock.
type env struct {
	*apptest.App
	srv *httptest.Server
}

// serve starts the site on a's service, stopped at the test's end.
func serve(a *apptest.App) *env {
	a.TB.Helper()
	return serveWith(a, Options{})
}

// serveWith is serve with the server's options opt; a nil Logger is
// testLogger.
func serveWith(a *apptest.App, opt Options) *env {
	a.TB.Helper()
	if opt.Logger == nil {
		opt.Logger = testLogger
	}
	srv, err := New(a.Service, opt)
	a.Must(err)
	e := &env{App: a, srv: httptest.NewServer(srv.Handler())}
	a.TB.Cleanup(func() {
		e.srv.Close()
		srv.Close()
	})
	return e
}

// eachEnv runs fn as a subtest on every database (apptest.Each), with the
// site served on each fixture.
func eachEnv(t *testing.T, fn func(t *testing.T, e *env), opts ...apptest.Option) {
	t.Helper()
	apptest.Each(t, func(t *testing.T, a *apptest.App) { fn(t, serve(a)) }, opts...)
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
	return &client{t: e.TB, e: e, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// login returns a client signed in as the fixture user username.
func (e *env) login(username string) *client {
	e.TB.Helper()
	return e.loginWith(username, apptest.Password)
}

// loginWith returns a client signed in through the login form, holding the
// CSRF token its pages carry.
func (e *env) loginWith(username, password string) *client {
	e.TB.Helper()
	c := e.anon()
	code, _, _ := c.postForm("/login", url.Values{"username": {username}, "password": {password}})
	if code != http.StatusSeeOther {
		e.TB.Fatalf("login %s: status %d", username, code)
	}
	_, body, _ := c.get("/account")
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		e.TB.Fatalf("login %s: no CSRF token on /account", username)
	}
	c.csrf = m[1]
	return c
}

// send makes a request to the server at path with body of content type ct
// (none for a nil body) and returns the response, its body read.
func (c *client) send(method, path, ct string, body io.Reader) (*http.Response, []byte) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.e.srv.URL+path, body)
	apptest.Must(c.t, err)
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	resp, err := c.http.Do(req)
	apptest.Must(c.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	apptest.Must(c.t, err)
	return resp, b
}

// answer is a response as most tests look at it: the status, the body and
// the Location header.
func answer(resp *http.Response, body []byte) (int, string, string) {
	return resp.StatusCode, string(body), resp.Header.Get("Location")
}

// get fetches path and returns the status, body and Location header.
func (c *client) get(path string) (int, string, string) {
	c.t.Helper()
	return answer(c.getResp(path))
}

// getResp fetches path and returns the whole response (headers matter) and its body.
func (c *client) getResp(path string) (*http.Response, []byte) {
	c.t.Helper()
	return c.send(http.MethodGet, path, "", nil)
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
	return answer(c.send(http.MethodPost, path, "application/x-www-form-urlencoded", strings.NewReader(form.Encode())))
}

// upload is one file of a multipart form.
type upload struct {
	name string
	data []byte
}

// postMultipart sends fields and files (each under the form field
// fileField) as multipart/form-data, with the session's CSRF token added.
func (c *client) postMultipart(path string, fields url.Values, fileField string, files ...upload) (int, string, string) {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	apptest.Must(c.t, mw.WriteField("csrf", c.csrf))
	for k, vs := range fields {
		for _, v := range vs {
			apptest.Must(c.t, mw.WriteField(k, v))
		}
	}
	for _, f := range files {
		w, err := mw.CreateFormFile(fileField, f.name)
		apptest.Must(c.t, err)
		_, err = w.Write(f.data)
		apptest.Must(c.t, err)
	}
	apptest.Must(c.t, mw.Close())
	return answer(c.send(http.MethodPost, path, mw.FormDataContentType(), &buf))
}

// postFiles sends a report's multipart form: fields and files under
// "files".
func (c *client) postFiles(path string, form url.Values, files ...upload) (int, string, string) {
	c.t.Helper()
	return c.postMultipart(path, form, "files", files...)
}

func TestLoginAndCSRF(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
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
