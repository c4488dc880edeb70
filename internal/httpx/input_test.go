package httpx

import (
	"errors"
	"fmt"
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

func TestSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"dữ liệu không hợp lệ: tên đơn vị không được để trống", "Tên đơn vị không được để trống"},
		{"tệp quá lớn: tệp đính kèm vượt quá 1 MB", "Tệp đính kèm vượt quá 1 MB"},
		{"dữ liệu không hợp lệ: dữ liệu không hợp lệ: đã có một đề nghị", "Đã có một đề nghị"},
		{"đơn vị không tồn tại", "Đơn vị không tồn tại"},
		{"Đã viết hoa", "Đã viết hoa"},
		{"dữ liệu không hợp lệ", "Dữ liệu không hợp lệ"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Sentence(tt.in); got != tt.want {
			t.Errorf("Sentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Message(fmt.Errorf("%w: mật khẩu cần ít nhất 8 ký tự", domain.ErrInvalid)); got != "Mật khẩu cần ít nhất 8 ký tự" {
		t.Errorf("Message = %q", got)
	}
}
