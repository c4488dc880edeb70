package importer

import (
	"fmt"
	"strings"
)

// deadlineCues introduce a due date (lower case, longest first).
var deadlineCues = []string{
	"thời gian hoàn thành trước ngày", "thời gian hoàn thành", "hoàn thành trước ngày", "hoàn thành trong ngày",
	"thời hạn hoàn thành", "thời hạn thực hiện", "chậm nhất là ngày", "chậm nhất vào ngày", "chậm nhất ngày",
	"chậm nhất là", "chậm nhất", "xong trước ngày", "trước ngày", "hạn chót", "thời hạn", "trong ngày",
	"đến hết ngày", "đến ngày", "trước",
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

// monthCues and quarterCues introduce a month or quarter deadline: the
// month's or quarter's last day ("trong tháng 9/2023", "cuối tháng 3",
// "trong quý II"), or for "trước" the last day of the one before.
var (
	monthCues   = []string{"trong tháng", "trước tháng", "hoàn thành tháng", "vào tháng", "cuối tháng", "đến hết tháng", "hết tháng"}
	quarterCues = []string{"trong quý", "hoàn thành quý", "trước quý", "cuối quý", "đến hết quý", "hết quý"}
)

// horizonTails continue a period into an open horizon ("trong tháng 7 và
// những tháng cuối năm"): the period is then no deadline.
var horizonTails = []string{"những tháng cuối năm", "các tháng cuối năm", "những tháng tiếp theo", "các tháng tiếp theo", "cả năm", "những tháng còn lại", "các tháng còn lại", "những năm tiếp theo"}

// eventCues mark work tied to an event.
var eventCues = []string{"ngay sau khi", "sau khi", "ngay khi", "khi có"}

// romanQuarter maps quarter numerals to numbers.
var romanQuarter = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

// refDate is the date deadlines printed without a year are read against:
// the meeting's (or the notice's) date; d and m may be 0.
type refDate struct{ y, m, d int }

// yearOf returns the year of a deadline in month m printed without one:
// the meeting's year, or the next when the month lies well before the
// meeting's ("trước 15/1" said in December).
func (r refDate) yearOf(m int) int {
	if r.y == 0 {
		return 0
	}
	if r.m > 0 && r.m-m >= 2 {
		return r.y + 1
	}
	return r.y
}

// ParseDeadline finds the deadline in a task text. refYear is the year for
// dates printed without one (the meeting's year; 0 if unknown). It returns
// the ISO due date ("" when none) and the deadline description.
func ParseDeadline(text string, refYear int) (string, Deadline) {
	return parseDeadline(text, lowerVN(text), refDate{y: refYear})
}

// parseDeadline implements ParseDeadline; low is lowerVN(text), which has
// the byte offsets of text. Every cue of a group shares a word ("tháng",
// "quý", "khi", "hàng"/"hằng"), so a text without that word skips the
// group's searches.
func parseDeadline(text, low string, ref refDate) (string, Deadline) {
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
		if y, m, d, n, ok := deadlineDateAt(low[i:], ref); ok {
			raw := strings.TrimSpace(text[cueStart : i+n])
			return fmt.Sprintf("%04d-%02d-%02d", y, m, d), Deadline{Kind: "date", Raw: raw}
		}
	}
	// Month or quarter: the first period phrase, or the last of periods
	// joined by "và" ("cuối tháng 3 và trong tháng 4/2022").
	hasThang := strings.Contains(low, "tháng")
	hasMonth := hasDigit && hasThang
	hasQuarter := strings.Contains(low, "quý")
	if hasMonth || hasQuarter {
		if due, dl, ok := periodDeadline(text, low, ref, hasMonth, hasQuarter); ok {
			return due, dl
		}
	}
	if hasThang {
		// "6 tháng cuối năm, cần ...": a direction framed by a half of
		// the year is due at its end.
		if due, raw := halfYearFrame(text, low, ref); due != "" {
			return due, Deadline{Kind: "date", Raw: raw}
		}
	}
	if hasThang && ref.y > 0 {
		// "hoàn thành trong hai tháng còn lại": by the end of the year.
		if i := strings.Index(low, "tháng còn lại"); i > 0 && strings.Contains(low[max(0, i-24):i], "trong") {
			st := strings.LastIndex(low[:i], "trong")
			raw := strings.TrimSpace(text[st : i+len("tháng còn lại")])
			return fmt.Sprintf("%04d-12-31", ref.y), Deadline{Kind: "date", Raw: raw}
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

// halfYearFrame reads a half of the year that opens a text ("6 tháng cuối
// năm, ...", "Trong 6 tháng đầu năm 2024, ..."): its last day, the year
// printed or the meeting's. Named inside the text, such a half is what
// was assessed, not when the work is due.
func halfYearFrame(text, low string, ref refDate) (string, string) {
	rest := strings.TrimPrefix(low, "trong ")
	month := 0
	for _, h := range []struct {
		p string
		m int
	}{{"6 tháng cuối năm", 12}, {"sáu tháng cuối năm", 12}, {"6 tháng đầu năm", 6}, {"sáu tháng đầu năm", 6}} {
		if strings.HasPrefix(rest, h.p) {
			month, rest = h.m, rest[len(h.p):]
			break
		}
	}
	if month == 0 {
		return "", ""
	}
	y, n := ref.y, 0
	if i := skipSpaces(rest, 0); i < len(rest) {
		if v, j, ok := readInt(rest, i, 4); ok && j-i == 4 && v >= 1990 && v <= 2200 {
			y, n = v, j
		}
	}
	if y == 0 {
		return "", ""
	}
	end := len(low) - len(rest) + n
	return fmt.Sprintf("%04d-%02d-%02d", y, month, daysIn(y, month)), strings.TrimSpace(text[:end])
}

// deadlineDateAt parses the date of a deadline at the start of s; a date
// without a year takes it from ref.
func deadlineDateAt(s string, ref refDate) (int, int, int, int, bool) {
	if y, m, d, n, ok := parseDateAt(s, 0); ok {
		return y, m, d, n, true
	}
	_, m, d, n, ok := parseDateAt(s, 2000)
	if !ok {
		return 0, 0, 0, 0, false
	}
	y := ref.yearOf(m)
	if y == 0 || d > daysIn(y, m) {
		return 0, 0, 0, 0, false
	}
	return y, m, d, n, true
}

// period is a month or quarter deadline found in a text.
type period struct {
	due        string
	kind       string
	start, end int // byte range of the phrase
}

// periodAt parses a month or quarter phrase whose cue starts at i.
func periodAt(text, low string, i int, cue string, ref refDate) (period, bool) {
	rest := low[i+len(cue):]
	if strings.HasSuffix(cue, "tháng") {
		m, y, n, ok := parseMonthYear(rest, 0)
		if !ok {
			// No year printed: the meeting's, or the next.
			if m, _, n, ok = parseMonthYear(rest, 2000); !ok || ref.y == 0 {
				return period{}, false
			}
			y = ref.yearOf(m)
		}
		if strings.HasPrefix(cue, "trước") {
			m--
			if m == 0 {
				m, y = 12, y-1
			}
		}
		return period{fmt.Sprintf("%04d-%02d-%02d", y, m, daysIn(y, m)), "month", i, i + len(cue) + n}, true
	}
	r := strings.TrimLeft(rest, " ")
	skipped := len(rest) - len(r)
	j := 0
	for j < len(r) && (r[j] == 'i' || r[j] == 'v' || (r[j] >= '1' && r[j] <= '4')) {
		j++
	}
	q, ok := romanQuarter[r[:j]]
	if !ok || j < len(r) && isLetterByte(r[j]) {
		return period{}, false
	}
	y, n := parseYearSuffix(r[j:])
	if y == 0 {
		y = ref.y
	}
	if y == 0 {
		return period{}, false
	}
	m := q * 3
	if strings.HasPrefix(cue, "trước") {
		m -= 3
		if m == 0 {
			m, y = 12, y-1
		}
	}
	return period{fmt.Sprintf("%04d-%02d-%02d", y, m, daysIn(y, m)), "quarter", i, i + len(cue) + skipped + j + n}, true
}

// periodDeadline finds the month or quarter deadline of a text.
func periodDeadline(text, low string, ref refDate, hasMonth, hasQuarter bool) (string, Deadline, bool) {
	first := period{start: -1}
	// Each cue ends in "tháng" or "quý": find those words, then the cue
	// that ends there.
	for _, anchor := range []string{"tháng", "quý"} {
		if anchor == "tháng" && !hasMonth || anchor == "quý" && !hasQuarter {
			continue
		}
		cues := monthCues
		if anchor == "quý" {
			cues = quarterCues
		}
		for off := 0; off < len(low); {
			k := strings.Index(low[off:], anchor)
			if k < 0 {
				break
			}
			at := off + k
			off = at + len(anchor)
			if first.start >= 0 && at >= first.start {
				break
			}
			for _, c := range cues {
				i := at + len(anchor) - len(c)
				if i < 0 || low[i:at+len(anchor)] != c || i > 0 && isLetterByte(low[i-1]) {
					continue
				}
				if p, ok := periodAt(text, low, i, c, ref); ok {
					first = p
				}
				break
			}
		}
	}
	if first.start < 0 {
		return "", Deadline{}, false
	}
	p := first
	// Periods joined by "và": the last one; an open horizon: none.
	for {
		rest := strings.TrimLeft(low[p.end:], " ,")
		if !strings.HasPrefix(rest, "và ") {
			break
		}
		rest = strings.TrimLeft(rest[len("và "):], " ")
		at := len(low) - len(rest)
		for _, h := range horizonTails {
			if strings.HasPrefix(rest, h) {
				return "", Deadline{Kind: "none", Raw: strings.TrimSpace(text[first.start : at+len(h)])}, true
			}
		}
		next, ok := period{}, false
		for _, c := range append(monthCues[:len(monthCues):len(monthCues)], quarterCues...) {
			if strings.HasPrefix(rest, c) {
				next, ok = periodAt(text, low, at, c, ref)
				break
			}
		}
		if !ok {
			if strings.HasPrefix(rest, "tháng") || strings.HasPrefix(rest, "quý") {
				c := "tháng"
				if rest[0] == 'q' {
					c = "quý"
				}
				next, ok = periodAt(text, low, at, c, ref)
			}
		}
		if !ok {
			break
		}
		if next.due > p.due {
			p.due, p.kind = next.due, next.kind
		}
		p.end = next.end
	}
	return p.due, Deadline{Kind: p.kind, Raw: strings.TrimSpace(text[first.start:p.end])}, true
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
	// A list of days: "trong ngày 14 và 15/8", "ngày 14, 15/8".
	for {
		t := low[:j]
		switch {
		case strings.HasSuffix(t, " và"):
			t = strings.TrimRight(t[:len(t)-len(" và")], " ")
		case strings.HasSuffix(t, ","):
			t = strings.TrimRight(t[:len(t)-1], " ")
		default:
			t = ""
		}
		k := len(t)
		for k > 0 && t[k-1] >= '0' && t[k-1] <= '9' {
			k--
		}
		if t == "" || k == len(t) || len(t)-k > 2 {
			break
		}
		j = k
		trim()
	}
	if st := cueEndingAt(low, j); st >= 0 {
		return st
	}
	for _, w := range []string{"ngày", "là", "vào"} {
		if strings.HasSuffix(low[:j], w) && (j == len(w) || !isLetterByte(low[j-len(w)-1])) {
			j -= len(w)
			trim()
		}
	}
	return cueEndingAt(low, j)
}

// cueEndingAt returns the start of a deadline cue ending at j, or -1.
func cueEndingAt(low string, j int) int {
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
	if k < len(s) && (s[k] == '/' || s[k] == '-' || s[k] == '.' && k+1 < len(s) && s[k+1] >= '0' && s[k+1] <= '9') {
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
