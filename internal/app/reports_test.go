package app_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
)

// TestConcurrentReports: ten units' officers reporting on one task at the
// same moment, through two instances of the service, are all recorded. A
// report carries no version, so it must never fail on the task's version
// (PostgreSQL answered 409 to most of them).
func TestConcurrentReports(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		task := a.Task(app.TaskInput{Text: "Tổng hợp số liệu", Support: []int64{a.Unit2.ID}})
		b := a.Instance(app.Options{})
		const n = 10
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				svc, who := a.Service, a.Unit1User
				if i%2 == 1 {
					svc, who = b.Service, a.Unit2User
				}
				_, err := svc.AddReport(ctx, who, task.ID, app.ReportInput{Body: fmt.Sprintf("Báo cáo %d", i), Percent: 10 * i})
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("report refused: %v", err)
			}
		}
		d, err := a.Service.Task(ctx, a.Office, task.ID)
		a.Must(err)
		if len(d.Reports) != n || d.Percent != 90 {
			t.Errorf("%d reports, progress %d%%; want %d and 90%%", len(d.Reports), d.Percent, n)
		}
		// A real edit conflict is still one.
		_, err = a.Service.UpdateTask(ctx, a.Office, task.ID, app.TaskInput{Text: "Sửa", Lead: []int64{a.Unit1.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineNone}, Version: task.Version})
		if !errors.Is(err, domain.ErrConflict) {
			t.Errorf("edit with an old version: %v, want ErrConflict", err)
		}
	})
}

// TestRefusalNeedsAReason: an extension is refused only with a reason the
// unit can act on; an approval needs none.
func TestRefusalNeedsAReason(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		task := a.Task(app.TaskInput{Text: "Việc", Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-03-20")}})
		e, err := a.Service.RequestExtension(ctx, a.Unit1User, task.ID, domain.MustDate("2023-04-20"), "Chờ số liệu")
		a.Must(err)
		if err := a.Service.DecideExtension(ctx, a.Leader, e.ID, false, "  "); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("refusal without a reason: %v, want ErrInvalid", err)
		}
		a.Must(a.Service.DecideExtension(ctx, a.Leader, e.ID, true, ""))
	})
}
