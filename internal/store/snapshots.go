package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"giaoban/internal/domain"
)

// Snapshot is one organisation's task counts per status bucket as seen on
// one day (table status_snapshots): tasks done on or before Day count as
// done, the others are bucketed by their due day against Day.
type Snapshot struct {
	Day        domain.Date
	Overdue    int
	DueSoon    int
	Open       int
	DoneLate   int
	DoneOnTime int
}

// PutSnapshots writes the organisation's snapshots, replacing those of the
// same days: writing a day twice keeps the second.
func (tx *Tx) PutSnapshots(ctx context.Context, orgID int64, snaps []Snapshot) error {
	for start := 0; start < len(snaps); start += bulkRows {
		end := min(start+bulkRows, len(snaps))
		var sb strings.Builder
		sb.WriteString(`INSERT INTO status_snapshots (org_id, day, overdue, due_soon, open, done_late, done_on_time) VALUES `)
		args := make([]any, 0, (end-start)*7)
		for i, s := range snaps[start:end] {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(" + tx.bulkPlaceholders(len(args)+1, 7) + ")")
			args = append(args, orgID, s.Day.String(), s.Overdue, s.DueSoon, s.Open, s.DoneLate, s.DoneOnTime)
		}
		sb.WriteString(` ON CONFLICT (org_id, day) DO UPDATE SET overdue = excluded.overdue, due_soon = excluded.due_soon,
			open = excluded.open, done_late = excluded.done_late, done_on_time = excluded.done_on_time`)
		if _, err := tx.db.ExecContext(ctx, sb.String(), args...); err != nil {
			return fmt.Errorf("status snapshots: %w", err)
		}
	}
	return nil
}

// HasSnapshots reports whether the organisation has any snapshot.
func (q *Queries) HasSnapshots(ctx context.Context, orgID int64) (bool, error) {
	var n int
	err := q.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM status_snapshots WHERE org_id = $1 LIMIT 1) x`, orgID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("status snapshots: %w", err)
	}
	return n > 0, nil
}

// Snapshots lists the organisation's snapshots from day from to day to
// (both included), oldest first: an index range of the primary key.
func (q *Queries) Snapshots(ctx context.Context, orgID int64, from, to domain.Date) ([]Snapshot, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT day, overdue, due_soon, open, done_late, done_on_time FROM status_snapshots
		WHERE org_id = $1 AND day >= $2 AND day <= $3 ORDER BY day`, orgID, from.String(), to.String())
	if err != nil {
		return nil, fmt.Errorf("status snapshots: %w", err)
	}
	defer rows.Close()
	var out []Snapshot
	for rows.Next() {
		var s Snapshot
		if err := rows.Scan(nullDate{&s.Day}, &s.Overdue, &s.DueSoon, &s.Open, &s.DoneLate, &s.DoneOnTime); err != nil {
			return nil, fmt.Errorf("status snapshots: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("status snapshots: %w", err)
	}
	return out, nil
}

// PastSnapshots reconstructs from the task rows the organisation's
// snapshots of the given past days, in one grouped query; soonDays is the
// "sắp đến hạn" window. It is how a new organisation's first year of history
// is filled in, and it is an approximation:
//
//   - a task counts from the day it was entered (created_at, in Vietnam's
//     time) or, when it was entered later from an older notice, from the day
//     that notice was issued;
//   - it is done from its done_on day on;
//   - its due day is today's due_on: an extension granted later is taken to
//     have applied all along, so a task overdue before its deadline was
//     extended is counted as in time.
func (q *Queries) PastSnapshots(ctx context.Context, orgID int64, days []domain.Date, soonDays int) ([]Snapshot, error) {
	if len(days) == 0 {
		return nil, nil
	}
	var a argList
	var points []string
	for _, d := range days {
		// The first instant of the next day in Vietnam, as stored (UTC).
		next := d.AddDays(1)
		until := time.Date(next.Year, next.Month, next.Day, 0, 0, 0, 0, domain.Location)
		points = append(points, `SELECT CAST(`+a.add(d.String())+` AS TEXT) AS day, CAST(`+a.add(d.AddDays(max(soonDays, 0)).String())+
			` AS TEXT) AS soon, CAST(`+a.add(timestamp(until))+` AS TEXT) AS until_at`)
	}
	open := `(t.done_on IS NULL OR t.done_on > p.day)`
	done := `(t.done_on IS NOT NULL AND t.done_on <= p.day)`
	query := `SELECT p.day,
		COUNT(CASE WHEN ` + open + ` AND t.due_on < p.day THEN 1 END),
		COUNT(CASE WHEN ` + open + ` AND t.due_on >= p.day AND t.due_on < p.soon THEN 1 END),
		COUNT(CASE WHEN ` + open + ` AND (t.due_on IS NULL OR t.due_on >= p.soon) THEN 1 END),
		COUNT(CASE WHEN ` + done + ` AND t.due_on IS NOT NULL AND t.done_on > t.due_on THEN 1 END),
		COUNT(CASE WHEN ` + done + ` AND (t.due_on IS NULL OR t.done_on <= t.due_on) THEN 1 END)
		FROM (` + strings.Join(points, " UNION ALL ") + `) p
		JOIN tasks t ON t.org_id = ` + a.add(orgID) + ` AND t.live = 1
		LEFT JOIN notices n ON n.id = t.notice_id
		WHERE t.created_at < p.until_at OR n.issued_on <= p.day
		GROUP BY p.day`
	rows, err := q.db.QueryContext(ctx, query, a.args...)
	if err != nil {
		return nil, fmt.Errorf("past snapshots: %w", err)
	}
	defer rows.Close()
	by := map[domain.Date]Snapshot{}
	for rows.Next() {
		var s Snapshot
		if err := rows.Scan(nullDate{&s.Day}, &s.Overdue, &s.DueSoon, &s.Open, &s.DoneLate, &s.DoneOnTime); err != nil {
			return nil, fmt.Errorf("past snapshots: %w", err)
		}
		by[s.Day] = s
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("past snapshots: %w", err)
	}
	out := make([]Snapshot, len(days))
	for i, d := range days {
		out[i] = by[d]
		out[i].Day = d
	}
	return out, nil
}
