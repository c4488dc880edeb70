package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"regexp"

	"giaoban/internal/domain"
)

// writeJSON encodes v whole before writing anything, so that an encoding
// failure is still a clean error response.
func writeJSON(w http.ResponseWriter, status int, v any) error {
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

var unknownField = regexp.MustCompile(`^json: unknown field "(.*)"$`)

// decodeJSON reads exactly one JSON object into v, refusing unknown fields.
// Every failure comes back as an error with a Vietnamese message.
func decodeJSON(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			return &httpError{status: http.StatusUnsupportedMediaType, code: "unsupported_media_type",
				msg: "nội dung gửi lên phải là JSON (Content-Type: application/json)"}
		}
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &httpError{status: http.StatusBadRequest, code: "malformed_json", msg: "sau đối tượng JSON còn dữ liệu thừa"}
	}
	return nil
}

// decodeError turns a decoding error into one a user can act on.
func decodeError(err error) error {
	var (
		syn *json.SyntaxError
		typ *json.UnmarshalTypeError
		mbe *http.MaxBytesError
	)
	switch {
	case errors.Is(err, domain.ErrBadDate):
		return err
	case errors.As(err, &mbe):
		return &httpError{status: http.StatusRequestEntityTooLarge, code: "too_large",
			msg: fmt.Sprintf("nội dung gửi lên vượt quá giới hạn %d KB", mbe.Limit>>10)}
	case errors.Is(err, io.EOF):
		return &httpError{status: http.StatusBadRequest, code: "malformed_json", msg: "thiếu nội dung JSON trong yêu cầu"}
	case errors.As(err, &syn):
		return &httpError{status: http.StatusBadRequest, code: "malformed_json",
			msg: fmt.Sprintf("nội dung JSON sai cú pháp ở vị trí %d", syn.Offset)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &httpError{status: http.StatusBadRequest, code: "malformed_json", msg: "nội dung JSON bị cắt cụt"}
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return &httpError{status: http.StatusUnprocessableEntity, code: "invalid", msg: "nội dung gửi lên phải là một đối tượng JSON"}
		}
		return &httpError{status: http.StatusUnprocessableEntity, code: "invalid",
			msg: fmt.Sprintf("trường %q phải là %s", field, jsonKind(typ))}
	}
	if m := unknownField.FindStringSubmatch(err.Error()); m != nil {
		return &httpError{status: http.StatusUnprocessableEntity, code: "invalid",
			msg: fmt.Sprintf("trường %q không có trong yêu cầu này (xem /api/v1/openapi.json)", m[1])}
	}
	return &httpError{status: http.StatusBadRequest, code: "malformed_json", msg: "nội dung JSON không đọc được"}
}

// jsonKind names in Vietnamese the JSON type a field expects.
func jsonKind(e *json.UnmarshalTypeError) string {
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

// isMultipart reports whether the request's body is multipart/form-data.
func isMultipart(r *http.Request) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "multipart/form-data"
}
