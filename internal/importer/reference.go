package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A notice names a body or a place in full once and then refers back to
// it: "các thành viên" of the Tổ or Ban Chỉ đạo that met, "Ban Chỉ đạo"
// for "Ban Chỉ đạo điều chỉnh địa giới hành chính", "xã" for the commune
// an article is about. complete writes such references out in full.

// bodyHeads open the name of a body that meets ("Ban Chỉ đạo ...", "Tổ
// ...", "Hội đồng ...").
var bodyHeads = []string{"ban chỉ đạo", "ban chỉ huy", "tổ công tác", "hội đồng", "tổ"}

// references holds what a document names in full.
type references struct {
	bodies map[string]string // body head -> the full name used most
	body   string            // the body used most, any head
}

// bodyRefs scans the document, once, for the full names of bodies: only
// the text around each capitalised head is tokenised.
func (r *unitResolver) bodyRefs() *references {
	if r.refs != nil {
		return r.refs
	}
	refs := &references{bodies: map[string]string{}}
	r.refs = refs
	counts := map[string]int{}
	best := map[string]int{}
	for _, h := range []string{"Ban Chỉ đạo", "Ban chỉ đạo", "Ban Chỉ huy", "Ban chỉ huy", "Tổ ", "Hội đồng"} {
		for off := 0; ; {
			k := strings.Index(r.text[off:], h)
			if k < 0 {
				break
			}
			at := off + k
			off = at + len(h)
			end := min(len(r.text), at+400)
			if nl := strings.IndexByte(r.text[at:end], '\n'); nl >= 0 {
				end = at + nl // a name ends with its line
			}
			for end < len(r.text) && !utf8.RuneStart(r.text[end]) {
				end++
			}
			toks := tokenize(r.text[at:end])
			n := matchAny(toks, 0, bodyHeads)
			if n == 0 {
				continue
			}
			u, ok := parseUnit(toks, 0)
			if !ok || u.end <= n || u.end == len(toks) {
				continue
			}
			name := stripLevel(u.name, tokenize(u.name))
			if fieldCount(name) <= n {
				continue
			}
			head := lowerVN(joinTokens(toks, 0, n))
			counts[name]++
			if c := counts[name]; c > best[head] {
				best[head], refs.bodies[head] = c, name
			}
		}
	}
	top := 0
	for head, name := range refs.bodies {
		if best[head] > top || best[head] == top && name < refs.body {
			top, refs.body = best[head], name
		}
	}
	return refs
}

// subjectPlace returns the one commune, ward or town a title names ("xã
// Nà Chì"), or "". A title whose subject is that place's own council or
// committee ("HĐND phường Phúc Lợi giao ban ...", "Xã Phú Mỹ tổ chức ...")
// is the commune writing about itself: its "UBND phường" needs no name.
func subjectPlace(title string) string {
	low := lowerVN(title)
	if !strings.Contains(low, "xã ") && !strings.Contains(low, "phường ") && !strings.Contains(low, "thị trấn ") {
		return ""
	}
	place := ""
	tt := tokenize(title)
	for i := 0; i < len(tt); i++ {
		m := matchAny(tt, i, []string{"thị trấn", "xã", "phường"})
		if m == 0 || i+m >= len(tt) || !tt[i+m].upper {
			continue
		}
		if i == 0 || i > 0 && (tt[i-1].low == "hđnd" || tt[i-1].low == "ubnd" || tt[i-1].low == "ủy" || tt[i-1].low == "uỷ" || tt[i-1].low == "bộ" || tt[i-1].low == "dân") {
			return ""
		}
		e := i + m
		for e < len(tt) && tt[e].word && tt[e].upper {
			e++
		}
		p := lowerFirst(joinTokens(tt, i, e))
		if place != "" && fold(place) != fold(p) {
			return ""
		}
		place = p
		i = e - 1
	}
	return place
}

// complete writes out references in name: "Các thành viên" of the body
// that met, a body named by its head alone, and a governing body of "xã"
// meaning the commune the article is about.
func (r *unitResolver) complete(name string) string {
	low := lowerVN(name)
	for _, tail := range []string{" thuộc thẩm quyền", " của"} {
		if strings.HasSuffix(low, tail) {
			name = strings.TrimSpace(name[:len(name)-len(tail)])
			low = lowerVN(name)
		}
	}
	switch {
	case low == "các thành viên":
		if body := r.bodyRefs().body; body != "" {
			return name + " " + body
		}
	default:
		// A body named by its head alone: "Ban Chỉ đạo", "các thành
		// viên Ban Chỉ huy".
		for _, h := range []string{"ban chỉ đạo", "ban chỉ huy", "hội đồng"} {
			if low == h || strings.HasSuffix(low, "thành viên "+h) {
				if full := r.bodyRefs().bodies[h]; full != "" {
					return name[:len(name)-len(h)] + full
				}
			}
		}
	}
	for _, lv := range []string{" xã", " phường", " thị trấn"} {
		if !strings.HasSuffix(low, lv) {
			continue
		}
		place := r.place
		if place == "" || !strings.HasPrefix(place, lv[1:]+" ") {
			break
		}
		for _, h := range []string{"ubnd", "hđnd", "đảng ủy", "đảng uỷ", "cấp ủy", "cấp uỷ", "chính quyền"} {
			if strings.HasPrefix(low, h) {
				return name + place[len(lv)-1:]
			}
		}
	}
	return name
}

// definitions returns the abbreviations the document defines in
// parentheses after a unit's full name ("Ban Quản lý dự án đầu tư xây
// dựng huyện (BQLDA)"), folded abbreviation -> name.
func (r *unitResolver) definitions() map[string]string {
	if r.defs != nil {
		return r.defs
	}
	r.defs = map[string]string{}
	for off := 0; ; {
		k := strings.IndexByte(r.text[off:], '(')
		if k < 0 {
			break
		}
		at := off + k
		off = at + 1
		end := strings.IndexByte(r.text[off:min(len(r.text), off+20)], ')')
		if end < 2 {
			continue
		}
		abbr := strings.TrimSpace(r.text[off : off+end])
		if !isAcronym(abbr) {
			continue
		}
		from := max(0, at-240)
		for from > 0 && !utf8.RuneStart(r.text[from]) {
			from++
		}
		toks := tokenize(r.text[from:at])
		// The head nearest the parenthesis whose name runs up to it.
		for s := len(toks) - 1; s >= 0; s-- {
			if !toks[s].upper {
				continue
			}
			// The parenthesis ends the name: "Ban Quản lý dự án đầu tư xây
			// dựng huyện (BQLDA)".
			if hn, _, _ := headAt(toks, s); hn > 0 && len(toks)-s <= 16 && allWords(toks[s:]) {
				name := joinTokens(toks, s, len(toks))
				r.defs[fold(abbr)] = stripLevel(name, tokenize(name))
				break
			}
		}
	}
	return r.defs
}

// isAcronym reports an abbreviation of capitals, with "&" or "-" inside.
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 16 {
		return false
	}
	letters := 0
	for _, c := range s {
		switch {
		case unicode.IsUpper(c):
			letters++
		case c == '&' || c == '-':
		default:
			return false
		}
	}
	return letters >= 2
}

// allWords reports tokens that are all words or dashes.
func allWords(toks []token) bool {
	for _, t := range toks {
		if !t.word && t.s != "-" && t.s != "–" && t.s != "&" {
			return false
		}
	}
	return true
}
