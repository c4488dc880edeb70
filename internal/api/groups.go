package api

import (
	"net/http"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
)

// Groups of units, and resolving the tasks that name them.

type groupJSON struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	Aliases     []string  `json:"aliases"`
	MemberKinds []string  `json:"member_kinds"`
	BlockID     *int64    `json:"block_id"`
	Members     []refJSON `json:"members"` // named one by one
	Open        bool      `json:"open"`
	// Units are the active units that belong now, by rule or by name.
	Units   []refJSON `json:"units"`
	Version int       `json:"version"`
}

func groupOut(dir *app.Directory, g *domain.Group) groupJSON {
	return groupJSON{ID: g.ID, Name: g.Name, Aliases: strs(g.Aliases), MemberKinds: strs(g.MemberKinds), BlockID: optID(g.BlockID),
		Members: unitRefs(dir, g.Members), Open: g.Open, Units: unitRefs(dir, dir.GroupMembers(g.ID)), Version: g.Version}
}

type groupInput struct {
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	MemberKinds []string `json:"member_kinds"`
	BlockID     int64    `json:"block_id"`
	Members     []int64  `json:"members"`
	Open        bool     `json:"open"`
	Version     int      `json:"version"`
}

func (in *groupInput) group(id int64) *domain.Group {
	return &domain.Group{ID: id, Name: in.Name, Aliases: in.Aliases, MemberKinds: in.MemberKinds, BlockID: in.BlockID,
		Members: in.Members, Open: in.Open, Version: in.Version}
}

func (s *Server) writeGroup(w http.ResponseWriter, r *http.Request, u *domain.User, status int, id int64) error {
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	g := dir.Group(id)
	if g == nil {
		return domain.ErrNotFound
	}
	return writeJSON(w, status, groupOut(dir, g))
}

func (s *Server) groupCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in groupInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	g := in.group(0)
	if err := s.svc.CreateGroup(r.Context(), u, g); err != nil {
		return err
	}
	return s.writeGroup(w, r, u, http.StatusCreated, g.ID)
}

func (s *Server) groupUpdate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	var in groupInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if err := s.svc.UpdateGroup(r.Context(), u, in.group(id)); err != nil {
		return err
	}
	return s.writeGroup(w, r, u, http.StatusOK, id)
}

type expandInput struct {
	GroupID int64 `json:"group_id"`
	Version int   `json:"version"`
}

func (s *Server) taskExpandGroup(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := s.visibleTask(r, u)
	if err != nil {
		return err
	}
	var in expandInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if _, err := s.svc.ExpandTaskGroup(r.Context(), u, id, in.GroupID, in.Version); err != nil {
		return err
	}
	return s.writeTask(r.Context(), w, u, http.StatusOK, id)
}

type resolveInput struct {
	Lead    []int64 `json:"lead"`
	Support []int64 `json:"support"`
	Version int     `json:"version"`
}

func (s *Server) taskResolve(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := s.visibleTask(r, u)
	if err != nil {
		return err
	}
	var in resolveInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if _, err := s.svc.ResolveTaskUnits(r.Context(), u, id, app.ResolveInput{Lead: in.Lead, Support: in.Support, Version: in.Version}); err != nil {
		return err
	}
	return s.writeTask(r.Context(), w, u, http.StatusOK, id)
}

func (s *Server) taskConfirmChange(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := s.visibleTask(r, u)
	if err != nil {
		return err
	}
	var in versionInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	t, err := s.svc.ConfirmTaskChange(r.Context(), u, id, in.Version)
	if err != nil {
		return err
	}
	return s.writeTask(r.Context(), w, u, http.StatusOK, t.ID)
}

func (s *Server) taskDiscardChange(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := s.visibleTask(r, u)
	if err != nil {
		return err
	}
	var in versionInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if err := s.svc.DiscardTaskChange(r.Context(), u, id, in.Version); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
