package web

import (
	"context"
	"errors"
	"net/http"
	"runtime/debug"

	"giaoban/internal/httpx"
)

// What every response of the site gets, whatever route (or none) it takes:
// security headers, a Vietnamese page (JSON under /api/) for the paths and
// methods no route serves, for a cross-site form and for a panic.

// contentSecurityPolicy allows only the site's own scripts, styles, images
// and forms: no inline script or style, no frames, no plugins. A page that
// needs behaviour serves it as a file under /static/.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
		h.ServeHTTP(w, r)
	})
}

// Errors of the site itself, outside any handler.
var (
	errNoRoute = errors.New("không tìm thấy trang bạn yêu cầu; có thể đường dẫn đã sai hoặc trang đã được chuyển đi")
	errMethod  = errors.New("trang này không nhận thao tác đó (phương thức không được hỗ trợ); hãy mở lại trang rồi thực hiện từ các nút trên trang")
	// errCrossOrigin answers a form or call sent from another site.
	errCrossOrigin = forbidden(errors.New("yêu cầu được gửi từ một trang web khác nên đã bị từ chối để bảo vệ tài khoản của bạn; hãy mở trang Giao ban rồi thực hiện lại"))
)

// siteError is an error with the status the site answers it with.
type siteError struct {
	status int
	err    error
}

func (e siteError) Error() string { return e.err.Error() }
func (e siteError) Unwrap() error { return e.err }

// HTTPStatus is the status httpx.Status gives it.
func (e siteError) HTTPStatus() int { return e.status }

// serveAny answers err as a page, or as JSON under /api/.
func (s *Server) serveAny(w http.ResponseWriter, r *http.Request, err error) {
	if httpx.IsAPI(r) {
		s.api.ServeError(w, r, err)
		return
	}
	s.serveError(w, r, err)
}

// routed serves mux, answering the requests it has no route for — a path
// it does not know (404), a method a path does not take (405) — in
// Vietnamese instead of the mux's English text. Its own redirects (a
// cleaned path, a trailing slash) pass through.
func (s *Server) routed(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		if pattern != "" {
			httpx.NoteRoute(r, pattern)
			mux.ServeHTTP(w, r)
			return
		}
		rec := &headerRecorder{header: http.Header{}}
		h.ServeHTTP(rec, r)
		switch rec.status {
		case http.StatusNotFound:
			s.serveUnrouted(w, r, siteError{http.StatusNotFound, errNoRoute})
		case http.StatusMethodNotAllowed:
			w.Header().Set("Allow", rec.header.Get("Allow"))
			s.serveUnrouted(w, r, siteError{http.StatusMethodNotAllowed, errMethod})
		default:
			h.ServeHTTP(w, r)
		}
	})
}

// serveUnrouted shows an error page with the signed-in user's menu when
// there is a session.
func (s *Server) serveUnrouted(w http.ResponseWriter, r *http.Request, err error) {
	if u, csrf, serr := httpx.SessionUser(r, s.svc); serr == nil {
		r = r.WithContext(context.WithValue(context.WithValue(r.Context(), keyUser, u), keyCSRF, csrf))
	}
	s.serveAny(w, r, err)
}

// headerRecorder takes what the mux's own 404/405/redirect handlers write,
// to learn their status.
type headerRecorder struct {
	header http.Header
	status int
}

func (h *headerRecorder) Header() http.Header { return h.header }
func (h *headerRecorder) WriteHeader(code int) {
	if h.status == 0 {
		h.status = code
	}
}
func (h *headerRecorder) Write(b []byte) (int, error) {
	h.WriteHeader(http.StatusOK)
	return len(b), nil
}

// crossOriginDenied answers a request http.CrossOriginProtection refused.
func (s *Server) crossOriginDenied(w http.ResponseWriter, r *http.Request) {
	s.serveAny(w, r, errCrossOrigin)
}

// recoverPanics turns a handler's panic into a logged 500 with the usual
// Vietnamese page, when nothing has been written yet, instead of a dropped
// connection.
func (s *Server) recoverPanics(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &wroteRecorder{ResponseWriter: w}
		defer func() {
			p := recover()
			if p == nil {
				return
			}
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.log.Error("panic", "method", r.Method, "path", logPath(r), "panic", p, "stack", string(debug.Stack()),
				"request_id", httpx.RequestID(r.Context()))
			if !rec.wrote {
				s.serveAny(w, r, errors.New("panic"))
			}
		}()
		h.ServeHTTP(rec, r)
	})
}

// wroteRecorder notes whether a response has begun.
type wroteRecorder struct {
	http.ResponseWriter
	wrote bool
}

func (w *wroteRecorder) WriteHeader(code int) {
	w.wrote = true
	w.ResponseWriter.WriteHeader(code)
}

func (w *wroteRecorder) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *wroteRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }
