package api

import (
	"net/http"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
)

// The directory: the organisation, its blocks, sectors and units.

func (s *Server) directory(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, directoryOut(dir))
}

func (s *Server) unitCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in unitCreateInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	unit := &domain.Unit{Name: in.Name, Kind: in.Kind, BlockID: in.BlockID, SectorID: in.SectorID, Aliases: in.Aliases}
	if err := s.svc.CreateUnit(r.Context(), u, unit); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, unitOut(unit))
}

func (s *Server) unitUpdate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	var in unitInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	cur := dir.Unit(id)
	if cur == nil {
		return domain.ErrNotFound
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
	return writeJSON(w, http.StatusOK, unitOut(unit))
}

func (s *Server) blockCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in nameInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	b := &domain.Block{Name: in.Name}
	if err := s.svc.CreateBlock(r.Context(), u, b); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, refJSON{ID: b.ID, Name: b.Name})
}

func (s *Server) sectorCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in nameInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	sec := &domain.Sector{Name: in.Name}
	if err := s.svc.CreateSector(r.Context(), u, sec); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, refJSON{ID: sec.ID, Name: sec.Name})
}

type orgJSON struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Level    string `json:"level"`
	Place    string `json:"place"`
	Superior string `json:"superior"`
}

type unitJSON struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	BlockID  *int64   `json:"block_id"`
	SectorID *int64   `json:"sector_id"`
	Aliases  []string `json:"aliases"`
	Active   bool     `json:"active"`
	Version  int      `json:"version"`
}

func unitOut(u *domain.Unit) unitJSON {
	return unitJSON{ID: u.ID, Name: u.Name, Kind: u.Kind, BlockID: optID(u.BlockID), SectorID: optID(u.SectorID),
		Aliases: strs(u.Aliases), Active: u.Active, Version: u.Version}
}

type unitCreateInput struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	BlockID  int64    `json:"block_id"`
	SectorID int64    `json:"sector_id"`
	Aliases  []string `json:"aliases"`
}

type unitInput struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	BlockID  int64    `json:"block_id"`
	SectorID int64    `json:"sector_id"`
	Aliases  []string `json:"aliases"`
	Active   *bool    `json:"active"`
	Version  int      `json:"version"`
}

type nameInput struct {
	Name string `json:"name"`
}

type directoryJSON struct {
	Org     orgJSON     `json:"org"`
	Blocks  []refJSON   `json:"blocks"`
	Sectors []refJSON   `json:"sectors"`
	Units   []unitJSON  `json:"units"`
	Groups  []groupJSON `json:"groups"`
}

func directoryOut(d *app.Directory) directoryJSON {
	out := directoryJSON{
		Org:     orgJSON{ID: d.Org.ID, Name: d.Org.Name, Level: d.Org.Level, Place: d.Org.Place, Superior: d.Org.Superior},
		Blocks:  []refJSON{},
		Sectors: []refJSON{},
		Units:   []unitJSON{},
		Groups:  []groupJSON{},
	}
	for _, b := range d.Blocks {
		out.Blocks = append(out.Blocks, refJSON{ID: b.ID, Name: b.Name})
	}
	for _, s := range d.Sectors {
		out.Sectors = append(out.Sectors, refJSON{ID: s.ID, Name: s.Name})
	}
	for i := range d.Units {
		out.Units = append(out.Units, unitOut(&d.Units[i]))
	}
	for i := range d.Groups {
		out.Groups = append(out.Groups, groupOut(d, &d.Groups[i]))
	}
	return out
}
