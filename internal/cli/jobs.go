package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"giaoban/internal/app"
	"giaoban/internal/config"
	"giaoban/internal/domain"
	"giaoban/internal/jobs"
	"giaoban/internal/store"
)

// Jobs runs one background job once, as the server's job runner would and
// under the same claim, so that it never runs beside a server's run of it:
// `giaoban jobs run snapshot --db DSN`. The run's outcome is logged on stderr.
func Jobs(ctx context.Context, args []string, env config.Env, stdout, stderr io.Writer) error {
	if len(args) < 2 || args[0] != "run" {
		return errors.New(config.JobsUsage)
	}
	name := args[1]
	cfg, err := config.ParseJobs(args[2:], env, stderr)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	svc := app.New(st, app.Options{SoonDays: cfg.SoonDays, Logger: logger})
	r := &jobs.Runner{Store: st, Service: svc, Logger: logger}
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
