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
				if issuesDocument(lowAt(from + k)) {
					break
				}
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
			if want == "làm việc" && !isMeetingLine(lowAt(i)) {
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
	// A report of a meeting that names no chair names the official who
	// directs at it: "Chủ tịch UBND tỉnh Lê Văn A yêu cầu ...", "Đó là yêu
	// cầu của đồng chí Lê Văn A".
	meeting := false
	for i := from; i < end && !meeting; i++ {
		low := lowAt(i)
		meeting = strings.Contains(low, "họp") || strings.Contains(low, "hội nghị") || strings.Contains(low, "giao ban") || strings.Contains(low, "buổi làm việc")
	}
	for _, want := range directorCues {
		for i := from; i < end && meeting; i++ {
			if !strings.Contains(lowAt(i), want) {
				continue
			}
			for _, s := range splitSentences(lines[i].text) {
				if !containsLower(s.text, want) {
					continue
				}
				if name, title, ok := directorIn(s.text, want, &toks); ok {
					doc.Meeting.Chair = &name
					doc.Meeting.ChairTitle = title
					return yc.refYear()
				}
			}
		}
	}
	return yc.refYear()
}

// roleNameAt reads "<title> <body and place> <Name>" at i ("Bí thư Tỉnh ủy
// Gia Lai Hồ Quốc Dũng", "Chủ tịch UBND tỉnh Trần Văn A"): the name is the
// last run of capitalised words beginning with a family name.
func roleNameAt(toks []token, i int) (string, string, bool) {
	r := matchAny(toks, i, roleWordsChair)
	if r == 0 {
		return "", "", false
	}
	e := i + r
	for e < len(toks) && e-i < r+10 && toks[e].word && (toks[e].upper || toks[e].low == "ủy" || toks[e].low == "uỷ") {
		e++
	}
	// A place may hold family names too ("Lâm Đồng"): the usual
	// three-word name first, then two and four words.
	for _, w := range []int{3, 2, 4} {
		if st := e - w; st >= i+r && surnames[toks[st].s] {
			return joinTokens(toks, st, e), joinTokens(toks, i, i+r), true
		}
	}
	return "", "", false
}

// directorCues are the direction verbs whose speaker chairs a meeting
// when nothing else names the chair.
var directorCues = []string{"yêu cầu", "đề nghị", "chỉ đạo", "nhấn mạnh"}

// directorIn finds the official who directs in a sentence: the name right
// before the direction verb ("Chủ tịch UBND tỉnh Lê Văn A yêu cầu", "đồng
// chí Lê Văn A đề nghị") or after "yêu cầu của" ("yêu cầu của đồng chí Lê
// Văn A"). A name elsewhere in the sentence is someone else.
func directorIn(s, cue string, buf *[]token) (string, string, bool) {
	toks := appendTokens(scratchTokens(*buf, s), s, lowerVN(s))
	*buf = toks
	for at := range toks {
		m := matchWords(toks, at, cue)
		if m == 0 {
			continue
		}
		if j := at + m; j < len(toks) && toks[j].low == "của" {
			if name, title, ok := roleNameAt(toks, j+1); ok {
				// "chỉ đạo của Bí thư Tỉnh ủy Gia Lai Hồ Quốc Dũng"
				return name, title, true
			}
			if n := honorificAt(toks, j+1); n > 0 {
				st := j + 1 + n
				e := st
				for e < len(toks) && e-st < 5 && toks[e].word && isNameWord(toks[e].s) && !startsTitle(toks, e) {
					e++
				}
				if e-st >= 2 {
					title := ""
					k := e
					if k < len(toks) && toks[k].s == "," {
						k++
					}
					if r := matchAny(toks, k, roleWordsChair); r > 0 {
						title = joinTokens(toks, k, k+r)
					}
					return joinTokens(toks, st, e), title, true
				}
			}
		}
		// The words right before the verb: "..., <role> <org> <Name>" or
		// "<honorific> <Name>, <role> ...".
		e := at
		st := e
		for st > 0 && e-st < 5 && toks[st-1].word && isNameWord(toks[st-1].s) && !startsTitle(toks, st-1) {
			st--
		}
		if e-st < 2 || !surnames[toks[st].s] {
			continue
		}
		if st > 0 && (honorificAt(toks, st-1) > 0 || st > 1 && honorificAt(toks, st-2) == 2) {
			return joinTokens(toks, st, e), "", true
		}
		// "<role> <org> <Name>": a chair's title within the 8 words before.
		for k := max(st-8, 0); k < st; k++ {
			if r := matchAny(toks, k, roleWordsChair); r > 0 {
				return joinTokens(toks, st, e), joinTokens(toks, k, k+r), true
			}
		}
	}
	return "", "", false
}

// chairCues are the words of the sentences that name the chair, strongest
// first; the last name who leads a working visit or an inspection.
var chairCues = []string{"chủ trì", "kết luận", "phát biểu", "làm việc", "kiểm tra", "khảo sát"}

// chairsMeeting reports a sentence where "chủ trì" is chairing the
// meeting, not leading a task ("giao Sở X chủ trì, phối hợp ...").
func chairsMeeting(s string) bool {
	low := lowerVN(s)
	for off := 0; ; {
		i := strings.Index(low[off:], "chủ trì")
		if i < 0 {
			return false
		}
		before := low[max(0, off+i-80) : off+i]
		off += i + len("chủ trì")
		rest := strings.TrimLeft(low[off:], " ")
		if g := strings.LastIndex(before, "giao "); g >= 0 && !strings.HasPrefix(before[g:], "giao ban") {
			// "Giao Sở X chủ trì kiểm tra ...": the lead of a task.
			continue
		}
		if !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, "phối hợp") && !strings.HasPrefix(rest, "và phối hợp") {
			return true
		}
	}
}

// isMeetingLine reports a lower-case line about the meeting itself; a
// unit leading a task ("giao Sở X chủ trì, phối hợp ...") is not chairing.
func isMeetingLine(low string) bool {
	for _, w := range []string{"họp", "hội nghị", "giao ban", "tổ chức"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	if i := strings.Index(low, "làm việc"); i >= 0 && !strings.HasSuffix(low[:i], "ngày ") {
		// ("trong 30 ngày làm việc" is a time limit.)
		return true
	}
	return strings.Contains(low, "chủ trì") && chairsMeeting(low)
}

// issuesDocument reports a lower-case sentence that reports a document
// being issued ("Ngày 21/5, UBND tỉnh ban hành Công văn số 846"): its
// date is the document's, not a meeting's.
func issuesDocument(low string) bool {
	i := strings.Index(low, "ban hành")
	if i < 0 {
		return false
	}
	rest := low[i+len("ban hành"):]
	for _, w := range []string{" công văn", " văn bản", " thông báo", " quyết định", " kế hoạch", " chỉ thị"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// issuedFromReference reads the issue date of a directive published
// without its letterhead from the reference that names it: a line "(Theo
// Công văn số 1962/UBND-KT, ngày 25/4/2024)" or a title ending "(3585/VP-KTN,
// ngày 23/10/2017)". A page about a meeting cites other documents that
// way, so only a text with no meeting is read.
func issuedFromReference(doc *Document, lines []logicalLine) {
	if doc.IssuedOn != nil {
		return
	}
	cand := ""
	for i, l := range lines {
		low := lowerVN(l.text)
		if isMeetingLine(low) {
			return
		}
		if cand != "" {
			continue
		}
		k := strings.LastIndexByte(low, '(')
		if k < 0 || !(i < 3 || strings.HasPrefix(low, "(")) {
			continue
		}
		ref := low[k+1:]
		if e := strings.IndexByte(ref, ')'); e >= 0 {
			ref = ref[:e]
		} else {
			continue
		}
		ref = strings.TrimPrefix(ref, "theo ")
		for _, t := range []string{"công văn số ", "văn bản số ", "thông báo số ", "công văn ", "văn bản "} {
			ref = strings.TrimPrefix(ref, t)
		}
		// A number with its symbol, then its date.
		sl := strings.IndexByte(ref, '/')
		d := strings.Index(ref, "ngày ")
		if sl <= 0 || !isDigitStart(ref) || d < sl {
			continue
		}
		if y, m, dd, _, ok := parseDateAt(ref[d+len("ngày "):], 0); ok {
			cand = fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
		}
	}
	if cand != "" {
		doc.IssuedOn = &cand
	}
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
// that, a month or quarter with its year, the first one named.
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
			if y, m, d, ok := isoDateAt(low[k:]); ok {
				// "date 2025-09-24": a crawler's or a CMS's stamp.
				yc.y, yc.m, yc.d = y, m, d
				return
			}
		}
	}
	// The first month or quarter named with its year: near the top, or
	// else anywhere in the story ("Về nhiệm vụ tháng 11 năm 2020, ...").
	from := max(titleIdx, 0)
	for i := from; i < min(bodyEnd, len(lines)); i++ {
		if t := lines[i].text; !strings.Contains(t, "háng") && !strings.Contains(t, "uý") && !strings.Contains(t, "HÁNG") && !strings.Contains(t, "UÝ") {
			continue
		}
		if y := periodYear(lowerVN(lines[i].text)); y > 0 {
			yc.year = y
			return
		}
	}
}

// isoDateAt parses an ISO date "2025-09-24" at the start of s.
func isoDateAt(s string) (int, int, int, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' || len(s) > 10 && s[10] >= '0' && s[10] <= '9' {
		return 0, 0, 0, false
	}
	y, _, ok1 := readInt(s, 0, 4)
	m, _, ok2 := readInt(s, 5, 2)
	d, _, ok3 := readInt(s, 8, 2)
	if !ok1 || !ok2 || !ok3 || y < 1990 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, 0, 0, false
	}
	return y, m, d, true
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
			if low[k:j] == "ngày" && cueBefore(low, i) >= 0 {
				// "hoàn thành trước ngày 10/12": a deadline, not the meeting.
				continue
			}
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
