package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"giaoban/internal/domain"
)

const userCols = `id, org_id, username, full_name, role, unit_id, disabled, version`

func scanUser(sc interface{ Scan(...any) error }) (*domain.User, error) {
	var u domain.User
	var role string
	var disabled int
	if err := sc.Scan(&u.ID, &u.OrgID, &u.Username, &u.FullName, &role, nullID{&u.UnitID}, &disabled, &u.Version); err != nil {
		return nil, err
	}
	u.Role = domain.Role(role)
	u.Disabled = disabled == 1
	return &u, nil
}

// CreateUser inserts a user with an already-hashed password. A taken user
// name gives domain.ErrDuplicate.
func (tx *Tx) CreateUser(ctx context.Context, u *domain.User, passwordHash string) error {
	err := tx.db.QueryRowContext(ctx,
		`INSERT INTO users (org_id, username, full_name, role, unit_id, password_hash, disabled, version, created_at)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8) RETURNING id`,
		u.OrgID, u.Username, u.FullName, string(u.Role), idArg(u.UnitID), passwordHash, boolInt(u.Disabled), tx.nowText()).Scan(&u.ID)
	if isUniqueViolation(err) {
		return fmt.Errorf("tên đăng nhập %q %w", u.Username, domain.ErrDuplicate)
	}
	if err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	u.Version = 1
	return nil
}

// UpdateUser saves name, role, unit and disabled flag under optimistic locking.
func (tx *Tx) UpdateUser(ctx context.Context, u *domain.User) error {
	res, err := tx.db.ExecContext(ctx,
		`UPDATE users SET full_name = $1, role = $2, unit_id = $3, disabled = $4, version = version + 1
		 WHERE id = $5 AND org_id = $6 AND version = $7`,
		u.FullName, string(u.Role), idArg(u.UnitID), boolInt(u.Disabled), u.ID, u.OrgID, u.Version)
	if err != nil {
		return fmt.Errorf("update user: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrConflict
	}
	u.Version++
	return nil
}

// SetPassword replaces a user's password hash, ends all their sessions and
// revokes all their API tokens: whoever knew the old password may have made
// one.
func (tx *Tx) SetPassword(ctx context.Context, userID int64, hash string) error {
	if _, err := tx.db.ExecContext(ctx, `UPDATE users SET password_hash = $1, version = version + 1 WHERE id = $2`, hash, userID); err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	if _, err := tx.db.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	if _, err := tx.db.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL`, tx.nowText(), userID); err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	return nil
}

// RehashPassword stores a new hash of the same password (stronger or
// lighter parameters): sessions, tokens and the user's version stay.
func (tx *Tx) RehashPassword(ctx context.Context, userID int64, hash string) error {
	if _, err := tx.db.ExecContext(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`, hash, userID); err != nil {
		return fmt.Errorf("rehash password: %w", err)
	}
	return nil
}

// LockActiveAdmins returns the ids of the organisation's administrators who
// may sign in, and holds their rows until the transaction ends, so that two
// admins demoting each other at once cannot leave none.
func (tx *Tx) LockActiveAdmins(ctx context.Context, orgID int64) ([]int64, error) {
	rows, err := tx.db.QueryContext(ctx, `SELECT id FROM users WHERE org_id = $1 AND role = $2 AND disabled = 0 ORDER BY id`+tx.d.forUpdate(),
		orgID, string(domain.RoleAdmin))
	if err != nil {
		return nil, fmt.Errorf("active admins: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("active admins: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// User returns one user or domain.ErrNotFound.
func (q *Queries) User(ctx context.Context, id int64) (*domain.User, error) {
	u, err := scanUser(q.db.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE id = $1`, id))
	if err := notFound(err, "user"); err != nil {
		return nil, err
	}
	return u, nil
}

// UserByName returns a user and their password hash, or domain.ErrNotFound.
func (q *Queries) UserByName(ctx context.Context, username string) (*domain.User, string, error) {
	var hash string
	row := q.db.QueryRowContext(ctx, `SELECT `+userCols+`, password_hash FROM users WHERE username = $1`, username)
	var u domain.User
	var role string
	var disabled int
	err := row.Scan(&u.ID, &u.OrgID, &u.Username, &u.FullName, &role, nullID{&u.UnitID}, &disabled, &u.Version, &hash)
	if err := notFound(err, "user"); err != nil {
		return nil, "", err
	}
	u.Role = domain.Role(role)
	u.Disabled = disabled == 1
	return &u, hash, nil
}

// Users lists an organisation's users by user name.
func (q *Queries) Users(ctx context.Context, orgID int64) ([]domain.User, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT `+userCols+` FROM users WHERE org_id = $1 ORDER BY username`, orgID)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []domain.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		out = append(out, *u)
	}
	return out, rows.Err()
}

// CreateSession stores a session by the hash of its token.
func (tx *Tx) CreateSession(ctx context.Context, tokenHash string, userID int64, csrf string, ttl time.Duration) error {
	now := tx.now()
	_, err := tx.db.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
		tokenHash, userID, csrf, timestamp(now), timestamp(now.Add(ttl)))
	if err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	return nil
}

// Session returns the live session's user and CSRF token, or domain.ErrUnauthenticated.
func (q *Queries) Session(ctx context.Context, tokenHash string) (*domain.User, string, error) {
	var csrf string
	var u domain.User
	var role string
	var disabled int
	err := q.db.QueryRowContext(ctx, `SELECT u.id, u.org_id, u.username, u.full_name, u.role, u.unit_id, u.disabled, u.version, s.csrf_token
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2`, tokenHash, q.nowText()).
		Scan(&u.ID, &u.OrgID, &u.Username, &u.FullName, &role, nullID{&u.UnitID}, &disabled, &u.Version, &csrf)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", domain.ErrUnauthenticated
	}
	if err != nil {
		return nil, "", fmt.Errorf("session: %w", err)
	}
	u.Role = domain.Role(role)
	u.Disabled = disabled == 1
	if u.Disabled {
		return nil, "", domain.ErrUnauthenticated
	}
	return &u, csrf, nil
}

// DeleteSession ends a session; also sweeps expired ones.
func (tx *Tx) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := tx.db.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1 OR expires_at <= $2`, tokenHash, tx.nowText()); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// APIToken is an integration's token, shown by name; its secret is never stored.
type APIToken struct {
	ID        int64
	UserID    int64
	Name      string
	CreatedAt time.Time
	Revoked   bool
}

// CreateAPIToken stores the hash of a new token for user.
func (tx *Tx) CreateAPIToken(ctx context.Context, userID int64, name, tokenHash string) (int64, error) {
	var id int64
	err := tx.db.QueryRowContext(ctx, `INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		userID, name, tokenHash, tx.nowText()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("create token: %w", err)
	}
	return id, nil
}

// APITokens lists a user's tokens.
func (q *Queries) APITokens(ctx context.Context, userID int64) ([]APIToken, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT id, user_id, name, created_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY id`, userID)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		var t APIToken
		var created string
		var revoked sql.NullString
		if err := rows.Scan(&t.ID, &t.UserID, &t.Name, &created, &revoked); err != nil {
			return nil, fmt.Errorf("list tokens: %w", err)
		}
		t.CreatedAt, t.Revoked = parseTimestamp(created), revoked.Valid
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeAPIToken revokes one of a user's tokens.
func (tx *Tx) RevokeAPIToken(ctx context.Context, userID, id int64) error {
	res, err := tx.db.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL`, tx.nowText(), id, userID)
	if err != nil {
		return fmt.Errorf("revoke token: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrNotFound
	}
	return nil
}

// UserByAPIToken returns the enabled user owning a live token, or domain.ErrUnauthenticated.
func (q *Queries) UserByAPIToken(ctx context.Context, tokenHash string) (*domain.User, error) {
	u, err := scanUser(q.db.QueryRowContext(ctx, `SELECT u.id, u.org_id, u.username, u.full_name, u.role, u.unit_id, u.disabled, u.version
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL`, tokenHash))
	if errors.Is(err, sql.ErrNoRows) || (err == nil && u.Disabled) {
		return nil, domain.ErrUnauthenticated
	}
	if err != nil {
		return nil, fmt.Errorf("token: %w", err)
	}
	return u, nil
}

// LoginFailures is the number of failed logins for key within the window.
func (q *Queries) LoginFailures(ctx context.Context, key string, window time.Duration) (int, error) {
	var n int
	var start string
	err := q.db.QueryRowContext(ctx, `SELECT failures, window_start FROM login_failures WHERE key = $1`, key).Scan(&n, &start)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("login failures: %w", err)
	}
	if q.now().Sub(parseTimestamp(start)) > window {
		return 0, nil
	}
	return n, nil
}

// RecordLoginFailure counts one failed login for key, starting a new window
// when the last one is over.
func (tx *Tx) RecordLoginFailure(ctx context.Context, key string, window time.Duration) error {
	now := tx.now()
	cutoff := timestamp(now.Add(-window))
	_, err := tx.db.ExecContext(ctx, `INSERT INTO login_failures (key, window_start, failures) VALUES ($1, $2, 1)
		ON CONFLICT (key) DO UPDATE SET
		  failures = CASE WHEN login_failures.window_start < $3 THEN 1 ELSE login_failures.failures + 1 END,
		  window_start = CASE WHEN login_failures.window_start < $3 THEN $2 ELSE login_failures.window_start END`,
		key, timestamp(now), cutoff)
	if err != nil {
		return fmt.Errorf("record login failure: %w", err)
	}
	return nil
}

// ClearLoginFailures forgets the failures of key after a successful login.
func (tx *Tx) ClearLoginFailures(ctx context.Context, key string) error {
	if _, err := tx.db.ExecContext(ctx, `DELETE FROM login_failures WHERE key = $1`, key); err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	return nil
}
