package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
)

// Groups of units (their section of the directory, the group form) and the
// tasks that wait for units: the list the Office resolves, expanding a group
// to its members or picking units; and deciding on a correction's proposed
// changes. Rules live in package app.

// groupForm is the group form as typed.
type groupForm struct {
	G       domain.Group
	Aliases string
	Kinds   string
}

type groupFormData struct {
	In      groupForm
	Members unitPicker // the units named one by one
	// Now lists the units that belong to the group as saved.
	Now string
}

// readGroup fills in from the posted group form.
func readGroup(r *http.Request, in *groupForm) error {
	var fe formErrs
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("%w: biểu mẫu không đọc được", domain.ErrInvalid)
	}
	in.G.Name = r.PostFormValue("name")
	in.Aliases, in.Kinds = r.PostFormValue("aliases"), r.PostFormValue("kinds")
	in.G.Aliases = lines(in.Aliases)
	in.G.MemberKinds = nil
	for _, k := range strings.Split(in.Kinds, ",") {
		if k = strings.TrimSpace(k); k != "" {
			in.G.MemberKinds = append(in.G.MemberKinds, k)
		}
	}
	in.G.Open = r.PostFormValue("open") == "1"
	var err error
	in.G.BlockID, err = formID(r, "block_id")
	fe.keep(err)
	in.G.Members, err = formIDs(r, "members")
	fe.keep(err)
	in.G.Version, err = formInt(r, "version", "Phiên bản", 0)
	fe.keep(err)
	return fe.err
}

func (s *Server) renderGroupForm(w http.ResponseWriter, r *http.Request, code int, msg string, in groupForm) error {
	dir, err := s.svc.Directory(r.Context(), userOf(r))
	if err != nil {
		return err
	}
	d := groupFormData{In: in, Members: pickUnits(dir, "members", "Thành viên chọn từng đơn vị", in.G.Members, activeOrChosen(in.G.Members))}
	d.Members.Hint = "Các đơn vị thuộc nhóm ngoài quy tắc trên."
	if in.G.ID != 0 {
		d.Now = dir.UnitNames(dir.GroupMembers(in.G.ID))
	}
	title := "Thêm nhóm đơn vị"
	if in.G.ID != 0 {
		title = "Sửa nhóm đơn vị"
	}
	return s.render(w, r, code, "group_form", &view{Title: title, Nav: "units", Dir: dir, Error: msg, Data: d})
}

func (s *Server) groupNew(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.CheckManage(userOf(r)); err != nil {
		return err
	}
	return s.renderGroupForm(w, r, http.StatusOK, "", groupForm{})
}

func (s *Server) groupCreate(w http.ResponseWriter, r *http.Request) error {
	var in groupForm
	err := readGroup(r, &in)
	if err == nil {
		err = s.svc.CreateGroup(r.Context(), userOf(r), &in.G)
	}
	if isFormError(err) {
		return s.renderGroupForm(w, r, httpx.Status(err), httpx.Message(err), in)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/units#nhom", flashGroupCreated)
}

func (s *Server) groupEdit(w http.ResponseWriter, r *http.Request) error {
	id, u, err := s.manageID(r)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	g := dir.Group(id)
	if g == nil {
		return domain.ErrNotFound
	}
	return s.renderGroupForm(w, r, http.StatusOK, "", groupForm{G: *g, Aliases: strings.Join(g.Aliases, "\n"), Kinds: strings.Join(g.MemberKinds, ", ")})
}

func (s *Server) groupUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	in := groupForm{G: domain.Group{ID: id}}
	err = readGroup(r, &in)
	if err == nil {
		err = s.svc.UpdateGroup(r.Context(), userOf(r), &in.G)
	}
	if isFormError(err) {
		return s.renderGroupForm(w, r, httpx.Status(err), httpx.Message(err), in)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/units#nhom", flashGroupSaved)
}

// --- Tasks waiting for units -------------------------------------------------

type unresolvedData struct {
	Items  []taskItem
	Offset int // of the page's first row, for its number
	Pager  Pager
}

func (s *Server) taskUnresolved(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	if err := s.svc.CheckManage(u); err != nil {
		return err
	}
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	f, err := readTaskFilter(r)
	if err != nil {
		return err
	}
	page, limit, offset := pageParams(r, tasksPerPage)
	f.Limit, f.Offset = limit, offset
	rows, total, err := s.svc.UnresolvedTasks(ctx, u, f)
	if err != nil {
		return err
	}
	d := &unresolvedData{Items: s.taskItems(dir, rows), Offset: offset, Pager: newPager(r, page, tasksPerPage, total)}
	return s.render(w, r, http.StatusOK, "tasks_unresolved", &view{Title: "Nhiệm vụ chưa xác định đơn vị", Nav: "tasks", Dir: dir, Data: d})
}

func (s *Server) taskExpandGroup(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	group, err := formID(r, "group")
	if err != nil {
		return s.taskFormFailed(w, r, id, err, taskPageForm{})
	}
	version, err := formInt(r, "version", "Phiên bản", 0)
	if err == nil {
		_, err = s.svc.ExpandTaskGroup(r.Context(), userOf(r), id, group, version)
	}
	if err != nil {
		return s.taskFormFailed(w, r, id, err, taskPageForm{})
	}
	return redirect(w, r, fmt.Sprintf("/tasks/%d", id), flashTaskExpanded)
}

type resolveData struct {
	ID      int64
	Text    string
	Version int
	// Named and NamedSupport are the lead and the support the task
	// names now: units and groups.
	Named, NamedSupport string
	// The pickers of the lead and supporting units.
	Lead, Support unitPicker
}

// renderResolve shows the unit picker for task id, preselecting lead and
// support (the members of the groups it names, the first time).
func (s *Server) renderResolve(w http.ResponseWriter, r *http.Request, code int, msg string, id int64, lead, support []int64, version int) error {
	ctx, u := r.Context(), userOf(r)
	td, err := s.svc.Task(ctx, u, id)
	if err != nil {
		return err
	}
	if !td.CanEdit {
		return domain.ErrForbidden
	}
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	if lead == nil && support == nil {
		lead, support, version = append(lead, td.Lead...), append(support, td.Support...), td.Version
		for _, g := range td.LeadGroups {
			lead = appendNew(lead, dir.GroupMembers(g)...)
		}
		for _, g := range td.SupportGroups {
			for _, m := range dir.GroupMembers(g) {
				if !slices.Contains(lead, m) {
					support = appendNew(support, m)
				}
			}
		}
	}
	d := &resolveData{ID: id, Text: td.Text, Version: version, Named: dir.Assignees(td.Lead, td.LeadGroups, app.Unassigned),
		NamedSupport: dir.Assignees(td.Support, td.SupportGroups, ""),
		Lead:         pickUnits(dir, "lead", "Đơn vị chủ trì", lead, activeOrChosen(lead)),
		Support:      pickUnits(dir, "support", "Đơn vị phối hợp", support, activeOrChosen(support))}
	return s.render(w, r, code, "task_resolve", &view{Title: "Chọn đơn vị thực hiện", Nav: "tasks", Dir: dir, Error: msg, Data: d})
}

func (s *Server) taskResolveForm(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	return s.renderResolve(w, r, http.StatusOK, "", id, nil, nil, 0)
}

func (s *Server) taskResolve(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	var fe formErrs
	lead, err := formIDs(r, "lead")
	fe.keep(err)
	support, err := formIDs(r, "support")
	fe.keep(err)
	version, err := formInt(r, "version", "Phiên bản", 0)
	fe.keep(err)
	err = fe.err
	if err == nil {
		_, err = s.svc.ResolveTaskUnits(r.Context(), userOf(r), id, app.ResolveInput{Lead: lead, Support: support, Version: version})
	}
	if isFormError(err) {
		if lead == nil {
			lead = []int64{}
		}
		return s.renderResolve(w, r, httpx.Status(err), httpx.Message(err), id, lead, support, version)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/tasks/%d", id), flashTaskResolved)
}

// --- A correction's proposed changes ---------------------------------------

// changeDecision reads the version of a proposed change and runs decide;
// the page to go back to is the correcting notice.
func (s *Server) changeDecision(w http.ResponseWriter, r *http.Request, flash flashKey, decide func(id int64, version int) (int64, error)) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	td, err := s.svc.Task(r.Context(), userOf(r), id)
	if err != nil {
		return err
	}
	version, err := formInt(r, "version", "Phiên bản", 0)
	var to int64
	if err == nil {
		to, err = decide(id, version)
	}
	if err != nil {
		return s.taskFormFailed(w, r, id, err, taskPageForm{})
	}
	back := fmt.Sprintf("/tasks/%d", to)
	if td.NoticeID != 0 && r.PostFormValue("back") == "notice" {
		back = fmt.Sprintf("/notices/%d#thay-doi", td.NoticeID)
	}
	return redirect(w, r, back, flash)
}

func (s *Server) taskConfirmChange(w http.ResponseWriter, r *http.Request) error {
	return s.changeDecision(w, r, flashChangeConfirmed, func(id int64, version int) (int64, error) {
		t, err := s.svc.ConfirmTaskChange(r.Context(), userOf(r), id, version)
		if err != nil {
			return 0, err
		}
		return t.ID, nil
	})
}

func (s *Server) taskDiscardChange(w http.ResponseWriter, r *http.Request) error {
	return s.changeDecision(w, r, flashChangeDiscarded, func(id int64, version int) (int64, error) {
		ch, err := s.svc.TaskChangeOf(r.Context(), userOf(r), id)
		if err != nil {
			return 0, err
		}
		back := id
		if ch != nil {
			back = ch.Original.ID
		}
		return back, s.svc.DiscardTaskChange(r.Context(), userOf(r), id, version)
	})
}

// appendNew appends the ids not in xs yet.
func appendNew(xs []int64, ids ...int64) []int64 {
	for _, id := range ids {
		if !slices.Contains(xs, id) {
			xs = append(xs, id)
		}
	}
	return xs
}
