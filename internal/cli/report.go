package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"giaoban/internal/config"
	"giaoban/internal/docs"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// Report writes reports from the database. Its one report is the stocktake
// (báo cáo tình hình thực hiện kết luận): `giaoban report stocktake --db DSN
// [--block ID] --since 2023-01-01 -o OUT.docx`.
func Report(ctx context.Context, args []string, env config.Env, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "stocktake" {
		return errors.New(config.ReportUsage)
	}
	cfg, err := config.ParseReport(args[1:], env, stderr)
	if err != nil {
		return err
	}
	st, svc, actor, err := openAs(ctx, cfg.DB, cfg.As, reportActor)
	if err != nil {
		return err
	}
	defer st.Close()
	data, err := svc.Stocktake(ctx, actor, cfg.Block, cfg.Since)
	if err != nil {
		return err
	}
	d := docs.Stocktake(data.Org, data)
	d.Signature = docs.Signature{Authority: cfg.SignerAuthority, Title: cfg.SignerTitle, Name: cfg.SignerName}
	var buf bytes.Buffer
	if err := docs.WriteDOCX(&buf, d); err != nil {
		return err
	}
	if err := os.WriteFile(cfg.Out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("không ghi được %s: %w", cfg.Out, err)
	}
	fmt.Fprintf(stdout, "%s: %d thông báo, %d nhiệm vụ, %d quá hạn\n", cfg.Out, len(data.Notices), data.Total.Assigned, data.Total.Overdue)
	return nil
}

// reportActor is the user named by --as (any role; a unit user gets their
// unit's report), or the organisation's first admin.
func reportActor(ctx context.Context, st *store.Store, username string) (*domain.User, error) {
	if username == "" {
		return importActor(ctx, st, "", 0)
	}
	u, _, err := st.UserByName(ctx, strings.ToLower(username))
	if err != nil {
		return nil, fmt.Errorf("người dùng %q: %w", username, err)
	}
	return u, nil
}
