// Package storetest gives tests a real, empty database: SQLite always, and
// PostgreSQL as well when GIAOBAN_TEST_POSTGRES holds a DSN. Each test run
// creates its own PostgreSQL database and drops it at the end (call Main from
// TestMain); each test gets its own schema in it. It holds test code only
// and makes an empty, migrated database, nothing in it: a test that needs an
// organisation and users starts from internal/apptest.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"giaoban/internal/store"
)

// EnvPostgres names the variable holding the PostgreSQL server's DSN.
const EnvPostgres = "GIAOBAN_TEST_POSTGRES"

var (
	pgOnce sync.Once
	pgDSN  string // the run's own database
	pgErr  error
	pgName string
)

// Main runs the package's tests and drops the run's PostgreSQL database.
func Main(m interface{ Run() int }) int {
	code := m.Run()
	if pgName != "" {
		if err := dropDatabase(os.Getenv(EnvPostgres), pgName); err != nil {
			fmt.Fprintln(os.Stderr, "storetest:", err)
		}
	}
	return code
}

// Dialects are the databases tests run on here.
func Dialects() []store.Dialect {
	if os.Getenv(EnvPostgres) != "" {
		return []store.Dialect{store.SQLite, store.Postgres}
	}
	return []store.Dialect{store.SQLite}
}

// Each runs fn as a subtest on every database, each with a fresh store.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	for _, d := range Dialects() {
		t.Run(string(d), func(t *testing.T) {
			fn(t, Open(t, d))
		})
	}
}

// Open returns a fresh, migrated store of dialect d opened with opts,
// closed at the test's end.
func Open(t testing.TB, d store.Dialect, opts ...store.Option) *store.Store {
	t.Helper()
	return OpenDSN(t, DSN(t, d), opts...)
}

// OpenDSN opens the database dsn (from DSN) with opts, closed at the test's
// end; a second OpenDSN of one dsn is a second instance on one database.
func OpenDSN(t testing.TB, dsn string, opts ...store.Option) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn, opts...)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// DSN returns the DSN of a fresh, empty database of dialect d (for tests that
// open it themselves, e.g. to run two app instances on it).
func DSN(t testing.TB, d store.Dialect) string {
	t.Helper()
	if d == store.SQLite {
		return "sqlite:" + filepath.Join(t.TempDir(), "test.db")
	}
	pgOnce.Do(createDatabase)
	if pgErr != nil {
		t.Fatalf("postgres: %v", pgErr)
	}
	schema := fmt.Sprintf("t_%d", rand.Uint64())
	db, err := sql.Open("pgx", pgDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", pgDSN)
		if err == nil {
			db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) //nolint:errcheck
			db.Close()
		}
	})
	u, _ := url.Parse(pgDSN)
	qv := u.Query()
	qv.Set("search_path", schema)
	u.RawQuery = qv.Encode()
	return u.String()
}

func createDatabase() {
	base := os.Getenv(EnvPostgres)
	pgName = fmt.Sprintf("giaoban_test_%d_%d", os.Getpid(), rand.Uint32())
	db, err := sql.Open("pgx", base)
	if err != nil {
		pgErr = err
		return
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE DATABASE ` + pgName); err != nil {
		pgErr = fmt.Errorf("create database: %w", err)
		pgName = ""
		return
	}
	u, err := url.Parse(base)
	if err != nil {
		pgErr = err
		return
	}
	u.Path = "/" + pgName
	pgDSN = u.String()
}

func dropDatabase(base, name string) error {
	db, err := sql.Open("pgx", base)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
	return err
}
