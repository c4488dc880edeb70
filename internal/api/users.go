package api

import (
	"net/http"

	"giaoban/internal/domain"
	"giaoban/internal/httpx"
)

// The caller and the users of the organisation.

func (s *Server) me(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, meJSON{
		userJSON: userOut(u),
		Unit:     unitRef(dir, u.UnitID),
		Org:      refJSON{ID: dir.Org.ID, Name: dir.Org.Name},
		Permissions: permissionsJSON{Manage: u.CanManage(), DecideExtensions: u.CanDecideExtensions(), SeesAll: u.SeesAll(),
			Admin: u.Role == domain.RoleAdmin},
	})
}

func (s *Server) users(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	users, err := s.svc.Users(r.Context(), u)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, paged(users, userOut, len(users), 1, len(users)))
}

func (s *Server) userCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in userCreateInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	nu := &domain.User{Username: in.Username, FullName: in.FullName, Role: domain.Role(in.Role), UnitID: in.UnitID}
	if err := s.svc.CreateUser(r.Context(), u, nu, in.Password); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, userOut(nu))
}

func (s *Server) userUpdate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	var in userUpdateInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	eu := &domain.User{ID: id, FullName: in.FullName, Role: domain.Role(in.Role), UnitID: in.UnitID, Disabled: in.Disabled, Version: in.Version}
	if err := s.svc.UpdateUser(r.Context(), u, eu); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, userOut(eu))
}

type userJSON struct {
	ID        int64  `json:"id"`
	Username  string `json:"username"`
	FullName  string `json:"full_name"`
	Role      string `json:"role"`
	RoleLabel string `json:"role_label"`
	UnitID    *int64 `json:"unit_id"`
	Disabled  bool   `json:"disabled"`
	Version   int    `json:"version"`
}

func userOut(u *domain.User) userJSON {
	return userJSON{ID: u.ID, Username: u.Username, FullName: u.FullName, Role: string(u.Role), RoleLabel: u.Role.Label(),
		UnitID: optID(u.UnitID), Disabled: u.Disabled, Version: u.Version}
}

type userCreateInput struct {
	Username string `json:"username"`
	FullName string `json:"full_name"`
	Role     string `json:"role"`
	UnitID   int64  `json:"unit_id"`
	Password string `json:"password"`
}

type userUpdateInput struct {
	FullName string `json:"full_name"`
	Role     string `json:"role"`
	UnitID   int64  `json:"unit_id"`
	Disabled bool   `json:"disabled"`
	Version  int    `json:"version"`
}

type permissionsJSON struct {
	Manage           bool `json:"manage"`
	DecideExtensions bool `json:"decide_extensions"`
	SeesAll          bool `json:"sees_all"`
	Admin            bool `json:"admin"`
}

type meJSON struct {
	userJSON
	Unit        *refJSON        `json:"unit"`
	Org         refJSON         `json:"org"`
	Permissions permissionsJSON `json:"permissions"`
}
