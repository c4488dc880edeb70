package api

import (
	"net/http"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

// Meetings (hội nghị giao ban).

func (s *Server) meetings(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	q := query(r)
	f := store.MeetingFilter{BlockID: q.id("block"), Year: q.integer("year", 0, domain.MinYear, domain.MaxYear), Query: strings.TrimSpace(q.v.Get("q"))}
	if p := q.v.Get("period"); p != "" {
		f.Period = domain.PeriodKind(p)
		if !validPeriod(f.Period) {
			q.fail("tham số period phải là một trong month, quarter, half, year, adhoc")
		}
	}
	page, perPage, offset := q.page()
	if q.err != nil {
		return q.err
	}
	f.Limit, f.Offset = perPage, offset
	ms, total, err := s.svc.Meetings(r.Context(), u, f)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	out := func(m *domain.Meeting) meetingJSON { return meetingOut(dir, m) }
	return writeJSON(w, http.StatusOK, paged(ms, out, total, page, perPage))
}

func validPeriod(p domain.PeriodKind) bool {
	for _, x := range domain.PeriodKinds {
		if x == p {
			return true
		}
	}
	return false
}

func (s *Server) meeting(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	m, err := s.svc.Meeting(r.Context(), u, id)
	if err != nil {
		return err
	}
	return s.writeMeeting(w, r, u, http.StatusOK, m)
}

func (s *Server) writeMeeting(w http.ResponseWriter, r *http.Request, u *domain.User, status int, m *domain.Meeting) error {
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	return writeJSON(w, status, meetingOut(dir, m))
}

func (s *Server) meetingCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in meetingInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	m := in.meeting(0)
	if err := s.svc.CreateMeeting(r.Context(), u, m); err != nil {
		return err
	}
	return s.writeMeeting(w, r, u, http.StatusCreated, m)
}

func (s *Server) meetingUpdate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	var in meetingInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	m := in.meeting(id)
	if err := s.svc.UpdateMeeting(r.Context(), u, m); err != nil {
		return err
	}
	return s.writeMeeting(w, r, u, http.StatusOK, m)
}

type meetingJSON struct {
	ID           int64     `json:"id"`
	Title        string    `json:"title"`
	Period       string    `json:"period"`
	PeriodLabel  string    `json:"period_label"`
	PeriodYear   int       `json:"period_year"`
	PeriodNo     int       `json:"period_no"`
	Date         isoDate   `json:"date"`
	Time         string    `json:"time"`
	Place        string    `json:"place"`
	Online       bool      `json:"online"`
	BridgePoints []string  `json:"bridge_points"`
	Chair        string    `json:"chair"`
	BlockID      *int64    `json:"block_id"`
	Units        []refJSON `json:"units"`
	Groups       []refJSON `json:"groups"`
	Attendees    string    `json:"attendees"`
	Agenda       string    `json:"agenda"`
	Version      int       `json:"version"`
}

func meetingOut(dir *app.Directory, m *domain.Meeting) meetingJSON {
	return meetingJSON{ID: m.ID, Title: m.Title, Period: string(m.Period), PeriodLabel: m.PeriodLabel(), PeriodYear: m.PeriodYear,
		PeriodNo: m.PeriodNo, Date: isoDate{m.Date}, Time: m.Time, Place: m.Place, Online: m.Online, BridgePoints: strs(m.BridgePoints),
		Chair: m.Chair, BlockID: optID(m.BlockID), Units: unitRefs(dir, m.UnitIDs), Groups: groupRefs(dir, m.GroupIDs), Attendees: m.Attendees, Agenda: m.Agenda, Version: m.Version}
}

type meetingInput struct {
	Title        string   `json:"title"`
	Period       string   `json:"period"`
	PeriodYear   int      `json:"period_year"`
	PeriodNo     int      `json:"period_no"`
	Date         isoDate  `json:"date"`
	Time         string   `json:"time"`
	Place        string   `json:"place"`
	Online       bool     `json:"online"`
	BridgePoints []string `json:"bridge_points"`
	Chair        string   `json:"chair"`
	BlockID      int64    `json:"block_id"`
	UnitIDs      []int64  `json:"unit_ids"`
	GroupIDs     []int64  `json:"group_ids"`
	Attendees    string   `json:"attendees"`
	Agenda       string   `json:"agenda"`
	Version      int      `json:"version"`
}

func (in *meetingInput) meeting(id int64) *domain.Meeting {
	return &domain.Meeting{ID: id, Title: in.Title, Period: domain.PeriodKind(in.Period), PeriodYear: in.PeriodYear, PeriodNo: in.PeriodNo,
		Date: in.Date.Date, Time: in.Time, Place: in.Place, Online: in.Online, BridgePoints: in.BridgePoints, Chair: in.Chair,
		BlockID: in.BlockID, UnitIDs: in.UnitIDs, GroupIDs: in.GroupIDs, Attendees: in.Attendees, Agenda: in.Agenda, Version: in.Version}
}
