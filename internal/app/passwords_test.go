package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/auth"
	"giaoban/internal/domain"
)

// TestLoginWaitsForAHashingTurn: with every hashing turn taken, a login
// waits up to HashWait, then is told to try again later (ErrBusy, "thử lại
// sau"); a turn freed while it waits lets it through.
func TestLoginWaitsForAHashingTurn(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		svc := a.Instance(app.Options{HashConcurrency: 2, HashWait: 50 * time.Millisecond}).Service
		release := svc.HoldHashTurns(2)
		start := time.Now()
		_, _, err := svc.Login(ctx, "vanphong", apptest.Password, "10.0.0.1")
		if !errors.Is(err, app.ErrBusy) || !strings.Contains(err.Error(), "thử lại sau") {
			t.Fatalf("login with every turn taken: %v, want ErrBusy", err)
		}
		if d := time.Since(start); d < 50*time.Millisecond {
			t.Errorf("refused after %v, before waiting 50 ms", d)
		}
		// An unknown user name is hashed too (against a dummy), so it waits
		// just the same: the answer's timing tells nothing.
		if _, _, err := svc.Login(ctx, "khongco", "x", "10.0.0.1"); !errors.Is(err, app.ErrBusy) {
			t.Errorf("unknown user with every turn taken: %v, want ErrBusy (it must be hashed)", err)
		}
		go func() { time.Sleep(10 * time.Millisecond); release() }()
		if _, _, err := svc.Login(ctx, "vanphong", apptest.Password, "10.0.0.1"); err != nil {
			t.Errorf("login once a turn frees: %v", err)
		}
		if _, _, err := svc.Login(ctx, "khongco", "x", "10.0.0.1"); !errors.Is(err, app.ErrBadLogin) {
			t.Errorf("unknown user: %v, want ErrBadLogin", err)
		}
	})
}

// TestPasswordHashesUpgrade: a hash made with other parameters still lets
// its user in, and is replaced by one with the service's parameters.
func TestPasswordHashesUpgrade(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		stronger := auth.Params{Memory: 2048, Time: 2, Threads: 1}
		svc := a.Instance(app.Options{PasswordParams: stronger}).Service
		if _, _, err := svc.Login(ctx, "vanphong", apptest.Password, "10.0.0.1"); err != nil {
			t.Fatalf("login with an older hash: %v", err)
		}
		_, hash, err := a.Store.UserByName(ctx, "vanphong")
		a.Must(err)
		if auth.NeedsRehash(hash, stronger) {
			t.Errorf("hash %q not replaced", hash)
		}
		if _, _, err := svc.Login(ctx, "vanphong", apptest.Password, "10.0.0.1"); err != nil {
			t.Errorf("login with the new hash: %v", err)
		}
	})
}

// TestPasswordChangeRevokesTokens: a token made by whoever knew the old
// password stops working when the password changes, by its owner or by an
// admin.
func TestPasswordChangeRevokesTokens(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		own, reset := a.APIToken(a.Office), a.APIToken(a.Leader)
		other := a.APIToken(a.Viewer)
		a.Must(a.Service.ChangePassword(ctx, a.Office, apptest.Password, "matkhaumoi1"))
		a.Must(a.Service.ResetPassword(ctx, a.Admin, a.Leader.ID, "matkhaumoi2"))
		for _, tok := range []string{own, reset} {
			if _, err := a.Service.AuthenticateAPI(ctx, tok); !errors.Is(err, domain.ErrUnauthenticated) {
				t.Errorf("token after a password change: %v, want ErrUnauthenticated", err)
			}
		}
		if _, err := a.Service.AuthenticateAPI(ctx, other); err != nil {
			t.Errorf("another user's token: %v", err)
		}
	})
}
