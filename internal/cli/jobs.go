package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"

	"giaoban/internal/app"
	"giaoban/internal/config"
	"giaoban/internal/domain"
	"giaoban/internal/jobs"
	"giaoban/internal/store"
)

const jobsUsage = "cách dùng: giaoban jobs run snapshot [--db DSN] [--soon-days 7]"

// Jobs runs one background job once, as the server's job runner would and
// under the same claim, so that it never runs beside a server's run of it:
// `giaoban jobs run snapshot --db DSN`.
func Jobs(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) < 2 || args[0] != "run" {
		return errors.New(jobsUsage)
	}
	name := args[1]
	def := config.Default()
	soonDefault := def.SoonDays
	if n, err := strconv.Atoi(envOr("GIAOBAN_SOON_DAYS", "")); err == nil {
		soonDefault = n
	}
	fs := flag.NewFlagSet("jobs run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dsn := fs.String("db", envOr("GIAOBAN_DB", def.DB), "database: sqlite:PATH or postgres://…")
	soon := fs.Int("soon-days", soonDefault, "days before a deadline a task counts as due soon (GIAOBAN_SOON_DAYS)")
	rest, err := parseInterleaved(fs, args[2:])
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return errors.New(jobsUsage)
	}
	c := def
	c.DB, c.SoonDays = *dsn, *soon
	if err := c.Validate(); err != nil {
		return err
	}
	st, err := store.Open(ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := app.New(st, app.Options{SoonDays: c.SoonDays})
	r := &jobs.Runner{Store: st, Service: svc}
	if err := r.RunNow(ctx, name); err != nil {
		return err
	}
	j, err := st.Job(ctx, name)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "đã chạy %s; lần chạy tới: %s\n", name, j.NextRunAt.In(domain.Location).Format("15:04 02/01/2006"))
	return nil
}
