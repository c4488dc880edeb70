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

// ChangePassword replaces the actor's password after checking the old one.
func (s *Service) ChangePassword(ctx context.Context, actor *domain.User, old, new string) error {
	if err := needUser(actor); err != nil {
		return err
	}
	_, hash, err := s.st.UserByName(ctx, actor.Username)
	if err != nil {
		return err
	}
	if err := s.checkPassword(ctx, old, hash); err != nil {
		if errors.Is(err, auth.ErrMismatch) {
			return invalid("mật khẩu hiện tại không đúng")
		}
		return err
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
	hash, err := s.hashPassword(ctx, pw)
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
	hash, err := s.hashPassword(ctx, password)
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
		if err := keepAnAdmin(ctx, tx, before, u); err != nil {
			return err
		}
		if err := tx.UpdateUser(ctx, u); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "update", "user", u.ID, before, u)
	})
}

// keepAnAdmin refuses an edit that would leave the organisation without an
// administrator who can sign in: nobody could then manage users again.
func keepAnAdmin(ctx context.Context, tx *store.Tx, before, after *domain.User) error {
	if before.Role != domain.RoleAdmin || before.Disabled || (after.Role == domain.RoleAdmin && !after.Disabled) {
		return nil
	}
	ids, err := tx.LockActiveAdmins(ctx, before.OrgID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if id != before.ID {
			return nil
		}
	}
	return invalid("Đây là quản trị viên cuối cùng còn hoạt động: hãy giao quyền quản trị cho một người khác trước khi đổi vai trò hoặc khóa tài khoản này")
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
// database and reports true; when an organisation exists it sets org to it
// and reports false. Instances starting together on one empty database may
// all call it: one makes the organisation, the others find it (the check is
// made again under store.Tx.LockSetup).
func (s *Service) Bootstrap(ctx context.Context, org *domain.Org, admin *domain.User, password string) (bool, error) {
	orgs, err := s.st.Orgs(ctx)
	if err != nil {
		return false, err
	}
	if len(orgs) > 0 {
		*org = orgs[0]
		return false, nil
	}
	hash, err := s.hashPassword(ctx, password)
	if err != nil {
		return false, err
	}
	var created bool
	err = s.tx(ctx, func(tx *store.Tx) error {
		created = false
		if err := tx.LockSetup(ctx); err != nil {
			return err
		}
		orgs, err := tx.Orgs(ctx)
		if err != nil {
			return err
		}
		if len(orgs) > 0 {
			*org = orgs[0]
			return nil
		}
		created = true
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
	return created, nil
}
