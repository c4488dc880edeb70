package importer

import (
	"fmt"
	"strings"
)

// deadlineCues introduce a due date (lower case, longest first).
var deadlineCues = []string{
	"thời gian hoàn thành trước ngày", "thời gian hoàn thành", "hoàn thành trước ngày", "hoàn thành trong ngày",
	"chậm nhất là ngày", "chậm nhất vào ngày", "chậm nhất ngày", "chậm nhất là", "chậm nhất",
	"xong trước ngày", "trước ngày", "hạn chót", "thời hạn", "trong ngày", "đến hết ngày", "trước",
}

// recurrenceCues mark recurring work.
var recurrenceCues = []struct {
	phrase, kind string
	hang         bool // starts with "hàng " or "hằng "
}{
	{"hàng ngày", "daily", true}, {"hằng ngày", "daily", true}, {"hàng tuần", "weekly", true}, {"hằng tuần", "weekly", true},
	{"hàng tháng", "monthly", true}, {"hằng tháng", "monthly", true}, {"hàng quý", "quarterly", true}, {"hằng quý", "quarterly", true},
	{"hàng năm", "yearly", true}, {"hằng năm", "yearly", true}, {"định kỳ", "regular", false}, {"thường xuyên", "regular", false},
}

// monthCues and quarterCues introduce a month or quarter deadline.
var (
	monthCues   = []string{"trong tháng", "trước tháng", "hoàn thành tháng", "vào tháng"}
	quarterCues = []string{"trong quý", "hoàn thành quý", "trước quý"}
)

// eventCues mark work tied to an event.
var eventCues = []string{"ngay sau khi", "sau khi", "ngay khi", "khi có"}

// romanQuarter maps quarter numerals to numbers.
var romanQuarter = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

// ParseDeadline finds the deadline in a task text. refYear is the year for
// dates printed without one (the meeting's year; 0 if unknown). It returns
// the ISO due date ("" when none) and the deadline description.
func ParseDeadline(text string, refYear int) (string, Deadline) {
	return parseDeadline(text, lowerVN(text), refYear)
}

// parseDeadline implements ParseDeadline; low is lowerVN(text), which has
// the byte offsets of text. Every cue of a group shares a word ("tháng",
// "quý", "khi", "hàng"/"hằng"), so a text without that word skips the
// group's searches.
func parseDeadline(text, low string, refYear int) (string, Deadline) {
	hasDigit := strings.ContainsAny(text, "0123456789")
	// Dated deadlines: a date preceded by a cue ("trước ngày 15/7/2023").
	for i := 0; hasDigit && i < len(low); i++ {
		if low[i] < '0' || low[i] > '9' || (i > 0 && low[i-1] >= '0' && low[i-1] <= '9') {
			continue
		}
		cueStart := cueBefore(low, i)
		if cueStart < 0 {
			continue
		}
		if y, m, d, n, ok := parseDateAt(low[i:], refYear); ok {
			raw := strings.TrimSpace(text[cueStart : i+n])
			return fmt.Sprintf("%04d-%02d-%02d", y, m, d), Deadline{Kind: "date", Raw: raw}
		}
	}
	// Month: "trong tháng 9/2023", "trong tháng 9 năm 2023".
	hasMonth := hasDigit && strings.Contains(low, "tháng")
	for _, c := range monthCues {
		if !hasMonth {
			break
		}
		if i := strings.Index(low, c); i >= 0 {
			rest := low[i+len(c):]
			if m, y, n, ok := parseMonthYear(rest, refYear); ok {
				raw := strings.TrimSpace(text[i : i+len(c)+n])
				if c == "trước tháng" {
					m--
					if m == 0 {
						m, y = 12, y-1
					}
				}
				return fmt.Sprintf("%04d-%02d-%02d", y, m, daysIn(y, m)), Deadline{Kind: "month", Raw: raw}
			}
		}
	}
	// Quarter: "trong quý III/2024", "quý 3 năm 2024".
	hasQuarter := strings.Contains(low, "quý")
	for _, c := range quarterCues {
		if !hasQuarter {
			break
		}
		if i := strings.Index(low, c); i >= 0 {
			rest := strings.TrimLeft(low[i+len(c):], " ")
			skipped := len(low[i+len(c):]) - len(rest)
			j := 0
			for j < len(rest) && (rest[j] == 'i' || rest[j] == 'v' || (rest[j] >= '1' && rest[j] <= '4')) {
				j++
			}
			q, ok := romanQuarter[rest[:j]]
			if !ok {
				continue
			}
			y, n := parseYearSuffix(rest[j:])
			if y == 0 {
				y = refYear
			}
			if y == 0 {
				continue
			}
			m := q * 3
			if c == "trước quý" {
				m -= 3
				if m == 0 {
					m, y = 12, y-1
				}
			}
			raw := strings.TrimSpace(text[i : i+len(c)+skipped+j+n])
			return fmt.Sprintf("%04d-%02d-%02d", y, m, daysIn(y, m)), Deadline{Kind: "quarter", Raw: raw}
		}
	}
	hasKhi := strings.Contains(low, "khi")
	for _, c := range eventCues {
		if !hasKhi {
			break
		}
		if i := strings.Index(low, c); i >= 0 {
			end := strings.IndexAny(low[i:], ".;,(")
			if end < 0 {
				end = len(low) - i
			}
			ev := strings.TrimSpace(text[i : i+end])
			return "", Deadline{Kind: "event", Raw: ev, Event: ev}
		}
	}
	hasHang := strings.Contains(low, "hàng ") || strings.Contains(low, "hằng ")
	for _, c := range recurrenceCues {
		if c.hang && !hasHang {
			continue
		}
		if i := strings.Index(low, c.phrase); i >= 0 {
			return "", Deadline{Kind: "recurring", Raw: text[i : i+len(c.phrase)], Recurrence: c.kind}
		}
	}
	return "", Deadline{Kind: "none"}
}

// cueBefore returns the start of a deadline cue ending right before
// position i (spaces, "ngày", "là", "vào", ":" allowed in between), or -1.
func cueBefore(low string, i int) int {
	j := i
	trim := func() {
		for j > 0 && (low[j-1] == ' ' || low[j-1] == ':' || low[j-1] == '\t') {
			j--
		}
	}
	trim()
	for _, w := range []string{"ngày", "là", "vào"} {
		if strings.HasSuffix(low[:j], w) && (j == len(w) || !isLetterByte(low[j-len(w)-1])) {
			j -= len(w)
			trim()
		}
	}
	for _, c := range deadlineCues {
		if strings.HasSuffix(low[:j], c) {
			st := j - len(c)
			if st == 0 || !isLetterByte(low[st-1]) {
				return st
			}
		}
	}
	return -1
}

// isLetterByte reports ASCII letters and UTF-8 continuation/lead bytes.
func isLetterByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// parseDateAt parses a date at the start of s (after optional spaces, "là",
// "ngày"): "15/7/2023", "15/ 3/2023", "15-7-2023", "15.7.2023", "15/7",
// "15 tháng 7 năm 2023". It returns year, month, day, the bytes consumed.
func parseDateAt(s string, refYear int) (int, int, int, int, bool) {
	i := skipSpaces(s, 0)
	for _, w := range []string{"là ", "vào ", "ngày "} {
		if strings.HasPrefix(s[i:], w) {
			i = skipSpaces(s, i+len(w))
		}
	}
	d, i2, ok := readInt(s, i, 2)
	if !ok || d < 1 || d > 31 {
		return 0, 0, 0, 0, false
	}
	i = i2
	var m int
	j := skipSpaces(s, i)
	if j < len(s) && (s[j] == '/' || s[j] == '-' || s[j] == '.') {
		sep := s[j]
		j = skipSpaces(s, j+1)
		m, j, ok = readInt(s, j, 2)
		if !ok || m < 1 || m > 12 {
			return 0, 0, 0, 0, false
		}
		y := 0
		k := skipSpaces(s, j)
		if k < len(s) && s[k] == sep {
			k = skipSpaces(s, k+1)
			if yy, k2, ok := readInt(s, k, 4); ok && k2-k == 4 {
				y, j = yy, k2
			} else if yy, k2, ok := readInt(s, k, 2); ok && k2-k == 2 {
				y, j = 2000+yy, k2
			}
		} else if yy, n := parseYearSuffix(s[j:]); yy > 0 {
			y, j = yy, j+n
		}
		if y == 0 {
			if refYear == 0 {
				return 0, 0, 0, 0, false
			}
			y = refYear
		}
		if d > daysIn(y, m) {
			return 0, 0, 0, 0, false
		}
		return y, m, d, j, true
	}
	if strings.HasPrefix(s[j:], "tháng") {
		j = skipSpaces(s, j+len("tháng"))
		m, j, ok = readInt(s, j, 2)
		if !ok || m < 1 || m > 12 {
			return 0, 0, 0, 0, false
		}
		y, n := parseYearSuffix(s[j:])
		if y == 0 {
			y = refYear
		}
		if y == 0 || d > daysIn(y, m) {
			return 0, 0, 0, 0, false
		}
		return y, m, d, j + n, true
	}
	return 0, 0, 0, 0, false
}

// parseMonthYear parses "9/2023", "9 năm 2023", "9" (refYear).
func parseMonthYear(s string, refYear int) (int, int, int, bool) {
	i := skipSpaces(s, 0)
	m, j, ok := readInt(s, i, 2)
	if !ok || m < 1 || m > 12 {
		return 0, 0, 0, false
	}
	k := skipSpaces(s, j)
	if k < len(s) && (s[k] == '/' || s[k] == '-') {
		k = skipSpaces(s, k+1)
		if y, k2, ok := readInt(s, k, 4); ok && k2-k == 4 {
			return m, y, k2, true
		}
		return 0, 0, 0, false
	}
	if y, n := parseYearSuffix(s[j:]); y > 0 {
		return m, y, j + n, true
	}
	if j < len(s) && s[j] >= '0' && s[j] <= '9' {
		return 0, 0, 0, false
	}
	if refYear == 0 {
		return 0, 0, 0, false
	}
	return m, refYear, j, true
}

// parseYearSuffix parses "/2024", " năm 2024" at the start of s.
func parseYearSuffix(s string) (int, int) {
	i := skipSpaces(s, 0)
	if i < len(s) && (s[i] == '/' || s[i] == '-') {
		i = skipSpaces(s, i+1)
	} else if strings.HasPrefix(s[i:], "năm") {
		i = skipSpaces(s, i+len("năm"))
	} else {
		return 0, 0
	}
	y, j, ok := readInt(s, i, 4)
	if !ok || j-i != 4 || y < 1900 || y > 2200 {
		return 0, 0
	}
	return y, j
}

// readInt reads up to maxDigits digits at i.
func readInt(s string, i, maxDigits int) (int, int, bool) {
	n, j := 0, i
	for j < len(s) && j-i < maxDigits && s[j] >= '0' && s[j] <= '9' {
		n = n*10 + int(s[j]-'0')
		j++
	}
	if j == i || (j < len(s) && s[j] >= '0' && s[j] <= '9') {
		return 0, i, false
	}
	return n, j, true
}

// skipSpaces skips ASCII spaces from i.
func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
