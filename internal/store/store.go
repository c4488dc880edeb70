// Package store is giaoban's only SQL: one file per entity, every call taking a
// context. It runs on SQLite (the embedded default) and PostgreSQL (several app
// instances sharing one database); where the two differ, the difference lives
// in a named helper of dialect.go. Reads run on Store; writes exist only on
// Tx, inside Transact. It holds no permission checks, validation or audit
// decisions — those are internal/app's.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver "pgx"
	_ "modernc.org/sqlite"             // SQLite driver "sqlite"
)

// Store is an open database: a read pool, and a write pool (a single
// connection on SQLite, whose writers queue anyway). Its methods read (those
// of Queries, on the read pool); writing takes a transaction, Transact.
type Store struct {
	Queries
	w       *sql.DB
	r       *sql.DB
	dialect Dialect
}

// Tx is one transaction on the write pool, handed to the function given to
// Transact. It reads as Queries does, inside the transaction, and it alone
// has the methods that write (Create*, Update*, Set*, Delete*, Record*,
// Audit, ...), so the compiler refuses a write on the read pool.
type Tx struct {
	Queries
	tx *sql.Tx
}

// Queries holds every reading statement; Store runs them on the read pool
// and Tx inside its transaction. The writing statements are Tx's.
type Queries struct {
	db querier
	d  Dialect
	// now is the clock given to Open (WithClock).
	now func() time.Time
}

type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Option is a setting of Open.
type Option func(*Store)

// WithClock makes now the store's clock: the time it stamps on the rows it
// writes (created_at, last updates, sessions, the audit log) and the "now"
// the service reads through Store.Now. Tests pass a fixed clock; the default
// is time.Now.
func WithClock(now func() time.Time) Option {
	return func(s *Store) { s.now = now }
}

// Open connects to dsn — "sqlite:PATH" (or a bare path) or "postgres://…" —
// and applies the embedded migrations.
func Open(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	s, err := open(ctx, dsn, opts)
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// open connects without migrating.
func open(ctx context.Context, dsn string, opts []Option) (*Store, error) {
	s := &Store{}
	var err error
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		s.dialect = Postgres
		if s.w, err = sql.Open("pgx", dsn); err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		s.w.SetMaxOpenConns(20)
		s.w.SetMaxIdleConns(10)
		s.w.SetConnMaxIdleTime(5 * time.Minute)
		s.r = s.w
	default:
		s.dialect = SQLite
		path := strings.TrimPrefix(dsn, "sqlite:")
		if path == "" {
			return nil, errors.New("open sqlite: empty path")
		}
		// busy_timeout first, so that the WAL switch itself waits for a lock.
		params := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
		if s.w, err = sql.Open("sqlite", "file:"+path+"?"+params+"&_txlock=immediate"); err != nil {
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
		s.w.SetMaxOpenConns(1)
		if s.r, err = sql.Open("sqlite", "file:"+path+"?"+params+"&_pragma=query_only(1)"); err != nil {
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
		s.r.SetMaxOpenConns(8)
	}
	s.Queries = Queries{db: s.r, d: s.dialect, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := s.w.PingContext(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	return s, nil
}

// Close closes both pools.
func (s *Store) Close() error {
	var err error
	if s.r != nil && s.r != s.w {
		err = s.r.Close()
	}
	if s.w != nil {
		err = errors.Join(err, s.w.Close())
	}
	return err
}

// Pools returns the statistics of each connection pool by name, for
// monitoring: "write" and "read" on SQLite, one "shared" pool on PostgreSQL.
func (s *Store) Pools() map[string]func() sql.DBStats {
	if s.r == s.w {
		return map[string]func() sql.DBStats{"shared": s.w.Stats}
	}
	return map[string]func() sql.DBStats{"write": s.w.Stats, "read": s.r.Stats}
}

// Dialect is which database this is.
func (s *Store) Dialect() Dialect { return s.dialect }

// Ping reports whether the database answers; /healthz uses it.
func (s *Store) Ping(ctx context.Context) error {
	return s.w.PingContext(ctx)
}

// Transact runs fn in a transaction on the write pool and commits it, or rolls
// it back when fn returns an error. A serialisation failure or a busy database
// is retried a few times with a short random pause; fn must therefore be safe
// to run again.
func (s *Store) Transact(ctx context.Context, fn func(tx *Tx) error) error {
	const attempts = 5
	var err error
	for i := 0; i < attempts; i++ {
		err = s.transactOnce(ctx, fn)
		if err == nil || !s.dialect.retryable(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(5+rand.IntN(20*(i+1))) * time.Millisecond):
		}
	}
	return err
}

func (s *Store) transactOnce(ctx context.Context, fn func(tx *Tx) error) (err error) {
	sqlTx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	tx := &Tx{Queries: Queries{db: sqlTx, d: s.dialect, now: s.now}, tx: sqlTx}
	defer func() {
		if p := recover(); p != nil {
			_ = sqlTx.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx); err != nil {
		_ = sqlTx.Rollback()
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// timestamp formats an instant as stored: ISO text in UTC to the second.
func timestamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

func parseTimestamp(s string) time.Time {
	t, _ := time.Parse("2006-01-02T15:04:05Z", s)
	return t
}

func (q *Queries) nowText() string { return timestamp(q.now()) }

// Now is the store's clock, given to Open (WithClock).
func (q *Queries) Now() time.Time { return q.now() }
