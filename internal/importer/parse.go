package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// imperativeStarts are verbs that open a directive sentence or bullet.
var imperativeStarts = []string{
	"tham mưu", "chỉ đạo", "tập trung", "thực hiện", "tiếp tục", "tăng cường", "đẩy mạnh", "triển khai",
	"xây dựng", "rà soát", "hoàn thành", "tổ chức", "chuẩn bị", "nâng cao", "quan tâm", "kiểm tra",
	"phối hợp", "đảm bảo", "bảo đảm", "khẩn trương", "chủ động", "nghiên cứu", "đề xuất", "ban hành",
	"hướng dẫn", "theo dõi", "quản lý", "nắm chắc", "chú trọng", "cập nhật", "đôn đốc", "giải quyết",
	"duy trì", "phát huy", "làm tốt", "khắc phục", "giao", "yêu cầu", "đề nghị", "cần", "nhiệm vụ trọng tâm",
	"chủ trì", "tuyên truyền", "vận động", "huy động", "ưu tiên", "lưu ý", "chấn chỉnh", "rút kinh nghiệm",
	"báo cáo", "tổng hợp", "trình", "lập", "bố trí", "sớm", "kịp thời", "phấn đấu", "đôn đốc", "nghiêm túc",
	"đánh giá", "tuyển", "sửa chữa", "phát triển", "khai thác", "đổi mới", "thường xuyên", "phổ biến",
	"hỗ trợ", "củng cố", "kiện toàn", "giám sát", "xử lý", "thẩm định", "tích cực", "quyết liệt",
	"đẩy nhanh", "tiến hành", "hoàn thiện", "bổ sung", "khảo sát", "cải thiện", "siết chặt", "phòng chống",
	"ngăn chặn", "kiên quyết", "nhanh chóng", "sắp xếp", "phát động", "tạo điều kiện", "giữ vững", "bám sát",
	"không để", "nghiêm cấm", "tuyệt đối", "tập huấn", "điều chỉnh", "thúc đẩy", "chăm lo", "giải ngân",
	"thu hồi", "mở rộng", "đề cao", "kiểm soát", "xác định", "chấp hành", "phân công", "cung cấp", "quyết toán",
	"nắm bắt", "ra quân", "chuẩn hóa", "số hóa", "vận hành", "rà soát lại", "tăng", "giảm",
}

// docCtx carries document-wide facts used while extracting tasks.
type docCtx struct {
	res         *unitResolver
	ref         refDate // the meeting's date, for deadlines without a year
	issuerLevel string  // the level of the chair's People's Committee, if said
	counterpart []string
	formal      bool    // a notice, not a news page
	council     bool    // a People's Council or Party official concludes
	tokBuf      []token // scratch tokens of the current task (see words)
	headBuf     []token // scratch tokens of headingUnits
}

// section is an open heading while walking a structured notice.
type section struct {
	level    int
	title    string
	units    []string
	assess   bool
	key      bool
	bullets  int
	children []int // indexes of tasks directly in this section
}

// taskDraft is a task before lead inheritance is settled.
type taskDraft struct {
	task      Task
	explicit  bool // lead named in the text
	bullet    bool
	sec       *section
	inherited []string // lead from the nearest unit heading
	rule      string   // the rule that made the task (Confidence.BoundaryRule)
	leadFrom  string   // where its lead came from (Confidence.UnitsRule)
}

const debugParse = false

// parseDocument extracts the structure of a normalised text; validUTF8
// reports text known to be valid UTF-8.
func parseDocument(text string, opt Options, validUTF8 bool) *Document {
	doc := &Document{SourceText: text, Tasks: []Task{}}
	lines := joinLines(splitSegments(text), validUTF8)
	ctx := &docCtx{res: newUnitResolver(text, opt.Units)}

	titleIdx, bodyStart := parseHeader(doc, lines)
	formal := doc.Number != "" || doc.IssuedOn != nil || strings.HasPrefix(doc.Title, "Kết luận") || hasNoticeHeader(lines, bodyStart)
	// Body end: recipients or signature.
	bodyEnd := len(lines)
	for i := bodyStart; i < len(lines); i++ {
		t := lines[i].text
		if strings.HasPrefix(t, "Nơi nhận") || isSignTitle(t) {
			bodyEnd = i
			break
		}
	}
	parseTail(doc, lines, bodyEnd)
	doc.Sections = bodySections(lines[bodyStart:bodyEnd], doc.Title, formal)
	if !formal {
		issuedFromReference(doc, lines)
	}
	pageYear := parseMeeting(doc, lines, titleIdx, bodyStart, bodyEnd)
	if doc.Meeting.Date != nil {
		iso := *doc.Meeting.Date
		ctx.ref.y, _ = strconv.Atoi(iso[:4])
		ctx.ref.m, _ = strconv.Atoi(iso[5:7])
		ctx.ref.d, _ = strconv.Atoi(iso[8:10])
	} else {
		ctx.ref.y = pageYear
	}
	ctx.res.khoi = khoiName(doc.Title, text)
	ctx.res.place = subjectPlace(doc.Title)
	ctx.res.communal = communalName(text)
	ctx.counterpart = counterpartOf(doc.Title, ctx.res)
	ctx.formal = formal

	// A notice with headings and items is read by its structure. A news
	// page with one plain list (a schedule, numbered points after a
	// lead-in) is prose with items.
	structured := 0
	var kinds [4]bool
	for _, l := range lines[bodyStart:bodyEnd] {
		if l.kind != kindPara || l.emph {
			structured++
			kinds[l.kind] = true
		}
	}
	if !formal && !(kinds[kindBullet] && (kinds[kindNumber] || kinds[kindStar])) {
		structured = 0
	}
	var drafts []*taskDraft
	if debugParse {
		fmt.Println("DEBUG", titleIdx, bodyStart, bodyEnd, structured, len(lines))
	}
	if structured >= 3 {
		drafts = structuredTasks(lines[bodyStart:bodyEnd], ctx)
	} else {
		drafts = proseTasks(lines[bodyStart:bodyEnd], ctx)
	}
	doc.Tasks = make([]Task, 0, len(drafts))
	for _, d := range drafts {
		t := d.task
		if t.Lead == nil {
			t.Lead = []string{}
		}
		if t.Support == nil {
			t.Support = []string{}
		}
		t.Confidence = confidenceOf(d, ctx.res)
		doc.Tasks = append(doc.Tasks, t)
	}
	doc.Unresolved = ctx.res.unresolvedList()
	return doc
}

// parseHeader reads the letterhead, number, place and date, and title. It
// returns the index of the title line (-1) and the first body line.
func parseHeader(doc *Document, lines []logicalLine) (int, int) {
	limit := min(len(lines), 25)
	tbIdx := -1
	var body []string
	for i := 0; i < limit; i++ {
		t := lines[i].text
		switch {
		case doc.Number == "" && (strings.HasPrefix(t, "Số:") || strings.HasPrefix(t, "Số :")):
			rest := strings.TrimSpace(t[strings.IndexByte(t, ':')+1:])
			if rest == "" && i+1 < len(lines) && (strings.HasPrefix(lines[i+1].text, "/") || isDigitStart(lines[i+1].text)) {
				rest = lines[i+1].text
			}
			if f := strings.Fields(rest); len(f) > 0 {
				doc.Number = f[0]
				if k := strings.LastIndexByte(f[0], '/'); k >= 0 {
					doc.Symbol = f[0][k+1:]
				}
			}
		case doc.IssuedOn == nil && doc.Place == "" && strings.Contains(t, "tháng") && strings.Contains(t, "năm") && strings.Contains(lowerVN(t), "ngày") && tbIdx < 0:
			parsePlaceDate(doc, t)
		case tbIdx < 0 && len(t) < 60 && (strings.HasPrefix(t, "THÔNG BÁO") || strings.ToUpper(t) == "THÔNG BÁO"):
			tbIdx = i
		case tbIdx < 0 && doc.Number == "" && isAllCaps(t) && !isNationalMotto(strings.ToUpper(t)):
			body = append(body, t)
		}
		if tbIdx >= 0 {
			break
		}
	}
	if len(body) > 0 {
		doc.IssuingBody = strings.Join(body, " - ")
		doc.Superior, doc.Issuer = letterheadBodies(body)
	}
	if tbIdx >= 0 {
		j := tbIdx + 1
		var title []string
		for j < len(lines) && len(title) < 3 && !isBodyStart(lines[j].text) && len(lines[j].text) < 400 {
			title = append(title, lines[j].text)
			j++
		}
		doc.Title = strings.Join(title, " ")
		if len(title) == 0 {
			return tbIdx, tbIdx + 1
		}
		return tbIdx + 1, j
	}
	// Articles: the first short line about a meeting, above the first
	// paragraph of the story, is the title.
	for i := 0; i < min(len(lines), 12); i++ {
		t := lines[i].text
		if utf8.RuneCountInString(t) > 300 || fieldCount(t) > 45 || startsDayPart(t) {
			break
		}
		low := lowerVN(t)
		if strings.Contains(low, "giao ban") || strings.Contains(low, "hội nghị") || strings.Contains(low, "họp") || strings.Contains(low, "kết luận") || strings.Contains(low, "làm việc") {
			doc.Title = t
			return i, i + 1
		}
	}
	return -1, 0
}

// hasNoticeHeader reports the "THÔNG BÁO" line of a notice above the body.
func hasNoticeHeader(lines []logicalLine, bodyStart int) bool {
	for _, l := range lines[:min(bodyStart, len(lines))] {
		if len(l.text) < 60 && strings.HasPrefix(strings.ToUpper(l.text), "THÔNG BÁO") {
			return true
		}
	}
	return false
}

// startsDayPart reports a line opening with the day of an event ("Sáng
// ngày 13/3", "Chiều 1.11", "Ngày 20/5", "Vào lúc 7 giờ").
func startsDayPart(t string) bool {
	for _, p := range []string{"Sáng ", "Chiều ", "Tối ", "Trưa ", "Ngày ", "Vào lúc", "Vào ngày", "Hôm nay"} {
		if strings.HasPrefix(t, p) {
			r := strings.TrimPrefix(strings.TrimPrefix(t[len(p):], "ngày "), "nay")
			return p[0] == 'V' || p[0] == 'H' || isDigitStart(strings.TrimSpace(r))
		}
	}
	return false
}

// isNationalMotto reports an upper-case line of the national motto
// ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc").
func isNationalMotto(up string) bool {
	return strings.Contains(up, "CỘNG HÒA") || strings.Contains(up, "CỘNG HOÀ") || strings.Contains(up, "ĐỘC LẬP")
}

// isDigitStart reports text starting with an ASCII digit.
func isDigitStart(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// isBodyStart reports the first line of the body after the title.
func isBodyStart(t string) bool {
	for _, c := range []string{"Ngày", "Vào", "Sáng", "Chiều", "Tối", "Hôm", "Thực hiện", "Căn cứ", "Trong ", "Tại ", "Chiều", "Sau khi", "Thừa", "Ngay", "Theo", "Để"} {
		if strings.HasPrefix(t, c) {
			return true
		}
	}
	if k, _, _, _ := parseMarker(t); k != kindPara {
		return true
	}
	return utf8.RuneCountInString(t) > 300
}

// isAllCaps reports text whose letters are all upper case (at least 3).
func isAllCaps(t string) bool {
	n := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			n++
		}
	}
	return n >= 3
}

// parsePlaceDate parses "Lâm Thao, ngày 23 tháng 02 năm 2023".
func parsePlaceDate(doc *Document, t string) {
	low := lowerVN(t)
	i := strings.Index(low, "ngày")
	if i < 0 {
		return
	}
	place := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t[:i]), ","))
	if len(place) > 80 || place == "" && fieldCount(t) > 8 {
		// A sentence that opens with a date ("Ngày 12 tháng 5 năm 2024,
		// UBND huyện tổ chức ...") is no place-and-date line.
		return
	}
	doc.Place = place
	rest := low[i+len("ngày"):]
	d, ok1 := numberBefore(rest, "tháng")
	j := strings.Index(rest, "tháng")
	if j < 0 {
		return
	}
	rest2 := rest[j+len("tháng"):]
	m, ok2 := numberBefore(rest2, "năm")
	k := strings.Index(rest2, "năm")
	if k < 0 {
		return
	}
	y, _, ok3 := readInt(rest2, skipSpaces(rest2, k+len("năm")), 4)
	if ok1 && ok2 && ok3 && d >= 1 && m >= 1 && m <= 12 && d <= daysIn(y, m) {
		s := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		doc.IssuedOn = &s
	}
}

// numberBefore parses the integer between the start of s and word w.
func numberBefore(s, w string) (int, bool) {
	j := strings.Index(s, w)
	if j < 0 {
		return 0, false
	}
	f := strings.TrimSpace(s[:j])
	n, err := strconv.Atoi(f)
	return n, err == nil
}

// isSignTitle reports a signature block title line.
func isSignTitle(t string) bool {
	for _, p := range []string{"KT.", "TL.", "TM.", "Q.", "KT ", "TM "} {
		if strings.HasPrefix(t, p) && isAllCaps(t) {
			return true
		}
	}
	return false
}

// parseTail reads recipients and the signer after the body.
func parseTail(doc *Document, lines []logicalLine, bodyEnd int) {
	inRecipients := false
	for i := bodyEnd; i < len(lines); i++ {
		t := lines[i].text
		if strings.HasPrefix(t, "Nơi nhận") {
			inRecipients = true
			rest := strings.TrimSpace(strings.TrimLeft(t[len("Nơi nhận"):], " :"))
			if rest != "" {
				doc.Recipients = append(doc.Recipients, strings.TrimRight(rest, ";.,"))
			}
			continue
		}
		if inRecipients && lines[i].kind == kindBullet {
			doc.Recipients = append(doc.Recipients, strings.TrimSpace(strings.TrimRight(lines[i].body, ";.,")))
			continue
		}
		inRecipients = false
	}
	// Signer: the last name line following a title block.
	var titles []string
	for i := bodyEnd; i < len(lines); i++ {
		t := strings.TrimSpace(strings.Trim(lines[i].text, "*()"))
		if t == "" {
			continue
		}
		if isSignTitle(t) || (isAllCaps(t) && len(t) < 80 && lines[i].kind == kindPara) {
			titles = append(titles, t)
			continue
		}
		if len(titles) > 0 {
			if name, ok := personName(t); ok {
				n := name
				doc.Signer = &n
				doc.SignerTitle = strings.Join(titles, " / ")
				doc.SignerAuthority, doc.SignerPosition = signerLines(titles)
				titles = nil
			}
		}
	}
}

// signerLines parts a signature block's title lines into the authority
// lines ("KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN") and the signer's own title,
// each joined by " / ".
func signerLines(titles []string) (authority, position string) {
	var auth, pos []string
	for _, t := range titles {
		if isSignTitle(t) && len(pos) == 0 {
			auth = append(auth, t)
		} else {
			pos = append(pos, t)
		}
	}
	return strings.Join(auth, " / "), strings.Join(pos, " / ")
}

// councilHeads open an issuing body's name whose place is printed on the
// next letterhead line ("ỦY BAN NHÂN DÂN" / "HUYỆN CẨM THỦY").
var councilHeads = []string{"ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND", "HỘI ĐỒNG NHÂN DÂN", "HĐND"}

// levelHeads open the line that names a council's place.
var levelHeads = []string{"HUYỆN ", "XÃ ", "TỈNH ", "THÀNH PHỐ ", "THỊ XÃ ", "QUẬN ", "PHƯỜNG ", "THỊ TRẤN ", "ĐẶC KHU "}

// letterheadBodies reads the letterhead's lines (above the number) into the
// superior body and the issuer: the last body named is the issuer, and a
// council's name runs over its place's line.
func letterheadBodies(lines []string) (superior, issuer string) {
	var bodies []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if n := len(bodies); n > 0 && slices.Contains(councilHeads, bodies[n-1]) && hasAnyPrefix(l, levelHeads) {
			bodies[n-1] += " " + l
			continue
		}
		bodies = append(bodies, l)
	}
	if len(bodies) == 0 {
		return "", ""
	}
	return strings.Join(bodies[:len(bodies)-1], " - "), bodies[len(bodies)-1]
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// personName validates a Vietnamese personal name line (2-5 capitalised
// words) and returns it cleaned.
func personName(t string) (string, bool) {
	t = strings.TrimSpace(t)
	for _, p := range []string{"(Đã ký)", "(đã ký)", "Đã ký"} {
		t = strings.TrimSpace(strings.ReplaceAll(t, p, ""))
	}
	f := strings.Fields(t)
	if len(f) < 2 || len(f) > 5 {
		return "", false
	}
	for _, w := range f {
		if !isNameWord(w) {
			return "", false
		}
	}
	return strings.Join(f, " "), true
}

// isNameWord reports a capitalised word of letters only ("Thắng").
func isNameWord(w string) bool {
	first := true
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		if first {
			if !unicode.IsUpper(r) {
				return false
			}
			first = false
		} else if unicode.IsUpper(r) {
			return false
		}
	}
	return !first
}

// khoiName finds the name of the meeting's "khối" (bloc of agencies).
func khoiName(title, text string) string {
	for _, src := range []string{title, text[:min(len(text), 3000)]} {
		low := lowerVN(src)
		if !strings.Contains(low, "khối") {
			continue
		}
		toks := tokenizeLow(src, low)
		for i, t := range toks {
			if t.low != "khối" {
				continue
			}
			j := i + 1
			for j < len(toks) && j-i < 8 {
				tk := toks[j]
				if tk.word {
					if tk.digit || tk.flags&flagUnitStop != 0 || tk.low == "với" || tk.low == "đánh" || tk.low == "triển" {
						break
					}
					j++
					continue
				}
				if (tk.s == "-" || tk.s == "–") && j+1 < len(toks) && toks[j+1].word {
					j++
					continue
				}
				break
			}
			if j > i+1 {
				return joinTokens(toks, i+1, j)
			}
		}
	}
	return ""
}

// communalName returns how the document writes its communal-level
// collective ("UBND các xã, thị trấn").
func communalName(text string) string {
	for _, c := range []string{"UBND các xã, thị trấn", "UBND các xã, phường, thị trấn", "UBND các xã, phường", "UBND các phường, xã", "UBND các xã", "UBND các phường"} {
		if strings.Contains(text, c) {
			return c
		}
	}
	return ""
}

// counterpartOf finds the units the meeting was held with ("giao ban ...
// với UBND các xã, thị trấn").
func counterpartOf(title string, res *unitResolver) []string {
	low := lowerVN(title)
	i := strings.Index(low, "giao ban")
	if i < 0 {
		return nil
	}
	j := strings.Index(low[i:], " với ")
	if j < 0 {
		return nil
	}
	toks := tokenize(title[i+j+len(" với "):])
	units, _ := parseUnitList(toks, 0)
	var out []string
	for _, u := range units {
		out = append(out, res.canon(u.name))
	}
	return out
}

// gluedSentence reports a full stop or an ellipsis at s[i:end] between a
// lower-case word and a capitalised one with no space ("xã.Đồng chí",
// "mới…Song song"), which ends a sentence.
func gluedSentence(s string, i, end int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, n := utf8.DecodeRuneInString(s[end:])
	after, _ := utf8.DecodeRuneInString(s[end+n:])
	return unicode.IsLower(prev) && unicode.IsUpper(next) && unicode.IsLower(after)
}

// sentence is a sentence with its byte range in the line text.
type sentence struct {
	text       string
	start, end int
}

// splitSentences splits at ". ", "! ", "? " followed by an upper-case
// letter (or a digit / opening quote).
func splitSentences(s string) []sentence {
	var out []sentence
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		end := -1
		if c == '.' || c == '!' || c == '?' {
			end = i + 1
		} else if c == 0xE2 && strings.HasPrefix(s[i:], "…") {
			end = i + len("…")
		}
		if end < 0 {
			continue
		}
		j := end
		for j < len(s) && (s[j] == '.' || s[j] == ')' || s[j] == '"') {
			j++
		}
		if j < len(s) && c != '!' && c != '?' && j == end && gluedSentence(s, i, end) {
			// "... của UBND xã.Đồng chí ...": a lost space.
			out = append(out, sentence{strings.TrimSpace(s[start:j]), start, j})
			start = j
			i = j - 1
			continue
		}
		if j >= len(s) || s[j] != ' ' {
			continue
		}
		k := skipSpaces(s, j)
		if k < len(s) && (isUpperStart(s[k:]) || strings.HasPrefix(s[k:], "“")) {
			if t := strings.TrimSpace(s[start:j]); t != "" {
				out = append(out, sentence{t, start, j})
			}
			start = k
			i = k - 1
		}
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, sentence{t, start, len(s)})
	}
	return out
}
