package importer

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineKind classifies a logical line.
type lineKind int

// Logical line kinds.
const (
	kindPara   lineKind = iota // running text
	kindBullet                 // "-", "+", "•" item
	kindStar                   // "*" item (a bullet or a sub-heading)
	kindNumber                 // "1.", "2.1.", "I.", "a)" item
)

// segment is one physical line (or one layout column of it) of the source.
type segment struct {
	text       string
	start, end int
	emph       bool // the line was wrapped in markdown emphasis
}

// logicalLine is a paragraph, bullet or heading after joining wrapped
// physical lines.
type logicalLine struct {
	text       string // full text including the marker
	body       string // text after the marker
	marker     string
	kind       lineKind
	level      int
	start, end int
	emph       bool
}

// splitSegments splits the source into physical lines, splitting layout
// columns (runs of many spaces) and removing markdown emphasis.
func splitSegments(src string) []segment {
	out := make([]segment, 0, strings.Count(src, "\n")+1)
	var pieces [][2]int
	off := 0
	for off <= len(src) {
		nl := strings.IndexByte(src[off:], '\n')
		end := len(src)
		if nl >= 0 {
			end = off + nl
		}
		line := src[off:end]
		pieces = appendColumns(pieces[:0], line)
		for _, p := range pieces {
			s := line[p[0]:p[1]]
			seg := cleanSegment(s)
			if seg.text == "" {
				continue
			}
			seg.start, seg.end = off+p[0], off+p[1]
			out = append(out, seg)
		}
		if nl < 0 {
			break
		}
		off = end + 1
	}
	return out
}

// appendColumns appends to out the [start,end) ranges of the text columns
// of a line, splitting at runs of 6 or more spaces.
func appendColumns(out [][2]int, line string) [][2]int {
	if strings.IndexByte(line, '\t') < 0 && !strings.Contains(line, "      ") {
		// One column: the line without its surrounding spaces.
		i, j := 0, len(line)
		for i < j && line[i] == ' ' {
			i++
		}
		for j > i && line[j-1] == ' ' {
			j--
		}
		if i < j {
			out = append(out, [2]int{i, j})
		}
		return out
	}
	i := 0
	for i < len(line) {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) {
			break
		}
		j := i
		spaces := 0
		k := i
		for k < len(line) {
			if line[k] == ' ' || line[k] == '\t' {
				spaces++
				if spaces >= 6 {
					break
				}
			} else {
				spaces = 0
				j = k + 1
			}
			k++
		}
		out = append(out, [2]int{i, j})
		i = k
	}
	return out
}

// cleanSegment removes markdown emphasis and surrounding spaces.
func cleanSegment(s string) segment {
	t := strings.TrimSpace(s)
	emph := strings.HasPrefix(t, "**") || strings.HasPrefix(t, "__")
	if strings.Contains(t, "**") {
		t = strings.ReplaceAll(t, "**", "")
	}
	if strings.Contains(t, "__") {
		t = strings.ReplaceAll(t, "__", "")
	}
	t = strings.TrimSpace(t)
	if emph && strings.HasSuffix(t, "*") {
		t = strings.TrimSpace(strings.TrimSuffix(t, "*"))
	}
	if strings.HasPrefix(t, "#") {
		t = strings.TrimSpace(strings.TrimLeft(t, "#"))
		emph = true
	}
	return segment{text: t, emph: emph}
}

// parseMarker recognises a list marker at the start of s.
func parseMarker(s string) (kind lineKind, marker string, level int, body string) {
	if s == "" {
		return kindPara, "", 0, s
	}
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '+', '•', '–', '·', '\uf0b7', '○', '●', '▪', '✓', '*':
		rest := s[n:]
		if rest == "" {
			return kindPara, "", 0, s
		}
		r2 := firstRune(rest)
		if r2 == ' ' || r2 == '\t' || (r != '-' && r != '+' && r != '*') || (unicode.IsUpper(r2) && r != '*') {
			k := kindBullet
			if r == '*' {
				k = kindStar
			}
			return k, string(r), 9, strings.TrimSpace(rest)
		}
		return kindPara, "", 0, s
	}
	// Roman numerals.
	i := 0
	for i < len(s) && i < 6 && strings.IndexByte("IVXL", s[i]) >= 0 {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		return kindNumber, s[:i+1], 1, strings.TrimSpace(s[i+1:])
	}
	// Arabic: 1. / 2.1. / 2.1 / 1)
	i = 0
	parts := 0
	for {
		j := i
		for j < len(s) && j-i < 2 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i || (j < len(s) && s[j] >= '0' && s[j] <= '9') {
			break
		}
		parts++
		i = j
		if i < len(s) && s[i] == '.' {
			if i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				i++
				continue
			}
			i++
			if i < len(s) && (s[i] == ' ' || s[i] == '\t') {
				return kindNumber, s[:i], 1 + parts, strings.TrimSpace(s[i:])
			}
			break
		}
		if i < len(s) && s[i] == ')' && i+1 < len(s) && s[i+1] == ' ' {
			return kindNumber, s[:i+1], 1 + parts, strings.TrimSpace(s[i+1:])
		}
		if parts > 1 && i < len(s) && s[i] == ' ' {
			return kindNumber, s[:i], 1 + parts, strings.TrimSpace(s[i:])
		}
		break
	}
	// Letters: a) b. đ)
	r, n = utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) && n < len(s) && (s[n] == ')' || s[n] == '.') && n+1 < len(s) && s[n+1] == ' ' && (r < 0x80 || r == 'đ') {
		return kindNumber, s[:n+1], 6, strings.TrimSpace(s[n+1:])
	}
	return kindPara, "", 0, s
}

// startsWithCue reports a paragraph that always starts a new block.
func startsWithCue(s string) bool {
	for _, c := range []string{"Giao ", "Yêu cầu ", "Đề nghị ", "Trên đây", "Nơi nhận", "KT.", "TL.", "TM.", "Căn cứ ", "Sau khi ", "Vào lúc", "Sáng ngày", "Chiều ngày", "Tham dự", "Thành phần"} {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	// "UBND huyện tiếp thu …", "UBND xã tiếp thu …": the issuer acknowledging
	// a proposal, at whatever level it is.
	if strings.HasPrefix(s, "UBND ") {
		if i := strings.Index(s, " tiếp thu"); i > 0 && i < 48 {
			return true
		}
	}
	if strings.HasPrefix(s, "Ngày ") && len(s) > 8 && s[len("Ngày ")] >= '0' && s[len("Ngày ")] <= '9' {
		return true
	}
	return false
}

// joinLines merges physical lines into logical lines (paragraphs, bullets,
// headings), repairing hard line breaks and hyphenation. validUTF8 reports
// segments known to be valid UTF-8.
func joinLines(segs []segment, validUTF8 bool) []logicalLine {
	if len(segs) == 0 {
		return nil
	}
	lens := make([]int, len(segs))
	for i, s := range segs {
		lens[i] = runeCount(s.text, validUTF8)
	}
	sorted := append([]int(nil), lens...)
	sort.Ints(sorted)
	p90 := sorted[len(sorted)*9/10]
	wrapped := len(segs) >= 8 && p90 <= 160 && p90 >= 40
	out := make([]logicalLine, 0, len(segs))
	// The current line's text is text while it is one segment and cur once
	// segments are joined, so single-segment lines are not copied.
	var cur strings.Builder
	text, joined := "", false
	current := func() string {
		if joined {
			return cur.String()
		}
		return text
	}
	var curLine logicalLine
	curLen := 0
	flush := func() {
		t := current()
		if t == "" {
			return
		}
		curLine.text = t
		curLine.kind, curLine.marker, curLine.level, curLine.body = parseMarker(curLine.text)
		out = append(out, curLine)
		cur.Reset()
		text, joined = "", false
	}
	for i, s := range segs {
		if t := current(); t != "" && !shouldJoin(t, curLen, s.text, wrapped, p90) {
			flush()
		}
		if prev := current(); prev == "" {
			curLine = logicalLine{start: s.start, end: s.end, emph: s.emph}
			text = s.text
		} else {
			if !joined {
				cur.Grow(2 * (len(prev) + len(s.text)))
				cur.WriteString(prev)
				joined = true
			}
			if strings.HasSuffix(prev, "-") && !strings.HasSuffix(prev, " -") && !strings.HasPrefix(s.text, "-") {
				cur.WriteString(s.text)
			} else {
				cur.WriteByte(' ')
				cur.WriteString(s.text)
			}
			curLine.end = s.end
		}
		curLen = lens[i]
	}
	flush()
	return out
}

// connectorEnd reports a line that ends mid-phrase.
func connectorEnd(s string) bool {
	r := lastRune(s)
	if r == ',' || r == '-' || r == '&' || r == '(' || r == '/' {
		return true
	}
	tail := s
	if len(tail) > 16 {
		tail = tail[len(tail)-16:]
	}
	low := lowerVN(strings.ToValidUTF8(tail, ""))
	for _, w := range []string{" và", " của", " các", " với", " cho", " tại", " về", " theo", " trên", " để", " là", " những"} {
		if strings.HasSuffix(low, w) {
			return true
		}
	}
	return false
}

// shouldJoin decides whether the next physical line continues the current
// logical line.
func shouldJoin(cur string, curLen int, next string, wrapped bool, p90 int) bool {
	if k, _, _, _ := parseMarker(next); k != kindPara {
		return false
	}
	if startsWithCue(next) && !connectorEnd(cur) {
		return false
	}
	last := lastRune(cur)
	terminal := last == '.' || last == ';' || last == ':' || last == '!' || last == '?' || last == '…'
	if terminal {
		if isLowerStart(next) {
			return true
		}
		return wrapped && float64(curLen) >= 0.88*float64(p90) && last != ';' && last != ':'
	}
	if isLowerStart(next) || connectorEnd(cur) {
		return true
	}
	if !wrapped {
		return false
	}
	if float64(curLen) < 0.7*float64(p90) {
		return false
	}
	return true
}
