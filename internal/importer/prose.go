package importer

import (
	"fmt"
	"strings"
)

// Running prose (a news report of a meeting, or a notice written without
// headings) directs work in sentences and in ;-separated clauses. A clause
// is a task when it names who must act ("giao X ...", "yêu cầu X ...", "X
// cần ...", "X khẩn trương ...") or, once the chair speaks, when it opens
// with a directive verb. What units reported, said or plan, and the
// chair's assessments, are not tasks.

// elaborationOpeners open a sentence that spells out the one before
// ("Trong đó, ..."): it keeps the addressee of that sentence.
var elaborationOpeners = []string{"trong đó", "cụ thể"}

// proseOpeners open a sentence that goes on from the one before.
var proseOpeners = []string{
	"trong đó", "cụ thể là", "cụ thể", "đồng thời", "bên cạnh đó", "ngoài ra", "đặc biệt là", "đặc biệt",
	"trước mắt", "mặt khác", "tiếp đó", "sau đó", "vì vậy", "do đó", "từ đó", "cùng với đó", "nhất là", "riêng",
	"thứ nhất", "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "một là", "hai là", "ba là", "bốn là", "năm là",
	"sáu là",
}

// enumerators open the items of an enumeration in prose ("Thứ nhất, ...;
// Thứ hai, ...").
var enumerators = []string{
	"thứ nhất", "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "một là", "hai là", "ba là", "bốn là", "năm là", "sáu là",
}

// adverbialStarts open a fronted phrase that a comma closes ("Trong quý
// II, ...", "Kết luận cuộc họp, ...") before the subject.
var adverbialStarts = map[string]bool{
	"trong": true, "trên": true, "trước": true, "sau": true, "để": true, "tại": true, "qua": true,
	"về": true, "theo": true, "riêng": true, "nhằm": true, "từ": true, "đến": true, "khi": true,
	"nếu": true, "cùng": true, "ngoài": true, "bên": true, "nhân": true, "sáng": true, "chiều": true,
	"tối": true, "ngày": true, "hiện": true, "dịp": true,
}

// adverbialPhrases open a fronted phrase too.
var adverbialPhrases = []string{
	"đối với", "căn cứ", "kết luận", "phát biểu", "chủ trì", "liên quan", "thông qua", "thời gian tới", "với",
}

// directionVerbs are the verbs the chair directs with.
var directionVerbs = []string{"yêu cầu", "đề nghị", "giao", "chỉ đạo", "phân công", "nhấn mạnh", "lưu ý"}

// fronted reports a fronted adverbial phrase at i.
func fronted(toks []token, i int) bool {
	return i < len(toks) && (adverbialStarts[toks[i].low] || adverbialSet.count(toks, i) > 0)
}

// reportWords after a subject report what it did, said or plans ("các đơn
// vị đã báo cáo", "TP sẽ tổ chức").
var reportWords = []string{
	"đã", "đang", "vừa", "được", "sẽ", "dự kiến", "vẫn", "còn", "chưa", "không", "là", "báo cáo", "thông tin",
	"trình bày", "phát biểu", "nêu", "cho biết", "đề xuất", "kiến nghị", "đề nghị", "thảo luận", "góp ý", "tham gia",
	"nghe", "ghi nhận", "biểu dương", "đánh giá", "chia sẻ", "trao đổi", "thống nhất", "bày tỏ", "mong muốn",
	"cũng đã", "cũng được", "đều", "có",
}

// modalWords make the work after them an obligation ("cần", "phải").
var modalWords = []string{"cần phải", "cần", "phải", "có trách nhiệm", "chịu trách nhiệm"}

// directiveAdverbs may follow a subject that is being directed ("X khẩn
// trương ...").
var directiveAdverbs = []string{
	"khẩn trương", "chủ động", "tích cực", "tiếp tục", "tập trung", "quan tâm", "thường xuyên", "kịp thời",
	"nghiêm túc", "sớm", "cũng cần", "phối hợp", "chủ trì", "tăng cường", "đẩy mạnh",
}

// nominalActions are nouns of action whose "của X" names who acts ("tăng
// cường công tác phối hợp của các phòng, ban").
var nominalActions = []string{
	"sự vào cuộc", "sự phối hợp", "sự tham gia", "sự chỉ đạo", "sự lãnh đạo", "sự quan tâm", "công tác phối hợp",
	"vai trò giám sát", "vai trò", "tinh thần trách nhiệm", "trách nhiệm",
}

// flagProse marks the first words of the prose rules' phrase sets.
var flagProse = newWordFlag()

// Phrase sets of the prose rules.
var (
	elaborationSet   = newPhraseSetFlag(elaborationOpeners, flagProse)
	openerSet        = newPhraseSetFlag(proseOpeners, flagProse)
	adverbialSet     = newPhraseSetFlag(adverbialPhrases, flagProse)
	directionSet     = newPhraseSetFlag(directionVerbs, flagProse)
	reportSet        = newPhraseSetFlag(reportWords, flagProse)
	modalSet         = newPhraseSetFlag(modalWords, flagProse)
	adverbSet        = newPhraseSetFlag(directiveAdverbs, flagProse)
	personHeadSet    = newPhraseSetFlag(personHeads, flagProse)
	officialTitleSet = newPhraseSetFlag(officialTitles, flagProse)
	levelNounSet     = newPhraseSetFlag(levelNouns, flagProse)
	enumeratorSet    = newPhraseSetFlag(enumerators, flagProse)
)

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
	if in, _ := imperativeSet.match(toks, start); in > 0 {
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
	}
	// The sentence's subject: a unit followed by a predicate. Report
	// subjects ("các đơn vị đã báo cáo") make the clause a report.
	for p := i; p < n && !f.named && !f.report; p++ {
		if !toks[p].word || p > i && (governed(toks, p) || personTitleBefore(toks, p)) {
			continue
		}
		opens := p == i || p == start || toks[p-1].s == ":"
		if !opens && !(toks[p].low == "các" || toks[p].upper || toks[p-1].s == ",") {
			continue
		}
		early := p < start+16 && p < firstDirection
		names, k := actorsAt(toks, p, ctx, false)
		if len(names) == 0 {
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
			// A subject inside a clause that opens with a directive verb
			// is its object's clause ("Rà soát các khu dân cư có nguy cơ").
			f.report = early && (opens || !f.imperative && toks[k].low != "có")
		case predDirective, predVerb:
			if opens && (k >= n || toks[k].s != ":" || p == start) {
				f.lead, f.named = ctx.dropIssuer(names), true
			}
		case predModal:
			f.lead, f.named, f.directs = ctx.dropIssuer(names), true, true
		}
		p = k - 1
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
	if firstDirection == n {
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
			names, ok := givenTo(toks, k, ctx)
			if !ok {
				continue
			}
			f.cue, f.directs = true, true
			if len(names) > 0 && !f.named {
				f.lead, f.named = names, true
				f.leadIn = colon > k
			}
		case "yêu", "đề":
			if matchWords(toks, k, "yêu cầu") == 0 && matchWords(toks, k, "đề nghị") == 0 {
				continue
			}
			if k > 0 && (toks[k-1].low == "các" || toks[k-1].low == "những" || toks[k-1].low == "theo" || toks[k-1].low == "ứng" || toks[k-1].low == "sách" || toks[k-1].low == "được") {
				continue
			}
			j := k + 2
			names, e := addresseesAt(toks, j, ctx)
			if len(names) > 0 {
				f.cue, f.directs = true, true
				if !f.named {
					f.lead, f.named = names, true
					f.leadIn = colon > e
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
			if colon > k && n-colon > 3 && (t.low != "kết" || namesWork(toks, j, colon)) {
				f.directs = true
				continue
			}
			if t.low == "kết" {
				continue
			}
			framing := matchAny(toks, j, []string{"một số", "các", "những"})
			if matchAny(toks, j+framing, []string{"nhiệm vụ", "nội dung", "vấn đề", "công việc", "giải pháp"}) > 0 {
				f.framing = true
			} else if j < n && toks[j].word {
				f.directs = true
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
// "giao nhiệm vụ cho X", "giao trách nhiệm cho X"). ok is false when
// "giao" is not a direction ("giao ban", "được giao", "bàn giao").
func givenTo(toks []token, k int, ctx *docCtx) ([]string, bool) {
	passive := false // "chỉ tiêu tỉnh giao" unless an addressee follows
	if k > 0 {
		switch toks[k-1].low {
		case "được", "bàn", "cấp", "đã":
			return nil, false
		case "tỉnh", "huyện", "xã", "phố", "tp":
			passive = true
		}
	}
	j := k + 1
	if j < len(toks) {
		switch toks[j].low {
		case "ban", "thông", "dịch", "lưu", "tiếp", "nhận", "khoán", "đất", "kết", "diện":
			return nil, false
		}
	}
	m := matchAny(toks, j, []string{"cho", "nhiệm vụ cho", "nhiệm vụ", "trách nhiệm cho", "trách nhiệm"})
	names, _ := addresseesAt(toks, j+m, ctx)
	if passive && len(names) == 0 {
		return nil, false
	}
	return names, m > 0 || len(names) > 0
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
	if p.low == "đã" || p.low == "cũng" || p.low == "và" || p.low == "thì" || p.upper && isNameWord(p.s) || p.low == "xã" || p.low == "huyện" || p.low == "tỉnh" || p.low == "phường" || p.low == "ubnd" || p.low == "trì" || p.low == "tp" {
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
		if issuerUnits[low] {
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

// proseClause is one clause, or a run of clauses that share an actor, of
// a prose sentence or list item.
type proseClause struct {
	text, low  string // the clause and lowerVN of it
	start, end int    // byte range in the line text
	f          clauseFacts
}

// words returns the clause's words for a task, tokenised on demand into
// the document's scratch buffer.
func (c *proseClause) words(ctx *docCtx) *taskWords {
	return &taskWords{text: c.text, low: c.low, scratch: &ctx.tokBuf}
}

// proseUnit is a sentence of a paragraph, or a list item, with its
// clauses.
type proseUnit struct {
	line    int
	item    bool
	clauses []proseClause
}

// proseTasks extracts tasks from running prose: a news report of a
// meeting or a notice written without headings. The chair's words start
// at the first sentence where the chair concludes or directs; in a text
// without such a sentence every sentence may direct work.
func proseTasks(lines []logicalLine, ctx *docCtx) []*taskDraft {
	ctx.issuerLevel = issuerLevelOf(lines)
	var units []proseUnit
	zone := -1
	listOpen := make([]bool, len(lines)) // a list item after "...:"
	for li, l := range lines {
		if isClosing(l.text) {
			continue
		}
		if l.kind != kindPara {
			if li > 0 && listOpen[li-1] || li > 0 && lines[li-1].kind == l.kind && listOpen[li-1] {
				listOpen[li] = true
			}
			u := proseUnit{line: li, item: true, clauses: splitClauses(l.body, len(l.text)-len(l.body), ctx)}
			if zone < 0 && unitCues(u) {
				zone = len(units)
			}
			units = append(units, u)
			continue
		}
		caption := captionShape(l.text, li == len(lines)-1)
		if caption == photoCaption {
			continue
		}
		sentences := splitSentences(l.text)
		if last := sentences[len(sentences)-1].text; strings.HasSuffix(last, ":") && !isListIntro(last) {
			listOpen[li] = true
		}
		from := len(units)
		for _, s := range sentences {
			units = append(units, proseUnit{line: li, clauses: splitClauses(s.text, s.start, ctx)})
		}
		if caption == shortLine && !namesDirection(units[from:]) {
			// A caption or a heading, unless it directs someone.
			units = units[:from]
			continue
		}
		for k := from; k < len(units) && zone < 0; k++ {
			if unitCues(units[k]) {
				zone = k
			}
		}
	}
	if zone < 0 {
		zone = 0
	}
	var drafts []*taskDraft
	var leadIn []string
	leadInLine := -1
	var prev *taskDraft
	prevLine, reportLine := -1, -1
	for ui, u := range units {
		l := lines[u.line]
		if !u.item && u.line != leadInLine {
			if len(u.clauses) > 0 && u.clauses[0].f.enumerated && leadIn != nil {
				// "Thứ hai, ..." in a paragraph of its own goes on with the
				// lead-in's addressees.
				leadInLine = u.line
			} else {
				leadIn, leadInLine = nil, -1
			}
		}
		if u.line != prevLine {
			prev = nil
		}
		for _, c := range u.clauses {
			f := c.f
			task := false
			switch {
			case ui < zone && !(u.item && listOpen[u.line]):
			case f.framing:
			case f.report:
				reportLine = u.line
			case f.named:
				task = true
			case f.imperative && !f.cue && reportLine == u.line && prev == nil:
				// A sentence without a subject goes on reporting.
			case f.directs || f.imperative || f.elaborates && prev != nil:
				task = true
			case u.item && listOpen[u.line]:
				task = true
			}
			if prev != nil && !f.named && followsUp(c.low) {
				// "Thời gian hoàn thành trước ngày 30/6.": the deadline of
				// the task before.
				mergeInto(prev, c.words(ctx), l.start+min(c.end, l.end-l.start), ctx)
				continue
			}
			if !task {
				continue
			}
			lead := f.lead
			switch {
			case len(lead) > 0:
			case leadIn != nil:
				lead = leadIn
			case f.elaborates && prev != nil:
				lead = prev.task.Lead
			}
			var due string
			if u.item {
				var names []string
				if names, due = scheduleItem(c.words(ctx), ctx); len(lead) == 0 {
					lead = names
				}
			}
			t := newTask(c.words(ctx), l.start+min(c.start, l.end-l.start), l.start+min(c.end, l.end-l.start), ctx, nil, false)
			if due != "" {
				t.Due = &due
				t.Deadline = Deadline{Kind: "date", Raw: strings.TrimSpace(c.text[:strings.IndexByte(c.text, ':')])}
			}
			t.Lead, t.Support = lead, f.support
			d := &taskDraft{task: t, explicit: len(lead) > 0}
			drafts = append(drafts, d)
			prev, prevLine = d, u.line
			if f.leadIn && f.named {
				leadIn, leadInLine = f.lead, u.line
			}
		}
	}
	return drafts
}

// unitCues reports a sentence where the chair concludes or directs.
func unitCues(u proseUnit) bool {
	for _, c := range u.clauses {
		if c.f.cue && !c.f.report {
			return true
		}
	}
	return false
}

// splitClauses cuts a sentence at semicolons into clauses and joins each
// clause that does not name an actor of its own (another than the one
// acting so far) to the clause before it. off is the sentence's offset in
// its line.
func splitClauses(s string, off int, ctx *docCtx) []proseClause {
	var out []proseClause
	start := 0
	depth := 0
	flush := func(end int) {
		piece := s[start:end]
		if strings.TrimSpace(piece) == "" {
			return
		}
		w := ctx.words(strings.TrimSpace(piece)) // tokens in scratch: facts only are kept
		f := analyseClause(w, ctx)
		if len(out) > 0 {
			last := &out[len(out)-1]
			if !f.enumerated && (!f.named || sameActors(last.f.lead, f.lead)) {
				last.text = strings.TrimSpace(s[last.start-off : end])
				last.low, last.end = lowerVN(last.text), off+end
				if !last.f.named && f.named {
					last.f.lead, last.f.named = f.lead, true
				}
				last.f.directs = last.f.directs || f.directs
				last.f.support = append(last.f.support, f.support...)
				return
			}
		}
		out = append(out, proseClause{text: w.text, low: w.low, start: off + start, end: off + end, f: f})
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ';':
			if depth == 0 {
				flush(i + 1)
				start = i + 1
			}
		}
	}
	flush(len(s))
	return out
}

// sameActors reports two actor lists naming the same units, compared as
// the scorer does: word overlap of folded names.
func sameActors(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return len(a) == len(b)
	}
	for k := range a {
		ka, kb := strings.Fields(unitKey(a[k])), strings.Fields(unitKey(b[k]))
		if wordF1(ka, kb) < 0.8 {
			return false
		}
	}
	return true
}

// Shapes of a paragraph that may not be running text.
const (
	prose        = iota
	photoCaption // credits a photo ("Ảnh: ...")
	shortLine    // a short line without final punctuation: a caption or a heading
)

// captionShape tells photo captions and short unpunctuated lines (captions,
// headings) from running text; the last line, cut off by the page, is
// running text.
func captionShape(t string, last bool) int {
	if last || len(t) > 400 || fieldCount(t) > 40 {
		return prose
	}
	if strings.Contains(t, "Ảnh:") || strings.Contains(t, "(Ảnh") || strings.Contains(t, "Ảnh :") {
		return photoCaption
	}
	if r := lastRune(strings.TrimSpace(t)); !strings.ContainsRune(".;:!?…)\"”", r) {
		return shortLine
	}
	return prose
}

// namesDirection reports sentences that direct someone by name or lay an
// obligation ("Phòng Y tế tăng cường kiểm tra", "Các xã cần ...").
func namesDirection(units []proseUnit) bool {
	for _, u := range units {
		for _, c := range u.clauses {
			if c.f.named && !c.f.report || c.f.directs {
				return true
			}
		}
	}
	return false
}

// isListIntro reports a line ending in a colon that introduces a list of
// attendees or results rather than work ("Thành phần:", "kết quả như
// sau:").
func isListIntro(t string) bool {
	low := lowerVN(t)
	for _, w := range []string{"thành phần", "tham dự", "dự họp", "dự hội nghị", "kết quả", "đạt được", "tồn tại", "hạn chế", "khó khăn"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// scheduleItem reads a schedule entry ("Ngày 07/8/2017: buổi sáng xã A,
// buổi chiều xã B"; "Ngày 14 và 15/8: Phòng X"): the units named after the
// colon and the (last) day before it.
func scheduleItem(w *taskWords, ctx *docCtx) ([]string, string) {
	colon := strings.IndexByte(w.low, ':')
	if colon < 0 || colon > 40 {
		return nil, ""
	}
	head := w.low[:colon]
	due := ""
	for _, cue := range []string{"ngày ", "từ ngày ", "đến ngày "} {
		if !strings.HasPrefix(head, cue) && !strings.Contains(head, " "+cue) {
			continue
		}
		i := strings.LastIndex(head, cue) + len(cue)
		rest := head[i:]
		// "14 và 15/8/2017", "14, 15/8": the last day counts.
		for _, sep := range []string{" và ", ", ", "-"} {
			if k := strings.Index(rest, sep); k > 0 && k <= 2 {
				if _, _, ok := readInt(rest, 0, 2); ok {
					rest = rest[k+len(sep):]
				}
			}
		}
		if y, m, d, _, ok := deadlineDateAt(rest, ctx.ref); ok {
			due = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		}
	}
	if due == "" {
		return nil, ""
	}
	toks := tokenizeLow(w.text[colon+1:], w.low[colon+1:])
	var names []string
	for i := 0; i < len(toks); i++ {
		if m := matchAny(toks, i, []string{"buổi sáng", "buổi chiều", "buổi tối", "sáng", "chiều"}); m > 0 {
			i += m - 1
			continue
		}
		if got, k := actorsAt(toks, i, ctx, false); len(got) > 0 {
			names = append(names, got...)
			i = k - 1
		}
	}
	return canonNames(names, ctx), due
}

// followUps open a sentence that only gives the deadline of the task
// before it.
var followUps = []string{"thời gian hoàn thành", "thời gian thực hiện", "thời hạn", "hoàn thành trước", "hoàn thành trong", "chậm nhất", "yêu cầu hoàn thành", "xong trước", "trước ngày"}

// followsUp reports a lower-case sentence that gives a deadline only.
func followsUp(low string) bool {
	for _, f := range followUps {
		if strings.HasPrefix(low, f) {
			return true
		}
	}
	return false
}

// mergeInto appends a follow-up sentence to a task, taking its deadline
// when the task has none.
func mergeInto(d *taskDraft, w *taskWords, end int, ctx *docCtx) {
	d.task.Text += " " + cleanTaskText(w.text)
	d.task.End = max(d.task.End, end)
	if d.task.Due == nil {
		if due, dl := parseDeadline(w.text, w.low, ctx.ref); due != "" {
			d.task.Due, d.task.Deadline = &due, dl
		}
	}
}
