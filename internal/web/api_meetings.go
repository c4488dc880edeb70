package web

import (
	"net/http"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// Meetings and notices.

func (s *Server) apiMeetings(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	q := apiQuery(r)
	f := store.MeetingFilter{BlockID: q.id("block"), Year: q.integer("year", 0, 1900, 9999), Query: strings.TrimSpace(q.v.Get("q"))}
	if p := q.v.Get("period"); p != "" {
		f.Period = domain.PeriodKind(p)
		if !apiValidPeriod(f.Period) {
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
	out := func(m *domain.Meeting) apiMeetingJSON { return apiMeetingOut(dir, m) }
	return apiWriteJSON(w, http.StatusOK, apiPage(ms, out, total, page, perPage))
}

func apiValidPeriod(p domain.PeriodKind) bool {
	for _, x := range domain.PeriodKinds {
		if x == p {
			return true
		}
	}
	return false
}

func (s *Server) apiMeeting(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := pathID(r)
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
	return apiWriteJSON(w, status, apiMeetingOut(dir, m))
}

func (s *Server) apiMeetingCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in apiMeetingInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	m := in.meeting(0)
	if err := s.svc.CreateMeeting(r.Context(), u, m); err != nil {
		return err
	}
	return s.writeMeeting(w, r, u, http.StatusCreated, m)
}

func (s *Server) apiMeetingUpdate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in apiMeetingInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	m := in.meeting(id)
	if err := s.svc.UpdateMeeting(r.Context(), u, m); err != nil {
		return err
	}
	return s.writeMeeting(w, r, u, http.StatusOK, m)
}

func (s *Server) apiNotices(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	q := apiQuery(r)
	f := store.NoticeFilter{MeetingID: q.id("meeting"), Query: strings.TrimSpace(q.v.Get("q"))}
	switch st := domain.NoticeState(q.v.Get("state")); st {
	case "", domain.NoticeDraft, domain.NoticeIssued, domain.NoticeSuperseded:
		f.State = st
	default:
		q.fail("tham số state phải là draft, issued hoặc superseded")
	}
	page, perPage, offset := q.page()
	if q.err != nil {
		return q.err
	}
	f.Limit, f.Offset = perPage, offset
	ns, total, err := s.svc.Notices(r.Context(), u, f)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusOK, apiPage(ns, apiNoticeOut, total, page, perPage))
}

func (s *Server) apiNotice(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	n, err := s.svc.Notice(r.Context(), u, id)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusOK, apiNoticeDetailOut(n))
}

func (s *Server) apiNoticeCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in apiNoticeInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	n := in.notice(0)
	if err := s.svc.CreateNotice(r.Context(), u, n); err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusCreated, apiNoticeDetailOut(n))
}

func (s *Server) apiNoticeUpdate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in apiNoticeInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	n := in.notice(id)
	if err := s.svc.UpdateNotice(r.Context(), u, n); err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusOK, apiNoticeDetailOut(n))
}

func (s *Server) apiNoticeIssue(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in apiVersionInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	n, err := s.svc.IssueNotice(r.Context(), u, id, in.Version)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusOK, apiNoticeDetailOut(n))
}

func (s *Server) apiNoticeCorrect(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	n, err := s.svc.CorrectNotice(r.Context(), u, id)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusCreated, apiNoticeDetailOut(n))
}
