package store

import (
	"context"
	"fmt"
	"time"

	"giaoban/internal/domain"
)

// ImportDraftRow is a stored import draft: its JSON and who made it.
type ImportDraftRow struct {
	ID        int64
	OrgID     int64
	UserID    int64
	Source    string
	Data      string
	CreatedAt time.Time
	Version   int
}

// CreateImportDraft stores a draft's JSON and returns its id.
func (tx *Tx) CreateImportDraft(ctx context.Context, r *ImportDraftRow) error {
	now := tx.nowText()
	err := tx.db.QueryRowContext(ctx, `INSERT INTO import_drafts (org_id, user_id, source, data, created_at, version) VALUES ($1, $2, $3, $4, $5, 1) RETURNING id`,
		r.OrgID, r.UserID, r.Source, r.Data, now).Scan(&r.ID)
	if err != nil {
		return fmt.Errorf("save import draft: %w", err)
	}
	r.CreatedAt, r.Version = parseTimestamp(now), 1
	return nil
}

// UpdateImportDraft replaces a draft's JSON under optimistic locking.
func (tx *Tx) UpdateImportDraft(ctx context.Context, r *ImportDraftRow) error {
	res, err := tx.db.ExecContext(ctx, `UPDATE import_drafts SET data = $1, version = version + 1 WHERE id = $2 AND org_id = $3 AND version = $4`,
		r.Data, r.ID, r.OrgID, r.Version)
	if err != nil {
		return fmt.Errorf("update import draft: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrConflict
	}
	r.Version++
	return nil
}

// ImportDraft returns one draft of the organisation, or domain.ErrNotFound.
func (q *Queries) ImportDraft(ctx context.Context, orgID, id int64) (*ImportDraftRow, error) {
	var r ImportDraftRow
	var created string
	err := q.db.QueryRowContext(ctx, `SELECT id, org_id, user_id, source, data, created_at, version FROM import_drafts WHERE org_id = $1 AND id = $2`, orgID, id).
		Scan(&r.ID, &r.OrgID, &r.UserID, &r.Source, &r.Data, &created, &r.Version)
	if err := notFound(err, "import draft"); err != nil {
		return nil, err
	}
	r.CreatedAt = parseTimestamp(created)
	return &r, nil
}

// DeleteImportDraft removes a draft (after it was confirmed or abandoned).
func (tx *Tx) DeleteImportDraft(ctx context.Context, orgID, id int64) error {
	if _, err := tx.db.ExecContext(ctx, `DELETE FROM import_drafts WHERE org_id = $1 AND id = $2`, orgID, id); err != nil {
		return fmt.Errorf("delete import draft: %w", err)
	}
	return nil
}
