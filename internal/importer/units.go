package importer

import (
	"sort"
	"strings"
)

// unitSpan is a unit name found in a token list.
type unitSpan struct {
	name       string // as printed (joined tokens)
	head       string // matched head, lower case
	collective bool   // "các ..." name
	start, end int    // token range [start, end)
}

// headAt returns the token count of a unit head at i (0 if none), the head
// and whether it is a collective ("các ...") head.
func headAt(toks []token, i int) (int, string, bool) {
	if i >= len(toks) || !toks[i].word {
		return 0, "", false
	}
	t := toks[i]
	if t.low == "các" || t.low == "những" {
		if i+1 < len(toks) && toks[i+1].word {
			if n, _ := collectiveSet.match(toks, i+1); n > 0 {
				return 1 + n, "các", true
			}
			// "các Trung tâm ...", "các Hội ...": a capitalised head.
			if toks[i+1].upper {
				if n, h, _ := headAt(toks, i+1); n > 0 {
					return 1 + n, h, true
				}
			}
		}
		return 0, "", false
	}
	if n, head := unitHeadSet.match(toks, i); n > 0 {
		switch {
		case namedHeads[head] && !(i+n < len(toks) && toks[i+n].word && (toks[i+n].upper || t.upper && capitalNamed[head] && !notNames[toks[i+n].low])):
			return 0, "", false
		case capitalHeads[head] && !t.upper:
			return 0, "", false
		case head == "hội" && i+1 < len(toks) && eventWords[toks[i+1].low]:
			return 0, "", false
		}
		return n, head, false
	}
	if t.upper && isOrgAcronym(t.s) {
		// "BQLDA", "TTMTTQ": an organisation's initials.
		return 1, "acronym", false
	}
	return 0, "", false
}

// parseUnit parses one unit name starting at token i.
func parseUnit(toks []token, i int) (unitSpan, bool) {
	start := i
	// Role words before the unit ("Thủ trưởng các cơ quan").
	if n, _ := roleSet.match(toks, i); n > 0 {
		if hn, _, _ := headAt(toks, i+n); hn > 0 {
			i += n
			start = i
		} else if hn, _, _ := headAt(toks, i+n-1); hn > 0 && toks[i+n-1].low == "các" {
			// "Trưởng các ấp": the role's "các" opens a collective.
			i += n - 1
			start = i
		} else if toks[i].low == "trưởng" || toks[i].low == "chủ" {
			return unitSpan{}, false
		}
	}
	hn, head, coll := headAt(toks, i)
	if hn == 0 {
		return unitSpan{}, false
	}
	j := i + hn
	named := 0
	if capitalNamed[head] && toks[i].upper && j < len(toks) && toks[j].word && !toks[j].upper && !toks[j].digit {
		// "Đoàn kiểm tra liên ngành", "Tổ trật tự đô thị": the word after
		// the capitalised head names it, verb or not.
		j++
		named++
		if j < len(toks) && nameCompounds[toks[j-1].low+" "+toks[j].low] {
			j++
			named++
		}
	}
	if (head == "ubnd" || head == "ủy ban nhân dân" || head == "uỷ ban nhân dân") && j+1 < len(toks) && toks[j].digit && levelNounSet.count(toks, j+1) > 0 {
		// "UBND 7 phường", "UBND 12 xã": the People's Committees of so
		// many communes.
		j += 1 + levelNounSet.count(toks, j+1)
		named++
	}
	if numberedHeads[head] && j < len(toks) && toks[j].digit {
		// "Tổ công tác 137", "Ban Chỉ đạo 389"
		j++
		named++
	}
	if fieldHeads[head] {
		// "phòng Tài nguyên và môi trường": the field runs over "và".
		if n := fieldAt(toks, j); n > 0 {
			j += n
			named += n
			if j+1 < len(toks) && toks[j].s == "," && toks[j+1].upper && fieldAt(toks, j+1) > 0 {
				return unitSpan{name: joinTokens(toks, start, j), head: head, start: start, end: j}, true
			}
		}
	}
	for j < len(toks) && j-start < 16 {
		t := toks[j]
		if t.word {
			low := t.low
			if low == "có" && matchWords(toks, j, "có liên quan") > 0 {
				j += 3
				break
			}
			if low == "liên" && matchWords(toks, j, "liên quan") > 0 {
				j += 2
				break
			}
			if low == "tham" && toks[j-1].low == "quan" && matchWords(toks, j, "tham mưu") > 0 {
				// "các cơ quan tham mưu": the advisory bodies.
				j += 2
				named++
				continue
			}
			if low == "tổng" && toks[j-1].low == "tế" && matchWords(toks, j, "tổng hợp") > 0 {
				j += 2
				named++
				continue
			}
			if j > i+hn-1 && nameCompounds[toks[j-1].low+" "+low] {
				j++
				named++
				continue
			}
			if low == "dự" && j+1 < len(toks) && toks[j+1].low == "án" {
				// "Ban Quản lý dự án": the noun, not "dự kiến".
				j += 2
				named += 2
				continue
			}
			if low == "thuộc" {
				j++
				continue
			}
			if low == "của" && (named > 0 || coll) {
				// "các ngành của huyện": the level qualifies the name.
				if m := matchAny(toks, j+1, levelWords); m > 0 {
					j += 1 + m
					break
				}
			}
			if low == "trong" && j+1 < len(toks) && (toks[j+1].low == "khối" || toks[j+1].low == "ngành") {
				j += 2
				named++
				continue
			}
			if low == "giao" && j+1 < len(toks) && toks[j+1].low == "dịch" {
				j += 2
				named++
				continue
			}
			if head == "acronym" && !t.upper && !levelEnds[low] && low != "thị" {
				break
			}
			if j > i+hn-1 && !t.upper && levelEnds[toks[j-1].low] && !levelEnds[low] && low != "trấn" && low != "xã" {
				// "TTYT huyện tiêm chủng": a place is capitalised, so a
				// lower-case word after the level word starts the predicate.
				break
			}
			if low == "và" {
				if j+1 < len(toks) && toks[j+1].word && toks[j+1].upper && toks[j+1].low != "các" {
					if n, _, _ := headAt(toks, j+1); n == 0 {
						j++
						continue
					}
				}
				break
			}
			if t.upper || t.digit {
				if t.digit && named == 0 && !coll {
					break
				}
				if t.low == "giao" || t.low == "yêu" || t.low == "đề" {
					break
				}
				j++
				named++
				continue
			}
			if t.flags&flagUnitStop != 0 { // unitStops[low]
				break
			}
			if verbPhraseAt(toks, j) {
				// "Kho bạc Nhà nước thảo luận ...": a verb ends the name.
				break
			}
			j++
			named++
			continue
		}
		// Punctuation.
		switch t.s {
		case "-", "–", "&":
			if j+1 < len(toks) && toks[j+1].word && (toks[j+1].upper || coll) && named > 0 {
				j++
				continue
			}
		case ",":
			if j+1 < len(toks) && toks[j-1].low == "phòng" && toks[j+1].low == "chống" {
				// "Phòng, chống thiên tai": one phrase.
				j += 2
				continue
			}
			if j+1 < len(toks) && toks[j+1].word {
				nx := toks[j+1]
				if (coll || head == "ubnd" || head == "ủy ban nhân dân" || head == "uỷ ban nhân dân") && nx.low != "các" {
					if n, _ := collectiveSet.match(toks, j+1); n > 0 {
						j += 1 + n
						named++
						continue
					}
				}
				if !coll && nx.upper && named > 0 && nx.low != "các" {
					if n, _, _ := headAt(toks, j+1); n == 0 && nx.low != "giao" && nx.low != "yêu" && nx.low != "đề" {
						// "Trung tâm Văn hóa, Thông tin và Truyền thanh"
						j++
						continue
					}
				}
			}
		}
		break
	}
	// Drop trailing connectors.
	for j > i+hn && (toks[j-1].low == "thuộc" || toks[j-1].s == "-" || toks[j-1].s == "–" || toks[j-1].s == "&") {
		j--
	}
	if !coll && !selfContainedHeads[head] && j == i+hn {
		// A bare head ("Phòng") names nothing; "UBND" alone neither.
		return unitSpan{}, false
	}
	if !coll && !selfContainedHeads[head] && head != "ubnd" && head != "hđnd" {
		// Lower-case common nouns ("trường", "phòng") need a capitalised
		// head or a capitalised word in the name.
		if !toks[i].upper {
			capital := false
			for k := i + hn; k < j; k++ {
				if toks[k].upper {
					capital = true
					break
				}
			}
			if !capital && head != "ngân hàng" && head != "trung tâm" && head != "văn phòng" && head != "phòng" && head != "khối" {
				return unitSpan{}, false
			}
		}
	}
	return unitSpan{name: joinTokens(toks, start, j), head: head, collective: coll, start: start, end: j}, true
}

// verbPhraseAt reports a lower-case verb of two or more words at j by
// which a unit reports or discusses ("thảo luận", "báo cáo"). Directive
// verbs do not end a name: the name of a steering committee holds its
// work ("Ban Chỉ đạo điều chỉnh địa giới hành chính").
func verbPhraseAt(toks []token, j int) bool {
	if j+1 >= len(toks) || nameCompounds[toks[j].low+" "+toks[j+1].low] {
		return false
	}
	return reportSet.count(toks, j) > 1
}

// parseUnitList parses units separated by ",", "và", "cùng" starting at i.
func parseUnitList(toks []token, i int) ([]unitSpan, int) {
	var out []unitSpan
	for {
		u, ok := parseUnit(toks, i)
		if !ok {
			break
		}
		out = append(out, u)
		i = u.end
		for i+1 < len(toks) && toks[i].s == "," {
			// "Phòng Nội vụ, Tư pháp": one head for several fields.
			s, ok := sharedHeadUnit(toks, i+1, u)
			if !ok {
				break
			}
			out = append(out, s)
			i = s.end
		}
		if i < len(toks) && (toks[i].s == "," || toks[i].low == "và" || toks[i].s == ";") {
			k := i + 1
			if k < len(toks) && toks[k].low == "và" {
				k++
			}
			if _, ok := parseUnit(toks, k); ok {
				i = k
				continue
			}
		}
		break
	}
	return out, i
}

// joinTokens renders toks[a:b] with single spaces, no space before
// punctuation.
func joinTokens(toks []token, a, b int) string {
	if b == a+1 && toks[a].s != "–" {
		return toks[a].s
	}
	n := 0
	for k := a; k < b; k++ {
		n += len(toks[k].s) + 1
	}
	var sb strings.Builder
	sb.Grow(n)
	for k := a; k < b; k++ {
		t := toks[k]
		if k > a && t.word {
			sb.WriteByte(' ')
		} else if k > a && (t.s == "-" || t.s == "–") {
			sb.WriteByte(' ')
		}
		if t.s == "–" {
			sb.WriteString("-")
		} else {
			sb.WriteString(t.s)
		}
	}
	return sb.String()
}

// unitResolver canonicalises unit names within one document.
type unitResolver struct {
	text       string            // the document text
	foldedText string            // fold(text), computed on first use
	foldDone   bool              // foldedText is set
	khoi       string            // the meeting's "khối" name, e.g. "Văn hóa - Xã hội"
	communal   string            // "UBND các xã, thị trấn" as the document writes it
	dir        []UnitName        // optional directory
	dirIndex   map[string]string // folded alias -> canonical
	unresolved map[string]bool
	cache      map[string]string
	toks       []token             // scratch tokens of canonUncached
	full       map[string]bool     // usesFull answers
	refs       *references         // bodies the document names, once scanned
	defs       map[string]string   // abbreviations defined in the text, once scanned
	place      string              // the commune, ward or town the title names
	how        map[string]matchHow // how each canonical name met the directory
}

// newUnitResolver prepares a resolver for a document.
func newUnitResolver(text string, units []UnitName) *unitResolver {
	r := &unitResolver{text: text, dir: units, unresolved: map[string]bool{}, cache: map[string]string{}}
	if len(units) > 0 {
		r.dirIndex = map[string]string{}
		for _, u := range units {
			r.dirIndex[unitKey(u.Name)] = u.Name
			for _, a := range u.Aliases {
				r.dirIndex[unitKey(a)] = u.Name
			}
		}
	}
	return r
}

// folded returns the folded document text.
func (r *unitResolver) folded() string {
	if !r.foldDone {
		r.foldedText = fold(r.text)
		r.foldDone = true
	}
	return r.foldedText
}

// unitKey is a folded comparison key without level words and punctuation.
func unitKey(s string) string {
	f := fold(strings.ReplaceAll(s, "&", " và "))
	var b strings.Builder
	space := false
	for _, r := range f {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	k := b.String()
	for changed := true; changed; {
		changed = false
		for _, w := range []string{"huyen", "xa", "tinh", "thi tran", "thanh pho", "phuong", "quan", "thi xa"} {
			if strings.HasSuffix(k, " "+w) {
				k = strings.TrimSpace(k[:len(k)-len(w)-1])
				changed = true
			}
		}
	}
	return k
}

// canon returns the canonical form of a raw unit name.
func (r *unitResolver) canon(raw string) string {
	if c, ok := r.cache[raw]; ok {
		return c
	}
	c := r.canonUncached(raw)
	r.cache[raw] = c
	return c
}

// canonUncached implements canon.
func (r *unitResolver) canonUncached(raw string) string {
	name := collapseSpaces(strings.ReplaceAll(raw, "–", "-"))
	name = strings.ReplaceAll(name, "- ", " - ")
	name = strings.ReplaceAll(name, " -", " - ")
	name = collapseSpaces(name)
	// The tokens live in r.toks; each tokenisation replaces the previous.
	retokenize := func(s string) []token {
		r.toks = appendTokens(scratchTokens(r.toks, s), s, lowerVN(s))
		return r.toks
	}
	toks := retokenize(name)
	// Drop role words, unless what is left is a bare council: "Chủ tịch
	// UBND" is a person, and "cán bộ chuyên môn" are people.
	if n := matchAny(toks, 0, roleWords); n > 0 && n < len(toks) && toks[n].word && toks[n].low != "công" && !bareCouncil(toks[n:]) && !(toks[0].low == "cán" && toks[n].low != "các") {
		name = joinTokens(toks, n, len(toks))
		toks = retokenize(name)
	}
	low := lowerVN(name)
	// "khối" names.
	if idx := indexWord(low, "khối"); idx >= 0 {
		if idx == 0 {
			return capitalize(name)
		}
		// "các đơn vị trong khối" names the meeting's bloc; a bloc named
		// in the text ("các ngành khối Văn hóa - Xã hội") stays as written.
		rest := strings.TrimSpace(name[idx+len("khối"):])
		if rest == "" || strings.HasPrefix(lowerVN(rest), "này") {
			if r.khoi == "" {
				return "Các cơ quan, đơn vị trong khối"
			}
			return "Các cơ quan, đơn vị khối " + r.khoi
		}
	}
	// Expand abbreviations used as words.
	var parts []string
	changed := false
	for k, t := range toks {
		s := t.s
		if t.word && t.upper {
			key := fold(s)
			if full, ok := r.definitions()[key]; ok {
				// The document spelled it out: "Ban Quản lý dự án (BQLDA)".
				s = full
				changed = true
			} else if !keptAbbreviations[key] {
				exp, ok := abbreviations[key]
				if k > 0 {
					if e, ok2 := headAbbreviations[toks[k-1].low+" "+key]; ok2 {
						exp, ok = e, true
					}
				}
				if ok && r.usesFull(exp) {
					s = exp
					changed = true
				}
			}
		}
		parts = append(parts, s)
	}
	if changed {
		name = joinParts(parts)
		toks = retokenize(name)
	}
	// Strip trailing level words and place names.
	name = r.complete(stripLevel(name, toks))
	low = lowerVN(name)
	// Communal collectives.
	if strings.HasPrefix(low, "các địa phương") && r.communal != "" && len(low) == len("các địa phương") {
		return r.communal
	}
	if strings.HasPrefix(low, "các xã") || strings.HasPrefix(low, "các phường") {
		// "các xã, thị trấn", "các xã, phường": all the communal People's
		// Committees, which is how the document names them or not.
		if strings.Contains(low, ",") || strings.Contains(r.folded(), "ubnd "+fold(name)) || strings.Contains(r.folded(), "uy ban nhan dan "+fold(name)) {
			name = "UBND " + lowerFirst(name)
		}
	}
	if r.dirIndex != nil {
		if c, ok := r.resolveDir(name); ok {
			if r.dirIndex[unitKey(name)] == c {
				r.note(c, matchExact)
			} else {
				r.note(c, matchFuzzy)
			}
			return c
		}
		r.unresolved[name] = true
		r.note(capitalize(name), matchNone)
	}
	return capitalize(name)
}

// matchHow is how a unit name met the directory.
type matchHow uint8

// How names match, from the surest.
const (
	matchExact matchHow = iota + 1 // the directory's name or an alias, as written
	matchFuzzy                     // after expanding an abbreviation, or by its words
	matchNone                      // not in the directory
)

// note records how a canonical name was matched, keeping the weakest way
// seen in the document.
func (r *unitResolver) note(canonical string, how matchHow) {
	if r.how == nil {
		r.how = map[string]matchHow{}
	}
	if how > r.how[canonical] {
		r.how[canonical] = how
	}
}

// bareCouncil reports "UBND", "HĐND xã", "Ủy ban nhân dân tỉnh": a council
// without "các" or a place's name.
func bareCouncil(toks []token) bool {
	n := matchAny(toks, 0, []string{"ubnd", "hđnd", "ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân"})
	if n == 0 {
		return false
	}
	rest := toks[n:]
	if len(rest) == 0 {
		return true
	}
	m := levelNounSet.count(rest, 0)
	return m == len(rest)
}

// usesFull reports whether the document writes the expansion in full.
func (r *unitResolver) usesFull(exp string) bool {
	if ok, seen := r.full[exp]; seen {
		return ok
	}
	ok := strings.Contains(r.folded(), fold(exp))
	if r.full == nil {
		r.full = map[string]bool{}
	}
	r.full[exp] = ok
	return ok
}

// resolveDir looks a name up in the directory, by key and by word overlap.
func (r *unitResolver) resolveDir(name string) (string, bool) {
	k := unitKey(name)
	if c, ok := r.dirIndex[k]; ok {
		return c, true
	}
	// Expand abbreviations unconditionally for the lookup.
	var parts []string
	for _, t := range tokenize(name) {
		if exp, ok := abbreviations[fold(t.s)]; ok && t.upper && !keptAbbreviations[fold(t.s)] {
			parts = append(parts, exp)
		} else {
			parts = append(parts, t.s)
		}
	}
	k2 := unitKey(joinParts(parts))
	if c, ok := r.dirIndex[k2]; ok {
		return c, true
	}
	// Word overlap finds variants ("Trung tâm Y tế" ~ "Trung tâm Y tế huyện
	// X"), but names that differ by a number (schools "số 1" and "số 7",
	// communes "xã 2") are different units: their numbers must agree. Ties go
	// to the alphabetically first key, so the answer never depends on map order.
	words := strings.Fields(k2)
	nums := numberWords(words)
	best, bestKey, bestScore := "", "", 0.0
	for alias, c := range r.dirIndex {
		aw := strings.Fields(alias)
		if numberWords(aw) != nums {
			continue
		}
		s := wordF1(words, aw)
		if s > bestScore || (s == bestScore && s > 0 && alias < bestKey) {
			best, bestKey, bestScore = c, alias, s
		}
	}
	if bestScore >= 0.8 {
		return best, true
	}
	return "", false
}

// unresolvedList returns the sorted unresolved names.
func (r *unitResolver) unresolvedList() []string {
	if len(r.unresolved) == 0 {
		return nil
	}
	out := make([]string, 0, len(r.unresolved))
	for n := range r.unresolved {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// numberWords joins the words of ws that are numbers, in order.
func numberWords(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		if w != "" && strings.Trim(w, "0123456789") == "" {
			b.WriteString(w)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// wordF1 is the multiset word F1 of two word lists.
func wordF1(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	cnt := map[string]int{}
	for _, w := range a {
		cnt[w]++
	}
	common := 0
	for _, w := range b {
		if cnt[w] > 0 {
			cnt[w]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, rc := float64(common)/float64(len(b)), float64(common)/float64(len(a))
	return 2 * p * rc / (p + rc)
}

// joinParts joins word parts, keeping punctuation tight.
func joinParts(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 && p != "," && p != ";" && p != ")" {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return collapseSpaces(b.String())
}

// lowerFirst lower-cases the first letter.
func lowerFirst(s string) string {
	r := firstRune(s)
	if r == 0 {
		return s
	}
	return strings.ToLower(string(r)) + s[len(string(r)):]
}

// indexWord finds word w in s at word boundaries.
func indexWord(s, w string) int {
	off := 0
	for {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		before := i == 0 || s[i-1] == ' '
		after := i+len(w) == len(s) || s[i+len(w)] == ' ' || s[i+len(w)] == ','
		if before && after {
			return i
		}
		off = i + len(w)
	}
}

// stripLevel removes trailing level words and the place name after them
// ("Trung tâm Y tế huyện Cẩm Thủy" -> "Trung tâm Y tế"), keeping the head.
func stripLevel(name string, toks []token) string {
	if len(toks) == 0 {
		return name
	}
	hl := toks[0].low
	if hl == "ubnd" || hl == "hđnd" || hl == "đảng" || hl == "cấp" || matchAny(toks, 0, []string{"ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân"}) > 0 {
		if len(toks) > 1 && toks[1].low != "các" {
			return name
		}
	}
	end := len(toks)
	for end > 1 {
		// Trailing place name after a level word.
		k := end
		for k > 1 && toks[k-1].upper && toks[k-1].word {
			k--
		}
		cut := false
		for _, lw := range levelWords {
			// After a comma the level word is a member of a list ("UBND
			// các huyện, thành phố"), not the name's level.
			n := strings.Count(lw, " ") + 1
			if k-n >= 1 && matchWords(toks, k-n, lw) == n && toks[k-n-1].s != "," {
				end = k - n
				cut = true
				break
			}
		}
		// Communal levels, unless they close a collective ("UBND các xã").
		for _, lw := range []string{"thị trấn", "xã", "phường"} {
			n := strings.Count(lw, " ") + 1
			if !cut && k-n >= 2 && matchWords(toks, k-n, lw) == n && toks[k-n-1].word && toks[k-n-1].low != "các" && toks[k-n-1].low != "những" && !(lw == "xã" && toks[k-n-1].low == "thị") {
				end = k - n
				cut = true
			}
		}
		if !cut {
			break
		}
	}
	if end == len(toks) || end < 1 {
		return name
	}
	// Keep at least a head plus one word for non-self-contained heads.
	if end == 1 && !selfContainedHeads[toks[0].low] {
		return name
	}
	return strings.TrimRight(name[:toks[end-1].end], " ,-")
}
