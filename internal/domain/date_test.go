package domain

import (
	"errors"
	"strings"
	"testing"
)

func TestParseOptionalDate(t *testing.T) {
	s := func(v string) *string { return &v }
	for _, c := range []struct {
		in      *string
		want    Date
		wantErr bool
	}{
		{nil, Date{}, false},
		{s(""), Date{}, false},
		{s("2023-03-20"), MustDate("2023-03-20"), false},
		{s("20/3/2023"), MustDate("2023-03-20"), false},
		{s("2023-02-30"), Date{}, true},
		{s("hôm qua"), Date{}, true},
	} {
		got, err := ParseOptionalDate("thời hạn", c.in)
		if c.wantErr {
			if !errors.Is(err, ErrBadDate) || !strings.HasPrefix(err.Error(), "thời hạn: ") {
				t.Errorf("ParseOptionalDate(%q) = %v, want ErrBadDate naming the field", *c.in, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("ParseOptionalDate(%v) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}
