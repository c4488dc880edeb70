// Package web serves giaoban's HTML pages and its JSON API. Handlers return
// errors; one function (serveError) turns them into responses. Pages and API
// call the same service functions in package app and hold no rules of their own.
package web

import (
	"context"
	"embed"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/domain"
)

//go:embed templates static
var assets embed.FS

// Server is the HTTP side of giaoban.
type Server struct {
	svc   *app.Service
	pages *pageSet
	log   *slog.Logger
	// Secure marks cookies Secure (behind HTTPS).
	secure bool
	// proxies whose X-Forwarded-For is believed.
	proxies []netip.Prefix
}

// Options configure a Server.
type Options struct {
	SecureCookies bool
	Logger        *slog.Logger
	// TrustedProxies are the reverse proxies whose X-Forwarded-For header is
	// believed; login throttling then counts the address the proxy saw.
	TrustedProxies []netip.Prefix
}

// New builds the server and parses every template; a template error fails here, at start.
func New(svc *app.Service, opt Options) (*Server, error) {
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	ps, err := parsePages()
	if err != nil {
		return nil, err
	}
	return &Server{svc: svc, pages: ps, log: opt.Logger, secure: opt.SecureCookies, proxies: opt.TrustedProxies}, nil
}

// Handler returns the whole route table, wrapped in the cross-origin (CSRF)
// protection and the request log.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(assets, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheForever(http.FileServerFS(static))))
	mux.HandleFunc("GET /healthz", s.healthz)
	s.routePages(mux)
	s.routeAPI(mux)
	cop := http.NewCrossOriginProtection()
	return s.logRequests(gzipResponses(cop.Handler(mux)))
}

func cacheForever(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		h.ServeHTTP(w, r)
	})
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.svc.Store().Ping(ctx); err != nil {
		http.Error(w, "database unreachable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n")) //nolint:errcheck
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (s *Server) logRequests(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: 200}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Referrer-Policy", "same-origin")
		h.ServeHTTP(rec, r)
		path := r.URL.Path
		if strings.HasPrefix(path, "/cal/") {
			path = "/cal/…" // the path is the calendar link's secret
		}
		s.log.Debug("request", "method", r.Method, "path", path, "status", rec.status, "ms", time.Since(start).Milliseconds())
	})
}

// statusOf maps service errors to HTTP statuses.
func statusOf(err error) int {
	switch {
	case errors.Is(err, domain.ErrUnauthenticated):
		return http.StatusUnauthorized
	case errors.Is(err, domain.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, domain.ErrForbidden):
		return http.StatusForbidden
	case errors.Is(err, domain.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, domain.ErrDuplicate):
		return http.StatusConflict
	case errors.Is(err, domain.ErrInvalid), errors.Is(err, domain.ErrBadDate), errors.Is(err, app.ErrBadLogin):
		return http.StatusUnprocessableEntity
	case errors.Is(err, domain.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, domain.ErrThrottled):
		return http.StatusTooManyRequests
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusInternalServerError
}

// userMessage is what a user may read of err: the Vietnamese text of a known
// error, or a generic sentence for an internal one (whose details go to the log).
func userMessage(err error) string {
	switch statusOf(err) {
	case http.StatusInternalServerError:
		return "Đã có lỗi trong hệ thống. Dữ liệu của bạn chưa được lưu; vui lòng thử lại sau ít phút."
	case http.StatusNotFound:
		return "Không tìm thấy trang hoặc dữ liệu bạn yêu cầu (hoặc bạn không có quyền xem)."
	case http.StatusForbidden:
		return err.Error()
	case http.StatusRequestEntityTooLarge:
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return "Tệp tải lên quá lớn so với giới hạn cho phép."
		}
	}
	return err.Error()
}
