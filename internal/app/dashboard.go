package app

import (
	"context"
	"time"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// UnitRow is one line of the per-unit follow-up table.
type UnitRow struct {
	store.UnitStats
	Name string
}

// Dashboard is the leader's overview for a filter. Its figures count
// tasks (Total, Counts) or lead assignments (Units, Assignments): a task
// with two lead units is one task and two assignments.
type Dashboard struct {
	Counts  map[domain.Status]int
	Total   int // tasks
	Units   []UnitRow
	Overdue []store.TaskRow // the most overdue open tasks
	Pending []domain.Extension
	// Assignments sums Units: lead assignments (lượt giao đơn vị chủ trì).
	Assignments int
	// Unresolved counts the tasks of Total that wait for the Office to say
	// which units lead them (chưa xác định đơn vị): in no row of Units.
	Unresolved int
}

// Dashboard counts tasks per status and per lead unit for the filter, lists the
// overdue tasks first, and the extension requests waiting. Unit users see their
// own unit's figures only.
func (s *Service) Dashboard(ctx context.Context, actor *domain.User, f store.TaskFilter) (*Dashboard, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	s.scope(actor, &f)
	counts, err := s.st.StatusCounts(ctx, f)
	if err != nil {
		return nil, err
	}
	d := &Dashboard{Counts: counts}
	for _, n := range counts {
		d.Total += n
	}
	stats, err := s.st.StatsByUnit(ctx, f)
	if err != nil {
		return nil, err
	}
	units, err := s.st.Units(ctx, actor.OrgID)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, u := range units {
		names[u.ID] = u.Name
	}
	for _, st := range stats {
		if !actor.SeesAll() && st.UnitID != actor.UnitID {
			continue
		}
		d.Units = append(d.Units, UnitRow{UnitStats: st, Name: names[st.UnitID]})
		d.Assignments += st.Assigned
	}
	if actor.SeesAll() {
		uf := f
		uf.Unresolved, uf.Limit, uf.Offset = true, 1, 0
		if _, d.Unresolved, err = s.st.Tasks(ctx, uf); err != nil {
			return nil, err
		}
	}
	of := f
	of.Statuses = []domain.Status{domain.StatusOverdue}
	of.Sort, of.Limit, of.Offset = store.SortDue, 10, 0
	if d.Overdue, _, err = s.st.Tasks(ctx, of); err != nil {
		return nil, err
	}
	if d.Pending, err = s.PendingExtensions(ctx, actor); err != nil {
		return nil, err
	}
	return d, nil
}

// DaysSince is how many whole days ago t was, for "last update" columns.
func (s *Service) DaysSince(t time.Time) int {
	if t.IsZero() {
		return -1
	}
	return s.Today().Sub(domain.DateOf(t))
}

// AuditLog lists audit entries (admin only).
func (s *Service) AuditLog(ctx context.Context, actor *domain.User, f store.AuditFilter) ([]store.AuditEntry, int, error) {
	if err := needAdmin(actor); err != nil {
		return nil, 0, err
	}
	f.OrgID = actor.OrgID
	return s.st.AuditLog(ctx, f)
}

// AuditActions lists the actions the actor's audit log holds (admin only).
func (s *Service) AuditActions(ctx context.Context, actor *domain.User) ([]string, error) {
	if err := needAdmin(actor); err != nil {
		return nil, err
	}
	return s.st.LoggedActions(ctx, actor.OrgID)
}

// AuditTitles gives the records entries name their current titles, and an
// extension its task (store.Queries.TitlesOf; admin only).
func (s *Service) AuditTitles(ctx context.Context, actor *domain.User, refs []store.AuditRef) (map[store.AuditRef]string, map[int64]int64, error) {
	if err := needAdmin(actor); err != nil {
		return nil, nil, err
	}
	return s.st.TitlesOf(ctx, actor.OrgID, refs)
}

// SearchResult holds the notices and tasks matching a query.
type SearchResult struct {
	Notices      []domain.Notice
	NoticeTotal  int
	Tasks        []store.TaskRow
	TaskTotal    int
	MeetingTotal int
	Meetings     []domain.Meeting
}

// Search finds notices, meetings and tasks whose text matches q, ignoring case
// and Vietnamese diacritics (đ as d). Unit users find only their tasks.
func (s *Service) Search(ctx context.Context, actor *domain.User, q string, limit int) (*SearchResult, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	q, err := cleanText("Từ khóa", q, true, 200)
	if err != nil {
		return nil, err
	}
	r := &SearchResult{}
	if r.Notices, r.NoticeTotal, err = s.Notices(ctx, actor, store.NoticeFilter{Query: q, Limit: limit}); err != nil {
		return nil, err
	}
	if r.Meetings, r.MeetingTotal, err = s.Meetings(ctx, actor, store.MeetingFilter{Query: q, Limit: limit}); err != nil {
		return nil, err
	}
	if r.Tasks, r.TaskTotal, err = s.Tasks(ctx, actor, store.TaskFilter{Query: q, Limit: limit}); err != nil {
		return nil, err
	}
	return r, nil
}
