package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/textfold"
)

// Groups of units: named sets ("UBND các xã, thị trấn", "Các đơn vị có liên
// quan") that notices address together. A group is never a unit: it has no
// account, no row in any per-unit figure, and a task it leads waits, as
// "chưa xác định đơn vị", until the Office expands it to its members or picks
// the units.

// groupPrefixes are the folded starts of a name that designates several
// bodies at once: plural forms and collective titles. The migration that
// turned such units into groups (0008_groups.sql) applies the same rule.
var groupPrefixes = []string{"cac ", "ubnd cac ", "uy ban nhan dan cac ", "lanh dao cac ", "thanh vien ", "khoi "}

// LooksLikeGroup reports whether a name (with the kind it was given, if any)
// designates a group of units rather than one unit: "Các đơn vị có liên
// quan", "UBND các xã, thị trấn", "Thành viên Ban Chỉ đạo", "Khối kinh tế".
func LooksLikeGroup(name, kind string) bool {
	if textfold.Fold(kind) == "nhom don vi" {
		return true
	}
	f := textfold.Fold(name)
	for _, p := range groupPrefixes {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// GroupFromName is the group a name designates, with the rule its words
// give: the communes for "các xã, thị trấn", the schools for "các nhà
// trường", the specialised offices for "các phòng chuyên môn", the block of
// the directory whose name it contains; "… liên quan" and a name without
// a rule make an open group.
func GroupFromName(name string, dir *Directory) domain.Group {
	g := domain.Group{Name: strings.TrimSpace(name)}
	f := textfold.Fold(name)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(f, w) {
				return true
			}
		}
		return false
	}
	related := has("lien quan")
	switch {
	case related:
	case has("cac xa", "cac phuong", "cac thi tran", "xa, phuong", "xa, thi tran"):
		g.MemberKinds = []string{"xã", "phường", "thị trấn"}
	case has("nha truong", "truong hoc") || strings.HasPrefix(f, "cac truong "):
		g.MemberKinds = []string{"trường"}
	case strings.HasPrefix(f, "cac phong chuyen mon"):
		g.MemberKinds = []string{"phòng"}
	}
	if !related && dir != nil {
		for _, b := range dir.Blocks {
			if strings.Contains(f, textfold.Fold(b.Name)) {
				g.BlockID = b.ID
				break
			}
		}
	}
	g.Open = related || !g.HasRule()
	return g
}

// Group returns the group with id, or nil.
func (d *Directory) Group(id int64) *domain.Group {
	for i := range d.Groups {
		if d.Groups[i].ID == id {
			return &d.Groups[i]
		}
	}
	return nil
}

// GroupMembers lists the active units that belong to group id (by its rule
// or by name), in directory order; none for an unknown group.
func (d *Directory) GroupMembers(id int64) []int64 {
	g := d.Group(id)
	if g == nil {
		return nil
	}
	return g.MemberIDs(d.Units)
}

// GroupName is the name of group id, or "".
func (d *Directory) GroupName(id int64) string {
	if g := d.Group(id); g != nil {
		return g.Name
	}
	return ""
}

// GroupNames joins the names of groups ids with ", ".
func (d *Directory) GroupNames(ids []int64) string {
	var out []string
	for _, id := range ids {
		if g := d.Group(id); g != nil {
			out = append(out, g.Name)
		}
	}
	return strings.Join(out, ", ")
}

func (s *Service) validateGroup(ctx context.Context, actor *domain.User, g *domain.Group) (*Directory, error) {
	var err error
	if g.Name, err = cleanText("Tên nhóm", g.Name, true, 200); err != nil {
		return nil, err
	}
	var kinds []string
	for _, k := range g.MemberKinds {
		k, err := cleanText("Loại đơn vị thành viên", k, false, 100)
		if err != nil {
			return nil, err
		}
		if k != "" && !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	g.MemberKinds = kinds
	for i, a := range g.Aliases {
		if g.Aliases[i], err = cleanText("Tên gọi khác", a, false, 200); err != nil {
			return nil, err
		}
	}
	g.OrgID = actor.OrgID
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	if g.BlockID != 0 && dir.BlockName(g.BlockID) == "" {
		return nil, invalid("khối không tồn tại")
	}
	for _, id := range g.Members {
		if dir.Unit(id) == nil {
			return nil, invalid("đơn vị thành viên không có trong danh mục")
		}
	}
	r := dir.Resolver()
	for _, n := range append([]string{g.Name}, g.Aliases...) {
		if u, ok := r.Resolve(n); ok {
			return nil, fmt.Errorf("%w: «%s» đã là tên (hoặc tên gọi khác) của đơn vị «%s»", domain.ErrDuplicate, n, u.Name)
		}
	}
	return dir, nil
}

// CreateGroup adds a group to the directory (admin or Office). Its name and
// aliases may not name a unit.
func (s *Service) CreateGroup(ctx context.Context, actor *domain.User, g *domain.Group) error {
	if err := needManage(actor); err != nil {
		return err
	}
	if _, err := s.validateGroup(ctx, actor, g); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateGroup(ctx, g); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "create", "group", g.ID, nil, g)
	})
}

// UpdateGroup saves a group under optimistic locking (admin or Office).
func (s *Service) UpdateGroup(ctx context.Context, actor *domain.User, g *domain.Group) error {
	if err := needManage(actor); err != nil {
		return err
	}
	dir, err := s.validateGroup(ctx, actor, g)
	if err != nil {
		return err
	}
	before := dir.Group(g.ID)
	if before == nil {
		return fmt.Errorf("group %d: %w", g.ID, domain.ErrNotFound)
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.UpdateGroup(ctx, g); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "update", "group", g.ID, before, g)
	})
}

// UnresolvedTasks lists the counted tasks waiting for the Office to say
// which units lead them — no lead unit: led by a group not yet expanded,
// or by nobody yet (domain.Task.NeedsUnits) — under f's other filters
// (admin or Office). A task with a lead unit is not among them, whatever
// groups it names beside.
func (s *Service) UnresolvedTasks(ctx context.Context, actor *domain.User, f store.TaskFilter) ([]store.TaskRow, int, error) {
	if err := needManage(actor); err != nil {
		return nil, 0, err
	}
	s.scope(actor, &f)
	f.Unresolved = true
	return s.st.Tasks(ctx, f)
}

// ExpandTaskGroup replaces group groupID, named by task taskID as lead or
// support, by the group's member units in the same role (a member that
// already leads keeps leading), if nobody saved the task since version was
// read (admin or Office). An open group or one without members is refused:
// the Office picks the units (ResolveTaskUnits). The import review expands a
// draft's groups before storing with Directory.GroupMembers.
func (s *Service) ExpandTaskGroup(ctx context.Context, actor *domain.User, taskID, groupID int64, version int) (*domain.Task, error) {
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	var out domain.Task
	err = s.tx(ctx, func(tx *store.Tx) error {
		cur, err := s.getTask(ctx, &tx.Queries, actor, taskID)
		if err != nil {
			return err
		}
		if err := needManage(actor); err != nil {
			return err
		}
		if cur.Version != version {
			return domain.ErrConflict
		}
		g := dir.Group(groupID)
		lead, support := slices.Contains(cur.LeadGroups, groupID), slices.Contains(cur.SupportGroups, groupID)
		switch {
		case g == nil || (!lead && !support):
			return invalid("nhiệm vụ không giao cho nhóm này")
		case g.Open:
			return invalid("«%s» là nhóm mở (không xác định hết thành viên): hãy chọn cụ thể các đơn vị thực hiện", g.Name)
		}
		members := dir.GroupMembers(groupID)
		if len(members) == 0 {
			return invalid("nhóm «%s» chưa có đơn vị thành viên nào trong danh mục: hãy sửa nhóm hoặc chọn cụ thể các đơn vị", g.Name)
		}
		before := cur.Task
		t := cur.Task
		t.LeadGroups, t.SupportGroups = without(t.LeadGroups, groupID), without(t.SupportGroups, groupID)
		for _, id := range members {
			switch {
			case lead && !slices.Contains(t.Lead, id):
				t.Lead = append(t.Lead, id)
				t.Support = without(t.Support, id)
			case support && !slices.Contains(t.Lead, id) && !slices.Contains(t.Support, id):
				t.Support = append(t.Support, id)
			}
		}
		if err := s.validateStored(&t); err != nil {
			return err
		}
		if err := tx.UpdateTask(ctx, &t, cur.BlockID); err != nil {
			return err
		}
		out = t
		return tx.Audit(ctx, actor, "expand_group", "task", t.ID, before, t)
	})
	return &out, err
}

// ResolveInput is the units the Office picks for a task that waited for
// them; they replace every group the task named.
type ResolveInput struct {
	Lead    []int64
	Support []int64
	Version int
}

// ResolveTaskUnits gives task taskID the units in (at least one lead) in
// place of its groups and units, if nobody saved it since in.Version was read
// (admin or Office).
func (s *Service) ResolveTaskUnits(ctx context.Context, actor *domain.User, taskID int64, in ResolveInput) (*domain.Task, error) {
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	var out domain.Task
	err = s.tx(ctx, func(tx *store.Tx) error {
		cur, err := s.getTask(ctx, &tx.Queries, actor, taskID)
		if err != nil {
			return err
		}
		if err := needManage(actor); err != nil {
			return err
		}
		if cur.Version != in.Version {
			return domain.ErrConflict
		}
		for _, ids := range [][]int64{in.Lead, in.Support} {
			for _, id := range ids {
				if dir.Unit(id) == nil {
					return invalid("đơn vị không có trong danh mục")
				}
			}
		}
		if len(in.Lead) == 0 {
			return invalid("cần chọn ít nhất một đơn vị chủ trì")
		}
		before := cur.Task
		t := cur.Task
		t.Lead, t.Support, t.LeadGroups, t.SupportGroups = in.Lead, in.Support, nil, nil
		if err := s.validateStored(&t); err != nil {
			return err
		}
		if err := tx.UpdateTask(ctx, &t, cur.BlockID); err != nil {
			return err
		}
		out = t
		return tx.Audit(ctx, actor, "resolve_units", "task", t.ID, before, t)
	})
	return &out, err
}

// validateStored checks a stored task after a change of its units; the
// caller's transaction saves it.
func (s *Service) validateStored(t *domain.Task) error {
	if err := t.Validate(); err != nil {
		return err
	}
	t.Refresh()
	return nil
}

// without returns ids less id.
func without(ids []int64, id int64) []int64 {
	var out []int64
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

// Assignees names units, then groups marked as not yet expanded, for a
// list: "Phòng Y tế, UBND các xã, thị trấn (nhóm, chưa xác định đơn vị)";
// none when there are neither.
func (d *Directory) Assignees(units, groups []int64, none string) string {
	out := d.UnitNames(units)
	for _, id := range groups {
		g := d.Group(id)
		if g == nil {
			continue
		}
		if out != "" {
			out += ", "
		}
		out += g.Name + " (nhóm, chưa xác định đơn vị)"
	}
	if out == "" {
		return none
	}
	return out
}

// Unassigned is what a list says of a task without a lead unit.
const Unassigned = "Chưa xác định đơn vị"
