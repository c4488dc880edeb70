package importer

import (
	"strings"
	"unicode"
)

// Who a direction in prose addresses is often not a unit of the directory
// but people or a group: "cán bộ, công chức xã", "công chức Văn hóa - Xã
// hội", "người phụ trách các tiêu chí", "lực lượng công an, kiểm lâm",
// "cấp ủy, chính quyền xã", "các đồng chí thành viên", "2 đồng chí Phó Chủ
// tịch". actorsAt reads those besides the units parseUnitList knows.

// genericActors name those who act by their role rather than a unit's
// name.
var genericActors = []string{
	"cơ quan chức năng", "các cơ quan chức năng", "cơ quan chuyên môn", "lực lượng chức năng", "các lực lượng chức năng",
	"các lực lượng", "cấp trên", "cấp dưới", "chính quyền địa phương", "chính quyền cơ sở",
}

// genericActorSet indexes genericActors.
var genericActorSet = newPhraseSet(genericActors)

// personHeads open the name of an official or a group of officials.
var personHeads = []string{"cán bộ , công chức", "cán bộ công chức", "người phụ trách", "công chức", "cán bộ"}

// officialTitles follow "các đồng chí" in a group of officials.
var officialTitles = []string{"phó chủ tịch", "chủ tịch", "phó bí thư", "bí thư", "trưởng thôn", "trưởng ban", "phó trưởng ban", "thành viên", "ủy viên", "uỷ viên"}

// levelNouns name a level of local government ("xã", "phường").
var levelNouns = []string{"thị trấn", "xã", "phường", "huyện", "tỉnh", "quận", "thị xã", "thành phố"}

// actorsAt reads a list of actors at i: units, people and groups.
// afterVerb allows what only a direction verb can address: a bare "xã"
// meaning the commune's People's Committee.
func actorsAt(toks []token, i int, ctx *docCtx, afterVerb bool) ([]string, int) {
	var names []string
	j := i
	for {
		got, k := actorAt(toks, j, ctx, afterVerb)
		if len(got) == 0 {
			break
		}
		if len(names) > 0 && len(got) == 1 && strings.HasPrefix(lowerVN(names[len(names)-1]), "ubnd ") && toks[j].low == "các" && levelNounSet.count(toks, j+1) > 0 {
			// "UBND TP Thủ Đức và các huyện": the districts' Committees.
			got[0] = "UBND " + got[0]
		}
		names = append(names, got...)
		j = k
		if j < len(toks) && (toks[j].s == "," || toks[j].low == "và") {
			k := j + 1
			if k < len(toks) && toks[k].low == "và" {
				k++
			}
			if more, _ := actorAt(toks, k, ctx, afterVerb); len(more) > 0 {
				j = k
				continue
			}
		}
		break
	}
	return sharePlace(names), j
}

// actorAt reads one actor at i (a distributed group gives several names).
func actorAt(toks []token, i int, ctx *docCtx, afterVerb bool) ([]string, int) {
	if i >= len(toks) || !toks[i].word {
		return nil, i
	}
	j := i
	if toks[j].low == "cả" || toks[j].low == "toàn" {
		j++
	}
	if n := matchWords(toks, j, "hệ thống chính trị"); n > 0 {
		k := j + n
		if m := matchWords(toks, k, "các cấp"); m > 0 {
			k += m
		} else if toks[min(k, len(toks)-1)].low == "từ" && k+1 < len(toks) {
			// "từ huyện đến các xã, thị trấn", "từ tỉnh đến cơ sở"
			e := k + 1
			for e < len(toks) && e-k < 4 && toks[e].low != "đến" {
				e++
			}
			if e < len(toks) && toks[e].low == "đến" {
				if units, u := parseUnitList(toks, e+1); len(units) > 0 {
					k = u
				} else {
					k = e + 1
					for k < len(toks) && k-e <= 2 && toks[k].word && toks[k].flags&flagUnitStop == 0 {
						k++
					}
				}
			}
		}
		return []string{joinTokens(toks, j, k)}, k
	}
	if n := genericActorSet.count(toks, j); n > 0 {
		// "cơ quan chức năng", "cấp trên": who acts, by role.
		return []string{joinTokens(toks, j, j+n)}, levelSuffix(toks, j+n)
	}
	if n := matchWords(toks, j, "lực lượng"); n > 0 {
		return forces(toks, j+n)
	}
	if n := matchAny(toks, j, []string{"cấp ủy , chính quyền", "cấp uỷ , chính quyền", "cấp ủy và chính quyền", "cấp ủy, chính quyền"}); n > 0 {
		k := j + n
		k += matchWords(toks, k, "các cấp")
		k = levelSuffix(toks, k)
		return []string{joinTokens(toks, j, k)}, k
	}
	// "các đồng chí thành viên", "2 đồng chí Phó Chủ tịch"
	if g := groupStart(toks, j); g > 0 {
		k := j + g
		if m := officialTitleSet.count(toks, k); m > 0 {
			e := k + m
			if toks[k].low == "thành" {
				// "các đồng chí thành viên Ban Chỉ đạo"
				if u, ok := parseUnit(toks, e); ok && u.start == e {
					return []string{"các thành viên " + u.name}, u.end
				}
				return []string{"các thành viên"}, e
			}
			for e < len(toks) && toks[e].word && (toks[e].upper || toks[e].low == "xã" || toks[e].low == "phường" || toks[e].low == "huyện") && e-k < m+4 {
				e++
			}
			return []string{"các " + joinTokens(toks, k, e)}, e
		}
		if u, ok := parseUnit(toks, k); ok {
			return []string{"các " + joinTokens(toks, k, u.end)}, u.end
		}
	}
	from := j // "đội ngũ cán bộ thôn" keeps its head
	if n := matchAny(toks, j, []string{"đội ngũ", "toàn thể"}); n > 0 {
		j += n
		if toks[from].low == "toàn" {
			from = j
		}
	}
	if n := personHeadSet.count(toks, j); n > 0 {
		return []string{joinTokens(toks, from, officialNameEnd(toks, j, n))}, officialNameEnd(toks, j, n)
	}
	if toks[j].low == "các" || toks[j].low == "những" {
		if n := matchAny(toks, j+1, []string{"cá nhân", "cán bộ", "công chức"}); n > 0 {
			e := officialNameEnd(toks, j+1, n)
			return []string{joinTokens(toks, j, e)}, e
		}
	}
	if u, ok := parseUnit(toks, j); ok {
		if u.start > j && !u.collective && matchAny(toks, j, roleWordsChair) > 0 {
			// "Chủ tịch UBND xã" is a person, not the People's Committee.
			return nil, i
		}
		return []string{u.name}, u.end
	}
	if isOrgAcronym(toks[j].s) {
		// "giao nhiệm vụ cho TTMTTQ, ...": an organisation's initials.
		return []string{toks[j].s}, j + 1
	}
	if afterVerb {
		// "yêu cầu tổ thư ký tiếp thu ...": a working group named in
		// lower case, up to its verb.
		if n := matchAny(toks, j, groupNouns); n > 0 && !toks[j].upper {
			e := j + n
			for e < len(toks) && e-j < n+3 && toks[e].word && !toks[e].upper && !toks[e].digit && (toks[e].flags&flagUnitStop == 0 || nameCompounds[toks[e-1].low+" "+toks[e].low]) && !startsPredicate(toks, e) {
				e++
			}
			if e > j+n && (e == len(toks) || startsPredicate(toks, e) || toks[e].flags&flagUnitStop != 0) {
				return []string{joinTokens(toks, j, e)}, e
			}
		}
		// "yêu cầu huyện Mường Lát ...": the People's Committee of the
		// place named.
		if n := levelNounSet.count(toks, j); n > 0 && j+n < len(toks) && toks[j+n].upper && toks[j+n].word {
			e := j + n
			for e < len(toks) && toks[e].word && toks[e].upper {
				e++
			}
			return []string{"UBND " + joinTokens(toks, j, e)}, e
		}
		// "yêu cầu xã cần ...": the commune's People's Committee.
		if n := matchAny(toks, j, []string{"thị trấn", "xã", "phường"}); n > 0 && j+n < len(toks) && toks[j+n].word && !toks[j+n].upper {
			if place := ctx.res.place; strings.HasPrefix(place, toks[j].low+" ") {
				return []string{"UBND " + place}, j + n
			}
		}
	}
	return nil, i
}

// groupStart returns the token count of "các đồng chí", "hai đồng chí",
// "2 đồng chí" at i, 0 if none.
func groupStart(toks []token, i int) int {
	if i+2 >= len(toks) || matchWords(toks, i+1, "đồng chí") == 0 {
		return 0
	}
	switch t := toks[i]; {
	case t.low == "các" || t.low == "những" || t.low == "hai" || t.low == "ba" || t.low == "bốn" || t.digit:
		return 3
	}
	return 0
}

// officialNameEnd returns the end of an official's name whose head (n tokens)
// is at i: "công chức Văn hóa – Xã hội", "công chức chuyên môn", "cán bộ,
// công chức xã", "người phụ trách các tiêu chí ấp nông thôn mới", "các cá
// nhân phụ trách".
func officialNameEnd(toks []token, i, n int) int {
	j := i + n
	free := toks[i].low == "người"
	if matchWords(toks, j, "phụ trách") > 0 {
		j += 2
		free = true
	}
	if free {
		// What the person is in charge of runs to the verb.
		for j < len(toks) && toks[j].word && toks[j].flags&flagUnitStop == 0 && !toks[j].digit {
			j++
		}
		return j
	}
	if matchWords(toks, j, "chuyên môn") > 0 {
		return levelSuffix(toks, j+2)
	}
	if m := matchAny(toks, j, []string{"tổ dân phố", "khu phố", "thôn", "ấp", "bản", "xóm", "cơ sở"}); m > 0 {
		// "cán bộ thôn", "cán bộ cơ sở"
		return j + m
	}
	for j < len(toks) {
		if toks[j].word && (toks[j].upper || j > i+n && toks[j-1].word && toks[j].flags&flagUnitStop == 0 && toks[j].low != "phụ" && !toks[j].digit) {
			j++
			continue
		}
		if j+1 < len(toks) && (toks[j].s == "-" || toks[j].s == "–" || toks[j].low == "và") && toks[j+1].upper && j > i+n {
			j += 2
			continue
		}
		break
	}
	return levelSuffix(toks, j)
}

// levelSuffix extends a name ending at j over a level word and the place
// it names ("xã", "xã Nà Chì").
func levelSuffix(toks []token, j int) int {
	if m := levelNounSet.count(toks, j); m > 0 {
		j += m
		for j < len(toks) && toks[j].word && toks[j].upper {
			j++
		}
	}
	return j
}

// forces reads the members of "lực lượng công an, kiểm lâm, quân sự" at
// i: each is its own actor ("Lực lượng công an", "Lực lượng kiểm lâm").
func forces(toks []token, i int) ([]string, int) {
	var out []string
	j := i
	for {
		k := j
		for k < len(toks) && k-j < 3 && toks[k].word && toks[k].low != "và" && toks[k].low != "các" && !startsPredicate(toks, k) {
			k++
		}
		if k == j {
			break
		}
		out = append(out, "lực lượng "+joinTokens(toks, j, k))
		j = k
		if j+1 < len(toks) && (toks[j].s == "," || toks[j].low == "và") && toks[j+1].word && !startsPredicate(toks, j+1) {
			j++
			continue
		}
		break
	}
	if len(out) == 0 {
		return nil, i
	}
	return out, j
}

// startsPredicate reports a directive verb, an adverb or a modal at k.
func startsPredicate(toks []token, k int) bool {
	if in, _ := imperativeSet.match(toks, k); in > 0 {
		return true
	}
	return modalSet.count(toks, k) > 0 || adverbSet.count(toks, k) > 0 || reportSet.count(toks, k) > 0
}

// sharePlace gives a bare council named in a list with a unit of a named
// place that place: "Đảng ủy, UBND xã Bình Phú" names the Party committee
// of xã Bình Phú too.
func sharePlace(names []string) []string {
	if len(names) < 2 {
		return names
	}
	for k, n := range names[:len(names)-1] {
		low := lowerVN(n)
		if low != "đảng ủy" && low != "đảng uỷ" && low != "hđnd" && low != "ubnd" && low != "thường trực hđnd" {
			continue
		}
		for _, m := range names[k+1:] {
			toks := tokenize(m)
			for p := 1; p < len(toks); p++ {
				if l := levelNounSet.count(toks, p); l > 0 && p+l < len(toks) && toks[p+l].upper {
					names[k] = n + " " + joinTokens(toks, p, len(toks))
					break
				}
			}
			if names[k] != n {
				break
			}
		}
	}
	return names
}

// orgStems are initials found in the abbreviated names of organisations.
var orgStems = []string{"MTTQ", "UBND", "HĐND", "BCH", "BCĐ", "BQL", "LHPN", "HCCB", "HND", "ĐTN", "TNCS", "LĐLĐ", "BHXH", "TTYT", "KBNN", "NHCSXH"}

// isOrgAcronym reports an all-capital word holding an organisation's
// initials ("TTMTTQ", "UBMTTQVN").
func isOrgAcronym(w string) bool {
	if len(w) < 3 || w[0] >= 'a' && w[0] <= 'z' {
		return false
	}
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	for _, s := range orgStems {
		if strings.Contains(w, s) {
			return true
		}
	}
	return false
}

// levelRank orders the levels of local government, the province first.
var levelRank = map[string]int{"tỉnh": 1, "thành phố": 2, "huyện": 2, "quận": 2, "thị xã": 2, "xã": 3, "phường": 3, "thị trấn": 3}

// dropIssuer removes the issuing body from raw actor names: a bare "UBND
// huyện" in a district's text, but not in a province's, where it names
// the districts' People's Committees.
func (c *docCtx) dropIssuer(names []string) []string {
	var out []string
	for _, n := range names {
		low := lowerVN(n)
		if low == "ubnd tp" || low == "tp" {
			continue
		}
		if issuerUnits[low] && !c.council {
			level := strings.TrimPrefix(low, "ubnd ")
			if !(c.issuerLevel != "" && levelRank[level] > levelRank[c.issuerLevel]) {
				continue
			}
		}
		out = append(out, n)
	}
	return out
}

// issuerLevelOf finds the level of the chair's People's Committee in the
// first lines ("Chủ tịch UBND tỉnh"), "" if not said.
func issuerLevelOf(lines []logicalLine) string {
	for _, l := range lines[:min(len(lines), 8)] {
		low := lowerVN(l.text)
		for _, t := range []string{"chủ tịch ubnd ", "chủ tịch ủy ban nhân dân ", "chủ tịch uỷ ban nhân dân "} {
			i := strings.Index(low, t)
			if i < 0 {
				continue
			}
			rest := low[i+len(t):]
			for _, lv := range []string{"tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn"} {
				if strings.HasPrefix(rest, lv) {
					return lv
				}
			}
		}
	}
	return ""
}

// councilConcludes reports a text whose conclusions are drawn by a
// People's Council or Party official ("Kết luận cuộc họp, ông X, Chủ tịch
// HĐND phường đề nghị ...", "lãnh đạo HĐND xã đề nghị UBND xã ..."): the
// People's Committee is then one of those directed, not the issuer. The
// first sentence that concludes or directs decides, by who speaks in it.
func councilConcludes(lines []logicalLine) bool {
	for _, l := range lines {
		if !containsLower(l.text, "kết luận") && !containsLower(l.text, "đề nghị") && !containsLower(l.text, "yêu cầu") {
			continue
		}
		for _, s := range splitSentences(lowerVN(l.text)) {
			at := -1
			for _, v := range []string{"kết luận", "đề nghị", "yêu cầu"} {
				if k := strings.Index(s.text, v); k >= 0 && (at < 0 || k < at) {
					at = k
				}
			}
			if at < 0 {
				continue
			}
			speaker := s.text[:at]
			if strings.HasPrefix(s.text[at:], "kết luận") {
				// "Kết luận cuộc họp, ông X, Chủ tịch HĐND phường đề nghị":
				// the speaker runs to the direction verb.
				if k := strings.Index(s.text[at:], "đề nghị"); k > 0 {
					speaker = s.text[:at+k]
				} else if k := strings.Index(s.text[at:], "yêu cầu"); k > 0 {
					speaker = s.text[:at+k]
				}
			}
			switch {
			case strings.Contains(speaker, "ubnd") || strings.Contains(speaker, "ủy ban nhân dân") || strings.Contains(speaker, "uỷ ban nhân dân"):
				return false
			case strings.Contains(speaker, "hđnd") || strings.Contains(speaker, "hội đồng nhân dân") || strings.Contains(speaker, "đảng ủy") || strings.Contains(speaker, "đảng uỷ"):
				return true
			}
		}
	}
	return false
}

// canonNames canonicalises raw unit names, without repeats.
func canonNames(names []string, ctx *docCtx) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		c := ctx.res.canon(n)
		if k := fold(c); !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	return out
}

// supportIn finds the units named to coordinate: "phối hợp (với) Y".
func supportIn(toks []token, ctx *docCtx, lead []string) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		n, _ := supportSet.match(toks, i)
		if n == 0 {
			continue
		}
		j := i + n
		for j < len(toks) {
			if m := matchAny(toks, j, []string{"chặt chẽ", "với", "cùng", "giữa"}); m > 0 {
				j += m
				continue
			}
			break
		}
		units, k := parseUnitList(toks, j)
		for _, u := range units {
			c := ctx.res.canon(u.name)
			dup := false
			for _, l := range append(lead, out...) {
				if fold(l) == fold(c) {
					dup = true
				}
			}
			if !dup {
				out = append(out, c)
			}
		}
		i = max(i+n, k) - 1
	}
	return out
}
