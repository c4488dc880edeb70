package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/presets"
	"giaoban/internal/store"
)

// This file holds the directory (organisation, blocks, sectors, units,
// presets) and the administration pages (users, audit log). Rules and
// authorisation live in package app; pages only read forms and choose views.

// ---- Directory ----

// dirUnitInput is the add/edit unit form as typed.
type dirUnitInput struct {
	U       domain.Unit
	Aliases string
}

// dirPageData is the /units page; the forms keep what was typed when the
// page is shown again after a refused POST.
type dirPageData struct {
	Groups   []docUnitGroup
	Presets  []presets.Preset
	NewUnit  dirUnitInput
	Org      domain.Org
	Block    string
	Sector   string
	CanEdit  bool
	IsAdmin  bool
	Inactive int
}

func (s *Server) renderDirectory(w http.ResponseWriter, r *http.Request, code int, msg string, d *dirPageData) error {
	u := userOf(r)
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	d.Groups = docGroupUnits(dir, nil)
	d.Presets = presets.All()
	d.CanEdit = s.svc.CheckManage(u) == nil
	d.IsAdmin = s.svc.CheckAdmin(u) == nil
	if d.Org == (domain.Org{}) {
		d.Org = dir.Org
	}
	return s.render(w, r, code, "units", &view{Title: "Danh mục đơn vị", Nav: "units", Dir: dir, Error: msg, Data: d})
}

func (s *Server) unitList(w http.ResponseWriter, r *http.Request) error {
	return s.renderDirectory(w, r, http.StatusOK, "", &dirPageData{})
}

// dirReadUnit fills u from the posted unit form.
func dirReadUnit(r *http.Request, in *dirUnitInput) error {
	var fe docErrs
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("%w: biểu mẫu không đọc được", domain.ErrInvalid)
	}
	in.U.Name = r.PostFormValue("name")
	in.U.Kind = r.PostFormValue("kind")
	in.Aliases = r.PostFormValue("aliases")
	in.U.Aliases = docLines(in.Aliases)
	in.U.Active = r.PostFormValue("active") == "1"
	var err error
	in.U.BlockID, err = formID(r, "block_id")
	fe.keep(err)
	in.U.SectorID, err = formID(r, "sector_id")
	fe.keep(err)
	in.U.Version, err = docNumber(r, "version", "Phiên bản")
	fe.keep(err)
	return fe.err
}

func (s *Server) unitCreate(w http.ResponseWriter, r *http.Request) error {
	d := &dirPageData{}
	err := dirReadUnit(r, &d.NewUnit)
	if err == nil {
		err = s.svc.CreateUnit(r.Context(), userOf(r), &d.NewUnit.U)
	}
	if docFormFailed(err) {
		return s.renderDirectory(w, r, statusOf(err), userMessage(err), d)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/units", "Đã thêm đơn vị "+d.NewUnit.U.Name)
}

type dirUnitFormData struct {
	In dirUnitInput
}

func (s *Server) renderUnitForm(w http.ResponseWriter, r *http.Request, code int, msg string, in dirUnitInput) error {
	dir, err := s.svc.Directory(r.Context(), userOf(r))
	if err != nil {
		return err
	}
	return s.render(w, r, code, "unit_form", &view{Title: "Sửa đơn vị", Nav: "units", Dir: dir, Error: msg, Data: dirUnitFormData{In: in}})
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
	return s.renderUnitForm(w, r, http.StatusOK, "", dirUnitInput{U: *unit, Aliases: strings.Join(unit.Aliases, "\n")})
}

func (s *Server) unitUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	in := dirUnitInput{U: domain.Unit{ID: id}}
	err = dirReadUnit(r, &in)
	if err == nil {
		err = s.svc.UpdateUnit(r.Context(), userOf(r), &in.U)
	}
	if docFormFailed(err) {
		return s.renderUnitForm(w, r, statusOf(err), userMessage(err), in)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/units", "Đã lưu đơn vị "+in.U.Name)
}

func (s *Server) blockCreate(w http.ResponseWriter, r *http.Request) error {
	b := &domain.Block{Name: r.PostFormValue("name")}
	err := s.svc.CreateBlock(r.Context(), userOf(r), b)
	if docFormFailed(err) {
		return s.renderDirectory(w, r, statusOf(err), userMessage(err), &dirPageData{Block: r.PostFormValue("name")})
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/units", "Đã thêm khối "+b.Name)
}

func (s *Server) sectorCreate(w http.ResponseWriter, r *http.Request) error {
	sec := &domain.Sector{Name: r.PostFormValue("name")}
	err := s.svc.CreateSector(r.Context(), userOf(r), sec)
	if docFormFailed(err) {
		return s.renderDirectory(w, r, statusOf(err), userMessage(err), &dirPageData{Sector: r.PostFormValue("name")})
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/units", "Đã thêm lĩnh vực "+sec.Name)
}

func (s *Server) orgUpdate(w http.ResponseWriter, r *http.Request) error {
	o := &domain.Org{Name: r.PostFormValue("name"), Level: r.PostFormValue("level"), Place: r.PostFormValue("place"),
		Superior: r.PostFormValue("superior")}
	typed := *o
	err := s.svc.UpdateOrg(r.Context(), userOf(r), o)
	if docFormFailed(err) {
		return s.renderDirectory(w, r, statusOf(err), userMessage(err), &dirPageData{Org: typed})
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/units", "Đã lưu thông tin cơ quan")
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
		if docFormFailed(err) {
			return s.renderDirectory(w, r, statusOf(err), userMessage(err), &dirPageData{})
		}
		return err
	}
	after, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	return redirect(w, r, "/units", dirPresetFlash(preset.Title, before, after))
}

// dirPresetFlash says what a preset added.
func dirPresetFlash(title string, before, after *app.Directory) string {
	b := len(after.Blocks) - len(before.Blocks)
	sc := len(after.Sectors) - len(before.Sectors)
	un := len(after.Units) - len(before.Units)
	if b == 0 && sc == 0 && un == 0 {
		return fmt.Sprintf("Mẫu «%s»: danh mục đã có đủ, không thêm gì mới.", title)
	}
	return fmt.Sprintf("Đã nạp mẫu «%s»: thêm %d khối, %d lĩnh vực, %d đơn vị.", title, b, sc, un)
}

// ---- Users ----

// adminUserInput is the user form as typed (the password is never shown again).
type adminUserInput struct {
	U domain.User
}

type adminUsersData struct {
	Users   []domain.User
	NewUser adminUserInput
	Units   []domain.Unit
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, code int, msg string, in adminUserInput) error {
	u := userOf(r)
	users, err := s.svc.Users(r.Context(), u)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	if in.U.Role == "" {
		in.U.Role = domain.RoleUnit
	}
	return s.render(w, r, code, "users", &view{Title: "Người dùng", Nav: "users", Dir: dir, Error: msg,
		Data: adminUsersData{Users: users, NewUser: in, Units: dir.Units}})
}

func (s *Server) userList(w http.ResponseWriter, r *http.Request) error {
	return s.renderUsers(w, r, http.StatusOK, "", adminUserInput{})
}

// adminReadUser fills in from the posted user form.
func adminReadUser(r *http.Request, in *adminUserInput) error {
	var fe docErrs
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("%w: biểu mẫu không đọc được", domain.ErrInvalid)
	}
	in.U.Username = r.PostFormValue("username")
	in.U.FullName = r.PostFormValue("full_name")
	in.U.Role = domain.Role(r.PostFormValue("role"))
	in.U.Disabled = r.PostFormValue("disabled") == "1"
	var err error
	in.U.UnitID, err = formID(r, "unit_id")
	fe.keep(err)
	in.U.Version, err = docNumber(r, "version", "Phiên bản")
	fe.keep(err)
	return fe.err
}

func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error {
	var in adminUserInput
	err := adminReadUser(r, &in)
	if err == nil && r.PostFormValue("password") != r.PostFormValue("confirm") {
		err = fmt.Errorf("%w: mật khẩu và mật khẩu nhập lại không khớp", domain.ErrInvalid)
	}
	if err == nil {
		nu := in.U
		err = s.svc.CreateUser(r.Context(), userOf(r), &nu, r.PostFormValue("password"))
		in.U.Username = nu.Username
	}
	if docFormFailed(err) {
		return s.renderUsers(w, r, statusOf(err), userMessage(err), in)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/admin/users", "Đã tạo người dùng "+in.U.Username)
}

type adminUserFormData struct {
	In    adminUserInput
	Units []domain.Unit
}

// adminUser is user id as the actor's user list holds it, or domain.ErrNotFound.
func (s *Server) adminUser(ctx context.Context, actor *domain.User, id int64) (domain.User, error) {
	users, err := s.svc.Users(ctx, actor)
	if err != nil {
		return domain.User{}, err
	}
	for _, x := range users {
		if x.ID == id {
			return x, nil
		}
	}
	return domain.User{}, domain.ErrNotFound
}

func (s *Server) renderUserForm(w http.ResponseWriter, r *http.Request, code int, msg string, in adminUserInput) error {
	u := userOf(r)
	stored, err := s.adminUser(r.Context(), u, in.U.ID)
	if err != nil {
		return err
	}
	// The user name is not editable: show the stored one.
	in.U.Username = stored.Username
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	return s.render(w, r, code, "user_form", &view{Title: "Sửa người dùng", Nav: "users", Dir: dir, Error: msg,
		Data: adminUserFormData{In: in, Units: dir.Units}})
}

func (s *Server) userEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	x, err := s.adminUser(r.Context(), userOf(r), id)
	if err != nil {
		return err
	}
	return s.renderUserForm(w, r, http.StatusOK, "", adminUserInput{U: x})
}

func (s *Server) userUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	in := adminUserInput{U: domain.User{ID: id}}
	err = adminReadUser(r, &in)
	if err == nil {
		uu := in.U
		err = s.svc.UpdateUser(r.Context(), userOf(r), &uu)
	}
	if docFormFailed(err) {
		return s.renderUserForm(w, r, statusOf(err), userMessage(err), in)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/admin/users", "Đã lưu người dùng")
}

func (s *Server) userPassword(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx, u := r.Context(), userOf(r)
	pw := r.PostFormValue("password")
	if pw != r.PostFormValue("confirm") {
		err = fmt.Errorf("%w: mật khẩu mới và mật khẩu nhập lại không khớp", domain.ErrInvalid)
	} else {
		err = s.svc.ResetPassword(ctx, u, id, pw)
	}
	if docFormFailed(err) {
		x, uerr := s.adminUser(ctx, u, id)
		if uerr != nil {
			return uerr
		}
		return s.renderUserForm(w, r, statusOf(err), userMessage(err), adminUserInput{U: x})
	}
	if err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/admin/users/%d/edit", id), "Đã đặt lại mật khẩu; người dùng phải đăng nhập lại")
}

// ---- Audit log ----

// adminAuditRow is an audit entry with its JSON indented for reading.
type adminAuditRow struct {
	store.AuditEntry
	BeforeJSON string
	AfterJSON  string
}

type adminAuditData struct {
	Rows     []adminAuditRow
	Users    []domain.User
	Pager    Pager
	Entity   string
	EntityID string
	UserID   int64
	Entities []string
}

// adminAuditEntities are the kinds of record the service writes to the log.
var adminAuditEntities = []string{"meeting", "notice", "task", "report", "extension", "unit", "block", "sector", "org", "user", "api_token"}

// adminPrettyJSON indents stored JSON; text that is not JSON is shown as it is.
func adminPrettyJSON(s string) string {
	if s == "" {
		return ""
	}
	var b bytes.Buffer
	if err := json.Indent(&b, []byte(s), "", "  "); err != nil {
		return s
	}
	return b.String()
}

func (s *Server) auditLog(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	q := r.URL.Query()
	d := adminAuditData{Entity: strings.TrimSpace(q.Get("entity")), EntityID: strings.TrimSpace(q.Get("entity_id")),
		UserID: docQueryID(r, "user"), Entities: adminAuditEntities}
	f := store.AuditFilter{Entity: d.Entity, EntityID: docQueryID(r, "entity_id"), UserID: d.UserID}
	page, per, off := pageParams(r, 50)
	f.Limit, f.Offset = per, off
	entries, total, err := s.svc.AuditLog(ctx, u, f)
	if err != nil {
		return err
	}
	if d.Users, err = s.svc.Users(ctx, u); err != nil {
		return err
	}
	for _, e := range entries {
		d.Rows = append(d.Rows, adminAuditRow{AuditEntry: e, BeforeJSON: adminPrettyJSON(e.Before), AfterJSON: adminPrettyJSON(e.After)})
	}
	d.Pager = newPager(r, page, per, total)
	return s.render(w, r, http.StatusOK, "audit", &view{Title: "Nhật ký thao tác", Nav: "audit", Data: d})
}
