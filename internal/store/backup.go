package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
)

// Backup and restore of SQLite files. A SQLite database is copied with
// VACUUM INTO, which reads one consistent snapshot while the server goes on
// writing (WAL), and writes a compact file. PostgreSQL is backed up with
// its own pg_dump and pg_restore (internal/cli runs them).

// ErrNotEmpty answers a restore into a database that already holds tables.
var ErrNotEmpty = errors.New("cơ sở dữ liệu đích không trống: chỉ khôi phục vào một cơ sở dữ liệu mới, chưa có bảng nào")

// sqliteMagic begins every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// IsSQLiteFile reports whether path holds a SQLite database.
func IsSQLiteFile(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, _ := f.Read(head)
	return n == len(head) && bytes.Equal(head, sqliteMagic), nil
}

// BackupSQLite writes a consistent copy of the SQLite database to path,
// which must not exist, while other processes may be writing, and checks
// the copy (PRAGMA integrity_check). Open the store with OpenUnmigrated, so
// that the backup changes nothing in the database it copies.
func (s *Store) BackupSQLite(ctx context.Context, path string) error {
	if s.dialect != SQLite {
		return errors.New("backup: BackupSQLite on PostgreSQL (use pg_dump)")
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s đã tồn tại: hãy chọn tên tệp khác", path)
	}
	// The write connection: VACUUM INTO writes a file, which a query_only
	// read connection refuses. It only reads this database, in one
	// transaction, so writers of other processes go on.
	if _, err := s.w.ExecContext(ctx, `VACUUM INTO $1`, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("sao lưu: %w", err)
	}
	if err := checkSQLiteFile(ctx, path); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// RestoreSQLite copies the SQLite backup file into a new database at path,
// which must not exist or be empty, after checking the backup. Open the
// result with Open, which brings an older schema up to date.
func RestoreSQLite(ctx context.Context, backup, path string) error {
	ok, err := IsSQLiteFile(backup)
	if err != nil {
		return fmt.Errorf("khôi phục: %w", err)
	}
	if !ok {
		return fmt.Errorf("%s không phải tệp sao lưu SQLite của giaoban", backup)
	}
	if _, err := os.Stat(path); err == nil {
		// An existing file is accepted only without a table (one that
		// opening a new database left behind).
		st, err := open(ctx, "sqlite:"+path, nil)
		if err != nil {
			return err
		}
		empty, err := st.Empty(ctx)
		st.Close()
		if err != nil {
			return err
		}
		if !empty {
			return fmt.Errorf("%s: %w", path, ErrNotEmpty)
		}
		for _, f := range []string{path, path + "-wal", path + "-shm"} {
			os.Remove(f)
		}
	}
	if err := checkSQLiteFile(ctx, backup); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+backup+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("khôi phục: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO $1`, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("khôi phục: %w", err)
	}
	return nil
}

// checkSQLiteFile runs PRAGMA integrity_check on the file at path and
// checks that it is a giaoban database (it has schema_migrations).
func checkSQLiteFile(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return fmt.Errorf("kiểm tra %s: %w", path, err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return fmt.Errorf("kiểm tra %s: %w", path, err)
	}
	if res != "ok" {
		return fmt.Errorf("tệp %s bị hỏng (integrity_check: %s)", path, res)
	}
	var v int
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v); err != nil || v == 0 {
		return fmt.Errorf("%s không phải cơ sở dữ liệu của giaoban", path)
	}
	return nil
}

// IntegrityCheck runs SQLite's PRAGMA integrity_check on the store and
// returns its answer ("ok" when sound); on PostgreSQL, which checks itself,
// it answers "ok" once the database answers.
func (s *Store) IntegrityCheck(ctx context.Context) (string, error) {
	if s.dialect != SQLite {
		return "ok", s.Ping(ctx)
	}
	rows, err := s.r.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return "", fmt.Errorf("integrity check: %w", err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return "", fmt.Errorf("integrity check: %w", err)
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "; "), rows.Err()
}

// Empty reports whether the database has no table at all (in its schema,
// on PostgreSQL): a restore goes only there. Open it with OpenUnmigrated.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	query := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'`
	if s.dialect == Postgres {
		query = `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()`
	}
	var n int
	if err := s.w.QueryRowContext(ctx, query).Scan(&n); err != nil {
		return false, fmt.Errorf("check database: %w", err)
	}
	return n == 0, nil
}

// BackupSummary counts what a database holds, for the line backup and
// restore print: tables, rows of the main ones, attachments and their bytes.
type BackupSummary struct {
	Tables, Tasks, Reports, Attachments, Users int
	AttachmentBytes                            int64
}

// Summary counts what the store holds.
func (s *Store) Summary(ctx context.Context) (BackupSummary, error) {
	var b BackupSummary
	tables := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	if s.dialect == Postgres {
		tables = `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()`
	}
	if err := s.r.QueryRowContext(ctx, tables).Scan(&b.Tables); err != nil {
		return b, fmt.Errorf("summary: %w", err)
	}
	err := s.r.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM tasks), (SELECT COUNT(*) FROM reports), (SELECT COUNT(*) FROM attachments),
		(SELECT COALESCE(SUM(size), 0) FROM attachments), (SELECT COUNT(*) FROM users)`).
		Scan(&b.Tasks, &b.Reports, &b.Attachments, &b.AttachmentBytes, &b.Users)
	if err != nil {
		return b, fmt.Errorf("summary: %w", err)
	}
	return b, nil
}
