// Package domain holds giaoban's vocabulary — organisations, units, meetings,
// notices, tasks — and the rules on them, such as how a task's status follows
// from its dates. It imports no other package of this module.
package domain

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Location is the time zone every day boundary is drawn in (Asia/Ho_Chi_Minh,
// UTC+7, no daylight saving). It is built in, so a machine without tzdata
// still draws midnight where Vietnamese offices do.
var Location = time.FixedZone("ICT", 7*60*60)

// Date is a calendar day without a time or a zone. The zero Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ErrBadDate is returned (wrapped) for text that is not a real calendar day.
var ErrBadDate = errors.New("ngày không hợp lệ")

// NewDate returns the given day; it does not normalise (31/2 stays invalid: use Valid).
func NewDate(y int, m time.Month, d int) Date { return Date{y, m, d} }

// Today is the current day in Asia/Ho_Chi_Minh.
func Today(now time.Time) Date { return DateOf(now) }

// DateOf is the day the instant t falls on in Asia/Ho_Chi_Minh.
func DateOf(t time.Time) Date {
	y, m, d := t.In(Location).Date()
	return Date{y, m, d}
}

// IsZero reports whether d is the "no date" value.
func (d Date) IsZero() bool { return d == Date{} }

// MinYear and MaxYear bound the days the service accepts: a meeting, a
// notice or a deadline outside them is a typing slip (2203 for 2023).
const (
	MinYear = 1990
	MaxYear = 2100
)

// Valid reports whether d is a real day between years MinYear and MaxYear.
func (d Date) Valid() bool {
	return d.Real() && d.Year >= MinYear && d.Year <= MaxYear
}

// Real reports whether d is on the calendar at all (any year from 1 to
// 9999); what the database already holds is read as long as it is.
func (d Date) Real() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Day <= DaysIn(d.Year, d.Month)
}

// DaysIn is the number of days of month m in year y.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// MonthEnd is the last day of the month of d.
func MonthEnd(y int, m time.Month) Date { return Date{y, m, DaysIn(y, m)} }

// QuarterEnd is the last day of quarter q (1–4) of year y.
func QuarterEnd(y, q int) Date { return MonthEnd(y, time.Month(q*3)) }

func (d Date) t() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays returns d moved by n days (n may be negative).
func (d Date) AddDays(n int) Date {
	y, m, dd := d.t().AddDate(0, 0, n).Date()
	return Date{y, m, dd}
}

// Sub is the number of days from e to d (d - e).
func (d Date) Sub(e Date) int { return int(d.t().Sub(e.t()).Hours() / 24) }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or 1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp(int(d.Month), int(e.Month))
	default:
		return cmp(d.Day, e.Day)
	}
}

func cmp(a, b int) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

// String is the ISO form 2023-07-15, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// VN is the Vietnamese form 15/7/2023 used in documents and pages.
func (d Date) VN() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%d", d.Day, d.Month, d.Year)
}

// ParseOptionalDate reads a day that may be absent, as JSON writes it (nil
// for none): nil gives the zero Date, anything else is read by ParseDate, and
// an error names field.
func ParseOptionalDate(field string, s *string) (Date, error) {
	if s == nil {
		return Date{}, nil
	}
	d, err := ParseDate(*s)
	if err != nil {
		return Date{}, fmt.Errorf("%s: %w", field, err)
	}
	return d, nil
}

// ParseDate reads a day written as 2023-07-15 (ISO, as HTML date inputs send it)
// or 15/7/2023, 15-7-2023, 15.7.2023 (Vietnamese order). Empty text gives the zero
// Date and no error; anything else that is not a real day between MinYear
// and MaxYear gives ErrBadDate.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	var parts []string
	iso := false
	if len(s) >= 8 && strings.Count(s, "-") == 2 && strings.Index(s, "-") == 4 {
		parts = strings.Split(s, "-")
		iso = true
	} else {
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	}
	if len(parts) != 3 {
		return Date{}, fmt.Errorf("%w: %q (viết theo dạng ngày/tháng/năm, ví dụ 15/7/2023)", ErrBadDate, s)
	}
	n := make([]int, 3)
	for i, p := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return Date{}, fmt.Errorf("%w: %q (viết theo dạng ngày/tháng/năm, ví dụ 15/7/2023)", ErrBadDate, s)
		}
		n[i] = v
	}
	d := Date{n[2], time.Month(n[1]), n[0]}
	if iso {
		d = Date{n[0], time.Month(n[1]), n[2]}
	}
	if !d.Real() {
		return Date{}, fmt.Errorf("%w: %q không có trên lịch", ErrBadDate, s)
	}
	if !d.Valid() {
		return Date{}, fmt.Errorf("%w: %q nằm ngoài khoảng từ năm %d đến năm %d", ErrBadDate, s, MinYear, MaxYear)
	}
	return d, nil
}

// ParseStored reads a day as the database stores it (2023-07-15) without
// the range ParseDate keeps to, so that no row already stored becomes
// unreadable.
func ParseStored(s string) (Date, error) {
	// By hand: every date of every row read goes through here.
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%w: %q", ErrBadDate, s)
	}
	num := func(p string) int {
		n := 0
		for i := 0; i < len(p); i++ {
			c := p[i]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	d := Date{num(s[0:4]), time.Month(num(s[5:7])), num(s[8:10])}
	if !d.Real() {
		return Date{}, fmt.Errorf("%w: %q không có trên lịch", ErrBadDate, s)
	}
	return d, nil
}

// MustDate parses an ISO date (any real day, like ParseStored) and panics
// on error; for tests and fixed data only.
func MustDate(s string) Date {
	d, err := ParseStored(s)
	if err != nil {
		panic(err)
	}
	return d
}
