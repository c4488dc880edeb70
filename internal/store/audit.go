package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"giaoban/internal/domain"
)

// AuditEntry is one line of the append-only audit log.
type AuditEntry struct {
	ID       int64
	At       time.Time
	UserID   int64
	UserName string
	Action   string // create, update, issue, report, approve...
	Entity   string // task, notice, meeting, unit, user...
	EntityID int64
	Before   string // JSON of the record before, "" for a creation
	After    string // JSON of the record after
}

// Audit appends who did what to which record, with the record before and after
// (any JSON-encodable values; nil for none). There is no call to change or
// delete an entry.
func (tx *Tx) Audit(ctx context.Context, actor *domain.User, action, entity string, id int64, before, after any) error {
	enc := func(v any) (string, error) {
		if v == nil {
			return "", nil
		}
		b, err := json.Marshal(v)
		return string(b), err
	}
	b, err := enc(before)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	a, err := enc(after)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	var uid, orgID int64
	name := "hệ thống"
	if actor != nil {
		uid, orgID, name = actor.ID, actor.OrgID, actor.Username
	}
	_, err = tx.db.ExecContext(ctx, `INSERT INTO audit_log (at, user_id, user_name, action, entity, entity_id, before_json, after_json, org_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, tx.nowText(), idArg(uid), name, action, entity, id, b, a, idArg(orgID))
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// AuditFilter selects audit entries; zero fields select all.
type AuditFilter struct {
	// OrgID limits the log to one organisation's entries (and the system's,
	// which have none); the service always sets it.
	OrgID    int64
	Entity   string
	EntityID int64
	UserID   int64
	Limit    int
	Offset   int
}

// AuditLog lists entries newest first, and the total count matching.
func (q *Queries) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, int, error) {
	var a argList
	where := "WHERE 1=1"
	if f.OrgID != 0 {
		where += " AND (org_id = " + a.add(f.OrgID) + " OR org_id IS NULL)"
	}
	if f.Entity != "" {
		where += " AND entity = " + a.add(f.Entity)
	}
	if f.EntityID != 0 {
		where += " AND entity_id = " + a.add(f.EntityID)
	}
	if f.UserID != 0 {
		where += " AND user_id = " + a.add(f.UserID)
	}
	var total int
	if err := q.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log `+where, a.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("audit log: %w", err)
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	query := `SELECT id, at, user_id, user_name, action, entity, entity_id, before_json, after_json
		FROM audit_log ` + where + ` ORDER BY id DESC LIMIT ` + a.add(f.Limit) + ` OFFSET ` + a.add(f.Offset)
	rows, err := q.db.QueryContext(ctx, query, a.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("audit log: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, nullID{&e.UserID}, &e.UserName, &e.Action, &e.Entity, &e.EntityID, &e.Before, &e.After); err != nil {
			return nil, 0, fmt.Errorf("audit log: %w", err)
		}
		e.At = parseTimestamp(at)
		out = append(out, e)
	}
	return out, total, rows.Err()
}
