package web

import (
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"giaoban/internal/apptest"
	"giaoban/internal/store"
)

// TestSiteErrorsInVietnamese: what no route serves, a cross-site form and a
// broken PDF are answered in Vietnamese — a page, or JSON under /api/ —
// never with Go's or a tool's English text.
func TestSiteErrorsInVietnamese(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		c := e.login("vanphong")
		tests := []struct {
			name, method, path string
			header             map[string]string
			status             int
			json               bool
			want               string
		}{
			{"unknown page", "GET", "/khong-co-trang-nay", nil, 404, false, "Không tìm thấy"},
			{"unknown page under a known one", "GET", "/tasks/12/abc", nil, 404, false, "Không tìm thấy"},
			{"method a page does not take", "DELETE", "/tasks", nil, 405, false, "không nhận thao tác"},
			{"unknown API version", "GET", "/api/v2/tasks", nil, 404, true, `"code":"not_found"`},
			{"API method not allowed", "DELETE", "/api/v1/tasks", nil, 405, true, `"code":"method_not_allowed"`},
			{"cross-site form", "POST", "/tasks", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403, false, "trang web khác"},
			{"cross-site API call", "POST", "/api/v1/tasks", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403, true, `"code":"forbidden"`},
			{"cross-origin by Origin", "POST", "/account/tokens", map[string]string{"Origin": "https://evil.example"}, 403, false, "trang web khác"},
		}
		for _, tt := range tests {
			req, err := http.NewRequest(tt.method, e.srv.URL+tt.path, strings.NewReader("name=x"))
			apptest.Must(t, err)
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := c.http.Do(req)
			apptest.Must(t, err)
			body := readAll(t, resp)
			ct := resp.Header.Get("Content-Type")
			if resp.StatusCode != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("%s: %d %q, want %d with %q", tt.name, resp.StatusCode, shorten(body, 200), tt.status, tt.want)
			}
			if tt.json != strings.HasPrefix(ct, "application/json") || (!tt.json && !strings.HasPrefix(ct, "text/html")) {
				t.Errorf("%s: Content-Type %q", tt.name, ct)
			}
			for _, english := range []string{"page not found", "Method Not Allowed", "cross-origin", "Forbidden"} {
				if strings.Contains(body, english) {
					t.Errorf("%s: the answer says %q", tt.name, english)
				}
			}
			if tt.status == 405 && resp.Header.Get("Allow") == "" {
				t.Errorf("%s: no Allow header", tt.name)
			}
		}
		// A signed-in user's 404 still has the menu.
		if _, body, _ := c.get("/khong-co-trang-nay"); !strings.Contains(body, `class="menu"`) {
			t.Errorf("404 page lacks the menu for a signed-in user")
		}
		// A PDF that pdftotext cannot read.
		code, body, _ := c.postMultipart("/import", nil, "file", upload{"hong.pdf", []byte("%PDF-1.4\nrác rác rác\n%%EOF\n")})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "bị hỏng") || strings.Contains(body, "Syntax Error") || strings.Contains(body, "trailer") {
			t.Errorf("broken PDF: %d, want 422 in Vietnamese only:\n%s", code, shorten(body, 400))
		}
	})
}

// TestSecurityHeaders: every answer — page, API, static file, error —
// carries the Content-Security-Policy and the framing and referrer rules.
func TestSecurityHeaders(t *testing.T) {
	e := serve(apptest.New(t, store.SQLite))
	c := e.login("vanphong")
	for _, path := range []string{"/", "/tasks", "/login", "/static/app.css", "/khong-co", "/api/v1/me"} {
		resp, _ := c.getResp(path)
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: CSP allows inline code: %q", path, csp)
		}
		if h.Get("X-Frame-Options") != "DENY" || h.Get("Referrer-Policy") == "" || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
	if code, _, _ := c.get("/static/favicon.svg"); code != http.StatusOK {
		t.Errorf("favicon: %d", code)
	}
	if code, _, loc := c.get("/favicon.ico"); code != http.StatusMovedPermanently || loc != "/static/favicon.svg" {
		t.Errorf("/favicon.ico: %d → %q", code, loc)
	}
}

// TestTemplatesHoldNoInlineCode: the CSP forbids inline script and style, so
// no template may hold a <script> without src, a style attribute or <style>
// element, an on* handler or a javascript: link; they would silently not
// work.
func TestTemplatesHoldNoInlineCode(t *testing.T) {
	bad := regexp.MustCompile(`(?i)<script(?:\s[^>]*)?>\s*[^<\s]|<script>|\sstyle\s*=|<style|\son[a-z]+\s*=|javascript:`)
	err := fs.WalkDir(assets, "templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := assets.ReadFile(path)
		if err != nil {
			return err
		}
		if m := bad.Find(b); m != nil {
			t.Errorf("%s holds inline code: %q", path, m)
		}
		return nil
	})
	apptest.Must(t, err)
}

// TestPanicIsAVietnamesePage: a handler's panic is logged and answered with
// the 500 page, not a dropped connection.
func TestPanicIsAVietnamesePage(t *testing.T) {
	e := serve(apptest.New(t, store.SQLite))
	srv, err := New(e.Service, Options{Logger: slog.New(slog.DiscardHandler)})
	apptest.Must(t, err)
	h := srv.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("hỏng") }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/tasks", nil))
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), "Đã có lỗi trong hệ thống") {
		t.Errorf("panic: %d %q", rec.Code, shorten(rec.Body.String(), 200))
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/tasks", nil))
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), `"code":"internal"`) {
		t.Errorf("API panic: %d %q", rec.Code, rec.Body.String())
	}
}

// readAll reads and closes a response's body.
func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	apptest.Must(t, err)
	return string(b)
}
