package importer

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Sentinel errors; the returned errors wrap them and carry a Vietnamese
// message naming the file.
var (
	// ErrTooLarge reports input above Options.MaxBytes.
	ErrTooLarge = errors.New("tệp quá lớn")
	// ErrEmpty reports empty input.
	ErrEmpty = errors.New("tệp rỗng")
	// ErrBinary reports binary data that is not a supported document.
	ErrBinary = errors.New("dữ liệu nhị phân")
	// ErrEncoding reports text in an unrecognised encoding.
	ErrEncoding = errors.New("bảng mã không nhận dạng được")
	// ErrFormat reports a damaged or unsupported document.
	ErrFormat = errors.New("định dạng không hợp lệ")
)

// Extract reads one document (plain text, .docx, .pdf or HTML, detected by
// content and by the extension of name) and returns its structure. name is
// used for the Source field and in error messages.
func Extract(name string, data []byte, opt Options) (*Document, error) {
	text, format, enc, err := DecodeInput(name, data, opt)
	if err != nil {
		return nil, err
	}
	// Plain text is valid UTF-8 once decoded (decodeText checks it or
	// builds it from runes); other formats are not checked.
	doc := parseDocument(text, opt, format == "txt")
	doc.Source = sourceName(name)
	doc.Format = format
	doc.Encoding = enc
	return doc, nil
}

// sourceName returns the base name used as Document.Source.
func sourceName(name string) string {
	if name == "" || name == "-" {
		return "stdin"
	}
	return filepath.Base(name)
}

// DecodeInput turns raw input into normalised (NFC, Unicode, "\n" line
// ends) text. It returns the text, the detected format and the encoding.
func DecodeInput(name string, data []byte, opt Options) (text, format, encoding string, err error) {
	label := sourceName(name)
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if int64(len(data)) > limit {
		return "", "", "", fmt.Errorf("Tệp quá lớn: %s (%.1f MB) vượt giới hạn %s MB: %w",
			label, float64(len(data))/(1<<20), mbString(limit), ErrTooLarge)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "", "", fmt.Errorf("Tệp rỗng: %s không có nội dung: %w", label, ErrEmpty)
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")) || (ext == ".pdf" && bytes.Contains(firstBytes(data, 1024), []byte("%PDF-"))):
		t, err := pdfText(label, data, opt)
		if err != nil {
			return "", "", "", err
		}
		return finishText(t), "pdf", "utf-8", nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || ext == ".docx":
		t, err := docxText(label, data, limit)
		if err != nil {
			return "", "", "", err
		}
		t, enc := convertLegacy(t)
		if enc == "" {
			enc = "utf-8"
		}
		return finishText(t), "docx", enc, nil
	case ext == ".pdf":
		return "", "", "", fmt.Errorf("Tệp %s không phải PDF hợp lệ (thiếu phần đầu %%PDF-): %w", label, ErrFormat)
	case ext == ".doc" || bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "", "", "", fmt.Errorf("Tệp %s là định dạng Word cũ (.doc), chưa hỗ trợ; hãy lưu lại dưới dạng .docx: %w", label, ErrFormat)
	}
	s, enc, err := decodeText(label, data)
	if err != nil {
		return "", "", "", err
	}
	format = "txt"
	if ext == ".html" || ext == ".htm" || looksHTML(s) {
		s = htmlToText(s)
		format = "html"
	}
	if strings.TrimSpace(s) == "" {
		return "", "", "", fmt.Errorf("Tệp rỗng: %s không có nội dung văn bản: %w", label, ErrEmpty)
	}
	return finishText(s), format, enc, nil
}

// mbString formats a byte limit in MB.
func mbString(limit int64) string {
	mb := float64(limit) / (1 << 20)
	if mb == float64(int64(mb)) {
		return fmt.Sprintf("%d", int64(mb))
	}
	return fmt.Sprintf("%.2f", mb)
}

// firstBytes returns at most n leading bytes.
func firstBytes(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// finishText normalises line ends and Unicode composition.
func finishText(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if strings.Contains(s, "\u00a0") {
		s = strings.ReplaceAll(s, "\u00a0", " ")
	}
	if strings.Contains(s, "\ufeff") {
		s = strings.ReplaceAll(s, "\ufeff", "")
	}
	if strings.Contains(s, "\u200b") {
		s = strings.ReplaceAll(s, "\u200b", "")
	}
	if mayNeedNFC(s) && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// mayNeedNFC reports whether s holds combining marks (U+0300..U+036F,
// U+1DC0..U+1DFF, U+20D0..U+20FF) or other runes that NFC could change;
// precomposed Vietnamese text without them is already NFC.
func mayNeedNFC(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0xCC {
			continue // ASCII, continuation bytes and the common Latin leads
		}
		if c == 0xCC || c == 0xCD || (c == 0xE1 && i+1 < len(s) && s[i+1] == 0xB7) || (c == 0xE2 && i+1 < len(s) && s[i+1] == 0x83) || c == 0xEF && i+1 < len(s) && s[i+1] == 0xAC {
			return true
		}
	}
	return false
}

// decodeText decodes plain text: UTF-8 (with or without BOM), UTF-16 with
// BOM, or the legacy Vietnamese TCVN3/VNI encodings.
func decodeText(label string, data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data), "utf-16", nil
	}
	if looksBinary(data) {
		return "", "", fmt.Errorf("Tệp %s không phải văn bản (dữ liệu nhị phân, định dạng không hỗ trợ): %w", label, ErrBinary)
	}
	if utf8.Valid(data) {
		s := string(data)
		if conv, enc := convertLegacy(s); enc != "" {
			return conv, enc, nil
		}
		return s, "utf-8", nil
	}
	// Not UTF-8: try the legacy single-byte Vietnamese encodings.
	runes := make([]rune, len(data))
	for i, b := range data {
		runes[i] = rune(b)
	}
	latin := string(runes)
	if conv, enc := convertLegacy(latin); enc != "" {
		return conv, enc, nil
	}
	return "", "", fmt.Errorf("Tệp %s không dùng bảng mã UTF-8, TCVN3 (ABC) hay VNI; hãy lưu lại dưới dạng UTF-8: %w", label, ErrEncoding)
}

// decodeUTF16 decodes UTF-16 text with a byte order mark.
func decodeUTF16(data []byte) string {
	be := data[0] == 0xFE
	data = data[2:]
	u := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		if be {
			u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	return string(utf16.Decode(u))
}

// looksBinary reports NUL bytes or many control characters in the first
// 8 KB.
func looksBinary(data []byte) bool {
	head := firstBytes(data, 8192)
	ctl := 0
	for _, b := range head {
		if b == 0 {
			return true
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v' {
			ctl++
		}
	}
	return ctl*20 > len(head)
}

// looksHTML reports whether text starts like an HTML document.
func looksHTML(s string) bool {
	head := strings.TrimSpace(s[:min(len(s), 1024)])
	if !strings.HasPrefix(head, "<") {
		return false // every test below needs a leading "<"
	}
	head = strings.ToLower(head)
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		(strings.HasPrefix(head, "<") && (strings.Contains(head, "<body") || strings.Contains(head, "<p>") || strings.Contains(head, "<div")))
}
