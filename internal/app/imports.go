package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/importer"
	"giaoban/internal/store"
)

// ImportTask is one extracted task as the review screen edits it: unit names
// resolved to the directory where possible.
type ImportTask struct {
	Text    string
	Lead    []int64
	Support []int64
	// Groups the text names as lead or support ("UBND các xã, thị trấn"):
	// stored as such, the task waits for the Office to expand them, unless
	// the review replaces them by Directory.GroupMembers first.
	LeadGroups, SupportGroups []int64
	// Names found in the text that match no unit, as lead and as support.
	UnresolvedLead, UnresolvedSupport []string
	Deadline                          domain.Deadline
	LegalRefs                         []string
	Section                           string
	Key                               bool
	Start, End                        int // where the task stands in the source text
	Skip                              bool
	// Confidence is how sure the importer is of the task's boundaries,
	// units and deadline; the parts the Office changed become sure.
	Confidence importer.Confidence
	// Added marks a task the Office added on the review.
	Added bool
	// Decision is what confirming does with a task without a lead unit;
	// Pick holds the units chosen for DecideUnit.
	Decision Decision
	Pick     []int64
	// TaskID is the task stored for it, once the import is confirmed.
	TaskID int64
}

// ImportDraft is a notice read from a file, waiting for the Office to check
// and confirm it. Nothing is stored until ConfirmImport.
type ImportDraft struct {
	Source      string
	SourceText  string
	Format      string
	Encoding    string
	Notice      domain.Notice
	MeetingDate domain.Date
	Chair       string
	Tasks       []ImportTask
	Unresolved  []string // every unresolved unit name, once
	// Spans are where each of Notice.Sections stands in SourceText, so that
	// a task is filed under the section it was read from.
	Spans [][2]int

	// CorrectionOf, when set, is the notice this one corrects: the user said
	// so after being told it is a notice the organisation has. Correction is
	// how (a Thông báo đính chính or a replacing notice).
	CorrectionOf int64
	Correction   domain.CorrectionKind
}

// ExtractNotice reads a notice file (or pasted text) and proposes a draft, with
// unit names resolved against the actor's directory (admin or Office).
func (s *Service) ExtractNotice(ctx context.Context, actor *domain.User, name string, data []byte, maxBytes int64) (*ImportDraft, error) {
	if err := needManage(actor); err != nil {
		return nil, err
	}
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	doc, err := importer.Extract(name, data, importer.Options{MaxBytes: maxBytes, Units: directoryNames(dir)})
	if err != nil {
		return nil, importError(err)
	}
	return draftFrom(dir, doc)
}

// importError turns the importer's errors into the service's kinds, keeping
// the importer's Vietnamese message.
func importError(err error) error {
	if errors.Is(err, importer.ErrTooLarge) {
		return fmt.Errorf("%w: %s", domain.ErrTooLarge, err.Error())
	}
	return fmt.Errorf("%w: %s", domain.ErrInvalid, err.Error())
}

// draftFrom turns the importer's document into a draft, its unit names
// resolved against dir.
func draftFrom(dir *Directory, doc *importer.Document) (*ImportDraft, error) {
	d := &ImportDraft{Source: doc.Source, SourceText: doc.SourceText, Format: doc.Format, Encoding: doc.Encoding}
	n := &d.Notice
	n.Title = doc.Title
	n.Place, n.Symbol = doc.Place, doc.Symbol
	n.Issuer, n.Superior = doc.Issuer, doc.Superior
	if num, _, ok := strings.Cut(doc.Number, "/"); ok {
		n.Number = strings.TrimSpace(num)
	}
	var err error
	if n.IssuedOn, err = domain.ParseOptionalDate("ngày ban hành", doc.IssuedOn); err != nil {
		return nil, err
	}
	if doc.Signer != nil {
		n.SignerName = *doc.Signer
	}
	n.SignerAuthority = strings.ReplaceAll(doc.SignerAuthority, " / ", "/")
	n.SignerTitle = strings.ReplaceAll(doc.SignerPosition, " / ", "/")
	d.setSections(doc)
	n.Recipients = doc.Recipients
	if d.MeetingDate, err = domain.ParseOptionalDate("ngày họp", doc.Meeting.Date); err != nil {
		return nil, err
	}
	if doc.Meeting.Chair != nil {
		d.Chair = strings.TrimSpace(doc.Meeting.ChairTitle + " " + *doc.Meeting.Chair)
	}
	units := draftUnits{r: dir.Resolver()}
	for i, t := range doc.Tasks {
		it := ImportTask{Text: t.Text, Start: t.Start, End: t.End, Key: t.Key, Section: strings.Join(t.Section, " › ")}
		it.UnresolvedLead, it.Lead, it.LeadGroups = units.resolve(t.Lead, nil, nil)
		it.UnresolvedSupport, it.Support, it.SupportGroups = units.resolve(t.Support, nil, nil)
		if it.Deadline, err = deadlineFrom(t); err != nil {
			return nil, fmt.Errorf("nhiệm vụ %d: %w", i+1, err)
		}
		it.Confidence = t.Confidence
		it.rateUnits()
		for _, r := range t.LegalRefs {
			ref, err := legalRefText(r)
			if err != nil {
				return nil, fmt.Errorf("nhiệm vụ %d: %w", i+1, err)
			}
			it.LegalRefs = append(it.LegalRefs, ref)
		}
		d.Tasks = append(d.Tasks, it)
	}
	d.Unresolved = units.unresolved
	return d, nil
}

// setSections makes the sections doc read the notice's, each with its span
// of the source text.
func (d *ImportDraft) setSections(doc *importer.Document) {
	d.Notice.Sections, d.Spans = nil, nil
	for _, sec := range doc.Sections {
		heading := strings.TrimSpace(sec.Number + " " + sec.Heading)
		d.Notice.Sections = append(d.Notice.Sections, domain.Section{Kind: sectionKind(heading, sec.Paragraphs), Heading: heading,
			Body: strings.Join(sec.Paragraphs, "\n")})
		d.Spans = append(d.Spans, [2]int{sec.Start, sec.End})
	}
}

// deadlineFrom maps the importer's deadline to the domain's.
func deadlineFrom(t importer.Task) (domain.Deadline, error) {
	due, err := domain.ParseOptionalDate("thời hạn", t.Due)
	if err != nil {
		return domain.Deadline{}, err
	}
	return deadlineOf(t.Deadline, due), nil
}

// deadlineOf maps the importer's kind of deadline and its due day to the
// domain's deadline.
func deadlineOf(dl importer.Deadline, due domain.Date) domain.Deadline {
	switch dl.Kind {
	case "date":
		if !due.IsZero() {
			return domain.Deadline{Kind: domain.DeadlineDate, Date: due}
		}
	case "month":
		if !due.IsZero() {
			return domain.Deadline{Kind: domain.DeadlineMonth, Date: due}
		}
	case "quarter":
		if !due.IsZero() {
			return domain.Deadline{Kind: domain.DeadlineQuarter, Date: due}
		}
	case "recurring":
		switch dl.Recurrence {
		case "monthly":
			return domain.Deadline{Kind: domain.DeadlineRecurring, Every: domain.EveryMonth, Day: 31}
		case "quarterly":
			return domain.Deadline{Kind: domain.DeadlineRecurring, Every: domain.EveryQuarter, Day: 31}
		case "yearly":
			return domain.Deadline{Kind: domain.DeadlineRecurring, Every: domain.EveryYear, Day: 31}
		}
	case "event":
		if dl.Event != "" {
			return domain.Deadline{Kind: domain.DeadlineEvent, Event: dl.Event}
		}
	}
	if !due.IsZero() {
		return domain.Deadline{Kind: domain.DeadlineDate, Date: due}
	}
	return domain.Deadline{Kind: domain.DeadlineNone}
}

// legalRefText writes a legal reference as the task lists it: "Kế hoạch
// số 12/KH-UBND ngày 05/3/2023 của UBND huyện".
func legalRefText(r importer.LegalRef) (string, error) {
	s := r.Type
	if r.Number != "" {
		s += " số " + r.Number
	}
	d, err := domain.ParseOptionalDate("ngày của văn bản dẫn chiếu", &r.Date)
	if err != nil {
		return "", err
	}
	if !d.IsZero() {
		s += " ngày " + d.VN()
	}
	if r.Issuer != "" {
		s += " của " + r.Issuer
	}
	return s, nil
}

// ImportResult counts what ConfirmImport stored.
type ImportResult struct {
	NoticeID   int64
	MeetingID  int64
	Tasks      int // tasks stored
	WithDue    int // of them, with a due day
	Expanded   int // of them, given to the members of their groups
	Waiting    int // of them, led by groups waiting for units
	Unassigned int // of them, stored without any lead unit
	Skipped    int // tasks left out, as the Office chose
}

// ConfirmImport stores a reviewed draft in one transaction: a meeting (when
// blockID or a meeting date is given and meetingID is 0), the notice as a
// draft (issue it from its page) with the sections read from the file, and
// its tasks, each filed under the section it was read from. A task marked
// Skip is left out; a task without a lead unit is stored as its Decision
// says (a task without one is refused: no task is dropped silently).
// Nothing is stored if any task is invalid. A notice the organisation
// already has is refused with a *DuplicateNoticeError, unless
// d.CorrectionOf says which notice it corrects: it is then stored as that
// notice's correction, its tasks paired with that notice's as proposed
// changes. The draft's tasks learn the ids of the tasks stored for them.
func (s *Service) ConfirmImport(ctx context.Context, actor *domain.User, d *ImportDraft, meetingID, blockID int64) (*ImportResult, error) {
	return s.confirmImport(ctx, actor, d, meetingID, blockID, nil)
}

// confirmImport is ConfirmImport; record, when given, runs last in the
// same transaction.
func (s *Service) confirmImport(ctx context.Context, actor *domain.User, d *ImportDraft, meetingID, blockID int64,
	record func(tx *store.Tx, res *ImportResult) error) (*ImportResult, error) {
	if err := needManage(actor); err != nil {
		return nil, err
	}
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	if len(d.Notice.Sections) == 0 && d.SourceText != "" {
		// A draft saved before notices were read into sections.
		if doc, err := importer.Extract(d.Source, []byte(d.SourceText), importer.Options{}); err == nil {
			d.setSections(doc)
		}
	}
	n := d.Notice
	n.ID, n.Version, n.State, n.Revision, n.OrgID = 0, 0, domain.NoticeDraft, 1, actor.OrgID
	n.Sections = slices.Clone(n.Sections)
	if n.Symbol == "" {
		n.Symbol = "TB-UBND"
	}
	var m *domain.Meeting
	if meetingID == 0 && !d.MeetingDate.IsZero() {
		m = &domain.Meeting{OrgID: actor.OrgID, BlockID: blockID, Title: meetingTitle(n.Title), Period: domain.PeriodAdHoc,
			PeriodYear: d.MeetingDate.Year, Date: d.MeetingDate, Chair: d.Chair}
		if err := s.validateMeeting(ctx, actor, m); err != nil {
			return nil, err
		}
	} else if meetingID != 0 {
		if _, err := s.st.Meeting(ctx, actor.OrgID, meetingID); err != nil {
			return nil, invalid("hội nghị không tồn tại")
		}
		n.MeetingID = meetingID
	}
	if err := s.validateNotice(ctx, actor, &n); err != nil {
		return nil, err
	}
	res := &ImportResult{}
	var tasks []*domain.Task
	from := map[*domain.Task]int{} // the draft task each stored task comes from
	for i := range d.Tasks {
		it := &d.Tasks[i]
		it.TaskID = 0
		if it.Skip {
			res.Skipped++
			continue
		}
		for _, ids := range [][]int64{it.Lead, it.Support} {
			for _, id := range ids {
				if dir.Unit(id) == nil {
					return nil, invalid("nhiệm vụ %d: đơn vị không có trong danh mục", i+1)
				}
			}
		}
		for _, ids := range [][]int64{it.LeadGroups, it.SupportGroups} {
			for _, id := range ids {
				if dir.Group(id) == nil {
					return nil, invalid("nhiệm vụ %d: nhóm đơn vị không có trong danh mục", i+1)
				}
			}
		}
		t := &domain.Task{OrgID: actor.OrgID, Text: it.Text, Lead: it.Lead, Support: it.Support, Deadline: it.Deadline,
			Key: it.Key, LegalRefs: it.LegalRefs, LeadGroups: it.LeadGroups, SupportGroups: it.SupportGroups}
		keep, unassigned, err := it.decided(dir, t)
		if err != nil {
			return nil, fmt.Errorf("nhiệm vụ %d: %w", i+1, err)
		}
		if !keep {
			res.Skipped++
			continue
		}
		s.startRecurring(&t.Deadline)
		if unassigned {
			err = t.ValidateUnassigned()
		} else {
			err = t.Validate()
		}
		if err != nil {
			return nil, fmt.Errorf("nhiệm vụ %d: %w", i+1, err)
		}
		t.Refresh()
		switch {
		case unassigned:
			res.Unassigned++
		case it.NeedsDecision() && it.Decision == DecideExpand:
			res.Expanded++
		case len(t.Lead) == 0:
			res.Waiting++
		}
		tasks = append(tasks, t)
		from[t] = i
	}
	var old *domain.Notice
	if d.CorrectionOf != 0 {
		if old, err = s.correctable(ctx, actor, d.CorrectionOf); err != nil {
			return nil, err
		}
		n.SupersedesID, n.Correction = old.ID, d.Correction
		if n.Correction == "" {
			n.Correction = domain.CorrectionReplace
		}
		if !n.Correction.Valid() {
			return nil, invalid("loại văn bản đính chính %q không hợp lệ", n.Correction)
		}
		n.Revision = old.Revision + 1
		originals, err := s.allTasks(ctx, store.TaskFilter{OrgID: actor.OrgID, NoticeID: old.ID, Today: s.Today(), SoonDays: s.opt.SoonDays})
		if err != nil {
			return nil, err
		}
		pairTasks(tasks, originals)
	} else if err := s.refuseDuplicate(ctx, actor, &n, true); err != nil {
		return nil, err
	}
	err = s.tx(ctx, func(tx *store.Tx) error {
		if m != nil {
			if err := tx.CreateMeeting(ctx, m); err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor, "import", "meeting", m.ID, nil, m); err != nil {
				return err
			}
			n.MeetingID = m.ID
			res.MeetingID = m.ID
		}
		if err := tx.CreateNotice(ctx, &n); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor, "import", "notice", n.ID, nil, map[string]any{"source": d.Source, "title": n.Title,
			"corrects": n.SupersedesID, "correction": n.Correction}); err != nil {
			return err
		}
		for _, t := range tasks {
			t.NoticeID = n.ID
			t.SectionID = d.sectionOf(&n, d.Tasks[from[t]].Start)
			block := blockID
			if t.OriginID != 0 {
				o, err := tx.Task(ctx, actor.OrgID, t.OriginID, s.Today(), s.opt.SoonDays)
				if err != nil {
					return err
				}
				block = o.BlockID
			}
			if err := tx.CreateTask(ctx, t, block, actor.ID); err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor, "import", "task", t.ID, nil, t); err != nil {
				return err
			}
			res.Tasks++
			if !t.DueOn.IsZero() {
				res.WithDue++
			}
		}
		res.NoticeID = n.ID
		if res.MeetingID == 0 {
			res.MeetingID = n.MeetingID
		}
		for _, t := range tasks {
			d.Tasks[from[t]].TaskID = t.ID
		}
		if record != nil {
			return record(tx, res)
		}
		return nil
	})
	if err != nil {
		for i := range d.Tasks {
			d.Tasks[i].TaskID = 0
		}
		return nil, err
	}
	return res, nil
}

// sectionOf is the id of the stored section of n that the source text at
// offset start was read into, or 0.
func (d *ImportDraft) sectionOf(n *domain.Notice, start int) int64 {
	for i, sp := range d.Spans {
		if i < len(n.Sections) && start >= sp[0] && start < sp[1] {
			return n.Sections[i].ID
		}
	}
	return 0
}

func meetingTitle(noticeTitle string) string {
	if i := strings.Index(noticeTitle, "tại "); i >= 0 {
		return strings.TrimSpace(noticeTitle[i+len("tại "):])
	}
	if noticeTitle == "" {
		return "Hội nghị giao ban"
	}
	return noticeTitle
}

// draftUnits resolves the unit names of a draft's tasks and collects those
// no unit matches, each once.
type draftUnits struct {
	r          *UnitResolver
	unresolved []string
	seen       map[string]bool
}

// resolve adds the units and groups names designate to ids and groups
// (once each) and returns the names left unresolved with them.
func (u *draftUnits) resolve(names []string, ids, groups []int64) ([]string, []int64, []int64) {
	var left []string
	for _, n := range names {
		unit, ok := u.r.Resolve(n)
		if ok {
			ids = appendID(ids, unit.ID)
			continue
		}
		if g, ok := u.r.ResolveGroup(n); ok {
			groups = appendID(groups, g.ID)
			continue
		}
		left = append(left, n)
		if !u.seen[n] {
			if u.seen == nil {
				u.seen = map[string]bool{}
			}
			u.seen[n] = true
			u.unresolved = append(u.unresolved, n)
		}
	}
	return left, ids, groups
}

func appendID(ids []int64, id int64) []int64 {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}
