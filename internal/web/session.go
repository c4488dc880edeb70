package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"

	"giaoban/internal/domain"
	"giaoban/internal/httpx"
)

type ctxKey int

const (
	keyUser ctxKey = iota
	keyCSRF
)

// userOf returns the signed-in user of the request, or nil.
func userOf(r *http.Request) *domain.User {
	u, _ := r.Context().Value(keyUser).(*domain.User)
	return u
}

func csrfOf(r *http.Request) string {
	s, _ := r.Context().Value(keyCSRF).(string)
	return s
}

// handler is a page handler that may fail; errors are served by serveError.
type handler func(w http.ResponseWriter, r *http.Request) error

// page wraps a handler for signed-in users: it loads the session (or redirects
// to the login page), checks the form's CSRF token on every unsafe method and
// serves any error as a page.
func (s *Server) page(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, csrf, err := httpx.SessionUser(r, s.svc)
		if err != nil {
			if !errors.Is(err, domain.ErrUnauthenticated) {
				s.serveError(w, r, err)
				return
			}
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/login?next="+urlEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			s.serveError(w, r, domain.ErrUnauthenticated)
			return
		}
		ctx := context.WithValue(context.WithValue(r.Context(), keyUser, u), keyCSRF, csrf)
		r = r.WithContext(ctx)
		// The body is read and checked (size, encoding, control characters)
		// before the CSRF token, so a body too large is 413 and a broken one
		// 400, never a "form expired" 403.
		if err := httpx.ReadInput(w, r, s.inputLimits()); err != nil {
			s.serveError(w, r, err)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if err := checkCSRF(r, csrf); err != nil {
				s.serveError(w, r, err)
				return
			}
		}
		if err := h(w, r); err != nil {
			s.serveError(w, r, err)
		}
	}
}

// errCSRF is returned when a form lacks the session's token.
var errCSRF = errors.New("phiên làm việc của biểu mẫu đã hết hạn hoặc không hợp lệ; hãy tải lại trang rồi gửi lại")

// inputLimits bound a page's request body: the largest upload plus room for
// the form's fields.
func (s *Server) inputLimits() httpx.Limits {
	return httpx.Limits{Body: s.svc.Options().MaxUpload + (1 << 20), JSON: 1 << 20}
}

// checkCSRF compares the form's token, or the X-CSRF-Token header, with the
// session's. The form has been read by httpx.ReadInput.
func checkCSRF(r *http.Request, want string) error {
	got := r.Header.Get("X-CSRF-Token")
	if got == "" {
		got = r.PostFormValue("csrf")
	}
	if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return forbidden(errCSRF)
	}
	return nil
}

type forbiddenErr struct{ error }

func (e forbiddenErr) Is(target error) bool { return target == domain.ErrForbidden }

func forbidden(err error) error { return forbiddenErr{err} }

// setSessionCookie gives the browser its session, or ends it (token "", maxAge -1).
func (s *Server) setSessionCookie(w http.ResponseWriter, token string, maxAge int) {
	httpx.SetSessionCookie(w, token, maxAge, s.secure)
}
