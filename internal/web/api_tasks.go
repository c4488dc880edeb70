package web

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// Tasks, reports, extensions, the dashboard and search.

// apiTaskFilter reads the filters the task list and the dashboard share.
func apiTaskFilter(q *apiParams) store.TaskFilter {
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

func (s *Server) apiTasks(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	q := apiQuery(r)
	f := apiTaskFilter(q)
	page, perPage, offset := q.page()
	if q.err != nil {
		return q.err
	}
	f.Limit, f.Offset = perPage, offset
	rows, total, err := s.svc.Tasks(r.Context(), u, f)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusOK, apiPageOf[apiTaskJSON]{Items: apiTasksOut(dir, rows), Total: total, Page: page, PerPage: perPage})
}

// writeTask answers with the task as the actor now sees it.
func (s *Server) writeTask(ctx context.Context, w http.ResponseWriter, u *domain.User, status int, id int64) error {
	d, err := s.svc.Task(ctx, u, id)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, status, apiTaskDetailOut(dir, d))
}

func (s *Server) apiTask(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	return s.writeTask(r.Context(), w, u, http.StatusOK, id)
}

func (s *Server) apiTaskCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in apiTaskInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	t, err := s.svc.CreateTask(r.Context(), u, in.input())
	if err != nil {
		return err
	}
	return s.writeTask(r.Context(), w, u, http.StatusCreated, t.ID)
}

// apiVisibleTask answers domain.ErrNotFound for a task the user may not see,
// before any other refusal, so that another unit's task stays unknown to a
// unit user whatever the verb.
func (s *Server) apiVisibleTask(r *http.Request, u *domain.User) (int64, error) {
	id, err := pathID(r)
	if err != nil {
		return 0, err
	}
	if _, err := s.svc.Task(r.Context(), u, id); err != nil {
		return 0, err
	}
	return id, nil
}

func (s *Server) apiTaskUpdate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := s.apiVisibleTask(r, u)
	if err != nil {
		return err
	}
	var in apiTaskInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	if _, err := s.svc.UpdateTask(r.Context(), u, id, in.input()); err != nil {
		return err
	}
	return s.writeTask(r.Context(), w, u, http.StatusOK, id)
}

func (s *Server) apiTaskEventDate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := s.apiVisibleTask(r, u)
	if err != nil {
		return err
	}
	var in apiEventDateInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	if err := s.svc.SetEventDate(r.Context(), u, id, in.Date.Date, in.Version); err != nil {
		return err
	}
	return s.writeTask(r.Context(), w, u, http.StatusOK, id)
}

func (s *Server) apiTaskReopen(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := s.apiVisibleTask(r, u)
	if err != nil {
		return err
	}
	var in apiReasonInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	if err := s.svc.ReopenTask(r.Context(), u, id, in.Reason); err != nil {
		return err
	}
	return s.writeTask(r.Context(), w, u, http.StatusOK, id)
}

// apiReportCreate takes a report as JSON, or as multipart/form-data with the
// fields body, percent, completion and any number of files named "files".
func (s *Server) apiReportCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in app.ReportInput
	if apiIsMultipart(r) {
		if in, err = s.apiReadReportForm(r); err != nil {
			return err
		}
	} else {
		var body apiReportInput
		if err := apiDecodeJSON(r, &body); err != nil {
			return err
		}
		in = app.ReportInput{Body: body.Body, Percent: body.Percent, Completion: body.Completion}
	}
	rep, err := s.svc.AddReport(r.Context(), u, id, in)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusCreated, apiReportOut(dir, rep))
}

// apiReadReportForm reads a multipart report within the body limit the route
// set; each file is read as the report page reads it.
func (s *Server) apiReadReportForm(r *http.Request) (app.ReportInput, error) {
	var in app.ReportInput
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return in, fmt.Errorf("%w: tệp đính kèm vượt quá giới hạn cho phép", domain.ErrTooLarge)
		}
		return in, &apiErr{status: http.StatusBadRequest, code: "malformed_form", msg: "biểu mẫu multipart không đọc được"}
	}
	defer r.MultipartForm.RemoveAll() //nolint:errcheck // temporary files only
	in.Body = r.FormValue("body")
	if p := strings.TrimSpace(r.FormValue("percent")); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil {
			return in, fmt.Errorf("%w: trường percent phải là số nguyên từ 0 đến 100", domain.ErrInvalid)
		}
		in.Percent = n
	}
	if c := strings.TrimSpace(r.FormValue("completion")); c != "" {
		b, err := strconv.ParseBool(c)
		if err != nil {
			return in, fmt.Errorf("%w: trường completion phải là true hoặc false", domain.ErrInvalid)
		}
		in.Completion = b
	}
	for _, fh := range r.MultipartForm.File["files"] {
		up, err := s.readUpload(fh)
		if err != nil {
			return in, err
		}
		in.Files = append(in.Files, up)
	}
	return in, nil
}

func (s *Server) apiExtensionCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in apiExtensionInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	e, err := s.svc.RequestExtension(r.Context(), u, id, in.NewDue.Date, in.Reason)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusCreated, apiExtensionOut(dir, e))
}

func (s *Server) apiExtensionDecide(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in apiDecideInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	if in.Approve == nil {
		return fmt.Errorf("%w: cần cho biết đồng ý hay không (approve: true hoặc false)", domain.ErrInvalid)
	}
	if err := s.svc.DecideExtension(r.Context(), u, id, *in.Approve, in.Note); err != nil {
		return err
	}
	e, err := s.svc.Extension(r.Context(), u, id)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusOK, apiExtensionOut(dir, e))
}

// apiAttachment sends a report's file as it was uploaded.
func (s *Server) apiAttachment(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	a, data, err := s.svc.Attachment(r.Context(), u, id)
	if err != nil {
		return err
	}
	ct := a.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Name}))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Header().Set("Cache-Control", "private, no-store")
	w.Write(data) //nolint:errcheck // the client has gone
	return nil
}

func (s *Server) apiDashboard(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	q := apiQuery(r)
	f := apiTaskFilter(q)
	if q.err != nil {
		return q.err
	}
	d, err := s.svc.Dashboard(r.Context(), u, f)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusOK, apiDashboardOut(dir, d))
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	q := apiQuery(r)
	limit := q.integer("limit", 20, 1, 200)
	if q.err != nil {
		return q.err
	}
	res, err := s.svc.Search(r.Context(), u, q.v.Get("q"), limit)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	meeting := func(m *domain.Meeting) apiMeetingJSON { return apiMeetingOut(dir, m) }
	return apiWriteJSON(w, http.StatusOK, apiSearchJSON{Query: strings.TrimSpace(q.v.Get("q")),
		Notices:  apiHitsJSON[apiNoticeJSON]{Items: apiList(res.Notices, apiNoticeOut), Total: res.NoticeTotal},
		Meetings: apiHitsJSON[apiMeetingJSON]{Items: apiList(res.Meetings, meeting), Total: res.MeetingTotal},
		Tasks:    apiHitsJSON[apiTaskJSON]{Items: apiTasksOut(dir, res.Tasks), Total: res.TaskTotal},
	})
}
