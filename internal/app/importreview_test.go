package app_test

import (
	"fmt"
	"strings"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/domain"
)

// TestSuggestionSpreadsOnlySmallClosedGroups: confirming an import proposes
// to spread a task over its lead group's units only when the group is
// closed, has members and they are at most app.SpreadByDefaultMax; a
// larger group (a block's twenty units) keeps the task waiting, and the
// reason says so with the figures.
func TestSuggestionSpreadsOnlySmallClosedGroups(t *testing.T) {
	dir := &app.Directory{}
	const communes, blockID = app.SpreadByDefaultMax, 7
	for i := 1; i <= communes; i++ {
		dir.Units = append(dir.Units, domain.Unit{ID: int64(i), Name: fmt.Sprintf("UBND xã %d", i), Kind: "xã", Active: true})
	}
	for i := 1; i <= app.SpreadByDefaultMax+9; i++ {
		dir.Units = append(dir.Units, domain.Unit{ID: int64(100 + i), Name: fmt.Sprintf("Phòng %d", i), BlockID: blockID, Active: true})
	}
	dir.Units = append(dir.Units, domain.Unit{ID: 200, Name: "UBND phường Một", Kind: "phường", Active: true})
	dir.Groups = []domain.Group{
		{ID: 1, Name: "UBND các xã", MemberKinds: []string{"xã"}},
		{ID: 2, Name: "Các cơ quan, đơn vị khối VH-XH", BlockID: blockID},
		{ID: 3, Name: "Các đơn vị có liên quan", Open: true},
		{ID: 4, Name: "Các trường học", MemberKinds: []string{"trường"}},
		{ID: 5, Name: "UBND các phường", MemberKinds: []string{"phường"}},
	}
	for _, c := range []struct {
		name   string
		groups []int64
		want   app.Decision
		why    string
	}{
		{"a closed group of exactly the most units", []int64{1}, app.DecideExpand, fmt.Sprintf("mặc định chia cho cả %d đơn vị", communes)},
		{"a closed group of one unit", []int64{5}, app.DecideExpand, "mặc định chia cho cả 1 đơn vị"},
		{"two closed groups, more units in all than the most", []int64{1, 5}, app.DecideWait, fmt.Sprintf("Nhóm có %d đơn vị, quá %d", communes+1, app.SpreadByDefaultMax)},
		{"a block of more units than the most", []int64{2}, app.DecideWait, fmt.Sprintf("Nhóm có %d đơn vị, quá %d", app.SpreadByDefaultMax+9, app.SpreadByDefaultMax)},
		{"an open group", []int64{3}, app.DecideWait, "nhóm mở"},
		{"a closed group with one member and an open one", []int64{5, 3}, app.DecideWait, "nhóm mở"},
		{"a group without members", []int64{4}, app.DecideWait, "chưa có đơn vị thành viên"},
		{"no group", nil, app.DecideUnassigned, "không nêu đơn vị"},
		{"a name the directory lacks", nil, app.DecideUnassigned, "Danh mục chưa có «Các ban ngành»"},
	} {
		t.Run(c.name, func(t *testing.T) {
			task := app.ImportTask{Text: "Nhiệm vụ", LeadGroups: c.groups}
			if strings.Contains(c.why, "Danh mục chưa có") {
				task.UnresolvedLead = []string{"Các ban ngành"}
			}
			got, why := task.Suggestion(dir)
			if got != c.want || !strings.Contains(why, c.why) {
				t.Errorf("suggestion %q (%s), want %q saying %q", got, why, c.want, c.why)
			}
			if task.Suggest(dir) != got {
				t.Errorf("Suggest and Suggestion differ")
			}
			d := app.ImportDraft{Tasks: []app.ImportTask{task}}
			d.DecideDefaults(dir)
			if d.Tasks[0].Decision != c.want {
				t.Errorf("default decision %q, want %q", d.Tasks[0].Decision, c.want)
			}
			// Spreading stays offered where there are members to spread to.
			offered := false
			for _, ch := range task.Choices(dir) {
				offered = offered || ch == app.DecideExpand
			}
			if wantOffered := len(task.Members(dir)) > 0 && len(c.groups) > 0; offered != wantOffered {
				t.Errorf("spreading offered %v, want %v", offered, wantOffered)
			}
		})
	}
}
