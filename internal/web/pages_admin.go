package web

import (
	"context"
	"fmt"
	"net/http"

	"giaoban/internal/domain"
	"giaoban/internal/httpx"
)

// The administration pages: users (the audit log is audit.go's). Rules and
// authorisation live in package app; pages only read forms and choose views.

// userForm is the user form as typed (the password is never shown again).
type userForm struct {
	U domain.User
}

type usersData struct {
	Users   []domain.User
	NewUser userForm
	Units   []domain.Unit
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, code int, msg string, in userForm) error {
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
		Data: usersData{Users: users, NewUser: in, Units: dir.Units}})
}

func (s *Server) userList(w http.ResponseWriter, r *http.Request) error {
	return s.renderUsers(w, r, http.StatusOK, "", userForm{})
}

// readUser fills in from the posted user form.
func readUser(r *http.Request, in *userForm) error {
	var fe formErrs
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
	in.U.Version, err = formInt(r, "version", "Phiên bản", 0)
	fe.keep(err)
	return fe.err
}

func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error {
	var in userForm
	err := readUser(r, &in)
	if err == nil && r.PostFormValue("password") != r.PostFormValue("confirm") {
		err = fmt.Errorf("%w: mật khẩu và mật khẩu nhập lại không khớp", domain.ErrInvalid)
	}
	if err == nil {
		nu := in.U
		err = s.svc.CreateUser(r.Context(), userOf(r), &nu, r.PostFormValue("password"))
		in.U.Username = nu.Username
	}
	if isFormError(err) {
		return s.renderUsers(w, r, httpx.Status(err), httpx.Message(err), in)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/admin/users", flashUserCreated)
}

type userFormData struct {
	In    userForm
	Units []domain.Unit
}

// userByID is user id as the actor's user list holds it, or domain.ErrNotFound.
func (s *Server) userByID(ctx context.Context, actor *domain.User, id int64) (domain.User, error) {
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

func (s *Server) renderUserForm(w http.ResponseWriter, r *http.Request, code int, msg string, in userForm) error {
	u := userOf(r)
	stored, err := s.userByID(r.Context(), u, in.U.ID)
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
		Data: userFormData{In: in, Units: dir.Units}})
}

func (s *Server) userEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	x, err := s.userByID(r.Context(), userOf(r), id)
	if err != nil {
		return err
	}
	return s.renderUserForm(w, r, http.StatusOK, "", userForm{U: x})
}

func (s *Server) userUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	in := userForm{U: domain.User{ID: id}}
	err = readUser(r, &in)
	if err == nil {
		uu := in.U
		err = s.svc.UpdateUser(r.Context(), userOf(r), &uu)
	}
	if isFormError(err) {
		return s.renderUserForm(w, r, httpx.Status(err), httpx.Message(err), in)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/admin/users", flashUserSaved)
}

func (s *Server) userPassword(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
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
	if isFormError(err) {
		x, uerr := s.userByID(ctx, u, id)
		if uerr != nil {
			return uerr
		}
		return s.renderUserForm(w, r, httpx.Status(err), httpx.Message(err), userForm{U: x})
	}
	if err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/admin/users/%d/edit", id), flashUserPasswordReset)
}
