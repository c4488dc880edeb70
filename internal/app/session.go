package app

import (
	"context"
	"errors"
	"strings"

	"giaoban/internal/auth"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// ErrBadLogin is the one answer to a wrong user name or password, so that
// neither is revealed.
var ErrBadLogin = errors.New("tên đăng nhập hoặc mật khẩu không đúng")

// Login checks a user name and password and opens a session. After too many
// failures for the name or the address within the window it answers
// domain.ErrThrottled without checking. It returns the session token for the
// cookie.
func (s *Service) Login(ctx context.Context, username, password, addr string) (string, *domain.User, error) {
	username = strings.TrimSpace(strings.ToLower(username))
	keys := []string{"u:" + username, "a:" + addr}
	// A whole office often shares one public address, so an address may fail
	// ten times as often as one user name before it waits.
	limits := []int{s.opt.LoginFailures, 10 * s.opt.LoginFailures}
	for i, k := range keys {
		n, err := s.st.LoginFailures(ctx, k, s.opt.LoginWindow)
		if err != nil {
			return "", nil, err
		}
		if n >= limits[i] {
			return "", nil, domain.ErrThrottled
		}
	}
	u, hash, err := s.st.UserByName(ctx, username)
	switch {
	case err == nil && !u.Disabled:
		err = s.checkPassword(ctx, password, hash)
	case err == nil, errors.Is(err, domain.ErrNotFound):
		// An unknown or disabled user costs the time of a real check, so
		// that the answer's timing does not tell which user names exist.
		if err = s.checkNobody(ctx, password); err == nil {
			err = ErrBadLogin
		}
	}
	if err != nil {
		if !errors.Is(err, auth.ErrMismatch) && !errors.Is(err, ErrBadLogin) {
			return "", nil, err
		}
		werr := s.tx(ctx, func(tx *store.Tx) error {
			for _, k := range keys {
				if err := tx.RecordLoginFailure(ctx, k, s.opt.LoginWindow); err != nil {
					return err
				}
			}
			return nil
		})
		if werr != nil {
			return "", nil, werr
		}
		s.opt.Logger.Info("login failed", "user", username, "addr", addr)
		return "", nil, ErrBadLogin
	}
	token, err := auth.NewToken()
	if err != nil {
		return "", nil, err
	}
	csrf, err := auth.NewToken()
	if err != nil {
		return "", nil, err
	}
	// A hash made with other parameters (earlier versions used 64 MiB) is
	// replaced now that the password is known; failing that is no reason to
	// refuse the login.
	var rehash string
	if auth.NeedsRehash(hash, s.opt.PasswordParams) {
		if rehash, err = s.hashPassword(ctx, password); err != nil {
			rehash = ""
		}
	}
	err = s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.ClearLoginFailures(ctx, keys[0]); err != nil {
			return err
		}
		if rehash != "" {
			if err := tx.RehashPassword(ctx, u.ID, rehash); err != nil {
				return err
			}
		}
		if err := tx.CreateSession(ctx, auth.HashToken(token), u.ID, csrf, s.opt.SessionTTL); err != nil {
			return err
		}
		return tx.Audit(ctx, u, "login", "user", u.ID, nil, nil)
	})
	if err != nil {
		return "", nil, err
	}
	return token, u, nil
}

// Logout ends the session of token.
func (s *Service) Logout(ctx context.Context, token string) error {
	return s.tx(ctx, func(tx *store.Tx) error { return tx.DeleteSession(ctx, auth.HashToken(token)) })
}

// Authenticate returns the user of a live session and the session's CSRF
// token, or domain.ErrUnauthenticated.
func (s *Service) Authenticate(ctx context.Context, token string) (*domain.User, string, error) {
	if token == "" {
		return nil, "", domain.ErrUnauthenticated
	}
	return s.st.Session(ctx, auth.HashToken(token))
}

// AuthenticateAPI returns the user of a live API token, or domain.ErrUnauthenticated.
func (s *Service) AuthenticateAPI(ctx context.Context, token string) (*domain.User, error) {
	if token == "" {
		return nil, domain.ErrUnauthenticated
	}
	return s.st.UserByAPIToken(ctx, auth.HashToken(token))
}

// CreateAPIToken makes a token for the actor's integrations and returns its
// secret, which is shown once and never stored.
func (s *Service) CreateAPIToken(ctx context.Context, actor *domain.User, name string) (string, error) {
	if err := needUser(actor); err != nil {
		return "", err
	}
	name, err := cleanText("Tên token", name, true, 100)
	if err != nil {
		return "", err
	}
	secret, err := auth.NewToken()
	if err != nil {
		return "", err
	}
	secret = "gb_" + secret
	err = s.tx(ctx, func(tx *store.Tx) error {
		id, err := tx.CreateAPIToken(ctx, actor.ID, name, auth.HashToken(secret))
		if err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "create", "api_token", id, nil, map[string]string{"name": name})
	})
	return secret, err
}

// APITokens lists the actor's tokens.
func (s *Service) APITokens(ctx context.Context, actor *domain.User) ([]store.APIToken, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	return s.st.APITokens(ctx, actor.ID)
}

// RevokeAPIToken revokes one of the actor's tokens.
func (s *Service) RevokeAPIToken(ctx context.Context, actor *domain.User, id int64) error {
	if err := needUser(actor); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.RevokeAPIToken(ctx, actor.ID, id); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "revoke", "api_token", id, nil, nil)
	})
}
