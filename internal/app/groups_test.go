package app_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// TestLooksLikeGroup tells names of several bodies from names of one, by
// their form: plural and collective titles are groups, a unit whose own
// name holds "các" is not.
func TestLooksLikeGroup(t *testing.T) {
	for _, c := range []struct {
		name, kind string
		want       bool
	}{
		{"Các cơ quan, đơn vị khối VH-XH", "", true},
		{"Các đơn vị có liên quan", "", true},
		{"UBND các xã, thị trấn", "", true},
		{"Ủy ban nhân dân các xã, phường", "", true},
		{"Các thành viên Ban Chỉ đạo", "", true},
		{"Thành viên Ban Chỉ đạo 35", "", true},
		{"Lãnh đạo các phòng chuyên môn", "", true},
		{"CÁC NHÀ TRƯỜNG", "", true},
		{"Khối kinh tế tổng hợp", "", true},
		{"Tổ công tác", "nhóm đơn vị", true},
		{"Ban Quản lý các khu công nghiệp", "", false},
		{"Phòng Giáo dục và Đào tạo", "", false},
		{"UBND xã Xuân Lũng", "xã", false},
		{"Trung tâm Văn hóa, Thông tin và Truyền thanh", "", false},
	} {
		if got := app.LooksLikeGroup(c.name, c.kind); got != c.want {
			t.Errorf("LooksLikeGroup(%q, %q) = %v, want %v", c.name, c.kind, got, c.want)
		}
	}
}

// TestGroups: a group is kept apart from units; a task it leads counts as a
// task but in no unit's row and waits in the Office's list; expanding gives
// the task to the group's members (by kind, block or name), picking gives it
// to the units chosen; an open or empty group is not expanded blindly.
func TestGroups(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		svc := a.Service
		x1 := &domain.Unit{Name: "UBND xã Xuân Lũng", Kind: "xã"}
		x2 := &domain.Unit{Name: "UBND thị trấn Lâm Thao", Kind: "thị trấn"}
		for _, u := range []*domain.Unit{x1, x2} {
			apptest.Must(t, svc.CreateUnit(ctx, a.Admin, u))
		}
		dir, err := svc.Directory(ctx, a.Office)
		apptest.Must(t, err)
		communes := app.GroupFromName("UBND các xã, thị trấn", dir)
		communes.Aliases = []string{"các xã, thị trấn"}
		apptest.Must(t, svc.CreateGroup(ctx, a.Office, &communes))
		related := app.GroupFromName("Các đơn vị có liên quan", dir)
		apptest.Must(t, svc.CreateGroup(ctx, a.Office, &related))
		block := app.GroupFromName("Các cơ quan, đơn vị khối Văn hóa - Xã hội", dir)
		apptest.Must(t, svc.CreateGroup(ctx, a.Office, &block))
		empty := &domain.Group{Name: "Các trường học", MemberKinds: []string{"trường"}}
		apptest.Must(t, svc.CreateGroup(ctx, a.Office, empty))
		if !related.Open || block.BlockID != a.Block.ID || communes.Open {
			t.Fatalf("rules from names: related %+v, block %+v, communes %+v", related, block, communes)
		}

		// Apart from units: neither a unit nor a name of one.
		if err := svc.CreateUnit(ctx, a.Office, &domain.Unit{Name: "Các đơn vị khác"}); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("a unit named as a group: %v, want refused", err)
		}
		if err := svc.CreateGroup(ctx, a.Office, &domain.Group{Name: "Nhóm", Aliases: []string{"Phòng GD&ĐT"}}); !errors.Is(err, domain.ErrDuplicate) {
			t.Errorf("a group named as a unit: %v, want refused", err)
		}
		if err := svc.CreateGroup(ctx, a.Leader, &domain.Group{Name: "Các ban"}); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("a leader adds a group: %v", err)
		}
		dir, err = svc.Directory(ctx, a.Office)
		apptest.Must(t, err)
		r := dir.Resolver()
		if g, ok := r.ResolveGroup("Các xã, thị trấn"); !ok || g.ID != communes.ID {
			t.Errorf("the alias does not resolve to the group")
		}
		if members := dir.GroupMembers(communes.ID); !slices.Equal(members, []int64{x1.ID, x2.ID}) {
			t.Errorf("communes' members %v, want %d and %d", members, x1.ID, x2.ID)
		}
		if members := dir.GroupMembers(block.ID); !slices.Equal(members, []int64{a.Unit1.ID, a.Unit2.ID}) {
			t.Errorf("block's members %v", members)
		}

		due := domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-02-01")}
		mk := func(in app.TaskInput) *domain.Task {
			in.Deadline = due
			task, err := svc.CreateTask(ctx, a.Office, in)
			apptest.Must(t, err)
			return task
		}
		byGroup := mk(app.TaskInput{Text: "Các xã kiểm tra an toàn thực phẩm", LeadGroups: []int64{communes.ID}})
		withSupport := mk(app.TaskInput{Text: "Phòng Y tế hướng dẫn, các đơn vị liên quan phối hợp", Lead: []int64{a.Unit2.ID},
			SupportGroups: []int64{related.ID}})
		toEmpty := mk(app.TaskInput{Text: "Các trường học rà soát", LeadGroups: []int64{empty.ID}})
		unassigned := mk(app.TaskInput{Text: "Nhiệm vụ chưa rõ đơn vị", Unassigned: true})
		if _, err := svc.CreateTask(ctx, a.Office, app.TaskInput{Text: "Không ai làm"}); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("a task without any lead, not kept unassigned: %v", err)
		}

		// Without a lead unit: counted as tasks, in no unit's row; listed for
		// the Office. With a lead unit and a supporting group: an ordinary
		// task of its lead unit's row, not waiting.
		d, err := svc.Dashboard(ctx, a.Leader, store.TaskFilter{})
		apptest.Must(t, err)
		if d.Total != 4 || d.Unresolved != 3 || d.Assignments != 1 || len(d.Units) != 1 || d.Units[0].UnitID != a.Unit2.ID {
			t.Errorf("dashboard: %d tasks, %d waiting, %d assignments, rows %+v; want 4, 3, 1 and Phòng Y tế only", d.Total, d.Unresolved, d.Assignments, d.Units)
		}
		waiting, total, err := svc.UnresolvedTasks(ctx, a.Office, store.TaskFilter{Limit: 50})
		apptest.Must(t, err)
		ids := []int64{}
		for _, r := range waiting {
			ids = append(ids, r.ID)
		}
		slices.Sort(ids)
		if want := []int64{byGroup.ID, toEmpty.ID, unassigned.ID}; total != 3 || !slices.Equal(ids, want) {
			t.Errorf("waiting for units: %d tasks %v, want %v (not the task Phòng Y tế leads with a supporting group)", total, ids, want)
		}
		if withSupport.NeedsUnits() || !withSupport.HasGroups() {
			t.Errorf("a task with a lead unit and a supporting group: waits %v, names groups %v", withSupport.NeedsUnits(), withSupport.HasGroups())
		}
		if _, _, err := svc.UnresolvedTasks(ctx, a.Leader, store.TaskFilter{}); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("the leader resolving: %v", err)
		}
		for _, u := range []*domain.User{a.Unit1User, a.Unit2User} {
			if _, err := svc.Task(ctx, u, byGroup.ID); !errors.Is(err, domain.ErrNotFound) {
				t.Errorf("%s sees a task given to a group it is not in yet: %v", u.Username, err)
			}
		}

		// Expanding: the communes lead it; a stale version and a wrong group are refused.
		if _, err := svc.ExpandTaskGroup(ctx, a.Office, byGroup.ID, communes.ID, byGroup.Version+1); !errors.Is(err, domain.ErrConflict) {
			t.Errorf("expanding from a stale version: %v", err)
		}
		if _, err := svc.ExpandTaskGroup(ctx, a.Office, byGroup.ID, related.ID, byGroup.Version); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("expanding a group the task does not name: %v", err)
		}
		expanded, err := svc.ExpandTaskGroup(ctx, a.Office, byGroup.ID, communes.ID, byGroup.Version)
		apptest.Must(t, err)
		if !slices.Equal(expanded.Lead, []int64{x1.ID, x2.ID}) || len(expanded.LeadGroups) != 0 {
			t.Errorf("expanded: lead %v groups %v", expanded.Lead, expanded.LeadGroups)
		}
		// An open group, an empty one: the Office picks.
		if _, err := svc.ExpandTaskGroup(ctx, a.Office, withSupport.ID, related.ID, withSupport.Version); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("expanding an open group: %v, want refused", err)
		}
		if _, err := svc.ExpandTaskGroup(ctx, a.Office, toEmpty.ID, empty.ID, toEmpty.Version); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("expanding a group without members: %v, want refused", err)
		}
		if _, err := svc.ResolveTaskUnits(ctx, a.Office, withSupport.ID, app.ResolveInput{Version: withSupport.Version}); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("resolving without a lead: %v, want refused", err)
		}
		picked, err := svc.ResolveTaskUnits(ctx, a.Office, withSupport.ID, app.ResolveInput{Lead: []int64{a.Unit2.ID}, Support: []int64{a.Unit1.ID},
			Version: withSupport.Version})
		apptest.Must(t, err)
		if len(picked.SupportGroups) != 0 || !slices.Equal(picked.Support, []int64{a.Unit1.ID}) {
			t.Errorf("picked: %+v", picked)
		}
		_, err = svc.ResolveTaskUnits(ctx, a.Office, unassigned.ID, app.ResolveInput{Lead: []int64{a.Unit1.ID}, Version: unassigned.Version})
		apptest.Must(t, err)

		// Now the units count them; the group is in no row.
		d, err = svc.Dashboard(ctx, a.Leader, store.TaskFilter{})
		apptest.Must(t, err)
		rows := map[int64]int{}
		for _, u := range d.Units {
			rows[u.UnitID] = u.Assigned
		}
		want := map[int64]int{x1.ID: 1, x2.ID: 1, a.Unit1.ID: 1, a.Unit2.ID: 1}
		if d.Total != 4 || d.Unresolved != 1 || d.Assignments != 4 || len(rows) != len(want) {
			t.Errorf("after resolving: %d tasks, %d waiting, %d assignments, rows %v; want 4, 1, 4, %v", d.Total, d.Unresolved, d.Assignments, rows, want)
		}
		for id, n := range want {
			if rows[id] != n {
				t.Errorf("unit %d: %d assignments, want %d", id, rows[id], n)
			}
		}
		if _, err := svc.Task(ctx, a.Unit1User, withSupport.ID); err != nil {
			t.Errorf("unit 1, picked to support, cannot see the task: %v", err)
		}
	})
}
