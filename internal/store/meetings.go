package store

import (
	"context"
	"fmt"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/textfold"
)

const meetingCols = `id, org_id, block_id, title, period, period_year, period_no, meeting_date, meeting_time, place, online,
	bridge_points, chair, attendees, agenda, version`

func scanMeeting(sc interface{ Scan(...any) error }) (*domain.Meeting, error) {
	var m domain.Meeting
	var period, bridge string
	var online int
	err := sc.Scan(&m.ID, &m.OrgID, nullID{&m.BlockID}, &m.Title, &period, &m.PeriodYear, &m.PeriodNo, nullDate{&m.Date},
		&m.Time, &m.Place, &online, &bridge, &m.Chair, &m.Attendees, &m.Agenda, &m.Version)
	if err != nil {
		return nil, err
	}
	m.Period, m.Online, m.BridgePoints = domain.PeriodKind(period), online == 1, splitLines(bridge)
	return &m, nil
}

func meetingSearch(m *domain.Meeting) string {
	return textfold.Fold(strings.Join([]string{m.Title, m.Chair, m.Place, m.Agenda}, " "))
}

// CreateMeeting inserts a meeting with its attending units.
func (tx *Tx) CreateMeeting(ctx context.Context, m *domain.Meeting) error {
	err := tx.db.QueryRowContext(ctx, `INSERT INTO meetings (org_id, block_id, title, period, period_year, period_no, meeting_date,
		meeting_time, place, online, bridge_points, chair, attendees, agenda, search_text, version, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16) RETURNING id`,
		m.OrgID, idArg(m.BlockID), m.Title, string(m.Period), m.PeriodYear, m.PeriodNo, dateArg(m.Date), m.Time, m.Place,
		boolInt(m.Online), lines(m.BridgePoints), m.Chair, m.Attendees, m.Agenda, meetingSearch(m), tx.nowText()).Scan(&m.ID)
	if err != nil {
		return fmt.Errorf("create meeting: %w", err)
	}
	m.Version = 1
	return tx.setMeetingUnits(ctx, m)
}

// UpdateMeeting saves a meeting under optimistic locking (domain.ErrConflict).
func (tx *Tx) UpdateMeeting(ctx context.Context, m *domain.Meeting) error {
	res, err := tx.db.ExecContext(ctx, `UPDATE meetings SET block_id = $1, title = $2, period = $3, period_year = $4, period_no = $5,
		meeting_date = $6, meeting_time = $7, place = $8, online = $9, bridge_points = $10, chair = $11, attendees = $12, agenda = $13,
		search_text = $14, version = version + 1 WHERE id = $15 AND org_id = $16 AND version = $17`,
		idArg(m.BlockID), m.Title, string(m.Period), m.PeriodYear, m.PeriodNo, dateArg(m.Date), m.Time, m.Place, boolInt(m.Online),
		lines(m.BridgePoints), m.Chair, m.Attendees, m.Agenda, meetingSearch(m), m.ID, m.OrgID, m.Version)
	if err != nil {
		return fmt.Errorf("update meeting: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrConflict
	}
	m.Version++
	for _, table := range []string{"meeting_units", "meeting_groups"} {
		if _, err := tx.db.ExecContext(ctx, `DELETE FROM `+table+` WHERE meeting_id = $1`, m.ID); err != nil {
			return fmt.Errorf("update meeting: %w", err)
		}
	}
	return tx.setMeetingUnits(ctx, m)
}

func (tx *Tx) setMeetingUnits(ctx context.Context, m *domain.Meeting) error {
	seen := map[int64]bool{}
	for _, id := range m.UnitIDs {
		if seen[id] {
			continue
		}
		seen[id] = true
		if _, err := tx.db.ExecContext(ctx, `INSERT INTO meeting_units (meeting_id, unit_id) VALUES ($1, $2)`, m.ID, id); err != nil {
			return fmt.Errorf("meeting units: %w", err)
		}
	}
	groups := map[int64]bool{}
	for _, id := range m.GroupIDs {
		if groups[id] {
			continue
		}
		groups[id] = true
		if _, err := tx.db.ExecContext(ctx, `INSERT INTO meeting_groups (meeting_id, group_id) VALUES ($1, $2)`, m.ID, id); err != nil {
			return fmt.Errorf("meeting groups: %w", err)
		}
	}
	return nil
}

// Meeting returns one meeting of the organisation or domain.ErrNotFound.
func (q *Queries) Meeting(ctx context.Context, orgID, id int64) (*domain.Meeting, error) {
	m, err := scanMeeting(q.db.QueryRowContext(ctx, `SELECT `+meetingCols+` FROM meetings WHERE org_id = $1 AND id = $2`, orgID, id))
	if err := notFound(err, "meeting"); err != nil {
		return nil, err
	}
	rows, err := q.db.QueryContext(ctx, `SELECT unit_id FROM meeting_units WHERE meeting_id = $1 ORDER BY unit_id`, id)
	if err != nil {
		return nil, fmt.Errorf("meeting units: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var u int64
		if err := rows.Scan(&u); err != nil {
			return nil, fmt.Errorf("meeting units: %w", err)
		}
		m.UnitIDs = append(m.UnitIDs, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("meeting units: %w", err)
	}
	rows.Close()
	if m.GroupIDs, err = q.ids(ctx, `SELECT group_id FROM meeting_groups WHERE meeting_id = $1 ORDER BY group_id`, id); err != nil {
		return nil, fmt.Errorf("meeting groups: %w", err)
	}
	return m, nil
}

// MeetingFilter selects meetings; zero fields select all.
type MeetingFilter struct {
	OrgID   int64
	BlockID int64
	Year    int
	Period  domain.PeriodKind
	Query   string
	Limit   int
	Offset  int
}

// Meetings lists meetings newest first, with the total matching.
func (q *Queries) Meetings(ctx context.Context, f MeetingFilter) ([]domain.Meeting, int, error) {
	var a argList
	where := "WHERE org_id = " + a.add(f.OrgID)
	if f.BlockID != 0 {
		where += " AND block_id = " + a.add(f.BlockID)
	}
	if f.Year != 0 {
		where += " AND period_year = " + a.add(f.Year)
	}
	if f.Period != "" {
		where += " AND period = " + a.add(string(f.Period))
	}
	if f.Query != "" {
		where += " AND search_text LIKE " + a.add(textfold.LikePattern(f.Query)) + likeEscape
	}
	var total int
	if err := q.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM meetings `+where, a.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("list meetings: %w", err)
	}
	if f.Limit <= 0 {
		f.Limit = 20
	}
	query := `SELECT ` + meetingCols + ` FROM meetings ` + where + ` ORDER BY meeting_date DESC, id DESC LIMIT ` + a.add(f.Limit) + ` OFFSET ` + a.add(f.Offset)
	rows, err := q.db.QueryContext(ctx, query, a.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("list meetings: %w", err)
	}
	defer rows.Close()
	var out []domain.Meeting
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("list meetings: %w", err)
		}
		out = append(out, *m)
	}
	return out, total, rows.Err()
}
