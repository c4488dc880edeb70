package app_test

import (
	"context"
	"errors"
	"os"
	"strconv"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/auth"
	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// fixture is an organisation with two units and one user per role.
type fixture struct {
	svc                                   *app.Service
	admin, office, leader, viewer, u1, u2 *domain.User
	unit1, unit2                          domain.Unit
	block                                 domain.Block
	now                                   *time.Time
}

func newFixture(t *testing.T, st *store.Store) *fixture {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2023, 3, 1, 9, 0, 0, 0, domain.Location)
	f := &fixture{now: &now}
	f.svc = app.New(st, app.Options{Now: func() time.Time { return *f.now }, PasswordParams: auth.Params{Memory: 1024, Time: 1, Threads: 1}})
	org := &domain.Org{Name: "UBND huyện Thử", Level: "huyện", Place: "Thử"}
	f.admin = &domain.User{Username: "admin", FullName: "Quản trị"}
	if _, err := f.svc.Bootstrap(ctx, org, f.admin, "matkhau123"); err != nil {
		t.Fatal(err)
	}
	f.block = domain.Block{Name: "Khối Văn hóa - Xã hội"}
	must(t, f.svc.CreateBlock(ctx, f.admin, &f.block))
	f.unit1 = domain.Unit{Name: "Phòng Giáo dục và Đào tạo", BlockID: f.block.ID, Aliases: []string{"Phòng GD&ĐT"}}
	f.unit2 = domain.Unit{Name: "Phòng Y tế", BlockID: f.block.ID}
	must(t, f.svc.CreateUnit(ctx, f.admin, &f.unit1))
	must(t, f.svc.CreateUnit(ctx, f.admin, &f.unit2))
	mk := func(name string, role domain.Role, unit int64) *domain.User {
		u := &domain.User{Username: name, FullName: name, Role: role, UnitID: unit}
		must(t, f.svc.CreateUser(ctx, f.admin, u, "matkhau123"))
		return u
	}
	f.office = mk("vanphong", domain.RoleOffice, 0)
	f.leader = mk("lanhdao", domain.RoleLeader, 0)
	f.viewer = mk("xem", domain.RoleViewer, 0)
	f.u1 = mk("gddt", domain.RoleUnit, f.unit1.ID)
	f.u2 = mk("yte", domain.RoleUnit, f.unit2.ID)
	return f
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestTaskLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		m := &domain.Meeting{Title: "Giao ban khối VH-XH quý I", Period: domain.PeriodQuarter, PeriodNo: 1, Date: domain.MustDate("2023-02-22"), BlockID: f.block.ID}
		must(t, f.svc.CreateMeeting(ctx, f.office, m))
		n := &domain.Notice{MeetingID: m.ID, Title: "Kết luận của Phó Chủ tịch UBND huyện", Number: "12", Symbol: "TB-UBND",
			IssuedOn: domain.MustDate("2023-02-23"), SignerName: "Tạ Quang Thắng",
			Sections: []domain.Section{{Kind: domain.SectionTasks, Heading: "2. Nhiệm vụ", Body: "Giao Phòng Giáo dục và Đào tạo ..."}}}
		must(t, f.svc.CreateNotice(ctx, f.office, n))
		task, err := f.svc.CreateTask(ctx, f.office, app.TaskInput{NoticeID: n.ID, Text: "Tham mưu văn bản chỉ đạo giáo dục", Lead: []int64{f.unit1.ID},
			Support: []int64{f.unit2.ID}, Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-03-15")}})
		must(t, err)
		other, err := f.svc.CreateTask(ctx, f.office, app.TaskInput{Text: "Kiểm tra y tế", Lead: []int64{f.unit2.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineMonth, Date: domain.MustDate("2023-02-01")}})
		must(t, err)

		// The unit sees its task and not the other unit's.
		if _, err := f.svc.Task(ctx, f.u1, other.ID); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("unit 1 reading unit 2's task: err = %v, want not found", err)
		}
		rows, total, err := f.svc.Tasks(ctx, f.u1, store.TaskFilter{})
		must(t, err)
		if total != 1 || rows[0].ID != task.ID {
			t.Fatalf("unit 1 lists %d tasks, want only its own", total)
		}
		// Office sees both; the February task is overdue on 1 March.
		rows, _, err = f.svc.Tasks(ctx, f.office, store.TaskFilter{Statuses: []domain.Status{domain.StatusOverdue}})
		must(t, err)
		if len(rows) != 1 || rows[0].ID != other.ID || rows[0].DueOn != domain.MustDate("2023-02-28") {
			t.Fatalf("overdue list = %+v", rows)
		}
		// Search ignores diacritics.
		res, err := f.svc.Search(ctx, f.office, "giao duc", 10)
		must(t, err)
		if res.TaskTotal != 1 || res.NoticeTotal != 1 {
			t.Fatalf("search: %d tasks, %d notices", res.TaskTotal, res.NoticeTotal)
		}
		// The unit reports progress, then completion on 10 March: done on time.
		_, err = f.svc.AddReport(ctx, f.u1, task.ID, app.ReportInput{Body: "Đã dự thảo", Percent: 50,
			Files: []app.Upload{{Name: "du-thao.pdf", Data: []byte("%PDF-1.4 test")}}})
		must(t, err)
		*f.now = time.Date(2023, 3, 10, 23, 30, 0, 0, domain.Location)
		_, err = f.svc.AddReport(ctx, f.u1, task.ID, app.ReportInput{Body: "Đã trình ký", Completion: true})
		must(t, err)
		d, err := f.svc.Task(ctx, f.leader, task.ID)
		must(t, err)
		if d.Status != domain.StatusDoneOnTime || d.DoneOn != domain.MustDate("2023-03-10") || len(d.Reports) != 2 || len(d.Reports[1].Attachments) != 1 {
			t.Fatalf("after completion: status %s done %s reports %d", d.Status, d.DoneOn, len(d.Reports))
		}
		// Unit 2 cannot report completion of a task it only supports.
		if _, err := f.svc.AddReport(ctx, f.u2, other.ID, app.ReportInput{Body: "x", Completion: true}); err != nil {
			t.Fatalf("lead unit 2 completing its own task: %v", err)
		}
		dash, err := f.svc.Dashboard(ctx, f.leader, store.TaskFilter{})
		must(t, err)
		if dash.Counts[domain.StatusDoneOnTime] != 1 || dash.Counts[domain.StatusDoneLate] != 1 || dash.Total != 2 {
			t.Fatalf("dashboard counts = %v", dash.Counts)
		}
		if len(dash.Units) != 2 {
			t.Fatalf("dashboard units = %+v", dash.Units)
		}
		// Optimistic locking: a save from a stale version is refused.
		_, err = f.svc.UpdateTask(ctx, f.office, task.ID, app.TaskInput{Text: "sửa", Lead: []int64{f.unit1.ID}, Version: 1})
		if !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("stale save: err = %v, want conflict", err)
		}
		// Audit entries exist.
		entries, n2, err := f.svc.AuditLog(ctx, f.admin, store.AuditFilter{Entity: "task", EntityID: task.ID})
		must(t, err)
		if n2 < 3 || entries[0].Action != "report" {
			t.Fatalf("audit = %d entries, newest %+v", n2, entries)
		}
	})
}

func TestExtension(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		task, err := f.svc.CreateTask(ctx, f.office, app.TaskInput{Text: "Việc có hạn", Lead: []int64{f.unit1.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-03-05")}})
		must(t, err)
		if _, err := f.svc.RequestExtension(ctx, f.u2, task.ID, domain.MustDate("2023-04-01"), "bận"); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("other unit asking: %v", err)
		}
		e, err := f.svc.RequestExtension(ctx, f.u1, task.ID, domain.MustDate("2023-04-01"), "Chờ số liệu của tỉnh")
		must(t, err)
		if err := f.svc.DecideExtension(ctx, f.u1, e.ID, true, ""); !errors.Is(err, domain.ErrForbidden) {
			t.Fatalf("unit approving its own request: %v", err)
		}
		must(t, f.svc.DecideExtension(ctx, f.leader, e.ID, true, "Đồng ý"))
		*f.now = time.Date(2023, 3, 20, 9, 0, 0, 0, domain.Location)
		d, err := f.svc.Task(ctx, f.u1, task.ID)
		must(t, err)
		if d.DueOn != domain.MustDate("2023-04-01") || d.Status != domain.StatusOpen || d.Extensions[0].State != domain.ExtensionApproved {
			t.Fatalf("after extension: due %s status %s", d.DueOn, d.Status)
		}
		if err := f.svc.DecideExtension(ctx, f.leader, e.ID, false, ""); !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("deciding twice: %v", err)
		}
	})
}

func TestLoginThrottle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		for i := 0; i < 5; i++ {
			if _, _, err := f.svc.Login(ctx, "vanphong", "sai", "1.2.3.4"); !errors.Is(err, app.ErrBadLogin) {
				t.Fatalf("attempt %d: %v", i, err)
			}
		}
		if _, _, err := f.svc.Login(ctx, "vanphong", "matkhau123", "5.6.7.8"); !errors.Is(err, domain.ErrThrottled) {
			t.Fatalf("6th attempt: %v, want throttled", err)
		}
		*f.now = f.now.Add(16 * time.Minute)
		token, u, err := f.svc.Login(ctx, "vanphong", "matkhau123", "5.6.7.8")
		must(t, err)
		got, _, err := f.svc.Authenticate(ctx, token)
		must(t, err)
		if got.ID != u.ID {
			t.Fatal("session user differs")
		}
		must(t, f.svc.Logout(ctx, token))
		if _, _, err := f.svc.Authenticate(ctx, token); !errors.Is(err, domain.ErrUnauthenticated) {
			t.Fatalf("after logout: %v", err)
		}
	})
}

// TestLastUpdateIsTheUnits checks that "last update" — what the dashboard
// counts a unit's silence from — moves with the unit's reports only, not with
// the Office's edits or decisions.
func TestLastUpdateIsTheUnits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		created := *f.now
		task, err := f.svc.CreateTask(ctx, f.office, app.TaskInput{Text: "Báo cáo số liệu", Lead: []int64{f.unit1.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-04-30")}})
		must(t, err)
		last := func() time.Time {
			d, err := f.svc.Task(ctx, f.office, task.ID)
			must(t, err)
			return d.LastUpdateAt
		}
		steps := []struct {
			name string
			do   func() error
			want func() time.Time
		}{
			{"created", func() error { return nil }, func() time.Time { return created }},
			{"office edits the text", func() error {
				*f.now = f.now.Add(48 * time.Hour)
				d, err := f.svc.Task(ctx, f.office, task.ID)
				if err != nil {
					return err
				}
				_, err = f.svc.UpdateTask(ctx, f.office, task.ID, app.TaskInput{Text: "Báo cáo số liệu quý I", Lead: d.Lead,
					Deadline: d.Deadline, Version: d.Version})
				return err
			}, func() time.Time { return created }},
			{"unit reports", func() error {
				*f.now = f.now.Add(24 * time.Hour)
				_, err := f.svc.AddReport(ctx, f.u1, task.ID, app.ReportInput{Body: "Đã tổng hợp 3/10 xã", Percent: 30})
				return err
			}, func() time.Time { return *f.now }},
		}
		for _, s := range steps {
			must(t, s.do())
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
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		const office = "10.0.0.1"
		for i := 0; i < 5; i++ {
			f.svc.Login(ctx, "vanphong", "sai", office) //nolint:errcheck
		}
		if _, _, err := f.svc.Login(ctx, "gddt", "matkhau123", office); err != nil {
			t.Fatalf("a colleague behind the same address: %v", err)
		}
		for i := 0; i < 50; i++ {
			f.svc.Login(ctx, "khongco"+strconv.Itoa(i), "sai", office) //nolint:errcheck
		}
		if _, _, err := f.svc.Login(ctx, "yte", "matkhau123", office); !errors.Is(err, domain.ErrThrottled) {
			t.Fatalf("after 55 failures from one address: %v, want throttled", err)
		}
	})
}
