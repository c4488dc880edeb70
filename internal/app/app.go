// Package app is giaoban's service layer: every operation a user can do, with
// its authorisation (authz.go), validation, audit entry and transaction, one
// file per concern (tasks, reports, extensions, notices, imports, users,
// sessions, stocktake, ...). The HTML pages, the JSON API and the commands
// all call it and hold no rules of their own. It holds no SQL (that is
// internal/store's) and knows nothing of HTTP or rendering.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"giaoban/internal/auth"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// Options are the service's settings, validated by the caller's config.
type Options struct {
	SoonDays       int           // window of "sắp đến hạn" (default 7)
	MaxUpload      int64         // largest attachment in bytes (default 10 MB)
	SessionTTL     time.Duration // default 12 h
	LoginFailures  int           // failures allowed per window before throttling (default 5)
	LoginWindow    time.Duration // default 15 min
	PasswordParams auth.Params   // argon2id cost (tests use a cheap one)
	// HashConcurrency bounds the password hashes computed at once (default
	// GOMAXPROCS, at least 2); HashWait is how long a login waits for a turn
	// before ErrBusy (default 3 s).
	HashConcurrency int
	HashWait        time.Duration
	// Logger receives the service's events (a failed login); nothing is
	// logged when it is nil.
	Logger *slog.Logger
}

// Service runs every operation on one store.
type Service struct {
	st   *store.Store
	opt  Options
	hash *hashing
}

// New returns a service on st with opt's zero fields set to defaults. Its
// clock is the store's (store.WithClock), so that "today" and the times it
// stamps never disagree.
func New(st *store.Store, opt Options) *Service {
	if opt.SoonDays == 0 {
		opt.SoonDays = 7
	}
	if opt.MaxUpload == 0 {
		opt.MaxUpload = 10 << 20
	}
	if opt.SessionTTL == 0 {
		opt.SessionTTL = 12 * time.Hour
	}
	if opt.LoginFailures == 0 {
		opt.LoginFailures = 5
	}
	if opt.LoginWindow == 0 {
		opt.LoginWindow = 15 * time.Minute
	}
	if opt.PasswordParams == (auth.Params{}) {
		opt.PasswordParams = auth.Default
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.HashWait <= 0 {
		opt.HashWait = 3 * time.Second
	}
	h := newHashing(opt.HashConcurrency)
	opt.HashConcurrency = cap(h.slots)
	return &Service{st: st, opt: opt, hash: h}
}

// Store is the underlying store (health checks, tools).
func (s *Service) Store() *store.Store { return s.st }

// Options returns the settings in force.
func (s *Service) Options() Options { return s.opt }

// Now is the current instant by the store's clock.
func (s *Service) Now() time.Time { return s.st.Now() }

// Today is the current day in Asia/Ho_Chi_Minh.
func (s *Service) Today() domain.Date { return domain.Today(s.Now()) }

// invalid wraps a Vietnamese message as a domain.ErrInvalid.
func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", domain.ErrInvalid, fmt.Sprintf(format, args...))
}

// cleanText trims s and checks that it is UTF-8 of at most max characters,
// without control characters (domain.FirstControl);
// field names the field in the message.
func cleanText(field, s string, required bool, max int) (string, error) {
	if !utf8.ValidString(s) {
		return "", invalid("%s không phải văn bản UTF-8 hợp lệ", field)
	}
	if c, ok := domain.FirstControl(s); ok {
		return "", invalid("%s có ký tự điều khiển không hiển thị được (mã U+%04X)", field, c)
	}
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if required && s == "" {
		return "", invalid("%s không được để trống", field)
	}
	if utf8.RuneCountInString(s) > max {
		return "", invalid("%s dài quá %d ký tự", field, max)
	}
	return s, nil
}

// tx runs fn in a transaction.
func (s *Service) tx(ctx context.Context, fn func(tx *store.Tx) error) error {
	return s.st.Transact(ctx, fn)
}

// IsNotFound reports whether err means "no such thing (for you)".
func IsNotFound(err error) bool { return errors.Is(err, domain.ErrNotFound) }
