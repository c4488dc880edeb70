package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

// The follow-up pages: the task list and the task page, with the reports,
// extension requests and attachments made there. Every handler reads the
// request, calls one service operation and renders; the rules live in
// package app.

// tasksPerPage is the length of one page of the task list.
const tasksPerPage = 50

// taskItem is a task row with what a list shows beside it.
type taskItem struct {
	store.TaskRow
	Short   string // the text cut for a list
	Leads   string
	Helpers string
	Since   int // days since the last update; -1 when unknown
	// DueShown: the effective due day says more than the deadline's words
	// (a month, a recurring period, an event, an extension).
	DueShown bool
}

func (s *Server) taskItems(dir *app.Directory, rows []store.TaskRow) []taskItem {
	out := make([]taskItem, len(rows))
	for i, r := range rows {
		out[i] = taskItem{TaskRow: r, Short: shorten(r.Text, 260), Leads: dir.Assignees(r.Lead, r.LeadGroups, app.Unassigned),
			Helpers: dir.Assignees(r.Support, r.SupportGroups, ""), Since: s.svc.DaysSince(r.LastUpdateAt),
			DueShown: !r.DueOn.IsZero() && (r.Deadline.Kind != domain.DeadlineDate || r.DueOn != r.Deadline.Date)}
	}
	return out
}

// readTaskFilter reads the list and dashboard filters from the query string.
// Bad values give a Vietnamese ErrInvalid; the service adds the scope.
func readTaskFilter(r *http.Request) (store.TaskFilter, error) {
	var f store.TaskFilter
	q := r.URL.Query()
	for _, v := range q["status"] {
		if v == "" {
			continue
		}
		st, ok := domain.ParseStatus(v)
		if !ok {
			return f, fmt.Errorf("%w: tình trạng %q không hợp lệ", domain.ErrInvalid, v)
		}
		f.Statuses = append(f.Statuses, st)
	}
	ids := []struct {
		name  string
		label string
		dst   *int64
	}{{"unit", "đơn vị", &f.UnitID}, {"block", "khối", &f.BlockID}, {"sector", "lĩnh vực", &f.SectorID},
		{"meeting", "hội nghị", &f.MeetingID}, {"notice", "thông báo", &f.NoticeID}}
	for _, x := range ids {
		v := strings.TrimSpace(q.Get(x.name))
		if v == "" {
			continue
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 0 {
			return f, fmt.Errorf("%w: mã %s không hợp lệ", domain.ErrInvalid, x.label)
		}
		*x.dst = id
	}
	f.LeadOnly = q.Get("lead") == "1"
	f.Key = q.Get("key") == "1"
	var err error
	if f.DueFrom, err = domain.ParseDate(q.Get("from")); err != nil {
		return f, fmt.Errorf("hạn từ ngày: %w", err)
	}
	if f.DueTo, err = domain.ParseDate(q.Get("to")); err != nil {
		return f, fmt.Errorf("hạn đến ngày: %w", err)
	}
	if f.Query = strings.TrimSpace(q.Get("q")); !utf8.ValidString(f.Query) {
		return f, fmt.Errorf("%w: từ khóa không phải văn bản UTF-8 hợp lệ", domain.ErrInvalid)
	}
	switch store.TaskSort(q.Get("sort")) {
	case store.SortLastUpdate:
		f.Sort = store.SortLastUpdate
	case store.SortCreated:
		f.Sort = store.SortCreated
	default:
		f.Sort = store.SortDue
	}
	return f, nil
}

// taskFilterBar loads what the task_filters partial shows on the task list
// and the dashboard: the directory and the meetings to narrow to.
func (s *Server) taskFilterBar(r *http.Request) (*app.Directory, []meetingOption, error) {
	dir, err := s.svc.Directory(r.Context(), userOf(r))
	if err != nil {
		return nil, nil, err
	}
	meetings, err := s.meetingOptions(r, 100, 0)
	if err != nil {
		return nil, nil, err
	}
	return dir, meetings, nil
}

// --- Task list ---------------------------------------------------------------

type taskListData struct {
	Items    []taskItem
	Pager    Pager
	Offset   int
	Q        url.Values
	Meetings []meetingOption
	Notice   *domain.Notice // the notice the list is narrowed to
	SortURL  map[string]string
	Sort     string
	Clear    string // the notice filter removed
}

func (s *Server) taskList(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	dir, meetings, err := s.taskFilterBar(r)
	if err != nil {
		return err
	}
	d := &taskListData{Q: r.URL.Query(), Meetings: meetings, SortURL: map[string]string{}}
	v := &view{Title: "Nhiệm vụ", Nav: "tasks", Dir: dir, Data: d}
	for _, k := range []store.TaskSort{store.SortDue, store.SortLastUpdate, store.SortCreated} {
		q := r.URL.Query()
		q.Set("sort", string(k))
		q.Del("page")
		d.SortURL[string(k)] = "/tasks?" + q.Encode()
	}
	f, err := readTaskFilter(r)
	if err != nil {
		v.Error = httpx.Message(err)
		d.Pager = newPager(r, 1, tasksPerPage, 0)
		return s.render(w, r, httpx.Status(err), "tasks", v)
	}
	d.Sort = string(f.Sort)
	if f.NoticeID != 0 {
		if d.Notice, err = s.svc.Notice(ctx, u, f.NoticeID); err != nil {
			return err
		}
		q := r.URL.Query()
		q.Del("notice")
		q.Del("page")
		d.Clear = "/tasks?" + q.Encode()
	}
	page, limit, offset := pageParams(r, tasksPerPage)
	f.Limit, f.Offset = limit, offset
	rows, total, err := s.svc.Tasks(ctx, u, f)
	if err != nil {
		return err
	}
	d.Items, d.Offset = s.taskItems(dir, rows), offset
	d.Pager = newPager(r, page, tasksPerPage, total)
	return s.render(w, r, http.StatusOK, "tasks", v)
}

// --- Task page ---------------------------------------------------------------

// taskPageForm is the input of the form that failed, shown again.
type taskPageForm struct {
	Which                string // progress, completion, extension, event, reopen, decide
	Body, Percent        string
	NewDue, Reason, Note string
	EventDate            string
	ExtensionID          int64
}

type taskPageData struct {
	*app.TaskDetail
	Change           *app.TaskChange // a correction's proposed change: what it alters
	Leads, Helpers   string
	Sector, Block    string
	Since            int
	Form             taskPageForm
	ReopenAllowed    bool
	EventDateAllowed bool
	HasForms         bool // any form at all: the page then has two columns
	MaxUploadMB      int64
	// The deadline line: the due day the deadline alone gives, whether an
	// approved extension moved it, and whether that day says more than the
	// deadline's words (a month, a period, an event).
	OriginalDue      domain.Date
	Extended         bool
	OriginalSaysMore bool
}

func (s *Server) taskShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	return s.renderTask(w, r, http.StatusOK, id, "", taskPageForm{})
}

// renderTask shows task id, with msg and the failed form's input after an error.
func (s *Server) renderTask(w http.ResponseWriter, r *http.Request, code int, id int64, msg string, form taskPageForm) error {
	ctx, u := r.Context(), userOf(r)
	td, err := s.svc.Task(ctx, u, id)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	d := &taskPageData{TaskDetail: td, Leads: dir.Assignees(td.Lead, td.LeadGroups, app.Unassigned),
		Helpers: dir.Assignees(td.Support, td.SupportGroups, ""),
		Sector:  dir.SectorName(td.SectorID), Block: dir.BlockName(td.BlockID), Since: s.svc.DaysSince(td.LastUpdateAt),
		Form: form, MaxUploadMB: s.svc.Options().MaxUpload >> 20}
	d.OriginalDue = td.Deadline.Due(td.ReportedUntil)
	d.Extended = !td.ExtendedTo.IsZero() && td.DueOn == td.ExtendedTo && td.ExtendedTo != d.OriginalDue
	d.OriginalSaysMore = !d.OriginalDue.IsZero() && (td.Deadline.Kind != domain.DeadlineDate || d.OriginalDue != td.Deadline.Date)
	d.ReopenAllowed = td.CanEdit && !td.DoneOn.IsZero()
	d.EventDateAllowed = td.CanEdit && td.Deadline.Kind == domain.DeadlineEvent
	d.HasForms = td.CanReport || td.CanComplete || td.CanRequestExtension || d.EventDateAllowed || d.ReopenAllowed
	if d.MaxUploadMB == 0 {
		d.MaxUploadMB = 1
	}
	if d.Change, err = s.svc.TaskChangeOf(ctx, u, id); err != nil {
		return err
	}
	return s.render(w, r, code, "task", &view{Title: shorten(td.Text, 60), Nav: "tasks", Error: msg, Dir: dir, Data: d})
}

// taskFormFailed shows the task page again after a form error, or returns err
// when it is not the user's to correct (not found, forbidden, internal).
func (s *Server) taskFormFailed(w http.ResponseWriter, r *http.Request, id int64, err error, form taskPageForm) error {
	if !isFormError(err) {
		return err
	}
	return s.renderTask(w, r, httpx.Status(err), id, httpx.Message(err), form)
}

func (s *Server) reportCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	form := taskPageForm{Which: "progress", Body: r.PostFormValue("body"), Percent: r.PostFormValue("percent")}
	in := app.ReportInput{Body: form.Body, Completion: r.PostFormValue("completion") == "1"}
	if in.Completion {
		form.Which = "completion"
	}
	if in.Percent, err = formInt(r, "percent", "Tiến độ", 0); err != nil {
		return s.taskFormFailed(w, r, id, err, form)
	}
	if r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["files"] {
			up, err := httpx.ReadUpload(fh, s.svc.Options().MaxUpload)
			if err != nil {
				return s.taskFormFailed(w, r, id, err, form)
			}
			in.Files = append(in.Files, up)
		}
	}
	if _, err := s.svc.AddReport(r.Context(), userOf(r), id, in); err != nil {
		return s.taskFormFailed(w, r, id, err, form)
	}
	if in.Completion {
		return redirect(w, r, fmt.Sprintf("/tasks/%d", id), flashReportCompleted)
	}
	// A report below the task's progress does not lower it: say so.
	if d, err := s.svc.Task(r.Context(), userOf(r), id); err == nil && d.Percent > in.Percent && d.DoneOn.IsZero() {
		return redirect(w, r, fmt.Sprintf("/tasks/%d", id), flashReportBelow, d.Percent)
	}
	return redirect(w, r, fmt.Sprintf("/tasks/%d", id), flashReportSent)
}

func (s *Server) taskEventDate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	form := taskPageForm{Which: "event", EventDate: r.PostFormValue("event_date")}
	day, err := domain.ParseDate(form.EventDate)
	if err == nil && day.IsZero() {
		err = fmt.Errorf("%w: hãy nhập ngày xảy ra sự kiện", domain.ErrInvalid)
	}
	if err != nil {
		return s.taskFormFailed(w, r, id, err, form)
	}
	version, err := formInt(r, "version", "Phiên bản", 0)
	if err != nil {
		return s.taskFormFailed(w, r, id, err, form)
	}
	if err := s.svc.SetEventDate(r.Context(), userOf(r), id, day, version); err != nil {
		return s.taskFormFailed(w, r, id, err, form)
	}
	return redirect(w, r, fmt.Sprintf("/tasks/%d", id), flashEventDateSet)
}

func (s *Server) taskReopen(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	form := taskPageForm{Which: "reopen", Reason: r.PostFormValue("reason")}
	if err := s.svc.ReopenTask(r.Context(), userOf(r), id, form.Reason); err != nil {
		return s.taskFormFailed(w, r, id, err, form)
	}
	return redirect(w, r, fmt.Sprintf("/tasks/%d", id), flashTaskReopened)
}

func (s *Server) extensionCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	form := taskPageForm{Which: "extension", NewDue: r.PostFormValue("new_due"), Reason: r.PostFormValue("reason")}
	day, err := domain.ParseDate(form.NewDue)
	if err == nil && day.IsZero() {
		err = fmt.Errorf("%w: hãy nhập ngày đề nghị gia hạn", domain.ErrInvalid)
	}
	if err != nil {
		return s.taskFormFailed(w, r, id, err, form)
	}
	if _, err := s.svc.RequestExtension(r.Context(), userOf(r), id, day, form.Reason); err != nil {
		return s.taskFormFailed(w, r, id, err, form)
	}
	return redirect(w, r, fmt.Sprintf("/tasks/%d", id), flashExtensionRequested)
}

func (s *Server) extensionDecide(w http.ResponseWriter, r *http.Request) error {
	extID, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	taskID, err := formID(r, "task")
	if err != nil {
		return err
	}
	form := taskPageForm{Which: "decide", Note: r.PostFormValue("note"), ExtensionID: extID}
	var approve bool
	switch r.PostFormValue("decision") {
	case "approve":
		approve = true
	case "refuse":
	default:
		err = fmt.Errorf("%w: hãy chọn Đồng ý hoặc Không đồng ý", domain.ErrInvalid)
	}
	if err == nil {
		err = s.svc.DecideExtension(r.Context(), userOf(r), extID, approve, form.Note)
	}
	if err != nil {
		if taskID == 0 {
			return err
		}
		return s.taskFormFailed(w, r, taskID, err, form)
	}
	flash := flashExtensionRefused
	if approve {
		flash = flashExtensionApproved
	}
	back := safeNext(r.PostFormValue("back"))
	if r.PostFormValue("back") == "" && taskID != 0 {
		back = fmt.Sprintf("/tasks/%d", taskID)
	}
	return redirect(w, r, back, flash)
}

func (s *Server) attachment(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	a, data, err := s.svc.Attachment(r.Context(), userOf(r), id)
	if err != nil {
		return err
	}
	ct := a.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	return sendFile(w, ct, a.Name, data)
}
