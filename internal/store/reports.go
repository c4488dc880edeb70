package store

import (
	"context"
	"fmt"

	"giaoban/internal/domain"
)

// CreateReport inserts a progress or completion report and its attachments
// (data[i] is the content of r.Attachments[i]).
func (tx *Tx) CreateReport(ctx context.Context, r *domain.Report, data [][]byte) error {
	now := tx.nowText()
	err := tx.db.QueryRowContext(ctx, `INSERT INTO reports (task_id, unit_id, user_id, body, percent, completion, period, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		r.TaskID, idArg(r.UnitID), idArg(r.UserID), r.Body, r.Percent, boolInt(r.Completion), dateArg(r.Period), now).Scan(&r.ID)
	if err != nil {
		return fmt.Errorf("create report: %w", err)
	}
	r.CreatedAt = parseTimestamp(now)
	for i := range r.Attachments {
		a := &r.Attachments[i]
		a.ReportID = r.ID
		err := tx.db.QueryRowContext(ctx, `INSERT INTO attachments (report_id, name, content_type, size, data) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			r.ID, a.Name, a.ContentType, a.Size, data[i]).Scan(&a.ID)
		if err != nil {
			return fmt.Errorf("save attachment: %w", err)
		}
	}
	return nil
}

// Reports lists a task's reports, newest first, with their attachments (without content).
func (q *Queries) Reports(ctx context.Context, taskID int64) ([]domain.Report, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT r.id, r.task_id, r.unit_id, r.user_id, COALESCE(u.full_name, ''), r.body, r.percent, r.completion,
		r.period, r.created_at FROM reports r LEFT JOIN users u ON u.id = r.user_id WHERE r.task_id = $1 ORDER BY r.id DESC`, taskID)
	if err != nil {
		return nil, fmt.Errorf("list reports: %w", err)
	}
	defer rows.Close()
	var out []domain.Report
	idx := map[int64]int{}
	for rows.Next() {
		var r domain.Report
		var completion int
		var created string
		if err := rows.Scan(&r.ID, &r.TaskID, nullID{&r.UnitID}, nullID{&r.UserID}, &r.UserName, &r.Body, &r.Percent, &completion,
			nullDate{&r.Period}, &created); err != nil {
			return nil, fmt.Errorf("list reports: %w", err)
		}
		r.Completion, r.CreatedAt = completion == 1, parseTimestamp(created)
		idx[r.ID] = len(out)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list reports: %w", err)
	}
	rows.Close()
	ar, err := q.db.QueryContext(ctx, `SELECT a.id, a.report_id, a.name, a.content_type, a.size FROM attachments a
		JOIN reports r ON r.id = a.report_id WHERE r.task_id = $1 ORDER BY a.id`, taskID)
	if err != nil {
		return nil, fmt.Errorf("list attachments: %w", err)
	}
	defer ar.Close()
	for ar.Next() {
		var a domain.Attachment
		if err := ar.Scan(&a.ID, &a.ReportID, &a.Name, &a.ContentType, &a.Size); err != nil {
			return nil, fmt.Errorf("list attachments: %w", err)
		}
		if i, ok := idx[a.ReportID]; ok {
			out[i].Attachments = append(out[i].Attachments, a)
		}
	}
	return out, ar.Err()
}

// AttachmentData returns an attachment with its content and the task it
// belongs to, or domain.ErrNotFound.
func (q *Queries) AttachmentData(ctx context.Context, id int64) (*domain.Attachment, int64, []byte, error) {
	var a domain.Attachment
	var taskID int64
	var data []byte
	err := q.db.QueryRowContext(ctx, `SELECT a.id, a.report_id, a.name, a.content_type, a.size, r.task_id, a.data
		FROM attachments a JOIN reports r ON r.id = a.report_id WHERE a.id = $1`, id).
		Scan(&a.ID, &a.ReportID, &a.Name, &a.ContentType, &a.Size, &taskID, &data)
	if err := notFound(err, "attachment"); err != nil {
		return nil, 0, nil, err
	}
	return &a, taskID, data, nil
}

const extensionCols = `e.id, e.task_id, e.unit_id, e.requested_by, COALESCE(ru.full_name, ''), e.old_due, e.new_due, e.reason, e.state,
	e.decided_by, COALESCE(du.full_name, ''), e.decided_at, e.note, e.created_at`

const extensionFrom = ` FROM extensions e LEFT JOIN users ru ON ru.id = e.requested_by LEFT JOIN users du ON du.id = e.decided_by `

func scanExtension(sc interface{ Scan(...any) error }) (*domain.Extension, error) {
	var e domain.Extension
	var state, decidedAt, created string
	err := sc.Scan(&e.ID, &e.TaskID, nullID{&e.UnitID}, nullID{&e.RequestedBy}, &e.Requester, nullDate{&e.OldDue}, nullDate{&e.NewDue},
		&e.Reason, &state, nullID{&e.DecidedBy}, &e.Decider, nullString{&decidedAt}, &e.Note, &created)
	if err != nil {
		return nil, err
	}
	e.State, e.CreatedAt = domain.ExtensionState(state), parseTimestamp(created)
	if decidedAt != "" {
		e.DecidedAt = parseTimestamp(decidedAt)
	}
	return &e, nil
}

// CreateExtension inserts a pending extension request.
func (tx *Tx) CreateExtension(ctx context.Context, e *domain.Extension) error {
	now := tx.nowText()
	e.State = domain.ExtensionPending
	err := tx.db.QueryRowContext(ctx, `INSERT INTO extensions (task_id, unit_id, requested_by, old_due, new_due, reason, state, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		e.TaskID, idArg(e.UnitID), idArg(e.RequestedBy), dateArg(e.OldDue), dateArg(e.NewDue), e.Reason, string(e.State), now).Scan(&e.ID)
	if err != nil {
		return fmt.Errorf("create extension: %w", err)
	}
	e.CreatedAt = parseTimestamp(now)
	return nil
}

// DecideExtension records a decision on a pending request; a request already
// decided gives domain.ErrConflict.
func (tx *Tx) DecideExtension(ctx context.Context, e *domain.Extension) error {
	now := tx.nowText()
	res, err := tx.db.ExecContext(ctx, `UPDATE extensions SET state = $1, decided_by = $2, decided_at = $3, note = $4 WHERE id = $5 AND state = 'pending'`,
		string(e.State), idArg(e.DecidedBy), now, e.Note, e.ID)
	if err != nil {
		return fmt.Errorf("decide extension: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("yêu cầu gia hạn đã được xử lý: %w", domain.ErrConflict)
	}
	e.DecidedAt = parseTimestamp(now)
	return nil
}

// Extension returns one extension request or domain.ErrNotFound.
func (q *Queries) Extension(ctx context.Context, id int64) (*domain.Extension, error) {
	e, err := scanExtension(q.db.QueryRowContext(ctx, `SELECT `+extensionCols+extensionFrom+`WHERE e.id = $1`, id))
	if err := notFound(err, "extension"); err != nil {
		return nil, err
	}
	return e, nil
}

// Extensions lists a task's extension requests, newest first.
func (q *Queries) Extensions(ctx context.Context, taskID int64) ([]domain.Extension, error) {
	return q.extensions(ctx, `WHERE e.task_id = $1 ORDER BY e.id DESC`, taskID)
}

// PendingExtensions lists the organisation's requests waiting for a decision, oldest first.
func (q *Queries) PendingExtensions(ctx context.Context, orgID int64) ([]domain.Extension, error) {
	return q.extensions(ctx, `JOIN tasks t ON t.id = e.task_id WHERE t.org_id = $1 AND t.live = 1 AND e.state = 'pending' ORDER BY e.id`, orgID)
}

func (q *Queries) extensions(ctx context.Context, tail string, args ...any) ([]domain.Extension, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT `+extensionCols+extensionFrom+tail, args...)
	if err != nil {
		return nil, fmt.Errorf("list extensions: %w", err)
	}
	defer rows.Close()
	var out []domain.Extension
	for rows.Next() {
		e, err := scanExtension(rows)
		if err != nil {
			return nil, fmt.Errorf("list extensions: %w", err)
		}
		out = append(out, *e)
	}
	return out, rows.Err()
}
