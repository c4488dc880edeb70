// Package jobs runs giaoban's background work. A job is a row of the jobs
// table with the time it is due next; every app instance runs a Runner, which
// looks for due jobs at an interval, claims one so that no other instance runs
// it at the same time, runs it and schedules its next run. Jobs are idempotent,
// so a run cut short (a crash, a shutdown) is simply done again. Every job can
// also be run once from the command line (`giaoban jobs run NAME`). A job's
// work is a service operation: the package schedules and claims, and holds
// no rules of the work itself.
package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// Job is a piece of background work.
type Job struct {
	Name string
	// Run does the work. It must be idempotent: a run that was cut short, or
	// that two hands started, is harmless to run again.
	Run func(ctx context.Context) error
	// Next is when the job is due again after a successful run ending at now.
	Next func(now time.Time) time.Time
}

// SnapshotJob is the name of the daily status snapshot job.
const SnapshotJob = "snapshot"

// Snapshot is the job that writes every organisation's daily status snapshot
// (app.Service.TakeSnapshots), due each day at 00:05 in Vietnam.
func Snapshot(svc *app.Service) Job {
	return Job{
		Name: SnapshotJob,
		Run: func(ctx context.Context) error {
			_, err := svc.TakeSnapshots(ctx)
			return err
		},
		Next: func(now time.Time) time.Time { return NextDaily(now, 0, 5) },
	}
}

// All is every job giaoban runs, by name.
func All(svc *app.Service) []Job { return []Job{Snapshot(svc)} }

// NextDaily is the first hour:minute in Asia/Ho_Chi_Minh strictly after now.
func NextDaily(now time.Time, hour, minute int) time.Time {
	local := now.In(domain.Location)
	t := time.Date(local.Year(), local.Month(), local.Day(), hour, minute, 0, 0, domain.Location)
	if !t.After(now) {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

// Defaults of a Runner's zero fields.
const (
	DefaultInterval = time.Minute
	DefaultLease    = 30 * time.Minute
	// RetryAfter is how long a failed job waits before it is due again.
	RetryAfter = 5 * time.Minute
)

// ErrBusy is returned by RunNow when another instance holds the job.
var ErrBusy = errors.New("việc này đang được một phiên bản khác chạy")

// Runner runs the due jobs of one app instance. Several instances may run
// runners on one database: a job is claimed by one at a time.
type Runner struct {
	Store    *store.Store
	Service  *app.Service
	Interval time.Duration // how often to look for due jobs; DefaultInterval when 0
	// Jobs are the jobs to run; All(Service) when nil.
	Jobs []Job
	// Lease is how long a claim keeps other instances off a job; it must
	// outlast a run. DefaultLease when 0. A crashed instance's lease expires.
	Lease time.Duration
	// Owner names this instance in the jobs table; a fresh name when "".
	Owner string
	// Logger receives each run's outcome; nothing is logged when it is nil.
	Logger *slog.Logger
	// Observe, when set, is told of every run: the job, how long it took and
	// its error (nil when it succeeded). The metrics count runs with it.
	Observe func(job string, took time.Duration, err error)
}

// now is the store's clock, which the service reads too.
func (r *Runner) now() time.Time { return r.Store.Now() }

func (r *Runner) defaults() {
	if r.Interval <= 0 {
		r.Interval = DefaultInterval
	}
	if r.Jobs == nil {
		r.Jobs = All(r.Service)
	}
	if r.Lease <= 0 {
		r.Lease = DefaultLease
	}
	if r.Owner == "" {
		host, _ := os.Hostname()
		b := make([]byte, 4)
		_, _ = rand.Read(b)
		r.Owner = fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b))
	}
	if r.Logger == nil {
		r.Logger = slog.New(slog.DiscardHandler)
	}
}

// Run adds the jobs the database lacks (due at once), then runs due jobs at
// once and every Interval until ctx is cancelled; it returns nil then. A job
// running at that moment sees its context cancelled and is left due, for the
// next instance to run. Run returns an error only when it cannot start.
func (r *Runner) Run(ctx context.Context) error {
	r.defaults()
	if err := r.ensure(ctx); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	tick := time.NewTicker(r.Interval)
	defer tick.Stop()
	for {
		if _, err := r.RunDue(ctx); err != nil && ctx.Err() == nil {
			r.Logger.Error("jobs", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

func (r *Runner) ensure(ctx context.Context) error {
	for _, j := range r.Jobs {
		if err := r.ensureJob(ctx, j.Name, r.now()); err != nil {
			return err
		}
	}
	return nil
}

// ensureJob adds the job name, first due at next, unless it exists.
func (r *Runner) ensureJob(ctx context.Context, name string, next time.Time) error {
	return r.Store.Transact(ctx, func(tx *store.Tx) error { return tx.EnsureJob(ctx, name, next) })
}

// claim leases the job name to this runner (see store.Tx.ClaimJob).
func (r *Runner) claim(ctx context.Context, name string, force bool) (bool, error) {
	var ok bool
	err := r.Store.Transact(ctx, func(tx *store.Tx) error {
		var err error
		ok, err = tx.ClaimJob(ctx, name, r.Owner, r.now(), r.Lease, force)
		return err
	})
	return ok, err
}

// RunDue runs once each job that is due and that it can claim, and returns
// the names of those it ran. A job's own failure is recorded in the jobs
// table (and logged), not returned; the error is about the table itself.
func (r *Runner) RunDue(ctx context.Context) ([]string, error) {
	r.defaults()
	var ran []string
	var errs []error
	for _, j := range r.Jobs {
		if ctx.Err() != nil {
			break
		}
		ok, err := r.claim(ctx, j.Name, false)
		if errors.Is(err, domain.ErrNotFound) {
			if err = r.ensureJob(ctx, j.Name, r.now()); err == nil {
				ok, err = r.claim(ctx, j.Name, false)
			}
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !ok {
			continue
		}
		if err := r.run(ctx, j); err != nil {
			errs = append(errs, err)
		}
		ran = append(ran, j.Name)
	}
	return ran, errors.Join(errs...)
}

// RunNow runs the job name once at once, whether it is due or not, and then
// schedules it as a run by the Runner would; ErrBusy when another instance
// holds it. Unlike RunDue it returns the job's own error.
func (r *Runner) RunNow(ctx context.Context, name string) error {
	r.defaults()
	i := slices.IndexFunc(r.Jobs, func(j Job) bool { return j.Name == name })
	if i < 0 {
		return fmt.Errorf("%w: không có việc %q", domain.ErrNotFound, name)
	}
	j := r.Jobs[i]
	if err := r.ensureJob(ctx, j.Name, j.Next(r.now())); err != nil {
		return err
	}
	ok, err := r.claim(ctx, j.Name, true)
	if err != nil {
		return err
	}
	if !ok {
		return ErrBusy
	}
	return r.run(ctx, j)
}

// run runs the claimed job j and records the outcome. A run stopped by ctx
// leaves the job due at once; a failed one is due again after RetryAfter.
func (r *Runner) run(ctx context.Context, j Job) error {
	start, began := r.now(), time.Now()
	runErr := j.Run(ctx)
	end := r.now()
	if r.Observe != nil {
		r.Observe(j.Name, time.Since(began), runErr)
	}
	next, msg := j.Next(end), ""
	switch {
	case runErr != nil && ctx.Err() != nil:
		next, msg = end, "interrupted: "+runErr.Error()
	case runErr != nil:
		next, msg = end.Add(RetryAfter), runErr.Error()
		r.Logger.Error("job failed", "job", j.Name, "err", runErr)
	default:
		r.Logger.Info("job done", "job", j.Name, "took", end.Sub(start).Round(time.Millisecond), "next", next)
	}
	// Record the outcome even when shutting down, so that the lease is
	// dropped and another instance may take the job at once.
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	err := r.Store.Transact(fctx, func(tx *store.Tx) error { return tx.FinishJob(fctx, j.Name, r.Owner, end, msg, next) })
	if err != nil {
		return errors.Join(runErr, err)
	}
	if runErr != nil {
		return fmt.Errorf("job %s: %w", j.Name, runErr)
	}
	return nil
}
