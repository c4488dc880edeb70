package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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
	var names []importer.UnitName
	for _, u := range dir.Units {
		names = append(names, importer.UnitName{Name: u.Name, Aliases: u.Aliases})
	}
	for _, g := range dir.Groups {
		names = append(names, importer.UnitName{Name: g.Name, Aliases: g.Aliases})
	}
	doc, err := importer.Extract(name, data, importer.Options{MaxBytes: maxBytes, Units: names})
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
	if n.Title == "" {
		n.Title = "Thông báo kết luận " + doc.Source
	}
	n.Place, n.Symbol = doc.Place, doc.Symbol
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
	if auth, title, ok := strings.Cut(doc.SignerTitle, "\n"); ok {
		n.SignerAuthority, n.SignerTitle = strings.TrimSpace(auth), strings.TrimSpace(title)
	} else {
		n.SignerTitle = doc.SignerTitle
	}
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
	Tasks      int
	WithDue    int
	Unassigned int // tasks skipped because no lead unit was chosen
}

// ConfirmImport stores a reviewed draft in one transaction: a meeting (when
// blockID or a meeting date is given and meetingID is 0), the notice as a
// draft (issue it from its page), and its tasks. Tasks marked Skip, and tasks
// with neither a lead unit nor a lead group, are not stored; a task led by a
// group is stored as such, listed for the Office to resolve. Nothing is
// stored if any task is invalid. A notice the organisation already has is
// refused with a *DuplicateNoticeError, unless d.CorrectionOf says which
// notice it corrects: it is then stored as that notice's correction, its
// tasks paired with that notice's as proposed changes.
func (s *Service) ConfirmImport(ctx context.Context, actor *domain.User, d *ImportDraft, meetingID, blockID int64) (*ImportResult, error) {
	if err := needManage(actor); err != nil {
		return nil, err
	}
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	n := d.Notice
	n.ID, n.Version, n.State, n.Revision, n.OrgID = 0, 0, domain.NoticeDraft, 1, actor.OrgID
	if n.Symbol == "" {
		n.Symbol = "TB-UBND"
	}
	if d.SourceText != "" && len(n.Sections) == 0 {
		n.Sections = []domain.Section{{Kind: domain.SectionOther, Heading: "Văn bản gốc (" + d.Source + ")", Body: d.SourceText}}
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
	for i, it := range d.Tasks {
		if it.Skip {
			continue
		}
		if len(it.Lead) == 0 && len(it.LeadGroups) == 0 {
			res.Unassigned++
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
		s.startRecurring(&t.Deadline)
		if err := t.Validate(); err != nil {
			return nil, fmt.Errorf("nhiệm vụ %d: %w", i+1, err)
		}
		t.Refresh()
		tasks = append(tasks, t)
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
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.NoticeID = n.ID
	if res.MeetingID == 0 {
		res.MeetingID = n.MeetingID
	}
	return res, nil
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

// SavedDraft is an import draft kept in the database between the review
// screen's round trips.
type SavedDraft struct {
	ID      int64
	Version int
	Draft   ImportDraft
}

// SaveImportDraft stores a new draft (ID 0) or the corrected version of one
// (optimistic locking on Version).
func (s *Service) SaveImportDraft(ctx context.Context, actor *domain.User, sd *SavedDraft) error {
	if err := needManage(actor); err != nil {
		return err
	}
	b, err := json.Marshal(sd.Draft)
	if err != nil {
		return fmt.Errorf("save import draft: %w", err)
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		row := &store.ImportDraftRow{ID: sd.ID, OrgID: actor.OrgID, UserID: actor.ID, Source: sd.Draft.Source, Data: string(b), Version: sd.Version}
		if sd.ID == 0 {
			if err := tx.CreateImportDraft(ctx, row); err != nil {
				return err
			}
		} else if err := tx.UpdateImportDraft(ctx, row); err != nil {
			return err
		}
		sd.ID, sd.Version = row.ID, row.Version
		return nil
	})
}

// ImportDraftByID loads a stored draft of the actor's organisation.
func (s *Service) ImportDraftByID(ctx context.Context, actor *domain.User, id int64) (*SavedDraft, error) {
	if err := needManage(actor); err != nil {
		return nil, err
	}
	row, err := s.st.ImportDraft(ctx, actor.OrgID, id)
	if err != nil {
		return nil, err
	}
	sd := &SavedDraft{ID: row.ID, Version: row.Version}
	if err := json.Unmarshal([]byte(row.Data), &sd.Draft); err != nil {
		return nil, fmt.Errorf("load import draft %d: %w", id, err)
	}
	return sd, nil
}

// ConfirmSavedDraft stores the reviewed draft and deletes it, in one go.
func (s *Service) ConfirmSavedDraft(ctx context.Context, actor *domain.User, sd *SavedDraft, meetingID, blockID int64) (*ImportResult, error) {
	res, err := s.ConfirmImport(ctx, actor, &sd.Draft, meetingID, blockID)
	if err != nil {
		return nil, err
	}
	if err := s.tx(ctx, func(tx *store.Tx) error { return tx.DeleteImportDraft(ctx, actor.OrgID, sd.ID) }); err != nil {
		return nil, err
	}
	return res, nil
}

// ResolveDraftUnits resolves the draft's unresolved names again, after the
// Office added units or aliases to the directory. It fails only when the
// directory cannot be read.
func (s *Service) ResolveDraftUnits(ctx context.Context, actor *domain.User, sd *SavedDraft) error {
	r, err := s.UnitResolver(ctx, actor)
	if err != nil {
		return err
	}
	d := &sd.Draft
	units := draftUnits{r: r}
	for i := range d.Tasks {
		t := &d.Tasks[i]
		t.UnresolvedLead, t.Lead, t.LeadGroups = units.resolve(t.UnresolvedLead, t.Lead, t.LeadGroups)
		t.UnresolvedSupport, t.Support, t.SupportGroups = units.resolve(t.UnresolvedSupport, t.Support, t.SupportGroups)
	}
	d.Unresolved = units.unresolved
	return nil
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
