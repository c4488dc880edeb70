package demo_test

import (
	"context"
	"os"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/demo"
	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func TestLoad(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		svc := a.Service
		logins, err := demo.Load(ctx, svc)
		if err != nil {
			t.Fatal(err)
		}
		roles := map[domain.Role]bool{}
		var office *domain.User
		for _, l := range logins {
			_, u, err := svc.Login(ctx, l.Username, l.Password, "127.0.0.1")
			if err != nil {
				t.Errorf("login %s: %v", l.Username, err)
				continue
			}
			if u.Role != l.Role {
				t.Errorf("login %s: role %s, want %s", l.Username, u.Role, l.Role)
			}
			roles[u.Role] = true
			if u.Role == domain.RoleOffice {
				office = u
			}
		}
		for _, r := range domain.Roles {
			if !roles[r] {
				t.Errorf("no demo login with role %s", r)
			}
		}
		if office == nil {
			t.Fatal("no office login")
		}
		notices, _, err := svc.Notices(ctx, office, store.NoticeFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		codes := map[string]domain.NoticeState{}
		for _, n := range notices {
			codes[n.Code()] = n.State
		}
		for _, c := range []string{"12/TB-VP", "85/TB-UBND", "214/TB-UBND", "41/TB-UBND", "96/TB-UBND"} {
			if codes[c] != domain.NoticeIssued {
				t.Errorf("seed notice %s: state %q, want issued", c, codes[c])
			}
		}
		d, err := svc.Dashboard(ctx, office, store.TaskFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Total < 100 {
			t.Errorf("dashboard total %d tasks, want at least 100", d.Total)
		}
		for _, s := range domain.Statuses {
			if d.Counts[s] == 0 {
				t.Errorf("dashboard bucket %s is empty (%v)", s, d.Counts)
			}
		}
		checkFigures(t, svc, office, d)
		if len(d.Pending) != 1 {
			t.Errorf("%d pending extension requests, want 1", len(d.Pending))
		}
		if len(d.Overdue) == 0 {
			t.Error("no overdue tasks listed")
		}
		// Tasks of a seed notice carry the document's section and unit names.
		rows, total, err := svc.Tasks(ctx, office, store.TaskFilter{Query: "di tích lịch sử văn hóa", Limit: 50})
		if err != nil || total == 0 {
			t.Fatalf("search seed task: %d found, err %v", total, err)
		}
		td, err := svc.Task(ctx, office, rows[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if td.Section == nil {
			t.Errorf("task %q has no section", td.Text)
		}
		// A historical completion keeps its day, not the day the demo was loaded.
		late, _, err := svc.Tasks(ctx, office, store.TaskFilter{Statuses: []domain.Status{domain.StatusDoneLate}, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		old := false
		for _, r := range late {
			old = old || r.DoneOn.Year < 2025
		}
		if !old {
			t.Error("no historical task completed late")
		}
		again, err := demo.Load(ctx, svc)
		if err != nil || len(again) != 0 {
			t.Errorf("second Load: %d logins, err %v; want none", len(again), err)
		}
		n2, total2, _ := svc.Notices(ctx, office, store.NoticeFilter{Limit: 100})
		if total2 != len(notices) || len(n2) != len(notices) {
			t.Errorf("second Load changed notices: %d → %d", len(notices), total2)
		}
	}, apptest.Empty(), apptest.At(time.Now()))
}

// TestLoadDatesFromNow checks that the recent meeting follows the clock.
func TestLoadDatesFromNow(t *testing.T) {
	svc := apptest.New(t, store.SQLite, apptest.Empty(), apptest.At(time.Date(2030, 5, 10, 8, 0, 0, 0, domain.Location))).Service
	if _, err := demo.Load(context.Background(), svc); err != nil {
		t.Fatal(err)
	}
	ms, _, err := svc.Meetings(context.Background(), &domain.User{OrgID: 1, Role: domain.RoleViewer}, store.MeetingFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range ms {
		found = found || m.Date == domain.NewDate(2030, 4, 19)
	}
	if !found {
		t.Error("no meeting three weeks before the clock's today")
	}
}

// checkFigures checks the demo's dashboard as its Office would leave it:
// every figure equals the list behind it, the tasks closed groups led were
// spread over their units at load, and only a handful wait for units — led
// by an open group or by none — each without a lead unit.
func checkFigures(t *testing.T, svc *app.Service, office *domain.User, d *app.Dashboard) {
	t.Helper()
	ctx := context.Background()
	list := func(f store.TaskFilter) ([]store.TaskRow, int) {
		t.Helper()
		var rows []store.TaskRow
		for f.Limit, f.Offset = 200, 0; ; f.Offset += f.Limit {
			page, total, err := svc.Tasks(ctx, office, f)
			if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, page...)
			if len(rows) >= total || len(page) == 0 {
				return rows, total
			}
		}
	}
	all, total := list(store.TaskFilter{})
	if total != d.Total || len(all) != total {
		t.Fatalf("dashboard total %d, task list %d (%d rows)", d.Total, total, len(all))
	}
	for _, st := range domain.Statuses {
		if _, n := list(store.TaskFilter{Statuses: []domain.Status{st}}); n != d.Counts[st] {
			t.Errorf("card %s: %d, its list %d", st, d.Counts[st], n)
		}
	}
	leads, noLead := 0, 0
	for _, r := range all {
		leads += len(r.Lead)
		if len(r.Lead) == 0 {
			noLead++
		}
	}
	sum := 0
	for _, u := range d.Units {
		sum += u.Assigned
		if _, n := list(store.TaskFilter{UnitID: u.UnitID, LeadOnly: true}); n != u.Assigned {
			t.Errorf("unit %s: %d assigned, its list %d", u.Name, u.Assigned, n)
		}
	}
	if sum != d.Assignments || sum != leads {
		t.Errorf("lead assignments: dashboard %d, its rows %d, the tasks' lead units %d", d.Assignments, sum, leads)
	}
	dir, err := svc.Directory(ctx, office)
	if err != nil {
		t.Fatal(err)
	}
	waiting, n, err := svc.UnresolvedTasks(ctx, office, store.TaskFilter{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	if d.Unresolved != n || n != len(waiting) || n != noLead {
		t.Errorf("waiting for units: dashboard %d, its list %d, tasks in no unit's row %d", d.Unresolved, n, noLead)
	}
	if n == 0 || n > 10 {
		t.Errorf("%d tasks wait for units, want a handful (led by open groups)", n)
	}
	for _, r := range waiting {
		if len(r.Lead) > 0 {
			t.Errorf("task %d waits for units but is led by %v", r.ID, r.Lead)
		}
		for _, id := range r.LeadGroups {
			if g := dir.Group(id); g != nil && !g.Open && len(dir.GroupMembers(id)) > 0 {
				t.Errorf("task %d waits on the closed group %q the Office would have spread", r.ID, g.Name)
			}
		}
	}
}
