package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldLow and foldViet map Latin letters with diacritics to their
// lower-case base letter (U+0000..U+024F and U+1EA0..U+1EF9).
var foldLow, foldViet = buildFoldTables()

// buildFoldTables precomputes the diacritic folding tables.
func buildFoldTables() ([0x250]rune, [0x1EFA - 0x1EA0]rune) {
	var low [0x250]rune
	var viet [0x1EFA - 0x1EA0]rune
	base := func(r rune) rune {
		d := norm.NFD.String(string(r))
		b, _ := utf8.DecodeRuneInString(d)
		if b < 0x80 {
			return unicode.ToLower(b)
		}
		return unicode.ToLower(r)
	}
	for r := rune(0); r < 0x250; r++ {
		low[r] = base(r)
	}
	low['đ'], low['Đ'] = 'd', 'd'
	for r := rune(0x1EA0); r <= 0x1EF9; r++ {
		viet[r-0x1EA0] = base(r)
	}
	return low, viet
}

// fold lower-cases s and removes Vietnamese diacritics ("Đà Nẵng" -> "da
// nang").
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		case r < 0x250:
			r = foldLow[r]
		case r >= 0x1EA0 && r <= 0x1EF9:
			r = foldViet[r-0x1EA0]
		default:
			r = unicode.ToLower(r)
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// lowerTable holds the lower-case form of runes below U+0250.
var lowerTable = func() [0x250]rune {
	var t [0x250]rune
	for r := rune(0); r < 0x250; r++ {
		t[r] = unicode.ToLower(r)
	}
	return t
}()

// lowerRune lower-cases one rune quickly for Vietnamese text.
func lowerRune(r rune) rune {
	switch {
	case r < 0x250:
		return lowerTable[r]
	case r >= 0x1EA0 && r <= 0x1EF9:
		return r | 1
	}
	return unicode.ToLower(r)
}

// lowerVN lower-cases s (fast path for Vietnamese letters).
func lowerVN(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < 0x80 {
			if c >= 'A' && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if lowerRune(r) != r {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for i < len(s) {
		c := s[i]
		if c < 0x80 {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		l := lowerRune(r)
		if r == utf8.RuneError || utf8.RuneLen(l) != n {
			b = append(b, s[i:i+n]...) // keep byte offsets stable
		} else {
			b = utf8.AppendRune(b, l)
		}
		i += n
	}
	return string(b)
}

// collapseSpaces collapses whitespace runs into single spaces and trims.
func collapseSpaces(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || (c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) || c == 0xC2 || c == 0xE2 || c == 0xE3 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// firstRune returns the first rune of s or 0.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// lastRune returns the last rune of s or 0.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// isUpperStart reports whether s starts with an upper-case letter.
func isUpperStart(s string) bool {
	return unicode.IsUpper(firstRune(s))
}

// isLowerStart reports whether s starts with a lower-case letter.
func isLowerStart(s string) bool {
	return unicode.IsLower(firstRune(s))
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// token is one word or punctuation mark of a text.
type token struct {
	s     string // as printed
	low   string // lower case
	start int    // byte offset in the tokenised text
	end   int
	word  bool // letters/digits (may contain & / - inside)
	upper bool // starts with an upper-case letter
	digit bool // starts with a digit
}

// isWordRune reports runes that belong inside a word token.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits s into word and punctuation tokens. Characters '&', '/',
// '-', '.' stay inside a word when letters or digits follow them
// ("GD&ĐT", "HĐND-UBND", "12/TB-UBND").
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+4)
	lowS := lowerVN(s)
	if len(lowS) != len(s) {
		lowS = ""
	}
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if isWordRune(r) {
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if (r2 == '&' || r2 == '/' || r2 == '-' || r2 == '.') && j+n2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					if isWordRune(r3) && (r2 != '.' || unicode.IsDigit(r3)) {
						j += n2
						continue
					}
				}
				break
			}
			w := s[i:j]
			lw := ""
			if lowS != "" {
				lw = lowS[i:j]
			} else {
				lw = lowerVN(w)
			}
			toks = append(toks, token{s: w, low: lw, start: i, end: j, word: true,
				upper: unicode.IsUpper(r), digit: unicode.IsDigit(r)})
			i = j
			continue
		}
		toks = append(toks, token{s: s[i : i+n], low: s[i : i+n], start: i, end: i + n})
		i += n
	}
	return toks
}

// matchWords reports whether the lower-case words of phrase (space
// separated) match toks starting at i; it returns the number of tokens.
func matchWords(toks []token, i int, phrase string) int {
	k := i
	for len(phrase) > 0 {
		var w string
		if j := strings.IndexByte(phrase, ' '); j >= 0 {
			w, phrase = phrase[:j], phrase[j+1:]
		} else {
			w, phrase = phrase, ""
		}
		if k >= len(toks) || toks[k].low != w {
			return 0
		}
		k++
	}
	return k - i
}

// matchAny returns the token count of the first phrase matching at i.
func matchAny(toks []token, i int, phrases []string) int {
	for _, p := range phrases {
		if n := matchWords(toks, i, p); n > 0 {
			return n
		}
	}
	return 0
}

// phraseSet indexes lower-case phrases by their first word for fast
// matching against tokens.
type phraseSet struct {
	byFirst map[string][][]string
}

// newPhraseSet builds a phraseSet; earlier phrases win over later ones with
// the same first word, so list longer phrases first.
func newPhraseSet(phrases []string) *phraseSet {
	ps := &phraseSet{byFirst: map[string][][]string{}}
	for _, p := range phrases {
		w := strings.Fields(p)
		ps.byFirst[w[0]] = append(ps.byFirst[w[0]], w)
	}
	return ps
}

// match returns the token count and index of the first phrase matching
// toks at i (0, -1 if none).
func (ps *phraseSet) match(toks []token, i int) (int, []string) {
	if i >= len(toks) {
		return 0, nil
	}
	for _, words := range ps.byFirst[toks[i].low] {
		if i+len(words) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(words); k++ {
			if toks[i+k].low != words[k] {
				ok = false
				break
			}
		}
		if ok {
			return len(words), words
		}
	}
	return 0, nil
}
