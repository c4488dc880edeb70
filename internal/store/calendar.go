package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"giaoban/internal/domain"
)

// CalendarToken is a secret calendar link, shown by name; its secret is never stored.
type CalendarToken struct {
	ID       int64
	UserID   int64
	UnitID   int64 // the unit the feed is narrowed to; 0 for every task the user sees
	Name     string
	Created  time.Time
	LastUsed time.Time // zero until a calendar program first fetched the feed
	Revoked  bool
}

// CreateCalendarToken stores the hash of a new calendar link for user,
// narrowed to unitID (0: none), and returns its id.
func (tx *Tx) CreateCalendarToken(ctx context.Context, userID, unitID int64, name, tokenHash string) (int64, error) {
	var id int64
	err := tx.db.QueryRowContext(ctx, `INSERT INTO calendar_tokens (user_id, unit_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		userID, idArg(unitID), name, tokenHash, tx.nowText()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("create calendar link: %w", err)
	}
	return id, nil
}

// CalendarTokens lists a user's calendar links, oldest first, revoked ones included.
func (q *Queries) CalendarTokens(ctx context.Context, userID int64) ([]CalendarToken, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT id, user_id, unit_id, name, created_at, last_used_at, revoked_at
		FROM calendar_tokens WHERE user_id = $1 ORDER BY id`, userID)
	if err != nil {
		return nil, fmt.Errorf("list calendar links: %w", err)
	}
	defer rows.Close()
	var out []CalendarToken
	for rows.Next() {
		var t CalendarToken
		var created, used, revoked string
		if err := rows.Scan(&t.ID, &t.UserID, nullID{&t.UnitID}, &t.Name, &created, nullString{&used}, nullString{&revoked}); err != nil {
			return nil, fmt.Errorf("list calendar links: %w", err)
		}
		t.Created, t.Revoked = parseTimestamp(created), revoked != ""
		if used != "" {
			t.LastUsed = parseTimestamp(used)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeCalendarToken revokes one of a user's live calendar links, or returns
// domain.ErrNotFound when the user has no such live link.
func (tx *Tx) RevokeCalendarToken(ctx context.Context, userID, id int64) error {
	res, err := tx.db.ExecContext(ctx, `UPDATE calendar_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL`,
		tx.nowText(), id, userID)
	if err != nil {
		return fmt.Errorf("revoke calendar link: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// CalendarByToken returns the enabled user owning a live calendar link and the
// link itself, or domain.ErrNotFound for an unknown, revoked or disabled one.
func (q *Queries) CalendarByToken(ctx context.Context, tokenHash string) (*domain.User, *CalendarToken, error) {
	var c CalendarToken
	var created string
	row := q.db.QueryRowContext(ctx, `SELECT u.id, u.org_id, u.username, u.full_name, u.role, u.unit_id, u.disabled, u.version,
		c.id, c.user_id, c.unit_id, c.name, c.created_at
		FROM calendar_tokens c JOIN users u ON u.id = c.user_id WHERE c.token_hash = $1 AND c.revoked_at IS NULL`, tokenHash)
	u, err := scanUser(scanFunc(func(dst ...any) error {
		return row.Scan(append(dst, &c.ID, &c.UserID, nullID{&c.UnitID}, &c.Name, &created)...)
	}))
	if errors.Is(err, sql.ErrNoRows) || (err == nil && u.Disabled) {
		return nil, nil, domain.ErrNotFound
	}
	if err != nil {
		return nil, nil, fmt.Errorf("calendar link: %w", err)
	}
	c.Created = parseTimestamp(created)
	return u, &c, nil
}

// scanFunc lets a row scanned with extra columns pass through scanUser.
type scanFunc func(dst ...any) error

func (f scanFunc) Scan(dst ...any) error { return f(dst...) }

// TouchCalendarToken records that a calendar program fetched the link now.
func (tx *Tx) TouchCalendarToken(ctx context.Context, id int64) error {
	if _, err := tx.db.ExecContext(ctx, `UPDATE calendar_tokens SET last_used_at = $1 WHERE id = $2`, tx.nowText(), id); err != nil {
		return fmt.Errorf("touch calendar link: %w", err)
	}
	return nil
}
