package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/presets"
)

// The directory page: the organisation, its blocks, sectors and units, and
// the presets that fill it. Rules and authorisation live in package app;
// pages only read forms and choose views.

// unitForm is the add/edit unit form as typed.
type unitForm struct {
	U       domain.Unit
	Aliases string
}

// directoryData is the /units page; the forms keep what was typed when the
// page is shown again after a refused POST.
type directoryData struct {
	Groups   []unitGroup
	Presets  []presets.Preset
	NewUnit  unitForm
	Org      domain.Org
	Block    string
	Sector   string
	CanEdit  bool
	IsAdmin  bool
	Inactive int
}

func (s *Server) renderDirectory(w http.ResponseWriter, r *http.Request, code int, msg string, d *directoryData) error {
	u := userOf(r)
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	d.Groups = groupUnits(dir, nil)
	d.Presets = presets.All()
	d.CanEdit = s.svc.CheckManage(u) == nil
	d.IsAdmin = s.svc.CheckAdmin(u) == nil
	if d.Org == (domain.Org{}) {
		d.Org = dir.Org
	}
	return s.render(w, r, code, "units", &view{Title: "Danh mục đơn vị", Nav: "units", Dir: dir, Error: msg, Data: d})
}

func (s *Server) unitList(w http.ResponseWriter, r *http.Request) error {
	return s.renderDirectory(w, r, http.StatusOK, "", &directoryData{})
}

// readUnit fills u from the posted unit form.
func readUnit(r *http.Request, in *unitForm) error {
	var fe formErrs
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("%w: biểu mẫu không đọc được", domain.ErrInvalid)
	}
	in.U.Name = r.PostFormValue("name")
	in.U.Kind = r.PostFormValue("kind")
	in.Aliases = r.PostFormValue("aliases")
	in.U.Aliases = lines(in.Aliases)
	in.U.Active = r.PostFormValue("active") == "1"
	var err error
	in.U.BlockID, err = formID(r, "block_id")
	fe.keep(err)
	in.U.SectorID, err = formID(r, "sector_id")
	fe.keep(err)
	in.U.Version, err = formInt(r, "version", "Phiên bản", 0)
	fe.keep(err)
	return fe.err
}

func (s *Server) unitCreate(w http.ResponseWriter, r *http.Request) error {
	d := &directoryData{}
	err := readUnit(r, &d.NewUnit)
	if err == nil {
		err = s.svc.CreateUnit(r.Context(), userOf(r), &d.NewUnit.U)
	}
	if isFormError(err) {
		return s.renderDirectory(w, r, httpx.Status(err), httpx.Message(err), d)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/units", flashUnitCreated)
}

type unitFormData struct {
	In unitForm
}

func (s *Server) renderUnitForm(w http.ResponseWriter, r *http.Request, code int, msg string, in unitForm) error {
	dir, err := s.svc.Directory(r.Context(), userOf(r))
	if err != nil {
		return err
	}
	return s.render(w, r, code, "unit_form", &view{Title: "Sửa đơn vị", Nav: "units", Dir: dir, Error: msg, Data: unitFormData{In: in}})
}

// directoryUnit is unit id as the actor's directory holds it, or
// domain.ErrNotFound; the unit page and the API edit the same record.
func (s *Server) directoryUnit(ctx context.Context, actor *domain.User, id int64) (*domain.Unit, error) {
	dir, err := s.svc.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	unit := dir.Unit(id)
	if unit == nil {
		return nil, domain.ErrNotFound
	}
	return unit, nil
}

func (s *Server) unitEdit(w http.ResponseWriter, r *http.Request) error {
	id, u, err := s.manageID(r)
	if err != nil {
		return err
	}
	unit, err := s.directoryUnit(r.Context(), u, id)
	if err != nil {
		return err
	}
	return s.renderUnitForm(w, r, http.StatusOK, "", unitForm{U: *unit, Aliases: strings.Join(unit.Aliases, "\n")})
}

func (s *Server) unitUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	in := unitForm{U: domain.Unit{ID: id}}
	err = readUnit(r, &in)
	if err == nil {
		err = s.svc.UpdateUnit(r.Context(), userOf(r), &in.U)
	}
	if isFormError(err) {
		return s.renderUnitForm(w, r, httpx.Status(err), httpx.Message(err), in)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/units", flashUnitSaved)
}

func (s *Server) blockCreate(w http.ResponseWriter, r *http.Request) error {
	b := &domain.Block{Name: r.PostFormValue("name")}
	err := s.svc.CreateBlock(r.Context(), userOf(r), b)
	if isFormError(err) {
		return s.renderDirectory(w, r, httpx.Status(err), httpx.Message(err), &directoryData{Block: r.PostFormValue("name")})
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/units", flashBlockCreated)
}

func (s *Server) sectorCreate(w http.ResponseWriter, r *http.Request) error {
	sec := &domain.Sector{Name: r.PostFormValue("name")}
	err := s.svc.CreateSector(r.Context(), userOf(r), sec)
	if isFormError(err) {
		return s.renderDirectory(w, r, httpx.Status(err), httpx.Message(err), &directoryData{Sector: r.PostFormValue("name")})
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/units", flashSectorCreated)
}

func (s *Server) orgUpdate(w http.ResponseWriter, r *http.Request) error {
	o := &domain.Org{Name: r.PostFormValue("name"), Level: r.PostFormValue("level"), Place: r.PostFormValue("place"),
		Superior: r.PostFormValue("superior")}
	typed := *o
	err := s.svc.UpdateOrg(r.Context(), userOf(r), o)
	if isFormError(err) {
		return s.renderDirectory(w, r, httpx.Status(err), httpx.Message(err), &directoryData{Org: typed})
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/units", flashOrgSaved)
}

// presetLoad adds a directory preset and says what it added, counted as the
// difference of the directory before and after.
func (s *Server) presetLoad(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	if err := s.svc.CheckManage(u); err != nil {
		return err
	}
	name := r.PathValue("name")
	var preset *presets.Preset
	for _, p := range presets.All() {
		if p.Name == name {
			preset = &p
			break
		}
	}
	if preset == nil {
		return domain.ErrNotFound
	}
	before, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	if err := presets.Load(ctx, s.svc, u, name); err != nil {
		if isFormError(err) {
			return s.renderDirectory(w, r, httpx.Status(err), httpx.Message(err), &directoryData{})
		}
		return err
	}
	after, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	// What the preset added.
	b := len(after.Blocks) - len(before.Blocks)
	sc := len(after.Sectors) - len(before.Sectors)
	un := len(after.Units) - len(before.Units)
	if b == 0 && sc == 0 && un == 0 {
		return redirect(w, r, "/units", flashPresetNothing)
	}
	return redirect(w, r, "/units", flashPresetLoaded, b, sc, un)
}
