package httpx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"giaoban/internal/domain"
)

// ErrBadBody answers a request body that cannot be read as what its
// Content-Type says (a truncated multipart body, a broken form encoding):
// 400, before any other check looks at the form.
var ErrBadBody = errors.New("nội dung gửi lên không đọc được (có thể đường truyền bị ngắt giữa chừng); hãy tải lại trang rồi gửi lại")

// errBodyTooLarge answers a body over ReadInput's limit: 413.
type errBodyTooLarge struct{ limit int64 }

func (e errBodyTooLarge) Error() string {
	return fmt.Sprintf("nội dung gửi lên quá lớn (vượt quá giới hạn %s); hãy gửi tệp nhỏ hơn", sizeText(e.limit))
}

func (errBodyTooLarge) Is(target error) bool { return target == domain.ErrTooLarge }

func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", n>>10)
}

// Limits bound the bodies ReadInput reads.
type Limits struct {
	// Body bounds a form, urlencoded or multipart (files included).
	Body int64
	// JSON bounds a JSON body.
	JSON int64
}

// ReadInput is the one gate every page and API call passes before its
// handler: it reads the request's query string and its body (an urlencoded
// or multipart form, parsed into r.Form and r.MultipartForm, or JSON, which
// is read whole and handed on unchanged in r.Body), within lim, and checks
// every value — form fields, uploaded file names, JSON strings and keys —
// with CheckText. So both databases store the same text: PostgreSQL refuses
// a NUL byte that SQLite would keep. A body over its limit is 413
// (domain.ErrTooLarge), one that cannot be parsed 400 (ErrBadBody), and a
// value with a control character or invalid UTF-8 422 (domain.ErrInvalid),
// all before the CSRF token is looked at.
func ReadInput(w http.ResponseWriter, r *http.Request, lim Limits) error {
	if err := checkValues(r.URL.Query()); err != nil {
		return err
	}
	if r.Body == nil || r.Body == http.NoBody || r.Method == http.MethodGet || r.Method == http.MethodHead {
		return nil
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "multipart/form-data", "application/x-www-form-urlencoded":
		r.Body = http.MaxBytesReader(w, r.Body, lim.Body)
		var err error
		if mt == "multipart/form-data" {
			err = r.ParseMultipartForm(1 << 20)
		} else {
			err = r.ParseForm()
		}
		if err != nil {
			return bodyError(err, lim.Body)
		}
		if err := checkValues(r.PostForm); err != nil {
			return err
		}
		if r.MultipartForm != nil {
			if err := checkValues(r.MultipartForm.Value); err != nil {
				return err
			}
			for _, fhs := range r.MultipartForm.File {
				for _, fh := range fhs {
					if err := CheckText(fh.Filename); err != nil {
						return err
					}
				}
			}
		}
	case "application/json", "":
		data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, lim.JSON))
		if err != nil {
			return bodyError(err, lim.JSON)
		}
		r.Body = io.NopCloser(bytes.NewReader(data))
		if err := checkJSON(data); err != nil {
			return err
		}
	}
	return nil
}

// bodyError is the answer to a body that could not be read.
func bodyError(err error, limit int64) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errBodyTooLarge{limit}
	}
	return ErrBadBody
}

// CheckText refuses text a user cannot have meant and PostgreSQL cannot
// store: invalid UTF-8, and control characters other than tab, line feed
// and carriage return (which long text such as a report keeps). The error
// wraps domain.ErrInvalid, with a Vietnamese message.
func CheckText(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%w: nội dung gửi lên có đoạn không phải văn bản UTF-8 hợp lệ; hãy gõ lại hoặc dán lại nội dung đó", domain.ErrInvalid)
	}
	if c, ok := domain.FirstControl(s); ok {
		return fmt.Errorf("%w: nội dung gửi lên có ký tự điều khiển không hiển thị được (mã U+%04X), thường do sao chép từ tệp khác; hãy xoá ký tự đó rồi gửi lại", domain.ErrInvalid, c)
	}
	return nil
}

// checkValues checks the names and values of a form or query string.
func checkValues(v url.Values) error {
	for k, vs := range v {
		if err := CheckText(k); err != nil {
			return err
		}
		for _, s := range vs {
			if err := CheckText(s); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkJSON checks every string and key of a JSON body; the body must be
// UTF-8 throughout (RFC 8259), which encoding/json does not enforce: it would
// silently turn bad bytes into U+FFFD. A body that is not JSON at all is left
// for the handler's decoder to describe.
func checkJSON(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("%w: nội dung JSON gửi lên có đoạn không phải UTF-8 hợp lệ", domain.ErrInvalid)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // io.EOF, or a syntax error the handler reports
		}
		if s, ok := tok.(string); ok {
			if err := CheckText(s); err != nil {
				return err
			}
		}
	}
}

// IsAPI reports whether the request is for the JSON API, whose errors are
// JSON rather than pages.
func IsAPI(r *http.Request) bool {
	return r.URL.Path == "/api/v1" || strings.HasPrefix(r.URL.Path, "/api/")
}
