package cli

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

// fill gives the fixture tasks, reports with attachments, an extension and
// a notice: every table has rows.
func fill(t *testing.T, a *apptest.App) {
	t.Helper()
	ctx := context.Background()
	for i := range 5 {
		task := a.Task(app.TaskInput{Text: fmt.Sprintf("Nhiệm vụ %d: rà soát hồ sơ", i+1), Support: []int64{a.Unit2.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-03-20")}})
		_, err := a.Service.AddReport(ctx, a.Unit1User, task.ID, app.ReportInput{Body: "Đã làm", Percent: 20 * i,
			Files: []app.Upload{{Name: fmt.Sprintf("bien-ban-%d.pdf", i), Data: []byte(strings.Repeat("%PDF-1.4 nội dung ", 50+i))}}})
		a.Must(err)
		if i == 0 {
			_, err := a.Service.RequestExtension(ctx, a.Unit1User, task.ID, domain.MustDate("2023-04-20"), "Chờ số liệu")
			a.Must(err)
		}
	}
	n := &domain.Notice{Title: "Kết luận giao ban", Number: "12", Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-02-23"), SignerName: "Ngô Đức Sáu"}
	a.Must(a.Service.CreateNotice(ctx, a.Office, n))
	a.APIToken(a.Office)
}

// tableRows reads every row of every table of the database at dsn, each as
// text, sorted: two databases with the same rows compare equal.
func tableRows(t *testing.T, dsn string) map[string][]string {
	t.Helper()
	driver, source := "pgx", dsn
	list := `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	if path, ok := strings.CutPrefix(dsn, "sqlite:"); ok {
		driver, source = "sqlite", "file:"+path+"?mode=ro"
		list = `SELECT name FROM sqlite_master WHERE type = 'table'`
	}
	db, err := sql.Open(driver, source)
	apptest.Must(t, err)
	defer db.Close()
	rows, err := db.Query(list)
	apptest.Must(t, err)
	var tables []string
	for rows.Next() {
		var n string
		apptest.Must(t, rows.Scan(&n))
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string][]string{}
	for _, table := range tables {
		rs, err := db.Query(`SELECT * FROM ` + table)
		apptest.Must(t, err)
		out[table] = []string{}
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			apptest.Must(t, rs.Scan(ptrs...))
			var b strings.Builder
			for i, v := range vals {
				if x, ok := v.([]byte); ok {
					v = string(x)
				}
				fmt.Fprintf(&b, "%s=%v|", cols[i], v)
			}
			out[table] = append(out[table], b.String())
		}
		rs.Close()
		slices.Sort(out[table])
	}
	return out
}

// sameTables fails the test unless the two databases hold the same tables
// with the same rows.
func sameTables(t *testing.T, want, got map[string][]string) {
	t.Helper()
	if len(want) < 20 {
		t.Fatalf("only %d tables read", len(want))
	}
	for table, rows := range want {
		if !slices.Equal(rows, got[table]) {
			t.Errorf("table %s: %d rows restored, want %d (or they differ)", table, len(got[table]), len(rows))
		}
	}
	for table := range got {
		if _, ok := want[table]; !ok {
			t.Errorf("table %s appeared", table)
		}
	}
	for _, table := range []string{"tasks", "reports", "attachments", "audit_log", "users"} {
		if len(want[table]) == 0 {
			t.Errorf("table %s is empty: the test compares nothing there", table)
		}
	}
}

// TestBackupRestoreSQLite: a backup taken while a unit keeps reporting is a
// sound database; restored into a new file, a backup holds every table and
// row of the original, attachments included; a restore never overwrites a
// database that has data.
func TestBackupRestoreSQLite(t *testing.T) {
	ctx := context.Background()
	a := apptest.New(t, store.SQLite)
	fill(t, a)
	dir := t.TempDir()

	// Online: a backup while reports are being written.
	task := a.Task(app.TaskInput{Text: "Báo cáo liên tục"})
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; !stop.Load(); i++ {
			_, err := a.Service.AddReport(ctx, a.Unit1User, task.ID, app.ReportInput{Body: fmt.Sprintf("Báo cáo %d", i)})
			if err != nil {
				t.Errorf("report during the backup: %v", err)
				return
			}
		}
	}()
	time.Sleep(50 * time.Millisecond)
	online := filepath.Join(dir, "online.db")
	var out strings.Builder
	err := Backup(ctx, []string{"--db", a.DSN, "-o", online}, nil, &out, &out)
	stop.Store(true)
	wg.Wait()
	if err != nil {
		t.Fatalf("backup while writing: %v", err)
	}
	if !strings.Contains(out.String(), "tệp đính kèm") {
		t.Errorf("backup says %q", out.String())
	}
	restoredOnline := "sqlite:" + filepath.Join(dir, "restored-online.db")
	if err := Restore(ctx, []string{"--db", restoredOnline, online}, nil, &out, &out); err != nil {
		t.Fatalf("restore of the online backup: %v", err)
	}

	// Quiet: the restored copy equals the original, table by table.
	backup := filepath.Join(dir, "giaoban-backup.db")
	if err := Backup(ctx, []string{"--db", a.DSN, "-o", backup}, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	restored := "sqlite:" + filepath.Join(dir, "restored.db")
	if err := Restore(ctx, []string{"--db", restored, backup}, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	sameTables(t, tableRows(t, a.DSN), tableRows(t, restored))
	st := storetest.OpenDSN(t, restored)
	if res, err := st.IntegrityCheck(ctx); err != nil || res != "ok" {
		t.Errorf("restored database: %q %v", res, err)
	}
	// The restored database serves: the attachments read back.
	svc := app.New(st, app.Options{PasswordParams: apptest.Hashing})
	if _, _, err := svc.Login(ctx, "gddt", apptest.Password, "10.0.0.1"); err != nil {
		t.Errorf("login on the restored database: %v", err)
	}

	if err := Backup(ctx, []string{"--db", a.DSN, "-o", backup}, nil, &out, &out); err == nil {
		t.Errorf("a backup overwrote an existing file")
	}
	if err := Restore(ctx, []string{"--db", a.DSN, backup}, nil, &out, &out); !errors.Is(err, store.ErrNotEmpty) {
		t.Errorf("restore into a database with data: %v, want ErrNotEmpty", err)
	}
}

// TestBackupRestorePostgres: pg_dump and pg_restore, as giaoban backup and
// restore run them (and as the README tells an operator to), carry every
// table and row of one database into a new one.
func TestBackupRestorePostgres(t *testing.T) {
	base := os.Getenv(storetest.EnvPostgres)
	if base == "" {
		t.Skip("GIAOBAN_TEST_POSTGRES not set")
	}
	ctx := context.Background()
	src, dst := newDatabase(t, base), newDatabase(t, base)
	a := apptest.New(t, store.Postgres, apptest.OnDSN(src))
	fill(t, a)
	file := filepath.Join(t.TempDir(), "giaoban.dump")
	var out strings.Builder
	if err := Backup(ctx, []string{"--db", src, "-o", file}, nil, &out, &out); err != nil {
		t.Fatalf("backup: %v", err)
	}
	if err := Restore(ctx, []string{"--db", dst, file}, nil, &out, &out); err != nil {
		t.Fatalf("restore: %v", err)
	}
	sameTables(t, tableRows(t, src), tableRows(t, dst))
	if err := Restore(ctx, []string{"--db", src, file}, nil, &out, &out); !errors.Is(err, store.ErrNotEmpty) {
		t.Errorf("restore into a database with data: %v, want ErrNotEmpty", err)
	}
	// The restored database takes new rows: its id sequences came along.
	st := storetest.OpenDSN(t, dst)
	svc := app.New(st, app.Options{PasswordParams: apptest.Hashing})
	office, _, err := st.UserByName(ctx, "vanphong")
	apptest.Must(t, err)
	if _, err := svc.CreateTask(ctx, office, app.TaskInput{Text: "Sau khôi phục", Lead: []int64{a.Unit1.ID}, Deadline: domain.Deadline{Kind: domain.DeadlineNone}}); err != nil {
		t.Errorf("a new task on the restored database: %v", err)
	}
}

// newDatabase makes an empty PostgreSQL database for the test, dropped at
// its end, and returns its DSN.
func newDatabase(t *testing.T, base string) string {
	t.Helper()
	db, err := sql.Open("pgx", base)
	apptest.Must(t, err)
	defer db.Close()
	name := fmt.Sprintf("giaoban_backup_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	if _, err := db.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err == nil {
			db.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`) //nolint:errcheck
			db.Close()
		}
	})
	u, err := url.Parse(base)
	apptest.Must(t, err)
	u.Path = "/" + name
	return u.String()
}
