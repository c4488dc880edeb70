package api

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
)

// Reports on a task, their attachments, and extension requests.

func (s *Server) reportCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	var in app.ReportInput
	if isMultipart(r) {
		if in, err = s.readReportForm(r); err != nil {
			return err
		}
	} else {
		var body reportInput
		if err := decodeJSON(r, &body); err != nil {
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
	return writeJSON(w, http.StatusCreated, reportOut(dir, rep))
}

func (s *Server) readReportForm(r *http.Request) (app.ReportInput, error) {
	var in app.ReportInput
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return in, fmt.Errorf("%w: tệp đính kèm vượt quá giới hạn cho phép", domain.ErrTooLarge)
		}
		return in, &httpError{status: http.StatusBadRequest, code: "malformed_form", msg: "biểu mẫu multipart không đọc được"}
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
		up, err := httpx.ReadUpload(fh, s.svc.Options().MaxUpload)
		if err != nil {
			return in, err
		}
		in.Files = append(in.Files, up)
	}
	return in, nil
}

func (s *Server) extensionCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	var in extensionInput
	if err := decodeJSON(r, &in); err != nil {
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
	return writeJSON(w, http.StatusCreated, extensionOut(dir, e))
}

func (s *Server) extensionDecide(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	var in decideInput
	if err := decodeJSON(r, &in); err != nil {
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
	return writeJSON(w, http.StatusOK, extensionOut(dir, e))
}

func (s *Server) attachment(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
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

type attachmentJSON struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	URL         string `json:"url"`
}

type reportJSON struct {
	ID          int64            `json:"id"`
	TaskID      int64            `json:"task_id"`
	Unit        *refJSON         `json:"unit"`
	UserID      *int64           `json:"user_id"`
	UserName    string           `json:"user_name"`
	Body        string           `json:"body"`
	Percent     int              `json:"percent"`
	Completion  bool             `json:"completion"`
	Period      isoDate          `json:"period"`
	CreatedAt   *string          `json:"created_at"`
	Attachments []attachmentJSON `json:"attachments"`
}

func reportOut(dir *app.Directory, r *domain.Report) reportJSON {
	out := reportJSON{ID: r.ID, TaskID: r.TaskID, Unit: unitRef(dir, r.UnitID), UserID: optID(r.UserID), UserName: r.UserName, Body: r.Body,
		Percent: r.Percent, Completion: r.Completion, Period: isoDate{r.Period}, CreatedAt: isoTime(r.CreatedAt),
		Attachments: []attachmentJSON{}}
	for _, a := range r.Attachments {
		out.Attachments = append(out.Attachments, attachmentJSON{ID: a.ID, Name: a.Name, ContentType: a.ContentType, Size: a.Size,
			URL: fmt.Sprintf("/api/v1/attachments/%d", a.ID)})
	}
	return out
}

type reportInput struct {
	Body       string `json:"body"`
	Percent    int    `json:"percent"`
	Completion bool   `json:"completion"`
}

type extensionJSON struct {
	ID          int64     `json:"id"`
	TaskID      int64     `json:"task_id"`
	Unit        *refJSON  `json:"unit"`
	RequestedBy *refJSON  `json:"requested_by"`
	OldDue      isoDate   `json:"old_due"`
	NewDue      isoDate   `json:"new_due"`
	Reason      string    `json:"reason"`
	State       codeLabel `json:"state"`
	DecidedBy   *refJSON  `json:"decided_by"`
	DecidedAt   *string   `json:"decided_at"`
	Note        string    `json:"note"`
	CreatedAt   *string   `json:"created_at"`
}

func person(id int64, name string) *refJSON {
	if id == 0 {
		return nil
	}
	return &refJSON{ID: id, Name: name}
}

func extensionOut(dir *app.Directory, e *domain.Extension) extensionJSON {
	return extensionJSON{ID: e.ID, TaskID: e.TaskID, Unit: unitRef(dir, e.UnitID), RequestedBy: person(e.RequestedBy, e.Requester),
		OldDue: isoDate{e.OldDue}, NewDue: isoDate{e.NewDue}, Reason: e.Reason, State: codeLabel{string(e.State), e.State.Label()},
		DecidedBy: person(e.DecidedBy, e.Decider), DecidedAt: isoTime(e.DecidedAt), Note: e.Note, CreatedAt: isoTime(e.CreatedAt)}
}

func extensionsOut(dir *app.Directory, xs []domain.Extension) []extensionJSON {
	return listOf(xs, func(e *domain.Extension) extensionJSON { return extensionOut(dir, e) })
}

type extensionInput struct {
	NewDue isoDate `json:"new_due"`
	Reason string  `json:"reason"`
}

type decideInput struct {
	Approve *bool  `json:"approve"`
	Note    string `json:"note"`
}
