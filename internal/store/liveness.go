package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"giaoban/internal/domain"
)

// Which tasks count. A task is live when it belongs to no notice or to an
// issued one, and is not a correction's proposed change (origin_id): a
// draft's tasks and unconfirmed changes appear nowhere but on their own
// notice. tasks.live and its copy in task_units are kept by every write that
// changes them — a task saved, a notice issued or superseded, tasks moved to
// another notice — with the counters, in the same transaction; every list,
// count, export and feed reads through liveWhere.

// liveWhere is the one condition that keeps what does not count out of
// lists, counts and exports, for a table (tasks or task_units) under prefix.
// task_counts needs none: it counts live tasks only.
func (f *TaskFilter) liveWhere(prefix string) string {
	if f.WithDrafts {
		return ""
	}
	return " AND " + prefix + "live = 1"
}

// from is the FROM of the exact queries of f: the tasks table, read through
// the partial index of the tasks waiting for units when f keeps only those.
func (f *TaskFilter) from(d Dialect) string {
	if f.Unresolved {
		return "tasks t" + d.indexedBy("tasks_needs_units") + " "
	}
	return "tasks t "
}

// liveOf reports whether t counts, as stored: not a proposed change, and of
// no notice or of an issued one.
func (q *Queries) liveOf(ctx context.Context, t *domain.Task) (bool, error) {
	if t.OriginID != 0 {
		return false, nil
	}
	if t.NoticeID == 0 {
		return true, nil
	}
	state, err := q.noticeState(ctx, t.NoticeID)
	if err != nil {
		return false, err
	}
	return state == domain.NoticeIssued, nil
}

// noticeState reads a notice's state.
func (q *Queries) noticeState(ctx context.Context, id int64) (domain.NoticeState, error) {
	var state string
	err := q.db.QueryRowContext(ctx, `SELECT state FROM notices WHERE id = $1`, id).Scan(&state)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("notice %d: %w", id, domain.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("notice state: %w", err)
	}
	return domain.NoticeState(state), nil
}

// relive brings the tasks of notice id (proposed changes aside, which never
// count) in or out of the figures after its state changed: their live flags
// and the counters, in the caller's transaction.
func (tx *Tx) relive(ctx context.Context, org, id int64) error {
	state, err := tx.noticeState(ctx, id)
	if err != nil {
		return err
	}
	live := boolInt(state == domain.NoticeIssued)
	const which = `FROM tasks WHERE notice_id = $1 AND origin_id IS NULL AND live <> $2`
	states := map[int64]*taskState{}
	var order []int64
	rows, err := tx.db.QueryContext(ctx, `SELECT id, block_id, sector_id, is_key, due_on, done_on `+which, id, live)
	if err != nil {
		return fmt.Errorf("relive tasks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var tid int64
		s := &taskState{org: org, live: true}
		if err := rows.Scan(&tid, nullID{&s.block}, nullID{&s.sector}, &s.key, nullString{&s.due}, nullString{&s.done}); err != nil {
			return fmt.Errorf("relive tasks: %w", err)
		}
		states[tid] = s
		order = append(order, tid)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("relive tasks: %w", err)
	}
	rows.Close()
	if len(order) == 0 {
		return nil
	}
	ur, err := tx.db.QueryContext(ctx, `SELECT task_id, unit_id, role FROM task_units WHERE task_id IN (SELECT id `+which+`)`, id, live)
	if err != nil {
		return fmt.Errorf("relive tasks: %w", err)
	}
	defer ur.Close()
	for ur.Next() {
		var tid int64
		var u unitRole
		if err := ur.Scan(&tid, &u.unit, &u.role); err != nil {
			return fmt.Errorf("relive tasks: %w", err)
		}
		if s := states[tid]; s != nil {
			s.units = append(s.units, u)
		}
	}
	if err := ur.Err(); err != nil {
		return fmt.Errorf("relive tasks: %w", err)
	}
	ur.Close()
	sign := int64(1)
	if live == 0 {
		sign = -1
	}
	delta := countDelta{}
	for _, tid := range order {
		delta.add(states[tid], sign)
	}
	// task_units first: its condition reads the tasks' flags before they change.
	if _, err := tx.db.ExecContext(ctx, `UPDATE task_units SET live = $3 WHERE task_id IN (SELECT id `+which+`)`, id, live, live); err != nil {
		return fmt.Errorf("relive tasks: %w", err)
	}
	if _, err := tx.db.ExecContext(ctx, `UPDATE tasks SET live = $3 WHERE notice_id = $1 AND origin_id IS NULL AND live <> $2`, id, live, live); err != nil {
		return fmt.Errorf("relive tasks: %w", err)
	}
	return tx.applyCounts(ctx, delta)
}

// DeleteTask removes a task that does not count (a draft's task, a proposed
// change) at version (else domain.ErrConflict), with its units and groups.
// A live task is never deleted: its follow-up is history.
func (tx *Tx) DeleteTask(ctx context.Context, orgID, id int64, version int) error {
	res, err := tx.db.ExecContext(ctx, `DELETE FROM tasks WHERE id = $1 AND org_id = $2 AND version = $3 AND live = 0`, id, orgID, version)
	if err != nil {
		return fmt.Errorf("delete task: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrConflict
	}
	return nil
}
