package importer

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// lowerRef is the plain definition of lowerVN: each rune lower-cased when
// its lower-case form has the same width, other bytes kept.
func lowerRef(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if l := lowerRune(r); r != utf8.RuneError && utf8.RuneLen(l) == n {
			b.WriteRune(l)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// randomText builds a string from Vietnamese letters, cue words, spaces,
// punctuation, unusual Unicode and invalid UTF-8.
func randomText(rng *rand.Rand, pieces int) string {
	alpha := []string{"a", "A", "Z", " ", "  ", "\t", "\n", ".", "/", "-", "&", "1", "Đ", "đ", "Ạ", "ạ", "Ỹ", "ỹ",
		"Ḁ", "ẞ", "İ", "K", "Ω", "Ⅷ", "ǅ", "Σ", "ﬁ", "\u0301", "\u00a0", "\u1680", "\u2003", "Ａ", "𝐀",
		"\xff", "\xe1", "\xe1\xbb", "\xc3", "\ufffd", "É", "Ÿ", "–", "…", "“", "      ",
		"CHỦ TRÌ", "Chủ trì", "kết luận", "TRỌNG TÂM", "tiếp thu", "ĐÃ GIẢI ĐÁP", "Sẽ cân đối", "phòng"}
	var b strings.Builder
	for k := rng.Intn(pieces); k >= 0; k-- {
		b.WriteString(alpha[rng.Intn(len(alpha))])
	}
	return b.String()
}

// TestTextFastPaths checks the hand-written scanners against the plain
// definitions they replace.
func TestTextFastPaths(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		s := randomText(rng, 40)
		low := lowerVN(s)
		if want := lowerRef(s); low != want {
			t.Fatalf("lowerVN(%q) = %q, want %q", s, low, want)
		}
		for _, sub := range []string{"chủ trì", "kết luận", "trọng tâm", "a", "zđ"} {
			if got, want := containsLower(s, sub), strings.Contains(low, sub); got != want {
				t.Fatalf("containsLower(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
		if got, want := isAcknowledgementLow(s, low), isAcknowledgement(s); got != want {
			t.Fatalf("isAcknowledgementLow(%q) = %v, want %v", s, got, want)
		}
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Fatalf("fieldCount(%q) = %d, want %d", s, got, want)
		}
		if got, want := runeCount(s, utf8.ValidString(s)), utf8.RuneCountInString(s); got != want {
			t.Fatalf("runeCount(%q) = %d, want %d", s, got, want)
		}
		for _, tk := range tokenize(s) {
			if tk.word && (tk.low != low[tk.start:tk.end] || tk.flags != flagsOf(tk.low)) {
				t.Fatalf("token %+v of %q", tk, s)
			}
		}
	}
}

// TestWordFlags checks the flag table against the word lists and phrase
// sets it is built from.
func TestWordFlags(t *testing.T) {
	sets := []*phraseSet{requestSet, supportSet, subjectVerbSet, imperativeSet, unitHeadSet, collectiveSet, roleSet,
		elaborationSet, openerSet, adverbialSet, directionSet, reportSet, modalSet, adverbSet, personHeadSet, officialTitleSet, levelNounSet,
		enumeratorSet, assessmentSet, genericActorSet}
	want := func(w string) uint16 {
		var f uint16
		for _, l := range []struct {
			words map[string]bool
			flag  uint16
		}{{unitStops, flagUnitStop}, {governingWords, flagGoverning}, {nonVerbs, flagNonVerb}} {
			if l.words[w] {
				f |= l.flag
			}
		}
		for _, ps := range sets {
			if _, ok := ps.byFirst[w]; ok {
				f |= ps.flag
			}
		}
		return f
	}
	words := []string{"các", "xyz", "Phòng"}
	for w := range unitStops {
		words = append(words, w)
	}
	for _, ps := range sets {
		for w := range ps.byFirst {
			words = append(words, w, w+"x", "x"+w)
		}
	}
	for _, w := range words {
		if got := flagsOf(w); got != want(w) {
			t.Errorf("flagsOf(%q) = %b, want %b", w, got, want(w))
		}
	}
}
