package api

import (
	"net/http"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
)

// The dashboard and search.

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	q := query(r)
	f := taskFilter(q)
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
	return writeJSON(w, http.StatusOK, dashboardOut(dir, d))
}

func (s *Server) search(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	q := query(r)
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
	meeting := func(m *domain.Meeting) meetingJSON { return meetingOut(dir, m) }
	return writeJSON(w, http.StatusOK, searchJSON{Query: strings.TrimSpace(q.v.Get("q")),
		Notices:  hitsJSON[noticeJSON]{Items: listOf(res.Notices, noticeOut), Total: res.NoticeTotal},
		Meetings: hitsJSON[meetingJSON]{Items: listOf(res.Meetings, meeting), Total: res.MeetingTotal},
		Tasks:    hitsJSON[taskJSON]{Items: tasksOut(dir, res.Tasks), Total: res.TaskTotal},
	})
}

type statusCountJSON struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

type unitStatsJSON struct {
	Unit         refJSON `json:"unit"`
	Assigned     int     `json:"assigned"`
	DoneOnTime   int     `json:"done_on_time"`
	DoneLate     int     `json:"done_late"`
	Open         int     `json:"open"`
	Overdue      int     `json:"overdue"`
	LastUpdateAt *string `json:"last_update_at"`
}

type dashboardJSON struct {
	// Total counts tasks; Assignments sums units' assigned: lead
	// assignments (a task with two lead units counts in both rows).
	Total             int               `json:"total"`
	Assignments       int               `json:"assignments"`
	Unresolved        int               `json:"unresolved"`
	Counts            []statusCountJSON `json:"counts"`
	Units             []unitStatsJSON   `json:"units"`
	Overdue           []taskJSON        `json:"overdue"`
	PendingExtensions []extensionJSON   `json:"pending_extensions"`
}

func dashboardOut(dir *app.Directory, d *app.Dashboard) dashboardJSON {
	out := dashboardJSON{Total: d.Total, Assignments: d.Assignments, Unresolved: d.Unresolved, Counts: []statusCountJSON{}, Units: []unitStatsJSON{}, Overdue: tasksOut(dir, d.Overdue),
		PendingExtensions: extensionsOut(dir, d.Pending)}
	for _, st := range domain.Statuses {
		out.Counts = append(out.Counts, statusCountJSON{Code: string(st), Label: st.Label(), Count: d.Counts[st]})
	}
	for _, u := range d.Units {
		out.Units = append(out.Units, unitStatsJSON{Unit: refJSON{ID: u.UnitID, Name: u.Name}, Assigned: u.Assigned, DoneOnTime: u.DoneOnTime,
			DoneLate: u.DoneLate, Open: u.Open, Overdue: u.Overdue, LastUpdateAt: isoTime(u.LastUpdate)})
	}
	return out
}

type hitsJSON[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

type searchJSON struct {
	Query    string                `json:"query"`
	Notices  hitsJSON[noticeJSON]  `json:"notices"`
	Meetings hitsJSON[meetingJSON] `json:"meetings"`
	Tasks    hitsJSON[taskJSON]    `json:"tasks"`
}
