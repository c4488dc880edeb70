package app

import (
	"context"
	"errors"
	"fmt"
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
	if err == nil && !u.Disabled {
		err = auth.CheckPassword(password, hash)
	} else if err == nil {
		err = ErrBadLogin
	}
	if err != nil {
		if !errors.Is(err, domain.ErrNotFound) && !errors.Is(err, auth.ErrMismatch) && !errors.Is(err, ErrBadLogin) {
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
	err = s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.ClearLoginFailures(ctx, keys[0]); err != nil {
			return err
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

// ChangePassword replaces the actor's password after checking the old one.
func (s *Service) ChangePassword(ctx context.Context, actor *domain.User, old, new string) error {
	if err := needUser(actor); err != nil {
		return err
	}
	_, hash, err := s.st.UserByName(ctx, actor.Username)
	if err != nil {
		return err
	}
	if err := auth.CheckPassword(old, hash); err != nil {
		return invalid("mật khẩu hiện tại không đúng")
	}
	return s.setPassword(ctx, actor, actor.ID, new)
}

func checkPasswordRules(pw string) error {
	if len([]rune(pw)) < 8 {
		return invalid("mật khẩu cần ít nhất 8 ký tự")
	}
	if len(pw) > 200 {
		return invalid("mật khẩu dài quá 200 ký tự")
	}
	return nil
}

func (s *Service) setPassword(ctx context.Context, actor *domain.User, userID int64, pw string) error {
	if err := checkPasswordRules(pw); err != nil {
		return err
	}
	hash, err := auth.HashPassword(pw, s.opt.PasswordParams)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.SetPassword(ctx, userID, hash); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "set_password", "user", userID, nil, nil)
	})
}

// Users lists the organisation's users (admin only).
func (s *Service) Users(ctx context.Context, actor *domain.User) ([]domain.User, error) {
	if err := needAdmin(actor); err != nil {
		return nil, err
	}
	return s.st.Users(ctx, actor.OrgID)
}

// CreateUser adds a user with a password (admin only; the bootstrap passes a nil-safe admin).
func (s *Service) CreateUser(ctx context.Context, actor *domain.User, u *domain.User, password string) error {
	if err := needAdmin(actor); err != nil {
		return err
	}
	u.OrgID = actor.OrgID
	if err := s.validateUser(ctx, u); err != nil {
		return err
	}
	if err := checkPasswordRules(password); err != nil {
		return err
	}
	hash, err := auth.HashPassword(password, s.opt.PasswordParams)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateUser(ctx, u, hash); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "create", "user", u.ID, nil, u)
	})
}

// UpdateUser saves a user's name, role, unit and disabled flag (admin only).
func (s *Service) UpdateUser(ctx context.Context, actor *domain.User, u *domain.User) error {
	if err := needAdmin(actor); err != nil {
		return err
	}
	before, err := s.st.User(ctx, u.ID)
	if err != nil || before.OrgID != actor.OrgID {
		return domain.ErrNotFound
	}
	u.OrgID, u.Username = actor.OrgID, before.Username
	if err := s.validateUser(ctx, u); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.UpdateUser(ctx, u); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "update", "user", u.ID, before, u)
	})
}

// ResetPassword sets another user's password (admin only).
func (s *Service) ResetPassword(ctx context.Context, actor *domain.User, userID int64, pw string) error {
	if err := needAdmin(actor); err != nil {
		return err
	}
	u, err := s.st.User(ctx, userID)
	if err != nil || u.OrgID != actor.OrgID {
		return domain.ErrNotFound
	}
	return s.setPassword(ctx, actor, userID, pw)
}

func (s *Service) validateUser(ctx context.Context, u *domain.User) error {
	var err error
	u.Username = strings.ToLower(strings.TrimSpace(u.Username))
	if u.Username == "" || strings.ContainsAny(u.Username, " \t/\\") || len(u.Username) > 64 {
		return invalid("tên đăng nhập không được để trống, không chứa dấu cách và tối đa 64 ký tự")
	}
	if u.FullName, err = cleanText("Họ tên", u.FullName, true, 200); err != nil {
		return err
	}
	if !u.Role.Valid() {
		return invalid("vai trò %q không hợp lệ", u.Role)
	}
	if u.Role == domain.RoleUnit {
		if u.UnitID == 0 {
			return invalid("cán bộ đơn vị phải gắn với một đơn vị")
		}
		if _, err := s.st.Unit(ctx, u.OrgID, u.UnitID); err != nil {
			return invalid("đơn vị không tồn tại")
		}
	} else {
		u.UnitID = 0
	}
	return nil
}

// Bootstrap creates the first organisation and its admin on an empty
// database; it does nothing when an organisation exists.
func (s *Service) Bootstrap(ctx context.Context, org *domain.Org, admin *domain.User, password string) (bool, error) {
	orgs, err := s.st.Orgs(ctx)
	if err != nil {
		return false, err
	}
	if len(orgs) > 0 {
		*org = orgs[0]
		return false, nil
	}
	hash, err := auth.HashPassword(password, s.opt.PasswordParams)
	if err != nil {
		return false, err
	}
	err = s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateOrg(ctx, org); err != nil {
			return err
		}
		admin.OrgID, admin.Role = org.ID, domain.RoleAdmin
		if err := tx.CreateUser(ctx, admin, hash); err != nil {
			return err
		}
		return tx.Audit(ctx, nil, "create", "org", org.ID, nil, org)
	})
	if err != nil {
		return false, fmt.Errorf("bootstrap: %w", err)
	}
	return true, nil
}
