package importer

import (
	"strings"
	"unicode/utf8"
)

// subjectVerbs follow a unit that is the subject of a directive.
var subjectVerbs = []string{"cần", "phải", "chủ động", "chủ trì", "khẩn trương", "có trách nhiệm", "chịu trách nhiệm", "cần phải"}

// issuerUnits are the issuing bodies, never the lead of their own notice.
var issuerUnits = map[string]bool{"ubnd huyện": true, "ubnd tỉnh": true, "ubnd thành phố": true, "ubnd thị xã": true, "ubnd quận": true, "ubnd": true,
	"ubnd xã": true, "ubnd phường": true, "ubnd đặc khu": true, "ubnd thị trấn": true}

// Indexed phrase sets used by assign.
var (
	requestSet     = newPhraseSet([]string{"yêu cầu", "đề nghị"})
	supportSet     = newPhraseSet([]string{"phối kết hợp", "phối hợp"})
	subjectVerbSet = newPhraseSet(subjectVerbs)
	imperativeSet  = newPhraseSet(imperativeStarts)
)

// governingWords precede a unit that is an object, not a subject
// ("chỉ đạo các trường", "của các xã").
var governingWords = map[string]bool{
	"mà": true, "của": true, "đạo": true, "dẫn": true, "nhở": true, "đốc": true, "trợ": true,
	"mưu": true, "cho": true, "với": true, "giúp": true, "để": true, "về": true, "tra": true,
	"sát": true, "và": true, "giữa": true, "tại": true, "đến": true, "từ": true, "nghị": true, "cầu": true,
}

// nonVerbs are words after a unit that do not make it a subject.
var nonVerbs = map[string]bool{"đã": true, "được": true, "là": true, "của": true, "có": true, "và": true, "với": true, "trong": true, "tại": true, "về": true, "theo": true, "từ": true}

// assignment is the lead and support named in a task text.
type assignment struct {
	lead, support []string
}

// taskWords is a task text with its lower-case form and, once asked for,
// its tokens: the deadline, legal-reference and lead/support parsers share
// them instead of lower-casing and tokenising the same text each.
type taskWords struct {
	text, low string // low is lowerVN(text), with the byte offsets of text
	toks      []token
	tokenized bool
	scratch   *[]token // buffer the tokens are appended to, if any
}

// newTaskWords lower-cases text for the task parsers.
func newTaskWords(text string) *taskWords {
	return &taskWords{text: text, low: lowerVN(text)}
}

// words is newTaskWords for the task being extracted: its tokens go into
// the document's scratch buffer, which the next call reuses, so they must
// not be kept after the task is built.
func (c *docCtx) words(text string) *taskWords {
	return &taskWords{text: text, low: lowerVN(text), scratch: &c.tokBuf}
}

// tokens returns the tokens of the text, tokenising it on first use.
func (w *taskWords) tokens() []token {
	if !w.tokenized {
		if w.scratch != nil {
			w.toks = appendTokens(scratchTokens(*w.scratch, w.text), w.text, w.low)
			*w.scratch = w.toks
		} else {
			w.toks = tokenizeLow(w.text, w.low)
		}
		w.tokenized = true
	}
	return w.toks
}

// assign finds the lead and support units named in a task text.
func assign(w *taskWords, ctx *docCtx) assignment {
	toks := w.tokens()
	var lead, support []unitSpan
	leadEnd := -1
	// 1. "Giao X (chủ trì), Y phối hợp".
	for i := 0; i < len(toks) && lead == nil; i++ {
		if toks[i].low != "giao" || !toks[i].word {
			continue
		}
		if i > 0 {
			p := toks[i-1].low
			if p == "được" || p == "đã" || p == "tỉnh" || p == "huyện" || p == "bàn" || p == "cấp" || p == "nhiệm" {
				continue
			}
		}
		j := i + 1
		if j < len(toks) && (toks[j].low == "cho" || toks[j].low == "nhiệm") {
			if toks[j].low == "nhiệm" {
				continue
			}
			j++
		}
		units, k := parseUnitList(toks, j)
		if len(units) == 0 {
			continue
		}
		lead = units
		leadEnd = k
		if n := matchWords(toks, k, "chủ trì"); n > 0 {
			k += n
			if k < len(toks) && toks[k].s == "," {
				k++
			}
			if sup, k2 := parseUnitList(toks, k); len(sup) > 0 && matchAny(toks, k2, []string{"phối hợp", "cùng phối hợp", "tham gia phối hợp"}) > 0 {
				support = append(support, sup...)
			}
		}
	}
	// 2. "Yêu cầu X", "Đề nghị X".
	for i := 0; i < len(toks) && lead == nil; i++ {
		n, _ := requestSet.match(toks, i)
		if n == 0 {
			continue
		}
		units, k := parseUnitList(toks, i+n)
		units = dropIssuer(units)
		if len(units) > 0 {
			lead, leadEnd = units, k
		}
	}
	// 3. Subjects: "X cần ...", "X: ...", "Đối với X, cần ...", a unit
	// opening the text or a clause.
	if lead == nil {
		for i := 0; i < len(toks); i++ {
			atClause := i == 0 || toks[i-1].s == ":" || toks[i-1].s == ";" || toks[i-1].s == "."
			if !toks[i].word {
				continue
			}
			if i > 0 && toks[i-1].flags&flagGoverning != 0 { // governingWords
				continue
			}
			if matchWords(toks, i, "đối với") > 0 {
				units, k := parseUnitList(toks, i+2)
				if vn, _ := subjectVerbSet.match(toks, k+1); len(units) > 0 && k < len(toks) && toks[k].s == "," && vn > 0 {
					lead = append(lead, units...)
					leadEnd = k
					i = k
				}
				continue
			}
			units, k := parseUnitList(toks, i)
			if len(units) == 0 {
				continue
			}
			units = dropIssuer(units)
			if len(units) == 0 {
				i = k - 1
				continue
			}
			vn, _ := subjectVerbSet.match(toks, k)
			verb := vn > 0
			if atClause && !verb && k < len(toks) && toks[k].word && toks[k].flags&flagNonVerb == 0 { // !nonVerbs
				// "Phòng X phối hợp với ...", "Các xã chủ động ..."
				if in, _ := imperativeSet.match(toks, k); in > 0 || toks[k].flags&flagUnitStop != 0 {
					verb = true
				}
			}
			if atClause && k < len(toks) && toks[k].s == ":" && i == 0 {
				verb = true
			}
			if verb {
				lead = append(lead, units...)
				leadEnd = k
			}
			i = k - 1
		}
	}
	// 4. Support: "phối hợp (với) Y", "phối kết hợp với Y".
	for i := 0; i < len(toks); i++ {
		n, _ := supportSet.match(toks, i)
		if n == 0 {
			continue
		}
		j := i + n
		for j < len(toks) {
			if m := matchAny(toks, j, []string{"chặt chẽ", "với", "cùng", "giữa", "thực hiện"}); m > 0 && toks[j].low != "thực" {
				j += m
				continue
			}
			break
		}
		units, k := parseUnitList(toks, j)
		if len(units) > 0 && !(leadEnd >= 0 && j < leadEnd && j >= leadEnd-1) {
			support = append(support, units...)
		}
		i = max(i+n, k) - 1
	}
	var a assignment
	seen := map[string]bool{}
	for _, u := range lead {
		c := ctx.res.canon(u.name)
		if k := fold(c); !seen[k] {
			seen[k] = true
			a.lead = append(a.lead, c)
		}
	}
	for _, u := range support {
		c := ctx.res.canon(u.name)
		if k := fold(c); !seen[k] {
			seen[k] = true
			a.support = append(a.support, c)
		}
	}
	return a
}

// dropIssuer removes the issuing body ("UBND huyện") from a unit list.
func dropIssuer(units []unitSpan) []unitSpan {
	out := units[:0:0]
	for _, u := range units {
		low := lowerVN(u.name)
		if issuerUnits[low] || strings.HasPrefix(low, "ubnd huyện") && !strings.Contains(low, "các") {
			continue
		}
		out = append(out, u)
	}
	return out
}

// headingUnits returns the units a heading names when the heading (up to
// an optional colon) is nothing but a unit list, and the inline text after
// the colon.
func headingUnits(body string, ctx *docCtx) ([]string, string, bool) {
	head, inline := body, ""
	if i := strings.IndexByte(body, ':'); i >= 0 {
		head, inline = body[:i], strings.TrimSpace(body[i+1:])
	}
	head = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(head), ".:"))
	toks := appendTokens(scratchTokens(ctx.headBuf, head), head, lowerVN(head))
	ctx.headBuf = toks // scratch: no token outlives this call
	if len(toks) == 0 {
		return nil, "", false
	}
	skip := 0
	if n := matchAny(toks, 0, []string{"giao", "đối với", "yêu cầu", "đề nghị"}); n > 0 {
		skip = n
	}
	units, k := parseUnitList(toks, skip)
	if len(units) == 0 || k != len(toks) {
		return nil, "", false
	}
	var out []string
	for _, u := range units {
		out = append(out, ctx.res.canon(u.name))
	}
	return out, inline, true
}

// isAssessmentHeading reports headings of sections that review past
// results or list attendees rather than assign work.
func isAssessmentHeading(t string) bool {
	f := fold(t)
	for _, p := range []string{"danh gia", "ket qua", "tinh hinh", "thanh phan", "noi dung", "mot so ket qua", "nhung ton tai", "ton tai", "han che"} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// isAcknowledgement reports text that only acknowledges a proposal.
func isAcknowledgement(t string) bool {
	if len(t) > 70 {
		t = strings.ToValidUTF8(t[:70], "")
	}
	return ackCue(lowerVN(t))
}

// isAcknowledgementLow is isAcknowledgement for a caller that holds low =
// lowerVN(t). The head of t is then a prefix of low, unless cutting t
// leaves invalid UTF-8 other than a split last rune.
func isAcknowledgementLow(t, low string) bool {
	if len(t) > 70 {
		p := 70 // start of the rune at byte 70
		for p > 70-utf8.UTFMax && !utf8.RuneStart(t[p]) {
			p--
		}
		r, w := utf8.DecodeRuneInString(t[p:])
		if !utf8.RuneStart(t[p]) || p < 70 && (r == utf8.RuneError && w == 1 || p+w <= 70) || !utf8.ValidString(t[:p]) {
			return isAcknowledgement(t)
		}
		low = low[:p] // strings.ToValidUTF8 drops the split rune
	}
	return ackCue(low)
}

// ackCue reports acknowledgement wording in a lower-case head.
func ackCue(head string) bool {
	for _, c := range []string{"tiếp thu", "ghi nhận", "sẽ xem xét", "sẽ cân đối", "đã giải đáp", "đã được giải đáp"} {
		if strings.Contains(head, c) {
			return true
		}
	}
	return false
}

// hasAssignmentCue reports explicit assignment wording in a lower-case
// text.
func hasAssignmentCue(low string) bool {
	return strings.HasPrefix(low, "giao ") || strings.Contains(low, " giao ") && !strings.Contains(low, "được giao") ||
		strings.Contains(low, "yêu cầu") || strings.Contains(low, "đề nghị") || strings.Contains(low, "chủ trì") ||
		strings.Contains(low, " cần ") || strings.Contains(low, " phải ")
}

// startsImperative reports a lower-case text opening with a directive
// verb.
func startsImperative(low string) bool {
	for _, v := range imperativeStarts {
		if strings.HasPrefix(low, v) && (len(low) == len(v) || low[len(v)] == ' ' || low[len(v)] == ',') {
			return true
		}
	}
	return false
}

// isClosing reports the closing paragraph ("Trên đây là ...").
func isClosing(t string) bool {
	if strings.HasPrefix(t, "Trên đây") || strings.HasPrefix(t, "Nơi nhận") {
		return true
	}
	// "Văn phòng UBND tỉnh thông báo để Sở X, các cơ quan liên quan (biết,)
	// thực hiện./.": the notice's closing formula.
	if len(t) > 400 || !strings.Contains(t, "thông báo") {
		return false
	}
	low := strings.TrimRight(lowerVN(t), " ./")
	if !strings.Contains(low, "thông báo để ") && !strings.Contains(low, "thông báo đến ") && !strings.Contains(low, "thông báo cho ") {
		return false
	}
	return strings.HasSuffix(low, "thực hiện") || strings.HasSuffix(low, "biết") || strings.HasSuffix(low, "biết, thực hiện")
}

// newTask builds a task from its text and source range.
func newTask(raw *taskWords, start, end int, ctx *docCtx, secPath []string, key bool) Task {
	w := raw
	if text := cleanTaskText(raw.text); text != raw.text {
		w = newTaskWords(text)
	}
	due, dl := parseDeadline(w.text, w.low, ctx.ref)
	var refs []LegalRef
	if strings.IndexByte(w.text, '/') >= 0 {
		refs = legalRefs(w.text, w.tokens())
	}
	t := Task{Text: w.text, Deadline: dl, LegalRefs: refs, Start: start, End: end, Key: key}
	if due != "" {
		t.Due = &due
	}
	if dl.Kind == "none" && dl.Raw == "" {
		// Rated now, while the lower-case words are at hand.
		t.Confidence.DeadlineRule, t.Confidence.Deadline = deadlineConfidence(t, w.low)
	}
	if len(secPath) > 0 {
		t.Section = secPath // callers pass a fresh slice
	}
	return t
}

// cleanTaskText collapses whitespace and strips layout noise.
func cleanTaskText(s string) string {
	s = collapseSpaces(s)
	s = strings.TrimSpace(strings.Trim(s, "*_"))
	return s
}

// structuredTasks walks headings, bullets and paragraphs of a notice.
func structuredTasks(lines []logicalLine, ctx *docCtx) []*taskDraft {
	// A conclusion intro ("... kết luận như sau:") starts the directives.
	intro := -1
	for i, l := range lines {
		if l.kind != kindPara && l.kind != kindNumber {
			continue
		}
		low := lowerVN(l.text)
		if (strings.Contains(low, "kết luận") || strings.Contains(low, "chỉ đạo") || strings.Contains(low, "thống nhất")) && (strings.HasSuffix(strings.TrimSpace(low), ":") || strings.Contains(low, "như sau")) {
			intro = i
			break
		}
	}
	var drafts []*taskDraft
	var stack []*section
	path := func() ([]string, bool, bool) {
		var p []string
		key, assess := false, false
		for _, s := range stack {
			p = append(p, s.title)
			if s.key {
				key = true
			}
			if s.assess {
				assess = true
			}
		}
		return p, key, assess
	}
	inAssessment := func() bool {
		for _, s := range stack {
			if s.assess {
				return true
			}
		}
		return false
	}
	inherited := func() []string {
		for k := len(stack) - 1; k >= 0; k-- {
			if len(stack[k].units) > 0 {
				return stack[k].units
			}
		}
		return nil
	}
	push := func(level int, title string, units []string, assess bool) *section {
		for len(stack) > 0 && stack[len(stack)-1].level >= level {
			stack = stack[:len(stack)-1]
		}
		for _, p := range stack {
			assess = assess || p.assess
		}
		s := &section{level: level, title: title, units: units, assess: assess, key: containsLower(title, "trọng tâm")}
		stack = append(stack, s)
		return s
	}
	add := func(w *taskWords, l logicalLine, bullet bool, rule string) {
		p, key, _ := path()
		t := newTask(w, l.start, l.end, ctx, p, key)
		a := assign(w, ctx)
		d := &taskDraft{task: t, bullet: bullet, inherited: inherited(), rule: rule, leadFrom: "named"}
		if len(stack) > 0 {
			d.sec = stack[len(stack)-1]
			d.sec.children = append(d.sec.children, len(drafts))
			if bullet {
				d.sec.bullets++
			}
		}
		if len(a.lead) > 0 {
			d.task.Lead = a.lead
			d.explicit = true
		} else {
			d.task.Lead = d.inherited
			d.leadFrom = "heading"
		}
		d.task.Support = a.support
		drafts = append(drafts, d)
	}
	nextKind := func(i int) (lineKind, int) {
		if i+1 < len(lines) {
			return lines[i+1].kind, lines[i+1].level
		}
		return kindPara, -1
	}
	for i, l := range lines {
		if i <= intro {
			continue
		}
		if i == intro+1 {
			for _, s := range stack {
				s.assess = false
			}
		}
		if isClosing(l.text) {
			continue
		}
		body := l.body
		switch {
		case l.kind == kindNumber:
			units, inline, isUnit := headingUnits(body, ctx)
			nk, nl := nextKind(i)
			leaf := nk == kindNumber && nl <= l.level || nl == -1
			if isUnit {
				sec := push(l.level, body, units, false)
				if inline != "" && !sec.assess {
					add(ctx.words(inline), l, false, "item")
				}
				continue
			}
			assess := isAssessmentHeading(body)
			directive := strings.HasPrefix(body, "Giao ") || strings.HasPrefix(body, "Yêu cầu ") || strings.HasPrefix(body, "Đề nghị ")
			var w *taskWords
			if !directive && leaf && !assess && !parentAssessAt(stack, l.level) && fieldCount(body) > 20 {
				w = ctx.words(body)
				directive = hasAssignmentCue(w.low) || startsImperative(w.low)
			}
			if directive {
				if w == nil {
					w = ctx.words(body)
				}
				a := assign(w, ctx)
				push(l.level, body, a.lead, false)
				stack[len(stack)-1].assess = false
				p, key, _ := path()
				t := newTask(w, l.start, l.end, ctx, p[:len(p)-1], key)
				t.Lead, t.Support = a.lead, a.support
				drafts = append(drafts, &taskDraft{task: t, explicit: len(a.lead) > 0, rule: "item", leadFrom: "named"})
				continue
			}
			push(l.level, body, nil, assess)
		case l.kind == kindStar || l.emph:
			nk, _ := nextKind(i)
			txt := body
			if l.kind != kindStar {
				txt = l.text
			}
			if l.emph || strings.HasSuffix(txt, ":") || nk == kindBullet || nk == kindStar && false {
				units, _, isUnit := headingUnits(txt, ctx)
				if !isUnit {
					units = nil
				}
				push(10, strings.TrimRight(txt, ":* "), units, isAssessmentHeading(txt))
				continue
			}
			if !inAssessment() {
				if w := ctx.words(txt); !isAcknowledgementLow(txt, w.low) {
					add(w, l, true, "item")
				}
			}
		case l.kind == kindBullet:
			if inAssessment() {
				continue
			}
			if w := ctx.words(body); !isAcknowledgementLow(body, w.low) {
				add(w, l, true, "item")
			}
		default:
			if inAssessment() {
				continue
			}
			t := l.text
			if strings.HasSuffix(t, ":") && !strings.HasPrefix(t, "Giao") {
				continue
			}
			w := ctx.words(t)
			if isAcknowledgementLow(t, w.low) && !strings.HasPrefix(t, "Giao") {
				continue
			}
			if hasAssignmentCue(w.low) || startsImperative(w.low) || inherited() != nil {
				rule := "paragraph"
				if strings.HasPrefix(t, "Giao ") || strings.HasPrefix(t, "Yêu cầu ") || strings.HasPrefix(t, "Đề nghị ") {
					rule = "directive"
				}
				add(w, l, false, rule)
			}
		}
	}
	applyClosing(drafts, ctx)
	return drafts
}

// parentAssessAt reports whether an enclosing section above level reviews
// past results.
func parentAssessAt(stack []*section, level int) bool {
	for _, s := range stack {
		if s.level < level && s.assess {
			return true
		}
	}
	return false
}

// applyClosing makes the unit of a closing "Giao X ..." paragraph the lead
// of the section's bullets that name no other lead.
func applyClosing(drafts []*taskDraft, ctx *docCtx) {
	done := map[*section]bool{}
	for _, d := range drafts {
		s := d.sec
		if s == nil || done[s] || d.bullet || !d.explicit || !strings.HasPrefix(d.task.Text, "Giao") {
			continue
		}
		// The paragraph must follow at least one bullet of the section.
		var before []*taskDraft
		for _, idx := range s.children {
			if drafts[idx] == d {
				break
			}
			before = append(before, drafts[idx])
		}
		hasBullet := false
		for _, b := range before {
			if b.bullet {
				hasBullet = true
			}
		}
		if !hasBullet {
			continue
		}
		done[s] = true
		lead := d.task.Lead
		for _, idx := range s.children {
			b := drafts[idx]
			if !b.bullet {
				continue
			}
			if !b.explicit && len(b.inherited) == 0 {
				b.task.Lead = lead
				b.leadFrom = "closing"
			}
			if sameUnits(b.task.Lead, lead) && len(b.task.Support) == 0 && len(ctx.counterpart) > 0 {
				b.task.Support = append([]string(nil), ctx.counterpart...)
			}
		}
	}
}

// sameUnits compares unit lists by folded names.
func sameUnits(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if fold(a[i]) != fold(b[i]) {
			return false
		}
	}
	return true
}
