package app

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/importer"
	"giaoban/internal/textfold"
)

// The review of an import draft: what the importer is unsure of, tasks
// the Office adds, and what becomes of each task without a lead unit. No
// task is ever dropped silently: one without a lead unit is stored only
// as the Office decides (its group expanded, kept waiting for units, a
// unit chosen, or left unassigned) or left out because the Office said so.

// Decision is what the Office chose for a task without a lead unit.
type Decision string

// Decisions.
const (
	// DecideExpand gives the task to the members of its lead groups.
	DecideExpand Decision = "expand"
	// DecideWait keeps the task led by its groups, waiting in "Nhiệm vụ
	// chưa xác định đơn vị" for the Office to pick the units.
	DecideWait Decision = "wait"
	// DecideUnit gives the task to the units the Office picked (Pick).
	DecideUnit Decision = "unit"
	// DecideUnassigned stores the task without any lead, listed for the
	// Office to resolve.
	DecideUnassigned Decision = "unassigned"
	// DecideSkip leaves the task out of the import.
	DecideSkip Decision = "skip"
)

// Label is the decision's Vietnamese wording.
func (d Decision) Label() string {
	switch d {
	case DecideExpand:
		return "Chia cho các đơn vị thành viên của nhóm"
	case DecideWait:
		return "Giữ nhóm, chờ Văn phòng xác định đơn vị"
	case DecideUnit:
		return "Giao cho đơn vị chọn dưới đây"
	case DecideUnassigned:
		return "Nhập, chưa xác định đơn vị chủ trì"
	case DecideSkip:
		return "Không nhập nhiệm vụ này"
	}
	return ""
}

// NeedsDecision reports whether confirming must ask what to do with t: it
// is kept and has no lead unit (none at all, or only groups).
func (t *ImportTask) NeedsDecision() bool {
	return !t.Skip && len(t.Lead) == 0
}

// Uncertain reports whether the importer guessed at the task's
// boundaries, units or deadline, so that the Office checks it first.
func (t *ImportTask) Uncertain() bool {
	c := t.Confidence
	return c.Boundary == importer.Guess || c.Units == importer.Guess || c.Deadline == importer.Guess
}

// rateUnits sets how sure the task's lead units are once resolved against
// the directory: a name the directory lacks or no lead at all is a guess,
// a group waits for the Office's choice.
func (t *ImportTask) rateUnits() {
	c := &t.Confidence
	switch {
	case len(t.UnresolvedLead) > 0:
		c.UnitsRule, c.Units = "unresolved", importer.Guess
	case len(t.Lead) == 0 && len(t.LeadGroups) > 0:
		c.UnitsRule, c.Units = "group", importer.Likely
	case len(t.Lead) == 0:
		c.UnitsRule, c.Units = "none", importer.Guess
	}
}

// Checked marks the parts of t the Office has changed on the review as
// sure: what it wrote is what it meant.
func (t *ImportTask) Checked(old *ImportTask) {
	c := &t.Confidence
	if strings.TrimSpace(t.Text) != strings.TrimSpace(old.Text) {
		c.BoundaryRule, c.Boundary = "office", importer.Sure
	}
	if !slices.Equal(t.Lead, old.Lead) || !slices.Equal(t.LeadGroups, old.LeadGroups) {
		c.UnitsRule, c.Units = "office", importer.Sure
		t.rateUnits()
	}
	if t.Deadline != old.Deadline {
		c.DeadlineRule, c.Deadline = "office", importer.Sure
	}
}

// SpreadByDefaultMax is the most units a task's lead groups may expand to
// for confirming an import to spread the task over them unless the Office
// says otherwise. Spreading makes one lead assignment per member: a notice
// that gives a task to "các cơ quan, đơn vị khối VH-XH" does not always
// mean each of its twenty units must report on it, so a larger group keeps
// the task waiting for the Office to pick the units (or to spread it
// knowingly).
const SpreadByDefaultMax = 10

// Suggest is the decision proposed for a task without a lead unit
// (Suggestion without its reason).
func (t *ImportTask) Suggest(dir *Directory) Decision {
	d, _ := t.Suggestion(dir)
	return d
}

// Suggestion is the decision proposed for a task without a lead unit, and
// why, in Vietnamese for the confirmation step: the members of its groups
// when every group is closed, has members and they are at most
// SpreadByDefaultMax units in all; otherwise the groups kept waiting for
// the Office. A task naming no group is left unassigned.
func (t *ImportTask) Suggestion(dir *Directory) (Decision, string) {
	if len(t.LeadGroups) == 0 {
		if len(t.UnresolvedLead) > 0 {
			return DecideUnassigned, fmt.Sprintf("Danh mục chưa có «%s» (thêm ở trang kiểm tra thì lần sau tự nhận ra): mặc định nhập, chưa xác định đơn vị chủ trì.",
				strings.Join(t.UnresolvedLead, "», «"))
		}
		return DecideUnassigned, "Văn bản không nêu đơn vị hay nhóm chủ trì: mặc định nhập, chưa xác định đơn vị chủ trì."
	}
	for _, id := range t.LeadGroups {
		g := dir.Group(id)
		switch {
		case g == nil:
			return DecideWait, "Nhóm chủ trì không còn trong danh mục: mặc định giữ chờ Văn phòng xác định đơn vị."
		case g.Open:
			return DecideWait, fmt.Sprintf("«%s» là nhóm mở, không xác định hết thành viên: mặc định giữ nhóm, chờ Văn phòng chọn cụ thể đơn vị.", g.Name)
		case len(dir.GroupMembers(id)) == 0:
			return DecideWait, fmt.Sprintf("«%s» chưa có đơn vị thành viên nào trong danh mục: mặc định giữ nhóm, chờ Văn phòng xác định đơn vị.", g.Name)
		}
	}
	n := len(t.Members(dir))
	if n > SpreadByDefaultMax {
		return DecideWait, fmt.Sprintf("Nhóm có %d đơn vị, quá %d: chia cho cả nhóm sẽ thành %d lượt giao đơn vị chủ trì, nên mặc định giữ nhóm chờ Văn phòng chọn đơn vị. Chọn “%s” nếu văn bản giao cho tất cả các đơn vị.",
			n, SpreadByDefaultMax, n, DecideExpand.Label())
	}
	return DecideExpand, fmt.Sprintf("Nhóm xác định rõ %d đơn vị thành viên: mặc định chia cho cả %d đơn vị.", n, n)
}

// Choices are the decisions the Office may take for t beside picking a
// unit (DecideUnit), which the page offers as a list of units.
func (t *ImportTask) Choices(dir *Directory) []Decision {
	var out []Decision
	if len(t.LeadGroups) > 0 {
		if t.expandable(dir) {
			out = append(out, DecideExpand)
		}
		out = append(out, DecideWait)
	}
	return append(out, DecideUnassigned, DecideSkip)
}

// expandable reports whether t's lead groups have members to expand to.
func (t *ImportTask) expandable(dir *Directory) bool {
	n := 0
	for _, id := range t.LeadGroups {
		n += len(dir.GroupMembers(id))
	}
	return n > 0
}

// Members lists the units t's lead groups expand to, once each.
func (t *ImportTask) Members(dir *Directory) []int64 {
	var out []int64
	for _, id := range t.LeadGroups {
		for _, u := range dir.GroupMembers(id) {
			out = appendID(out, u)
		}
	}
	return out
}

// DecideDefaults gives every task that needs a decision and has none the
// suggested one (for the import command, which asks nobody).
func (d *ImportDraft) DecideDefaults(dir *Directory) {
	for i := range d.Tasks {
		if t := &d.Tasks[i]; t.NeedsDecision() && t.Decision == "" {
			t.Decision = t.Suggest(dir)
		}
	}
}

// ImportPlan counts what confirming a draft would store, before anything
// is: the Office reads it on the confirmation step.
type ImportPlan struct {
	Stored     int // tasks stored
	Led        int // of them, with lead units read or picked
	Expanded   int // of them, given to their groups' members
	Units      int // units the expanded groups give the tasks to, each task counted
	Waiting    int // of them, led by groups waiting for units
	Unassigned int // of them, without any lead
	Skipped    int // tasks left out
	Undecided  int // tasks without a lead unit whose fate is not chosen yet
	// Asks are the indexes of the tasks confirming asks about (without a
	// lead unit), in order.
	Asks []int
}

// Plan counts what confirming d would store with dir.
func (d *ImportDraft) Plan(dir *Directory) ImportPlan {
	var p ImportPlan
	for i := range d.Tasks {
		t := &d.Tasks[i]
		if t.Skip {
			p.Skipped++
			continue
		}
		if !t.NeedsDecision() {
			p.Stored++
			p.Led++
			continue
		}
		p.Asks = append(p.Asks, i)
		switch t.Decision {
		case DecideSkip:
			p.Skipped++
			continue
		case DecideExpand:
			p.Expanded++
			p.Units += len(t.Members(dir))
		case DecideWait:
			p.Waiting++
		case DecideUnit:
			p.Led++
		case DecideUnassigned:
			p.Unassigned++
		default:
			p.Undecided++
			continue
		}
		p.Stored++
	}
	return p
}

// PlanImport is d.Plan over the actor's directory (admin or Office).
func (s *Service) PlanImport(ctx context.Context, actor *domain.User, d *ImportDraft) (*ImportPlan, error) {
	if err := needManage(actor); err != nil {
		return nil, err
	}
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	p := d.Plan(dir)
	return &p, nil
}

// decided applies t's decision to the task about to be stored: its lead
// units and groups, and whether it may have no lead. It reports false for
// a task left out.
func (t *ImportTask) decided(dir *Directory, task *domain.Task) (keep, unassigned bool, err error) {
	if !t.NeedsDecision() {
		return true, false, nil
	}
	switch t.Decision {
	case DecideSkip:
		return false, false, nil
	case DecideExpand:
		members := t.Members(dir)
		if len(members) == 0 {
			return false, false, invalid("nhóm không có đơn vị thành viên nào để chia nhiệm vụ; hãy chọn cách khác")
		}
		task.Lead, task.LeadGroups = members, nil
		task.Support = slices.DeleteFunc(slices.Clone(task.Support), func(id int64) bool { return slices.Contains(members, id) })
	case DecideWait:
		if len(t.LeadGroups) == 0 {
			return false, false, invalid("nhiệm vụ không giao cho nhóm nào để chờ xác định đơn vị; hãy chọn cách khác")
		}
	case DecideUnit:
		if len(t.Pick) == 0 {
			return false, false, invalid("hãy chọn đơn vị chủ trì")
		}
		for _, id := range t.Pick {
			if dir.Unit(id) == nil {
				return false, false, invalid("đơn vị không có trong danh mục")
			}
		}
		task.Lead, task.LeadGroups = slices.Clone(t.Pick), nil
		task.Support = slices.DeleteFunc(slices.Clone(task.Support), func(id int64) bool { return slices.Contains(t.Pick, id) })
	case DecideUnassigned:
		task.LeadGroups = nil
		return true, true, nil
	default:
		return false, false, invalid("chưa có đơn vị chủ trì: hãy chọn cách xử lý (chọn đơn vị, chia cho nhóm, để chờ hoặc không nhập)")
	}
	return true, false, nil
}

// AddTask adds a task the Office selected in the source text or typed:
// its units and deadline read from its words as the importer reads a
// task's; placed in document order by where it stands in the source (its
// span [start, end), or where its words are found), or last. Words that
// belong to a task already are refused. It returns the task's index.
func (s *Service) AddTask(ctx context.Context, actor *domain.User, d *ImportDraft, text string, start, end int) (int, error) {
	if err := needManage(actor); err != nil {
		return 0, err
	}
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	src := d.SourceText
	span := start >= 0 && start < end && end <= len(src)
	if span && text == "" {
		text = strings.Join(strings.Fields(src[start:end]), " ")
	}
	if text == "" {
		return 0, invalid("hãy chọn một đoạn trong văn bản gốc hoặc gõ nội dung nhiệm vụ cần thêm")
	}
	if span && textfold.Fold(strings.Join(strings.Fields(src[start:end]), " ")) != textfold.Fold(strings.Join(strings.Fields(text), " ")) {
		span = false // the text was changed after the selection: find it again
	}
	if !span {
		start, end = -1, -1
		if at := findWords(src, text); at >= 0 {
			start, end = at, at+spanLength(src[at:], text)
		}
	}
	if start >= 0 {
		for i := range d.Tasks {
			if o := &d.Tasks[i]; o.HasSpan(src) && start < o.End && o.Start < end {
				// The same words twice would be one task counted twice.
				return 0, invalid("đoạn này thuộc nhiệm vụ %d; để tách nhiệm vụ đó, thêm một dòng chỉ có %s vào nội dung của nó", i+1, SplitMarker)
			}
		}
	}
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return 0, err
	}
	year := d.MeetingDate.Year
	if year == 0 {
		year = d.Notice.IssuedOn.Year
	}
	read := importer.ReadTask(text, year, importer.Options{Units: directoryNames(dir)})
	t := ImportTask{Text: text, Start: max(start, 0), End: max(end, 0), Added: true}
	units := draftUnits{r: dir.Resolver()}
	t.UnresolvedLead, t.Lead, t.LeadGroups = units.resolve(read.Lead, nil, nil)
	t.UnresolvedSupport, t.Support, t.SupportGroups = units.resolve(read.Support, nil, nil)
	if t.Deadline, err = deadlineFrom(read); err != nil {
		return 0, err
	}
	for _, r := range read.LegalRefs {
		if ref, err := legalRefText(r); err == nil {
			t.LegalRefs = append(t.LegalRefs, ref)
		}
	}
	t.Confidence = read.Confidence
	t.Confidence.BoundaryRule, t.Confidence.Boundary = "office", importer.Sure
	t.rateUnits()
	at := len(d.Tasks)
	if start >= 0 {
		at = sort.Search(len(d.Tasks), func(i int) bool {
			o := &d.Tasks[i]
			return o.HasSpan(src) && o.Start > start
		})
		// Tasks without a span after the insertion point stay after it.
		for at > 0 && !d.Tasks[at-1].HasSpan(src) {
			at--
		}
	}
	if at > 0 {
		t.Section = d.Tasks[at-1].Section
	} else if len(d.Tasks) > 0 {
		t.Section = d.Tasks[0].Section
	}
	d.Tasks = slices.Insert(d.Tasks, at, t)
	d.Unresolved = appendNames(d.Unresolved, t.UnresolvedLead...)
	d.Unresolved = appendNames(d.Unresolved, t.UnresolvedSupport...)
	return at, nil
}

// spanLength is how many bytes of hay, from its start, hold the words of
// text, whatever the spacing between them.
func spanLength(hay, text string) int {
	pos := 0
	for _, w := range strings.Fields(text) {
		i := strings.Index(hay[pos:], w)
		if i < 0 {
			break
		}
		pos += i + len(w)
	}
	return pos
}

// directoryNames is the directory as the importer resolves names against
// it: units and groups, each with its aliases.
func directoryNames(dir *Directory) []importer.UnitName {
	var names []importer.UnitName
	for _, u := range dir.Units {
		names = append(names, importer.UnitName{Name: u.Name, Aliases: u.Aliases})
	}
	for _, g := range dir.Groups {
		names = append(names, importer.UnitName{Name: g.Name, Aliases: g.Aliases})
	}
	return names
}

// sectionKind is the role of a section read from a notice, from its
// heading's words: the review of past results, answers to proposals, the
// tasks; other parts (the opening, the attendees, the closing) are other.
func sectionKind(heading string, paragraphs []string) domain.SectionKind {
	f := textfold.Fold(heading)
	switch {
	case f == "":
		return domain.SectionOther
	case strings.Contains(f, "de xuat") || strings.Contains(f, "kien nghi") || strings.Contains(f, "vuong mac"):
		return domain.SectionAnswers
	case strings.Contains(f, "nhiem vu") && !strings.Contains(f, "ket qua"), strings.Contains(f, "giao"), strings.Contains(f, "chi dao"):
		return domain.SectionTasks
	case strings.Contains(f, "ket qua") || strings.Contains(f, "danh gia") || strings.Contains(f, "tinh hinh"):
		return domain.SectionAssessment
	}
	for _, p := range paragraphs {
		if strings.HasPrefix(strings.TrimSpace(p), "-") {
			return domain.SectionTasks
		}
	}
	return domain.SectionOther
}
