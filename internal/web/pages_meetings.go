package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

// The pages of meetings (hội nghị giao ban): list, page and form. Every
// rule lives in package app; the handlers read forms, call the service and
// choose the page to show.

type meetingListData struct {
	Meetings []domain.Meeting
	Pager    Pager
	BlockID  int64
	Year     string
	Period   string
	Query    string
}

func (s *Server) meetingList(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	blockID, _ := formID(r, "block") // a filter that is not a number filters nothing
	d := meetingListData{BlockID: blockID, Year: strings.TrimSpace(q.Get("year")),
		Period: q.Get("period"), Query: strings.TrimSpace(q.Get("q"))}
	f := store.MeetingFilter{BlockID: d.BlockID, Period: domain.PeriodKind(d.Period), Query: d.Query}
	if y, err := strconv.Atoi(d.Year); err == nil {
		f.Year = y
	}
	page, per, off := pageParams(r, 20)
	f.Limit, f.Offset = per, off
	ms, total, err := s.svc.Meetings(r.Context(), u, f)
	if err != nil {
		return err
	}
	d.Meetings, d.Pager = ms, newPager(r, page, per, total)
	return s.render(w, r, http.StatusOK, "meetings", &view{Title: "Hội nghị giao ban", Nav: "meetings", Dir: dir, Data: d})
}

// meetingForm is the meeting form with what the user typed.
type meetingForm struct {
	M        domain.Meeting
	New      bool
	Date     string
	PeriodNo string
	Year     string
	Bridge   string
	// Units is the picker of the units that attend.
	Units unitPicker
}

func (s *Server) renderMeetingForm(w http.ResponseWriter, r *http.Request, code int, msg string, f *meetingForm) error {
	dir, err := s.svc.Directory(r.Context(), userOf(r))
	if err != nil {
		return err
	}
	f.Units = pickUnits(dir, "unit_ids", "Đơn vị dự họp", f.M.UnitIDs, activeOrChosen(f.M.UnitIDs))
	title := "Sửa hội nghị"
	if f.New {
		title = "Thêm hội nghị"
	}
	return s.render(w, r, code, "meeting_form", &view{Title: title, Nav: "meetings", Dir: dir, Error: msg, Data: f})
}

func meetingFormOf(m *domain.Meeting) *meetingForm {
	f := &meetingForm{M: *m, Date: m.Date.String(), Bridge: strings.Join(m.BridgePoints, "\n")}
	if m.PeriodNo != 0 {
		f.PeriodNo = strconv.Itoa(m.PeriodNo)
	}
	if m.PeriodYear != 0 {
		f.Year = strconv.Itoa(m.PeriodYear)
	}
	return f
}

// readMeeting fills m and f from the posted form and returns the first
// input error; f always holds every field as typed.
func readMeeting(r *http.Request, m *domain.Meeting, f *meetingForm) error {
	var fe formErrs
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("%w: biểu mẫu không đọc được", domain.ErrInvalid)
	}
	m.Title = r.PostFormValue("title")
	m.Period = domain.PeriodKind(r.PostFormValue("period"))
	m.Time = strings.TrimSpace(r.PostFormValue("time"))
	m.Place = r.PostFormValue("place")
	m.Online = r.PostFormValue("online") == "1"
	m.Chair = r.PostFormValue("chair")
	m.Attendees = r.PostFormValue("attendees")
	m.Agenda = r.PostFormValue("agenda")
	f.Date, f.PeriodNo, f.Year, f.Bridge = r.PostFormValue("date"), r.PostFormValue("period_no"), r.PostFormValue("year"), r.PostFormValue("bridge")
	m.BridgePoints = lines(f.Bridge)
	var err error
	m.BlockID, err = formID(r, "block_id")
	fe.keep(err)
	m.UnitIDs, err = formIDs(r, "unit_ids")
	fe.keep(err)
	m.GroupIDs, err = formIDs(r, "group_ids")
	fe.keep(err)
	m.Date, err = domain.ParseDate(f.Date)
	if err != nil {
		fe.keep(fmt.Errorf("Ngày họp: %w", err))
	}
	m.PeriodNo, err = formInt(r, "period_no", "Số kỳ", 0)
	fe.keep(err)
	m.PeriodYear, err = formInt(r, "year", "Năm", 0)
	fe.keep(err)
	m.Version, err = formInt(r, "version", "Phiên bản", 0)
	fe.keep(err)
	f.M = *m
	return fe.err
}

func (s *Server) meetingNew(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.CheckManage(userOf(r)); err != nil {
		return err
	}
	today := s.svc.Today()
	blockID, _ := formID(r, "block") // a block that is not a number is none
	m := &domain.Meeting{Period: domain.PeriodMonth, PeriodNo: int(today.Month), PeriodYear: today.Year, Date: today, Time: "07:30",
		BlockID: blockID}
	f := meetingFormOf(m)
	f.New = true
	return s.renderMeetingForm(w, r, http.StatusOK, "", f)
}

func (s *Server) meetingCreate(w http.ResponseWriter, r *http.Request) error {
	m := &domain.Meeting{}
	f := &meetingForm{New: true}
	err := readMeeting(r, m, f)
	if err == nil {
		err = s.svc.CreateMeeting(r.Context(), userOf(r), m)
	}
	if isFormError(err) {
		return s.renderMeetingForm(w, r, httpx.Status(err), httpx.Message(err), f)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/meetings/%d", m.ID), flashMeetingCreated)
}

type meetingData struct {
	M       *domain.Meeting
	Notices []domain.Notice
}

func (s *Server) meetingShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	u := userOf(r)
	m, err := s.svc.Meeting(r.Context(), u, id)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	ns, _, err := s.svc.Notices(r.Context(), u, store.NoticeFilter{MeetingID: id, Limit: 100})
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "meeting", &view{Title: m.Title, Nav: "meetings", Dir: dir, Data: meetingData{M: m, Notices: ns}})
}

func (s *Server) meetingEdit(w http.ResponseWriter, r *http.Request) error {
	id, u, err := s.manageID(r)
	if err != nil {
		return err
	}
	m, err := s.svc.Meeting(r.Context(), u, id)
	if err != nil {
		return err
	}
	return s.renderMeetingForm(w, r, http.StatusOK, "", meetingFormOf(m))
}

func (s *Server) meetingUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	m := &domain.Meeting{ID: id}
	f := &meetingForm{}
	err = readMeeting(r, m, f)
	if err == nil {
		err = s.svc.UpdateMeeting(r.Context(), userOf(r), m)
	}
	if isFormError(err) {
		return s.renderMeetingForm(w, r, httpx.Status(err), httpx.Message(err), f)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/meetings/%d", id), flashMeetingSaved)
}
