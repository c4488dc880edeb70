package textfold

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Giáo dục", "giao duc"},
		{"Đồng hồ", "dong ho"},
		{"ĐÀ NẴNG", "da nang"},
		{"Giáo dục", "giao duc"}, // NFD input
		{"  nhiều   khoảng\ttrắng ", "nhieu khoang trang"},
		{"Phòng LĐ-TB&XH", "phong ld-tb&xh"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLikePattern(t *testing.T) {
	if got := LikePattern("50%_Đạt"); got != `%50\%\_dat%` {
		t.Errorf("LikePattern = %q", got)
	}
}
