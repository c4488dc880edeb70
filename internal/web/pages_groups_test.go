package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
)

// pickerChosen is the chosen part of the unit picker legend names on a page.
func pickerChosen(body, legend string) (string, bool) {
	for _, part := range strings.Split(body, `<fieldset class="picker" data-picker>`)[1:] {
		if strings.HasPrefix(strings.TrimSpace(part), "<legend>"+legend+"</legend>") {
			chosen, _, _ := strings.Cut(part[strings.Index(part, "data-chosen"):], "</div>")
			return chosen, true
		}
	}
	return "", false
}

// TestGroupAndResolvePages: the Office picks a group's members, and a task's
// units in place of its group, with the unit picker — the group's members
// chosen on top the first time — and is told by a message what was saved.
func TestGroupAndResolvePages(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		c := e.login("vanphong")
		code, body, _ := c.get("/groups/new")
		if _, ok := pickerChosen(body, "Thành viên chọn từng đơn vị"); code != http.StatusOK || !ok {
			t.Fatalf("group form: %d, picker of members %v", code, ok)
		}
		code, _, loc := c.post("/groups", url.Values{"name": {"Các phòng khối Văn hóa - Xã hội"},
			"members": {fmt.Sprint(e.Unit1.ID), fmt.Sprint(e.Unit2.ID)}})
		if code != http.StatusSeeOther || loc != "/units?ok=group_created#nhom" {
			t.Fatalf("create group: %d → %q, want the units page at its groups with a message", code, loc)
		}
		_, body, _ = c.get(loc)
		wantIn(t, "units page", body, "Đã thêm nhóm đơn vị.", "Các phòng khối Văn hóa - Xã hội")
		dir, err := e.Service.Directory(t.Context(), e.Office)
		apptest.Must(t, err)
		if len(dir.Groups) != 1 {
			t.Fatalf("%d groups", len(dir.Groups))
		}
		g := dir.Groups[0]
		_, body, _ = c.get(fmt.Sprintf("/groups/%d/edit", g.ID))
		if chosen, _ := pickerChosen(body, "Thành viên chọn từng đơn vị"); !strings.Contains(chosen, "Phòng Giáo dục và Đào tạo") || !strings.Contains(chosen, "Phòng Y tế") {
			t.Errorf("group edit: chosen members %q", chosen)
		}

		task, err := e.Service.CreateTask(t.Context(), e.Office, app.TaskInput{Text: "Tuyên truyền phòng chống dịch", LeadGroups: []int64{g.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineNone}})
		apptest.Must(t, err)
		page := fmt.Sprintf("/tasks/%d/resolve", task.ID)
		code, body, _ = c.get(page)
		lead, ok1 := pickerChosen(body, "Đơn vị chủ trì")
		support, ok2 := pickerChosen(body, "Đơn vị phối hợp")
		if code != http.StatusOK || !ok1 || !ok2 {
			t.Fatalf("resolve page: %d, pickers %v %v", code, ok1, ok2)
		}
		if !strings.Contains(lead, "Phòng Giáo dục và Đào tạo") || !strings.Contains(lead, "Phòng Y tế") || strings.Contains(support, "<label") {
			t.Errorf("resolve page: lead chosen %q, support chosen %q; want the group's members as lead", lead, support)
		}
		code, body, _ = c.post(page, url.Values{"support": {fmt.Sprint(e.Unit2.ID)}, "version": {fmt.Sprint(task.Version)}})
		if lead, _ := pickerChosen(body, "Đơn vị chủ trì"); code != http.StatusUnprocessableEntity || strings.Contains(lead, "<label") {
			t.Errorf("resolve without a lead: %d, lead chosen %q; want 422 and the form as sent", code, lead)
		}
		if support, _ := pickerChosen(body, "Đơn vị phối hợp"); !strings.Contains(support, "Phòng Y tế") {
			t.Errorf("resolve without a lead lost the support chosen: %q", support)
		}
		code, _, loc = c.post(page, url.Values{"lead": {fmt.Sprint(e.Unit1.ID)}, "support": {fmt.Sprint(e.Unit2.ID)}, "version": {fmt.Sprint(task.Version)}})
		if code != http.StatusSeeOther || loc != fmt.Sprintf("/tasks/%d?ok=task_resolved", task.ID) {
			t.Fatalf("resolve: %d → %q", code, loc)
		}
		_, body, _ = c.get(loc)
		wantIn(t, "task page", body, "Đã xác định đơn vị thực hiện nhiệm vụ.", "<tr><th>Đơn vị chủ trì</th><td>Phòng Giáo dục và Đào tạo</td></tr>")

		// A task with a lead unit and a supporting group is its lead unit's:
		// not waiting, the group named, and it may still be expanded.
		helped, err := e.Service.CreateTask(t.Context(), e.Office, app.TaskInput{Text: "Phòng Y tế chủ trì, nhóm phối hợp", Lead: []int64{e.Unit2.ID},
			SupportGroups: []int64{g.ID}, Deadline: domain.Deadline{Kind: domain.DeadlineNone}})
		apptest.Must(t, err)
		_, body, _ = c.get(fmt.Sprintf("/tasks/%d", helped.ID))
		wantIn(t, "task with a supporting group", body, "<h2>Nhóm đơn vị chưa chia</h2>", "Nhiệm vụ đã có đơn vị chủ trì và được tính cho đơn vị đó",
			"Các phòng khối Văn hóa - Xã hội (nhóm, chưa xác định đơn vị)", "Phối hợp: 2 đơn vị của «Các phòng khối Văn hóa - Xã hội»")
		if strings.Contains(body, "<h2>Chưa xác định đơn vị</h2>") {
			t.Error("a task with a lead unit is shown as waiting for units")
		}
		_, body, _ = c.get("/tasks/unresolved")
		if strings.Contains(body, "Phòng Y tế chủ trì, nhóm phối hợp") {
			t.Error("a task with a lead unit is listed as waiting for units")
		}
		code, _, loc = c.post(fmt.Sprintf("/tasks/%d/expand-group", helped.ID), url.Values{"group": {fmt.Sprint(g.ID)}, "version": {fmt.Sprint(helped.Version)}})
		if code != http.StatusSeeOther {
			t.Fatalf("expand the supporting group: %d", code)
		}
		_, body, _ = c.get(loc)
		wantIn(t, "after expanding the supporting group", body, "<tr><th>Đơn vị phối hợp</th><td>Phòng Giáo dục và Đào tạo</td></tr>")
		if strings.Contains(body, "Nhóm đơn vị chưa chia") {
			t.Error("the group is still shown after expanding it")
		}
	})
}
