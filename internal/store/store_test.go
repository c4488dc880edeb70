package store_test

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func seedOrg(t *testing.T, st *store.Store) (int64, int64) {
	t.Helper()
	ctx := context.Background()
	var orgID, unitID int64
	err := st.Transact(ctx, func(tx *store.Tx) error {
		o := &domain.Org{Name: "UBND xã Thử"}
		if err := tx.CreateOrg(ctx, o); err != nil {
			return err
		}
		u := &domain.Unit{OrgID: o.ID, Name: "Trạm Y tế", Active: true, Aliases: []string{"TYT"}}
		if err := tx.CreateUnit(ctx, u); err != nil {
			return err
		}
		orgID, unitID = o.ID, u.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return orgID, unitID
}

// TestStatusSQLMatchesGo checks that filtering by status in SQL puts every task
// in the bucket domain.ComputeStatus gives it, on both databases.
func TestStatusSQLMatchesGo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		orgID, unitID := seedOrg(t, st)
		today := domain.MustDate("2023-03-10")
		cases := []struct{ due, done string }{
			{"", ""}, {"", "2023-03-01"}, {"2023-03-01", ""}, {"2023-03-09", ""}, {"2023-03-10", ""}, {"2023-03-16", ""},
			{"2023-03-17", ""}, {"2023-04-01", ""}, {"2023-03-05", "2023-03-05"}, {"2023-03-05", "2023-03-06"}, {"2023-03-20", "2023-03-01"},
		}
		want := map[int64]domain.Status{}
		err := st.Transact(ctx, func(tx *store.Tx) error {
			for _, c := range cases {
				task := &domain.Task{OrgID: orgID, Text: "Nhiệm vụ " + c.due + " " + c.done, Lead: []int64{unitID}}
				if c.due != "" {
					task.Deadline = domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate(c.due)}
				}
				task.Refresh()
				if c.done != "" {
					task.DoneOn = domain.MustDate(c.done)
				}
				if err := tx.CreateTask(ctx, task, 0, 0); err != nil {
					return err
				}
				want[task.ID] = domain.ComputeStatus(task.DueOn, task.DoneOn, today, 7)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range domain.Statuses {
			rows, total, err := st.Tasks(ctx, store.TaskFilter{OrgID: orgID, Statuses: []domain.Status{s}, Today: today, SoonDays: 7, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for id, ws := range want {
				if ws == s {
					n++
				}
				_ = id
			}
			if total != n {
				t.Errorf("%s: SQL finds %d tasks, Go %d", s, total, n)
			}
			for _, r := range rows {
				if want[r.ID] != s || r.Status != s {
					t.Errorf("task %d in SQL bucket %s, Go says %s", r.ID, s, want[r.ID])
				}
			}
		}
		counts, err := st.StatusCounts(ctx, store.TaskFilter{OrgID: orgID, Today: today, SoonDays: 7})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range domain.Statuses {
			n := 0
			for _, ws := range want {
				if ws == s {
					n++
				}
			}
			if counts[s] != n {
				t.Errorf("StatusCounts[%s] = %d, want %d", s, counts[s], n)
			}
		}
	})
}

func TestOptimisticLocking(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		orgID, unitID := seedOrg(t, st)
		task := &domain.Task{OrgID: orgID, Text: "Việc", Lead: []int64{unitID}}
		must(t, st.Transact(ctx, func(tx *store.Tx) error { return tx.CreateTask(ctx, task, 0, 0) }))
		a, b := *task, *task
		a.Text, b.Text = "Bản của A", "Bản của B"
		must(t, st.Transact(ctx, func(tx *store.Tx) error { return tx.UpdateTask(ctx, &a, 0) }))
		err := st.Transact(ctx, func(tx *store.Tx) error { return tx.UpdateTask(ctx, &b, 0) })
		if !errors.Is(err, domain.ErrConflict) {
			t.Fatalf("second save from the same version: %v, want conflict", err)
		}
		got, err := st.Task(ctx, orgID, task.ID, domain.MustDate("2023-01-01"), 7)
		must(t, err)
		if got.Text != "Bản của A" {
			t.Fatalf("text = %q: the second save overwrote the first", got.Text)
		}
	})
}

func TestRollbackLosesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		orgID, unitID := seedOrg(t, st)
		boom := errors.New("crash in the middle of a write")
		err := st.Transact(ctx, func(tx *store.Tx) error {
			task := &domain.Task{OrgID: orgID, Text: "Nửa chừng", Lead: []int64{unitID}}
			if err := tx.CreateTask(ctx, task, 0, 0); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		_, total, err := st.Tasks(ctx, store.TaskFilter{OrgID: orgID, Today: domain.MustDate("2023-01-01")})
		must(t, err)
		if total != 0 {
			t.Fatalf("%d tasks after a failed transaction", total)
		}
	})
}

// TestMigrationUpgrade builds a database at each earlier schema version, writes
// a row, and upgrades it to the newest: nothing is lost.
func TestMigrationUpgrade(t *testing.T) {
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.DSN(t, d)
			st, err := store.Open(ctx, dsn)
			must(t, err)
			latest, err := st.SchemaVersion(ctx)
			must(t, err)
			st.Close()
			for v := 1; v < latest; v++ {
				dsn := storetest.DSN(t, d)
				old, err := store.OpenAt(ctx, dsn, v)
				must(t, err)
				orgID, _ := seedOrg(t, old)
				old.Close()
				st, err := store.Open(ctx, dsn)
				must(t, err)
				got, err := st.SchemaVersion(ctx)
				must(t, err)
				if got != latest {
					t.Errorf("upgrade from %d reached %d, want %d", v, got, latest)
				}
				if _, err := st.Org(ctx, orgID); err != nil {
					t.Errorf("upgrade from %d lost the org: %v", v, err)
				}
				st.Close()
			}
		})
	}
}

// TestTwoInstances opens two stores on one database, as two app instances
// would: a session made through one is seen by the other.
func TestTwoInstances(t *testing.T) {
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.DSN(t, d)
			a, err := store.Open(ctx, dsn)
			must(t, err)
			defer a.Close()
			b, err := store.Open(ctx, dsn)
			must(t, err)
			defer b.Close()
			orgID, unitID := seedOrg(t, a)
			u := &domain.User{OrgID: orgID, Username: "tyt", FullName: "Cán bộ", Role: domain.RoleUnit, UnitID: unitID}
			must(t, a.Transact(ctx, func(tx *store.Tx) error {
				if err := tx.CreateUser(ctx, u, "x"); err != nil {
					return err
				}
				return tx.CreateSession(ctx, "hash1", u.ID, "csrf", time.Hour)
			}))
			got, csrf, err := b.Session(ctx, "hash1")
			must(t, err)
			if got.ID != u.ID || csrf != "csrf" {
				t.Fatalf("instance B sees session of user %d", got.ID)
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestWritesOnlyOnTx checks the read/write split the compiler enforces: no
// method of the read pool's Store writes (by its name: Create…, Update…,
// Set…, Delete…, Record…), while a transaction has them all.
func TestWritesOnlyOnTx(t *testing.T) {
	writes := []string{"Create", "Update", "Set", "Delete", "Record", "Revoke", "Clear", "Touch", "Put", "Move", "Decide", "Audit",
		"Bulk", "Ensure", "Claim", "Finish"}
	isWrite := func(name string) bool {
		for _, w := range writes {
			if strings.HasPrefix(name, w) && name != "AuditLog" {
				return true
			}
		}
		return false
	}
	st := reflect.TypeFor[*store.Store]()
	for i := range st.NumMethod() {
		if m := st.Method(i); isWrite(m.Name) {
			t.Errorf("Store.%s writes on the read pool; put it on Tx", m.Name)
		}
	}
	tx := reflect.TypeFor[*store.Tx]()
	n := 0
	for i := range tx.NumMethod() {
		if isWrite(tx.Method(i).Name) {
			n++
		}
	}
	if n < 30 {
		t.Errorf("Tx has %d writing methods, want the 30 and more the store has", n)
	}
}
