package web

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
)

// The dashboard: counts by status, the per-unit table and chart, the overdue
// tasks and the extension requests waiting for a decision, under the task
// list's filters.

// staleDays is how long without an update makes a unit's line stand out.
const staleDays = 14

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
	// Sum adds up the unit lines: lead assignments, not tasks.
	Sum app.UnitRow
	// Unresolved counts the tasks that wait for units (UnresolvedURL lists them).
	Unresolved    int
	UnresolvedURL string
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
	for _, l := range d.Units {
		d.Sum.Assigned += l.Assigned
		d.Sum.DoneOnTime += l.DoneOnTime
		d.Sum.DoneLate += l.DoneLate
		d.Sum.Open += l.Open
		d.Sum.Overdue += l.Overdue
	}
	d.Unresolved = dash.Unresolved
	if u.CanManage() {
		d.UnresolvedURL = "/tasks/unresolved"
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
