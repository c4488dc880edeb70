package bench

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

// Environment of the benchmarks.
const (
	envTasks    = "GIAOBAN_BENCH_TASKS"     // tasks to generate (default 20,000)
	envDB       = "GIAOBAN_BENCH_DB"        // SQLite file kept between runs
	envPGSchema = "GIAOBAN_BENCH_PG_SCHEMA" // PostgreSQL schema kept between runs
)

// fixture is a generated organisation on one database, shared by the
// benchmarks of a run: generating it is the slow part.
type fixture struct {
	svc *app.Service
	st  *store.Store
	org *Org
}

var (
	mu       sync.Mutex
	fixtures = map[store.Dialect]*fixture{}
	cleanups []func()
)

func TestMain(m *testing.M) {
	code := storetest.Main(m)
	for _, f := range cleanups {
		f()
	}
	os.Exit(code)
}

func benchTasks(tb testing.TB) int {
	n := 20000
	if v := os.Getenv(envTasks); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			tb.Fatalf("%s=%q: want a positive number", envTasks, v)
		}
	}
	return n
}

// dsn is where dialect d's benchmark database lives, and whether it is kept.
func dsn(tb testing.TB, d store.Dialect, n int) string {
	if d == store.SQLite {
		if p := os.Getenv(envDB); p != "" {
			return "sqlite:" + p
		}
		dir, err := os.MkdirTemp("", "giaoban-bench-")
		if err != nil {
			tb.Fatal(err)
		}
		cleanups = append(cleanups, func() { os.RemoveAll(dir) })
		return "sqlite:" + filepath.Join(dir, "bench.db")
	}
	base := os.Getenv(storetest.EnvPostgres)
	schema, keep := os.Getenv(envPGSchema), true
	if schema == "" {
		schema, keep = fmt.Sprintf("giaoban_bench_%d_%d", n, os.Getpid()), false
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE SCHEMA IF NOT EXISTS ` + schema); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	if !keep {
		cleanups = append(cleanups, func() {
			if db, err := sql.Open("pgx", base); err == nil {
				db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) //nolint:errcheck
				db.Close()
			}
		})
	}
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// load returns dialect d's organisation, generating it on first use or
// reusing the kept database when it already holds the asked number of tasks.
func load(b *testing.B, d store.Dialect) *fixture {
	mu.Lock()
	defer mu.Unlock()
	if f := fixtures[d]; f != nil {
		return f
	}
	n := benchTasks(b)
	ctx := context.Background()
	st, err := store.Open(ctx, dsn(b, d, n))
	if err != nil {
		b.Fatal(err)
	}
	cleanups = append([]func(){func() { st.Close() }}, cleanups...)
	svc := app.New(st, app.Options{PasswordParams: apptest.Hashing})
	f := &fixture{svc: svc, st: st}
	orgs, err := st.Orgs(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if len(orgs) == 0 {
		start := time.Now()
		if f.org, err = Generate(ctx, svc, Config{Tasks: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		b.Logf("%s: generated %d tasks in %s", d, n, time.Since(start).Round(time.Second))
	} else {
		leader, _, err := st.UserByName(ctx, "lanhdao")
		if err != nil {
			b.Fatalf("reuse %s database: %v", d, err)
		}
		_, total, err := svc.Tasks(ctx, leader, store.TaskFilter{Limit: 1})
		if err != nil {
			b.Fatal(err)
		}
		if total != n {
			b.Fatalf("the kept %s database holds %d tasks, %s asks for %d: remove it or change %s", d, total, envTasks, n, envTasks)
		}
		units, err := st.Units(ctx, leader.OrgID)
		if err != nil {
			b.Fatal(err)
		}
		f.org = &Org{OrgID: leader.OrgID, Leader: leader, MaxTask: int64(total)}
		for _, u := range units {
			f.org.Units = append(f.org.Units, u.ID)
		}
		b.Logf("%s: reusing a database of %d tasks", d, n)
	}
	fixtures[d] = f
	return f
}

// measure runs op b.N times and reports the median and 99th percentile.
func measure(b *testing.B, op func(i int) error) {
	b.Helper()
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if err := op(i); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(durs)
	pct := func(p float64) float64 {
		k := int(float64(len(durs)-1) * p)
		return float64(durs[k]) / float64(time.Millisecond)
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

func eachDialect(b *testing.B, fn func(b *testing.B, f *fixture)) {
	for _, d := range storetest.Dialects() {
		b.Run(string(d), func(b *testing.B) { fn(b, load(b, d)) })
	}
}

// BenchmarkTaskList is a leader opening one unit's tasks of one status, first
// page, cycling through the units and the five statuses.
func BenchmarkTaskList(b *testing.B) {
	eachDialect(b, func(b *testing.B, f *fixture) {
		ctx := context.Background()
		measure(b, func(i int) error {
			fl := store.TaskFilter{UnitID: f.org.Units[i%len(f.org.Units)], Statuses: []domain.Status{domain.Statuses[i%len(domain.Statuses)]}}
			_, _, err := f.svc.Tasks(ctx, f.org.Leader, fl)
			return err
		})
	})
}

// BenchmarkDashboard is a leader opening the whole organisation's dashboard.
func BenchmarkDashboard(b *testing.B) {
	eachDialect(b, func(b *testing.B, f *fixture) {
		ctx := context.Background()
		measure(b, func(int) error {
			_, err := f.svc.Dashboard(ctx, f.org.Leader, store.TaskFilter{})
			return err
		})
	})
}

// BenchmarkTaskPage is a leader opening random task pages.
func BenchmarkTaskPage(b *testing.B) {
	eachDialect(b, func(b *testing.B, f *fixture) {
		ctx := context.Background()
		rng := rand.New(rand.NewPCG(2, 3))
		measure(b, func(int) error {
			_, err := f.svc.Task(ctx, f.org.Leader, 1+rng.Int64N(f.org.MaxTask))
			return err
		})
	})
}

// TestGenerate checks a small generated organisation: the task count, and
// that every status bucket is represented.
func TestGenerate(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		st, svc := a.Store, a.Service
		org, err := Generate(ctx, svc, Config{Tasks: 3000, Departments: 5, Communes: 10, Years: 1, Chunk: 1000, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		d, err := svc.Dashboard(ctx, org.Leader, store.TaskFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Total != 3000 {
			t.Errorf("dashboard counts %d tasks, want 3000", d.Total)
		}
		for _, s := range domain.Statuses {
			if d.Counts[s] == 0 {
				t.Errorf("no task in bucket %s: %v", s, d.Counts)
			}
		}
		td, err := svc.Task(ctx, org.Leader, org.MaxTask)
		if err != nil {
			t.Fatal(err)
		}
		if !td.DoneOn.IsZero() && !td.Reports[0].Completion {
			t.Errorf("task %d is done but its latest report is not a completion", td.ID)
		}
		// The identity sequence follows the bulk ids: a task created normally gets the next one.
		office, _, err := st.UserByName(ctx, "vanphong")
		if err != nil {
			t.Fatal(err)
		}
		nt, err := svc.CreateTask(ctx, office, app.TaskInput{Text: "Nhiệm vụ thêm", Lead: org.Units[:1]})
		if err != nil {
			t.Fatal(err)
		}
		if nt.ID != org.MaxTask+1 {
			t.Errorf("new task id %d, want %d", nt.ID, org.MaxTask+1)
		}
	}, apptest.Empty(), apptest.At(time.Now()))
}
