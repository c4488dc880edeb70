package app_test

import (
	"context"
	"errors"
	"os"
	"strconv"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func TestTaskLifecycle(t *testing.T) {
	apptest.Each(t, func(t *testing.T, f *apptest.App) {
		ctx := context.Background()
		m := &domain.Meeting{Title: "Giao ban khối VH-XH quý I", Period: domain.PeriodQuarter, PeriodNo: 1, Date: domain.MustDate("2023-02-22"), BlockID: f.Block.ID}
		apptest.Must(t, f.Service.CreateMeeting(ctx, f.Office, m))
		n := &domain.Notice{MeetingID: m.ID, Title: "Kết luận của Phó Chủ tịch UBND huyện", Number: "12", Symbol: "TB-UBND",
			IssuedOn: domain.MustDate("2023-02-23"), SignerName: "Tạ Quang Thắng",
			Sections: []domain.Section{{Kind: domain.SectionTasks, Heading: "2. Nhiệm vụ", Body: "Giao Phòng Giáo dục và Đào tạo ..."}}}
		apptest.Must(t, f.Service.CreateNotice(ctx, f.Office, n))
		task, err := f.Service.CreateTask(ctx, f.Office, app.TaskInput{NoticeID: n.ID, Text: "Tham mưu văn bản chỉ đạo giáo dục", Lead: []int64{f.Unit1.ID},
			Support: []int64{f.Unit2.ID}, Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-03-15")}})
		apptest.Must(t, err)
		_, err = f.Service.IssueNotice(ctx, f.Office, n.ID, n.Version)
		apptest.Must(t, err)
		other, err := f.Service.CreateTask(ctx, f.Office, app.TaskInput{Text: "Kiểm tra y tế", Lead: []int64{f.Unit2.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineMonth, Date: domain.MustDate("2023-02-01")}})
		apptest.Must(t, err)

		// The unit sees its task and not the other unit's.
		if _, err := f.Service.Task(ctx, f.Unit1User, other.ID); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("unit 1 reading unit 2's task: err = %v, want not found", err)
		}
		rows, total, err := f.Service.Tasks(ctx, f.Unit1User, store.TaskFilter{})
		apptest.Must(t, err)
		if total != 1 || rows[0].ID != task.ID {
			t.Fatalf("unit 1 lists %d tasks, want only its own", total)
		}
		// Office sees both; the February task is overdue on 1 March.
		rows, _, err = f.Service.Tasks(ctx, f.Office, store.TaskFilter{Statuses: []domain.Status{domain.StatusOverdue}})
		apptest.Must(t, err)
		if len(rows) != 1 || rows[0].ID != other.ID || rows[0].DueOn != domain.MustDate("2023-02-28") {
			t.Fatalf("overdue list = %+v", rows)
		}
		// Search ignores diacritics.
		res, err := f.Service.Search(ctx, f.Office, "giao duc", 10)
		apptest.Must(t, err)
		if res.TaskTotal != 1 || res.NoticeTotal != 1 {
			t.Fatalf("search: %d tasks, %d notices", res.TaskTotal, res.NoticeTotal)
		}
		// The unit reports progress, then completion on 10 March: done on time.
		_, err = f.Service.AddReport(ctx, f.Unit1User, task.ID, app.ReportInput{Body: "Đã dự thảo", Percent: 50,
			Files: []app.Upload{{Name: "du-thao.pdf", Data: []byte("%PDF-1.4 test")}}})
		apptest.Must(t, err)
		f.Clock.Set(time.Date(2023, 3, 10, 23, 30, 0, 0, domain.Location))
		_, err = f.Service.AddReport(ctx, f.Unit1User, task.ID, app.ReportInput{Body: "Đã trình ký", Completion: true})
		apptest.Must(t, err)
		d, err := f.Service.Task(ctx, f.Leader, task.ID)
		apptest.Must(t, err)
		if d.Status != domain.StatusDoneOnTime || d.DoneOn != domain.MustDate("2023-03-10") || len(d.Reports) != 2 || len(d.Reports[1].Attachments) != 1 {
			t.Fatalf("after completion: status %s done %s reports %d", d.Status, d.DoneOn, len(d.Reports))
		}
		// Unit 2 cannot report completion of a task it only supports.
		if _, err := f.Service.AddReport(ctx, f.Unit2User, other.ID, app.ReportInput{Body: "x", Completion: true}); err != nil {
			t.Fatalf("lead unit 2 completing its own task: %v", err)
		}
		dash, err := f.Service.Dashboard(ctx, f.Leader, store.TaskFilter{})
		apptest.Must(t, err)
		if dash.Counts[domain.StatusDoneOnTime] != 1 || dash.Counts[domain.StatusDoneLate] != 1 || dash.Total != 2 {
			t.Fatalf("dashboard counts = %v", dash.Counts)
		}
		if len(dash.Units) != 2 {
			t.Fatalf("dashboard units = %+v", dash.Units)
		}
		// Optimistic locking: a save from a stale version is refused.
		_, err = f.Service.UpdateTask(ctx, f.Office, task.ID, app.TaskInput{Text: "sửa", Lead: []int64{f.Unit1.ID}, Version: 1})
		if !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("stale save: err = %v, want conflict", err)
		}
		// Audit entries exist.
		entries, n2, err := f.Service.AuditLog(ctx, f.Admin, store.AuditFilter{Entity: "task", EntityID: task.ID})
		apptest.Must(t, err)
		if n2 < 3 || entries[0].Action != "report" {
			t.Fatalf("audit = %d entries, newest %+v", n2, entries)
		}
	})
}

func TestExtension(t *testing.T) {
	apptest.Each(t, func(t *testing.T, f *apptest.App) {
		ctx := context.Background()
		task, err := f.Service.CreateTask(ctx, f.Office, app.TaskInput{Text: "Việc có hạn", Lead: []int64{f.Unit1.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-03-05")}})
		apptest.Must(t, err)
		if _, err := f.Service.RequestExtension(ctx, f.Unit2User, task.ID, domain.MustDate("2023-04-01"), "bận"); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("other unit asking: %v", err)
		}
		e, err := f.Service.RequestExtension(ctx, f.Unit1User, task.ID, domain.MustDate("2023-04-01"), "Chờ số liệu của tỉnh")
		apptest.Must(t, err)
		if err := f.Service.DecideExtension(ctx, f.Unit1User, e.ID, true, ""); !errors.Is(err, domain.ErrForbidden) {
			t.Fatalf("unit approving its own request: %v", err)
		}
		apptest.Must(t, f.Service.DecideExtension(ctx, f.Leader, e.ID, true, "Đồng ý"))
		f.Clock.Set(time.Date(2023, 3, 20, 9, 0, 0, 0, domain.Location))
		d, err := f.Service.Task(ctx, f.Unit1User, task.ID)
		apptest.Must(t, err)
		if d.DueOn != domain.MustDate("2023-04-01") || d.Status != domain.StatusOpen || d.Extensions[0].State != domain.ExtensionApproved {
			t.Fatalf("after extension: due %s status %s", d.DueOn, d.Status)
		}
		if err := f.Service.DecideExtension(ctx, f.Leader, e.ID, false, "Không cần"); !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("deciding twice: %v", err)
		}
	})
}

func TestLoginThrottle(t *testing.T) {
	apptest.Each(t, func(t *testing.T, f *apptest.App) {
		ctx := context.Background()
		for i := 0; i < 5; i++ {
			if _, _, err := f.Service.Login(ctx, "vanphong", "sai", "1.2.3.4"); !errors.Is(err, app.ErrBadLogin) {
				t.Fatalf("attempt %d: %v", i, err)
			}
		}
		if _, _, err := f.Service.Login(ctx, "vanphong", "matkhau123", "5.6.7.8"); !errors.Is(err, domain.ErrThrottled) {
			t.Fatalf("6th attempt: %v, want throttled", err)
		}
		f.Clock.Advance(16 * time.Minute)
		token, u, err := f.Service.Login(ctx, "vanphong", "matkhau123", "5.6.7.8")
		apptest.Must(t, err)
		got, _, err := f.Service.Authenticate(ctx, token)
		apptest.Must(t, err)
		if got.ID != u.ID {
			t.Fatal("session user differs")
		}
		apptest.Must(t, f.Service.Logout(ctx, token))
		if _, _, err := f.Service.Authenticate(ctx, token); !errors.Is(err, domain.ErrUnauthenticated) {
			t.Fatalf("after logout: %v", err)
		}
	})
}

// TestLastUpdateIsTheUnits checks that "last update" — what the dashboard
// counts a unit's silence from — moves with the unit's reports only, not with
// the Office's edits or decisions.
func TestLastUpdateIsTheUnits(t *testing.T) {
	apptest.Each(t, func(t *testing.T, f *apptest.App) {
		ctx := context.Background()
		created := f.Clock.Now()
		task, err := f.Service.CreateTask(ctx, f.Office, app.TaskInput{Text: "Báo cáo số liệu", Lead: []int64{f.Unit1.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-04-30")}})
		apptest.Must(t, err)
		last := func() time.Time {
			d, err := f.Service.Task(ctx, f.Office, task.ID)
			apptest.Must(t, err)
			return d.LastUpdateAt
		}
		steps := []struct {
			name string
			do   func() error
			want func() time.Time
		}{
			{"created", func() error { return nil }, func() time.Time { return created }},
			{"office edits the text", func() error {
				f.Clock.Advance(48 * time.Hour)
				d, err := f.Service.Task(ctx, f.Office, task.ID)
				if err != nil {
					return err
				}
				_, err = f.Service.UpdateTask(ctx, f.Office, task.ID, app.TaskInput{Text: "Báo cáo số liệu quý I", Lead: d.Lead,
					Deadline: d.Deadline, Version: d.Version})
				return err
			}, func() time.Time { return created }},
			{"unit reports", func() error {
				f.Clock.Advance(24 * time.Hour)
				_, err := f.Service.AddReport(ctx, f.Unit1User, task.ID, app.ReportInput{Body: "Đã tổng hợp 3/10 xã", Percent: 30})
				return err
			}, func() time.Time { return f.Clock.Now() }},
		}
		for _, s := range steps {
			apptest.Must(t, s.do())
			if got, want := last(), s.want(); !got.Equal(want.Truncate(time.Second)) {
				t.Errorf("%s: last update %v, want %v", s.name, got, want)
			}
		}
	})
}

// TestLoginThrottleSharedAddress checks that one user's mistakes do not lock
// out colleagues behind the same address, while many failures from one
// address still do.
func TestLoginThrottleSharedAddress(t *testing.T) {
	apptest.Each(t, func(t *testing.T, f *apptest.App) {
		ctx := context.Background()
		const office = "10.0.0.1"
		for i := 0; i < 5; i++ {
			f.Service.Login(ctx, "vanphong", "sai", office) //nolint:errcheck
		}
		if _, _, err := f.Service.Login(ctx, "gddt", "matkhau123", office); err != nil {
			t.Fatalf("a colleague behind the same address: %v", err)
		}
		for i := 0; i < 50; i++ {
			f.Service.Login(ctx, "khongco"+strconv.Itoa(i), "sai", office) //nolint:errcheck
		}
		if _, _, err := f.Service.Login(ctx, "yte", "matkhau123", office); !errors.Is(err, domain.ErrThrottled) {
			t.Fatalf("after 55 failures from one address: %v, want throttled", err)
		}
	})
}
