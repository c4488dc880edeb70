package importer

import "strings"

// The specialised agencies of a People's Committee are named by their
// field ("Phòng Tài nguyên và Môi trường", "Sở Tư pháp"). Knowing the
// fields lets a name run over a lower-case "và môi trường", and lets one
// "Phòng" serve a list of fields ("Phòng Kinh tế - Hạ tầng, Giáo dục và
// Đào tạo, Tài chính - Kế hoạch": three units).

// agencyFields are the fields of specialised agencies, folded, their
// words separated by single spaces ("&" read as "và", dashes dropped).
var agencyFields = func() map[string][]string {
	byFirst := map[string][]string{}
	for _, f := range []string{
		"giao duc va dao tao", "giao duc dao tao", "tai chinh ke hoach", "tai chinh", "ke hoach va dau tu",
		"ke hoach dau tu", "y te", "tu phap", "noi vu", "van hoa va thong tin", "van hoa thong tin",
		"van hoa the thao va du lich", "van hoa the thao", "lao dong thuong binh va xa hoi",
		"lao dong thuong binh xa hoi", "tai nguyen va moi truong", "tai nguyen moi truong",
		"nong nghiep va phat trien nong thon", "nong nghiep va moi truong", "kinh te va ha tang",
		"kinh te ha tang", "kinh te ha tang va do thi", "kinh te", "quan ly do thi", "dan toc", "dan toc va ton giao",
		"thanh tra", "cong thuong", "xay dung", "giao thong van tai", "khoa hoc va cong nghe",
		"thong tin va truyen thong", "ngoai vu", "van hoa xa hoi",
	} {
		w := strings.Fields(f)
		byFirst[w[0]] = append(byFirst[w[0]], f)
	}
	return byFirst
}()

// fieldHeads are the heads a field name follows.
var fieldHeads = map[string]bool{"phòng": true, "sở": true}

// fieldAt returns the token count of the longest agency field at i, 0 if
// none ("Tài nguyên và môi trường", "Kinh tế- Hạ tầng", "LĐ-TB&XH" is
// not a field: abbreviations are expanded elsewhere).
func fieldAt(toks []token, i int) int {
	if i >= len(toks) || !toks[i].word {
		return 0
	}
	cands := agencyFields[fold(toks[i].low)]
	if len(cands) == 0 {
		return 0
	}
	best := 0
	for _, f := range cands {
		words := strings.Fields(f)
		k, w := i, 0
		for k < len(toks) && w < len(words) {
			t := toks[k]
			if t.s == "-" || t.s == "–" || t.s == "," && w > 0 && w < len(words) && k+1 < len(toks) && fold(toks[k+1].low) == words[w] {
				k++
				continue
			}
			if t.s == "&" {
				if words[w] != "va" {
					break
				}
				k++
				w++
				continue
			}
			if !t.word || fold(t.low) != words[w] {
				break
			}
			k++
			w++
		}
		if w == len(words) && k-i > best {
			best = k - i
		}
	}
	return best
}

// sharedHeadUnit reads "<field>" after a comma in a list whose previous
// unit was "<head> <field>": the head serves it too ("Phòng Nội vụ, Tư
// pháp"). It returns the unit, with the words that continue its name.
func sharedHeadUnit(toks []token, i int, prev unitSpan) (unitSpan, bool) {
	if !fieldHeads[prev.head] || i >= len(toks) || !toks[i].upper {
		return unitSpan{}, false
	}
	n := fieldAt(toks, i)
	if n == 0 {
		return unitSpan{}, false
	}
	j := i + n
	for j < len(toks) && (toks[j].s == "-" || toks[j].s == "–" || toks[j].word && toks[j].flags&flagUnitStop == 0 && !(toks[j].upper && fieldAt(toks, j) > 0)) && j-i < 8 {
		j++
	}
	head := toks[prev.start].s
	return unitSpan{name: head + " " + joinTokens(toks, i, j), head: prev.head, start: i, end: j}, true
}
