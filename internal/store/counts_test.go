package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

// countsOrg is an organisation with tasks in every bucket for days around
// February 2024, across three units, two blocks and two sectors, edited the
// ways users edit tasks.
type countsOrg struct {
	org              int64
	units            [3]int64
	blocks, sectors  [2]int64
	tasks            []*domain.Task
	blockOf          map[int64]int64
	clock            time.Time
	unitA, unitB, uC int64
}

// makeCountsOrg opens a store of dialect d whose clock moves a minute at
// each reading, and fills it.
func makeCountsOrg(t *testing.T, d store.Dialect) (*store.Store, *countsOrg) {
	t.Helper()
	ctx := context.Background()
	o := &countsOrg{clock: time.Date(2023, 10, 1, 8, 0, 0, 0, time.UTC), blockOf: map[int64]int64{}}
	st := storetest.Open(t, d, store.WithClock(func() time.Time {
		o.clock = o.clock.Add(time.Minute)
		return o.clock
	}))
	must(t, st.Transact(ctx, func(tx *store.Tx) error {
		org := &domain.Org{Name: "UBND xã Đếm"}
		if err := tx.CreateOrg(ctx, org); err != nil {
			return err
		}
		o.org = org.ID
		for i := range o.blocks {
			b := &domain.Block{OrgID: org.ID, Name: fmt.Sprintf("Khối %d", i+1)}
			if err := tx.CreateBlock(ctx, b); err != nil {
				return err
			}
			s := &domain.Sector{OrgID: org.ID, Name: fmt.Sprintf("Lĩnh vực %d", i+1)}
			if err := tx.CreateSector(ctx, s); err != nil {
				return err
			}
			o.blocks[i], o.sectors[i] = b.ID, s.ID
		}
		for i := range o.units {
			u := &domain.Unit{OrgID: org.ID, Name: fmt.Sprintf("Phòng %d", i+1), Active: true}
			if err := tx.CreateUnit(ctx, u); err != nil {
				return err
			}
			o.units[i] = u.ID
		}
		return nil
	}))
	a, b, c := o.units[0], o.units[1], o.units[2]
	// Two tasks due each day from late December to mid-March (the days the
	// test's "today" and "due soon" windows fall on), one every fourth day
	// around them, a few far ones and none.
	var dues []string
	for d := domain.MustDate("2023-10-01"); d.Before(domain.MustDate("2024-05-01")); d = d.AddDays(1) {
		switch {
		case d.After(domain.MustDate("2023-12-19")) && d.Before(domain.MustDate("2024-03-16")):
			dues = append(dues, d.String(), d.String())
		case d.Day%4 == 0:
			dues = append(dues, d.String())
		}
	}
	dues = append(dues, "2022-06-30", "2025-01-01", "", "", "", "", "")
	i := 0
	// Some tasks belong to a draft notice: they count nowhere.
	draft := &domain.Notice{OrgID: o.org, Title: "Dự thảo", State: domain.NoticeDraft}
	must(t, st.Transact(ctx, func(tx *store.Tx) error { return tx.CreateNotice(ctx, draft) }))
	must(t, st.Transact(ctx, func(tx *store.Tx) error {
		for _, due := range dues {
			i++
			task := &domain.Task{OrgID: o.org, Text: fmt.Sprintf("Nhiệm vụ %d", i), Key: i%3 == 0}
			if i%11 == 0 {
				task.NoticeID = draft.ID
			}
			switch i % 4 {
			case 0:
				task.Lead, task.Support = []int64{a}, []int64{b}
			case 1:
				task.Lead = []int64{b}
			case 2:
				task.Lead, task.Support = []int64{a, c}, nil
			default:
				task.Lead, task.Support = []int64{c}, []int64{a, b}
			}
			if i%5 != 0 {
				task.SectorID = o.sectors[i%2]
			}
			var block int64
			if i%7 != 0 {
				block = o.blocks[(i/2)%2]
			}
			if due != "" {
				task.Deadline = domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate(due)}
			}
			task.Refresh()
			if i%2 == 1 && i%5 != 3 {
				done := domain.MustDate("2024-01-20")
				if due != "" {
					done = domain.MustDate(due).AddDays(i%9 - 4)
				}
				task.DoneOn, task.Percent = done, 100
			}
			if err := tx.CreateTask(ctx, task, block, 0); err != nil {
				return err
			}
			o.tasks = append(o.tasks, task)
			o.blockOf[task.ID] = block
		}
		return nil
	}))
	// Edits: text only, completion, reopening, extension, lead change, block
	// and key change, and a completion entered later with an earlier stamp.
	edit := func(k int, fn func(task *domain.Task) int64) {
		t.Helper()
		task := o.tasks[k]
		must(t, st.Transact(ctx, func(tx *store.Tx) error {
			cp := *task
			block := fn(&cp)
			if err := tx.UpdateTask(ctx, &cp, block); err != nil {
				return err
			}
			*task = cp
			o.blockOf[task.ID] = block
			return nil
		}))
	}
	for k := range o.tasks {
		keep := o.blockOf[o.tasks[k].ID]
		switch k % 6 {
		case 0:
			edit(k, func(t *domain.Task) int64 { t.Text += " (sửa)"; return keep })
		case 1:
			edit(k, func(t *domain.Task) int64 {
				if t.DoneOn.IsZero() {
					t.DoneOn, t.Percent = domain.MustDate("2024-02-10"), 100
				} else {
					t.DoneOn, t.Percent = domain.Date{}, 50 // reopened
				}
				return keep
			})
		case 2:
			edit(k, func(t *domain.Task) int64 {
				if !t.DueOn.IsZero() {
					t.ExtendedTo = t.DueOn.AddDays(20)
					t.Refresh()
				}
				return keep
			})
		case 3:
			edit(k, func(t *domain.Task) int64 {
				t.Lead, t.Support = []int64{b}, []int64{c}
				return keep
			})
		case 4:
			edit(k, func(t *domain.Task) int64 {
				t.Key = !t.Key
				if keep == o.blocks[0] {
					return o.blocks[1]
				}
				return o.blocks[0]
			})
		}
	}
	// A completion reported on paper long ago: the unit's latest update goes back.
	must(t, st.Transact(ctx, func(tx *store.Tx) error {
		task := o.tasks[5]
		cp := *task
		cp.DoneOn = domain.MustDate("2023-12-01")
		if err := tx.At(time.Date(2023, 12, 1, 9, 0, 0, 0, time.UTC)).UpdateTask(ctx, &cp, o.blockOf[task.ID]); err != nil {
			return err
		}
		*task = cp
		return nil
	}))
	o.unitA, o.unitB, o.uC = a, b, c
	return st, o
}

// TestCountedMatchesExact checks that the counters and index ranges give
// exactly what reading every task gives — counts, per-unit figures, list
// pages and totals — for days on both sides of month ends and filters of
// every kind the counted path serves; and that a failed write leaves the
// counters as they were.
func TestCountedMatchesExact(t *testing.T) {
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) { countedMatchesExact(t, d) })
	}
}

// countedMatchesExact is TestCountedMatchesExact on dialect d.
func countedMatchesExact(t *testing.T, d store.Dialect) {
	ctx := context.Background()
	st, o := makeCountsOrg(t, d)
	checkCounters(t, st)

	before, err := st.CountRows(ctx)
	must(t, err)
	boom := errors.New("crash in the middle of a write")
	err = st.Transact(ctx, func(tx *store.Tx) error {
		cp := *o.tasks[2]
		cp.DoneOn, cp.Lead = domain.MustDate("2024-02-01"), []int64{o.uC}
		if err := tx.UpdateTask(ctx, &cp, 0); err != nil {
			return err
		}
		task := &domain.Task{OrgID: o.org, Text: "Nửa chừng", Lead: []int64{o.unitA}}
		if err := tx.CreateTask(ctx, task, o.blocks[0], 0); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	after, err := st.CountRows(ctx)
	must(t, err)
	if !slices.Equal(before, after) {
		t.Errorf("counters changed by a rolled back transaction:\nbefore %v\nafter  %v", before, after)
	}

	a, b, c := o.unitA, o.unitB, o.uC
	filters := []store.TaskFilter{
		{}, {BlockID: o.blocks[0]}, {SectorID: o.sectors[1]}, {Key: true},
		{BlockID: o.blocks[1], SectorID: o.sectors[0], Key: true},
		{UnitID: a}, {UnitID: b, LeadOnly: true}, {VisibleTo: c}, {VisibleTo: a, BlockID: o.blocks[0]},
		{UnitID: c, VisibleTo: c, LeadOnly: true, SectorID: o.sectors[1]},
	}
	statusSets := [][]domain.Status{nil, {domain.StatusOverdue}, {domain.StatusDueSoon}, {domain.StatusOpen},
		{domain.StatusDoneLate}, {domain.StatusDoneOnTime}, {domain.StatusOpen, domain.StatusOverdue},
		{domain.StatusDoneLate, domain.StatusDueSoon}}
	days := []struct {
		today string
		soon  int
	}{
		{"2024-02-01", 7}, {"2024-02-15", 7}, {"2024-02-26", 7}, {"2024-02-29", 7}, {"2024-01-31", 10},
		{"2023-12-28", 7}, {"2024-03-01", 0}, {"2024-02-20", -1},
	}
	for _, d := range days {
		for fi, f := range filters {
			f.OrgID, f.Today, f.SoonDays = o.org, domain.MustDate(d.today), d.soon
			name := fmt.Sprintf("%s/soon%d/filter%d", d.today, d.soon, fi)
			counts, err := st.StatusCounts(ctx, f)
			must(t, err)
			got := map[string]int{}
			for s, n := range counts {
				got[string(s)] = n
			}
			want, err := st.ExactStatusCounts(ctx, f)
			must(t, err)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: StatusCounts = %v, want %v", name, got, want)
			}
			gotUnits, err := st.StatsByUnit(ctx, f)
			must(t, err)
			wantUnits, err := st.ExactStatsByUnit(ctx, f)
			must(t, err)
			if !reflect.DeepEqual(gotUnits, wantUnits) {
				t.Errorf("%s: StatsByUnit =\n%+v, want\n%+v", name, gotUnits, wantUnits)
			}
			for _, sort := range []store.TaskSort{store.SortDue, store.SortCreated, store.SortLastUpdate} {
				sets, pages := statusSets, [][2]int{{7, 0}, {5, 9}}
				if sort != store.SortDue {
					sets, pages = statusSets[:3], pages[1:]
				}
				for si, ss := range sets {
					for _, page := range pages {
						lf := f
						lf.Sort, lf.Statuses, lf.Limit, lf.Offset = sort, ss, page[0], page[1]
						rows, total, err := st.Tasks(ctx, lf)
						must(t, err)
						wrows, wtotal, err := st.ExactTasks(ctx, lf)
						must(t, err)
						if total != wtotal || !reflect.DeepEqual(rows, wrows) {
							t.Errorf("%s/%s/statuses%d/page%v: Tasks gives %d of %d %v, want %d of %d %v", name, sort, si, page,
								len(rows), total, taskIDs(rows), len(wrows), wtotal, taskIDs(wrows))
						}
					}
				}
			}
		}
	}
}

// checkCounters compares the counters with a fresh count of the tasks, and
// the task_units copies with their tasks.
func checkCounters(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	got, err := st.CountRows(ctx)
	must(t, err)
	want, err := st.RecountRows(ctx)
	must(t, err)
	if !slices.Equal(got, want) {
		t.Errorf("task_counts drifted from the tasks:\ngot  %v\nwant %v", got, want)
	}
	stale, err := st.StaleUnitRows(ctx)
	must(t, err)
	if len(stale) > 0 {
		t.Errorf("task_units rows out of step with their tasks: %v", stale)
	}
	stale, err = st.StaleLiveRows(ctx)
	must(t, err)
	if len(stale) > 0 {
		t.Errorf("tasks counted against their notice's state: %v", stale)
	}
}

func taskIDs(rows []store.TaskRow) []int64 {
	var ids []int64
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	return ids
}

// TestCountsMigration upgrades a database holding tasks from the schema
// before the counters: the copies in task_units and the counters are filled
// from the tasks, and the counted paths agree with the exact ones.
func TestCountsMigration(t *testing.T) {
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.DSN(t, d)
			old, err := store.OpenAt(ctx, dsn, 5)
			must(t, err)
			orgID, unitID := seedOrg(t, old)
			var other int64
			must(t, old.Transact(ctx, func(tx *store.Tx) error {
				u := &domain.Unit{OrgID: orgID, Name: "Phòng Văn hóa", Active: true}
				err := tx.CreateUnit(ctx, u)
				other = u.ID
				return err
			}))
			tasks := []struct{ due, done any }{
				{nil, nil}, {nil, "2024-01-05"}, {"2023-11-30", nil}, {"2024-02-03", nil}, {"2024-02-20", nil}, {"2024-03-01", nil},
				{"2024-01-10", "2024-01-09"}, {"2024-01-10", "2024-01-11"}, {"2024-05-01", nil},
			}
			for i, tk := range tasks {
				id := int64(i + 1)
				must(t, old.Exec(ctx, `INSERT INTO tasks (id, org_id, text, is_key, due_on, done_on, last_update_at, created_at)
					VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`, id, orgID, fmt.Sprintf("Việc %d", id), i%2, tk.due, tk.done,
					fmt.Sprintf("2024-01-%02dT08:00:00Z", 10+i)))
				must(t, old.Exec(ctx, `INSERT INTO task_units (task_id, unit_id, role) VALUES ($1, $2, 'lead')`, id, unitID))
				if i%3 == 0 {
					must(t, old.Exec(ctx, `INSERT INTO task_units (task_id, unit_id, role) VALUES ($1, $2, 'support')`, id, other))
				}
			}
			old.Close()
			st, err := store.Open(ctx, dsn)
			must(t, err)
			defer st.Close()
			checkCounters(t, st)
			for _, f := range []store.TaskFilter{{}, {UnitID: unitID}, {VisibleTo: other}, {Key: true, UnitID: unitID, LeadOnly: true}} {
				f.OrgID, f.Today, f.SoonDays = orgID, domain.MustDate("2024-02-15"), 7
				counts, err := st.StatusCounts(ctx, f)
				must(t, err)
				want, err := st.ExactStatusCounts(ctx, f)
				must(t, err)
				got := map[string]int{}
				for s, n := range counts {
					got[string(s)] = n
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%+v: StatusCounts = %v, want %v", f, got, want)
				}
				gotUnits, err := st.StatsByUnit(ctx, f)
				must(t, err)
				wantUnits, err := st.ExactStatsByUnit(ctx, f)
				must(t, err)
				if !reflect.DeepEqual(gotUnits, wantUnits) {
					t.Errorf("%+v: StatsByUnit = %+v, want %+v", f, gotUnits, wantUnits)
				}
			}
		})
	}
}
