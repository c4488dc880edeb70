package web

import "net/http"

// routeAPI is the route table of the JSON API under /api/v1. STUB: to be written.
func (s *Server) routeAPI(mux *http.ServeMux) {}
