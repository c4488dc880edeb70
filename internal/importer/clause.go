package importer

import "strings"

// The rules that read one clause of prose: who it names as acting, and
// whether it directs, reports or announces.

// clauseFacts is what the prose rules find in one clause.
type clauseFacts struct {
	lead, support []string
	named         bool // the clause names who acts
	report        bool // it reports what was done, said or planned
	directs       bool // direction wording: a direction verb or an obligation
	imperative    bool // it opens with a directive verb
	leadIn        bool // it names its addressees before a colon that announces items
	elaborates    bool // it opens with "Trong đó", "Cụ thể"
	enumerated    bool // it opens with "Thứ nhất", "Hai là"
	framing       bool // it announces tasks without saying what they are
	assess        bool // it opens praising, acknowledging or agreeing
	listOpen      bool // it ends with its addressees: "Giao A; B; C làm ..." goes on
	cue           bool // the chair speaks ("kết luận", "yêu cầu", ...)
}

// analyseClause reads one clause (or sentence) of prose.
func analyseClause(w *taskWords, ctx *docCtx) clauseFacts {
	var f clauseFacts
	toks := w.tokens()
	n := len(toks)
	i := 0
	for i < n && !toks[i].word {
		i++
	}
	if elaborationSet.count(toks, i) > 0 {
		f.elaborates = true
	}
	if enumeratorSet.count(toks, i) > 0 {
		f.enumerated = true
	}
	for k := 0; k < 2; k++ {
		if m := openerSet.count(toks, i); m > 0 {
			i += m
			if i < n && toks[i].s == "," {
				i++
			}
			if i < n && toks[i].low == "là" {
				// "Song song với đó là làm tốt ...": the work follows.
				i++
			}
		}
	}
	// A fronted phrase closed by a comma ("Trong quý II, ...").
	start := i
	if fronted(toks, i) && !(toks[i].low == "đối" && startsActorClause(toks, i+2, ctx)) {
		for k := i + 1; k < min(n, i+30); k++ {
			if toks[k].s == "," {
				start = k + 1
				break
			}
			if toks[k].s == ";" || toks[k].s == ":" || directionSet.count(toks, k) > 0 {
				break
			}
		}
	}
	if assessmentSet.count(toks, start) > 0 {
		f.assess = true
	} else if in, _ := imperativeSet.match(toks, start); in > 0 {
		f.imperative = true
	} else if start == i && i < n && toks[i].low == "nhiệm" && i+1 < n && toks[i+1].low == "vụ" {
		// "Nhiệm vụ trọng tâm là ..." lists the tasks themselves.
		for k := i + 2; k < min(n, i+8); k++ {
			if toks[k].low == "là" || toks[k].s == ":" {
				f.imperative = true
				break
			}
		}
	}
	firstDirection := n
	for k := i; k < n; k++ {
		if toks[k].word && directionSet.count(toks, k) > 0 {
			firstDirection = k
			break
		}
	}
	// "Việc lập hồ sơ phải ...", "Công tác tuyên truyền cần ...": an
	// obligation laid on an activity.
	if matchAny(toks, start, []string{"việc", "công tác"}) > 0 {
		for k := start + 1; k < min(n, start+14) && toks[k].s != ","; k++ {
			if modalSet.count(toks, k) > 0 {
				f.directs = true
				break
			}
		}
	} else if start < n && toks[start].word && imperativeSet.count(toks, start) == 0 {
		// "Nội dung báo cáo phải bám sát ...", "Hồ sơ cần ...": an
		// obligation laid on a thing; not on a shortcoming ("những tồn
		// tại cần khắc phục" names what to fix).
		for k := start + 1; k < min(n, start+8) && toks[k].word; k++ {
			if toks[k].flags&flagNonVerb != 0 {
				break
			}
			if modalSet.count(toks, k) > 0 && (toks[k].low != "cần" || k+1 < n && toks[k+1].low != "thiết") {
				f.directs = !shortcomingBefore(toks, k)
				break
			}
		}
	}
	// The sentence's subject: a unit followed by a predicate. Report
	// subjects ("các đơn vị đã báo cáo") make the clause a report.
	for p := i; p < n && !f.named && !f.report; p++ {
		if !toks[p].word || p > i && (governed(toks, p) || personTitleBefore(toks, p)) {
			continue
		}
		opens := p == i || p == start || toks[p-1].s == ":" || toks[p-1].low == "là" && namesWork(toks, i, p-1)
		if !opens && !(toks[p].low == "các" || toks[p].upper || toks[p-1].s == ",") {
			continue
		}
		early := p < start+16 && p < firstDirection
		names, k := actorsAt(toks, p, ctx, false)
		if len(names) == 0 {
			if opens {
				if role, e := roleSubject(toks, p); role != "" && predicateAt(toks, e) == predModal {
					// "Chủ tịch UBND phải báo cáo ...": work laid on an
					// office-holder.
					f.lead, f.named, f.directs = []string{role}, true, true
				} else if levels, e := levelList(toks, p); levels != "" && predicateAt(toks, e) == predModal {
					// "Xã, phường phải ...": the communes' Committees.
					f.lead, f.named, f.directs = []string{levels}, true, true
				}
			}
			continue
		}
		if matchAny(toks, k, []string{"ban hành", "có công văn", "có văn bản", "thông báo"}) > 0 {
			// "Văn phòng UBND tỉnh ban hành văn bản ..., giao Sở X ...":
			// who issues only announces; "giao" names the lead.
			p = k - 1
			continue
		}
		pred := predicateAt(toks, k)
		if ctx.dropIssuer(names) == nil {
			// The issuer reporting or planning ("UBND huyện sẽ ...") is
			// a report too; otherwise it is no actor.
			if pred == predReport && opens && early {
				f.report = true
			}
			p = k - 1
			continue
		}
		switch pred {
		case predReport:
			if directsFrom(toks, p, k, names) {
				// "lãnh đạo HĐND xã đề nghị UBND xã ...": a council or a
				// leader directs; the direction verbs below read whom.
				p = k - 1
				continue
			}
			// A subject inside a clause that opens with a directive verb
			// is its object's clause ("Rà soát các khu dân cư có nguy cơ").
			f.report = early && (opens || !f.imperative && toks[k].low != "có")
		case predDirective, predVerb:
			if opens && (k >= n || toks[k].s != ":" || p == start) {
				f.lead, f.named = ctx.dropIssuer(names), true
			}
		case predModal:
			f.lead, f.named, f.directs = ctx.dropIssuer(names), true, true
			if n > 1 && toks[n-1].s == ":" && announcesList(toks, k, n-1) {
				// "các cơ quan cần tập trung thực hiện các nhiệm vụ sau:"
				f.leadIn, f.framing = true, true
			}
		}
		p = k - 1
	}
	// "X chủ trì, phối hợp Y ...": the formula of assignment makes the
	// whole subject the lead, however long its name ("Văn phòng Điều phối
	// Chương trình ... và tái cơ cấu ngành nông nghiệp tỉnh chủ trì, ...").
	if !f.report && start < n {
		if hn, _, _ := headAt(toks, start); hn > 0 && toks[start].upper {
			for k := start + hn; k < min(n, start+30); k++ {
				if !toks[k].word {
					break
				}
				if matchWords(toks, k, "chủ trì") > 0 && k+2 < n && (toks[k+2].s == "," || toks[k+2].low == "phối") {
					f.lead, f.named, f.directs, f.cue = []string{joinTokens(toks, start, k)}, true, true, true
					break
				}
			}
		}
	}
	// "Đối với X, cần ...", "Đối với Phòng Y tế: tăng cường ...": the unit
	// the direction is for.
	for _, at := range []int{start, i} {
		if f.named || matchWords(toks, at, "đối với") == 0 {
			continue
		}
		if names, k := actorsAt(toks, at+2, ctx, false); len(names) > 0 {
			sep := k < n && (toks[k].s == "," || toks[k].s == ":")
			if sep {
				k++
			}
			if m := modalSet.count(toks, k); m > 0 || sep && imperativeSet.count(toks, k) > 0 {
				f.lead, f.named, f.directs = ctx.dropIssuer(names), len(ctx.dropIssuer(names)) > 0, true
			}
		}
	}
	// A statement of intent: "X sẽ ...", "Dự kiến ..." without a direction.
	// A clause opening with a directive verb directs, whatever event it
	// mentions ("Tập trung cho kỳ họp, dự kiến tổ chức vào ngày 26/12").
	if firstDirection == n && !f.imperative {
		for k := i; k < n; k++ {
			if toks[k].low == "sẽ" || matchWords(toks, k, "dự kiến") > 0 {
				f.report = true
				break
			}
		}
	}
	// Direction verbs used by the speaker.
	colon := -1
	for k := start; k < n; k++ {
		if toks[k].s == ":" {
			colon = k
			break
		}
	}
	bare := -1 // after a direction verb that names no addressee
	for k := 0; k < n; k++ {
		t := toks[k]
		if !t.word {
			continue
		}
		switch t.low {
		case "giao":
			names, e, ok := givenTo(toks, k, ctx)
			if !ok {
				continue
			}
			f.cue, f.directs = true, true
			if len(names) > 0 && !f.named {
				f.lead, f.named = names, true
				f.leadIn = colon > k
				f.listOpen = endsClause(toks, e)
			}
		case "yêu", "đề":
			if matchWords(toks, k, "yêu cầu") == 0 && matchWords(toks, k, "đề nghị") == 0 {
				continue
			}
			if k > 0 && (toks[k-1].low == "các" || toks[k-1].low == "những" || toks[k-1].low == "theo" || toks[k-1].low == "ứng" || toks[k-1].low == "sách" || toks[k-1].low == "được") {
				continue
			}
			j := skipTimePhrase(toks, k+2)
			names, e := addresseesAt(toks, j, ctx)
			if len(names) > 0 {
				f.cue, f.directs = true, true
				if !f.named {
					f.lead, f.named = names, true
					f.leadIn = colon > e
					f.framing = f.leadIn && announcesList(toks, e, colon)
					f.listOpen = endsClause(toks, e)
				} else if directsAgain(toks, k) {
					f.lead = append(f.lead, names...)
				}
				continue
			}
			if e > j {
				// "đề nghị UBND tỉnh hỗ trợ": a proposal to a higher level,
				// no direction.
				f.cue = true
				continue
			}
			if speakerBefore(toks, k, start) {
				f.cue, f.directs = true, true
				if bare < 0 {
					bare = j
				}
				if colon > j && announcesList(toks, j, colon) {
					// "đề nghị trong tháng 12 tập trung một số nội dung sau:"
					f.framing = true
				}
			}
		case "chỉ", "phân", "nhắc":
			m := matchAny(toks, k, []string{"chỉ đạo", "phân công", "nhắc nhở"})
			if m == 0 {
				continue
			}
			j := k + m
			if t.low == "phân" {
				j += matchAny(toks, j, []string{"nhiệm vụ cho", "nhiệm vụ", "cho"})
			} else if k == i || !speakerBefore(toks, k, start) {
				// An opening "Chỉ đạo các trường ..." tells the reader to
				// direct them: they are not the ones addressed.
				continue
			}
			names, e := addresseesAt(toks, j, ctx)
			if len(names) > 0 && (t.low == "phân" || e < n && toks[e].word && toks[e].flags&flagGoverning == 0) {
				f.cue, f.directs = true, true
				if !f.named {
					f.lead, f.named = names, true
					f.leadIn = colon > e
					f.framing = f.leadIn && announcesList(toks, e, colon)
				} else if t.low == "chỉ" && directsAgain(toks, k) {
					// "chỉ đạo cán bộ chuyên môn trả lời ... và chỉ đạo các
					// ngành tiếp thu ...": both are directed.
					f.lead = append(f.lead, names...)
				}
			} else if colon > k {
				f.cue, f.directs = true, true
			}
		case "kết", "nhấn", "lưu":
			m := matchAny(toks, k, []string{"kết luận", "nhấn mạnh", "lưu ý"})
			if m == 0 || t.low != "kết" && k != i && !speakerBefore(toks, k, start) {
				continue
			}
			f.cue = true
			j := k + m
			j += matchAny(toks, j, []string{"đến", "về", "tới"})
			if j < n && (toks[j].s == "," || toks[j].s == ":") && t.low != "kết" {
				// "Ông nhấn mạnh, không để ...": the emphasis follows.
				j++
			}
			if colon > k && n-colon > 3 && (t.low != "kết" || namesWork(toks, j, colon)) {
				f.directs = true
				continue
			}
			if t.low == "kết" {
				if colon == n-1 {
					// "..., Chủ tịch UBND thị xã kết luận:": the conclusions
					// follow.
					f.framing = true
				}
				continue
			}
			framing := matchAny(toks, j, []string{"một số", "các", "những"})
			if matchAny(toks, j+framing, []string{"nhiệm vụ", "nội dung", "vấn đề", "công việc", "giải pháp"}) > 0 {
				f.framing = true
			} else if j < n && toks[j].word {
				f.directs = true
				if bare < 0 {
					// "nhấn mạnh vai trò, trách nhiệm của X": X acts.
					bare = j
				}
			}
		case "phát":
			if matchWords(toks, k, "phát biểu") > 0 {
				f.cue = true
			}
		case "cần", "phải":
			if k == start || k > 0 && (!toks[k-1].word || toks[k-1].low == "đó" || toks[k-1].low == "vậy" || toks[k-1].low == "thời" || toks[k-1].low == "tới" || toks[k-1].low == "cũng") {
				if k+1 < n && toks[k+1].low != "thiết" && toks[k+1].word {
					f.directs = true
				}
			}
		}
	}
	// The actor of a nominal action: "tăng cường công tác phối hợp của các
	// phòng, ban", "yêu cầu sự vào cuộc của cả hệ thống chính trị".
	if !f.named && (f.imperative || f.directs) {
		from := start
		if !f.imperative && bare >= 0 {
			from = bare
		}
		for k := from; k < min(n, from+10); k++ {
			if toks[k].low != "của" || k == 0 {
				continue
			}
			if !nominalBefore(toks, k) {
				continue
			}
			if names, _ := actorsAt(toks, k+1, ctx, false); len(names) > 0 {
				f.lead, f.named = ctx.dropIssuer(names), len(ctx.dropIssuer(names)) > 0
			}
			break
		}
	}
	if f.named {
		f.lead = canonNames(f.lead, ctx)
	}
	f.support = supportIn(toks, ctx, f.lead)
	return f
}

// roleSubject reads an office as the subject at p ("Chủ tịch UBND", "Phó
// Chủ tịch UBND xã", "Bí thư chi bộ"): the title and the body after it.
func roleSubject(toks []token, p int) (string, int) {
	r := matchAny(toks, p, roleWordsChair)
	if r == 0 {
		return "", p
	}
	e := p + r
	for e < len(toks) && e-p < r+4 && toks[e].word && (toks[e].upper || levelNounSet.count(toks, e) > 0 || toks[e].low == "chi" || toks[e].low == "bộ") && !startsPredicate(toks, e) {
		e++
	}
	return joinTokens(toks, p, e), e
}

// levelList reads a bare list of levels as a subject at p ("Xã, phường",
// "Các xã, thị trấn"): "các" and the levels.
func levelList(toks []token, p int) (string, int) {
	e := p
	if toks[e].low == "các" {
		e++
	}
	n := levelNounSet.count(toks, e)
	if n == 0 {
		return "", p
	}
	e += n
	for e+1 < len(toks) && (toks[e].s == "," || toks[e].low == "và") {
		m := levelNounSet.count(toks, e+1)
		if m == 0 {
			break
		}
		e += 1 + m
	}
	name := joinTokens(toks, p, e)
	if toks[p].low != "các" {
		name = "các " + lowerFirst(name)
	}
	return name, e
}

// directsAgain reports a direction verb at k that follows another in the
// same sentence ("..., đồng thời chỉ đạo X", "... và yêu cầu Y"): its
// addressees are directed too.
func directsAgain(toks []token, k int) bool {
	return k > 0 && (toks[k-1].low == "và" || toks[k-1].low == "thời" && k > 1 && toks[k-2].low == "đồng" || toks[k-1].s == ",")
}

// shortcomingBefore reports a noun of shortcoming right before k ("tồn
// tại", "hạn chế", "khuyết điểm", "yếu kém", "bất cập", "vướng mắc").
func shortcomingBefore(toks []token, k int) bool {
	if k < 2 {
		return false
	}
	switch toks[k-2].low + " " + toks[k-1].low {
	case "tồn tại", "hạn chế", "khuyết điểm", "yếu kém", "bất cập", "vướng mắc", "khó khăn", "thiếu sót":
		return true
	}
	return false
}

// directsFrom reports a subject at p..k that directs with "đề nghị" rather
// than proposes: a People's Council, a Party committee, the office that
// speaks for a People's Committee, or the leaders of a body ("lãnh đạo
// HĐND xã đề nghị UBND xã ...", "Văn phòng UBND tỉnh đề nghị Sở X ...").
func directsFrom(toks []token, p, k int, names []string) bool {
	if matchWords(toks, k, "đề nghị") == 0 {
		return false
	}
	if p > 0 && (toks[p-1].low == "đạo" && p > 1 && toks[p-2].low == "lãnh" || toks[p].low == "lãnh" && matchWords(toks, p, "lãnh đạo") > 0) {
		return true
	}
	for _, n := range names {
		low := lowerVN(n)
		if strings.HasPrefix(low, "hđnd") || strings.HasPrefix(low, "thường trực") || strings.HasPrefix(low, "đảng ủy") || strings.HasPrefix(low, "đảng uỷ") || strings.HasPrefix(low, "hội đồng nhân dân") || strings.HasPrefix(low, "văn phòng") {
			return true
		}
	}
	return false
}

// predicate kinds after a subject.
const (
	predNone = iota
	predReport
	predDirective
	predModal
	predVerb // a verb not known to direct
)

// notVerbs are words after a subject that are not its verb.
var notVerbs = map[string]bool{
	"trên": true, "dưới": true, "ở": true, "do": true, "bằng": true, "thì": true, "mà": true, "như": true,
	"nhưng": true, "hoặc": true, "này": true, "đó": true, "nói": true, "nêu": true, "năm": true, "tháng": true,
	"nhằm": true, "để": true, "gồm": true, "thuộc": true, "cùng": true, "liên": true, "tỉnh": true, "huyện": true,
}

// predicateAt classifies what follows a subject ending at k.
func predicateAt(toks []token, k int) int {
	if k >= len(toks) {
		return predNone
	}
	if toks[k].s == ":" {
		return predDirective
	}
	if !toks[k].word {
		return predNone
	}
	if matchAny(toks, k, []string{"có trách nhiệm", "có kế hoạch"}) > 0 {
		return predModal
	}
	if reportSet.count(toks, k) > 0 {
		return predReport
	}
	j := k
	if toks[j].low == "cũng" || toks[j].low == "thì" {
		j++
	}
	if modalSet.count(toks, j) > 0 {
		return predModal
	}
	if adverbSet.count(toks, j) > 0 {
		return predDirective
	}
	if in, _ := imperativeSet.match(toks, j); in > 0 {
		return predDirective
	}
	if t := toks[j]; t.word && !t.upper && !t.digit && t.flags&flagNonVerb == 0 && !notVerbs[t.low] {
		// Some other verb ("UBND các xã dự trữ lương thực"): directive
		// when the subject opens the clause.
		return predVerb
	}
	return predNone
}

// listWords are the words of a lead-in that only announces the items
// after it ("tập trung thực hiện tốt một số nội dung sau:").
var listWords = map[string]bool{
	"tập": true, "trung": true, "thực": true, "hiện": true, "triển": true, "khai": true, "làm": true, "tốt": true,
	"một": true, "số": true, "các": true, "những": true, "nội": true, "dung": true, "nhiệm": true, "vụ": true,
	"công": true, "việc": true, "trọng": true, "tâm": true, "chủ": true, "yếu": true, "sau": true, "như": true,
	"cụ": true, "thể": true, "đây": true, "cần": true, "phải": true, "vào": true, "tháng": true, "năm": true,
	"tới": true, "thời": true, "gian": true, "trong": true, "quý": true, "là": true, "gồm": true, "với": true,
}

// announcesList reports a lead-in whose words from i to the colon only
// announce the items that follow: it assigns nothing itself, unlike
// "tiếp tục triển khai các nhiệm vụ theo kế hoạch, đồng thời tập trung vào
// một số nhiệm vụ sau:".
func announcesList(toks []token, i, colon int) bool {
	if colon != len(toks)-1 {
		return false
	}
	for k := i; k < colon; k++ {
		t := toks[k]
		if t.word && !t.digit && !listWords[t.low] || !t.word && t.s != "," {
			return false
		}
	}
	return true
}

// skipTimePhrase returns the index after a time phrase at j that may come
// between a direction verb and its addressees ("đề nghị tháng 12/2018
// Thường trực HĐND ...", "yêu cầu trong thời gian tới, các ngành ..."), or
// j when there is none.
func skipTimePhrase(toks []token, j int) int {
	k := j + matchAny(toks, j, []string{"từ nay đến", "ngay trong", "trong", "từ nay", "đến"})
	switch {
	case matchAny(toks, k, []string{"thời gian tới", "tuần tới", "tháng tới", "năm tới"}) > 0:
		k += 3 - boolInt(toks[k].low == "tuần" || toks[k].low == "tháng" || toks[k].low == "năm")
	case k+1 < len(toks) && (toks[k].low == "tháng" || toks[k].low == "quý" || toks[k].low == "năm") && toks[k+1].word && (toks[k+1].digit || romanQuarter[toks[k+1].low] > 0):
		k += 2
		if k+1 < len(toks) && toks[k].low == "năm" && toks[k+1].digit {
			k += 2
		}
	default:
		return j
	}
	if k < len(toks) && toks[k].s == "," {
		k++
	}
	return k
}

// endsClause reports that nothing but a semicolon follows position e.
func endsClause(toks []token, e int) bool {
	return e >= len(toks) || e == len(toks)-1 && toks[e].s == ";"
}

// boolInt is 1 for true, 0 for false.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// startsActorClause reports "X, cần ..." or "X cần ..." at i.
func startsActorClause(toks []token, i int, ctx *docCtx) bool {
	names, k := actorsAt(toks, i, ctx, false)
	if len(names) == 0 {
		return false
	}
	if k < len(toks) && toks[k].s == "," {
		k++
	}
	return modalSet.count(toks, k) > 0
}

// givenTo reads the addressees of "giao" at k ("giao X", "giao cho X",
// "giao nhiệm vụ cho X", "giao trách nhiệm cho X") and where they end. ok
// is false when "giao" is not a direction ("giao ban", "được giao", "bàn
// giao").
func givenTo(toks []token, k int, ctx *docCtx) ([]string, int, bool) {
	passive := false // "chỉ tiêu tỉnh giao" unless an addressee follows
	if k > 0 {
		switch toks[k-1].low {
		case "được", "bàn", "cấp", "đã":
			return nil, k, false
		case "tỉnh", "huyện", "xã", "phố", "tp":
			passive = true
		}
	}
	j := k + 1
	if j < len(toks) {
		switch toks[j].low {
		case "ban", "thông", "dịch", "lưu", "tiếp", "nhận", "khoán", "đất", "kết", "diện":
			return nil, k, false
		}
	}
	m := matchAny(toks, j, []string{"cho", "nhiệm vụ cho", "nhiệm vụ", "trách nhiệm cho", "trách nhiệm"})
	names, e := addresseesAt(toks, j+m, ctx)
	if passive && len(names) == 0 {
		return nil, k, false
	}
	return names, e, m > 0 || len(names) > 0
}

// addresseesAt reads the units a direction verb names at j, with "các
// đồng chí" and a bare "xã" (the commune's People's Committee).
func addresseesAt(toks []token, j int, ctx *docCtx) ([]string, int) {
	names, e := actorsAt(toks, j, ctx, true)
	names = ctx.dropIssuer(names)
	return names, e
}

// speakerBefore reports a direction verb at k used by the speaker: after
// a name, a title, "đã", "cũng" or a comma, or opening the clause.
func speakerBefore(toks []token, k, start int) bool {
	if k == start {
		return true
	}
	if k == 0 {
		return false
	}
	p := toks[k-1]
	if !p.word {
		return p.s == "," || p.s == ":" || p.s == "–" || p.s == "-"
	}
	if k == 1 && levelNounSet.count(toks, 0) > 0 {
		// "Xã đề nghị ...": the commune asks.
		return false
	}
	if k-start <= 8 && matchAny(toks, start, roleWordsChair) > 0 {
		// "Chủ tịch UBND TPHCM yêu cầu ...": an official speaks.
		return true
	}
	if p.low == "đã" || p.low == "cũng" || p.low == "và" || p.low == "thì" || p.low == "thời" && k > 1 && toks[k-2].low == "đồng" || p.upper && isNameWord(p.s) || p.low == "xã" || p.low == "huyện" || p.low == "tỉnh" || p.low == "phường" || p.low == "ubnd" || p.low == "trì" || p.low == "tp" {
		return true
	}
	return false
}

// nominalBefore reports a nominal action ending right before "của" at k.
func nominalBefore(toks []token, k int) bool {
	for _, p := range nominalActions {
		w := strings.Count(p, " ") + 1
		if k-w >= 0 && matchWords(toks, k-w, p) == w {
			return true
		}
	}
	return false
}

// governed reports a word at p that is the object of the word before it
// ("của các xã", "chỉ đạo các trường", "đề nghị các ngành").
func governed(toks []token, p int) bool {
	q := toks[p-1]
	if q.low == "giao" || q.low == "hợp" && p >= 2 && toks[p-2].low == "phối" {
		return true
	}
	if q.flags&flagGoverning == 0 {
		return false
	}
	// Second syllables govern only after their first one ("hội nghị các
	// ..." does not).
	first := firstSyllable[q.low]
	return first == "" || p >= 2 && toks[p-2].low == first
}

// firstSyllable maps governing second syllables to their first one.
var firstSyllable = map[string]string{"nghị": "đề", "cầu": "yêu", "đạo": "chỉ", "tra": "kiểm", "sát": "giám", "dẫn": "hướng", "nhở": "nhắc", "đốc": "đôn", "trợ": "hỗ", "mưu": "tham"}

// namesWork reports words that name tasks ("nhiệm vụ", "nội dung",
// "công việc") in toks[i:j].
func namesWork(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if matchAny(toks, k, []string{"nhiệm vụ", "nội dung", "công việc", "việc"}) > 0 {
			return true
		}
	}
	return false
}

// personTitleBefore reports a personal title right before p ("Chủ tịch
// UBND huyện", "Bí thư Huyện ủy"): the unit there is part of a person's
// title, not an actor.
func personTitleBefore(toks []token, p int) bool {
	if p == 0 {
		return false
	}
	switch toks[p-1].low {
	case "tịch", "thư", "đốc", "trưởng", "pct", "ct", "phó", "viên", "đạo":
		return true
	}
	return false
}
