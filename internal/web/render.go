package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
)

// pageSet holds one parsed template per page, each joined with the layout.
type pageSet struct{ byName map[string]*template.Template }

// view is what every page template receives.
type view struct {
	Title string
	User  *domain.User
	CSRF  string
	// Flash is a one-line notice after a redirect ("Đã lưu"); Error a message
	// for the form shown again with the user's input.
	Flash string
	Error string
	Nav   string // the active menu item
	Dir   *app.Directory
	Today domain.Date
	Data  any
}

var funcs = template.FuncMap{
	"vn":  func(d domain.Date) string { return d.VN() },
	"iso": func(d domain.Date) string { return d.String() },
	"dt": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(domain.Location).Format("02/01/2006 15:04")
	},
	"add": func(a, b int) int { return a + b },
	"ago": ago,
	// agoShort is ago for a narrow column: "hôm nay", "hôm qua", "5 ngày".
	"agoShort": func(days int) string { return strings.TrimSuffix(ago(days), " trước") },
	// pickerItem hands one unit of a picker to its partial.
	"pickerItem": func(name string, u pickerUnit, checked bool) map[string]any {
		return map[string]any{"Name": name, "U": u, "Checked": checked}
	},
	"cap": httpx.Sentence,
	"sub": func(a, b int) int { return a - b },
	"nl2br": func(s string) template.HTML {
		return template.HTML(strings.ReplaceAll(template.HTMLEscapeString(s), "\n", "<br>"))
	},
	"has":         slices.Contains[[]int64],
	"statuses":    func() []domain.Status { return domain.Statuses },
	"periodKinds": func() []domain.PeriodKind { return domain.PeriodKinds },
	"roles":       func() []domain.Role { return domain.Roles },
	"kb": func(n int64) string {
		if n < 1024 {
			return fmt.Sprintf("%d B", n)
		}
		return fmt.Sprintf("%.0f KB", float64(n)/1024)
	},
	// pageURL is the current list URL with page p.
	"pageURL": func(u *url.URL, p int) string {
		q := u.Query()
		q.Set("page", strconv.Itoa(p))
		return u.Path + "?" + q.Encode()
	},
	"pct": func(n, total int) int {
		if total == 0 {
			return 0
		}
		return n * 100 / total
	},
}

func parsePages() (*pageSet, error) {
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	names, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		return nil, err
	}
	ps := &pageSet{byName: map[string]*template.Template{}}
	for _, n := range names {
		base := strings.TrimPrefix(n, "templates/")
		if base == "layout.html" {
			continue
		}
		t, err := template.Must(layout.Clone()).ParseFS(assets, n)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", n, err)
		}
		ps.byName[strings.TrimSuffix(base, ".html")] = t
	}
	return ps, nil
}

// render writes page name with v, status code status. The page is rendered to
// a buffer first, so a template error never leaves half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, v *view) error {
	t, ok := s.pages.byName[name]
	if !ok {
		return fmt.Errorf("no page template %q", name)
	}
	if v.User == nil {
		v.User = userOf(r)
	}
	if v.CSRF == "" {
		v.CSRF = csrfOf(r)
	}
	if v.Flash == "" {
		v.Flash = flashText(r.URL.Query())
	}
	v.Today = s.svc.Today()
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", v); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

// serveError shows err as a page with the matching status; internal errors
// are logged with their detail and shown with a generic sentence.
func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	code := httpx.Status(err)
	if code == http.StatusInternalServerError {
		s.log.Error("request failed", "method", r.Method, "path", logPath(r), "err", err, "request_id", httpx.RequestID(r.Context()))
	}
	if code == http.StatusUnauthorized && r.Method == http.MethodGet {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	v := &view{Title: "Lỗi", Error: httpx.Message(err), Data: code}
	if rerr := s.render(w, r, code, "error", v); rerr != nil {
		s.log.Error("render error page", "err", rerr)
		http.Error(w, httpx.Message(err), code)
	}
}

func urlEscape(s string) string { return url.QueryEscape(s) }

// pageParams reads ?page= into limit and offset, 20 per page by default.
func pageParams(r *http.Request, per int) (page, limit, offset int) {
	page, _ = strconv.Atoi(r.URL.Query().Get("page"))
	if page < 1 {
		page = 1
	}
	return page, per, (page - 1) * per
}

// Pager describes a list's pages for the pager partial.
type Pager struct {
	URL         *url.URL
	Page, Pages int
	Total       int
}

func newPager(r *http.Request, page, per, total int) Pager {
	pages := (total + per - 1) / per
	if pages < 1 {
		pages = 1
	}
	return Pager{URL: r.URL, Page: page, Pages: pages, Total: total}
}

// ago says how many days ago something was: "hôm nay", "hôm qua", "5 ngày
// trước"; "" for a negative count (unknown).
func ago(days int) string {
	switch {
	case days < 0:
		return ""
	case days == 0:
		return "hôm nay"
	case days == 1:
		return "hôm qua"
	}
	return strconv.Itoa(days) + " ngày trước"
}

// shorten cuts s to at most n characters, at a word boundary when it can.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)[:n]
	cut := string(rs)
	if i := strings.LastIndexAny(cut, " \n"); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;.\n") + "…"
}
