package store

import (
	"context"
	"fmt"
	"strings"

	"giaoban/internal/domain"
)

// listSegment is a part of a task list that one index range returns already in
// the list's order; a list is its segments one after the other. cond may hold
// {today} and {soon}, filled in when the segment is read.
type listSegment struct{ cond, order string }

// segments cuts the list f asks for into segments, id naming the task id
// column. Each order matches the list's ORDER BY in exactTasks restricted to
// the segment, and an index of task_units or tasks.
func (f *TaskFilter) segments(id string) []listSegment {
	want := map[domain.Status]bool{}
	for _, s := range f.Statuses {
		want[s] = true
	}
	has := func(s domain.Status) bool { return len(f.Statuses) == 0 || want[s] }
	anyOf := func(ss ...domain.Status) string {
		var cs []string
		for _, s := range ss {
			if has(s) {
				cs = append(cs, statusCond(s, "{today}", "{soon}"))
			}
		}
		if len(cs) == 0 {
			return ""
		}
		return "(" + strings.Join(cs, " OR ") + ")"
	}
	var segs []listSegment
	addSeg := func(cond, order string) {
		if cond != "" {
			segs = append(segs, listSegment{cond, order})
		}
	}
	switch f.Sort {
	case SortCreated:
		addSeg(anyOf(domain.Statuses...), id+" DESC")
	case SortLastUpdate:
		addSeg(anyOf(domain.StatusOverdue, domain.StatusDueSoon, domain.StatusOpen), "t.last_update_at, "+id)
		addSeg(anyOf(domain.StatusDoneLate, domain.StatusDoneOnTime), "t.last_update_at, "+id)
	default:
		// Overdue first, then the other open tasks by due day and the undated
		// ones, then the done tasks by due day and the undated ones.
		byDue := "t.due_on, " + id
		if has(domain.StatusOverdue) {
			addSeg("t.done_on IS NULL AND t.due_on < {today}", byDue)
		}
		switch soon, open := has(domain.StatusDueSoon), has(domain.StatusOpen); {
		case soon && open:
			addSeg("t.done_on IS NULL AND t.due_on >= {today}", byDue)
		case soon:
			addSeg("t.done_on IS NULL AND t.due_on >= {today} AND t.due_on < {soon}", byDue)
		case open:
			addSeg("t.done_on IS NULL AND t.due_on >= {soon}", byDue)
		}
		if has(domain.StatusOpen) {
			addSeg("t.done_on IS NULL AND t.due_on IS NULL", id)
		}
		switch late, onTime := has(domain.StatusDoneLate), has(domain.StatusDoneOnTime); {
		case late && onTime:
			addSeg("t.done_on IS NOT NULL AND t.due_on IS NOT NULL", byDue)
		case late:
			addSeg("t.done_on IS NOT NULL AND t.due_on IS NOT NULL AND t.done_on > t.due_on", byDue)
		case onTime:
			addSeg("t.done_on IS NOT NULL AND t.due_on IS NOT NULL AND t.done_on <= t.due_on", byDue)
		}
		if has(domain.StatusDoneOnTime) {
			addSeg("t.done_on IS NOT NULL AND t.due_on IS NULL", id)
		}
	}
	return segs
}

// countedTasks is Tasks for a countable filter: the page is read segment by
// segment from an index (task_units for one unit's tasks, tasks for the
// organisation's), and the total comes from the counters.
func (q *Queries) countedTasks(ctx context.Context, f TaskFilter) ([]TaskRow, int, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	unit, roles := f.scope()
	by, err := q.countedBuckets(ctx, &f, unit, roles)
	if err != nil {
		return nil, 0, err
	}
	var b buckets
	for _, c := range by {
		b.plus(c)
	}
	total := 0
	seen := map[domain.Status]bool{}
	for _, s := range f.Statuses {
		if !seen[s] {
			seen[s] = true
			total += b.of(s)
		}
	}
	if len(f.Statuses) == 0 {
		total = b.total()
	}

	table, id := "tasks", "t.id"
	if unit != 0 {
		table, id = "task_units", "t.task_id"
	}
	where := func(a *argList, cond string) string {
		w := "t.org_id = " + a.add(f.OrgID) + f.liveWhere("t.")
		if unit != 0 {
			w += " AND t.unit_id = " + a.add(unit)
			if len(roles) == 1 {
				w += " AND t.role = '" + roles[0] + "'"
			}
		}
		w += f.dimWhere(a, "t.")
		if strings.Contains(cond, "{today}") {
			cond = strings.ReplaceAll(cond, "{today}", a.add(f.Today.String()))
		}
		if strings.Contains(cond, "{soon}") {
			cond = strings.ReplaceAll(cond, "{soon}", a.add(f.soon()))
		}
		return w + " AND " + cond
	}
	need, skip := f.Limit, f.Offset
	var ids []int64
	for _, sg := range f.segments(id) {
		if need == 0 {
			break
		}
		var a argList
		w := where(&a, sg.cond)
		got, err := q.ids(ctx, fmt.Sprintf(`SELECT %s FROM %s t WHERE %s ORDER BY %s LIMIT %s OFFSET %s`,
			id, table, w, sg.order, a.add(need), a.add(skip)), a.args...)
		if err != nil {
			return nil, 0, fmt.Errorf("list tasks: %w", err)
		}
		switch {
		case len(got) > 0:
			ids = append(ids, got...)
			need -= len(got)
			skip = 0
		case skip > 0:
			// The offset lies past this segment, which is therefore no longer
			// than the offset: counting it costs what skipping it would.
			var c argList
			var n int
			if err := q.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` t WHERE `+where(&c, sg.cond), c.args...).Scan(&n); err != nil {
				return nil, 0, fmt.Errorf("list tasks: %w", err)
			}
			skip -= n
		}
	}
	rows, err := q.tasksByID(ctx, f.OrgID, ids)
	if err != nil {
		return nil, 0, err
	}
	if err := q.fillTaskRows(ctx, rows, f.Today, f.SoonDays); err != nil {
		return nil, 0, err
	}
	return rows, total, nil
}

// ids runs a query of one id column.
func (q *Queries) ids(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := q.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// tasksByID reads the tasks ids of the organisation, in the order of ids.
func (q *Queries) tasksByID(ctx context.Context, orgID int64, ids []int64) ([]TaskRow, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	// By id alone: with the organisation in the condition SQLite would rather
	// walk an index of the organisation's tasks than look up a page of ids.
	rows, err := q.db.QueryContext(ctx, `SELECT `+taskCols+` FROM tasks t WHERE t.id IN (`+placeholders(1, len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("list tasks: %w", err)
	}
	defer rows.Close()
	byID := map[int64]*TaskRow{}
	for rows.Next() {
		r, err := scanTask(rows)
		if err != nil {
			return nil, fmt.Errorf("list tasks: %w", err)
		}
		if r.OrgID == orgID {
			byID[r.ID] = r
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list tasks: %w", err)
	}
	out := make([]TaskRow, 0, len(ids))
	for _, id := range ids {
		if r := byID[id]; r != nil {
			out = append(out, *r)
		}
	}
	return out, nil
}
