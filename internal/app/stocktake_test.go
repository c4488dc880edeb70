package app_test

import (
	"context"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
)

func TestStocktake(t *testing.T) {
	apptest.Each(t, func(t *testing.T, f *apptest.App) {
		ctx := context.Background()
		f.Clock.Set(time.Date(2023, 2, 24, 9, 0, 0, 0, domain.Location))
		m := &domain.Meeting{Title: "Giao ban khối VH-XH", Period: domain.PeriodMonth, PeriodNo: 2, PeriodYear: 2023, Date: domain.MustDate("2023-02-22"), BlockID: f.Block.ID}
		apptest.Must(t, f.Service.CreateMeeting(ctx, f.Office, m))
		issue := func(number, day string) *domain.Notice {
			n := &domain.Notice{MeetingID: m.ID, Title: "Kết luận giao ban " + number, Number: number, Symbol: "TB-UBND",
				IssuedOn: domain.MustDate(day), SignerName: "Ngô Đức Sáu"}
			apptest.Must(t, f.Service.CreateNotice(ctx, f.Office, n))
			_, err := f.Service.IssueNotice(ctx, f.Office, n.ID, n.Version)
			apptest.Must(t, err)
			return n
		}
		old, cur := issue("3", "2022-12-01"), issue("12", "2023-02-23")
		draft := &domain.Notice{Title: "Dự thảo", IssuedOn: domain.MustDate("2023-02-24")}
		apptest.Must(t, f.Service.CreateNotice(ctx, f.Office, draft))
		task := func(n *domain.Notice, text string, unit int64, due string) *domain.Task {
			tk, err := f.Service.CreateTask(ctx, f.Office, app.TaskInput{NoticeID: n.ID, Text: text, Lead: []int64{unit},
				Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate(due)}})
			apptest.Must(t, err)
			return tk
		}
		task(old, "Việc của thông báo cũ", f.Unit1.ID, "2022-12-31")
		task(draft, "Việc của dự thảo", f.Unit1.ID, "2023-03-31")
		overdue := task(cur, "Rà soát di tích xuống cấp", f.Unit1.ID, "2023-03-05")
		onTime := task(cur, "Ban hành hướng dẫn y tế", f.Unit2.ID, "2023-03-15")
		late := task(cur, "Tham mưu kế hoạch giáo dục", f.Unit1.ID, "2023-03-01")
		open := task(cur, "Tổng kết năm học", f.Unit2.ID, "2023-04-30")

		f.Clock.Set(time.Date(2023, 3, 2, 9, 0, 0, 0, domain.Location))
		_, err := f.Service.AddReport(ctx, f.Unit1User, overdue.ID, app.ReportInput{Body: "Đang   khảo sát\nhiện trạng", Percent: 30})
		apptest.Must(t, err)
		f.Clock.Set(time.Date(2023, 3, 8, 9, 0, 0, 0, domain.Location))
		_, err = f.Service.AddReport(ctx, f.Unit1User, late.ID, app.ReportInput{Body: "Đã trình kế hoạch", Completion: true})
		apptest.Must(t, err)
		f.Clock.Set(time.Date(2023, 3, 10, 9, 0, 0, 0, domain.Location))
		_, err = f.Service.AddReport(ctx, f.Unit2User, onTime.ID, app.ReportInput{Body: "Đã ban hành", Completion: true})
		apptest.Must(t, err)
		f.Clock.Set(time.Date(2023, 3, 20, 9, 0, 0, 0, domain.Location))

		data, err := f.Service.Stocktake(ctx, f.Leader, 0, domain.MustDate("2023-01-01"))
		apptest.Must(t, err)
		if len(data.Notices) != 1 || data.Notices[0].Code != "12/TB-UBND" || len(data.Notices[0].Tasks) != 4 {
			t.Fatalf("notices = %+v, want only 12/TB-UBND with its 4 tasks", data.Notices)
		}
		tasks := data.Notices[0].Tasks
		want := []domain.Status{domain.StatusOverdue, domain.StatusDoneOnTime, domain.StatusDoneLate, domain.StatusOpen}
		for i, tk := range tasks {
			if tk.Status != want[i] {
				t.Errorf("task %q: status %s, want %s", tk.Text, tk.Status, want[i])
			}
		}
		if tasks[0].LastReport != "Đang khảo sát hiện trạng" || tasks[0].LastReportOn != domain.MustDate("2023-03-02") || tasks[0].Lead != f.Unit1.Name {
			t.Errorf("overdue task = %+v", tasks[0])
		}
		if len(data.Overdue) != 1 || data.Overdue[0].ID != overdue.ID || data.Overdue[0].DaysOverdue != 15 {
			t.Errorf("overdue = %+v, want one task 15 days late", data.Overdue)
		}
		if tot := data.Total; tot.Assigned != 4 || tot.DoneOnTime != 1 || tot.DoneLate != 1 || tot.Open != 1 || tot.Overdue != 1 {
			t.Errorf("total = %+v", tot)
		}
		if len(data.Units) != 2 || data.Units[0].Name != f.Unit1.Name || data.Units[0].Overdue != 1 || data.Units[0].DoneLate != 1 ||
			data.Units[1].DoneOnTime != 1 || data.Units[1].Open != 1 || data.Units[1].LastUpdate != domain.MustDate("2023-03-10") {
			t.Errorf("units = %+v", data.Units)
		}
		_ = open

		// A unit user sees only their unit's tasks; an unknown block is refused.
		mine, err := f.Service.Stocktake(ctx, f.Unit2User, 0, domain.Date{})
		apptest.Must(t, err)
		if mine.Total.Assigned != 2 {
			t.Errorf("unit 2 sees %d tasks, want its 2", mine.Total.Assigned)
		}
		if _, err := f.Service.Stocktake(ctx, f.Leader, 9999, domain.Date{}); err == nil {
			t.Error("an unknown block was accepted")
		}
		if _, err := f.Service.Stocktake(ctx, nil, 0, domain.Date{}); err == nil {
			t.Error("no user was accepted")
		}
	})
}
