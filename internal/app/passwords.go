package app

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"giaoban/internal/auth"
)

// Password hashing is the one costly thing a login does (argon2id holds
// Options.PasswordParams.Memory for tens of milliseconds), so the service
// bounds how many hashes run at once: beyond Options.HashConcurrency a
// login waits up to Options.HashWait for a turn, then is told to try again
// (ErrBusy) rather than the server running out of memory.

// ErrBusy answers a login (or a password change) that found every hashing
// turn taken for longer than Options.HashWait: the client may try again in
// a few seconds (503).
var ErrBusy = errors.New("máy chủ đang bận xử lý nhiều lượt đăng nhập cùng lúc; vui lòng thử lại sau ít giây")

// hashing holds the service's hashing turns and the dummy hash that an
// unknown user name is checked against.
type hashing struct {
	slots     chan struct{}
	dummyOnce sync.Once
	dummy     string
	dummyErr  error
}

func newHashing(n int) *hashing {
	if n <= 0 {
		n = max(2, runtime.GOMAXPROCS(0))
	}
	return &hashing{slots: make(chan struct{}, n)}
}

// withHashTurn runs fn once a hashing turn is free, waiting at most
// HashWait; ErrBusy if none frees in time.
func (s *Service) withHashTurn(ctx context.Context, fn func()) error {
	t := time.NewTimer(s.opt.HashWait)
	defer t.Stop()
	select {
	case s.hash.slots <- struct{}{}:
	case <-t.C:
		return ErrBusy
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.hash.slots }()
	fn()
	return nil
}

// hashPassword hashes a new password under the service's parameters.
func (s *Service) hashPassword(ctx context.Context, password string) (string, error) {
	var hash string
	var err error
	if terr := s.withHashTurn(ctx, func() { hash, err = auth.HashPassword(password, s.opt.PasswordParams) }); terr != nil {
		return "", terr
	}
	return hash, err
}

// checkPassword compares password with hash: nil, auth.ErrMismatch, ErrBusy
// or an error for a malformed hash.
func (s *Service) checkPassword(ctx context.Context, password, hash string) error {
	var err error
	if terr := s.withHashTurn(ctx, func() { err = auth.CheckPassword(password, hash) }); terr != nil {
		return terr
	}
	return err
}

// checkNobody spends on a login for an unknown or disabled user the time a
// real check takes, against a hash of a random password made once, so that
// timing does not tell which user names exist. It answers ErrBusy as
// checkPassword does, and nil otherwise.
func (s *Service) checkNobody(ctx context.Context, password string) error {
	s.hash.dummyOnce.Do(func() {
		secret, err := auth.NewToken()
		if err == nil {
			s.hash.dummy, err = auth.HashPassword(secret, s.opt.PasswordParams)
		}
		s.hash.dummyErr = err
	})
	if s.hash.dummyErr != nil {
		return fmt.Errorf("dummy hash: %w", s.hash.dummyErr)
	}
	if err := s.checkPassword(ctx, password, s.hash.dummy); errors.Is(err, ErrBusy) || errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}
