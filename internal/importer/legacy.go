package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tcvn3Table maps the TCVN3 (ABC, TCVN 5712:1993 VN3) code points 0xA1..0xFF
// to Unicode. Codes that the encoding leaves to Latin-1 map to 0.
var tcvn3Table = map[byte]rune{
	0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ',
	0xA8: 'ă', 0xA9: 'â', 0xAA: 'ê', 0xAB: 'ô', 0xAC: 'ơ', 0xAD: 'ư', 0xAE: 'đ',
	0xB5: 'à', 0xB6: 'ả', 0xB7: 'ã', 0xB8: 'á', 0xB9: 'ạ',
	0xBB: 'ằ', 0xBC: 'ẳ', 0xBD: 'ẵ', 0xBE: 'ắ', 0xC6: 'ặ',
	0xC7: 'ầ', 0xC8: 'ẩ', 0xC9: 'ẫ', 0xCA: 'ấ', 0xCB: 'ậ',
	0xCC: 'è', 0xCE: 'ẻ', 0xCF: 'ẽ', 0xD0: 'é', 0xD1: 'ẹ',
	0xD2: 'ề', 0xD3: 'ể', 0xD4: 'ễ', 0xD5: 'ế', 0xD6: 'ệ',
	0xD7: 'ì', 0xD8: 'ỉ', 0xDC: 'ĩ', 0xDD: 'í', 0xDE: 'ị',
	0xDF: 'ò', 0xE1: 'ỏ', 0xE2: 'õ', 0xE3: 'ó', 0xE4: 'ọ',
	0xE5: 'ồ', 0xE6: 'ổ', 0xE7: 'ỗ', 0xE8: 'ố', 0xE9: 'ộ',
	0xEA: 'ờ', 0xEB: 'ở', 0xEC: 'ỡ', 0xED: 'ớ', 0xEE: 'ợ',
	0xEF: 'ù', 0xF1: 'ủ', 0xF2: 'ũ', 0xF3: 'ú', 0xF4: 'ụ',
	0xF5: 'ừ', 0xF6: 'ử', 0xF7: 'ữ', 0xF8: 'ứ', 0xF9: 'ự',
	0xFA: 'ỳ', 0xFB: 'ỷ', 0xFC: 'ỹ', 0xFD: 'ý', 0xFE: 'ỵ',
}

// vniSingle maps VNI-Windows code points that stand for a whole letter.
var vniSingle = map[rune]rune{
	'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư', 'ñ': 'đ', 'Ñ': 'Đ',
	'ì': 'ì', 'Ì': 'Ì', 'í': 'í', 'Í': 'Í', 'æ': 'ỉ', 'Æ': 'Ỉ',
	'ó': 'ĩ', 'Ó': 'Ĩ', 'ò': 'ị', 'Ò': 'Ị', 'î': 'ỵ', 'Î': 'Ỵ',
}

// vniMark describes a VNI-Windows combining code: the vowel modification it
// applies (circumflex, breve) and the tone.
type vniMark struct {
	mod  byte // 0, '^' circumflex, '(' breve
	tone byte // 0, 'f' grave, 's' acute, 'r' hook, 'x' tilde, 'j' dot
}

// vniMarks maps VNI-Windows combining codes (lower and upper case) to marks.
var vniMarks = map[rune]vniMark{
	'ø': {0, 'f'}, 'ù': {0, 's'}, 'û': {0, 'r'}, 'õ': {0, 'x'}, 'ï': {0, 'j'},
	'Ø': {0, 'f'}, 'Ù': {0, 's'}, 'Û': {0, 'r'}, 'Õ': {0, 'x'}, 'Ï': {0, 'j'},
	'â': {'^', 0}, 'à': {'^', 'f'}, 'á': {'^', 's'}, 'å': {'^', 'r'}, 'ã': {'^', 'x'}, 'ä': {'^', 'j'},
	'Â': {'^', 0}, 'À': {'^', 'f'}, 'Á': {'^', 's'}, 'Å': {'^', 'r'}, 'Ã': {'^', 'x'}, 'Ä': {'^', 'j'},
	'ê': {'(', 0}, 'è': {'(', 'f'}, 'é': {'(', 's'}, 'ú': {'(', 'r'}, 'ü': {'(', 'x'}, 'ë': {'(', 'j'},
	'Ê': {'(', 0}, 'È': {'(', 'f'}, 'É': {'(', 's'}, 'Ú': {'(', 'r'}, 'Ü': {'(', 'x'}, 'Ë': {'(', 'j'},
}

// toneTable gives, for each base vowel, the toned forms in the order
// none, grave (f), acute (s), hook (r), tilde (x), dot (j).
var toneTable = map[rune][6]rune{
	'a': {'a', 'à', 'á', 'ả', 'ã', 'ạ'}, 'ă': {'ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'}, 'â': {'â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'},
	'e': {'e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'}, 'ê': {'ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'},
	'i': {'i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'},
	'o': {'o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'}, 'ô': {'ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'}, 'ơ': {'ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'},
	'u': {'u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'}, 'ư': {'ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'},
	'y': {'y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'},
	'A': {'A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'}, 'Ă': {'Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ'}, 'Â': {'Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ'},
	'E': {'E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'}, 'Ê': {'Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ'},
	'I': {'I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị'},
	'O': {'O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'}, 'Ô': {'Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ'}, 'Ơ': {'Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ'},
	'U': {'U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'}, 'Ư': {'Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự'},
	'Y': {'Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'},
}

// toneIndex maps a tone letter to its column in toneTable.
func toneIndex(t byte) int {
	switch t {
	case 'f':
		return 1
	case 's':
		return 2
	case 'r':
		return 3
	case 'x':
		return 4
	case 'j':
		return 5
	}
	return 0
}

// applyMark applies a VNI mark to a base vowel; ok is false when the mark
// does not fit the vowel.
func applyMark(base rune, m vniMark) (rune, bool) {
	switch m.mod {
	case '^':
		switch base {
		case 'a':
			base = 'â'
		case 'e':
			base = 'ê'
		case 'o':
			base = 'ô'
		case 'A':
			base = 'Â'
		case 'E':
			base = 'Ê'
		case 'O':
			base = 'Ô'
		default:
			return 0, false
		}
	case '(':
		switch base {
		case 'a':
			base = 'ă'
		case 'A':
			base = 'Ă'
		default:
			return 0, false
		}
	}
	row, ok := toneTable[base]
	if !ok {
		return 0, false
	}
	return row[toneIndex(m.tone)], true
}

// EncodeVNI encodes Unicode Vietnamese text into VNI-Windows form (one
// Latin-1 rune per VNI byte). It is the inverse of decodeVNI and is used to
// build test samples.
func EncodeVNI(s string) string {
	rev := map[rune]string{}
	for _, base := range "aeiouyAEIOUY" {
		for code, m := range vniMarks {
			if !sameCase(code, base) {
				continue
			}
			if got, ok := applyMark(base, m); ok && got != base {
				rev[got] = string(base) + string(code)
			}
		}
	}
	for code, r := range vniSingle {
		if code == r {
			continue
		}
		rev[r] = string(code)
		if row, ok := toneTable[r]; ok {
			for code2, m := range vniMarks {
				if m.mod == 0 && sameCase(code2, r) {
					rev[row[toneIndex(m.tone)]] = string(code) + string(code2)
				}
			}
		}
	}
	var b strings.Builder
	for _, r := range s {
		if v, ok := rev[r]; ok {
			b.WriteString(v)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sameCase reports whether two runes are both upper or both lower case.
func sameCase(a, b rune) bool {
	return unicode.IsUpper(a) == unicode.IsUpper(b)
}

// EncodeTCVN3 encodes Unicode Vietnamese text into TCVN3 bytes. Letters
// without a TCVN3 code (upper-case toned vowels) are written lower case,
// as TCVN3 fonts do. It is used to build test samples.
func EncodeTCVN3(s string) []byte {
	rev := make(map[rune]byte, len(tcvn3Table))
	for b, r := range tcvn3Table {
		rev[r] = b
	}
	var out []byte
	for _, r := range s {
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		if b, ok := rev[r]; ok {
			out = append(out, b)
			continue
		}
		if b, ok := rev[unicode.ToLower(r)]; ok {
			out = append(out, b)
			continue
		}
		out = append(out, '?')
	}
	return out
}

// decodeTCVN3 converts TCVN3 text given as Latin-1 runes (one rune per
// byte) to Unicode.
func decodeTCVN3(runes []rune) string {
	var b strings.Builder
	b.Grow(len(runes) * 2)
	for _, r := range runes {
		if r >= 0xA1 && r <= 0xFF {
			if u, ok := tcvn3Table[byte(r)]; ok {
				b.WriteRune(u)
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// decodeVNI converts VNI-Windows text given as Latin-1 runes to Unicode.
func decodeVNI(runes []rune) string {
	var b strings.Builder
	b.Grow(len(runes) * 2)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		base := r
		if s, ok := vniSingle[r]; ok {
			base = s
		}
		if i+1 < len(runes) {
			if m, ok := vniMarks[runes[i+1]]; ok {
				if _, isVowel := toneTable[base]; isVowel {
					if u, ok := applyMark(base, m); ok {
						b.WriteRune(u)
						i++
						continue
					}
				}
			}
		}
		b.WriteRune(base)
	}
	return b.String()
}

// legacyScore rates how Vietnamese a decoded text looks: the number of
// Vietnamese letters minus leftover Latin-1 symbols.
func legacyScore(s string) int {
	score := 0
	for _, r := range s {
		switch {
		case r >= 0x1EA0 && r <= 0x1EF9, r == 'ă', r == 'Ă', r == 'đ', r == 'Đ', r == 'ơ', r == 'Ơ', r == 'ư', r == 'Ư', r == 'â', r == 'ê', r == 'ô':
			score++
		case r >= 0x80 && r <= 0xFF:
			score -= 2
		}
	}
	return score
}

// hasUnicodeVietnamese reports whether s already holds Vietnamese letters
// outside Latin-1 (so it is not legacy-encoded).
func hasUnicodeVietnamese(s string) bool {
	n := 0
	for _, r := range s {
		if (r >= 0x1EA0 && r <= 0x1EF9) || r == 'ă' || r == 'đ' || r == 'ơ' || r == 'ư' || r == 'Đ' || r == 'Ă' || r == 'Ơ' || r == 'Ư' {
			n++
			if n >= 3 {
				return true
			}
		}
	}
	return false
}

// latin1Count counts runes in U+0080..U+00FF.
func latin1Count(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x80 && r <= 0xFF {
			n++
		}
	}
	return n
}

// convertLegacy detects TCVN3 or VNI text held as Latin-1 runes and converts
// it. It returns the text, the encoding name ("" when nothing was
// converted).
func convertLegacy(s string) (string, string) {
	if hasUnicodeVietnamese(s) || latin1Count(s) < 3 {
		return s, ""
	}
	runes := make([]rune, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		runes = append(runes, r)
	}
	base := legacyScore(s)
	// VNI writes tones as a mark right after a plain vowel; count how many
	// Latin-1 runes sit in such a position.
	latin, afterVowel := 0, 0
	for i, r := range runes {
		if r < 0x80 || r > 0xFF {
			continue
		}
		latin++
		if i > 0 && strings.ContainsRune("aeiouyAEIOUYôöÔÖ", runes[i-1]) {
			if _, ok := vniMarks[r]; ok {
				afterVowel++
			}
		}
	}
	if afterVowel*10 >= latin*6 {
		if v := decodeVNI(runes); legacyScore(v) > base {
			return v, "vni"
		}
	}
	if t := decodeTCVN3(runes); legacyScore(t) > base {
		return t, "tcvn3"
	}
	return s, ""
}
