package importer

import (
	"strings"
	"unicode/utf8"
)

// The body of a notice read as the source prints it: the opening
// paragraphs, each part under its own numbered heading, and the closing
// paragraph. The body is what lies between the title and the recipients
// or the signature; the lines a web page wraps around a story (menus,
// counters, share links, the byline) and page numbers are no part of it.

// bodySections parts the body lines into sections. A section starts at
// each heading of the outermost level the body's headings use (see
// isHeadingLine) and at the closing paragraph ("Trên đây là ..."); the
// other lines, sub-headings included, are the sections' paragraphs, in
// order and with their numbers and markers.
func bodySections(lines []logicalLine, title string, formal bool) []Section {
	lines = dropFurniture(lines, title, formal)
	top := 0
	for _, l := range lines {
		if isHeadingLine(l) && (top == 0 || l.level < top) {
			top = l.level
		}
	}
	var out []Section
	var cur *Section
	open := func(l logicalLine, number, heading string) {
		out = append(out, Section{Number: number, Heading: heading, Paragraphs: []string{}, Start: l.start, End: l.end})
		cur = &out[len(out)-1]
	}
	closed := false
	for _, l := range lines {
		switch {
		case !closed && top > 0 && l.level == top && isHeadingLine(l):
			open(l, l.marker, l.body)
			continue
		case !closed && strings.HasPrefix(l.text, "Trên đây"):
			closed = true
			open(l, "", "")
		case cur == nil:
			open(l, "", "")
		}
		cur.Paragraphs = append(cur.Paragraphs, l.text)
		cur.End = l.end
	}
	return out
}

// isHeadingLine reports a numbered line that heads what follows rather
// than states a task: short, and not a sentence ended by a full stop or a
// semicolon unless a few words long ("2.5. Về công tác Tư pháp.").
func isHeadingLine(l logicalLine) bool {
	if l.kind != kindNumber || utf8.RuneCountInString(l.body) > 150 {
		return false
	}
	switch lastRune(l.body) {
	case ';':
		return false
	case '.':
		return fieldCount(l.body) <= 8
	}
	return true
}

// furnitureLines are lines of web pages around a story, folded.
var furnitureLines = map[string]bool{
	"so luot truy cap": true, "emailprintaa": true, "email": true, "print": true, "rss": true, "in bai": true,
	"ban in": true, "chia se": true, "tin tuc - su kien": true, "tin tuc su kien": true, "tin lien quan": true,
	"tin khac": true, "cac tin khac": true, "quay lai": true, "ve dau trang": true, "skip ribbon commands": true,
	"skip to main content": true, "thong tin tuyen truyen": true,
}

// furniturePrefixes open a page's date and counter lines, folded.
var furniturePrefixes = []string{"ngay dang", "luot xem", "so luot xem", "cap nhat luc", "ngay cap nhat"}

// dropFurniture removes page numbers, a web page's menus and counters, a
// repeat of the title and, on a news page, the byline after the story.
func dropFurniture(lines []logicalLine, title string, formal bool) []logicalLine {
	ft := fold(strings.TrimSpace(title))
	out := make([]logicalLine, 0, len(lines))
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		// Furniture is short; a repeated title as long as the title.
		f := ""
		if len(t) < 80 || len(t) == len(strings.TrimSpace(title)) {
			f = fold(t)
		}
		switch {
		case f == "":
			out = append(out, l)
		case isPageNumber(t):
		case !formal && (furnitureLines[strings.TrimRight(f, " :.")] || hasAnyPrefix(f, furniturePrefixes)):
		case ft != "" && f == ft:
		default:
			out = append(out, l)
		}
	}
	if !formal {
		// "Bích Hường – Văn Tịnh": a short line without a sentence's end
		// after the story is its byline.
		for len(out) > 1 {
			t := strings.TrimSpace(out[len(out)-1].text)
			if fieldCount(t) > 8 || strings.ContainsRune(".!?…:;\"”)", lastRune(t)) {
				break
			}
			out = out[:len(out)-1]
		}
	}
	return out
}

// isPageNumber reports a line that is only a page number ("2", "- 3 -",
// "Trang 4").
func isPageNumber(t string) bool {
	t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "Trang"))
	t = strings.Trim(t, "-–— ")
	if t == "" || len(t) > 3 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}
