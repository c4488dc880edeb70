// Package textfold folds Vietnamese text for search: lower case, no diacritics,
// đ/Đ as d. Both the stored search text and the query go through Fold, so
// SQLite and PostgreSQL match the same way. It transforms strings only: what
// is searched, and how, is internal/store's.
package textfold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s lower-cased, without combining marks, with đ/Đ as d and runs
// of white space collapsed to one space. "Giáo dục ĐÀO TẠO" → "giao duc dao tao".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimRight(b.String(), " ")
}

// LikePattern folds q and escapes it for a LIKE … ESCAPE '\' match anywhere.
func LikePattern(q string) string {
	q = Fold(q)
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(q) + "%"
}
