package store_test

import (
	"context"
	"testing"
	"time"

	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

// historyTask is a task of a hand-made history: entered at created (Vietnam's
// time), due and done on the given days ("" for none), from a notice issued
// on issued when not "".
type historyTask struct {
	created             string // 2006-01-02 15:04, Vietnam
	due, done           string
	issued              string
	text                string
	onJan, onFeb, onMar domain.Status // its bucket at each month's end; "" while it does not exist
}

var history = []historyTask{
	{created: "2024-01-05 08:00", due: "2024-01-20", done: "2024-01-15", text: "done on time",
		onJan: domain.StatusDoneOnTime, onFeb: domain.StatusDoneOnTime, onMar: domain.StatusDoneOnTime},
	{created: "2024-01-05 08:00", due: "2024-01-20", done: "2024-02-10", text: "done late, overdue until then",
		onJan: domain.StatusOverdue, onFeb: domain.StatusDoneLate, onMar: domain.StatusDoneLate},
	{created: "2024-01-05 08:00", due: "2024-02-15", text: "still open, overdue from 16 February",
		onJan: domain.StatusOpen, onFeb: domain.StatusOverdue, onMar: domain.StatusOverdue},
	{created: "2024-02-20 10:00", due: "2024-03-05", text: "created mid-period, due soon at the end of February",
		onFeb: domain.StatusDueSoon, onMar: domain.StatusOverdue},
	{created: "2024-02-10 10:00", text: "no due day", onFeb: domain.StatusOpen, onMar: domain.StatusOpen},
	{created: "2024-03-10 10:00", due: "2024-03-31", done: "2024-03-31", text: "done on its due day",
		onMar: domain.StatusDoneOnTime},
	{created: "2024-03-15 10:00", issued: "2024-01-10", due: "2024-01-31", text: "entered late from a January notice",
		onJan: domain.StatusDueSoon, onFeb: domain.StatusOverdue, onMar: domain.StatusOverdue},
	{created: "2024-02-01 03:00", due: "2024-02-01", text: "entered early on 1 February in Vietnam (31 January in UTC)",
		onFeb: domain.StatusOverdue, onMar: domain.StatusOverdue},
}

// TestPastSnapshots reconstructs the month ends of a small history and
// checks every bucket, then that the reconstruction of a day agrees with the
// live counts of that day once nothing has changed since.
func TestPastSnapshots(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		var org int64
		must(t, st.Transact(ctx, func(tx *store.Tx) error {
			o := &domain.Org{Name: "UBND xã Lịch Sử"}
			if err := tx.CreateOrg(ctx, o); err != nil {
				return err
			}
			org = o.ID
			other := &domain.Org{Name: "UBND xã Khác"}
			if err := tx.CreateOrg(ctx, other); err != nil {
				return err
			}
			// A task of another organisation, counted nowhere here.
			stray := &domain.Task{OrgID: other.ID, Text: "không tính"}
			if err := tx.CreateTask(ctx, stray, 0, 0); err != nil {
				return err
			}
			for _, h := range history {
				at, err := time.ParseInLocation("2006-01-02 15:04", h.created, domain.Location)
				if err != nil {
					return err
				}
				task := &domain.Task{OrgID: org, Text: h.text}
				if h.issued != "" {
					n := &domain.Notice{OrgID: org, Title: "Thông báo kết luận", State: domain.NoticeIssued, IssuedOn: domain.MustDate(h.issued)}
					if err := tx.CreateNotice(ctx, n); err != nil {
						return err
					}
					task.NoticeID = n.ID
				}
				if h.due != "" {
					task.Deadline = domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate(h.due)}
				}
				task.Refresh()
				if h.done != "" {
					task.DoneOn, task.Percent = domain.MustDate(h.done), 100
				}
				if err := tx.At(at).CreateTask(ctx, task, 0, 0); err != nil {
					return err
				}
			}
			return nil
		}))
		days := []domain.Date{domain.MustDate("2024-01-31"), domain.MustDate("2024-02-29"), domain.MustDate("2024-03-31")}
		got, err := st.PastSnapshots(ctx, org, days, 7)
		must(t, err)
		if len(got) != len(days) {
			t.Fatalf("%d snapshots for %d days", len(got), len(days))
		}
		for i, day := range days {
			t.Run(day.String(), func(t *testing.T) {
				want := store.Snapshot{Day: day}
				for _, h := range history {
					switch []domain.Status{h.onJan, h.onFeb, h.onMar}[i] {
					case domain.StatusOverdue:
						want.Overdue++
					case domain.StatusDueSoon:
						want.DueSoon++
					case domain.StatusOpen:
						want.Open++
					case domain.StatusDoneLate:
						want.DoneLate++
					case domain.StatusDoneOnTime:
						want.DoneOnTime++
					}
				}
				if got[i] != want {
					t.Errorf("snapshot of %s = %+v, want %+v", day, got[i], want)
				}
			})
		}
		// At the end of March every task exists and every completion is in:
		// the reconstruction must agree with the live counts of that day.
		live, err := st.StatusCounts(ctx, store.TaskFilter{OrgID: org, Today: days[2], SoonDays: 7})
		must(t, err)
		mar := got[2]
		if mar.Overdue != live[domain.StatusOverdue] || mar.DueSoon != live[domain.StatusDueSoon] || mar.Open != live[domain.StatusOpen] ||
			mar.DoneLate != live[domain.StatusDoneLate] || mar.DoneOnTime != live[domain.StatusDoneOnTime] {
			t.Errorf("reconstructed 31 March %+v disagrees with the live counts %v", mar, live)
		}
		// A day without tasks yet has a zero row, not a missing one.
		early, err := st.PastSnapshots(ctx, org, []domain.Date{domain.MustDate("2023-12-31")}, 7)
		must(t, err)
		if len(early) != 1 || early[0] != (store.Snapshot{Day: domain.MustDate("2023-12-31")}) {
			t.Errorf("before any task: %+v", early)
		}
	})
}

// TestSnapshotsUpsert writes a day twice and reads a range back.
func TestSnapshotsUpsert(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		org, _ := seedOrg(t, st)
		has, err := st.HasSnapshots(ctx, org)
		must(t, err)
		if has {
			t.Fatal("a new organisation has snapshots")
		}
		d1, d2 := domain.MustDate("2024-05-31"), domain.MustDate("2024-06-01")
		must(t, st.Transact(ctx, func(tx *store.Tx) error {
			return tx.PutSnapshots(ctx, org, []store.Snapshot{{Day: d1, Overdue: 3}, {Day: d2, Overdue: 4, DoneOnTime: 1}})
		}))
		must(t, st.Transact(ctx, func(tx *store.Tx) error {
			return tx.PutSnapshots(ctx, org, []store.Snapshot{{Day: d2, Overdue: 5, Open: 2}})
		}))
		got, err := st.Snapshots(ctx, org, d1, d2)
		must(t, err)
		want := []store.Snapshot{{Day: d1, Overdue: 3}, {Day: d2, Overdue: 5, Open: 2}}
		if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("snapshots = %+v, want %+v", got, want)
		}
		if has, _ := st.HasSnapshots(ctx, org); !has {
			t.Error("HasSnapshots after writing some: false")
		}
	})
}
