package api

import (
	"errors"
	"net/http"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
)

// httpError is an error the API layer itself raises, with its own status and code.
type httpError struct {
	status int
	code   string
	msg    string
}

// Error is the Vietnamese message.
func (e *httpError) Error() string { return e.msg }

// errToken answers a request without a valid bearer token.
var errToken = &httpError{status: http.StatusUnauthorized, code: "unauthenticated",
	msg: "cần mã truy cập API hợp lệ trong tiêu đề Authorization: Bearer <mã> (tạo mã ở trang Tài khoản)"}

// errorBody is the JSON of every error response.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	// Notice is, for a duplicate notice, the one the organisation has.
	Notice *noticeRefJSON `json:"notice,omitempty"`
}

// errorOf is the status, code and user message of err.
func errorOf(err error) (int, string, string) {
	var ae *httpError
	if errors.As(err, &ae) {
		return ae.status, ae.code, httpx.Sentence(ae.msg)
	}
	status := httpx.Status(err)
	code := "internal"
	switch status {
	case http.StatusUnauthorized:
		return errToken.status, errToken.code, httpx.Sentence(errToken.msg)
	case http.StatusForbidden:
		code = "forbidden"
	case http.StatusNotFound:
		code = "not_found"
	case http.StatusConflict:
		code = "conflict"
		if errors.Is(err, domain.ErrDuplicate) {
			code = "duplicate"
		}
	case http.StatusBadRequest:
		code = "malformed_form"
	case http.StatusUnprocessableEntity:
		code = "invalid"
	case http.StatusRequestEntityTooLarge:
		code = "too_large"
	case http.StatusTooManyRequests:
		code = "throttled"
	case http.StatusMethodNotAllowed:
		code = "method_not_allowed"
	case http.StatusServiceUnavailable:
		code = "busy"
	}
	return status, code, httpx.Message(err)
}

// ServeError writes err as the API's JSON error, as its own handlers do: the
// site uses it for what it refuses under /api/ before any API handler runs
// (a path it does not know, a cross-site request).
func (s *Server) ServeError(w http.ResponseWriter, r *http.Request, err error) {
	s.serveError(w, r, err)
}

// serveError writes err as a JSON error; internal errors are logged, never shown.
func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	status, code, msg := errorOf(err)
	if status == http.StatusInternalServerError {
		s.log.Error("api", "method", r.Method, "path", r.URL.Path, "err", err, "request_id", httpx.RequestID(r.Context()))
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="giaoban"`)
	}
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	detail := errorDetail{Code: code, Message: msg}
	var dup *app.DuplicateNoticeError
	if errors.As(err, &dup) {
		detail.Notice = &noticeRefJSON{ID: dup.Existing.ID, Code: dup.Existing.Code()}
	}
	if werr := writeJSON(w, status, errorBody{Error: detail}); werr != nil {
		s.log.Error("api: write error", "err", werr)
	}
}
