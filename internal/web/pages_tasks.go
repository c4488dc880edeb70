package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

// The follow-up pages: dashboard, task list, task page and form, reports,
// extensions, attachments and search. Every handler reads the request, calls
// one service operation and renders; the rules live in package app.

// staleDays is how long without an update makes a unit's line stand out.
const staleDays = 14

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
		out[i] = taskItem{TaskRow: r, Short: shorten(r.Text, 260), Leads: dir.UnitNames(r.Lead),
			Helpers: dir.UnitNames(r.Support), Since: s.svc.DaysSince(r.LastUpdateAt),
			DueShown: !r.DueOn.IsZero() && (r.Deadline.Kind != domain.DeadlineDate || r.DueOn != r.Deadline.Date)}
	}
	return out
}

// shorten cuts s to at most n characters, at a word boundary when it can.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)[:n]
	cut := string(rs)
	if i := strings.LastIndexAny(cut, " \n"); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;.\n") + "…"
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

// isFormError reports whether err is the user's to correct on the form shown
// again (bad input, a stale version, an oversized file).
func isFormError(err error) bool {
	switch httpx.Status(err) {
	case http.StatusUnprocessableEntity, http.StatusConflict, http.StatusRequestEntityTooLarge:
		return true
	}
	return false
}

// meetingOption is a meeting in a filter's select.
type meetingOption struct {
	ID    int64
	Label string
}

// taskFilterBar loads what the task_filters partial shows on the task list
// and the dashboard: the directory and the meetings to narrow to.
func (s *Server) taskFilterBar(r *http.Request) (*app.Directory, []meetingOption, error) {
	dir, err := s.svc.Directory(r.Context(), userOf(r))
	if err != nil {
		return nil, nil, err
	}
	meetings, err := s.meetingOptions(r)
	if err != nil {
		return nil, nil, err
	}
	return dir, meetings, nil
}

func (s *Server) meetingOptions(r *http.Request) ([]meetingOption, error) {
	ms, _, err := s.svc.Meetings(r.Context(), userOf(r), store.MeetingFilter{Limit: 100})
	if err != nil {
		return nil, err
	}
	out := make([]meetingOption, len(ms))
	for i, m := range ms {
		out[i] = meetingOption{m.ID, shorten(m.Title, 70) + " (" + m.Date.VN() + ")"}
	}
	return out, nil
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

// --- Dashboard ---------------------------------------------------------------

type statusCard struct {
	Status domain.Status
	N      int
	URL    string
}

type unitLine struct {
	app.UnitRow
	Since int
	Stale bool
	URL   string
}

// chartBar is one unit's stacked bar in the completion chart.
type chartBar struct {
	Y     int
	Label string
	Total int
	Segs  []chartSeg
}

type chartSeg struct {
	X, W  float64
	N     int
	Class string
}

type chart struct {
	Height int
	Bars   []chartBar
}

type pendingItem struct {
	domain.Extension
	Task     *app.TaskDetail
	UnitName string
}

type dashboardData struct {
	Cards    []statusCard
	Total    int
	TotalURL string
	Overdue  []taskItem
	Units    []unitLine
	Chart    chart
	Trend    *trendChart // overdue over time; nil without snapshots
	Pending  []pendingItem
	Q        url.Values
	Meetings []meetingOption
	Sort     string
	SortURL  map[string]string
}

// unitSorts are the orders of the per-unit table, by the sort parameter.
var unitSorts = map[string]func(a, b *unitLine) bool{
	"overdue": func(a, b *unitLine) bool {
		if a.Overdue != b.Overdue {
			return a.Overdue > b.Overdue
		}
		return a.Name < b.Name
	},
	"last_update": func(a, b *unitLine) bool {
		if a.Since != b.Since {
			return a.Since > b.Since
		}
		return a.Name < b.Name
	},
	"assigned": func(a, b *unitLine) bool {
		if a.Assigned != b.Assigned {
			return a.Assigned > b.Assigned
		}
		return a.Name < b.Name
	},
	"name": func(a, b *unitLine) bool { return a.Name < b.Name },
}

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	dir, meetings, err := s.taskFilterBar(r)
	if err != nil {
		return err
	}
	d := &dashboardData{Q: r.URL.Query(), Meetings: meetings, SortURL: map[string]string{}}
	v := &view{Title: "Tổng quan", Nav: "home", Dir: dir, Data: d}
	f, err := readTaskFilter(r)
	if err != nil {
		v.Error = httpx.Message(err)
		return s.render(w, r, httpx.Status(err), "dashboard", v)
	}
	// The cards and tables count every bucket; a status in the URL is ignored here.
	f.Statuses, f.UnitID, f.LeadOnly, f.NoticeID, f.Query = nil, 0, false, 0, ""
	dash, err := s.svc.Dashboard(ctx, u, f)
	if err != nil {
		return err
	}
	// Cards and unit lines open the task list under the same filters.
	base := url.Values{}
	for _, k := range []string{"block", "sector", "meeting", "from", "to", "key"} {
		if x := r.URL.Query().Get(k); x != "" {
			base.Set(k, x)
		}
	}
	listURL := func(extra ...string) string {
		q := url.Values{}
		for k, vs := range base {
			q[k] = vs
		}
		for i := 0; i+1 < len(extra); i += 2 {
			q.Set(extra[i], extra[i+1])
		}
		if len(q) == 0 {
			return "/tasks"
		}
		return "/tasks?" + q.Encode()
	}
	d.Total, d.TotalURL = dash.Total, listURL()
	for _, st := range domain.Statuses {
		d.Cards = append(d.Cards, statusCard{Status: st, N: dash.Counts[st], URL: listURL("status", string(st))})
	}
	d.Overdue = s.taskItems(dir, dash.Overdue)
	for _, ur := range dash.Units {
		since := s.svc.DaysSince(ur.LastUpdate)
		d.Units = append(d.Units, unitLine{UnitRow: ur, Since: since, Stale: since > staleDays,
			URL: listURL("unit", strconv.FormatInt(ur.UnitID, 10), "lead", "1")})
	}
	d.Sort = r.URL.Query().Get("sort")
	less, ok := unitSorts[d.Sort]
	if !ok {
		d.Sort, less = "overdue", unitSorts["overdue"]
	}
	sort.SliceStable(d.Units, func(i, j int) bool { return less(&d.Units[i], &d.Units[j]) })
	for k := range unitSorts {
		q := r.URL.Query()
		q.Set("sort", k)
		d.SortURL[k] = "/?" + q.Encode()
	}
	d.Chart = completionChart(d.Units)
	trend, err := s.svc.OverdueTrend(ctx, u)
	if err != nil {
		return err
	}
	d.Trend = overdueTrend(trend, s.svc.Today())
	for _, e := range dash.Pending {
		td, err := s.svc.Task(ctx, u, e.TaskID)
		if err != nil {
			return err
		}
		d.Pending = append(d.Pending, pendingItem{Extension: e, Task: td, UnitName: dir.UnitName(e.UnitID)})
	}
	return s.render(w, r, http.StatusOK, "dashboard", v)
}

// Chart geometry, in the SVG's own units (it scales to the page width).
const (
	chartLabelW = 250
	chartBarW   = 470
	chartRowH   = 22
)

// completionChart draws each unit's tasks as one bar of 100 %, split into
// done on time, done late, open in time and overdue.
func completionChart(units []unitLine) chart {
	c := chart{Height: len(units)*chartRowH + 4}
	for i, u := range units {
		b := chartBar{Y: i*chartRowH + 2, Label: shorten(u.Name, 36), Total: u.Assigned}
		x := float64(chartLabelW)
		for _, part := range []struct {
			n     int
			class string
		}{{u.DoneOnTime, "done_on_time"}, {u.DoneLate, "done_late"}, {u.Open, "open"}, {u.Overdue, "overdue"}} {
			if part.n == 0 || u.Assigned == 0 {
				continue
			}
			w := float64(chartBarW) * float64(part.n) / float64(u.Assigned)
			b.Segs = append(b.Segs, chartSeg{X: x, W: w, N: part.n, Class: part.class})
			x += w
		}
		c.Bars = append(c.Bars, b)
	}
	return c
}

// --- Search ------------------------------------------------------------------

type searchData struct {
	Q      string
	Result *app.SearchResult
	Items  []taskItem
	AllURL string
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	d := &searchData{Q: q}
	v := &view{Title: "Tìm kiếm", Data: d}
	if q == "" {
		return s.render(w, r, http.StatusOK, "search", v)
	}
	res, err := s.svc.Search(ctx, u, q, 20)
	if isFormError(err) {
		v.Error = httpx.Message(err)
		return s.render(w, r, httpx.Status(err), "search", v)
	}
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	d.Result, d.Items = res, s.taskItems(dir, res.Tasks)
	d.AllURL = "/tasks?q=" + url.QueryEscape(q)
	v.Title = "Tìm kiếm: " + shorten(q, 40)
	return s.render(w, r, http.StatusOK, "search", v)
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
	Leads, Helpers   string
	Sector, Block    string
	Since            int
	Form             taskPageForm
	ReopenAllowed    bool
	EventDateAllowed bool
	HasForms         bool // any form at all: the page then has two columns
	MaxUploadMB      int64
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
	d := &taskPageData{TaskDetail: td, Leads: dir.UnitNames(td.Lead), Helpers: dir.UnitNames(td.Support),
		Sector: dir.SectorName(td.SectorID), Block: dir.BlockName(td.BlockID), Since: s.svc.DaysSince(td.LastUpdateAt),
		Form: form, MaxUploadMB: s.svc.Options().MaxUpload >> 20}
	d.ReopenAllowed = td.CanEdit && !td.DoneOn.IsZero()
	d.EventDateAllowed = td.CanEdit && td.Deadline.Kind == domain.DeadlineEvent
	d.HasForms = td.CanReport || td.CanComplete || td.CanRequestExtension || d.EventDateAllowed || d.ReopenAllowed
	if d.MaxUploadMB == 0 {
		d.MaxUploadMB = 1
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
	if in.Percent, err = formInt(r, "percent", 0); err != nil {
		return s.taskFormFailed(w, r, id, fmt.Errorf("%w (tiến độ)", err), form)
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
	flash := "Đã gửi báo cáo tiến độ"
	if in.Completion {
		flash = "Đã báo cáo hoàn thành nhiệm vụ"
	}
	return redirect(w, r, fmt.Sprintf("/tasks/%d", id), flash)
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
	version, err := formInt(r, "version", 0)
	if err != nil {
		return s.taskFormFailed(w, r, id, err, form)
	}
	if err := s.svc.SetEventDate(r.Context(), userOf(r), id, day, version); err != nil {
		return s.taskFormFailed(w, r, id, err, form)
	}
	return redirect(w, r, fmt.Sprintf("/tasks/%d", id), "Đã ghi ngày xảy ra sự kiện; thời hạn đã được tính lại")
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
	return redirect(w, r, fmt.Sprintf("/tasks/%d", id), "Đã mở lại nhiệm vụ")
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
	return redirect(w, r, fmt.Sprintf("/tasks/%d", id), "Đã gửi đề nghị gia hạn, chờ lãnh đạo xem xét")
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
	flash := "Đã từ chối đề nghị gia hạn"
	if approve {
		flash = "Đã đồng ý gia hạn; thời hạn mới đã được áp dụng"
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
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Disposition", contentDisposition(a.Name))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusOK)
	_, err = w.Write(data)
	return err
}

// contentDisposition names a download: an ASCII fallback for old browsers and
// the UTF-8 name (RFC 6266 / 5987) that current ones use.
func contentDisposition(name string) string {
	var ascii, enc strings.Builder
	for _, c := range name {
		if c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			ascii.WriteByte('_')
		} else {
			ascii.WriteRune(c)
		}
	}
	for _, b := range []byte(name) {
		if b < 0x80 && (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || strings.IndexByte("!#$&+-.^_`|~", b) >= 0) {
			enc.WriteByte(b)
		} else {
			fmt.Fprintf(&enc, "%%%02X", b)
		}
	}
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, ascii.String(), enc.String())
}

// --- Task form ---------------------------------------------------------------

// taskFormValues is the task form as typed, kept as text so that a bad value
// (31/02/2023) is shown back as it was.
type taskFormValues struct {
	Text             string
	Lead, Support    []int64
	Kind             string
	Date             string // DeadlineDate
	Month            string // DeadlineMonth: 2023-09
	Quarter, QYear   string // DeadlineQuarter
	Every, Day, From string // DeadlineRecurring
	Event, EventDays string // DeadlineEvent
	EventDate        string
	Product          string
	Sector, Block    int64
	Notice, Section  int64
	Key              bool
	Refs             string
	Version          int
}

type unitGroup struct {
	Name  string
	Units []domain.Unit
}

type noticeOption struct {
	ID    int64
	Label string
}

type taskFormData struct {
	ID       int64 // 0 for a new task
	F        taskFormValues
	Groups   []unitGroup
	Notices  []noticeOption
	Sections []domain.Section
	// Quarters maps 1–4 to the Roman numerals the notices print.
	Quarters map[int]string
}

func (s *Server) taskNew(w http.ResponseWriter, r *http.Request) error {
	if !userOf(r).CanManage() {
		return domain.ErrForbidden
	}
	f := taskFormValues{Kind: "date", From: s.svc.Today().String(), QYear: strconv.Itoa(s.svc.Today().Year), Every: "month"}
	if id, err := formID(r, "notice"); err == nil {
		f.Notice = id
	}
	if id, err := formID(r, "section"); err == nil {
		f.Section = id
	}
	if f.Notice != 0 && f.Section == 0 {
		// Most tasks come from the notice's "nhiệm vụ" part: offer it first.
		if n, err := s.svc.Notice(r.Context(), userOf(r), f.Notice); err == nil {
			for _, sec := range n.Sections {
				if sec.Kind == domain.SectionTasks {
					f.Section = sec.ID
					break
				}
			}
		}
	}
	return s.renderTaskForm(w, r, http.StatusOK, 0, f, "")
}

func (s *Server) taskEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	td, err := s.svc.Task(r.Context(), userOf(r), id)
	if err != nil {
		return err
	}
	if !td.CanEdit {
		return domain.ErrForbidden
	}
	return s.renderTaskForm(w, r, http.StatusOK, id, formOfTask(&td.TaskRow), "")
}

// formOfTask fills the form from a stored task.
func formOfTask(t *store.TaskRow) taskFormValues {
	d := t.Deadline
	f := taskFormValues{Text: t.Text, Lead: t.Lead, Support: t.Support, Kind: string(d.Kind), Product: t.ExpectedProduct,
		Sector: t.SectorID, Block: t.BlockID, Notice: t.NoticeID, Section: t.SectionID, Key: t.Key,
		Refs: strings.Join(t.LegalRefs, "\n"), Version: t.Version, Every: "month"}
	switch d.Kind {
	case domain.DeadlineDate:
		f.Date = d.Date.String()
	case domain.DeadlineMonth:
		f.Month = fmt.Sprintf("%04d-%02d", d.Date.Year, d.Date.Month)
	case domain.DeadlineQuarter:
		f.Quarter, f.QYear = strconv.Itoa((int(d.Date.Month)-1)/3+1), strconv.Itoa(d.Date.Year)
	case domain.DeadlineRecurring:
		f.Every, f.Day, f.From = string(d.Every), strconv.Itoa(d.Day), d.Date.String()
	case domain.DeadlineEvent:
		f.Event, f.EventDays, f.EventDate = d.Event, strconv.Itoa(d.EventDays), d.EventDate.String()
	}
	if f.Kind == "" {
		f.Kind = string(domain.DeadlineNone)
	}
	return f
}

// readTaskForm reads the posted form as typed; ids that are not numbers are an error.
func readTaskForm(r *http.Request) (taskFormValues, error) {
	f := taskFormValues{Text: r.PostFormValue("text"), Kind: r.PostFormValue("deadline_kind"), Date: r.PostFormValue("deadline_date"),
		Month: r.PostFormValue("deadline_month"), Quarter: r.PostFormValue("deadline_quarter"), QYear: r.PostFormValue("deadline_year"),
		Every: r.PostFormValue("every"), Day: r.PostFormValue("day"), From: r.PostFormValue("from"),
		Event: r.PostFormValue("event"), EventDays: r.PostFormValue("event_days"), EventDate: r.PostFormValue("event_date"),
		Product: r.PostFormValue("expected_product"), Key: r.PostFormValue("key") == "1", Refs: r.PostFormValue("legal_refs")}
	var errs []error
	var err error
	if f.Lead, err = formIDs(r, "lead"); err != nil {
		errs = append(errs, err)
	}
	if f.Support, err = formIDs(r, "support"); err != nil {
		errs = append(errs, err)
	}
	for _, x := range []struct {
		name string
		dst  *int64
	}{{"sector", &f.Sector}, {"block", &f.Block}, {"notice", &f.Notice}, {"section", &f.Section}} {
		if *x.dst, err = formID(r, x.name); err != nil {
			errs = append(errs, err)
		}
	}
	if f.Version, err = formInt(r, "version", 0); err != nil {
		errs = append(errs, err)
	}
	return f, errors.Join(errs...)
}

// input turns the typed form into the service's input; a date that is not on
// the calendar or a number that is not one gives a Vietnamese ErrInvalid.
func (f *taskFormValues) input(today domain.Date) (app.TaskInput, error) {
	in := app.TaskInput{NoticeID: f.Notice, SectionID: f.Section, BlockID: f.Block, Text: f.Text, Lead: f.Lead, Support: f.Support,
		ExpectedProduct: f.Product, SectorID: f.Sector, Key: f.Key, Version: f.Version}
	for _, l := range strings.Split(strings.ReplaceAll(f.Refs, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			in.LegalRefs = append(in.LegalRefs, l)
		}
	}
	number := func(v, field string) (int, error) {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return 0, fmt.Errorf("%w: %s phải là một số", domain.ErrInvalid, field)
		}
		return n, nil
	}
	d := domain.Deadline{Kind: domain.DeadlineKind(f.Kind)}
	var err error
	switch d.Kind {
	case "", domain.DeadlineNone:
		d.Kind = domain.DeadlineNone
	case domain.DeadlineDate:
		if d.Date, err = domain.ParseDate(f.Date); err == nil && d.Date.IsZero() {
			err = fmt.Errorf("%w: hãy nhập ngày của thời hạn", domain.ErrInvalid)
		}
	case domain.DeadlineMonth:
		d.Date, err = parseMonth(f.Month)
	case domain.DeadlineQuarter:
		var q, y int
		if q, err = number(f.Quarter, "Quý"); err == nil {
			y, err = number(f.QYear, "Năm của quý")
		}
		if err == nil && (q < 1 || q > 4 || y < 1900 || y > 9999) {
			err = fmt.Errorf("%w: quý phải từ I đến IV của một năm hợp lệ", domain.ErrInvalid)
		}
		d.Date = domain.NewDate(y, domain.QuarterEnd(y, q).Month-2, 1)
	case domain.DeadlineRecurring:
		d.Every = domain.Every(f.Every)
		if d.Day, err = number(f.Day, "Ngày đến hạn trong kỳ"); err == nil {
			if d.Date, err = domain.ParseDate(f.From); err == nil && d.Date.IsZero() {
				d.Date = today
			}
		}
	case domain.DeadlineEvent:
		d.Event = strings.TrimSpace(f.Event)
		if strings.TrimSpace(f.EventDays) != "" {
			d.EventDays, err = number(f.EventDays, "Số ngày sau sự kiện")
		}
		if err == nil {
			d.EventDate, err = domain.ParseDate(f.EventDate)
		}
	default:
		err = fmt.Errorf("%w: hãy chọn loại thời hạn", domain.ErrInvalid)
	}
	in.Deadline = d
	return in, err
}

// parseMonth reads a month as an <input type="month"> sends it (2023-09) or
// as typed (9/2023); the day is the 1st.
func parseMonth(s string) (domain.Date, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("%w: tháng %q không hợp lệ (ví dụ 9/2023)", domain.ErrInvalid, s)
	var y, m int
	var err error
	switch {
	case s == "":
		return domain.Date{}, fmt.Errorf("%w: hãy nhập tháng của thời hạn", domain.ErrInvalid)
	case strings.Count(s, "-") == 1 && strings.Index(s, "-") == 4:
		parts := strings.Split(s, "-")
		if y, err = strconv.Atoi(parts[0]); err == nil {
			m, err = strconv.Atoi(parts[1])
		}
	case strings.Count(s, "/") == 1:
		parts := strings.Split(s, "/")
		if m, err = strconv.Atoi(strings.TrimSpace(parts[0])); err == nil {
			y, err = strconv.Atoi(strings.TrimSpace(parts[1]))
		}
	default:
		return domain.Date{}, bad
	}
	d := domain.NewDate(y, time.Month(m), 1)
	if err != nil || !d.Valid() {
		return domain.Date{}, bad
	}
	return d, nil
}

// readTaskInput reads the posted task form into the service's input; on an
// error the form as typed comes back to be shown again.
func (s *Server) readTaskInput(r *http.Request) (taskFormValues, app.TaskInput, error) {
	f, err := readTaskForm(r)
	if err != nil {
		return f, app.TaskInput{}, err
	}
	in, err := f.input(s.svc.Today())
	return f, in, err
}

func (s *Server) taskCreate(w http.ResponseWriter, r *http.Request) error {
	f, in, err := s.readTaskInput(r)
	if err != nil {
		return s.renderTaskForm(w, r, httpx.Status(err), 0, f, httpx.Message(err))
	}
	t, err := s.svc.CreateTask(r.Context(), userOf(r), in)
	if isFormError(err) {
		return s.renderTaskForm(w, r, httpx.Status(err), 0, f, httpx.Message(err))
	}
	if err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/tasks/%d", t.ID), "Đã tạo nhiệm vụ")
}

func (s *Server) taskUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	f, in, err := s.readTaskInput(r)
	if err != nil {
		return s.renderTaskForm(w, r, httpx.Status(err), id, f, httpx.Message(err))
	}
	_, err = s.svc.UpdateTask(r.Context(), userOf(r), id, in)
	if isFormError(err) {
		return s.renderTaskForm(w, r, httpx.Status(err), id, f, httpx.Message(err))
	}
	if err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/tasks/%d", id), "Đã lưu nhiệm vụ")
}

// renderTaskForm shows the new-task (id 0) or edit form with f's values.
func (s *Server) renderTaskForm(w http.ResponseWriter, r *http.Request, code int, id int64, f taskFormValues, msg string) error {
	ctx, u := r.Context(), userOf(r)
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	notices, _, err := s.svc.Notices(ctx, u, store.NoticeFilter{Limit: 200})
	if err != nil {
		return err
	}
	d := &taskFormData{ID: id, F: f, Groups: groupUnits(dir, f.Lead, f.Support), Quarters: map[int]string{1: "I", 2: "II", 3: "III", 4: "IV"}}
	seen := false
	for _, n := range notices {
		d.Notices = append(d.Notices, noticeOption{n.ID, noticeLabel(&n)})
		seen = seen || n.ID == f.Notice
	}
	if f.Notice != 0 {
		// The chosen notice may be older than the list: add it, with its sections.
		if n, err := s.svc.Notice(ctx, u, f.Notice); err == nil {
			if !seen {
				d.Notices = append(d.Notices, noticeOption{n.ID, noticeLabel(n)})
			}
			d.Sections = n.Sections
		} else if !app.IsNotFound(err) {
			return err
		}
	}
	title := "Tạo nhiệm vụ"
	if id != 0 {
		title = "Sửa nhiệm vụ"
	}
	return s.render(w, r, code, "task_form", &view{Title: title, Nav: "tasks", Error: msg, Dir: dir, Data: d})
}

func noticeLabel(n *domain.Notice) string {
	code := n.Code()
	if code == "" {
		code = "Dự thảo"
	}
	if !n.IssuedOn.IsZero() {
		code += " ngày " + n.IssuedOn.VN()
	}
	return code + " – " + shorten(n.Title, 80)
}

// groupUnits lists the directory's units by block, blocks in directory order
// and units without a block last; inactive units appear only when chosen.
func groupUnits(dir *app.Directory, chosen ...[]int64) []unitGroup {
	keep := map[int64]bool{}
	for _, ids := range chosen {
		for _, id := range ids {
			keep[id] = true
		}
	}
	byBlock := map[int64][]domain.Unit{}
	for _, u := range dir.Units {
		if u.Active || keep[u.ID] {
			byBlock[u.BlockID] = append(byBlock[u.BlockID], u)
		}
	}
	var out []unitGroup
	for _, b := range dir.Blocks {
		if us := byBlock[b.ID]; len(us) > 0 {
			out = append(out, unitGroup{Name: b.Name, Units: us})
			delete(byBlock, b.ID)
		}
	}
	var rest []domain.Unit
	for _, us := range byBlock {
		rest = append(rest, us...)
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].Name < rest[j].Name })
	if len(rest) > 0 {
		name := "Đơn vị khác"
		if len(out) == 0 {
			name = "Đơn vị"
		}
		out = append(out, unitGroup{Name: name, Units: rest})
	}
	return out
}
