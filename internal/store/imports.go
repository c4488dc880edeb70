package store

import (
	"context"
	"database/sql"
	"errors"
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
	// NoticeID is the notice a confirmed import stored (0 before), and
	// ConfirmedAt when it was confirmed.
	NoticeID    int64
	ConfirmedAt time.Time
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

// UpdateImportDraft replaces a draft's JSON under optimistic locking; a
// confirmed draft is never changed (domain.ErrConflict).
func (tx *Tx) UpdateImportDraft(ctx context.Context, r *ImportDraftRow) error {
	res, err := tx.db.ExecContext(ctx, `UPDATE import_drafts SET data = $1, version = version + 1
		WHERE id = $2 AND org_id = $3 AND version = $4 AND notice_id IS NULL`,
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

// ConfirmImportDraft keeps a draft, as r.Data says, as the record of the
// import that stored notice r.NoticeID: under optimistic locking, and only
// once (domain.ErrConflict otherwise).
func (tx *Tx) ConfirmImportDraft(ctx context.Context, r *ImportDraftRow) error {
	now := tx.nowText()
	res, err := tx.db.ExecContext(ctx, `UPDATE import_drafts SET data = $1, notice_id = $2, confirmed_at = $3, version = version + 1
		WHERE id = $4 AND org_id = $5 AND version = $6 AND notice_id IS NULL`,
		r.Data, r.NoticeID, now, r.ID, r.OrgID, r.Version)
	if err != nil {
		return fmt.Errorf("confirm import draft: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrConflict
	}
	r.Version++
	r.ConfirmedAt = parseTimestamp(now)
	return nil
}

// ImportDraft returns one draft of the organisation, or domain.ErrNotFound.
func (q *Queries) ImportDraft(ctx context.Context, orgID, id int64) (*ImportDraftRow, error) {
	var r ImportDraftRow
	var created string
	var confirmed sql.NullString
	err := q.db.QueryRowContext(ctx, `SELECT id, org_id, user_id, source, data, created_at, version, notice_id, confirmed_at
		FROM import_drafts WHERE org_id = $1 AND id = $2`, orgID, id).
		Scan(&r.ID, &r.OrgID, &r.UserID, &r.Source, &r.Data, &created, &r.Version, nullID{&r.NoticeID}, &confirmed)
	if err := notFound(err, "import draft"); err != nil {
		return nil, err
	}
	r.CreatedAt = parseTimestamp(created)
	if confirmed.Valid {
		r.ConfirmedAt = parseTimestamp(confirmed.String)
	}
	return &r, nil
}

// ImportDraftOfNotice returns the id of the confirmed import that stored
// a notice of the organisation, or 0.
func (q *Queries) ImportDraftOfNotice(ctx context.Context, orgID, noticeID int64) (int64, error) {
	var id int64
	err := q.db.QueryRowContext(ctx, `SELECT id FROM import_drafts WHERE org_id = $1 AND notice_id = $2 ORDER BY id DESC LIMIT 1`,
		orgID, noticeID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("import of notice: %w", err)
	}
	return id, nil
}

// DeleteImportDraft removes a draft (after it was confirmed or abandoned).
func (tx *Tx) DeleteImportDraft(ctx context.Context, orgID, id int64) error {
	if _, err := tx.db.ExecContext(ctx, `DELETE FROM import_drafts WHERE org_id = $1 AND id = $2`, orgID, id); err != nil {
		return fmt.Errorf("delete import draft: %w", err)
	}
	return nil
}
