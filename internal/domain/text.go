package domain

// FirstControl returns the first control character of s that no stored
// text may hold — a C0 or C1 control other than tab, line feed and carriage
// return, or DEL — and whether there is one. PostgreSQL cannot store a NUL
// at all; the others are never typed on purpose and break documents.
func FirstControl(s string) (rune, bool) {
	for _, c := range s {
		switch {
		case c == '\t', c == '\n', c == '\r':
		case c < 0x20, c == 0x7f, c >= 0x80 && c <= 0x9f:
			return c, true
		}
	}
	return 0, false
}
