package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"giaoban/internal/apptest"
	"giaoban/internal/config"
	"giaoban/internal/demo"
	"giaoban/internal/store"
)

func TestImportCommand(t *testing.T) {
	ctx := context.Background()
	a := apptest.New(t, store.SQLite, apptest.Empty(), apptest.At(time.Now()))
	if _, err := demo.Load(ctx, a.Service); err != nil {
		t.Fatal(err)
	}
	dsn := a.DSN
	dir := t.TempDir()
	// One notice per month: the same notice twice is a duplicate.
	write := func(month int) string {
		path := filepath.Join(dir, fmt.Sprintf("tb%d.txt", month))
		text := fmt.Sprintf(`THÔNG BÁO
Kết luận tại Hội nghị giao ban khối Văn hóa - Xã hội tháng %[1]d
Ngày 05/%[1]d/2025, Phó Chủ tịch UBND đã chủ trì hội nghị, kết luận như sau:
1. Nhiệm vụ
- Giao Phòng GD&ĐT chủ trì, Phòng Y tế phối hợp kiểm tra y tế trường học, hoàn thành trước ngày 30/%[1]d/2025.
- Giao Phòng Quản lý Đô thị Thí Điểm rà soát hồ sơ, trong tháng 12/2025.
`, month)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	notice := write(10)
	bad := filepath.Join(dir, "hong.txt")
	if err := os.WriteFile(bad, []byte{0, 1, 2, 0xff, 0, 0}, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		wantOut []string
		wantErr bool
	}{
		{"one notice, one unknown unit", []string{"--db", dsn, notice},
			[]string{"Đã nhập 1 văn bản, 2 nhiệm vụ (2 có thời hạn)", "1 nhiệm vụ chưa xác định đơn vị chủ trì: đã nhập", "Phòng Quản lý Đô thị Thí Điểm"}, false},
		{"the same notice again is a duplicate", []string{"--db", dsn, notice}, []string{"Đã nhập 0 văn bản", "1 tệp lỗi"}, true},
		{"adding unknown units", []string{"--db", dsn, "--add-units", write(9)}, []string{"Đã nhập 1 văn bản, 2 nhiệm vụ (2 có thời hạn)"}, false},
		{"a binary file is refused, the others still imported", []string{"--db", dsn, write(8), bad}, []string{"Đã nhập 1 văn bản", "1 tệp lỗi"}, true},
		{"a unit user may not import", []string{"--db", dsn, "--as", "gddt", notice}, nil, true},
		{"no files", []string{"--db", dsn}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := Import(ctx, tt.args, config.OSEnv, &out, &errb)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v\n%s%s", err, tt.wantErr, out.String(), errb.String())
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}
