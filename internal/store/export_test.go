package store

import (
	"context"
	"fmt"
	"sort"
)

// ExactTasks, ExactStatusCounts and ExactStatsByUnit read every matching task,
// as the store did before the counters: the reference the counted paths are
// tested against.
func (q *Queries) ExactTasks(ctx context.Context, f TaskFilter) ([]TaskRow, int, error) {
	return q.exactTasks(ctx, f)
}

// ExactStatusCounts is StatusCounts without the counters.
func (q *Queries) ExactStatusCounts(ctx context.Context, f TaskFilter) (map[string]int, error) {
	m, err := q.exactStatusCounts(ctx, f)
	out := map[string]int{}
	for s, n := range m {
		out[string(s)] = n
	}
	return out, err
}

// ExactStatsByUnit is StatsByUnit without the counters (VisibleTo's own row
// only, as StatsByUnit promises).
func (q *Queries) ExactStatsByUnit(ctx context.Context, f TaskFilter) ([]UnitStats, error) {
	f.UnitID = 0
	return q.exactVisibleStatsByUnit(ctx, f)
}

// CountRows is task_counts as text lines, all-zero rows left out, sorted.
func (q *Queries) CountRows(ctx context.Context) ([]string, error) {
	return q.countLines(ctx, `SELECT org_id, role, due_month, unit_id, block_id, sector_id, is_key,
		done_on_time, done_late, open_dated, open_undated FROM task_counts`)
}

// RecountRows is what task_counts should hold, counted afresh from the live
// rows of tasks and task_units.
func (q *Queries) RecountRows(ctx context.Context) ([]string, error) {
	const sums = `CAST(SUM(CASE WHEN done_on IS NOT NULL AND (due_on IS NULL OR done_on <= due_on) THEN 1 ELSE 0 END) AS BIGINT),
		CAST(SUM(CASE WHEN done_on IS NOT NULL AND due_on IS NOT NULL AND done_on > due_on THEN 1 ELSE 0 END) AS BIGINT),
		CAST(SUM(CASE WHEN done_on IS NULL AND due_on IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT),
		CAST(SUM(CASE WHEN done_on IS NULL AND due_on IS NULL THEN 1 ELSE 0 END) AS BIGINT)`
	var out []string
	for _, query := range []string{
		`SELECT org_id, 'task', '', 0, COALESCE(block_id, 0), COALESCE(sector_id, 0), is_key, ` + sums + ` FROM tasks WHERE live = 1 GROUP BY 1, 5, 6, 7`,
		`SELECT org_id, 'task', substr(due_on, 1, 7), 0, COALESCE(block_id, 0), COALESCE(sector_id, 0), is_key, 0, 0, COUNT(*), 0
			FROM tasks WHERE live = 1 AND done_on IS NULL AND due_on IS NOT NULL GROUP BY 1, 3, 5, 6, 7`,
		`SELECT org_id, role, '', unit_id, block_id, sector_id, is_key, ` + sums + ` FROM task_units WHERE live = 1 GROUP BY 1, 2, 4, 5, 6, 7`,
		`SELECT org_id, role, substr(due_on, 1, 7), unit_id, block_id, sector_id, is_key, 0, 0, COUNT(*), 0
			FROM task_units WHERE live = 1 AND done_on IS NULL AND due_on IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7`,
	} {
		lines, err := q.countLines(ctx, query)
		if err != nil {
			return nil, err
		}
		out = append(out, lines...)
	}
	sort.Strings(out)
	return out, nil
}

// StaleUnitRows lists the task_units rows whose copies of task columns differ
// from the task's.
func (q *Queries) StaleUnitRows(ctx context.Context) ([]string, error) {
	return q.countLines(ctx, `SELECT tu.task_id, tu.unit_id FROM task_units tu JOIN tasks t ON t.id = tu.task_id
		WHERE tu.org_id <> t.org_id OR tu.block_id <> COALESCE(t.block_id, 0) OR tu.sector_id <> COALESCE(t.sector_id, 0)
		OR tu.is_key <> t.is_key OR COALESCE(tu.due_on, '') <> COALESCE(t.due_on, '') OR COALESCE(tu.done_on, '') <> COALESCE(t.done_on, '')
		OR tu.last_update_at <> t.last_update_at OR tu.live <> t.live`)
}

// StaleLiveRows lists the tasks whose live flag disagrees with their notice:
// live exactly when not a proposed change and of no notice or an issued one.
func (q *Queries) StaleLiveRows(ctx context.Context) ([]string, error) {
	return q.countLines(ctx, `SELECT t.id, t.live FROM tasks t LEFT JOIN notices n ON n.id = t.notice_id
		WHERE t.live <> CASE WHEN t.origin_id IS NULL AND (t.notice_id IS NULL OR n.state = 'issued') THEN 1 ELSE 0 END`)
}

func (q *Queries) countLines(ctx context.Context, query string) ([]string, error) {
	rows, err := q.db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		line, zero := "", len(cols) == 11
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			line += fmt.Sprintf("%v|", v)
			if i >= 7 && fmt.Sprint(v) != "0" {
				zero = false
			}
		}
		if !zero {
			out = append(out, line)
		}
	}
	sort.Strings(out)
	return out, rows.Err()
}

// Exec runs one statement on the write pool, for tests that build rows an
// older schema's way.
func (s *Store) Exec(ctx context.Context, query string, args ...any) error {
	_, err := s.w.ExecContext(ctx, query, args...)
	return err
}
