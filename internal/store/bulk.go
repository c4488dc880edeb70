package store

import (
	"context"
	"fmt"
	"strings"

	"giaoban/internal/domain"
)

// BulkTask is one task for BulkTasks: the task (its Lead and Support units,
// DoneOn, Percent, LastUpdateAt and CreatedAt as they should be stored) and
// the block it belongs to.
type BulkTask struct {
	domain.Task
	BlockID   int64
	CreatedBy int64
}

// bulkRows is how many rows one multi-row INSERT carries; both databases
// accept its placeholders (SQLite 32766, PostgreSQL 65535).
const bulkRows = 400

// nextIDs reserves n ids of table after its largest one. Inside a write
// transaction nobody else inserts on SQLite; on PostgreSQL the caller must be
// the only writer of the table while bulk loading (tools, benchmarks).
func (q *Queries) nextIDs(ctx context.Context, table string) (int64, error) {
	var max int64
	if err := q.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM `+table).Scan(&max); err != nil {
		return 0, fmt.Errorf("bulk %s: %w", table, err)
	}
	return max + 1, nil
}

// syncSequence moves PostgreSQL's identity sequence past ids inserted
// explicitly; SQLite's AUTOINCREMENT follows by itself.
func (tx *Tx) syncSequence(ctx context.Context, table string) error {
	if tx.d != Postgres {
		return nil
	}
	_, err := tx.db.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+table+`', 'id'), (SELECT MAX(id) FROM `+table+`))`)
	if err != nil {
		return fmt.Errorf("bulk %s: sync sequence: %w", table, err)
	}
	return nil
}

// insertRows writes rows (each len(cols) values) with multi-row INSERTs.
func (tx *Tx) insertRows(ctx context.Context, table, cols string, ncol int, rows [][]any) error {
	for start := 0; start < len(rows); start += bulkRows {
		end := min(start+bulkRows, len(rows))
		var sb strings.Builder
		sb.WriteString("INSERT INTO " + table + " (" + cols + ") VALUES ")
		args := make([]any, 0, (end-start)*ncol)
		for i, r := range rows[start:end] {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(" + tx.bulkPlaceholders(len(args)+1, ncol) + ")")
			args = append(args, r...)
		}
		if _, err := tx.db.ExecContext(ctx, sb.String(), args...); err != nil {
			return fmt.Errorf("bulk insert %s: %w", table, err)
		}
	}
	return nil
}

// bulkPlaceholders is placeholders for a multi-row INSERT. SQLite gets
// anonymous "?": it resolves numbered ones through a list searched linearly,
// which makes statements of thousands of parameters quadratic to prepare.
func (q *Queries) bulkPlaceholders(n, k int) string {
	if q.d == Postgres {
		return placeholders(n, k)
	}
	return strings.TrimSuffix(strings.Repeat("?, ", k), ", ")
}

// BulkTasks inserts many tasks with their units in few statements, for
// generating large test organisations. Each task is validated and its due day
// recomputed (Refresh), and its search text folded, exactly as CreateTask
// stores them; DoneOn, Percent, LastUpdateAt and CreatedAt are taken as given
// (zero instants become the store's now). The tasks' ids are set, and the
// task counts follow as for CreateTask. Their groups are not stored: bulk
// tasks name units only. No audit entries are written: this is
// a loader, not a user's action.
func (tx *Tx) BulkTasks(ctx context.Context, ts []BulkTask) error {
	if len(ts) == 0 {
		return nil
	}
	id, err := tx.nextIDs(ctx, "tasks")
	if err != nil {
		return err
	}
	now := tx.nowText()
	rows := make([][]any, 0, len(ts))
	var units [][]any
	counts := countDelta{}
	issued := map[int64]bool{} // notice id: issued
	for i := range ts {
		bt := &ts[i]
		t := &bt.Task
		if t.Deadline.Kind == "" {
			t.Deadline.Kind = domain.DeadlineNone
		}
		if err := t.Validate(); err != nil {
			return fmt.Errorf("bulk task %d: %w", i, err)
		}
		t.Refresh()
		t.ID, t.Version = id, 1
		id++
		live := t.OriginID == 0
		if live && t.NoticeID != 0 {
			is, ok := issued[t.NoticeID]
			if !ok {
				state, err := tx.noticeState(ctx, t.NoticeID)
				if err != nil {
					return fmt.Errorf("bulk task %d: %w", i, err)
				}
				is = state == domain.NoticeIssued
				issued[t.NoticeID] = is
			}
			live = is
		}
		created, updated := now, now
		if !t.CreatedAt.IsZero() {
			created = timestamp(t.CreatedAt)
		}
		if !t.LastUpdateAt.IsZero() {
			updated = timestamp(t.LastUpdateAt)
		}
		d := t.Deadline
		rows = append(rows, []any{t.ID, t.OrgID, idArg(t.NoticeID), idArg(t.SectionID), idArg(bt.BlockID), t.Text, t.ExpectedProduct,
			idArg(t.SectorID), boolInt(t.Key), lines(t.LegalRefs), string(d.Kind), dateArg(d.Date), string(d.Every), d.Day, d.Event,
			dateArg(d.EventDate), d.EventDays, dateArg(t.ReportedUntil), dateArg(t.ExtendedTo), dateArg(t.DueOn), dateArg(t.DoneOn),
			t.Percent, updated, taskSearch(t), idArg(bt.CreatedBy), created, 1, boolInt(live), idArg(t.OriginID), boolInt(t.NeedsUnits())})
		st := stateOf(t, bt.BlockID, live)
		for _, u := range st.units {
			units = append(units, []any{t.ID, u.unit, u.role, st.org, st.block, st.sector, st.key, nullText(st.due), nullText(st.done), updated,
				boolInt(live)})
		}
		counts.add(&st, 1)
	}
	const cols = `id, org_id, notice_id, section_id, block_id, text, expected_product, sector_id, is_key, legal_refs, deadline_kind,
		deadline_date, deadline_every, deadline_day, deadline_event, event_date, event_days, reported_until, extended_to, due_on, done_on,
		percent, last_update_at, search_text, created_by, created_at, version, live, origin_id, needs_units`
	if err := tx.insertRows(ctx, "tasks", cols, 30, rows); err != nil {
		return err
	}
	if err := tx.insertRows(ctx, "task_units", "task_id, unit_id, role, org_id, block_id, sector_id, is_key, due_on, done_on, last_update_at, live",
		11, units); err != nil {
		return err
	}
	if err := tx.applyCounts(ctx, counts); err != nil {
		return err
	}
	return tx.syncSequence(ctx, "tasks")
}

// BulkReports inserts many reports (without attachments) as they are given,
// CreatedAt included; their ids are set. The caller keeps each task's
// DoneOn, Percent and LastUpdateAt consistent with its reports.
func (tx *Tx) BulkReports(ctx context.Context, rs []domain.Report) error {
	if len(rs) == 0 {
		return nil
	}
	id, err := tx.nextIDs(ctx, "reports")
	if err != nil {
		return err
	}
	rows := make([][]any, len(rs))
	for i := range rs {
		r := &rs[i]
		r.ID = id
		id++
		rows[i] = []any{r.ID, r.TaskID, idArg(r.UnitID), idArg(r.UserID), r.Body, r.Percent, boolInt(r.Completion), dateArg(r.Period),
			timestamp(r.CreatedAt)}
	}
	if err := tx.insertRows(ctx, "reports", "id, task_id, unit_id, user_id, body, percent, completion, period, created_at", 9, rows); err != nil {
		return err
	}
	return tx.syncSequence(ctx, "reports")
}

// Analyze refreshes the query planner's statistics after a bulk load.
func (s *Store) Analyze(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return nil
}
