// Package api serves giaoban's JSON API under /api/v1 to holders of a bearer
// token: its route table (routes.go), one handler per call grouped by entity
// with the JSON shapes of that entity beside it, the one function that turns
// errors into JSON responses, and the OpenAPI document that describes it all.
// The shapes are spelled out apart from the domain types, so that a change
// inside the domain cannot silently change the API.
//
// It must not hold rules: every call goes to the same service function
// (package app) as the matching page, which checks permissions, validates and
// audits. HTML pages live in package web, which mounts this handler; what
// both need (error statuses, path ids, authentication) lives in httpx.
package api

import (
	"errors"
	"log/slog"
	"net/http"
	"sort"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
)

// maxJSON bounds a JSON request body; multipart uploads may add the
// service's largest upload to it.
const maxJSON = 1 << 20

// Server answers the JSON API's calls.
type Server struct {
	svc *app.Service
	log *slog.Logger
}

// Options configure a Server.
type Options struct {
	// Logger receives the detail of internal errors, which a response never
	// shows. It is required.
	Logger *slog.Logger
}

// New returns the API on svc; it fails without a logger.
func New(svc *app.Service, opt Options) (*Server, error) {
	if opt.Logger == nil {
		return nil, errors.New("api: Options.Logger is required")
	}
	return &Server{svc: svc, log: opt.Logger}, nil
}

// handler serves one API call for an authenticated user. It writes a
// response only once it has the whole of it; any error it returns is written
// by serveError instead.
type handler func(w http.ResponseWriter, r *http.Request, u *domain.User) error

// Handler serves every path under /api/v1/: the route table, and for anything
// else a JSON answer too, 405 for a known path with another method and 404
// otherwise. Mount it at "/api/v1/".
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	allow := map[string][]string{}
	known := http.NewServeMux()
	for _, rt := range s.routes() {
		pattern := rt.method + " " + rt.path
		h := s.authed(rt.h)
		if rt.public {
			h = s.public(rt.h)
		}
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			httpx.NoteRoute(r, pattern)
			h(w, r)
		})
		if allow[rt.path] == nil {
			known.HandleFunc(rt.path, func(http.ResponseWriter, *http.Request) {})
		}
		allow[rt.path] = append(allow[rt.path], rt.method)
	}
	mux.HandleFunc("/api/v1/", func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := known.Handler(r); pattern != "" {
			methods := append([]string(nil), allow[pattern]...)
			sort.Strings(methods)
			w.Header().Set("Allow", strings.Join(methods, ", "))
			s.serveError(w, r, &httpError{status: http.StatusMethodNotAllowed, code: "method_not_allowed",
				msg: "phương thức " + r.Method + " không dùng được với địa chỉ này (dùng " + strings.Join(methods, ", ") + ")"})
			return
		}
		s.serveError(w, r, domain.ErrNotFound)
	})
	return mux
}

// authed wraps a handler for token holders. The API does not read the
// session cookie at all, so a cross-site form riding on a signed-in browser
// gets 401 and no CSRF token is needed.
func (s *Server) authed(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, err := httpx.BearerUser(r, s.svc)
		if err != nil {
			s.serveError(w, r, err)
			return
		}
		if err := httpx.ReadInput(w, r, httpx.Limits{Body: maxJSON + s.svc.Options().MaxUpload, JSON: maxJSON}); err != nil {
			s.serveError(w, r, err)
			return
		}
		if err := h(w, r, u); err != nil {
			s.serveError(w, r, err)
		}
	}
}

// public wraps a handler that needs no token.
func (s *Server) public(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := httpx.ReadInput(w, r, httpx.Limits{Body: maxJSON, JSON: maxJSON}); err != nil {
			s.serveError(w, r, err)
			return
		}
		if err := h(w, r, nil); err != nil {
			s.serveError(w, r, err)
		}
	}
}
