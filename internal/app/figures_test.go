package app_test

import (
	"context"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// TestFiguresMatchTheirLists checks that each figure equals the count of
// the list behind it, with tasks led by two units, by a group and by none:
// the dashboard's total and cards count tasks as the task list does; each
// unit line counts what the unit's list of led tasks shows; the lines add
// up to lead assignments, one per lead unit of each task; the stocktake
// and the export agree with both.
func TestFiguresMatchTheirLists(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		svc := a.Service
		g := &domain.Group{Name: "Các đơn vị có liên quan", Open: true}
		apptest.Must(t, svc.CreateGroup(ctx, a.Office, g))
		n := &domain.Notice{Title: "Kết luận", Number: "3", Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-01-10"), SignerName: "Ngô Đức Sáu"}
		apptest.Must(t, svc.CreateNotice(ctx, a.Office, n))
		day := func(s string) domain.Deadline {
			return domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate(s)}
		}
		both := []int64{a.Unit1.ID, a.Unit2.ID}
		for _, in := range []app.TaskInput{
			{Text: "Hai đơn vị cùng chủ trì, quá hạn", Lead: both, Deadline: day("2023-02-01")},
			{Text: "Hai đơn vị cùng chủ trì, trong hạn", Lead: both, Deadline: day("2023-05-01")},
			{Text: "Một đơn vị, sắp đến hạn", Lead: []int64{a.Unit1.ID}, Support: []int64{a.Unit2.ID}, Deadline: day("2023-03-05")},
			{Text: "Một đơn vị, quá hạn", Lead: []int64{a.Unit2.ID}, Deadline: day("2023-02-15")},
			{Text: "Nhóm chủ trì", LeadGroups: []int64{g.ID}, Deadline: day("2023-02-20")},
			{Text: "Một đơn vị chủ trì, nhóm phối hợp", Lead: []int64{a.Unit2.ID}, SupportGroups: []int64{g.ID}, Deadline: day("2023-02-25")},
			{Text: "Chưa có đơn vị", Unassigned: true},
		} {
			in.NoticeID = n.ID
			_, err := svc.CreateTask(ctx, a.Office, in)
			apptest.Must(t, err)
		}
		_, err := svc.IssueNotice(ctx, a.Office, n.ID, n.Version)
		apptest.Must(t, err)

		list := func(f store.TaskFilter) ([]store.TaskRow, int) {
			f.Limit = 200
			rows, total, err := svc.Tasks(ctx, a.Leader, f)
			apptest.Must(t, err)
			return rows, total
		}
		d, err := svc.Dashboard(ctx, a.Leader, store.TaskFilter{})
		apptest.Must(t, err)
		all, total := list(store.TaskFilter{})
		if d.Total != total || total != 7 {
			t.Errorf("dashboard total %d, task list %d, want 7", d.Total, total)
		}
		for _, st := range domain.Statuses {
			if _, n := list(store.TaskFilter{Statuses: []domain.Status{st}}); d.Counts[st] != n {
				t.Errorf("card %s: %d, its list %d", st, d.Counts[st], n)
			}
		}
		assignments := 0
		for _, r := range all {
			assignments += len(r.Lead)
		}
		sum := 0
		for _, u := range d.Units {
			sum += u.Assigned
			if _, n := list(store.TaskFilter{UnitID: u.UnitID, LeadOnly: true}); u.Assigned != n {
				t.Errorf("unit %s: %d assigned, its list %d", u.Name, u.Assigned, n)
			}
			if _, n := list(store.TaskFilter{UnitID: u.UnitID, LeadOnly: true, Statuses: []domain.Status{domain.StatusOverdue}}); u.Overdue != n {
				t.Errorf("unit %s: %d overdue, its list %d", u.Name, u.Overdue, n)
			}
		}
		if d.Assignments != sum || sum != assignments || assignments != 7 {
			t.Errorf("assignments: dashboard %d, its lines %d, the list's lead units %d; want 7 (two tasks led by two units)", d.Assignments, sum, assignments)
		}
		// Waiting for units means no lead unit: the tasks in no unit's row,
		// neither more (a task with a lead unit and a supporting group is
		// its lead unit's) nor fewer.
		waiting, n2, err := svc.UnresolvedTasks(ctx, a.Office, store.TaskFilter{})
		apptest.Must(t, err)
		inNoRow := map[int64]bool{}
		for _, r := range all {
			if len(r.Lead) == 0 {
				inNoRow[r.ID] = true
			}
		}
		if d.Unresolved != n2 || n2 != 2 || len(waiting) != 2 || len(inNoRow) != 2 {
			t.Errorf("waiting for units: dashboard %d, list %d, tasks in no unit's row %d; want 2", d.Unresolved, n2, len(inNoRow))
		}
		for _, r := range waiting {
			if !inNoRow[r.ID] {
				t.Errorf("task %q waits for units but has lead units %v", r.Text, r.Lead)
			}
		}

		// The stocktake counts the same tasks and assignments.
		s, err := svc.Stocktake(ctx, a.Leader, 0, domain.Date{})
		apptest.Must(t, err)
		if s.Total.Assigned != d.Total || s.Assignments.Assigned != d.Assignments || s.Unresolved != 2 ||
			s.Total.Overdue != d.Counts[domain.StatusOverdue] {
			t.Errorf("stocktake: %d tasks (%d overdue), %d assignments, %d without a lead unit; dashboard %d (%d), %d",
				s.Total.Assigned, s.Total.Overdue, s.Assignments.Assigned, s.Unresolved, d.Total, d.Counts[domain.StatusOverdue], d.Assignments)
		}
		byName := map[string]app.StocktakeUnit{}
		for _, u := range s.Units {
			byName[u.Name] = u
		}
		for _, u := range d.Units {
			if su := byName[u.Name]; su.Assigned != u.Assigned || su.Overdue != u.Overdue {
				t.Errorf("unit %s: stocktake %d (%d overdue), dashboard %d (%d)", u.Name, su.Assigned, su.Overdue, u.Assigned, u.Overdue)
			}
		}
		if note := app.StocktakeCountNote(s); note == "" {
			t.Error("the stocktake does not say what its lines count")
		}
		e, err := svc.ExportTasks(ctx, a.Leader, store.TaskFilter{}, 0)
		apptest.Must(t, err)
		if e.Total != total || len(e.Tasks) != total {
			t.Errorf("export: %d of %d tasks, list %d", len(e.Tasks), e.Total, total)
		}
	})
}
