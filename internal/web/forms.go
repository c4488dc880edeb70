package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

// Reading forms and query strings, and the choices that forms offer: one
// helper for each job, for every page.

// formID reads an id field of the form or the query string; empty gives 0,
// anything but a whole number ≥ 0 gives 0 and an ErrInvalid. A list filter
// ignores the error: a filter that is not a number filters nothing.
func formID(r *http.Request, name string) (int64, error) {
	v := strings.TrimSpace(r.FormValue(name))
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id < 0 {
		return 0, fmt.Errorf("%w: mã %s không hợp lệ", domain.ErrInvalid, name)
	}
	return id, nil
}

// formIDs reads a multi-valued id field (checkboxes, multi-selects).
func formIDs(r *http.Request, name string) ([]int64, error) {
	var out []int64
	for _, v := range r.Form[name] {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%w: danh sách %s không hợp lệ", domain.ErrInvalid, name)
		}
		out = append(out, id)
	}
	return out, nil
}

// formInt reads a whole number typed in the field that label names to the
// user; empty gives def.
func formInt(r *http.Request, name, label string, def int) (int, error) {
	v := strings.TrimSpace(r.FormValue(name))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("%w: %s %q không phải là số", domain.ErrInvalid, label, v)
	}
	return n, nil
}

// lines splits a textarea into its non-blank lines, trimmed.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// isFormError reports whether err is the user's to correct on the form shown
// again with what they typed: bad input (422), a stale version (409) or an
// oversized file (413).
func isFormError(err error) bool {
	switch httpx.Status(err) {
	case http.StatusUnprocessableEntity, http.StatusConflict, http.StatusRequestEntityTooLarge:
		return true
	}
	return false
}

// formErrs keeps the first error of a form so that every field is still read
// and shown again as typed.
type formErrs struct{ err error }

func (f *formErrs) keep(err error) {
	if f.err == nil && err != nil {
		f.err = err
	}
}

// manageID reads the {id} of a record the caller is about to edit, and refuses
// anyone who may not manage before anything is loaded: a bad id is not found,
// a unit user forbidden.
func (s *Server) manageID(r *http.Request) (int64, *domain.User, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return 0, nil, err
	}
	u := userOf(r)
	if err := s.svc.CheckManage(u); err != nil {
		return 0, nil, err
	}
	return id, u, nil
}

// unitGroup is the units of one block, as unit pickers and the directory
// page show them.
type unitGroup struct {
	Block domain.Block
	Units []domain.Unit
}

// groupUnits puts the directory's units that keep accepts (all when keep is
// nil) under their blocks, in the directory's order, and the units of no (or
// an unknown) block last, under "Chưa xếp khối".
func groupUnits(dir *app.Directory, keep func(*domain.Unit) bool) []unitGroup {
	idx := map[int64]int{}
	groups := make([]unitGroup, 0, len(dir.Blocks)+1)
	for _, b := range dir.Blocks {
		idx[b.ID] = len(groups)
		groups = append(groups, unitGroup{Block: b})
	}
	rest := unitGroup{Block: domain.Block{Name: "Chưa xếp khối"}}
	for i := range dir.Units {
		u := &dir.Units[i]
		if keep != nil && !keep(u) {
			continue
		}
		if g, ok := idx[u.BlockID]; ok {
			groups[g].Units = append(groups[g].Units, *u)
		} else {
			rest.Units = append(rest.Units, *u)
		}
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.Units) > 0 {
			out = append(out, g)
		}
	}
	if len(rest.Units) > 0 {
		out = append(out, rest)
	}
	return out
}

// activeOrChosen keeps, for a unit picker, the active units and the inactive
// ones the record already names.
func activeOrChosen(chosen ...[]int64) func(*domain.Unit) bool {
	return func(u *domain.Unit) bool {
		if u.Active {
			return true
		}
		for _, ids := range chosen {
			if slices.Contains(ids, u.ID) {
				return true
			}
		}
		return false
	}
}

// meetingOption is a meeting in a select.
type meetingOption struct {
	ID    int64
	Label string
}

// meetingOptions lists the limit most recent meetings for a select, and
// meeting chosen after them when it is older (0 for none).
func (s *Server) meetingOptions(r *http.Request, limit int, chosen int64) ([]meetingOption, error) {
	ctx, u := r.Context(), userOf(r)
	ms, _, err := s.svc.Meetings(ctx, u, store.MeetingFilter{Limit: limit})
	if err != nil {
		return nil, err
	}
	out := make([]meetingOption, 0, len(ms)+1)
	seen := false
	for i := range ms {
		out = append(out, meetingOption{ms[i].ID, meetingLabel(&ms[i])})
		seen = seen || ms[i].ID == chosen
	}
	if chosen != 0 && !seen {
		m, err := s.svc.Meeting(ctx, u, chosen)
		switch {
		case err == nil:
			out = append(out, meetingOption{m.ID, meetingLabel(m)})
		case !app.IsNotFound(err):
			return nil, err
		}
	}
	return out, nil
}

// meetingLabel names a meeting in a select: its title, cut, and its day.
func meetingLabel(m *domain.Meeting) string {
	return shorten(m.Title, 70) + " (" + m.Date.VN() + ")"
}
