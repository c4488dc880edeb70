package docs

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// textWidth is the printed width of s in points, in Times New Roman (or a
// font with its metrics) of the given size.
func textWidth(s string, size float64, bold bool) float64 {
	table := widthsRegular
	if bold {
		table = widthsBold
	}
	units := 0
	for _, r := range s {
		w, ok := table[r]
		if !ok {
			// A letter outside the table: measure its base letter, the
			// diacritics of Vietnamese do not widen it.
			if base := []rune(norm.NFD.String(string(r))); len(base) > 0 {
				w, ok = table[base[0]]
			}
		}
		if !ok {
			w = 1024 // half an em
		}
		units += int(w)
	}
	return float64(units) * size / 2048
}

// widest is the width of the widest line.
func widest(lines []string, size float64, bold bool) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, textWidth(l, size, bold))
	}
	return w
}

// wrapBalanced breaks s into as few lines as fit in maxPt, with the breaks
// chosen so the lines are of even length, as letterheads and summaries are
// set ("ỦY BAN NHÂN DÂN" / "HUYỆN LÂM THAO", not a lone "LÂM THAO"). A "\n"
// in s always breaks.
func wrapBalanced(s string, size float64, bold bool, maxPt float64) []string {
	return wrapWords(s, size, bold, maxPt, strings.Fields)
}

// wrapSummary is wrapBalanced for a document's summary (trích yếu), whose
// lines never break inside a person's name: "… đồng chí Nguyễn Văn" / "An, …"
// reads as two people.
func wrapSummary(s string, size float64, bold bool, maxPt float64) []string {
	return wrapWords(s, size, bold, maxPt, namedWords)
}

// namedWords splits a paragraph into words, keeping a person's name — two
// to four capitalised words in a row, not acronyms ("Tạ Quang Thắng", not
// "UBND") — as one.
func namedWords(para string) []string {
	var out, run []string
	flush := func() {
		if len(run) >= 2 && len(run) <= 4 {
			out = append(out, strings.Join(run, " "))
		} else {
			out = append(out, run...)
		}
		run = run[:0]
	}
	for _, w := range strings.Fields(para) {
		if core := strings.TrimRight(w, ",.;:!?)”\""); capitalised(core) {
			run = append(run, w)
			if core != w {
				flush() // "An," ends the name
			}
			continue
		}
		flush()
		out = append(out, w)
	}
	flush()
	return out
}

// capitalised reports whether w is a word of a name: a capital letter, then
// small letters only.
func capitalised(w string) bool {
	rs := []rune(w)
	if len(rs) < 2 || !unicode.IsUpper(rs[0]) {
		return false
	}
	for _, r := range rs[1:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// wrapWords is wrapBalanced with the paragraph's words as split says.
func wrapWords(s string, size float64, bold bool, maxPt float64, split func(string) []string) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		words := split(para)
		if len(words) == 0 {
			continue
		}
		n := len(greedy(words, size, bold, maxPt))
		lo, hi := 0.0, maxPt
		for hi-lo > 0.5 {
			mid := (lo + hi) / 2
			if len(greedy(words, size, bold, mid)) <= n {
				hi = mid
			} else {
				lo = mid
			}
		}
		out = append(out, greedy(words, size, bold, hi)...)
	}
	return out
}

// greedy fills lines word by word up to maxPt; a word longer than maxPt
// stands on its own line.
func greedy(words []string, size float64, bold bool, maxPt float64) []string {
	var lines []string
	cur := ""
	for _, w := range words {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur != "" && textWidth(try, size, bold) > maxPt {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = try
	}
	return append(lines, cur)
}
