package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

// TestGroupsMigration upgrades a database of the schema before groups, whose
// directory holds group-like units with tasks, aliases and a meeting, and a
// draft notice with a task: the group-like units become groups (by a rule
// on their names, not a list) with their rule read from the name, their
// task and meeting links become group links, the real units stay — one with
// a group-like name stays too when an account belongs to it — the tasks that
// now name only a group wait for units (those with a lead unit beside a
// group do not), the draft's task counts nowhere, and
// the counters agree with the tasks.
func TestGroupsMigration(t *testing.T) {
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.DSN(t, d)
			old, err := store.OpenAt(ctx, dsn, 7)
			must(t, err)
			orgID, unitID := seedOrg(t, old) // unitID: Trạm Y tế
			exec := func(q string, args ...any) {
				t.Helper()
				must(t, old.Exec(ctx, q, args...))
			}
			exec(`INSERT INTO blocks (id, org_id, name) VALUES (50, $1, 'Khối Văn hóa - Xã hội')`, orgID)
			units := []struct {
				id          int64
				name, kind  string
				block       any
				group, user bool
			}{
				{101, "UBND các xã, thị trấn", "xã", nil, true, false},
				{102, "Các đơn vị có liên quan", "nhóm đơn vị", 50, true, false},
				{103, "Các cơ quan, đơn vị khối Văn hóa - Xã hội", "nhóm đơn vị", 50, true, false},
				{104, "Thành viên Ban Chỉ đạo", "", nil, true, false},
				{105, "Khối kinh tế tổng hợp", "", nil, true, false},
				{106, "Ban Quản lý các khu công nghiệp", "ban", nil, false, false},
				{107, "UBND xã Xuân Lũng", "xã", nil, false, false},
				{108, "Các nhà trường", "", 50, true, false},
				{109, "Các đội công tác", "", nil, false, true}, // an account belongs to it
			}
			for _, u := range units {
				exec(`INSERT INTO units (id, org_id, block_id, name, kind, active, version) VALUES ($1, $2, $3, $4, $5, 1, 1)`, u.id, orgID, u.block, u.name, u.kind)
			}
			exec(`INSERT INTO unit_aliases (unit_id, org_id, alias, alias_fold) VALUES (101, $1, 'các xã, thị trấn', 'cac xa, thi tran')`, orgID)
			exec(`INSERT INTO users (org_id, username, role, unit_id, password_hash, created_at) VALUES ($1, 'doi', 'unit', 109, 'x', '2024-01-01T00:00:00Z')`, orgID)
			exec(`INSERT INTO meetings (id, org_id, title, period, period_year, meeting_date, created_at) VALUES (1, $1, 'Giao ban', 'month', 2024, '2024-01-05', '2024-01-05T00:00:00Z')`, orgID)
			exec(`INSERT INTO meeting_units (meeting_id, unit_id) VALUES (1, 101), (1, $1)`, unitID)
			exec(`INSERT INTO notices (id, org_id, title, state, created_at) VALUES (1, $1, 'Dự thảo', 'draft', '2024-01-06T00:00:00Z')`, orgID)
			exec(`INSERT INTO notices (id, org_id, title, state, number, symbol, issued_on, created_at) VALUES (2, $1, 'Kết luận', 'issued', '3', 'TB-UBND', '2024-01-07', '2024-01-07T00:00:00Z')`, orgID)
			// task: (id, notice, lead units, support units, due)
			tasks := []struct {
				id      int64
				notice  any
				lead    []int64
				support []int64
				due     any
			}{
				{1, 2, []int64{101}, nil, "2024-01-20"},                      // led by a group only
				{2, 2, []int64{unitID, 102}, []int64{103}, "2024-03-01"},     // a unit and groups
				{3, 2, []int64{106}, []int64{101}, nil},                      // a real unit whose name has "các"
				{4, 1, []int64{unitID}, nil, "2024-01-10"},                   // a draft's task
				{5, nil, []int64{109}, []int64{104, 105, 108}, "2024-02-01"}, // kept unit, groups in support
			}
			for _, tk := range tasks {
				exec(`INSERT INTO tasks (id, org_id, notice_id, text, due_on, last_update_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
					tk.id, orgID, tk.notice, fmt.Sprintf("Việc %d", tk.id), tk.due, "2024-01-08T00:00:00Z")
				for role, ids := range map[string][]int64{"lead": tk.lead, "support": tk.support} {
					for _, u := range ids {
						exec(`INSERT INTO task_units (task_id, unit_id, role, org_id, due_on, last_update_at) VALUES ($1, $2, $3, $4, $5, $6)`,
							tk.id, u, role, orgID, tk.due, "2024-01-08T00:00:00Z")
					}
				}
			}
			old.Close()

			st, err := store.Open(ctx, dsn)
			must(t, err)
			defer st.Close()
			checkCounters(t, st)
			us, err := st.Units(ctx, orgID)
			must(t, err)
			var unitNames []string
			for _, u := range us {
				unitNames = append(unitNames, u.Name)
			}
			gs, err := st.Groups(ctx, orgID)
			must(t, err)
			byName := map[string]domain.Group{}
			for _, g := range gs {
				byName[g.Name] = g
			}
			for _, u := range units {
				_, isGroup := byName[u.name]
				isUnit := slices.Contains(unitNames, u.name)
				if isGroup != u.group || isUnit == u.group {
					t.Errorf("%q: group %v unit %v, want group %v", u.name, isGroup, isUnit, u.group)
				}
			}
			communes := byName["UBND các xã, thị trấn"]
			if !slices.Equal(communes.MemberKinds, []string{"xã", "phường", "thị trấn"}) || communes.Open || !slices.Equal(communes.Aliases, []string{"các xã, thị trấn"}) {
				t.Errorf("UBND các xã, thị trấn: %+v, want the communes by kind with its alias", communes)
			}
			if g := byName["Các cơ quan, đơn vị khối Văn hóa - Xã hội"]; g.BlockID != 50 || g.Open {
				t.Errorf("the block's group: %+v, want block 50", g)
			}
			if g := byName["Các đơn vị có liên quan"]; !g.Open || g.HasRule() {
				t.Errorf("Các đơn vị có liên quan: %+v, want an open group", g)
			}
			if g := byName["Các nhà trường"]; !slices.Equal(g.MemberKinds, []string{"trường"}) {
				t.Errorf("Các nhà trường: %+v, want the schools", g)
			}
			today := domain.MustDate("2024-02-15")
			row := func(id int64) *store.TaskRow {
				r, err := st.Task(ctx, orgID, id, today, 7)
				must(t, err)
				return r
			}
			if r := row(1); len(r.Lead) != 0 || len(r.LeadGroups) != 1 || r.LeadGroups[0] != communes.ID {
				t.Errorf("task 1: lead %v groups %v, want the communes' group", r.Lead, r.LeadGroups)
			}
			if r := row(2); !slices.Equal(r.Lead, []int64{unitID}) || len(r.LeadGroups) != 1 || len(r.SupportGroups) != 1 {
				t.Errorf("task 2: lead %v, groups %v / %v", r.Lead, r.LeadGroups, r.SupportGroups)
			}
			if r := row(3); !slices.Equal(r.Lead, []int64{106}) || len(r.SupportGroups) != 1 {
				t.Errorf("task 3: lead %v support groups %v", r.Lead, r.SupportGroups)
			}
			if row(4).Live {
				t.Error("the draft's task counts after the upgrade")
			}
			f := store.TaskFilter{OrgID: orgID, Today: today, SoonDays: 7, Limit: 50}
			_, total, err := st.Tasks(ctx, f)
			must(t, err)
			uf := f
			uf.Unresolved = true
			waiting, _, err := st.Tasks(ctx, uf)
			must(t, err)
			waitingIDs := taskIDs(waiting)
			slices.Sort(waitingIDs)
			// Only the task no unit leads waits (0011): tasks 2, 3 and 5 have a
			// lead unit beside their groups and count in its row.
			if total != 4 || !slices.Equal(waitingIDs, []int64{1}) {
				t.Errorf("%d tasks count, waiting for units %v; want 4 and task 1", total, waitingIDs)
			}
			stats, err := st.StatsByUnit(ctx, f)
			must(t, err)
			for _, s := range stats {
				if s.UnitID > 100 && s.UnitID != 106 && s.UnitID != 109 {
					t.Errorf("unit table has a row for %d, a group", s.UnitID)
				}
			}
			m, err := st.Meeting(ctx, orgID, 1)
			must(t, err)
			if !slices.Equal(m.UnitIDs, []int64{unitID}) || !slices.Equal(m.GroupIDs, []int64{communes.ID}) {
				t.Errorf("meeting: units %v groups %v", m.UnitIDs, m.GroupIDs)
			}
		})
	}
}
