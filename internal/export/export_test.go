package export

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"giaoban/internal/domain"
)

func TestSerial(t *testing.T) {
	for _, c := range []struct {
		day  string
		want int
	}{{"1900-03-01", 61}, {"2000-01-01", 36526}, {"2023-03-15", 45000}, {"2024-02-29", 45351}} {
		if got := Serial(domain.MustDate(c.day)); got != c.want {
			t.Errorf("Serial(%s) = %d, want %d", c.day, got, c.want)
		}
	}
}

func TestICalText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Báo cáo, đề xuất; kiến nghị", `Báo cáo\, đề xuất\; kiến nghị`},
		{`C:\thư mục`, `C:\\thư mục`},
		{"dòng 1\r\ndòng 2\ndòng 3", `dòng 1\ndòng 2\ndòng 3`},
		{"chuông\x07", "chuông"},
	} {
		if got := text(c.in); got != c.want {
			t.Errorf("text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestICalFolding(t *testing.T) {
	values := []string{
		"ngắn",
		strings.Repeat("a", 74),
		strings.Repeat("Đôn đốc thực hiện nghiêm túc kết luận giao ban; ", 12),
		strings.Repeat("ặ", 100), // three octets each: never split
		text(strings.Repeat("Khoản 1, Điều 2; C:\\hồ sơ\n", 12)),
	}
	// An escape at every offset around the fold.
	for k := 50; k < 80; k++ {
		values = append(values, strings.Repeat("x", k)+text(",;\\\n"))
	}
	for _, value := range values {
		var buf bytes.Buffer
		c := &icalWriter{w: bufio.NewWriter(&buf)}
		c.prop("DESCRIPTION", value)
		c.w.Flush()
		out := buf.String()
		if !strings.HasSuffix(out, "\r\n") {
			t.Fatalf("line not ended by CRLF: %q", out)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
		for i, l := range lines {
			if len(l) > maxLine {
				t.Errorf("physical line %d is %d octets", i, len(l))
			}
			if !utf8.ValidString(l) {
				t.Errorf("physical line %d splits a character: %q", i, l)
			}
			if trailing := len(l) - len(strings.TrimRight(l, `\`)); trailing%2 == 1 {
				t.Errorf("physical line %d splits an escape: %q", i, l)
			}
			if i > 0 && !strings.HasPrefix(l, " ") {
				t.Errorf("continuation line %d does not start with a space", i)
			}
			if i > 0 {
				lines[i] = l[1:]
			}
		}
		if got := strings.Join(lines, ""); got != "DESCRIPTION:"+value {
			t.Errorf("unfolded = %q, want the value back", got)
		}
	}
}
