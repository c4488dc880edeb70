// Package web serves giaoban's HTML pages (templates/, one pages_*.go file
// per area, one route table in routes.go) and puts the whole site together:
// static files, the health check, the pages, and the JSON API of package api
// mounted under /api/v1/, all behind one cross-origin check, gzip and request
// log. Page handlers return errors; one function (serveError) turns them
// into error pages, and forms.go holds the one helper for each way of
// reading a form.
//
// It must not hold rules or JSON handlers: pages read forms, call the same
// service functions (package app) as the API, and choose what to show. What
// pages and API both need lives in httpx.
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

	"giaoban/internal/api"
	"giaoban/internal/app"
	"giaoban/internal/docs"
	"giaoban/internal/httpx"
	"giaoban/internal/metrics"
)

//go:embed templates static
var assets embed.FS

// Server is the HTTP side of giaoban.
type Server struct {
	svc   *app.Service
	pages *pageSet
	api   *api.Server
	log   *slog.Logger
	// Secure marks cookies Secure (behind HTTPS).
	secure bool
	// proxies whose X-Forwarded-For is believed.
	proxies []netip.Prefix
	// printer prints every PDF of the site; owned when New made it.
	printer      *docs.Printer
	ownsPrinter  bool
	metrics      *metrics.Metrics
	metricsToken string
}

// Options configure a Server.
type Options struct {
	SecureCookies bool
	// Logger receives the request log and the detail of internal errors,
	// which a page never shows. It is required.
	Logger *slog.Logger
	// TrustedProxies are the reverse proxies whose X-Forwarded-For header is
	// believed; login throttling then counts the address the proxy saw.
	TrustedProxies []netip.Prefix
	// Metrics, when set, counts and times every request by route; with a
	// MetricsToken it is also served at /metrics to "Authorization: Bearer
	// MetricsToken" (an address of its own is the command's to open).
	Metrics      *metrics.Metrics
	MetricsToken string
	// Printer prints the site's PDFs: the process's one docs.Printer. When
	// nil, New makes one with Chromium (below), which Close stops.
	Printer *docs.Printer
	// Chromium is the path of the Chromium that prints notices as PDF; ""
	// looks in the usual places (docs.FindChromium).
	Chromium string
}

// New builds the server, the API with it, and parses every template; a
// template error, or a missing logger, fails here, at start.
func New(svc *app.Service, opt Options) (*Server, error) {
	if opt.Logger == nil {
		return nil, errors.New("web: Options.Logger is required")
	}
	ps, err := parsePages()
	if err != nil {
		return nil, err
	}
	a, err := api.New(svc, api.Options{Logger: opt.Logger})
	if err != nil {
		return nil, err
	}
	s := &Server{svc: svc, pages: ps, api: a, log: opt.Logger, secure: opt.SecureCookies, proxies: opt.TrustedProxies, printer: opt.Printer,
		metrics: opt.Metrics, metricsToken: opt.MetricsToken}
	if s.printer == nil {
		s.printer, s.ownsPrinter = &docs.Printer{ExecPath: opt.Chromium}, true
	}
	return s, nil
}

// Close releases what New made: the PDF printer's browser, when New made the
// printer. The handler must not be used after.
func (s *Server) Close() error {
	if s.ownsPrinter {
		return s.printer.Close()
	}
	return nil
}

// Handler returns the whole site: the pages' route table and the API under
// /api/v1/, wrapped in the cross-origin (CSRF) protection, gzip, the
// security headers, panic recovery and the request log (site.go); a path or
// method no route serves gets a Vietnamese page, or JSON under /api/.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(assets, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheForever(http.FileServerFS(static))))
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /favicon.ico", http.RedirectHandler("/static/favicon.svg", http.StatusMovedPermanently))
	s.routePages(mux)
	mux.Handle("/api/v1/", s.api.Handler())
	if s.metrics != nil && s.metricsToken != "" {
		mux.Handle("GET /metrics", s.metrics.Handler(s.metricsToken))
	}
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(s.crossOriginDenied))
	var h http.Handler = s.recoverPanics(securityHeaders(gzipResponses(cop.Handler(s.routed(mux)))))
	if s.metrics != nil {
		h = s.metrics.Middleware(h)
	}
	return s.logRequests(h)
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
		s.log.Error("healthz", "err", err)
		http.Error(w, "không kết nối được cơ sở dữ liệu", http.StatusServiceUnavailable)
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
		r = httpx.WithRequestID(w, r)
		r, route := httpx.WithRoute(r)
		rec := &statusRecorder{ResponseWriter: w, status: 200}
		h.ServeHTTP(rec, r)
		s.log.Debug("request", "method", r.Method, "route", route(), "path", logPath(r), "status", rec.status,
			"ms", time.Since(start).Milliseconds(), "request_id", httpx.RequestID(r.Context()))
	})
}

// logPath is the request's path as logs may keep it: a calendar feed's path
// is its secret.
func logPath(r *http.Request) string {
	if strings.HasPrefix(r.URL.Path, "/cal/") {
		return "/cal/…"
	}
	return r.URL.Path
}
