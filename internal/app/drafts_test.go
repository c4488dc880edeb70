package app_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// draftText is the draft's task: searched for, overdue and led by unit 1.
const draftText = "Rà soát hồ sơ dự thảo chưa ban hành"

// TestDraftsNeverCount checks, place by place and role by role, that the
// task of a draft notice appears nowhere outside that draft — figures,
// lists, search, exports, the calendar feed, the stocktake and the daily
// snapshot — while the Office and admin see it on the draft itself; and that
// issuing the notice brings it into every place at once.
func TestDraftsNeverCount(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		svc := a.Service
		a.Task(app.TaskInput{Text: "Nhiệm vụ đang theo dõi", Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-02-10")}})
		n := &domain.Notice{Title: "Kết luận giao ban tháng 2", Number: "7", Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-02-20"),
			SignerName: "Ngô Đức Sáu", Sections: []domain.Section{{Kind: domain.SectionTasks, Body: "Giao Phòng Giáo dục và Đào tạo rà soát hồ sơ."}}}
		apptest.Must(t, svc.CreateNotice(ctx, a.Office, n))
		draft := a.Task(app.TaskInput{NoticeID: n.ID, Text: draftText, Support: []int64{a.Unit2.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-01-15")}})
		links := map[string]string{}
		for name, u := range a.Users {
			secret, err := svc.CreateCalendarLink(ctx, u, "lịch", 0)
			apptest.Must(t, err)
			links[name] = secret
		}

		// has reports whether draft's task shows in a place, for actor; its
		// figures must then be one more than without it.
		type place struct {
			name string
			has  func(u *domain.User) (bool, error)
		}
		ids := func(rows []store.TaskRow) []int64 {
			var out []int64
			for _, r := range rows {
				out = append(out, r.ID)
			}
			return out
		}
		counts := func(u *domain.User) (*app.Dashboard, error) { return svc.Dashboard(ctx, u, store.TaskFilter{}) }
		places := []place{
			{"dashboard total", func(u *domain.User) (bool, error) {
				d, err := counts(u)
				return err == nil && d.Total == 2, err
			}},
			{"dashboard overdue count", func(u *domain.User) (bool, error) {
				d, err := counts(u)
				return err == nil && d.Counts[domain.StatusOverdue] == 2, err
			}},
			{"dashboard overdue list", func(u *domain.User) (bool, error) {
				d, err := counts(u)
				return err == nil && slices.Contains(ids(d.Overdue), draft.ID), err
			}},
			{"dashboard unit table", func(u *domain.User) (bool, error) {
				d, err := counts(u)
				for _, r := range d.Units {
					if r.UnitID == a.Unit1.ID {
						return r.Assigned == 2, err
					}
				}
				return false, err
			}},
			{"task list", func(u *domain.User) (bool, error) {
				rows, total, err := svc.Tasks(ctx, u, store.TaskFilter{})
				return slices.Contains(ids(rows), draft.ID) || total == 2, err
			}},
			{"unit's task list", func(u *domain.User) (bool, error) {
				rows, total, err := svc.Tasks(ctx, u, store.TaskFilter{UnitID: a.Unit1.ID, Statuses: []domain.Status{domain.StatusOverdue}})
				return slices.Contains(ids(rows), draft.ID) || total == 2, err
			}},
			{"supporting unit's task list", func(u *domain.User) (bool, error) {
				rows, _, err := svc.Tasks(ctx, u, store.TaskFilter{UnitID: a.Unit2.ID})
				return slices.Contains(ids(rows), draft.ID), err
			}},
			{"task list of the notice", func(u *domain.User) (bool, error) {
				rows, _, err := svc.Tasks(ctx, u, store.TaskFilter{NoticeID: n.ID})
				return slices.Contains(ids(rows), draft.ID), err
			}},
			{"search", func(u *domain.User) (bool, error) {
				r, err := svc.Search(ctx, u, "du thao chua ban hanh", 10)
				return err == nil && r.TaskTotal > 0, err
			}},
			{"export", func(u *domain.User) (bool, error) {
				e, err := svc.ExportTasks(ctx, u, store.TaskFilter{}, 0)
				for _, x := range e.Tasks {
					if x.ID == draft.ID {
						return true, err
					}
				}
				return false, err
			}},
			{"calendar feed", func(u *domain.User) (bool, error) {
				f, err := svc.CalendarFeed(ctx, links[u.Username])
				if err != nil {
					return false, err
				}
				for _, x := range f.Tasks {
					if x.ID == draft.ID {
						return true, nil
					}
				}
				return false, nil
			}},
			{"stocktake", func(u *domain.User) (bool, error) {
				d, err := svc.Stocktake(ctx, u, 0, domain.Date{})
				return err == nil && (len(d.Notices) > 0 || d.Total.Assigned > 0), err
			}},
			{"snapshot", func(u *domain.User) (bool, error) {
				if _, err := svc.TakeSnapshots(ctx); err != nil {
					return false, err
				}
				snaps, err := a.Store.Snapshots(ctx, a.Org.ID, svc.Today(), svc.Today())
				return err == nil && len(snaps) == 1 && snaps[0].Overdue == 2, err
			}},
		}
		everyone := []*domain.User{a.Admin, a.Office, a.Leader, a.Viewer, a.Unit1User, a.Unit2User}
		for _, p := range places {
			for _, u := range everyone {
				got, err := p.has(u)
				if err != nil {
					t.Fatalf("%s as %s: %v", p.name, u.Username, err)
				}
				if got {
					t.Errorf("%s as %s shows the draft's task", p.name, u.Username)
				}
			}
		}
		// Only the Office and admin know the draft: its page and its task's.
		for _, u := range everyone {
			_, noticeErr := svc.Notice(ctx, u, n.ID)
			rows, _, tasksErr := svc.NoticeTasks(ctx, u, n.ID, 50)
			_, taskErr := svc.Task(ctx, u, draft.ID)
			if u.CanManage() {
				if noticeErr != nil || tasksErr != nil || taskErr != nil || !slices.Contains(ids(rows), draft.ID) {
					t.Errorf("%s cannot work on the draft: %v %v %v %v", u.Username, noticeErr, tasksErr, taskErr, ids(rows))
				}
				continue
			}
			if !errors.Is(noticeErr, domain.ErrNotFound) || !errors.Is(tasksErr, domain.ErrNotFound) || !errors.Is(taskErr, domain.ErrNotFound) {
				t.Errorf("%s learns of the draft: %v %v %v", u.Username, noticeErr, tasksErr, taskErr)
			}
		}
		if _, err := svc.AddReport(ctx, a.Office, draft.ID, app.ReportInput{Body: "Báo cáo sớm"}); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("a report on a draft's task: %v, want refused", err)
		}

		// Issued: the task is in every place, for whoever sees unit 1's tasks.
		apptest.Must(t, svc.UpdateNotice(ctx, a.Office, n))
		cur, err := svc.Notice(ctx, a.Office, n.ID)
		apptest.Must(t, err)
		_, err = svc.IssueNotice(ctx, a.Office, n.ID, cur.Version)
		apptest.Must(t, err)
		for _, p := range places {
			for _, u := range everyone {
				if u == a.Unit2User && p.name != "supporting unit's task list" && p.name != "task list of the notice" &&
					p.name != "search" && p.name != "export" && p.name != "calendar feed" && p.name != "stocktake" {
					continue // unit 2 only supports it: its figures count the tasks it leads or its own
				}
				got, err := p.has(u)
				if err != nil {
					t.Fatalf("issued: %s as %s: %v", p.name, u.Username, err)
				}
				if !got && !(u.Role == domain.RoleUnit && (p.name == "snapshot")) {
					t.Errorf("issued: %s as %s lacks the task", p.name, u.Username)
				}
			}
		}
	})
}
