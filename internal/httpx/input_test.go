package httpx

import (
	"errors"
	"testing"

	"giaoban/internal/domain"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"Phòng Giáo dục và Đào tạo", true},
		{"Dòng 1\r\nDòng 2\tcột", true},
		{"", true},
		{"a\x00b", false},
		{"a\x1bb", false},
		{"a\x7fb", false},
		{"a\u0085b", false},
		{"a\xe1\xbb", false},
		{"\u2028 dấu ngắt dòng Unicode vẫn là chữ", true},
	}
	for _, tt := range tests {
		err := CheckText(tt.in)
		if (err == nil) != tt.ok || (err != nil && !errors.Is(err, domain.ErrInvalid)) {
			t.Errorf("CheckText(%q) = %v, want ok=%v", tt.in, err, tt.ok)
		}
	}
}
