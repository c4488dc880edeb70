package web

import (
	"net/http"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// The caller, the directory, users and the audit log.

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusOK, apiMeJSON{
		apiUserJSON: apiUserOut(u),
		Unit:        apiUnitRef(dir, u.UnitID),
		Org:         apiRefJSON{ID: dir.Org.ID, Name: dir.Org.Name},
		Permissions: apiPermissionsJSON{Manage: u.CanManage(), DecideExtensions: u.CanDecideExtensions(), SeesAll: u.SeesAll(),
			Admin: u.Role == domain.RoleAdmin},
	})
}

func (s *Server) apiDirectory(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusOK, apiDirectoryOut(dir))
}

func (s *Server) apiUnitCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in apiUnitCreateInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	unit := &domain.Unit{Name: in.Name, Kind: in.Kind, BlockID: in.BlockID, SectorID: in.SectorID, Aliases: in.Aliases}
	if err := s.svc.CreateUnit(r.Context(), u, unit); err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusCreated, apiUnitOut(unit))
}

func (s *Server) apiUnitUpdate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in apiUnitInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	cur, err := s.directoryUnit(r.Context(), u, id)
	if err != nil {
		return err
	}
	active := cur.Active
	if in.Active != nil {
		active = *in.Active
	}
	unit := &domain.Unit{ID: id, Name: in.Name, Kind: in.Kind, BlockID: in.BlockID, SectorID: in.SectorID, Aliases: in.Aliases,
		Active: active, Version: in.Version}
	if err := s.svc.UpdateUnit(r.Context(), u, unit); err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusOK, apiUnitOut(unit))
}

func (s *Server) apiBlockCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in apiNameInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	b := &domain.Block{Name: in.Name}
	if err := s.svc.CreateBlock(r.Context(), u, b); err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusCreated, apiRefJSON{ID: b.ID, Name: b.Name})
}

func (s *Server) apiSectorCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in apiNameInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	sec := &domain.Sector{Name: in.Name}
	if err := s.svc.CreateSector(r.Context(), u, sec); err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusCreated, apiRefJSON{ID: sec.ID, Name: sec.Name})
}

func (s *Server) apiUsers(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	users, err := s.svc.Users(r.Context(), u)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusOK, apiPage(users, apiUserOut, len(users), 1, len(users)))
}

func (s *Server) apiUserCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in apiUserCreateInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	nu := &domain.User{Username: in.Username, FullName: in.FullName, Role: domain.Role(in.Role), UnitID: in.UnitID}
	if err := s.svc.CreateUser(r.Context(), u, nu, in.Password); err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusCreated, apiUserOut(nu))
}

func (s *Server) apiUserUpdate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in apiUserUpdateInput
	if err := apiDecodeJSON(r, &in); err != nil {
		return err
	}
	eu := &domain.User{ID: id, FullName: in.FullName, Role: domain.Role(in.Role), UnitID: in.UnitID, Disabled: in.Disabled, Version: in.Version}
	if err := s.svc.UpdateUser(r.Context(), u, eu); err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusOK, apiUserOut(eu))
}

func (s *Server) apiAudit(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	q := apiQuery(r)
	f := store.AuditFilter{Entity: q.v.Get("entity"), EntityID: q.id("entity_id"), UserID: q.id("user")}
	page, perPage, offset := q.page()
	if q.err != nil {
		return q.err
	}
	f.Limit, f.Offset = perPage, offset
	entries, total, err := s.svc.AuditLog(r.Context(), u, f)
	if err != nil {
		return err
	}
	return apiWriteJSON(w, http.StatusOK, apiPage(entries, apiAuditOut, total, page, perPage))
}
