// Package cli implements giaoban's subcommands — serve, import, extract,
// render, report, jobs; cmd/giaoban only dispatches. Each reads its flags and
// GIAOBAN_* variables through internal/config and does its work through the
// service, the importer or the document layout: it holds no rules of its own.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/auth"
	"giaoban/internal/config"
	"giaoban/internal/demo"
	"giaoban/internal/docs"
	"giaoban/internal/domain"
	"giaoban/internal/jobs"
	"giaoban/internal/metrics"
	"giaoban/internal/store"
	"giaoban/internal/web"
)

// Serve runs the web server until ctx is cancelled: `giaoban serve [--db DSN]
// [--addr HOST:PORT] [--demo] ...` (config.Serve). It logs on stderr.
func Serve(ctx context.Context, args []string, env config.Env, stdout, stderr io.Writer) error {
	cfg, err := config.ParseServe(args, env, stderr)
	if err != nil {
		return err
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		return err
	}
	var lh slog.Handler = slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level})
	if cfg.LogFormat == "json" {
		lh = slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level})
	}
	logger := slog.New(lh)
	if path, ok := strings.CutPrefix(cfg.DB, "sqlite:"); ok {
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			return fmt.Errorf("create data folder: %w", err)
		}
	}
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := app.New(st, app.Options{SoonDays: cfg.SoonDays, MaxUpload: int64(cfg.MaxUploadMB) << 20, SessionTTL: cfg.SessionTTL, Logger: logger})
	logins, err := firstRun(ctx, svc, cfg.Demo)
	if err != nil {
		return err
	}
	// One browser prints every PDF of the process, started on the first print.
	printer := &docs.Printer{ExecPath: cfg.Chromium}
	defer printer.Close()
	mx := metrics.New(logger)
	for name, stats := range st.Pools() {
		mx.Pool(name, stats)
	}
	srv, err := web.New(svc, web.Options{SecureCookies: cfg.SecureCookies, Logger: logger,
		TrustedProxies: cfg.TrustedProxies, Printer: printer, Metrics: mx, MetricsToken: cfg.MetricsToken})
	if err != nil {
		return err
	}
	defer srv.Close()
	if cfg.MetricsAddr != "" {
		mln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			return fmt.Errorf("listen for metrics: %w", err)
		}
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", mx.Handler(cfg.MetricsToken))
		ms := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		go func() {
			if err := ms.Serve(mln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				logger.Error("metrics server", "err", err)
			}
		}()
		defer ms.Close()
		fmt.Fprintf(stdout, "số liệu giám sát (Prometheus): http://%s/metrics\n", mln.Addr())
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	fmt.Fprintf(stdout, "giaoban đang chạy tại http://%s/ (cơ sở dữ liệu %s)\n", ln.Addr(), st.Dialect())
	if cfg.Demo && len(logins) == 0 {
		fmt.Fprintln(stdout, "  (cơ sở dữ liệu đã có dữ liệu: đăng nhập bằng các tài khoản đã in ở lần chạy đầu, với dữ liệu mẫu là admin / giaoban2023)")
	}
	for _, l := range logins {
		unit := ""
		if l.Unit != "" {
			unit = " — " + l.Unit
		}
		fmt.Fprintf(stdout, "  đăng nhập: %-12s mật khẩu: %-14s (%s%s)\n", l.Username, l.Password, l.Role.Label(), unit)
	}
	// The job runner stops with the server: on SIGTERM ctx is cancelled, and
	// Serve returns only after the runner has recorded its last run.
	jobCtx, stopJobs := context.WithCancel(ctx)
	jobsDone := make(chan struct{})
	go func() {
		defer close(jobsDone)
		if err := (&jobs.Runner{Store: st, Service: svc, Logger: logger, Observe: mx.ObserveJob}).Run(jobCtx); err != nil {
			logger.Error("job runner", "err", err)
		}
	}()
	defer func() { stopJobs(); <-jobsDone }()
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shut); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// firstRun prepares an empty database: the demo when asked, else an
// organisation with one admin whose generated password is printed once.
func firstRun(ctx context.Context, svc *app.Service, withDemo bool) ([]demo.Login, error) {
	if withDemo {
		return demo.Load(ctx, svc)
	}
	pw, err := auth.NewToken()
	if err != nil {
		return nil, err
	}
	pw = pw[:14]
	org := &domain.Org{Name: "Ủy ban nhân dân", Level: ""}
	created, err := svc.Bootstrap(ctx, org, &domain.User{Username: "admin", FullName: "Quản trị hệ thống"}, pw)
	if err != nil || !created {
		return nil, err
	}
	return []demo.Login{{Username: "admin", Password: pw, Role: domain.RoleAdmin}}, nil
}
