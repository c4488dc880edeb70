package api

import (
	"context"
	"net/http"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

// Tasks and their deadlines.

func taskFilter(q *params) store.TaskFilter {
	f := store.TaskFilter{
		UnitID:    q.id("unit"),
		LeadOnly:  q.boolean("lead_only"),
		BlockID:   q.id("block"),
		SectorID:  q.id("sector"),
		MeetingID: q.id("meeting"),
		NoticeID:  q.id("notice"),
		Key:       q.boolean("key"),
		DueFrom:   q.date("due_from"),
		DueTo:     q.date("due_to"),
		Query:     strings.TrimSpace(q.v.Get("q")),
	}
	for _, v := range q.v["status"] {
		for _, code := range strings.Split(v, ",") {
			st, ok := domain.ParseStatus(strings.TrimSpace(code))
			if !ok {
				q.fail("tham số status %q không hợp lệ (dùng overdue, due_soon, open, done_late, done_on_time)", code)
				continue
			}
			f.Statuses = append(f.Statuses, st)
		}
	}
	switch sort := store.TaskSort(q.v.Get("sort")); sort {
	case "", store.SortDue, store.SortLastUpdate, store.SortCreated:
		f.Sort = sort
	default:
		q.fail("tham số sort phải là due, last_update hoặc created")
	}
	return f
}

func (s *Server) tasks(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	q := query(r)
	f := taskFilter(q)
	page, perPage, offset := q.page()
	if q.err != nil {
		return q.err
	}
	f.Limit, f.Offset = perPage, offset
	list := s.svc.Tasks
	if q.boolean("unresolved") {
		list = s.svc.UnresolvedTasks
	}
	rows, total, err := list(r.Context(), u, f)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, pageOf[taskJSON]{Items: tasksOut(dir, rows), Total: total, Page: page, PerPage: perPage})
}

func (s *Server) writeTask(ctx context.Context, w http.ResponseWriter, u *domain.User, status int, id int64) error {
	d, err := s.svc.Task(ctx, u, id)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	return writeJSON(w, status, taskDetailOut(dir, d))
}

func (s *Server) task(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	return s.writeTask(r.Context(), w, u, http.StatusOK, id)
}

func (s *Server) taskCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in taskInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	t, err := s.svc.CreateTask(r.Context(), u, in.input())
	if err != nil {
		return err
	}
	return s.writeTask(r.Context(), w, u, http.StatusCreated, t.ID)
}

func (s *Server) visibleTask(r *http.Request, u *domain.User) (int64, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return 0, err
	}
	if _, err := s.svc.Task(r.Context(), u, id); err != nil {
		return 0, err
	}
	return id, nil
}

func (s *Server) taskUpdate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := s.visibleTask(r, u)
	if err != nil {
		return err
	}
	var in taskInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if _, err := s.svc.UpdateTask(r.Context(), u, id, in.input()); err != nil {
		return err
	}
	return s.writeTask(r.Context(), w, u, http.StatusOK, id)
}

func (s *Server) taskEventDate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := s.visibleTask(r, u)
	if err != nil {
		return err
	}
	var in eventDateInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if err := s.svc.SetEventDate(r.Context(), u, id, in.Date.Date, in.Version); err != nil {
		return err
	}
	return s.writeTask(r.Context(), w, u, http.StatusOK, id)
}

func (s *Server) taskReopen(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := s.visibleTask(r, u)
	if err != nil {
		return err
	}
	var in reasonInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if err := s.svc.ReopenTask(r.Context(), u, id, in.Reason); err != nil {
		return err
	}
	return s.writeTask(r.Context(), w, u, http.StatusOK, id)
}

type deadlineJSON struct {
	Kind        string  `json:"kind"`
	Date        isoDate `json:"date"`
	Every       string  `json:"every"`
	Day         int     `json:"day"`
	Event       string  `json:"event"`
	EventDate   isoDate `json:"event_date"`
	EventDays   int     `json:"event_days"`
	Description string  `json:"description"`
}

type deadlineInput struct {
	Kind      string  `json:"kind"`
	Date      isoDate `json:"date"`
	Every     string  `json:"every"`
	Day       int     `json:"day"`
	Event     string  `json:"event"`
	EventDate isoDate `json:"event_date"`
	EventDays int     `json:"event_days"`
}

type noticeRefJSON struct {
	ID   int64  `json:"id"`
	Code string `json:"code"`
}

type taskJSON struct {
	ID              int64          `json:"id"`
	Text            string         `json:"text"`
	Lead            []refJSON      `json:"lead"`
	Support         []refJSON      `json:"support"`
	Deadline        deadlineJSON   `json:"deadline"`
	DueOn           isoDate        `json:"due_on"`
	DoneOn          isoDate        `json:"done_on"`
	ExtendedTo      isoDate        `json:"extended_to"`
	Status          codeLabel      `json:"status"`
	Percent         int            `json:"percent"`
	DaysOverdue     int            `json:"days_overdue"`
	LastUpdateAt    *string        `json:"last_update_at"`
	CreatedAt       *string        `json:"created_at"`
	Notice          *noticeRefJSON `json:"notice"`
	SectionID       *int64         `json:"section_id"`
	BlockID         *int64         `json:"block_id"`
	ExpectedProduct string         `json:"expected_product"`
	SectorID        *int64         `json:"sector_id"`
	Key             bool           `json:"key"`
	LegalRefs       []string       `json:"legal_refs"`
	Version         int            `json:"version"`
	// Groups not yet expanded to units (chưa xác định đơn vị).
	LeadGroups    []refJSON `json:"lead_groups"`
	SupportGroups []refJSON `json:"support_groups"`
	// Counts is false for a draft notice's task or a proposed change
	// (OriginID: the task it proposes to change).
	Counts   bool   `json:"counts"`
	OriginID *int64 `json:"origin_id"`
}

func groupRefs(dir *app.Directory, xs []int64) []refJSON {
	out := make([]refJSON, 0, len(xs))
	for _, id := range xs {
		name := ""
		if g := dir.Group(id); g != nil {
			name = g.Name
		}
		out = append(out, refJSON{ID: id, Name: name})
	}
	return out
}

func taskOut(dir *app.Directory, t *store.TaskRow) taskJSON {
	d := t.Deadline
	out := taskJSON{ID: t.ID, Text: t.Text, Lead: unitRefs(dir, t.Lead), Support: unitRefs(dir, t.Support),
		Deadline: deadlineJSON{Kind: string(d.Kind), Date: isoDate{d.Date}, Every: string(d.Every), Day: d.Day, Event: d.Event,
			EventDate: isoDate{d.EventDate}, EventDays: d.EventDays, Description: d.Describe()},
		DueOn: isoDate{t.DueOn}, DoneOn: isoDate{t.DoneOn}, ExtendedTo: isoDate{t.ExtendedTo},
		Status: codeLabel{string(t.Status), t.Status.Label()}, Percent: t.Percent, DaysOverdue: t.DaysOverdue,
		LastUpdateAt: isoTime(t.LastUpdateAt), CreatedAt: isoTime(t.CreatedAt), SectionID: optID(t.SectionID), BlockID: optID(t.BlockID),
		ExpectedProduct: t.ExpectedProduct, SectorID: optID(t.SectorID), Key: t.Key, LegalRefs: strs(t.LegalRefs), Version: t.Version,
		LeadGroups: groupRefs(dir, t.LeadGroups), SupportGroups: groupRefs(dir, t.SupportGroups), Counts: t.Live, OriginID: optID(t.OriginID)}
	if t.NoticeID != 0 {
		out.Notice = &noticeRefJSON{ID: t.NoticeID, Code: t.NoticeCode}
	}
	return out
}

func tasksOut(dir *app.Directory, rows []store.TaskRow) []taskJSON {
	return listOf(rows, func(t *store.TaskRow) taskJSON { return taskOut(dir, t) })
}

type taskInput struct {
	NoticeID        int64         `json:"notice_id"`
	SectionID       int64         `json:"section_id"`
	BlockID         int64         `json:"block_id"`
	Text            string        `json:"text"`
	Lead            []int64       `json:"lead"`
	Support         []int64       `json:"support"`
	Deadline        deadlineInput `json:"deadline"`
	ExpectedProduct string        `json:"expected_product"`
	SectorID        int64         `json:"sector_id"`
	Key             bool          `json:"key"`
	LegalRefs       []string      `json:"legal_refs"`
	Version         int           `json:"version"`
	LeadGroups      []int64       `json:"lead_groups"`
	SupportGroups   []int64       `json:"support_groups"`
	Unassigned      bool          `json:"unassigned"`
}

func (in *taskInput) input() app.TaskInput {
	d := in.Deadline
	return app.TaskInput{NoticeID: in.NoticeID, SectionID: in.SectionID, BlockID: in.BlockID, Text: in.Text, Lead: in.Lead,
		Support: in.Support, Deadline: domain.Deadline{Kind: domain.DeadlineKind(d.Kind), Date: d.Date.Date, Every: domain.Every(d.Every),
			Day: d.Day, Event: d.Event, EventDate: d.EventDate.Date, EventDays: d.EventDays},
		ExpectedProduct: in.ExpectedProduct, SectorID: in.SectorID, Key: in.Key, LegalRefs: in.LegalRefs, Version: in.Version,
		LeadGroups: in.LeadGroups, SupportGroups: in.SupportGroups, Unassigned: in.Unassigned}
}

type eventDateInput struct {
	Date    isoDate `json:"date"`
	Version int     `json:"version"`
}

type reasonInput struct {
	Reason string `json:"reason"`
}

type taskCanJSON struct {
	Edit             bool `json:"edit"`
	Report           bool `json:"report"`
	Complete         bool `json:"complete"`
	RequestExtension bool `json:"request_extension"`
	Decide           bool `json:"decide"`
}

type taskDetailJSON struct {
	taskJSON
	Reports    []reportJSON    `json:"reports"`
	Extensions []extensionJSON `json:"extensions"`
	Can        taskCanJSON     `json:"can"`
}

func taskDetailOut(dir *app.Directory, d *app.TaskDetail) taskDetailJSON {
	out := taskDetailJSON{taskJSON: taskOut(dir, &d.TaskRow), Reports: []reportJSON{}, Extensions: extensionsOut(dir, d.Extensions),
		Can: taskCanJSON{Edit: d.CanEdit, Report: d.CanReport, Complete: d.CanComplete, RequestExtension: d.CanRequestExtension, Decide: d.CanDecide}}
	for i := range d.Reports {
		out.Reports = append(out.Reports, reportOut(dir, &d.Reports[i]))
	}
	return out
}
