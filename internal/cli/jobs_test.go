package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/config"
	"giaoban/internal/domain"
	"giaoban/internal/jobs"
	"giaoban/internal/store"
)

// TestJobsRunSnapshot runs `giaoban jobs run snapshot --db sqlite:FILE` on a
// database with one overdue task: the organisation gets its year of month
// ends and today's row, and the job its next run at 00:05; a second run the
// same day adds no row.
func TestJobsRunSnapshot(t *testing.T) {
	ctx := context.Background()
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "giaoban.db")
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	var org int64
	err = st.Transact(ctx, func(tx *store.Tx) error {
		o := &domain.Org{Name: "UBND xã Dòng Lệnh"}
		if err := tx.CreateOrg(ctx, o); err != nil {
			return err
		}
		org = o.ID
		task := &domain.Task{OrgID: org, Text: "Nhiệm vụ quá hạn", Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2020-01-31")}}
		task.Refresh()
		return tx.CreateTask(ctx, task, 0, 0)
	})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	for run := 1; run <= 2; run++ {
		var stdout, stderr bytes.Buffer
		if err := Jobs(ctx, []string{"run", "snapshot", "--db", dsn}, config.OSEnv, &stdout, &stderr); err != nil {
			t.Fatalf("run %d: %v\n%s", run, err, stderr.String())
		}
		if !strings.Contains(stdout.String(), "đã chạy snapshot") || !strings.Contains(stdout.String(), "00:05") {
			t.Errorf("run %d printed %q", run, stdout.String())
		}
	}

	st, err = store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	today := domain.Today(time.Now())
	snaps, err := st.Snapshots(ctx, org, today.AddDays(-400), today)
	if err != nil {
		t.Fatal(err)
	}
	if len(snaps) != app.HistoryMonths+1 || snaps[len(snaps)-1] != (store.Snapshot{Day: today, Overdue: 1}) {
		t.Errorf("%d snapshots ending %+v; want %d ending with today's 1 overdue", len(snaps), snaps[len(snaps)-1], app.HistoryMonths+1)
	}
	j, err := st.Job(ctx, jobs.SnapshotJob)
	if err != nil {
		t.Fatal(err)
	}
	if j.LastRunAt.IsZero() || j.LastError != "" || j.LockedBy != "" || !j.NextRunAt.Equal(jobs.NextDaily(j.LastRunAt, 0, 5)) {
		t.Errorf("job row after the CLI runs: %+v", j)
	}

	var stdout, stderr bytes.Buffer
	for _, args := range [][]string{{}, {"run"}, {"start", "snapshot"}} {
		if err := Jobs(ctx, args, config.OSEnv, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "cách dùng") {
			t.Errorf("jobs %v: %v, want the usage", args, err)
		}
	}
	if err := Jobs(ctx, []string{"run", "nothing", "--db", dsn}, config.OSEnv, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "nothing") {
		t.Errorf("an unknown job: %v", err)
	}
}
