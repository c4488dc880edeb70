package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"giaoban/internal/domain"
)

// apiMaxJSON bounds a JSON request body; multipart uploads may add the
// service's largest upload to it.
const apiMaxJSON = 1 << 20

// apiHandler serves one API call for an authenticated user. It writes a
// response only once it has the whole of it; any error it returns is written
// by apiError instead.
type apiHandler func(w http.ResponseWriter, r *http.Request, u *domain.User) error

// apiRoute is one line of the API's route table.
type apiRoute struct {
	method string
	path   string
	h      apiHandler
	// public routes need no token (the API's own description).
	public bool
}

// apiRoutes is the one route table of the JSON API. routeAPI registers it and
// a test checks that the OpenAPI document describes every line of it.
func (s *Server) apiRoutes() []apiRoute {
	return []apiRoute{
		{method: "GET", path: "/api/v1/openapi.json", h: s.apiOpenAPI, public: true},

		// The caller and the directory.
		{method: "GET", path: "/api/v1/me", h: s.apiMe},
		{method: "GET", path: "/api/v1/directory", h: s.apiDirectory},
		{method: "POST", path: "/api/v1/units", h: s.apiUnitCreate},
		{method: "PUT", path: "/api/v1/units/{id}", h: s.apiUnitUpdate},
		{method: "POST", path: "/api/v1/blocks", h: s.apiBlockCreate},
		{method: "POST", path: "/api/v1/sectors", h: s.apiSectorCreate},

		// Meetings and notices.
		{method: "GET", path: "/api/v1/meetings", h: s.apiMeetings},
		{method: "POST", path: "/api/v1/meetings", h: s.apiMeetingCreate},
		{method: "GET", path: "/api/v1/meetings/{id}", h: s.apiMeeting},
		{method: "PUT", path: "/api/v1/meetings/{id}", h: s.apiMeetingUpdate},
		{method: "GET", path: "/api/v1/notices", h: s.apiNotices},
		{method: "POST", path: "/api/v1/notices", h: s.apiNoticeCreate},
		{method: "GET", path: "/api/v1/notices/{id}", h: s.apiNotice},
		{method: "PUT", path: "/api/v1/notices/{id}", h: s.apiNoticeUpdate},
		{method: "POST", path: "/api/v1/notices/{id}/issue", h: s.apiNoticeIssue},
		{method: "POST", path: "/api/v1/notices/{id}/correct", h: s.apiNoticeCorrect},

		// Tasks and their follow-up.
		{method: "GET", path: "/api/v1/tasks", h: s.apiTasks},
		{method: "POST", path: "/api/v1/tasks", h: s.apiTaskCreate},
		{method: "GET", path: "/api/v1/tasks/{id}", h: s.apiTask},
		{method: "PUT", path: "/api/v1/tasks/{id}", h: s.apiTaskUpdate},
		{method: "POST", path: "/api/v1/tasks/{id}/reports", h: s.apiReportCreate},
		{method: "POST", path: "/api/v1/tasks/{id}/event-date", h: s.apiTaskEventDate},
		{method: "POST", path: "/api/v1/tasks/{id}/reopen", h: s.apiTaskReopen},
		{method: "POST", path: "/api/v1/tasks/{id}/extensions", h: s.apiExtensionCreate},
		{method: "POST", path: "/api/v1/extensions/{id}/decide", h: s.apiExtensionDecide},
		{method: "GET", path: "/api/v1/attachments/{id}", h: s.apiAttachment},
		{method: "GET", path: "/api/v1/dashboard", h: s.apiDashboard},
		{method: "GET", path: "/api/v1/search", h: s.apiSearch},

		// Administration.
		{method: "GET", path: "/api/v1/audit", h: s.apiAudit},
		{method: "GET", path: "/api/v1/users", h: s.apiUsers},
		{method: "POST", path: "/api/v1/users", h: s.apiUserCreate},
		{method: "PUT", path: "/api/v1/users/{id}", h: s.apiUserUpdate},
	}
}

// routeAPI registers the JSON API under /api/v1. Anything else under that
// prefix is answered in JSON too: 405 for a known path with another method,
// 404 otherwise.
func (s *Server) routeAPI(mux *http.ServeMux) {
	allow := map[string][]string{}
	known := http.NewServeMux()
	for _, rt := range s.apiRoutes() {
		if rt.public {
			mux.HandleFunc(rt.method+" "+rt.path, s.apiPublic(rt.h))
		} else {
			mux.HandleFunc(rt.method+" "+rt.path, s.api(rt.h))
		}
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
			s.apiError(w, r, &apiErr{status: http.StatusMethodNotAllowed, code: "method_not_allowed",
				msg: "phương thức " + r.Method + " không dùng được với địa chỉ này (dùng " + strings.Join(methods, ", ") + ")"})
			return
		}
		s.apiError(w, r, domain.ErrNotFound)
	})
}

// api wraps a handler for token holders. The API does not read the session
// cookie at all, so a cross-site form riding on a signed-in browser gets 401
// and no CSRF token is needed.
func (s *Server) api(h apiHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, err := s.apiUser(r)
		if err != nil {
			s.apiError(w, r, err)
			return
		}
		limit := int64(apiMaxJSON)
		if apiIsMultipart(r) {
			limit += s.svc.Options().MaxUpload
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		if err := h(w, r, u); err != nil {
			s.apiError(w, r, err)
		}
	}
}

// apiPublic wraps a handler that needs no token.
func (s *Server) apiPublic(h apiHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r, nil); err != nil {
			s.apiError(w, r, err)
		}
	}
}

// errAPIToken answers a request without a valid bearer token.
var errAPIToken = &apiErr{status: http.StatusUnauthorized, code: "unauthenticated",
	msg: "cần mã truy cập API hợp lệ trong tiêu đề Authorization: Bearer <mã> (tạo mã ở trang Tài khoản)"}

// apiUser authenticates the request's bearer token.
func (s *Server) apiUser(r *http.Request) (*domain.User, error) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return nil, errAPIToken
	}
	u, err := s.svc.AuthenticateAPI(r.Context(), token)
	if errors.Is(err, domain.ErrUnauthenticated) {
		return nil, errAPIToken
	}
	return u, err
}

func apiIsMultipart(r *http.Request) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "multipart/form-data"
}

// apiErr is an error the API layer itself raises, with its own status and code.
type apiErr struct {
	status int
	code   string
	msg    string
}

// Error is the Vietnamese message.
func (e *apiErr) Error() string { return e.msg }

// apiErrorBody is the JSON of every error response.
type apiErrorBody struct {
	Error apiErrorDetail `json:"error"`
}

type apiErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// apiErrorOf is the status, code and user message of err.
func apiErrorOf(err error) (int, string, string) {
	var ae *apiErr
	if errors.As(err, &ae) {
		return ae.status, ae.code, ae.msg
	}
	status := statusOf(err)
	code := "internal"
	switch status {
	case http.StatusUnauthorized:
		return errAPIToken.status, errAPIToken.code, errAPIToken.msg
	case http.StatusForbidden:
		code = "forbidden"
	case http.StatusNotFound:
		code = "not_found"
	case http.StatusConflict:
		code = "conflict"
		if errors.Is(err, domain.ErrDuplicate) {
			code = "duplicate"
		}
	case http.StatusUnprocessableEntity:
		code = "invalid"
	case http.StatusRequestEntityTooLarge:
		code = "too_large"
	case http.StatusTooManyRequests:
		code = "throttled"
	}
	return status, code, userMessage(err)
}

// apiError writes err as a JSON error; internal errors are logged, never shown.
func (s *Server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	status, code, msg := apiErrorOf(err)
	if status == http.StatusInternalServerError {
		s.log.Error("api", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="giaoban"`)
	}
	if werr := apiWriteJSON(w, status, apiErrorBody{Error: apiErrorDetail{Code: code, Message: msg}}); werr != nil {
		s.log.Error("api: write error", "err", werr)
	}
}

// apiWriteJSON encodes v whole before writing anything, so that an encoding
// failure is still a clean error response.
func apiWriteJSON(w http.ResponseWriter, status int, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes()) //nolint:errcheck // the client has gone; nothing left to tell it
	return nil
}

var apiUnknownField = regexp.MustCompile(`^json: unknown field "(.*)"$`)

// apiDecodeJSON reads exactly one JSON object into v, refusing unknown fields.
// Every failure comes back as an error with a Vietnamese message.
func apiDecodeJSON(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			return &apiErr{status: http.StatusUnsupportedMediaType, code: "unsupported_media_type",
				msg: "nội dung gửi lên phải là JSON (Content-Type: application/json)"}
		}
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return apiJsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &apiErr{status: http.StatusBadRequest, code: "malformed_json", msg: "sau đối tượng JSON còn dữ liệu thừa"}
	}
	return nil
}

// apiJsonError turns a decoding error into one a user can act on.
func apiJsonError(err error) error {
	var (
		syn *json.SyntaxError
		typ *json.UnmarshalTypeError
		mbe *http.MaxBytesError
	)
	switch {
	case errors.Is(err, domain.ErrBadDate):
		return err
	case errors.As(err, &mbe):
		return &apiErr{status: http.StatusRequestEntityTooLarge, code: "too_large",
			msg: fmt.Sprintf("nội dung gửi lên vượt quá giới hạn %d KB", mbe.Limit>>10)}
	case errors.Is(err, io.EOF):
		return &apiErr{status: http.StatusBadRequest, code: "malformed_json", msg: "thiếu nội dung JSON trong yêu cầu"}
	case errors.As(err, &syn):
		return &apiErr{status: http.StatusBadRequest, code: "malformed_json",
			msg: fmt.Sprintf("nội dung JSON sai cú pháp ở vị trí %d", syn.Offset)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &apiErr{status: http.StatusBadRequest, code: "malformed_json", msg: "nội dung JSON bị cắt cụt"}
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return &apiErr{status: http.StatusUnprocessableEntity, code: "invalid", msg: "nội dung gửi lên phải là một đối tượng JSON"}
		}
		return &apiErr{status: http.StatusUnprocessableEntity, code: "invalid",
			msg: fmt.Sprintf("trường %q phải là %s", field, apiJsonKind(typ))}
	}
	if m := apiUnknownField.FindStringSubmatch(err.Error()); m != nil {
		return &apiErr{status: http.StatusUnprocessableEntity, code: "invalid",
			msg: fmt.Sprintf("trường %q không có trong yêu cầu này (xem /api/v1/openapi.json)", m[1])}
	}
	return &apiErr{status: http.StatusBadRequest, code: "malformed_json", msg: "nội dung JSON không đọc được"}
}

// apiJsonKind names in Vietnamese the JSON type a field expects.
func apiJsonKind(e *json.UnmarshalTypeError) string {
	switch e.Type.Kind().String() {
	case "string":
		return "một chuỗi"
	case "bool":
		return "true hoặc false"
	case "slice", "array":
		return "một mảng"
	case "struct", "map":
		return "một đối tượng"
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64":
		return "một số nguyên"
	}
	return "kiểu " + e.Type.String()
}

// apiParams reads query parameters, keeping the first error.
type apiParams struct {
	v   url.Values
	err error
}

func apiQuery(r *http.Request) *apiParams { return &apiParams{v: r.URL.Query()} }

func (p *apiParams) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("%w: %s", domain.ErrInvalid, fmt.Sprintf(format, args...))
	}
}

// id reads a positive integer id; absent is 0.
func (p *apiParams) id(name string) int64 {
	s := strings.TrimSpace(p.v.Get(name))
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		p.fail("tham số %s phải là một mã số dương", name)
	}
	return n
}

// boolean reads true/false (also 1/0); absent is false.
func (p *apiParams) boolean(name string) bool {
	s := strings.TrimSpace(p.v.Get(name))
	if s == "" {
		return false
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		p.fail("tham số %s phải là true hoặc false", name)
	}
	return b
}

// integer reads an integer within [min, max]; absent is def.
func (p *apiParams) integer(name string, def, min, max int) int {
	s := strings.TrimSpace(p.v.Get(name))
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		p.fail("tham số %s phải là số nguyên từ %d đến %d", name, min, max)
	}
	return n
}

// date reads an ISO day; absent is the zero Date.
func (p *apiParams) date(name string) domain.Date {
	d, err := apiParseISODate(p.v.Get(name))
	if err != nil && p.err == nil {
		p.err = fmt.Errorf("tham số %s: %w", name, err)
	}
	return d
}

// page reads page and per_page (at most 200) and returns them with the offset.
func (p *apiParams) page() (page, perPage, offset int) {
	page = p.integer("page", 1, 1, 1_000_000)
	perPage = p.integer("per_page", 50, 1, 200)
	return page, perPage, (page - 1) * perPage
}

// apiPageOf is one page of a list.
type apiPageOf[T any] struct {
	Items   []T `json:"items"`
	Total   int `json:"total"`
	Page    int `json:"page"`
	PerPage int `json:"per_page"`
}

// apiList writes each of xs with out, in order; no items is [], never null.
func apiList[S, T any](xs []S, out func(*S) T) []T {
	items := make([]T, 0, len(xs))
	for i := range xs {
		items = append(items, out(&xs[i]))
	}
	return items
}

// apiPage is one page of a list: xs written with out, of total matching.
func apiPage[S, T any](xs []S, out func(*S) T, total, page, perPage int) apiPageOf[T] {
	return apiPageOf[T]{Items: apiList(xs, out), Total: total, Page: page, PerPage: perPage}
}
