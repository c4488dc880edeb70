package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

// The task form: a new task, or the edit of one, with its deadline in any of
// its kinds.

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
	// Groups named as lead or support, not yet expanded.
	LeadGroups, SupportGroups []int64
}

type noticeOption struct {
	ID    int64
	Label string
}

type taskFormData struct {
	ID int64 // 0 for a new task
	F  taskFormValues
	// The unit pickers of the lead and the supporting units.
	Lead, Support unitPicker
	Notices       []noticeOption
	Sections      []domain.Section
	// Quarters maps 1–4 to the Roman numerals the notices print.
	Quarters map[int]string
	// UnitGroups are the directory's groups of units, to name as lead or
	// support when the notice does (they are expanded later).
	UnitGroups []domain.Group
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
		Refs: strings.Join(t.LegalRefs, "\n"), Version: t.Version, Every: "month", LeadGroups: t.LeadGroups, SupportGroups: t.SupportGroups}
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
	if f.LeadGroups, err = formIDs(r, "lead_group"); err != nil {
		errs = append(errs, err)
	}
	if f.SupportGroups, err = formIDs(r, "support_group"); err != nil {
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
	if f.Version, err = formInt(r, "version", "Phiên bản", 0); err != nil {
		errs = append(errs, err)
	}
	return f, errors.Join(errs...)
}

// input turns the typed form into the service's input; a date that is not on
// the calendar or a number that is not one gives a Vietnamese ErrInvalid.
func (f *taskFormValues) input(today domain.Date) (app.TaskInput, error) {
	in := app.TaskInput{NoticeID: f.Notice, SectionID: f.Section, BlockID: f.Block, Text: f.Text, Lead: f.Lead, Support: f.Support,
		ExpectedProduct: f.Product, SectorID: f.Sector, Key: f.Key, Version: f.Version, LeadGroups: f.LeadGroups, SupportGroups: f.SupportGroups}
	in.LegalRefs = lines(f.Refs)
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
		if err == nil && (q < 1 || q > 4 || y < domain.MinYear || y > domain.MaxYear) {
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
	return redirect(w, r, fmt.Sprintf("/tasks/%d", t.ID), flashTaskCreated)
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
	return redirect(w, r, fmt.Sprintf("/tasks/%d", id), flashTaskSaved)
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
	d := &taskFormData{ID: id, F: f, Quarters: map[int]string{1: "I", 2: "II", 3: "III", 4: "IV"}, UnitGroups: dir.Groups,
		Lead:    pickUnits(dir, "lead", "Đơn vị chủ trì", f.Lead, activeOrChosen(f.Lead)),
		Support: pickUnits(dir, "support", "Đơn vị phối hợp", f.Support, activeOrChosen(f.Support))}
	d.Lead.Hint = "Đơn vị chịu trách nhiệm chính; thường chỉ một đơn vị."
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
