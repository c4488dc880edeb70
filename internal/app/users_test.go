package app_test

import (
	"context"
	"errors"
	"testing"

	"giaoban/internal/apptest"
	"giaoban/internal/domain"
)

// TestLastAdminStays: the last administrator who can sign in can neither
// disable nor demote themself; with a second admin, either may.
func TestLastAdminStays(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		edit := func(actor *domain.User, change func(u *domain.User)) error {
			u, err := a.Store.User(ctx, actor.ID)
			a.Must(err)
			change(u)
			return a.Service.UpdateUser(ctx, actor, u)
		}
		for name, change := range map[string]func(u *domain.User){
			"disables": func(u *domain.User) { u.Disabled = true },
			"demotes":  func(u *domain.User) { u.Role = domain.RoleOffice },
		} {
			if err := edit(a.Admin, change); !errors.Is(err, domain.ErrInvalid) {
				t.Errorf("the last admin %s themself: %v, want ErrInvalid", name, err)
			}
		}
		if err := edit(a.Admin, func(u *domain.User) { u.FullName = "Quản trị hệ thống" }); err != nil {
			t.Errorf("the last admin renames themself: %v", err)
		}
		// With a second admin, the first may step down.
		second := a.User("vanphong")
		u, err := a.Store.User(ctx, second.ID)
		a.Must(err)
		u.Role = domain.RoleAdmin
		a.Must(a.Service.UpdateUser(ctx, a.Admin, u))
		if err := edit(a.Admin, func(u *domain.User) { u.Role = domain.RoleOffice }); err != nil {
			t.Errorf("an admin steps down beside another: %v", err)
		}
		if err := edit(u, func(u *domain.User) { u.Disabled = true }); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("the new last admin disables themself: %v, want ErrInvalid", err)
		}
	})
}
