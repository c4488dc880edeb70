package importer

import (
	"fmt"
	"strconv"
	"strings"
)

// parseMeeting finds the meeting date and chair in the title and the first
// body lines. A date printed without a year takes it from the notice's
// issue date or, on a news page, from the page's date line or a month
// named near the top ("tháng 10/2017"); a meeting is never later than the
// page that reports it. It returns the document's year (0 if unknown).
func parseMeeting(doc *Document, lines []logicalLine, titleIdx, bodyStart, bodyEnd int) int {
	// Candidate lines for the date: lines[from:from+nCands].
	from := max(titleIdx, 0)
	nCands := max(min(bodyEnd, bodyStart+8)-from, 0)
	yc := yearContext{}
	if doc.IssuedOn != nil {
		yc.setRef(*doc.IssuedOn)
	} else {
		yc.fromPage(lines, titleIdx, bodyStart, bodyEnd)
	}
	// Lower-case lines, computed once for the date and chair searches.
	end := min(bodyEnd, from+60)
	lows := make([]string, max(end-from, nCands))
	lowAt := func(i int) string {
		if lows[i-from] == "" {
			lows[i-from] = lowerVN(lines[i].text)
		}
		return lows[i-from]
	}
	// Date: the first sentence about the meeting that carries a date.
	for k := min(nCands, max(bodyStart-from, 0)); k < nCands; k++ {
		low := lowAt(from + k)
		if !isMeetingLine(low) {
			continue
		}
		if d := firstDate(low, &yc); d != "" {
			doc.Meeting.Date = &d
			break
		}
	}
	if doc.Meeting.Date == nil && doc.IssuedOn == nil {
		// A news page's story opens with the day of the event.
		for k := min(nCands, max(bodyStart-from, 0)); k < nCands; k++ {
			if t := lines[from+k].text; startsDayPart(t) {
				if d := firstDate(lowAt(from+k), &yc); d != "" {
					doc.Meeting.Date = &d
				}
				break
			}
		}
	}
	if doc.Meeting.Date == nil {
		for k := range nCands {
			low := lowAt(from + k)
			if strings.Contains(low, "họp") || strings.Contains(low, "hội nghị") || strings.Contains(low, "giao ban") {
				if d := firstDate(low, &yc); d != "" {
					doc.Meeting.Date = &d
					break
				}
			}
		}
	}
	// Chair: "chủ trì" sentences, then "kết luận" sentences, then a speech
	// or a working visit.
	var toks []token
	for _, want := range chairCues {
		for i := from; i < end; i++ {
			if low := lows[i-from]; low != "" && !strings.Contains(low, want) || low == "" && !containsLower(lines[i].text, want) {
				continue
			}
			for _, s := range splitSentences(lines[i].text) {
				if !containsLower(s.text, want) || want == "chủ trì" && !chairsMeeting(s.text) {
					continue
				}
				if name, title, ok := chairIn(s.text, want, &toks); ok {
					doc.Meeting.Chair = &name
					doc.Meeting.ChairTitle = title
					return yc.refYear()
				}
			}
		}
	}
	return yc.refYear()
}

// chairCues are the words of the sentences that name the chair, strongest
// first.
var chairCues = []string{"chủ trì", "kết luận", "phát biểu", "làm việc"}

// chairsMeeting reports a sentence where "chủ trì" is chairing the
// meeting, not leading a task ("giao Sở X chủ trì, phối hợp ...").
func chairsMeeting(s string) bool {
	low := lowerVN(s)
	for off := 0; ; {
		i := strings.Index(low[off:], "chủ trì")
		if i < 0 {
			return false
		}
		off += i + len("chủ trì")
		rest := strings.TrimLeft(low[off:], " ")
		if !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, "phối hợp") && !strings.HasPrefix(rest, "và phối hợp") {
			return true
		}
	}
}

// isMeetingLine reports a lower-case line about the meeting itself.
func isMeetingLine(low string) bool {
	for _, w := range []string{"chủ trì", "họp", "hội nghị", "giao ban", "tổ chức", "làm việc"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// yearContext supplies the year of dates printed without one.
type yearContext struct {
	// ref is the latest possible date (the issue date or the page's date),
	// as y, m, d; y == 0 when unknown.
	y, m, d int
	// year is a year named near the top ("tháng 7 năm 2022") when ref is
	// unknown.
	year int
}

// setRef sets the latest possible date from an ISO date.
func (yc *yearContext) setRef(iso string) {
	yc.y, _ = strconv.Atoi(iso[:4])
	yc.m, _ = strconv.Atoi(iso[5:7])
	yc.d, _ = strconv.Atoi(iso[8:10])
}

// yearOf returns the year of day d of month m, or 0.
func (yc *yearContext) yearOf(m, d int) int {
	if yc.y > 0 {
		if m > yc.m || m == yc.m && d > yc.d {
			return yc.y - 1
		}
		return yc.y
	}
	return yc.year
}

// refYear is the year of the document, or 0.
func (yc *yearContext) refYear() int {
	if yc.y > 0 {
		return yc.y
	}
	return yc.year
}

// fromPage reads a news page's date line (a short line near the top with
// a full date: "Cập nhật: 28/05/2020", "(12:23 | 03/08/2017)") or, failing
// that, a month or quarter with its year in the title or the first
// paragraphs.
func (yc *yearContext) fromPage(lines []logicalLine, titleIdx, bodyStart, bodyEnd int) {
	top := min(len(lines), max(bodyStart, titleIdx+1)+3, 15)
	for i := 0; i < top; i++ {
		t := lines[i].text
		if len(t) > 300 || !strings.ContainsAny(t, "/-.") {
			continue
		}
		low := lowerVN(t)
		dateLine := fieldCount(t) <= 14 || strings.Contains(low, "cập nhật") || strings.Contains(low, "ngày đăng") || strings.Contains(low, "lượt xem") || hasClock(t)
		if !dateLine {
			continue
		}
		for k := 0; k < len(low); k++ {
			if low[k] < '0' || low[k] > '9' || k > 0 && low[k-1] >= '0' && low[k-1] <= '9' {
				continue
			}
			if y, m, d, _, ok := parseDateAt(low[k:], 0); ok && y >= 1990 {
				yc.y, yc.m, yc.d = y, m, d
				return
			}
		}
	}
	from := max(titleIdx, 0)
	for i := from; i < min(bodyEnd, bodyStart+4, len(lines)); i++ {
		if y := periodYear(lowerVN(lines[i].text)); y > 0 {
			yc.year = y
			return
		}
	}
}

// hasClock reports a time of day ("17:58") in t.
func hasClock(t string) bool {
	for i := 1; i+2 < len(t); i++ {
		if t[i] == ':' && t[i-1] >= '0' && t[i-1] <= '9' && t[i+1] >= '0' && t[i+1] <= '5' && t[i+2] >= '0' && t[i+2] <= '9' {
			return true
		}
	}
	return false
}

// periodYear returns the year of the first month or quarter printed with
// its year ("tháng 10/2017", "tháng 10.2019", "tháng 7 năm 2022", "quý I
// năm 2024") in a lower-case text, or 0.
func periodYear(low string) int {
	for _, w := range []string{"tháng", "quý"} {
		off := 0
		for {
			i := strings.Index(low[off:], w)
			if i < 0 {
				break
			}
			off += i + len(w)
			j := skipSpaces(low, off)
			k := j
			for k < len(low) && k-j < 4 && (low[k] >= '0' && low[k] <= '9' || w == "quý" && (low[k] == 'i' || low[k] == 'v')) {
				k++
			}
			if k == j {
				continue
			}
			rest := low[k:]
			if strings.HasPrefix(rest, ".") {
				rest = "/" + rest[1:]
			}
			if y, _ := parseYearSuffix(rest); y > 0 {
				return y
			}
		}
	}
	return 0
}

// firstDate returns the first meeting date of a lower-case sentence:
// "ngày d/m/y", or a part of the day and a date ("chiều 1.11", "sáng
// 13-4"). A date without a year takes it from yc.
func firstDate(low string, yc *yearContext) string {
	for i := 0; i < len(low); i++ {
		if low[i] < '0' || low[i] > '9' || i > 0 && (low[i-1] >= '0' && low[i-1] <= '9' || isLetterByte(low[i-1])) {
			continue
		}
		// The word before the number ("sáng nay (15/3)": before the bracket).
		j := i
		if j > 0 && low[j-1] == '(' {
			j--
		}
		for j > 0 && low[j-1] == ' ' {
			j--
		}
		k := j
		for k > 0 && low[k-1] != ' ' && low[k-1] != ',' && low[k-1] != '(' {
			k--
		}
		switch low[k:j] {
		case "ngày", "sáng", "chiều", "tối", "trưa", "nay", "qua":
			if d := dateAt(low[i:], yc); d != "" {
				return d
			}
		}
	}
	return ""
}

// dateAt parses a date at the start of s with its year, or takes the year
// from yc.
func dateAt(s string, yc *yearContext) string {
	if y, m, d, _, ok := parseDateAt(s, 0); ok {
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	}
	// 2000 is a leap year: 29/2 parses and is checked below.
	_, m, d, _, ok := parseDateAt(s, 2000)
	if !ok {
		return ""
	}
	y := yc.yearOf(m, d)
	if y == 0 || d > daysIn(y, m) {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// roleWordsChair are the titles a chair may hold.
var roleWordsChair = []string{"phó chủ tịch", "chủ tịch", "pct", "ct", "phó bí thư", "bí thư", "phó giám đốc", "giám đốc", "chánh văn phòng", "trưởng ban", "trưởng phòng"}

// surnames are common Vietnamese family names.
var surnames = map[string]bool{}

func init() {
	for _, s := range strings.Fields("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Tạ Mai Trương Đào Đoàn Lưu Lương Hà Cao Trịnh Chu Triệu Tô Quách Lâm La Kiều Thái Khổng Vương Tăng Châu Văn Tống Hứa Giang Mạc Lại Nông Ninh Phùng Thân Từ Diệp Bạch Âu Doãn Đàm Lục Kim Tôn Khúc Cù Nghiêm Vi Hầu Ông Quan Lò Lữ Sầm Y Hoàng Lã Thạch Danh Sơn Điểu Ksor Rơ Đồng Khuất Kha Mẫn Viên Bế Hà Hoàng Giáp Phí Thiều Âu Lưu Tiêu Ứng") {
		surnames[s] = true
	}
}

// chairIn finds the chair in a sentence holding cue ("chủ trì", "kết
// luận", ...): a name after an honorific ("đồng chí X", "ông X", "Đ/c X"),
// the nearest before the cue or else the first after it; failing that,
// "<role> ... <Name>" or "<Name> - <role>".
func chairIn(s, cue string, buf *[]token) (string, string, bool) {
	toks := appendTokens(scratchTokens(*buf, s), s, lowerVN(s))
	*buf = toks // scratch: the results do not refer to the tokens
	if name, title, ok := honorificChair(toks, cue); ok {
		return name, title, true
	}
	for i := range toks {
		n := matchAny(toks, i, roleWordsChair)
		if n == 0 {
			continue
		}
		role := joinTokens(toks, i, i+n)
		// Name before the role: "ông X - Phó Chủ tịch", "Đ/c X – Phó Chủ tịch".
		k := i - 1
		if k >= 0 && (toks[k].s == "-" || toks[k].s == "–" || toks[k].s == ",") {
			k--
		}
		e := k + 1
		for k >= 0 && toks[k].word && isNameWord(toks[k].s) && e-k <= 5 {
			k--
		}
		if e-(k+1) >= 2 && (toks[i-1].s != "," || surnames[toks[k+1].s]) {
			// After a comma only a family name opens a name: "xã Pù Nhi,
			// Chủ tịch ..." is a place.
			if name, ok := pickName(toks[k+1 : e]); ok {
				return name, role, true
			}
		}
		// Name after the role and its organisation.
		j := i + n
		org := j
		for j < len(toks) && j-org < 8 {
			t := toks[j]
			if t.word && (t.low == "ubnd" || t.low == "hđnd" || t.low == "ủy" || t.low == "uỷ" || t.low == "ban" || t.low == "nhân" || t.low == "dân" || t.low == "huyện" || t.low == "tỉnh" || t.low == "thành" || t.low == "phố" || t.low == "xã" || t.low == "thị" || t.low == "quận" || t.low == "phường" || t.low == "trấn" || t.low == "văn" && j+1 < len(toks) && toks[j+1].low == "phòng" || t.low == "phòng") {
				j++
				continue
			}
			break
		}
		if j < len(toks) && (toks[j].s == "-" || toks[j].s == "–" || toks[j].s == ",") {
			j++
		}
		st := j
		for j < len(toks) && toks[j].word && isNameWord(toks[j].s) && j-st < 7 {
			j++
		}
		if j-st >= 2 {
			if name, ok := pickName(toks[st:j]); ok {
				return name, role, true
			}
		}
	}
	return "", "", false
}

// honorificChair implements the honorific rule of chairIn.
func honorificChair(toks []token, cue string) (string, string, bool) {
	at := len(toks)
	for i := range toks {
		if matchWords(toks, i, cue) > 0 {
			at = i
			break
		}
	}
	var before, after struct {
		name, title string
		ok          bool
	}
	for i := 0; i < len(toks); i++ {
		n := honorificAt(toks, i)
		if n == 0 {
			continue
		}
		st := i + n
		j := st
		for j < len(toks) && j-st < 5 && toks[j].word && isNameWord(toks[j].s) && !startsTitle(toks, j) {
			j++
		}
		if j == st || j-st == 1 && j < len(toks) && toks[j].word && toks[j].upper {
			continue
		}
		name := joinTokens(toks, st, j)
		title := ""
		k := j
		if k < len(toks) && (toks[k].s == "," || toks[k].s == "-" || toks[k].s == "–") {
			k++
		}
		if m := matchAny(toks, k, roleWordsChair); m > 0 {
			title = joinTokens(toks, k, k+m)
		}
		if i < at {
			before.name, before.title, before.ok = name, title, true
		} else if !after.ok {
			after.name, after.title, after.ok = name, title, true
			break
		}
		i = j - 1
	}
	if before.ok {
		return before.name, before.title, true
	}
	return after.name, after.title, after.ok
}

// honorificAt returns the token count of an honorific at i ("đồng chí",
// "đ/c", "ông", "bà"), 0 if none.
func honorificAt(toks []token, i int) int {
	switch toks[i].low {
	case "đ/c", "ông", "bà":
		return 1
	case "đồng":
		if i+1 < len(toks) && toks[i+1].low == "chí" {
			return 2
		}
	}
	return 0
}

// startsTitle reports a title word at i ("Phó", "Chủ tịch", "Bí thư"),
// which ends a name.
func startsTitle(toks []token, i int) bool {
	switch toks[i].low {
	case "phó", "chủ", "bí", "giám", "trưởng", "chánh", "tổ", "ủy", "uỷ", "thường", "pct", "ct", "ubnd", "hđnd":
		return true
	}
	return false
}

// pickName chooses the personal name within a run of capitalised words
// (which may start with a place name).
func pickName(run []token) (string, bool) {
	words := make([]string, len(run))
	for i, t := range run {
		words[i] = t.s
	}
	if len(words) >= 2 && len(words) <= 4 && surnames[words[0]] {
		return strings.Join(words, " "), true
	}
	for st := 1; st+2 <= len(words); st++ {
		if surnames[words[st]] && len(words)-st <= 4 {
			return strings.Join(words[st:], " "), true
		}
	}
	if len(words) >= 2 && len(words) <= 4 {
		return strings.Join(words, " "), true
	}
	return "", false
}
