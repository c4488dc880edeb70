package store

import (
	"context"
	"fmt"
	"time"

	"giaoban/internal/domain"
)

// TaskProgress is what a list for the next meeting says beside a task: its
// latest report and the extension a unit is waiting for.
type TaskProgress struct {
	Report     string // the latest report's text; "" when none was filed
	Percent    int    // the latest report's percent
	ReportedAt time.Time
	PendingDue domain.Date // the day a pending extension request asks for
}

// progressChunk bounds the placeholders of one query (SQLite allows 32766).
const progressChunk = 500

// TasksProgress returns, for each of the tasks that has one, its latest report
// and its pending extension request, in a few queries whatever the number of tasks.
func (q *Queries) TasksProgress(ctx context.Context, taskIDs []int64) (map[int64]TaskProgress, error) {
	out := map[int64]TaskProgress{}
	for len(taskIDs) > 0 {
		n := min(len(taskIDs), progressChunk)
		if err := q.tasksProgress(ctx, taskIDs[:n], out); err != nil {
			return nil, err
		}
		taskIDs = taskIDs[n:]
	}
	return out, nil
}

func (q *Queries) tasksProgress(ctx context.Context, ids []int64, out map[int64]TaskProgress) error {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	in := placeholders(1, len(ids))
	rows, err := q.db.QueryContext(ctx, `SELECT r.task_id, r.body, r.percent, r.created_at FROM reports r
		WHERE r.id IN (SELECT MAX(id) FROM reports WHERE task_id IN (`+in+`) GROUP BY task_id)`, args...)
	if err != nil {
		return fmt.Errorf("latest reports: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var p TaskProgress
		var created string
		if err := rows.Scan(&id, &p.Report, &p.Percent, &created); err != nil {
			return fmt.Errorf("latest reports: %w", err)
		}
		p.ReportedAt = parseTimestamp(created)
		out[id] = p
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("latest reports: %w", err)
	}
	rows.Close()
	ext, err := q.db.QueryContext(ctx, `SELECT task_id, new_due FROM extensions WHERE state = 'pending' AND task_id IN (`+in+`) ORDER BY id`, args...)
	if err != nil {
		return fmt.Errorf("pending extensions: %w", err)
	}
	defer ext.Close()
	for ext.Next() {
		var id int64
		var due domain.Date
		if err := ext.Scan(&id, nullDate{&due}); err != nil {
			return fmt.Errorf("pending extensions: %w", err)
		}
		p := out[id]
		p.PendingDue = due
		out[id] = p
	}
	return ext.Err()
}
