package store

import (
	"context"
	"fmt"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/textfold"
)

const noticeCols = `id, org_id, meeting_id, number, symbol, place, issued_on, title, signer_authority, signer_title, signer_name,
	recipients, state, revision, supersedes_id, version, correction, issuer, superior`

func scanNotice(sc interface{ Scan(...any) error }) (*domain.Notice, error) {
	var n domain.Notice
	var recipients, state, correction string
	err := sc.Scan(&n.ID, &n.OrgID, nullID{&n.MeetingID}, &n.Number, &n.Symbol, &n.Place, nullDate{&n.IssuedOn}, &n.Title,
		&n.SignerAuthority, &n.SignerTitle, &n.SignerName, &recipients, &state, &n.Revision, nullID{&n.SupersedesID}, &n.Version, &correction,
		&n.Issuer, &n.Superior)
	if err != nil {
		return nil, err
	}
	n.Recipients, n.State, n.Correction = splitLines(recipients), domain.NoticeState(state), domain.CorrectionKind(correction)
	return &n, nil
}

func noticeSearch(n *domain.Notice) string {
	parts := []string{n.Number + "/" + n.Symbol, n.Title, n.SignerName}
	for _, s := range n.Sections {
		parts = append(parts, s.Heading, s.Body)
	}
	return textfold.Fold(strings.Join(parts, " "))
}

// CreateNotice inserts a notice and its sections.
func (tx *Tx) CreateNotice(ctx context.Context, n *domain.Notice) error {
	if n.Revision == 0 {
		n.Revision = 1
	}
	err := tx.db.QueryRowContext(ctx, `INSERT INTO notices (org_id, meeting_id, number, symbol, place, issued_on, title, signer_authority,
		signer_title, signer_name, recipients, state, revision, supersedes_id, search_text, version, created_at, correction, issuer, superior)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16, $17, $18, $19) RETURNING id`,
		n.OrgID, idArg(n.MeetingID), n.Number, n.Symbol, n.Place, dateArg(n.IssuedOn), n.Title, n.SignerAuthority, n.SignerTitle,
		n.SignerName, lines(n.Recipients), string(n.State), n.Revision, idArg(n.SupersedesID), noticeSearch(n), tx.nowText(),
		string(n.Correction), n.Issuer, n.Superior).Scan(&n.ID)
	if err != nil {
		return fmt.Errorf("create notice: %w", err)
	}
	n.Version = 1
	return tx.insertSections(ctx, n)
}

func (tx *Tx) insertSections(ctx context.Context, n *domain.Notice) error {
	for i := range n.Sections {
		s := &n.Sections[i]
		s.Ord = i + 1
		if s.Kind == "" {
			s.Kind = domain.SectionOther
		}
		err := tx.db.QueryRowContext(ctx, `INSERT INTO notice_sections (notice_id, ord, kind, heading, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			n.ID, s.Ord, string(s.Kind), s.Heading, s.Body).Scan(&s.ID)
		if err != nil {
			return fmt.Errorf("notice section: %w", err)
		}
	}
	return nil
}

// UpdateNotice saves a notice under optimistic locking. Sections that keep
// their id are updated in place (tasks keep pointing at them); new ones are
// added; missing ones are removed when no task points at them.
func (tx *Tx) UpdateNotice(ctx context.Context, n *domain.Notice) error {
	res, err := tx.db.ExecContext(ctx, `UPDATE notices SET meeting_id = $1, number = $2, symbol = $3, place = $4, issued_on = $5,
		title = $6, signer_authority = $7, signer_title = $8, signer_name = $9, recipients = $10, state = $11, search_text = $12,
		issuer = $16, superior = $17, version = version + 1 WHERE id = $13 AND org_id = $14 AND version = $15`,
		idArg(n.MeetingID), n.Number, n.Symbol, n.Place, dateArg(n.IssuedOn), n.Title, n.SignerAuthority, n.SignerTitle, n.SignerName,
		lines(n.Recipients), string(n.State), noticeSearch(n), n.ID, n.OrgID, n.Version, n.Issuer, n.Superior)
	if err != nil {
		return fmt.Errorf("update notice: %w", err)
	}
	if c, _ := res.RowsAffected(); c == 0 {
		return domain.ErrConflict
	}
	n.Version++
	keep := map[int64]bool{}
	for i := range n.Sections {
		s := &n.Sections[i]
		s.Ord = i + 1
		if s.Kind == "" {
			s.Kind = domain.SectionOther
		}
		if s.ID == 0 {
			err := tx.db.QueryRowContext(ctx, `INSERT INTO notice_sections (notice_id, ord, kind, heading, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
				n.ID, s.Ord, string(s.Kind), s.Heading, s.Body).Scan(&s.ID)
			if err != nil {
				return fmt.Errorf("notice section: %w", err)
			}
		} else if _, err := tx.db.ExecContext(ctx, `UPDATE notice_sections SET ord = $1, kind = $2, heading = $3, body = $4 WHERE id = $5 AND notice_id = $6`,
			s.Ord, string(s.Kind), s.Heading, s.Body, s.ID, n.ID); err != nil {
			return fmt.Errorf("notice section: %w", err)
		}
		keep[s.ID] = true
	}
	old, err := tx.sections(ctx, n.ID)
	if err != nil {
		return err
	}
	for _, s := range old {
		if keep[s.ID] {
			continue
		}
		if _, err := tx.db.ExecContext(ctx, `UPDATE tasks SET section_id = NULL WHERE section_id = $1`, s.ID); err != nil {
			return fmt.Errorf("notice section: %w", err)
		}
		if _, err := tx.db.ExecContext(ctx, `DELETE FROM notice_sections WHERE id = $1`, s.ID); err != nil {
			return fmt.Errorf("notice section: %w", err)
		}
	}
	return nil
}

// SetNoticeState changes only the state (issuing, superseding) under
// optimistic locking. The notice's tasks enter the figures when it is issued
// and leave them when it no longer is, in the same transaction.
func (tx *Tx) SetNoticeState(ctx context.Context, n *domain.Notice, state domain.NoticeState) error {
	res, err := tx.db.ExecContext(ctx, `UPDATE notices SET state = $1, version = version + 1 WHERE id = $2 AND version = $3`, string(state), n.ID, n.Version)
	if err != nil {
		return fmt.Errorf("notice state: %w", err)
	}
	if c, _ := res.RowsAffected(); c == 0 {
		return domain.ErrConflict
	}
	n.State = state
	n.Version++
	return tx.relive(ctx, n.OrgID, n.ID)
}

func (q *Queries) sections(ctx context.Context, noticeID int64) ([]domain.Section, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT id, ord, kind, heading, body FROM notice_sections WHERE notice_id = $1 ORDER BY ord, id`, noticeID)
	if err != nil {
		return nil, fmt.Errorf("notice sections: %w", err)
	}
	defer rows.Close()
	var out []domain.Section
	for rows.Next() {
		var s domain.Section
		var kind string
		if err := rows.Scan(&s.ID, &s.Ord, &kind, &s.Heading, &s.Body); err != nil {
			return nil, fmt.Errorf("notice sections: %w", err)
		}
		s.Kind = domain.SectionKind(kind)
		out = append(out, s)
	}
	return out, rows.Err()
}

// Notice returns one notice of the organisation with its sections, or domain.ErrNotFound.
func (q *Queries) Notice(ctx context.Context, orgID, id int64) (*domain.Notice, error) {
	n, err := scanNotice(q.db.QueryRowContext(ctx, `SELECT `+noticeCols+` FROM notices WHERE org_id = $1 AND id = $2`, orgID, id))
	if err := notFound(err, "notice"); err != nil {
		return nil, err
	}
	if n.Sections, err = q.sections(ctx, id); err != nil {
		return nil, err
	}
	return n, nil
}

// NoticeFilter selects notices; zero fields select all.
type NoticeFilter struct {
	OrgID     int64
	MeetingID int64
	State     domain.NoticeState
	Query     string
	// NoDrafts leaves drafts out: the service sets it for whoever does not
	// write notices.
	NoDrafts bool
	Limit    int
	Offset   int
}

// Notices lists notices newest first (without sections), with the total matching.
func (q *Queries) Notices(ctx context.Context, f NoticeFilter) ([]domain.Notice, int, error) {
	var a argList
	where := "WHERE org_id = " + a.add(f.OrgID)
	if f.MeetingID != 0 {
		where += " AND meeting_id = " + a.add(f.MeetingID)
	}
	if f.State != "" {
		where += " AND state = " + a.add(string(f.State))
	}
	if f.NoDrafts {
		where += " AND state <> 'draft'"
	}
	if f.Query != "" {
		where += " AND search_text LIKE " + a.add(textfold.LikePattern(f.Query)) + likeEscape
	}
	var total int
	if err := q.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM notices `+where, a.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("list notices: %w", err)
	}
	if f.Limit <= 0 {
		f.Limit = 20
	}
	tail := where + ` ORDER BY COALESCE(issued_on, created_at) DESC, id DESC LIMIT ` + a.add(f.Limit) + ` OFFSET ` + a.add(f.Offset)
	out, err := q.noticesWhere(ctx, tail, a.args...)
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// NoticeCorrections lists the notices that correct notice id, oldest first.
func (q *Queries) NoticeCorrections(ctx context.Context, orgID, id int64) ([]domain.Notice, error) {
	return q.noticesWhere(ctx, `WHERE org_id = $1 AND supersedes_id = $2 ORDER BY id`, orgID, id)
}

// NoticesNumbered lists the organisation's notices with number and symbol
// (folded alike: "12" and "012" are not the same number) issued in year,
// oldest first; state "" means any.
func (q *Queries) NoticesNumbered(ctx context.Context, orgID int64, number, symbol string, year int, state domain.NoticeState) ([]domain.Notice, error) {
	var a argList
	where := `WHERE org_id = ` + a.add(orgID) + ` AND number = ` + a.add(number) + ` AND lower(symbol) = lower(` + a.add(symbol) + `)
		AND issued_on >= ` + a.add(fmt.Sprintf("%04d-01-01", year)) + ` AND issued_on <= ` + a.add(fmt.Sprintf("%04d-12-31", year))
	if state != "" {
		where += ` AND state = ` + a.add(string(state))
	}
	return q.noticesWhere(ctx, where+` ORDER BY id`, a.args...)
}

// NoticeTexts returns the organisation's notices issued on day (or, for a
// zero day, every notice) with their sections, for finding the same document
// entered twice.
func (q *Queries) NoticeTexts(ctx context.Context, orgID int64, day domain.Date) ([]domain.Notice, error) {
	var ns []domain.Notice
	var err error
	if day.IsZero() {
		ns, err = q.noticesWhere(ctx, `WHERE org_id = $1 ORDER BY id`, orgID)
	} else {
		ns, err = q.noticesWhere(ctx, `WHERE org_id = $1 AND issued_on = $2 ORDER BY id`, orgID, day.String())
	}
	if err != nil {
		return nil, err
	}
	for i := range ns {
		if ns[i].Sections, err = q.sections(ctx, ns[i].ID); err != nil {
			return nil, err
		}
	}
	return ns, nil
}

// noticesWhere reads the notices (without sections) that tail, the query's
// WHERE, ORDER BY and LIMIT, selects.
func (q *Queries) noticesWhere(ctx context.Context, tail string, args ...any) ([]domain.Notice, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT `+noticeCols+` FROM notices `+tail, args...)
	if err != nil {
		return nil, fmt.Errorf("list notices: %w", err)
	}
	defer rows.Close()
	var out []domain.Notice
	for rows.Next() {
		n, err := scanNotice(rows)
		if err != nil {
			return nil, fmt.Errorf("list notices: %w", err)
		}
		out = append(out, *n)
	}
	return out, rows.Err()
}

// MoveNoticeTasks points the tasks of notice from (proposed changes aside)
// at notice to, a replacing notice: each keeps the section of the same place
// in to's body when there is one. The moved tasks count as to's state says.
func (tx *Tx) MoveNoticeTasks(ctx context.Context, orgID, from, to int64) error {
	oldSecs, err := tx.sections(ctx, from)
	if err != nil {
		return err
	}
	newSecs, err := tx.sections(ctx, to)
	if err != nil {
		return err
	}
	for i, s := range oldSecs {
		var target any
		if i < len(newSecs) {
			target = newSecs[i].ID
		}
		if _, err := tx.db.ExecContext(ctx, `UPDATE tasks SET section_id = $1 WHERE notice_id = $2 AND section_id = $3 AND origin_id IS NULL`,
			target, from, s.ID); err != nil {
			return fmt.Errorf("move notice tasks: %w", err)
		}
	}
	if _, err := tx.db.ExecContext(ctx, `UPDATE tasks SET notice_id = $1 WHERE notice_id = $2 AND origin_id IS NULL`, to, from); err != nil {
		return fmt.Errorf("move notice tasks: %w", err)
	}
	return tx.relive(ctx, orgID, to)
}
