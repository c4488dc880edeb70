package importer

import "strings"

// How sure a task's reading is follows from the rule that read each part:
// the review screen shows the levels and asks the Office to check the
// guesses first.

// boundaryLevels gives each boundary rule its level.
var boundaryLevels = map[string]string{
	"item": Sure, "directive": Sure, "added": Sure,
	"named": Likely, "paragraph": Likely, "directs": Likely, "list": Likely,
	"verb": Guess,
}

// unitsLevels gives each rule a lead came from its level.
var unitsLevels = map[string]string{
	"named": Sure, "heading": Sure,
	"closing": Likely, "lead_in": Likely,
	"previous": Guess, "none": Guess,
}

// confidenceRank orders levels from the surest.
var confidenceRank = map[string]int{Sure: 0, Likely: 1, Guess: 2}

// weaker returns the less sure of two levels.
func weaker(a, b string) string {
	if confidenceRank[b] > confidenceRank[a] {
		return b
	}
	return a
}

// confidenceOf rates a task read by d's rules; res tells how its lead
// names met the directory.
func confidenceOf(d *taskDraft, res *unitResolver) Confidence {
	c := Confidence{BoundaryRule: d.rule, UnitsRule: d.leadFrom}
	if c.BoundaryRule == "" {
		c.BoundaryRule = "paragraph"
	}
	c.Boundary = boundaryLevels[c.BoundaryRule]
	if len(d.task.Lead) == 0 {
		c.UnitsRule = "none"
	}
	c.Units = unitsLevels[c.UnitsRule]
	if c.Units == "" {
		c.UnitsRule, c.Units = "named", Sure
	}
	for _, name := range d.task.Lead {
		switch res.how[name] {
		case matchFuzzy:
			if confidenceRank[c.Units] < confidenceRank[Likely] {
				c.UnitsRule = "fuzzy"
			}
			c.Units = weaker(c.Units, Likely)
		case matchNone:
			c.UnitsRule, c.Units = "unresolved", Guess
		}
	}
	c.DeadlineRule, c.Deadline = deadlineConfidence(d.task, "")
	return c
}

// deadlineConfidence rates a task's deadline: a day printed in the text is
// sure, a period likely; no deadline is sure when the text has no words of
// time, and a guess when it has some the parser did not read.
// low is lowerVN(t.Text) when the caller has it, else "". A task without
// a deadline keeps the rating newTask gave it from its words.
func deadlineConfidence(t Task, low string) (string, string) {
	switch t.Deadline.Kind {
	case "date":
		if t.Due != nil && printsDay(t.Deadline.Raw) {
			return "date", Sure
		}
		return "period", Likely
	case "month", "quarter":
		return "period", Likely
	case "recurring":
		return "recurring", Likely
	case "event":
		return "event", Likely
	}
	if t.Deadline.Raw != "" {
		return "open", Likely
	}
	if low == "" {
		if r := t.Confidence.DeadlineRule; r == "none" || r == "unread" {
			return r, t.Confidence.Deadline
		}
		low = lowerVN(t.Text)
	}
	for _, w := range timeWords {
		if strings.Contains(low, w) {
			return "unread", Guess
		}
	}
	return "none", Sure
}

// timeWords are words that usually carry a deadline.
var timeWords = []string{"trước ngày", "chậm nhất", "hoàn thành trước", "xong trước", "thời hạn", "hạn chót",
	"trong tháng", "trong quý", "cuối tháng", "đầu tháng", "trước tháng", "cuối quý", "trước quý", "cuối năm", "trong năm"}

// printsDay reports a deadline's wording that prints a day ("trước
// 05/3/2023", "trước ngày 15 tháng 3").
func printsDay(raw string) bool {
	for i := 0; i+2 < len(raw); i++ {
		if raw[i] >= '0' && raw[i] <= '9' {
			rest := strings.TrimLeft(raw[i+1:], "0123456789 ")
			if strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "tháng") {
				return true
			}
			for i+1 < len(raw) && raw[i+1] >= '0' && raw[i+1] <= '9' {
				i++
			}
		}
	}
	return false
}

// ReadTask reads one task from its words alone, as Extract reads a task of
// a notice: its lead and support units (resolved against opt.Units, when
// given), its deadline (a date without a year takes refYear) and its legal
// references. The review screen reads a task the Office adds with it. The
// task's span is the whole text; its boundary rule is "added".
func ReadTask(text string, refYear int, opt Options) Task {
	text = cleanTaskText(text)
	ctx := &docCtx{res: newUnitResolver(text, opt.Units), ref: refDate{y: refYear}}
	w := newTaskWords(text)
	t := newTask(w, 0, len(text), ctx, nil, false)
	a := assign(w, ctx)
	t.Lead, t.Support = a.lead, a.support
	if t.Lead == nil {
		t.Lead = []string{}
	}
	if t.Support == nil {
		t.Support = []string{}
	}
	d := &taskDraft{task: t, rule: "added", leadFrom: "named"}
	t.Confidence = confidenceOf(d, ctx.res)
	return t
}
