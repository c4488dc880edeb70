package app

import (
	"regexp"
	"slices"
	"strings"

	"giaoban/internal/domain"
)

// The rules by which the Office reshapes an import draft's tasks before
// confirming it: a task cut in two at a "---" line, a task joined to the one
// above, and the part of the source text each task stands for. The review
// page reads its form into RevisedTasks and calls ReviseTasks; it only
// highlights the spans.

// SplitMarker, alone on a line of a task's text, splits the task there.
const SplitMarker = "---"

// HasSpan reports whether the task's span [Start, End) is a non-empty part
// of src, the draft's source text.
func (t *ImportTask) HasSpan(src string) bool {
	return t.Start >= 0 && t.Start < t.End && t.End <= len(src)
}

// RevisedTask is one of a draft's tasks as the user corrected it, keeping
// its section and span; Merge joins it to the task above.
type RevisedTask struct {
	ImportTask
	Merge bool
}

// ReviseTasks makes revised, in order, the draft's tasks: a task is split at
// the lines of its text that hold only SplitMarker, one marked Merge (but the
// first) is joined to the task above it, each task's unresolved names are
// trimmed and held once, and the draft's Unresolved is gathered again from
// the tasks.
func (d *ImportDraft) ReviseTasks(revised []RevisedTask) {
	var tasks []ImportTask
	for _, rt := range revised {
		t := rt.ImportTask
		t.UnresolvedLead, t.UnresolvedSupport = appendNames(nil, t.UnresolvedLead...), appendNames(nil, t.UnresolvedSupport...)
		pieces := d.splitTask(t)
		if rt.Merge && len(tasks) > 0 {
			d.mergeTask(&tasks[len(tasks)-1], pieces[0])
			pieces = pieces[1:]
		}
		tasks = append(tasks, pieces...)
	}
	d.Tasks = tasks
	d.Unresolved = nil
	for _, t := range tasks {
		d.Unresolved = appendNames(d.Unresolved, t.UnresolvedLead...)
		d.Unresolved = appendNames(d.Unresolved, t.UnresolvedSupport...)
	}
}

// splitTask cuts t at the lines of its text that hold only SplitMarker. Each
// piece keeps t's units, deadline and flags. The pieces share t's span of the
// source text when each piece after the first is found there (by its first
// words); otherwise the first piece keeps the span and the others have none.
// Empty pieces are dropped, so one task always comes back.
func (d *ImportDraft) splitTask(t ImportTask) []ImportTask {
	var parts []string
	var cur []string
	for _, l := range strings.Split(t.Text, "\n") {
		if strings.TrimSpace(l) == SplitMarker {
			parts = append(parts, strings.TrimSpace(strings.Join(cur, "\n")))
			cur = nil
			continue
		}
		cur = append(cur, l)
	}
	parts = append(parts, strings.TrimSpace(strings.Join(cur, "\n")))
	parts = slices.DeleteFunc(parts, func(p string) bool { return p == "" })
	if len(parts) <= 1 {
		t.Text = strings.Join(parts, "")
		return []ImportTask{t}
	}
	out := make([]ImportTask, len(parts))
	for i, p := range parts {
		c := t
		c.Text, c.Start, c.End = p, 0, 0
		c.Lead, c.Support = slices.Clone(t.Lead), slices.Clone(t.Support)
		c.LeadGroups, c.SupportGroups = slices.Clone(t.LeadGroups), slices.Clone(t.SupportGroups)
		c.UnresolvedLead, c.UnresolvedSupport = slices.Clone(t.UnresolvedLead), slices.Clone(t.UnresolvedSupport)
		c.LegalRefs = slices.Clone(t.LegalRefs)
		out[i] = c
	}
	src := d.SourceText
	if !t.HasSpan(src) {
		return out
	}
	cuts := []int{t.Start}
	for _, p := range parts[1:] {
		from := cuts[len(cuts)-1] + 1
		at := findWords(src[from:t.End], p)
		if at < 0 {
			out[0].Start, out[0].End = t.Start, t.End
			return out
		}
		cuts = append(cuts, from+at)
	}
	cuts = append(cuts, t.End)
	for i := range out {
		start, end := cuts[i], cuts[i+1]
		end = start + len(strings.TrimRight(src[start:end], " \t\r\n"))
		out[i].Start, out[i].End = start, end
	}
	return out
}

// findWords returns where the first words of text stand in hay, whatever
// the spacing and line breaks between them, or -1.
func findWords(hay, text string) int {
	words := strings.Fields(text)
	if len(words) > 5 {
		words = words[:5]
	}
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(strings.Join(words, `\s+`))
	if err != nil {
		return -1
	}
	loc := re.FindStringIndex(hay)
	if loc == nil {
		return -1
	}
	return loc[0]
}

// mergeTask adds b to a: texts joined, units and references united, a's
// deadline kept unless it has none, the span stretched over both.
func (d *ImportDraft) mergeTask(a *ImportTask, b ImportTask) {
	a.Text = strings.TrimSpace(a.Text + "\n" + b.Text)
	for _, id := range b.Lead {
		a.Lead = appendID(a.Lead, id)
	}
	for _, id := range b.Support {
		a.Support = appendID(a.Support, id)
	}
	for _, id := range b.LeadGroups {
		a.LeadGroups = appendID(a.LeadGroups, id)
	}
	for _, id := range b.SupportGroups {
		a.SupportGroups = appendID(a.SupportGroups, id)
	}
	a.UnresolvedLead = appendNames(a.UnresolvedLead, b.UnresolvedLead...)
	a.UnresolvedSupport = appendNames(a.UnresolvedSupport, b.UnresolvedSupport...)
	a.LegalRefs = appendNames(a.LegalRefs, b.LegalRefs...)
	if a.Deadline.Kind == "" || a.Deadline.Kind == domain.DeadlineNone {
		a.Deadline = b.Deadline
	}
	a.Key = a.Key || b.Key
	a.Skip = a.Skip && b.Skip
	switch src := d.SourceText; {
	case a.HasSpan(src) && b.HasSpan(src):
		a.Start, a.End = min(a.Start, b.Start), max(a.End, b.End)
	case b.HasSpan(src):
		a.Start, a.End = b.Start, b.End
	}
}

// appendNames adds each of names, trimmed, that is not blank and not in list
// yet.
func appendNames(list []string, names ...string) []string {
	for _, name := range names {
		if name = strings.TrimSpace(name); name != "" && !slices.Contains(list, name) {
			list = append(list, name)
		}
	}
	return list
}
