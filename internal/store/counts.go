package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"giaoban/internal/domain"
)

// Task counts (table task_counts) let the dashboard and the unit lists count a
// million tasks without reading them. Every task write adds what the new state
// of the task contributes and subtracts what the replaced state contributed,
// in the same transaction. Nothing stores a status bucket: a row holds done
// tasks split by whether they were finished on time (which never changes
// after), and open tasks by the month they are due; readers turn months into
// buckets for their day (countedBuckets).

// roleTask is the role of task_counts rows that count the tasks themselves
// (unit_id 0), beside the rows of lead and support assignments.
const roleTask = "task"

// countKey is the key of one task_counts row.
type countKey struct {
	org    int64
	role   string
	unit   int64
	block  int64
	sector int64
	key    int
	month  string // "YYYY-MM" for open tasks with a due day, else ""
}

// countVal is what one task_counts row counts.
type countVal struct{ onTime, late, openDated, openUndated int64 }

func (v countVal) zero() bool { return v == countVal{} }

// countDelta is a change to task_counts, row by row.
type countDelta map[countKey]countVal

// unitRole is one row of task_units.
type unitRole struct {
	unit int64
	role string
}

// taskState is what a task contributes to task_counts and copies into its
// task_units rows. A task that is not live contributes nothing.
type taskState struct {
	org, block, sector int64
	key                int
	due, done          string // ISO days, "" for none
	live               bool
	units              []unitRole
}

// stateOf is the state t will be stored with; units are deduplicated as
// setTaskUnits stores them (a unit named twice keeps its first role).
func stateOf(t *domain.Task, blockID int64, live bool) taskState {
	s := taskState{org: t.OrgID, block: blockID, sector: t.SectorID, key: boolInt(t.Key), due: t.DueOn.String(), done: t.DoneOn.String(),
		live: live}
	seen := map[int64]bool{}
	for _, ids := range []struct {
		ids  []int64
		role string
	}{{t.Lead, roleLead}, {t.Support, roleSupport}} {
		for _, id := range ids.ids {
			if !seen[id] {
				seen[id] = true
				s.units = append(s.units, unitRole{id, ids.role})
			}
		}
	}
	return s
}

// add adds sign times s's contribution to d: for the task and for each of
// its units, a row of due_month "" and, for an open task with a due day, the
// row of that month.
func (d countDelta) add(s *taskState, sign int64) {
	if !s.live {
		return
	}
	var v countVal
	month := ""
	switch {
	case s.done != "" && (s.due == "" || s.done <= s.due):
		v.onTime = sign
	case s.done != "":
		v.late = sign
	case s.due == "":
		v.openUndated = sign
	default:
		v.openDated, month = sign, s.due[:7]
	}
	put := func(k countKey, v countVal) {
		c := d[k]
		c.onTime += v.onTime
		c.late += v.late
		c.openDated += v.openDated
		c.openUndated += v.openUndated
		d[k] = c
	}
	for _, u := range append([]unitRole{{0, roleTask}}, s.units...) {
		put(countKey{s.org, u.role, u.unit, s.block, s.sector, s.key, ""}, v)
		if month != "" {
			put(countKey{s.org, u.role, u.unit, s.block, s.sector, s.key, month}, countVal{openDated: sign})
		}
	}
}

// applyCounts adds d to task_counts. Rows are written in key order, so that
// two transactions touching the same rows on PostgreSQL lock them in the same
// order instead of deadlocking.
func (tx *Tx) applyCounts(ctx context.Context, d countDelta) error {
	keys := make([]countKey, 0, len(d))
	for k, v := range d {
		if !v.zero() {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		switch {
		case a.org != b.org:
			return a.org < b.org
		case a.role != b.role:
			return a.role < b.role
		case a.month != b.month:
			return a.month < b.month
		case a.unit != b.unit:
			return a.unit < b.unit
		case a.block != b.block:
			return a.block < b.block
		case a.sector != b.sector:
			return a.sector < b.sector
		}
		return a.key < b.key
	})
	for start := 0; start < len(keys); start += bulkRows {
		end := min(start+bulkRows, len(keys))
		var sb strings.Builder
		sb.WriteString(`INSERT INTO task_counts (org_id, role, due_month, unit_id, block_id, sector_id, is_key,
			done_on_time, done_late, open_dated, open_undated) VALUES `)
		args := make([]any, 0, (end-start)*11)
		for i, k := range keys[start:end] {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(" + tx.bulkPlaceholders(len(args)+1, 11) + ")")
			v := d[k]
			args = append(args, k.org, k.role, k.month, k.unit, k.block, k.sector, k.key, v.onTime, v.late, v.openDated, v.openUndated)
		}
		sb.WriteString(` ON CONFLICT (org_id, role, due_month, unit_id, block_id, sector_id, is_key) DO UPDATE SET
			done_on_time = task_counts.done_on_time + excluded.done_on_time,
			done_late = task_counts.done_late + excluded.done_late,
			open_dated = task_counts.open_dated + excluded.open_dated,
			open_undated = task_counts.open_undated + excluded.open_undated`)
		if _, err := tx.db.ExecContext(ctx, sb.String(), args...); err != nil {
			return fmt.Errorf("task counts: %w", err)
		}
	}
	return nil
}

// storedState reads the state of task id as stored at version (inside the
// writing transaction); domain.ErrConflict when the task is not at that
// version (or not in org).
func (q *Queries) storedState(ctx context.Context, org, id int64, version int) (taskState, error) {
	s := taskState{org: org}
	var v, live int
	err := q.db.QueryRowContext(ctx, `SELECT block_id, sector_id, is_key, due_on, done_on, live, version FROM tasks WHERE id = $1 AND org_id = $2`, id, org).
		Scan(nullID{&s.block}, nullID{&s.sector}, &s.key, nullString{&s.due}, nullString{&s.done}, &live, &v)
	s.live = live == 1
	if errors.Is(err, sql.ErrNoRows) {
		return s, domain.ErrConflict
	}
	if err != nil {
		return s, fmt.Errorf("read task: %w", err)
	}
	if v != version {
		return s, domain.ErrConflict
	}
	rows, err := q.db.QueryContext(ctx, `SELECT unit_id, role FROM task_units WHERE task_id = $1`, id)
	if err != nil {
		return s, fmt.Errorf("read task units: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var u unitRole
		if err := rows.Scan(&u.unit, &u.role); err != nil {
			return s, fmt.Errorf("read task units: %w", err)
		}
		s.units = append(s.units, u)
	}
	if err := rows.Err(); err != nil {
		return s, fmt.Errorf("read task units: %w", err)
	}
	return s, nil
}

// buckets are the five bucket counts of a set of tasks.
type buckets struct{ overdue, dueSoon, open, doneLate, doneOnTime int }

func (b *buckets) plus(c buckets) {
	b.overdue += c.overdue
	b.dueSoon += c.dueSoon
	b.open += c.open
	b.doneLate += c.doneLate
	b.doneOnTime += c.doneOnTime
}

func (b buckets) total() int { return b.overdue + b.dueSoon + b.open + b.doneLate + b.doneOnTime }

func (b buckets) of(s domain.Status) int {
	switch s {
	case domain.StatusOverdue:
		return b.overdue
	case domain.StatusDueSoon:
		return b.dueSoon
	case domain.StatusOpen:
		return b.open
	case domain.StatusDoneLate:
		return b.doneLate
	case domain.StatusDoneOnTime:
		return b.doneOnTime
	}
	return 0
}

// countable reports whether f selects tasks only by what task_counts keys
// (organisation, block, sector, key flag, one unit), so that counts and lists
// can come from the counters and the task_units indexes.
func (f *TaskFilter) countable() bool {
	return f.NoticeID == 0 && f.MeetingID == 0 && f.DueFrom.IsZero() && f.DueTo.IsZero() && f.Query == "" && !f.Unresolved && !f.WithDrafts &&
		(f.VisibleTo == 0 || f.UnitID == 0 || f.VisibleTo == f.UnitID)
}

// scope is the unit whose assignments a countable filter selects and their
// roles, or unit 0 and roleTask for the organisation's tasks. A unit is never
// both lead and support of one task, so its lead and support rows count each
// of its tasks once.
func (f *TaskFilter) scope() (int64, []string) {
	switch {
	case f.UnitID != 0 && f.LeadOnly:
		return f.UnitID, []string{roleLead}
	case f.UnitID != 0:
		return f.UnitID, []string{roleLead, roleSupport}
	case f.VisibleTo != 0:
		return f.VisibleTo, []string{roleLead, roleSupport}
	}
	return 0, []string{roleTask}
}

// monthStart is the first day of today's month.
func (f *TaskFilter) monthStart() string { return f.Today.String()[:8] + "01" }

// countedBuckets counts per unit (0 for the organisation's tasks) the tasks
// matching the countable filter f that unit (0: any) holds in roles. Open
// tasks due before this month are overdue; those due from the first of this
// month to the end of the "due soon" window are read from the task rows,
// an index range of a few weeks, and split by today.
func (q *Queries) countedBuckets(ctx context.Context, f *TaskFilter, unit int64, roles []string) (map[int64]buckets, error) {
	where := func(a *argList) string {
		w := "org_id = " + a.add(f.OrgID) + " AND role IN ('" + strings.Join(roles, "', '") + "')"
		if unit != 0 {
			w += " AND unit_id = " + a.add(unit)
		}
		return w + f.dimWhere(a, "")
	}
	out := map[int64]buckets{}
	dated := map[int64]int{} // open tasks with a due day
	var a argList
	rows, err := q.db.QueryContext(ctx, `SELECT unit_id, CAST(SUM(done_on_time) AS BIGINT), CAST(SUM(done_late) AS BIGINT),
		CAST(SUM(open_dated) AS BIGINT), CAST(SUM(open_undated) AS BIGINT)
		FROM task_counts WHERE `+where(&a)+` AND due_month = '' GROUP BY unit_id`, a.args...)
	if err != nil {
		return nil, fmt.Errorf("task counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var u int64
		var b buckets
		var n int
		if err := rows.Scan(&u, &b.doneOnTime, &b.doneLate, &n, &b.open); err != nil {
			return nil, fmt.Errorf("task counts: %w", err)
		}
		out[u], dated[u] = b, n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("task counts: %w", err)
	}
	rows.Close()

	// Open tasks due from this month on; the rest of the dated ones are overdue.
	var m argList
	later := map[int64]int{}
	mr, err := q.db.QueryContext(ctx, `SELECT unit_id, CAST(SUM(open_dated) AS BIGINT) FROM task_counts
		WHERE `+where(&m)+` AND due_month >= `+m.add(f.Today.String()[:7])+` GROUP BY unit_id`, m.args...)
	if err != nil {
		return nil, fmt.Errorf("task counts: %w", err)
	}
	defer mr.Close()
	for mr.Next() {
		var u int64
		var n int
		if err := mr.Scan(&u, &n); err != nil {
			return nil, fmt.Errorf("task counts: %w", err)
		}
		later[u] = n
	}
	if err := mr.Err(); err != nil {
		return nil, fmt.Errorf("task counts: %w", err)
	}
	mr.Close()
	for u, b := range out {
		b.overdue = dated[u] - later[u]
		b.open += later[u] // less the live range, below
		out[u] = b
	}

	// The live range: open tasks due from the month's first day up to the
	// first day no longer "due soon" (never before today).
	var l argList
	var live string
	if roles[0] == roleTask {
		live = `SELECT t.org_id, COALESCE(SUM(CASE WHEN t.due_on < ` + l.add(f.Today.String()) + ` THEN 1 ELSE 0 END), 0), COUNT(*)
			FROM tasks t WHERE t.org_id = ` + l.add(f.OrgID) + f.liveWhere("t.") + f.dimWhere(&l, "t.") +
			` AND t.done_on IS NULL AND t.due_on >= ` + l.add(f.monthStart()) + ` AND t.due_on < ` + l.add(f.soon()) + ` GROUP BY t.org_id`
	} else {
		live = `SELECT t.unit_id, COALESCE(SUM(CASE WHEN t.due_on < ` + l.add(f.Today.String()) + ` THEN 1 ELSE 0 END), 0), COUNT(*)
			FROM task_units t WHERE t.org_id = ` + l.add(f.OrgID) + f.liveWhere("t.") + ` AND t.role IN ('` + strings.Join(roles, "', '") + `')`
		if unit != 0 {
			live += ` AND t.unit_id = ` + l.add(unit)
		}
		live += f.dimWhere(&l, "t.") + ` AND t.done_on IS NULL AND t.due_on >= ` + l.add(f.monthStart()) +
			` AND t.due_on < ` + l.add(f.soon()) + ` GROUP BY t.unit_id`
	}
	lr, err := q.db.QueryContext(ctx, live, l.args...)
	if err != nil {
		return nil, fmt.Errorf("task counts: %w", err)
	}
	defer lr.Close()
	for lr.Next() {
		var u int64
		var overdue, n int
		if err := lr.Scan(&u, &overdue, &n); err != nil {
			return nil, fmt.Errorf("task counts: %w", err)
		}
		if roles[0] == roleTask {
			u = 0
		}
		b := out[u]
		b.overdue += overdue
		b.dueSoon += n - overdue
		b.open -= n
		out[u] = b
	}
	if err := lr.Err(); err != nil {
		return nil, fmt.Errorf("task counts: %w", err)
	}
	return out, nil
}

// dimWhere is the part of f's conditions on the task's own dimensions (block,
// sector, key flag) for a table with those columns under prefix.
func (f *TaskFilter) dimWhere(a *argList, prefix string) string {
	w := ""
	if f.BlockID != 0 {
		w += " AND " + prefix + "block_id = " + a.add(f.BlockID)
	}
	if f.SectorID != 0 {
		w += " AND " + prefix + "sector_id = " + a.add(f.SectorID)
	}
	if f.Key {
		w += " AND " + prefix + "is_key = 1"
	}
	return w
}

// countedStatusCounts is StatusCounts for a countable filter.
func (q *Queries) countedStatusCounts(ctx context.Context, f TaskFilter) (map[domain.Status]int, error) {
	unit, roles := f.scope()
	by, err := q.countedBuckets(ctx, &f, unit, roles)
	if err != nil {
		return nil, err
	}
	var b buckets
	for _, c := range by {
		b.plus(c)
	}
	out := map[domain.Status]int{}
	for _, s := range domain.Statuses {
		if n := b.of(s); n != 0 {
			out[s] = n
		}
	}
	return out, nil
}

// countedStatsByUnit is StatsByUnit for a countable filter (UnitID cleared).
func (q *Queries) countedStatsByUnit(ctx context.Context, f TaskFilter) ([]UnitStats, error) {
	by, err := q.countedBuckets(ctx, &f, f.VisibleTo, []string{roleLead})
	if err != nil {
		return nil, err
	}
	var a argList
	var ids []string
	out := make([]UnitStats, 0, len(by))
	for u, b := range by {
		if b.total() == 0 {
			continue
		}
		ids = append(ids, a.add(u))
		out = append(out, UnitStats{UnitID: u, Assigned: b.total(), DoneOnTime: b.doneOnTime, DoneLate: b.doneLate,
			Open: b.open + b.dueSoon, Overdue: b.overdue})
	}
	if len(out) == 0 {
		return out, nil
	}
	// Each unit's latest update among its matching tasks: one step back from
	// the end of its index range, not a scan of its tasks.
	last := map[int64]string{}
	rows, err := q.db.QueryContext(ctx, `SELECT u.id, (SELECT x.last_update_at FROM task_units x
			WHERE x.unit_id = u.id AND x.role = 'lead' AND x.org_id = `+a.add(f.OrgID)+f.liveWhere("x.")+f.dimWhere(&a, "x.")+`
			ORDER BY x.last_update_at DESC LIMIT 1)
		FROM units u WHERE u.id IN (`+strings.Join(ids, ", ")+`)`, a.args...)
	if err != nil {
		return nil, fmt.Errorf("unit stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var u int64
		var s string
		if err := rows.Scan(&u, nullString{&s}); err != nil {
			return nil, fmt.Errorf("unit stats: %w", err)
		}
		last[u] = s
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("unit stats: %w", err)
	}
	for i := range out {
		out[i].LastUpdate = parseTimestamp(last[out[i].UnitID])
	}
	sortUnitStats(out)
	return out, nil
}
