package app

import (
	"context"
	"fmt"
	"time"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// TaskDetail is everything a task page shows.
type TaskDetail struct {
	store.TaskRow
	Notice     *domain.Notice // nil for a task without a notice
	Section    *domain.Section
	Reports    []domain.Report
	Extensions []domain.Extension
	// What the viewer may do here.
	CanEdit, CanReport, CanComplete, CanRequestExtension, CanDecide bool
}

// getTask loads a task the actor may see; another unit's task is
// domain.ErrNotFound, so that its existence is not revealed.
func (s *Service) getTask(ctx context.Context, q *store.Queries, actor *domain.User, id int64) (*store.TaskRow, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	t, err := q.Task(ctx, actor.OrgID, id, s.Today(), s.opt.SoonDays)
	if err != nil {
		return nil, err
	}
	// A task that does not count (a draft's, a proposed change) is the
	// Office's working copy: nobody else learns it exists.
	if !visible(actor, &t.Task) || (!t.Live && !actor.CanManage()) {
		return nil, fmt.Errorf("task %d: %w", id, domain.ErrNotFound)
	}
	return t, nil
}

// lockedTask is getTask inside a transaction that will write the task
// without a version from the user: the row is locked first (store.LockTask),
// so that concurrent reports queue rather than conflict.
func (s *Service) lockedTask(ctx context.Context, tx *store.Tx, actor *domain.User, id int64) (*store.TaskRow, error) {
	if err := tx.LockTask(ctx, id); err != nil {
		return nil, err
	}
	return s.getTask(ctx, &tx.Queries, actor, id)
}

// Task returns a task page's content, or domain.ErrNotFound when the task does
// not exist or belongs to another unit.
func (s *Service) Task(ctx context.Context, actor *domain.User, id int64) (*TaskDetail, error) {
	t, err := s.getTask(ctx, &s.st.Queries, actor, id)
	if err != nil {
		return nil, err
	}
	d := &TaskDetail{TaskRow: *t}
	if t.NoticeID != 0 {
		if d.Notice, err = s.st.Notice(ctx, actor.OrgID, t.NoticeID); err != nil {
			return nil, err
		}
		for i := range d.Notice.Sections {
			if d.Notice.Sections[i].ID == t.SectionID {
				d.Section = &d.Notice.Sections[i]
			}
		}
	}
	if d.Reports, err = s.st.Reports(ctx, id); err != nil {
		return nil, err
	}
	if d.Extensions, err = s.st.Extensions(ctx, id); err != nil {
		return nil, err
	}
	pending := false
	for _, e := range d.Extensions {
		pending = pending || e.State == domain.ExtensionPending
	}
	done := !t.DoneOn.IsZero()
	d.CanEdit = actor.CanManage()
	d.CanReport = t.Live && ((actor.Role == domain.RoleUnit && t.InvolvesUnit(actor.UnitID)) || actor.CanManage())
	d.CanComplete = t.Live && !done && (leads(actor, &t.Task) || actor.CanManage())
	d.CanRequestExtension = t.Live && !done && !pending && leads(actor, &t.Task) && t.Deadline.Kind != domain.DeadlineRecurring
	d.CanDecide = pending && actor.CanDecideExtensions()
	return d, nil
}

// Tasks lists one page of tasks the actor may see.
func (s *Service) Tasks(ctx context.Context, actor *domain.User, f store.TaskFilter) ([]store.TaskRow, int, error) {
	if err := needUser(actor); err != nil {
		return nil, 0, err
	}
	s.scope(actor, &f)
	return s.st.Tasks(ctx, f)
}

// scope forces the organisation, the day and, for unit users, their unit;
// lists count only what counts (NoticeTasks alone shows a draft's tasks).
func (s *Service) scope(actor *domain.User, f *store.TaskFilter) {
	f.OrgID = actor.OrgID
	f.Today = s.Today()
	f.SoonDays = s.opt.SoonDays
	f.WithDrafts = false
	f.VisibleTo = 0
	if !actor.SeesAll() {
		f.VisibleTo = actor.UnitID
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	if f.Offset < 0 {
		f.Offset = 0
	}
}

// TaskInput is what a form or an API call gives to create or edit a task.
type TaskInput struct {
	NoticeID        int64
	SectionID       int64
	BlockID         int64
	Text            string
	Lead            []int64
	Support         []int64
	Deadline        domain.Deadline
	ExpectedProduct string
	SectorID        int64
	Key             bool
	LegalRefs       []string
	Version         int // for edits: the version the user read

	// Groups named as lead or support, to expand later (chưa xác định đơn vị).
	LeadGroups, SupportGroups []int64
	// Unassigned keeps a task without any lead: it is listed for the Office
	// to resolve (UnresolvedTasks) instead of being refused.
	Unassigned bool
}

func (s *Service) checkTaskInput(ctx context.Context, actor *domain.User, in *TaskInput) (*Directory, error) {
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	for _, ids := range [][]int64{in.Lead, in.Support} {
		for _, id := range ids {
			if dir.Unit(id) == nil {
				return nil, invalid("đơn vị không có trong danh mục")
			}
		}
	}
	for _, ids := range [][]int64{in.LeadGroups, in.SupportGroups} {
		for _, id := range ids {
			if dir.Group(id) == nil {
				return nil, invalid("nhóm đơn vị không có trong danh mục")
			}
		}
	}
	if in.SectorID != 0 && dir.SectorName(in.SectorID) == "" {
		return nil, invalid("lĩnh vực không tồn tại")
	}
	if in.BlockID != 0 && dir.BlockName(in.BlockID) == "" {
		return nil, invalid("khối không tồn tại")
	}
	if in.ExpectedProduct, err = cleanText("Sản phẩm đầu ra", in.ExpectedProduct, false, 1000); err != nil {
		return nil, err
	}
	var refs []string
	for _, r := range in.LegalRefs {
		r, err := cleanText("Văn bản căn cứ", r, false, 500)
		if err != nil {
			return nil, err
		}
		if r != "" {
			refs = append(refs, r)
		}
	}
	in.LegalRefs = refs
	if in.NoticeID != 0 {
		n, err := s.st.Notice(ctx, actor.OrgID, in.NoticeID)
		if err != nil {
			return nil, invalid("thông báo không tồn tại")
		}
		if in.SectionID != 0 {
			found := false
			for _, sec := range n.Sections {
				found = found || sec.ID == in.SectionID
			}
			if !found {
				return nil, invalid("mục không thuộc thông báo này")
			}
		}
		if in.BlockID == 0 && n.MeetingID != 0 {
			if m, err := s.st.Meeting(ctx, actor.OrgID, n.MeetingID); err == nil {
				in.BlockID = m.BlockID
			}
		}
	} else {
		in.SectionID = 0
	}
	return dir, nil
}

// CreateTask records a task, with or without a notice (admin or Office).
func (s *Service) CreateTask(ctx context.Context, actor *domain.User, in TaskInput) (*domain.Task, error) {
	return s.createTask(ctx, actor, in, time.Time{})
}

// createTask records a task; a non-zero at enters it as made at that earlier
// instant (its creation and last update), audited as entered late.
func (s *Service) createTask(ctx context.Context, actor *domain.User, in TaskInput, at time.Time) (*domain.Task, error) {
	if err := needManage(actor); err != nil {
		return nil, err
	}
	if _, err := s.checkTaskInput(ctx, actor, &in); err != nil {
		return nil, err
	}
	t := &domain.Task{OrgID: actor.OrgID, NoticeID: in.NoticeID, SectionID: in.SectionID, Text: in.Text, Lead: in.Lead,
		Support: in.Support, Deadline: in.Deadline, ExpectedProduct: in.ExpectedProduct, SectorID: in.SectorID, Key: in.Key, LegalRefs: in.LegalRefs,
		LeadGroups: in.LeadGroups, SupportGroups: in.SupportGroups}
	if t.Deadline.Kind == "" {
		t.Deadline.Kind = domain.DeadlineNone
	}
	s.startRecurring(&t.Deadline)
	if err := validateInput(t, in); err != nil {
		return nil, err
	}
	t.Refresh()
	err := s.tx(ctx, func(tx *store.Tx) error {
		w, action := tx, "create"
		if !at.IsZero() {
			w, action = tx.At(at), "create_backdated"
		}
		if err := w.CreateTask(ctx, t, in.BlockID, actor.ID); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, action, "task", t.ID, nil, t)
	})
	return t, err
}

// UpdateTask saves an edited task; if someone saved it since in.Version was
// read, it is refused with domain.ErrConflict (admin or Office).
func (s *Service) UpdateTask(ctx context.Context, actor *domain.User, id int64, in TaskInput) (*domain.Task, error) {
	// Load first: another unit's task is "not found", never "forbidden".
	cur, err := s.getTask(ctx, &s.st.Queries, actor, id)
	if err != nil {
		return nil, err
	}
	if err := needManage(actor); err != nil {
		return nil, err
	}
	if cur.Version != in.Version {
		return nil, domain.ErrConflict
	}
	if _, err := s.checkTaskInput(ctx, actor, &in); err != nil {
		return nil, err
	}
	// A task kept without a lead stays so until the Office resolves it.
	in.Unassigned = in.Unassigned || (len(cur.Lead) == 0 && len(cur.LeadGroups) == 0)
	before := cur.Task
	t := cur.Task
	t.NoticeID, t.SectionID, t.Text, t.Lead, t.Support = in.NoticeID, in.SectionID, in.Text, in.Lead, in.Support
	t.Deadline, t.ExpectedProduct, t.SectorID, t.Key, t.LegalRefs = in.Deadline, in.ExpectedProduct, in.SectorID, in.Key, in.LegalRefs
	t.LeadGroups, t.SupportGroups = in.LeadGroups, in.SupportGroups
	t.Version = in.Version
	if t.Deadline.Kind == "" {
		t.Deadline.Kind = domain.DeadlineNone
	}
	if err := validateInput(&t, in); err != nil {
		return nil, err
	}
	t.Refresh()
	err = s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.UpdateTask(ctx, &t, in.BlockID); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "update", "task", t.ID, before, t)
	})
	return &t, err
}

// validateInput checks t as built from in: a lead is required unless in
// keeps the task unassigned.
func validateInput(t *domain.Task, in TaskInput) error {
	if in.Unassigned {
		return t.ValidateUnassigned()
	}
	return t.Validate()
}

// SetEventDate records that the event a task waits for has happened, which
// dates its deadline (admin or Office).
func (s *Service) SetEventDate(ctx context.Context, actor *domain.User, id int64, day domain.Date, version int) error {
	return s.tx(ctx, func(tx *store.Tx) error {
		cur, err := s.lockedTask(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if err := needManage(actor); err != nil {
			return err
		}
		if cur.Version != version {
			return domain.ErrConflict
		}
		if cur.Deadline.Kind != domain.DeadlineEvent {
			return invalid("nhiệm vụ này không có thời hạn theo sự kiện")
		}
		if !day.Valid() {
			return invalid("ngày xảy ra sự kiện không hợp lệ")
		}
		before := cur.Task
		t := cur.Task
		t.Deadline.EventDate = day
		t.Refresh()
		if err := tx.UpdateTask(ctx, &t, cur.BlockID); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "event_date", "task", t.ID, before, t)
	})
}

// allowedTypes are the attachment types offices exchange.
var allowedTypes = map[string]bool{
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".odt": true, ".ods": true,
	".jpg": true, ".jpeg": true, ".png": true, ".txt": true, ".zip": true, ".rar": true,
}

// ReopenTask undoes a completion the Office does not accept, with a reason kept
// as a report (admin or Office).
func (s *Service) ReopenTask(ctx context.Context, actor *domain.User, taskID int64, reason string) error {
	return s.tx(ctx, func(tx *store.Tx) error {
		cur, err := s.lockedTask(ctx, tx, actor, taskID)
		if err != nil {
			return err
		}
		if err := needManage(actor); err != nil {
			return err
		}
		reason, err := cleanText("Lý do", reason, true, 5000)
		if err != nil {
			return err
		}
		if cur.DoneOn.IsZero() {
			return invalid("nhiệm vụ chưa hoàn thành")
		}
		before := cur.Task
		t := cur.Task
		t.DoneOn = domain.Date{}
		if err := tx.CreateReport(ctx, &domain.Report{TaskID: t.ID, UserID: actor.ID, Body: "Mở lại: " + reason, Percent: t.Percent}, nil); err != nil {
			return err
		}
		if err := tx.UpdateTask(ctx, &t, cur.BlockID); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "reopen", "task", t.ID, before, t)
	})
}

// startRecurring makes a recurring deadline without a first period start today.
func (s *Service) startRecurring(d *domain.Deadline) {
	if d.Kind == domain.DeadlineRecurring && d.Date.IsZero() {
		d.Date = s.Today()
	}
}
