package api

import (
	_ "embed"
	"net/http"

	"giaoban/internal/domain"
)

// openAPIDoc describes the JSON API (OpenAPI 3.1); a test keeps it in step
// with the route table in routes.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI serves the API's description; it needs no token.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request, _ *domain.User) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(openAPIDoc) //nolint:errcheck // the client has gone
	return nil
}
