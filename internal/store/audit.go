package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
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
	Action   string
	// From and To bound the day the entry was made, in Vietnam (both
	// included); zero for no bound.
	From, To domain.Date
	Limit    int
	Offset   int
}

// dayStart is the instant day d begins in Vietnam.
func dayStart(d domain.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, domain.Location)
}

// LoggedActions lists the actions the organisation's log holds, for a filter.
func (q *Queries) LoggedActions(ctx context.Context, orgID int64) ([]string, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT DISTINCT action FROM audit_log WHERE org_id = $1 OR org_id IS NULL ORDER BY action`, orgID)
	if err != nil {
		return nil, fmt.Errorf("audit actions: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, fmt.Errorf("audit actions: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// auditTitles says, for each kind of record the log names, where its
// current title is: the tables, the id column, the title, the organisation
// column, and for an extension its task.
var auditTitles = map[string]struct{ from, id, title, org, task string }{
	"meeting":       {"meetings", "id", "title", "org_id", "0"},
	"notice":        {"notices", "id", "CASE WHEN number = '' THEN title ELSE number || '/' || symbol || ': ' || title END", "org_id", "0"},
	"task":          {"tasks", "id", "text", "org_id", "0"},
	"unit":          {"units", "id", "name", "org_id", "0"},
	"group":         {"unit_groups", "id", "name", "org_id", "0"},
	"import":        {"import_drafts", "id", "source", "org_id", "0"},
	"block":         {"blocks", "id", "name", "org_id", "0"},
	"sector":        {"sectors", "id", "name", "org_id", "0"},
	"org":           {"orgs", "id", "name", "id", "0"},
	"user":          {"users", "id", "full_name || ' (' || username || ')'", "org_id", "0"},
	"extension":     {"extensions e JOIN tasks t ON t.id = e.task_id", "e.id", "t.text", "t.org_id", "e.task_id"},
	"api_token":     {"api_tokens k JOIN users u ON u.id = k.user_id", "k.id", "k.name", "u.org_id", "0"},
	"calendar_link": {"calendar_tokens c JOIN users u ON u.id = c.user_id", "c.id", "c.name", "u.org_id", "0"},
}

// AuditRef is a record an audit entry names.
type AuditRef struct {
	Entity string
	ID     int64
}

// TitlesOf returns the current title of each record of refs that still
// exists in the organisation — a task's text, a notice's number and title,
// a user's name — and, for an extension, its task's id (taskOf), for a
// link. Records of a kind it does not know, or gone, are absent.
func (q *Queries) TitlesOf(ctx context.Context, orgID int64, refs []AuditRef) (titles map[AuditRef]string, taskOf map[int64]int64, err error) {
	byEntity := map[string][]int64{}
	for _, r := range refs {
		if _, ok := auditTitles[r.Entity]; ok && r.ID > 0 && !slices.Contains(byEntity[r.Entity], r.ID) {
			byEntity[r.Entity] = append(byEntity[r.Entity], r.ID)
		}
	}
	titles, taskOf = map[AuditRef]string{}, map[int64]int64{}
	for entity, ids := range byEntity {
		t := auditTitles[entity]
		query := `SELECT ` + t.id + `, ` + t.title + `, ` + t.task + ` FROM ` + t.from + ` WHERE ` + t.org + ` = $1 AND ` + t.id +
			` IN (` + placeholders(2, len(ids)) + `)`
		args := []any{orgID}
		for _, id := range ids {
			args = append(args, id)
		}
		rows, err := q.db.QueryContext(ctx, query, args...)
		if err != nil {
			return nil, nil, fmt.Errorf("audit titles: %w", err)
		}
		for rows.Next() {
			var id, task int64
			var title string
			if err := rows.Scan(&id, &title, &task); err != nil {
				rows.Close()
				return nil, nil, fmt.Errorf("audit titles: %w", err)
			}
			titles[AuditRef{entity, id}] = title
			if task != 0 {
				taskOf[id] = task
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, fmt.Errorf("audit titles: %w", err)
		}
	}
	return titles, taskOf, nil
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
	if f.Action != "" {
		where += " AND action = " + a.add(f.Action)
	}
	if !f.From.IsZero() {
		where += " AND at >= " + a.add(timestamp(dayStart(f.From)))
	}
	if !f.To.IsZero() {
		where += " AND at < " + a.add(timestamp(dayStart(f.To.AddDays(1))))
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
