package httpx

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
)

// What the request log and the metrics learn from the handlers: the route
// pattern that served a request, and the request's id.

type routeKey struct{}

// routeHolder receives the pattern of the route that serves a request.
type routeHolder struct{ pattern string }

// WithRoute prepares r to learn the route that will serve it; route reports
// it once the handler has run ("" when no route matched).
func WithRoute(r *http.Request) (*http.Request, func() string) {
	if h, ok := r.Context().Value(routeKey{}).(*routeHolder); ok {
		return r, func() string { return h.pattern }
	}
	h := &routeHolder{}
	return r.WithContext(context.WithValue(r.Context(), routeKey{}, h)), func() string { return h.pattern }
}

// NoteRoute records the pattern of the route serving r ("GET /tasks/{id}"),
// for a request prepared by WithRoute; the innermost route table (the API's
// inside the site's) has the last word.
func NoteRoute(r *http.Request, pattern string) {
	if h, ok := r.Context().Value(routeKey{}).(*routeHolder); ok {
		h.pattern = pattern
	}
}

type requestIDKey struct{}

// WithRequestID gives r an id for its log lines: the X-Request-ID a proxy
// sent when it is a plain token of at most 64 characters, else a new one.
// The id is sent back in the X-Request-ID header.
func WithRequestID(w http.ResponseWriter, r *http.Request) *http.Request {
	id := r.Header.Get("X-Request-ID")
	if !plainToken(id) {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		id = hex.EncodeToString(b)
	}
	w.Header().Set("X-Request-ID", id)
	return r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id))
}

// RequestID is the id WithRequestID gave the request of ctx, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// plainToken reports whether s is 1–64 letters, digits, '-', '_' or '.'.
func plainToken(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}
