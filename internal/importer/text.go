package importer

import (
	"math/bits"
	"sort"
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
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if c >= 'A' && c <= 'Z' {
				b = append(b, c+'a'-'A')
				i++
				continue
			}
			j := i + 1 // copy the run of other ASCII bytes at once
			for j < len(s) && s[j] < 0x80 && (s[j] < 'A' || s[j] > 'Z') {
				j++
			}
			b = append(b, s[i:j]...)
			i = j
			continue
		}
		if c == 0xE1 && i+2 < len(s) && (s[i+1] == 0xBA && s[i+2] >= 0xA0 && s[i+2] <= 0xBF || s[i+1] == 0xBB && s[i+2] >= 0x80 && s[i+2] <= 0xB9) {
			// U+1EA0..U+1EF9 fold to ASCII vowels.
			b = append(b, byte(foldViet[(rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F))-0xEA0]))
			i += 3
			continue
		}
		if c >= 0xC2 && c <= 0xC8 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// U+0080..U+023F: most fold to an ASCII letter.
			if f := foldLow[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)]; f < 0x80 {
				b = append(b, byte(f))
				i += 2
				continue
			}
		}
		r, n := decodeAt(s, i)
		i += n
		switch {
		case r < 0x250:
			r = foldLow[r]
		case r >= 0x1EA0 && r <= 0x1EF9:
			r = foldViet[r-0x1EA0]
		default:
			r = unicode.ToLower(r)
		}
		if r < 0x80 {
			b = append(b, byte(r))
		} else {
			b = utf8.AppendRune(b, r)
		}
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

// lowerTwo holds, for the two-byte runes U+0080..U+07FF, the lower-case
// form when it differs and is also two bytes long (0 otherwise), so that
// lowerVN can lower the common Latin letters without decoding them.
var lowerTwo = func() [0x800 - 0x80]rune {
	var t [0x800 - 0x80]rune
	for r := rune(0x80); r < 0x800; r++ {
		if l := lowerRune(r); l != r && utf8.RuneLen(l) == 2 {
			t[r-0x80] = l
		}
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

// decodeAt decodes the rune at s[i] like utf8.DecodeRuneInString, with
// fast paths for ASCII, two-byte runes and the Vietnamese block.
func decodeAt(s string, i int) (rune, int) {
	c := s[i]
	if c < 0x80 {
		return rune(c), 1
	}
	if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	if c == 0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return 0x1000 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// lowerAt decodes the rune at s[i]; it returns the lower-case form, the
// rune's width and whether lowerVN replaces it (only by a rune of the same
// width, so that lower-case text keeps the byte offsets of the original).
func lowerAt(s string, i int) (rune, int, bool) {
	c := s[i]
	if c < 0x80 {
		if c >= 'A' && c <= 'Z' {
			return rune(c + 'a' - 'A'), 1, true
		}
		return rune(c), 1, false
	}
	if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		l := lowerTwo[(rune(c&0x1F)<<6|rune(s[i+1]&0x3F))-0x80]
		return l, 2, l != 0
	}
	if c == 0xE1 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		if r := 0x1000 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); r >= 0x1EA0 && r <= 0x1EF9 {
			return r | 1, 3, r&1 == 0
		}
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	l := lowerRune(r)
	return l, n, r != utf8.RuneError && l != r && utf8.RuneLen(l) == n
}

// lowerVN lower-cases s (fast path for Vietnamese letters). The result has
// the same length as s: a rune whose lower-case form has another width is
// kept, so byte offsets into s are valid in the result.
func lowerVN(s string) string {
	i := lowerSpan(s, 0)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		l, n, _ := lowerAt(s, i) // changes: lowerSpan stopped here
		if l < 0x80 {
			b.WriteByte(byte(l))
		} else {
			b.WriteRune(l)
		}
		j := lowerSpan(s, i+n)
		b.WriteString(s[i+n : j])
		i = j
	}
	return b.String()
}

// containsLower reports strings.Contains(lowerVN(s), sub) without building
// lowerVN(s). sub must be lower case and start with an ASCII letter, so a
// match starts at that letter in either case.
func containsLower(s, sub string) bool {
	c0, u0 := sub[0], sub[0]-('a'-'A')
	for i := 0; i+len(sub) <= len(s); i++ {
		if c := s[i]; (c == c0 || c == u0) && hasLowerPrefix(s[i:], sub) {
			return true
		}
	}
	return false
}

// hasLowerPrefix reports strings.HasPrefix(lowerVN(s), sub) for s starting
// at a rune boundary.
func hasLowerPrefix(s, sub string) bool {
	var buf [utf8.UTFMax]byte
	for k := 0; k < len(sub); {
		if k >= len(s) {
			return false
		}
		l, n, changed := lowerAt(s, k)
		if k+n > len(sub) {
			return false
		}
		if changed {
			utf8.EncodeRune(buf[:], l)
			if string(buf[:n]) != sub[k:k+n] {
				return false
			}
		} else if s[k:k+n] != sub[k:k+n] {
			return false
		}
		k += n
	}
	return true
}

// lowerSpan returns the offset of the first rune at or after i that
// lowerVN changes (len(s) if none). ASCII, precomposed Vietnamese and
// two-byte letters are tested inline.
func lowerSpan(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < 0x80 {
			if c >= 'A' && c <= 'Z' {
				return i
			}
			i++
			continue
		}
		if c == 0xE1 && i+2 < len(s) {
			// U+1EA0..U+1EF9 is E1 BA A0..E1 BB B9; odd runes are lower case.
			if c1, c2 := s[i+1], s[i+2]; c1 == 0xBA && c2 >= 0xA0 && c2 <= 0xBF || c1 == 0xBB && c2 >= 0x80 && c2 <= 0xB9 {
				if c2&1 == 0 {
					return i
				}
				i += 3
				continue
			}
		}
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			if lowerTwo[(rune(c&0x1F)<<6|rune(s[i+1]&0x3F))-0x80] != 0 {
				return i
			}
			i += 2
			continue
		}
		if _, n, changed := lowerAt(s, i); !changed {
			i += n
			continue
		}
		return i
	}
	return i
}

// collapseSpaces collapses whitespace runs into single spaces and trims.
func collapseSpaces(s string) string {
	// Text with the lead bytes of the other Unicode spaces (0xC2, 0xE2,
	// 0xE3) is collapsed with strings.Fields. Dashes, quotes and ellipses
	// share those lead bytes; text whose only such runes are not spaces is
	// returned as it is, unless it holds U+1680 (a space strings.Fields
	// would remove).
	wide, ogham := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > ' ' && c < 0xC2 {
			continue // printable ASCII and continuation bytes
		}
		switch c {
		case ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return strings.Join(strings.Fields(s), " ")
			}
		case '\t', '\n', '\r', '\v', '\f':
			return strings.Join(strings.Fields(s), " ")
		case 0xC2, 0xE2, 0xE3:
			if r, _ := decodeAt(s, i); unicode.IsSpace(r) {
				return strings.Join(strings.Fields(s), " ")
			}
			wide = true
		case 0xE1:
			if i+2 < len(s) && s[i+1] == 0x9A && s[i+2] == 0x80 { // U+1680
				ogham = true
			}
		}
	}
	if wide && ogham {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// runeCount returns utf8.RuneCountInString(s). For s known to be valid
// UTF-8 it counts the bytes that start a rune, eight bytes at a time.
func runeCount(s string, valid bool) int {
	if !valid {
		return utf8.RuneCountInString(s)
	}
	n, i := len(s), 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// Continuation bytes are 10xxxxxx: bit 7 set, bit 6 clear.
		n -= bits.OnesCount64(x &^ (x << 1) & 0x8080808080808080)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// fieldCount returns len(strings.Fields(s)) without building the fields.
func fieldCount(s string) int {
	n := 0
	inField := false
	for _, r := range s {
		if runeClass(r)&classSpace != 0 {
			inField = false
		} else if !inField {
			inField = true
			n++
		}
	}
	return n
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
	word  bool   // letters/digits (may contain & / - inside)
	upper bool   // starts with an upper-case letter
	digit bool   // starts with a digit
	flags uint16 // wordFlags of low (word tokens only)
}

// isWordRune reports runes that belong inside a word token.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Rune classes used by tokenize.
const (
	classSpace uint8 = 1 << iota // unicode.IsSpace
	classWord                    // isWordRune
	classUpper                   // unicode.IsUpper
	classDigit                   // unicode.IsDigit
)

// classOf computes the tokenizer class of r.
func classOf(r rune) uint8 {
	var c uint8
	if unicode.IsSpace(r) {
		c |= classSpace
	}
	if isWordRune(r) {
		c |= classWord
	}
	if unicode.IsUpper(r) {
		c |= classUpper
	}
	if unicode.IsDigit(r) {
		c |= classDigit
	}
	return c
}

// latinClass and vietClass hold the classes of U+0000..U+024F and of the
// Vietnamese block U+1EA0..U+1EF9, the runes of nearly every notice.
var latinClass, vietClass = func() ([0x250]uint8, [0x1EFA - 0x1EA0]uint8) {
	var l [0x250]uint8
	var v [0x1EFA - 0x1EA0]uint8
	for r := rune(0); r < 0x250; r++ {
		l[r] = classOf(r)
	}
	for r := rune(0x1EA0); r <= 0x1EF9; r++ {
		v[r-0x1EA0] = classOf(r)
	}
	return l, v
}()

// runeClass returns the tokenizer class of r.
func runeClass(r rune) uint8 {
	if r < 0x250 {
		return latinClass[r]
	}
	if r >= 0x1EA0 && r <= 0x1EF9 {
		return vietClass[r-0x1EA0]
	}
	return classOf(r)
}

// tokenize splits s into word and punctuation tokens. Characters '&', '/',
// '-', '.' stay inside a word when letters or digits follow them
// ("GD&ĐT", "HĐND-UBND", "12/TB-UBND").
func tokenize(s string) []token {
	return tokenizeLow(s, lowerVN(s))
}

// tokenizeLow is tokenize for a caller that already holds lowerVN(s).
func tokenizeLow(s, low string) []token {
	return appendTokens(make([]token, 0, len(s)/5+4), s, low)
}

// scratchTokens returns buf emptied, with room for the usual number of
// tokens of s.
func scratchTokens(buf []token, s string) []token {
	if n := len(s)/5 + 4; cap(buf) < n {
		return make([]token, 0, max(n, 2*cap(buf)))
	}
	return buf[:0]
}

// appendTokens appends the tokens of s (low is lowerVN(s)) to toks.
func appendTokens(toks []token, s, low string) []token {
	i := 0
	for i < len(s) {
		r, n := decodeAt(s, i)
		cls := runeClass(r)
		if cls&classSpace != 0 {
			i += n
			continue
		}
		if cls&classWord != 0 {
			j := i + n
			for j < len(s) {
				if c := s[j]; c < 0x80 {
					if latinClass[c]&classWord != 0 {
						j++
						continue
					}
				} else if c == 0xE1 && j+2 < len(s) && (s[j+1] == 0xBA && s[j+2] >= 0xA0 && s[j+2] <= 0xBF || s[j+1] == 0xBB && s[j+2] >= 0x80 && s[j+2] <= 0xB9) {
					j += 3 // U+1EA0..U+1EF9, Vietnamese letters
					continue
				}
				r2, n2 := decodeAt(s, j)
				if runeClass(r2)&classWord != 0 {
					j += n2
					continue
				}
				if (r2 == '&' || r2 == '/' || r2 == '-' || r2 == '.') && j+n2 < len(s) {
					r3, _ := decodeAt(s, j+n2)
					if c3 := runeClass(r3); c3&classWord != 0 && (r2 != '.' || c3&classDigit != 0) {
						j += n2
						continue
					}
				}
				break
			}
			toks = append(toks, token{s: s[i:j], low: low[i:j], start: i, end: j, word: true,
				upper: cls&classUpper != 0, digit: cls&classDigit != 0, flags: flagsOf(low[i:j])})
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

// wordFlags records, for each lower-case word, which phrase sets it opens
// and which word lists hold it (one bit each), in an open-addressing table:
// tokenize stores the flags in every word token, so the hot loops test a
// bit instead of looking the same word up in several maps.
var wordFlags [1024]struct {
	word  string
	flags uint16
}

// wordFlagWords is the number of words in wordFlags.
var wordFlagWords int

// wordHash is the FNV-1a hash of w.
func wordHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h
}

// addWordFlag sets flag f of the non-empty word w.
func addWordFlag(w string, f uint16) {
	mask := uint32(len(wordFlags) - 1)
	for i := wordHash(w) & mask; ; i = (i + 1) & mask {
		e := &wordFlags[i]
		if e.word == w {
			e.flags |= f
			return
		}
		if e.word == "" {
			if wordFlagWords++; wordFlagWords > len(wordFlags)/2 {
				panic("importer: word flag table full")
			}
			e.word, e.flags = w, f
			return
		}
	}
}

// flagsOf returns the flags of the non-empty word w.
func flagsOf(w string) uint16 {
	mask := uint32(len(wordFlags) - 1)
	for i := wordHash(w) & mask; ; i = (i + 1) & mask {
		e := &wordFlags[i]
		if e.word == w {
			return e.flags
		}
		if e.word == "" {
			return 0
		}
	}
}

// wordFlagCount is the number of flag bits handed out by newWordFlag.
var wordFlagCount int

// newWordFlag returns an unused wordFlags bit.
func newWordFlag() uint16 {
	if wordFlagCount >= 16 {
		panic("importer: too many word flags")
	}
	f := uint16(1) << wordFlagCount
	wordFlagCount++
	return f
}

// Flags of the word lists.
var (
	flagUnitStop  = newWordFlag() // unitStops
	flagGoverning = newWordFlag() // governingWords
	flagNonVerb   = newWordFlag() // nonVerbs
)

func init() {
	for _, l := range []struct {
		words map[string]bool
		flag  uint16
	}{{unitStops, flagUnitStop}, {governingWords, flagGoverning}, {nonVerbs, flagNonVerb}} {
		for w, ok := range l.words {
			if ok {
				addWordFlag(w, l.flag)
			}
		}
	}
}

// phrase is one phrase of a phraseSet.
type phrase struct {
	words []string
	text  string // the words joined by single spaces
}

// phraseSet indexes lower-case phrases by their first word for fast
// matching against tokens.
type phraseSet struct {
	byFirst map[string][]phrase
	flag    uint16 // wordFlags bit of the first words
}

// newPhraseSet builds a phraseSet; the longest phrase matching wins ("phòng
// ban" over "phòng"), and among phrases of one length the earlier.
func newPhraseSet(phrases []string) *phraseSet {
	return newPhraseSetFlag(phrases, newWordFlag())
}

// newPhraseSetFlag builds a phraseSet whose first words share flag with
// other sets (a coarser quick test, for sets used less often).
func newPhraseSetFlag(phrases []string, flag uint16) *phraseSet {
	ps := &phraseSet{byFirst: map[string][]phrase{}, flag: flag}
	for _, p := range phrases {
		w := strings.Fields(p)
		ps.byFirst[w[0]] = append(ps.byFirst[w[0]], phrase{words: w, text: strings.Join(w, " ")})
		addWordFlag(w[0], ps.flag)
	}
	for _, list := range ps.byFirst {
		sort.SliceStable(list, func(a, b int) bool { return len(list[a].words) > len(list[b].words) })
	}
	return ps
}

// match returns the token count and the text of the longest phrase
// matching toks at i (0, "" if none).
func (ps *phraseSet) match(toks []token, i int) (int, string) {
	if i >= len(toks) || toks[i].word && toks[i].flags&ps.flag == 0 {
		return 0, ""
	}
	for _, p := range ps.byFirst[toks[i].low] {
		if i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(p.words); k++ {
			if toks[i+k].low != p.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return len(p.words), p.text
		}
	}
	return 0, ""
}

// count returns the token count of the first phrase matching toks at i,
// 0 if none.
func (ps *phraseSet) count(toks []token, i int) int {
	n, _ := ps.match(toks, i)
	return n
}
