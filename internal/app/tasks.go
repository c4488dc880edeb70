package app

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
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

// visible reports whether actor may read task t.
func visible(actor *domain.User, t *domain.Task) bool {
	return actor.SeesAll() || t.InvolvesUnit(actor.UnitID)
}

// leads reports whether the actor's unit leads t.
func leads(actor *domain.User, t *domain.Task) bool {
	for _, id := range t.Lead {
		if id == actor.UnitID && actor.Role == domain.RoleUnit {
			return true
		}
	}
	return false
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
	if !visible(actor, &t.Task) {
		return nil, fmt.Errorf("task %d: %w", id, domain.ErrNotFound)
	}
	return t, nil
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
	d.CanReport = (actor.Role == domain.RoleUnit && t.InvolvesUnit(actor.UnitID)) || actor.CanManage()
	d.CanComplete = !done && (leads(actor, &t.Task) || actor.CanManage())
	d.CanRequestExtension = !done && !pending && leads(actor, &t.Task) && t.Deadline.Kind != domain.DeadlineRecurring
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

// scope forces the organisation, the day and, for unit users, their unit.
func (s *Service) scope(actor *domain.User, f *store.TaskFilter) {
	f.OrgID = actor.OrgID
	f.Today = s.Today()
	f.SoonDays = s.opt.SoonDays
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
		Support: in.Support, Deadline: in.Deadline, ExpectedProduct: in.ExpectedProduct, SectorID: in.SectorID, Key: in.Key, LegalRefs: in.LegalRefs}
	if t.Deadline.Kind == "" {
		t.Deadline.Kind = domain.DeadlineNone
	}
	s.startRecurring(&t.Deadline)
	if err := t.Validate(); err != nil {
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
	before := cur.Task
	t := cur.Task
	t.NoticeID, t.SectionID, t.Text, t.Lead, t.Support = in.NoticeID, in.SectionID, in.Text, in.Lead, in.Support
	t.Deadline, t.ExpectedProduct, t.SectorID, t.Key, t.LegalRefs = in.Deadline, in.ExpectedProduct, in.SectorID, in.Key, in.LegalRefs
	t.Version = in.Version
	if t.Deadline.Kind == "" {
		t.Deadline.Kind = domain.DeadlineNone
	}
	if err := t.Validate(); err != nil {
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

// SetEventDate records that the event a task waits for has happened, which
// dates its deadline (admin or Office).
func (s *Service) SetEventDate(ctx context.Context, actor *domain.User, id int64, day domain.Date, version int) error {
	return s.tx(ctx, func(tx *store.Tx) error {
		cur, err := s.getTask(ctx, &tx.Queries, actor, id)
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

// Upload is one file joined to a report.
type Upload struct {
	Name        string
	ContentType string
	Data        []byte
}

// ReportInput is a progress or completion report.
type ReportInput struct {
	Body       string
	Percent    int
	Completion bool
	Files      []Upload
}

// allowedTypes are the attachment types offices exchange.
var allowedTypes = map[string]bool{
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".odt": true, ".ods": true,
	".jpg": true, ".jpeg": true, ".png": true, ".txt": true, ".zip": true, ".rar": true,
}

// AddReport files a report on a task by a unit that leads or supports it (or
// the Office). A completion report, allowed to the lead unit and the Office,
// sets the day the task was done; on a recurring task it closes the current
// period instead and the next due day follows.
func (s *Service) AddReport(ctx context.Context, actor *domain.User, taskID int64, in ReportInput) (*domain.Report, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	var atts []domain.Attachment
	var data [][]byte
	var total int64
	for _, f := range in.Files {
		if len(f.Data) == 0 && f.Name == "" {
			continue
		}
		name, err := cleanText("Tên tệp", filepath.Base(strings.ReplaceAll(f.Name, "\\", "/")), true, 200)
		if err != nil {
			return nil, err
		}
		if !allowedTypes[strings.ToLower(filepath.Ext(name))] {
			return nil, invalid("tệp %q không thuộc loại được phép (pdf, doc, docx, xls, xlsx, odt, ods, jpg, png, txt, zip, rar)", name)
		}
		total += int64(len(f.Data))
		if total > s.opt.MaxUpload {
			return nil, fmt.Errorf("%w: tệp đính kèm vượt quá %d MB", domain.ErrTooLarge, s.opt.MaxUpload>>20)
		}
		atts = append(atts, domain.Attachment{Name: name, ContentType: http.DetectContentType(f.Data), Size: int64(len(f.Data))})
		data = append(data, f.Data)
	}
	return s.fileReport(ctx, actor, taskID, in, atts, data, time.Time{})
}

// fileReport is AddReport's and RecordReportOn's common rule: who may report,
// who may declare completion, and what a report changes on the task. A zero
// at means now; otherwise the report, the task's last update and a completion
// day are those of at, and the audit entry says the history was entered late.
func (s *Service) fileReport(ctx context.Context, actor *domain.User, taskID int64, in ReportInput, atts []domain.Attachment, data [][]byte, at time.Time) (*domain.Report, error) {
	body, err := cleanText("Nội dung báo cáo", in.Body, true, 20000)
	if err != nil {
		return nil, err
	}
	if in.Percent < 0 || in.Percent > 100 {
		return nil, invalid("tiến độ phải từ 0 đến 100%%")
	}
	day := s.Today()
	if !at.IsZero() {
		day = domain.DateOf(at)
	}
	r := &domain.Report{TaskID: taskID, UnitID: actor.UnitID, UserID: actor.ID, UserName: actor.FullName, Body: body,
		Percent: in.Percent, Completion: in.Completion, Attachments: atts}
	err = s.tx(ctx, func(tx *store.Tx) error {
		cur, err := s.getTask(ctx, &tx.Queries, actor, taskID)
		if err != nil {
			return err
		}
		if actor.Role == domain.RoleUnit && !cur.InvolvesUnit(actor.UnitID) || actor.Role == domain.RoleLeader || actor.Role == domain.RoleViewer {
			return domain.ErrForbidden
		}
		if in.Completion && !(leads(actor, &cur.Task) || actor.CanManage()) {
			return fmt.Errorf("%w: chỉ đơn vị chủ trì hoặc Văn phòng báo cáo hoàn thành", domain.ErrForbidden)
		}
		before := cur.Task
		t := cur.Task
		switch {
		case in.Completion && !t.DoneOn.IsZero():
			return invalid("nhiệm vụ đã được báo cáo hoàn thành")
		case in.Completion && t.Deadline.Kind == domain.DeadlineRecurring:
			// A period report closes the current period; the next one is due next.
			r.Period = t.DueOn
			t.ReportedUntil = t.DueOn
			t.Percent = 0
		case in.Completion:
			t.DoneOn = day
			r.Percent = 100
			t.Percent = 100
		case r.Percent > t.Percent:
			t.Percent = r.Percent
		}
		t.Refresh()
		w, action := tx, "report"
		if !at.IsZero() {
			w, action = tx.At(at), "report_backdated"
		}
		if err := w.CreateReport(ctx, r, data); err != nil {
			return err
		}
		// A report is the unit's update: it sets the time the dashboard counts from.
		t.LastUpdateAt = w.Now()
		if err := w.UpdateTask(ctx, &t, cur.BlockID); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, action, "task", t.ID, before,
			map[string]any{"task": t, "report": r.Body, "completion": r.Completion, "day": day.String()})
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// ReopenTask undoes a completion the Office does not accept, with a reason kept
// as a report (admin or Office).
func (s *Service) ReopenTask(ctx context.Context, actor *domain.User, taskID int64, reason string) error {
	return s.tx(ctx, func(tx *store.Tx) error {
		cur, err := s.getTask(ctx, &tx.Queries, actor, taskID)
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

// Attachment returns a report's file if the actor may see its task.
func (s *Service) Attachment(ctx context.Context, actor *domain.User, id int64) (*domain.Attachment, []byte, error) {
	a, taskID, data, err := s.st.AttachmentData(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.getTask(ctx, &s.st.Queries, actor, taskID); err != nil {
		return nil, nil, err
	}
	return a, data, nil
}

// RequestExtension asks to move a task's deadline; only its lead unit may ask,
// one request at a time.
func (s *Service) RequestExtension(ctx context.Context, actor *domain.User, taskID int64, newDue domain.Date, reason string) (*domain.Extension, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	reason, err := cleanText("Lý do gia hạn", reason, true, 5000)
	if err != nil {
		return nil, err
	}
	if !newDue.Valid() {
		return nil, invalid("ngày đề nghị gia hạn không hợp lệ")
	}
	var e *domain.Extension
	err = s.tx(ctx, func(tx *store.Tx) error {
		cur, err := s.getTask(ctx, &tx.Queries, actor, taskID)
		if err != nil {
			return err
		}
		if !leads(actor, &cur.Task) {
			return fmt.Errorf("%w: chỉ đơn vị chủ trì được đề nghị gia hạn", domain.ErrForbidden)
		}
		if !cur.DoneOn.IsZero() {
			return invalid("nhiệm vụ đã hoàn thành")
		}
		if !cur.DueOn.IsZero() && !newDue.After(cur.DueOn) {
			return invalid("ngày gia hạn phải sau thời hạn hiện tại (%s)", cur.DueOn.VN())
		}
		if newDue.Before(s.Today()) {
			return invalid("ngày gia hạn đã qua")
		}
		exts, err := tx.Extensions(ctx, taskID)
		if err != nil {
			return err
		}
		for _, x := range exts {
			if x.State == domain.ExtensionPending {
				return invalid("đã có một đề nghị gia hạn đang chờ duyệt")
			}
		}
		e = &domain.Extension{TaskID: taskID, UnitID: actor.UnitID, RequestedBy: actor.ID, Requester: actor.FullName,
			OldDue: cur.DueOn, NewDue: newDue, Reason: reason}
		if err := tx.CreateExtension(ctx, e); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "request", "extension", e.ID, nil, e)
	})
	return e, err
}

// DecideExtension approves or refuses a pending request (leader, Office or
// admin). An approval moves the task's due day; the history stays.
func (s *Service) DecideExtension(ctx context.Context, actor *domain.User, extID int64, approve bool, note string) error {
	if err := needUser(actor); err != nil {
		return err
	}
	if !actor.CanDecideExtensions() {
		return domain.ErrForbidden
	}
	note, err := cleanText("Ý kiến", note, false, 5000)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		e, err := tx.Extension(ctx, extID)
		if err != nil {
			return err
		}
		cur, err := s.getTask(ctx, &tx.Queries, actor, e.TaskID)
		if err != nil {
			return err
		}
		e.DecidedBy, e.Note, e.State = actor.ID, note, domain.ExtensionRefused
		if approve {
			e.State = domain.ExtensionApproved
		}
		if err := tx.DecideExtension(ctx, e); err != nil {
			return err
		}
		if approve {
			before := cur.Task
			t := cur.Task
			t.ExtendedTo = e.NewDue
			t.Refresh()
			if err := tx.UpdateTask(ctx, &t, cur.BlockID); err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor, "extend", "task", t.ID, before, t); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, actor, string(e.State), "extension", e.ID, nil, e)
	})
}

// PendingExtensions lists requests waiting for the actor's decision.
func (s *Service) PendingExtensions(ctx context.Context, actor *domain.User) ([]domain.Extension, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	if !actor.CanDecideExtensions() {
		return nil, nil
	}
	return s.st.PendingExtensions(ctx, actor.OrgID)
}

// startRecurring makes a recurring deadline without a first period start today.
func (s *Service) startRecurring(d *domain.Deadline) {
	if d.Kind == domain.DeadlineRecurring && d.Date.IsZero() {
		d.Date = s.Today()
	}
}

// IsNotFound reports whether err means "no such thing (for you)".
func IsNotFound(err error) bool { return errors.Is(err, domain.ErrNotFound) }
