package jobs_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/jobs"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// seed makes an organisation with one overdue task on st and returns its id.
func seed(t *testing.T, st *store.Store) int64 {
	t.Helper()
	ctx := context.Background()
	var org int64
	apptest.Must(t, st.Transact(ctx, func(tx *store.Tx) error {
		o := &domain.Org{Name: "UBND xã Chạy Việc"}
		if err := tx.CreateOrg(ctx, o); err != nil {
			return err
		}
		org = o.ID
		return addTask(ctx, tx, org, "2024-02-20")
	}))
	return org
}

func addTask(ctx context.Context, tx *store.Tx, org int64, due string) error {
	task := &domain.Task{OrgID: org, Text: "Nhiệm vụ", Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate(due)}}
	task.Refresh()
	return tx.CreateTask(ctx, task, 0, 0)
}

func TestNextDaily(t *testing.T) {
	at := func(s string) time.Time {
		t, err := time.ParseInLocation("2006-01-02 15:04", s, domain.Location)
		if err != nil {
			panic(err)
		}
		return t
	}
	for _, c := range []struct {
		now  time.Time
		want string
	}{
		{at("2024-03-01 23:00"), "2024-03-02 00:05"},
		{at("2024-03-01 00:04"), "2024-03-01 00:05"},
		{at("2024-03-01 00:05"), "2024-03-02 00:05"},
		{time.Date(2024, 3, 1, 17, 10, 0, 0, time.UTC), "2024-03-03 00:05"}, // 00:10 on 2 March in Vietnam
		{at("2024-12-31 12:00"), "2025-01-01 00:05"},
	} {
		if got := jobs.NextDaily(c.now, 0, 5); !got.Equal(at(c.want)) {
			t.Errorf("NextDaily(%s) = %s, want %s", c.now, got.In(domain.Location), c.want)
		}
	}
}

// TestSnapshotJob runs the snapshot job through a runner: the first run
// backfills a year and writes today; the job is then not due until 00:05;
// running it again the same day refreshes today's row and adds nothing; the
// next day adds one row.
func TestSnapshotJob(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		st, svc, clk := a.Store, a.Service, a.Clock
		org := seed(t, st)
		r := &jobs.Runner{Store: st, Service: svc}
		count := func() []store.Snapshot {
			t.Helper()
			s, err := st.Snapshots(ctx, org, domain.MustDate("2000-01-01"), domain.MustDate("2100-01-01"))
			apptest.Must(t, err)
			return s
		}
		ran, err := r.RunDue(ctx)
		apptest.Must(t, err)
		if len(ran) != 1 || ran[0] != jobs.SnapshotJob {
			t.Fatalf("first pass ran %v, want the snapshot job", ran)
		}
		snaps := count()
		if len(snaps) != app.HistoryMonths+1 {
			t.Fatalf("%d snapshots after the first run, want %d month ends and today", len(snaps), app.HistoryMonths+1)
		}
		if snaps[0].Day != domain.MustDate("2023-03-31") || snaps[len(snaps)-1] != (store.Snapshot{Day: domain.MustDate("2024-03-15"), Overdue: 1}) {
			t.Errorf("snapshots run from %+v to %+v", snaps[0], snaps[len(snaps)-1])
		}
		j, err := st.Job(ctx, jobs.SnapshotJob)
		apptest.Must(t, err)
		if want := time.Date(2024, 3, 16, 0, 5, 0, 0, domain.Location); !j.NextRunAt.Equal(want) || j.LastError != "" || j.LockedBy != "" ||
			!j.LockedUntil.IsZero() || j.LastRunAt.IsZero() {
			t.Errorf("job after a run: %+v, want next run %s and no lease", j, want)
		}
		// Not due again today.
		clk.Set(clk.Now().Add(time.Hour))
		if ran, err := r.RunDue(ctx); err != nil || len(ran) != 0 {
			t.Fatalf("second pass the same day ran %v (%v)", ran, err)
		}
		// Run by hand the same day, after a change: today's row is refreshed.
		apptest.Must(t, st.Transact(ctx, func(tx *store.Tx) error { return addTask(ctx, tx, org, "2024-03-01") }))
		apptest.Must(t, r.RunNow(ctx, jobs.SnapshotJob))
		snaps = count()
		if len(snaps) != app.HistoryMonths+1 || snaps[len(snaps)-1].Overdue != 2 {
			t.Errorf("after a second run today: %d rows, today %+v; want %d rows and 2 overdue", len(snaps), snaps[len(snaps)-1], app.HistoryMonths+1)
		}
		// The next night: one more row, no second backfill.
		clk.Set(time.Date(2024, 3, 16, 0, 6, 0, 0, domain.Location))
		ran, err = r.RunDue(ctx)
		apptest.Must(t, err)
		if len(ran) != 1 || len(count()) != app.HistoryMonths+2 {
			t.Errorf("next night ran %v and left %d rows, want %d", ran, len(count()), app.HistoryMonths+2)
		}
		if err := r.RunNow(ctx, "no-such-job"); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("RunNow of an unknown job: %v", err)
		}
	}, apptest.Empty(), apptest.At(time.Date(2024, 3, 15, 14, 0, 0, 0, domain.Location)))
}

// TestTwoRunnersClaimOnce starts two instances (two stores on one database,
// each with its runner) looking for due jobs at the same moment, many times:
// each due job runs exactly once.
func TestTwoRunnersClaimOnce(t *testing.T) {
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			a := apptest.New(t, d, apptest.Empty(), apptest.At(time.Date(2024, 3, 15, 14, 0, 0, 0, domain.Location)))
			clk := a.Clock
			var runs atomic.Int32
			var running atomic.Int32
			var runners [2]*jobs.Runner
			var org int64
			for i := range runners {
				instance := a
				if i == 0 {
					org = seed(t, a.Store)
				} else {
					instance = a.Instance(app.Options{})
				}
				st, svc := instance.Store, instance.Service
				snap := jobs.Snapshot(svc)
				job := jobs.Job{Name: snap.Name, Next: snap.Next, Run: func(ctx context.Context) error {
					if running.Add(1) > 1 {
						t.Error("the job runs on both instances at once")
					}
					defer running.Add(-1)
					runs.Add(1)
					time.Sleep(50 * time.Millisecond)
					return snap.Run(ctx)
				}}
				runners[i] = &jobs.Runner{Store: st, Service: svc, Jobs: []jobs.Job{job}, Owner: string(rune('A' + i))}
			}
			for night := 0; night < 5; night++ {
				var wg sync.WaitGroup
				start := make(chan struct{})
				for _, r := range runners {
					wg.Go(func() {
						<-start
						if _, err := r.RunDue(ctx); err != nil {
							t.Error(err)
						}
					})
				}
				close(start)
				wg.Wait()
				if got := runs.Load(); got != int32(night+1) {
					t.Fatalf("night %d: the job ran %d times in all, want %d", night, got, night+1)
				}
				clk.Set(jobs.NextDaily(clk.Now(), 0, 5).Add(time.Minute))
			}
			snaps, err := runners[0].Store.Snapshots(ctx, org, domain.MustDate("2000-01-01"), domain.MustDate("2100-01-01"))
			apptest.Must(t, err)
			if len(snaps) != app.HistoryMonths+5 {
				t.Errorf("%d snapshots after five nights, want %d", len(snaps), app.HistoryMonths+5)
			}
		})
	}
}

// TestRunStopsOnCancel cancels a runner while its job is running: Run
// returns promptly, and the job is left unleased and due, its run marked as
// interrupted. An idle runner stops as promptly.
func TestRunStopsOnCancel(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		started := make(chan struct{})
		job := jobs.Job{Name: "slow", Next: func(now time.Time) time.Time { return now.Add(time.Hour) },
			Run: func(ctx context.Context) error {
				close(started)
				select {
				case <-ctx.Done():
					return ctx.Err()
				case <-time.After(time.Minute):
					return nil
				}
			}}
		r := &jobs.Runner{Store: st, Interval: time.Hour, Jobs: []jobs.Job{job}}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- r.Run(ctx) }()
		select {
		case <-started:
		case <-time.After(10 * time.Second):
			t.Fatal("the job did not start")
		}
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run returned %v, want nil after cancel", err)
			}
		case <-time.After(2 * time.Second):
			t.Fatal("Run did not return within 2 s of cancel")
		}
		j, err := st.Job(context.Background(), "slow")
		apptest.Must(t, err)
		if j.LockedBy != "" || !j.LockedUntil.IsZero() || !strings.HasPrefix(j.LastError, "interrupted") || j.NextRunAt.After(time.Now()) {
			t.Errorf("job after an interrupted run: %+v, want no lease, due now, marked interrupted", j)
		}

		idle := &jobs.Runner{Store: st, Interval: time.Hour, Jobs: []jobs.Job{}}
		ctx, cancel = context.WithCancel(context.Background())
		go func() { done <- idle.Run(ctx) }()
		time.Sleep(20 * time.Millisecond)
		cancel()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			t.Fatal("an idle Run did not return within 2 s of cancel")
		}
	})
}
