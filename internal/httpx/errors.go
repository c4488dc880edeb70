package httpx

import (
	"errors"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"giaoban/internal/app"
	"giaoban/internal/domain"
)

// Status maps a service error to its HTTP status: the domain's sentinel
// errors to 401, 403, 404, 409, 413, 422 and 429, a body over its size limit
// to 413, an unreadable body (ErrBadBody) to 400, an error with an
// HTTPStatus method to what it says, anything else to 500.
func Status(err error) int {
	var hs interface{ HTTPStatus() int }
	if errors.As(err, &hs) {
		return hs.HTTPStatus()
	}
	switch {
	case errors.Is(err, ErrBadBody):
		return http.StatusBadRequest
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
	case errors.Is(err, app.ErrBusy):
		return http.StatusServiceUnavailable
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusInternalServerError
}

// Message is what a user may read of err: the Vietnamese text of a known
// error as a sentence (Sentence), or a generic sentence for an internal
// one, whose details belong in the log and never in a response.
func Message(err error) string {
	return Sentence(message(err))
}

// technicalPrefixes are the sentinel texts a rule's message is wrapped in
// ("dữ liệu không hợp lệ: tên đơn vị không được để trống"): the status says
// as much, and the user needs only the rule.
var technicalPrefixes = []string{domain.ErrInvalid.Error() + ": ", domain.ErrTooLarge.Error() + ": "}

// Sentence makes a message fit to show: without the technical prefixes of
// the sentinel errors, beginning with a capital letter.
func Sentence(msg string) string {
	for again := true; again; {
		again = false
		for _, p := range technicalPrefixes {
			if rest, ok := strings.CutPrefix(msg, p); ok && rest != "" {
				msg, again = rest, true
			}
		}
	}
	r, n := utf8.DecodeRuneInString(msg)
	if n == 0 || !unicode.IsLower(r) {
		return msg
	}
	return string(unicode.ToUpper(r)) + msg[n:]
}

func message(err error) string {
	switch Status(err) {
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
