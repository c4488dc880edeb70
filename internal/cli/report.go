package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"giaoban/internal/config"
	"giaoban/internal/docs"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

const reportUsage = "cách dùng: giaoban report stocktake [--db DSN] [--block ID] [--since 2023-01-01] -o BÁO_CÁO.docx"

// Report writes reports from the database. Its one report is the stocktake
// (báo cáo tình hình thực hiện kết luận): `giaoban report stocktake --db DSN
// [--block ID] --since 2023-01-01 -o OUT.docx`.
func Report(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "stocktake" {
		return errors.New(reportUsage)
	}
	def := config.Default()
	fs := flag.NewFlagSet("report stocktake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dsn := fs.String("db", envOr("GIAOBAN_DB", def.DB), "database: sqlite:PATH or postgres://…")
	as := fs.String("as", "", "the user the report is drawn up as; default: the first admin")
	block := fs.Int64("block", 0, "only the tasks of this block")
	sinceText := fs.String("since", "", "notices issued on or after this day (2023-01-01 or 1/1/2023)")
	out := fs.String("o", "", "the .docx file to write")
	authority := fs.String("signer-authority", "TM. ỦY BAN NHÂN DÂN", "signature authority line")
	title := fs.String("signer-title", "CHỦ TỊCH", "signer's position")
	name := fs.String("signer-name", "", "signer's name")
	rest, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) > 0 || *out == "" {
		return errors.New(reportUsage)
	}
	since, err := domain.ParseDate(*sinceText)
	if err != nil {
		return fmt.Errorf("--since: %w", err)
	}
	st, svc, actor, err := openAs(ctx, *dsn, *as, reportActor)
	if err != nil {
		return err
	}
	defer st.Close()
	data, err := svc.Stocktake(ctx, actor, *block, since)
	if err != nil {
		return err
	}
	d := docs.Stocktake(data.Org, data)
	d.Signature = docs.Signature{Authority: *authority, Title: *title, Name: *name}
	var buf bytes.Buffer
	if err := docs.WriteDOCX(&buf, d); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("không ghi được %s: %w", *out, err)
	}
	fmt.Fprintf(stdout, "%s: %d thông báo, %d nhiệm vụ, %d quá hạn\n", *out, len(data.Notices), data.Total.Assigned, data.Total.Overdue)
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
