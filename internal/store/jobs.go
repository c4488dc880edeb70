package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"giaoban/internal/domain"
)

// Job is one row of the jobs table: when a background job is due next, how
// its last run ended, and who holds it now.
type Job struct {
	Name        string
	NextRunAt   time.Time
	LastRunAt   time.Time // zero before the first run
	LastError   string    // "" when the last run succeeded
	LockedUntil time.Time // zero when nobody holds the job
	LockedBy    string
}

// forUpdateSkipLocked ends a SELECT that claims rows: on PostgreSQL it locks
// the rows read and passes over those another transaction has locked, so
// that instances claiming at the same moment neither wait for nor take the
// same job. SQLite has no row locks and needs none: Transact begins its
// transactions IMMEDIATE, taking the database's single write lock first, so
// a claim's read and its update cannot interleave with another claim's.
func (d Dialect) forUpdateSkipLocked() string {
	if d == Postgres {
		return " FOR UPDATE SKIP LOCKED"
	}
	return ""
}

// EnsureJob adds the job name, first due at next, unless it exists already
// (whose schedule it then leaves alone).
func (tx *Tx) EnsureJob(ctx context.Context, name string, next time.Time) error {
	_, err := tx.db.ExecContext(ctx, `INSERT INTO jobs (name, next_run_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
		name, timestamp(next))
	if err != nil {
		return fmt.Errorf("job %s: %w", name, err)
	}
	return nil
}

// ClaimJob leases the job name to owner until now+lease when it is due at
// now (or at once, with force) and nobody else holds an unexpired lease on
// it; it reports whether owner got the job. Of several instances claiming
// one job together, each in its own transaction, exactly one gets it.
// domain.ErrNotFound when no such job exists.
func (tx *Tx) ClaimJob(ctx context.Context, name, owner string, now time.Time, lease time.Duration, force bool) (bool, error) {
	var exists int
	if err := tx.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM jobs WHERE name = $1`, name).Scan(&exists); err != nil {
		return false, fmt.Errorf("claim job %s: %w", name, err)
	}
	if exists == 0 {
		return false, fmt.Errorf("%w: job %s", domain.ErrNotFound, name)
	}
	var a argList
	cond := `name = ` + a.add(name)
	at := a.add(timestamp(now))
	cond += ` AND (locked_until IS NULL OR locked_until < ` + at + `)`
	if !force {
		cond += ` AND next_run_at <= ` + at
	}
	var got string
	err := tx.db.QueryRowContext(ctx, `SELECT name FROM jobs WHERE `+cond+tx.d.forUpdateSkipLocked(), a.args...).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("claim job %s: %w", name, err)
	}
	if _, err := tx.db.ExecContext(ctx, `UPDATE jobs SET locked_until = $1, locked_by = $2 WHERE name = $3`,
		timestamp(now.Add(lease)), owner, name); err != nil {
		return false, fmt.Errorf("claim job %s: %w", name, err)
	}
	return true, nil
}

// FinishJob records a run of the job name that owner claimed: when it ended,
// its error ("" for success) and when the job is due next; it drops owner's
// lease. A run whose lease was lost to another instance meanwhile records
// nothing.
func (tx *Tx) FinishJob(ctx context.Context, name, owner string, ranAt time.Time, runErr string, next time.Time) error {
	_, err := tx.db.ExecContext(ctx, `UPDATE jobs SET last_run_at = $1, last_error = $2, next_run_at = $3, locked_until = NULL, locked_by = ''
		WHERE name = $4 AND locked_by = $5`, timestamp(ranAt), runErr, timestamp(next), name, owner)
	if err != nil {
		return fmt.Errorf("finish job %s: %w", name, err)
	}
	return nil
}

// Job reads the row of the job name, or domain.ErrNotFound.
func (q *Queries) Job(ctx context.Context, name string) (*Job, error) {
	j := &Job{Name: name}
	var next, last, until string
	err := q.db.QueryRowContext(ctx, `SELECT next_run_at, last_run_at, last_error, locked_until, locked_by FROM jobs WHERE name = $1`, name).
		Scan(&next, nullString{&last}, &j.LastError, nullString{&until}, &j.LockedBy)
	if err := notFound(err, "job"); err != nil {
		return nil, err
	}
	j.NextRunAt, j.LastRunAt, j.LockedUntil = parseTimestamp(next), parseTimestamp(last), parseTimestamp(until)
	return j, nil
}
