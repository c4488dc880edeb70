package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"strings"

	"giaoban/internal/config"
	"giaoban/internal/store"
)

// Backup writes a consistent copy of a running database: `giaoban backup
// [--db DSN] -o FILE`. A SQLite database is copied whole (VACUUM INTO,
// attachments included, as they live in it) while the server goes on; a
// PostgreSQL one is dumped by pg_dump in its custom format. The database is
// neither migrated nor otherwise changed.
func Backup(ctx context.Context, args []string, env config.Env, stdout, stderr io.Writer) error {
	cfg, err := config.ParseBackup(args, env, stderr)
	if err != nil {
		return err
	}
	if _, err := os.Stat(cfg.Out); err == nil {
		return fmt.Errorf("%s đã tồn tại: hãy chọn tên tệp khác", cfg.Out)
	}
	st, err := store.OpenUnmigrated(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := st.Summary(ctx)
	if err != nil {
		return err
	}
	if st.Dialect() == store.Postgres {
		if err := pgTool(ctx, "pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", cfg.Out, "--dbname", cfg.DB); err != nil {
			os.Remove(cfg.Out)
			return err
		}
	} else if err := st.BackupSQLite(ctx, cfg.Out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã sao lưu vào %s: %s\n", cfg.Out, describe(sum))
	return nil
}

// Restore puts a backup into an empty database: `giaoban restore [--db DSN]
// FILE`. A SQLite backup goes into a new SQLite file, a pg_dump file into an
// empty PostgreSQL database (pg_restore); then the schema is brought up to
// this version's, as at every start.
func Restore(ctx context.Context, args []string, env config.Env, stdout, stderr io.Writer) error {
	cfg, err := config.ParseRestore(args, env, stderr)
	if err != nil {
		return err
	}
	sqliteFile, err := store.IsSQLiteFile(cfg.File)
	if err != nil {
		return fmt.Errorf("không mở được tệp sao lưu: %w", err)
	}
	postgres := strings.HasPrefix(cfg.DB, "postgres://") || strings.HasPrefix(cfg.DB, "postgresql://")
	switch {
	case !postgres && sqliteFile:
		if err := store.RestoreSQLite(ctx, cfg.File, strings.TrimPrefix(cfg.DB, "sqlite:")); err != nil {
			return err
		}
	case postgres && !sqliteFile:
		target, err := store.OpenUnmigrated(ctx, cfg.DB)
		if err != nil {
			return err
		}
		empty, err := target.Empty(ctx)
		target.Close()
		if err != nil {
			return err
		}
		if !empty {
			return store.ErrNotEmpty
		}
		if err := pgTool(ctx, "pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", cfg.DB, cfg.File); err != nil {
			return err
		}
	case sqliteFile:
		return fmt.Errorf("%s là bản sao lưu SQLite: hãy khôi phục vào --db sqlite:TỆP_MỚI", cfg.File)
	default:
		return fmt.Errorf("%s không phải bản sao lưu SQLite: bản pg_dump khôi phục vào --db postgres://…", cfg.File)
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return fmt.Errorf("mở cơ sở dữ liệu đã khôi phục: %w", err)
	}
	defer st.Close()
	sum, err := st.Summary(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã khôi phục %s: %s\n", cfg.File, describe(sum))
	return nil
}

// describe says what a database holds, in one line.
func describe(s store.BackupSummary) string {
	return fmt.Sprintf("%d bảng, %d nhiệm vụ, %d báo cáo, %d tệp đính kèm (%d KB), %d người dùng",
		s.Tables, s.Tasks, s.Reports, s.Attachments, s.AttachmentBytes>>10, s.Users)
}

// pgTool runs pg_dump or pg_restore; its own message comes back on failure.
// The password of a DSN among args goes in PGPASSWORD rather than on the
// command line, where any user of the machine could read it.
func pgTool(ctx context.Context, tool string, args ...string) error {
	bin, err := exec.LookPath(tool)
	if err != nil {
		return fmt.Errorf("cần %s (gói postgresql-client) để sao lưu và khôi phục PostgreSQL: %w", tool, err)
	}
	env := os.Environ()
	for i, a := range args {
		u, err := url.Parse(a)
		if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.User == nil {
			continue
		}
		if pw, ok := u.User.Password(); ok {
			env = append(env, "PGPASSWORD="+pw)
			u.User = url.User(u.User.Username())
			args[i] = u.String()
		}
	}
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(out.String())
		var ee *exec.ExitError
		if errors.As(err, &ee) && msg != "" {
			return fmt.Errorf("%s: %s", tool, msg)
		}
		return fmt.Errorf("%s: %w", tool, err)
	}
	return nil
}
