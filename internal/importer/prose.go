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
	results bool // a report before a colon lists results after it
	clauses []proseClause
}

// listsResults reports a sentence that lists results after a colon: the
// words before it report ("tình hình ... ổn định, an sinh xã hội được đảm
// bảo:", "đã đạt được các kết quả:") and direct nobody.
func listsResults(s string) bool {
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return false
	}
	head := lowerVN(s[:colon])
	for _, d := range directionVerbs {
		if strings.Contains(head, d) {
			return false
		}
	}
	for _, w := range []string{" được ", " đã ", "kết quả", " đạt ", "ổn định"} {
		if strings.Contains(head, w) {
			return true
		}
	}
	return false
}

// proseTasks extracts tasks from running prose: a news report of a
// meeting or a notice written without headings. The chair's words start
// at the first sentence where the chair concludes or directs; in a text
// without such a sentence every sentence may direct work.
func proseTasks(lines []logicalLine, ctx *docCtx) []*taskDraft {
	ctx.issuerLevel = issuerLevelOf(lines)
	ctx.council = councilConcludes(lines)
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
			units = append(units, proseUnit{line: li, results: listsResults(s.text), clauses: splitClauses(s.text, s.start, ctx)})
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
	// A quotation attributed after it ("“Xã, phường phải ...” - đó là chỉ
	// đạo của ...") directs from where it opens in its paragraph.
	if zone > 0 {
		first := zone
		for first > 0 && units[first-1].line == units[zone].line {
			first--
		}
		if quoteEnds(units[zone]) || opensQuote(lines[units[first].line].text) {
			zone = first
		}
	}
	// A news page where nobody concludes or directs reports the meeting:
	// its sentences without a subject list what was done or planned.
	reportOnly := zone < 0 && !ctx.formal
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
			task, rule := false, ""
			switch {
			case ui < zone && !(u.item && listOpen[u.line]):
			case f.framing:
			case f.assess && !f.named && !f.directs:
			case fieldCount(c.low) < 2:
				// "3. Gia": a word left where the page was cut.
			case f.report:
				reportLine = u.line
			case u.results && !f.directs && !f.cue:
				// "Trong tháng 6, tình hình ... được đảm bảo: ...; Trạm Y
				// tế tiếp tục làm tốt ...": results listed after a colon.
			case f.named:
				task, rule = true, "named"
			case reportOnly && !f.directs && !(u.item && listOpen[u.line]):
			case f.imperative && !f.cue && reportLine == u.line && prev == nil:
				// A sentence without a subject goes on reporting.
			case f.directs:
				task, rule = true, "directs"
			case f.imperative:
				task, rule = true, "verb"
			case u.item && listOpen[u.line]:
				task, rule = true, "list"
			}
			if prev != nil && !f.named && followsUp(c.low) {
				// "Thời gian hoàn thành trước ngày 30/6.": the deadline of
				// the task before.
				mergeInto(prev, c.words(ctx), l.start+min(c.end, l.end-l.start), ctx)
				continue
			}
			if !task {
				if f.framing && f.leadIn && f.named {
					// "đề nghị X tập trung một số nội dung sau:" names who
					// carries the items out.
					leadIn, leadInLine = f.lead, u.line
				}
				continue
			}
			lead, leadFrom := f.lead, "named"
			switch {
			case len(lead) > 0:
			case leadIn != nil:
				lead, leadFrom = leadIn, "lead_in"
			case f.elaborates && prev != nil:
				lead, leadFrom = prev.task.Lead, "previous"
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
			if u.item && rule != "named" {
				rule = "list"
			}
			d := &taskDraft{task: t, explicit: len(lead) > 0, rule: rule, leadFrom: leadFrom}
			drafts = append(drafts, d)
			prev, prevLine = d, u.line
			if f.leadIn && f.named {
				leadIn, leadInLine = f.lead, u.line
			}
		}
	}
	return drafts
}

// quoteEnds reports a sentence that closes a quotation.
func quoteEnds(u proseUnit) bool {
	for _, c := range u.clauses {
		if strings.Contains(c.text, "”") || strings.Count(c.text, "\"")%2 == 1 {
			return true
		}
	}
	return false
}

// opensQuote reports a paragraph that opens with a quotation mark.
func opensQuote(t string) bool {
	t = strings.TrimLeft(t, " ")
	return strings.HasPrefix(t, "“") || strings.HasPrefix(t, "\"")
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
		if len(out) > 0 && out[len(out)-1].f.listOpen {
			// "Giao các sở, ngành; UBND các huyện; các Ban QLDA báo cáo
			// ...": the addressees run on over the semicolons.
			if names, e := actorsAt(w.tokens(), 0, ctx, false); len(names) > 0 {
				last := &out[len(out)-1]
				last.text = strings.TrimSpace(s[last.start-off : end])
				last.low, last.end = lowerVN(last.text), off+end
				last.f.lead = append(last.f.lead, canonNames(ctx.dropIssuer(names), ctx)...)
				last.f.listOpen = endsClause(w.tokens(), e)
				return
			}
		}
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

// deliveryVerbs hand in the result of a task ("Yêu cầu gửi báo cáo ...").
var deliveryVerbs = []string{"gửi", "hoàn thành", "hoàn thiện", "nộp", "báo cáo", "trình"}

// followsUp reports a lower-case sentence that gives a deadline only: a
// cue of time ("Thời gian hoàn thành trước ngày 30/6"), or a request
// without addressee to hand in the result by a date ("Yêu cầu gửi báo cáo
// về Sở Kế hoạch và Đầu tư trước ngày 23/5").
func followsUp(low string) bool {
	for _, f := range followUps {
		if strings.HasPrefix(low, f) {
			return true
		}
	}
	if rest, ok := strings.CutPrefix(low, "yêu cầu "); ok {
		for _, v := range deliveryVerbs {
			if strings.HasPrefix(rest, v+" ") {
				for i := 0; i < len(low); i++ {
					if isDigitStart(low[i:]) && cueBefore(low, i) >= 0 {
						return true
					}
				}
			}
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
