package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/presets"
)

func TestAdminRoleMatrix(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		admin := e.Admin
		target := &domain.User{Username: "muctieu", FullName: "Người được sửa", Role: domain.RoleViewer}
		apptest.Must(t, e.Service.CreateUser(ctx, admin, target, apptest.Password))
		var n atomic.Int64
		unique := func(prefix string) string { return fmt.Sprintf("%s %d", prefix, n.Add(1)) }
		fixed := func(p string) func() string { return func() string { return p } }
		unitForm := func() url.Values {
			dir, err := e.Service.Directory(ctx, admin)
			apptest.Must(t, err)
			u := dir.Unit(e.Unit2.ID)
			return url.Values{"name": {u.Name}, "kind": {"phòng"}, "block_id": {strconv.FormatInt(e.Block.ID, 10)},
				"active": {"1"}, "version": {strconv.Itoa(u.Version)}}
		}
		userForm := func() url.Values {
			users, err := e.Service.Users(ctx, admin)
			apptest.Must(t, err)
			for _, u := range users {
				if u.ID == target.ID {
					return url.Values{"full_name": {"Người được sửa"}, "role": {"viewer"}, "version": {strconv.Itoa(u.Version)}}
				}
			}
			t.Fatal("target user vanished")
			return nil
		}
		manage := map[string]bool{"admin": true, "vanphong": true}
		cases := []roleCase{
			{method: "GET", path: fixed("/units"), everyone: 200},
			{method: "POST", path: fixed("/units"), form: func() url.Values { return url.Values{"name": {unique("Phòng Thử")}} }, managers: 303},
			{method: "GET", path: fixed(fmt.Sprintf("/units/%d/edit", e.Unit2.ID)), managers: 200},
			{method: "POST", path: fixed(fmt.Sprintf("/units/%d", e.Unit2.ID)), form: unitForm, managers: 303},
			{method: "POST", path: fixed("/blocks"), form: func() url.Values { return url.Values{"name": {unique("Khối")}} }, managers: 303},
			{method: "POST", path: fixed("/sectors"), form: func() url.Values { return url.Values{"name": {unique("Lĩnh vực")}} }, managers: 303},
		}
		if ps := presets.All(); len(ps) > 0 {
			cases = append(cases, roleCase{method: "POST", path: fixed("/presets/" + ps[0].Name), managers: 303})
		}
		runMatrix(t, e, cases, manage)

		adminOnly := map[string]bool{"admin": true}
		runMatrix(t, e, []roleCase{
			{method: "POST", path: fixed("/org"), form: func() url.Values {
				return url.Values{"name": {"UBND xã Thử Nghiệm"}, "level": {"xã"}, "place": {"Thử Nghiệm"}, "superior": {"UBND tỉnh Mẫu"}}
			}, managers: 303},
			{method: "GET", path: fixed("/admin/users"), managers: 200},
			{method: "POST", path: fixed("/admin/users"), form: func() url.Values {
				return url.Values{"username": {strings.ReplaceAll(unique("nguoi"), " ", "")}, "full_name": {"Người mới"}, "role": {"viewer"},
					"password": {apptest.Password}, "confirm": {apptest.Password}}
			}, managers: 303},
			{method: "GET", path: fixed(fmt.Sprintf("/admin/users/%d/edit", target.ID)), managers: 200},
			{method: "POST", path: fixed(fmt.Sprintf("/admin/users/%d", target.ID)), form: userForm, managers: 303},
			{method: "POST", path: fixed(fmt.Sprintf("/admin/users/%d/password", target.ID)), form: func() url.Values {
				return url.Values{"password": {"matkhaumoi1"}, "confirm": {"matkhaumoi1"}}
			}, managers: 303},
			{method: "GET", path: fixed("/admin/audit"), managers: 200},
		}, adminOnly)

		// Readers of the directory see no forms.
		for _, name := range []string{"lanhdao", "xem", "gddt"} {
			_, body, _ := e.login(name).get("/units")
			if !strings.Contains(body, "Phòng Giáo dục và Đào tạo") || !strings.Contains(body, "Phòng GD&amp;ĐT") {
				t.Errorf("%s: the directory lacks units or aliases", name)
			}
			if strings.Contains(body, `action="/units"`) || strings.Contains(body, "Nạp mẫu") || strings.Contains(body, `action="/org"`) {
				t.Errorf("%s sees directory forms", name)
			}
		}
	})
}

func TestDirectoryForms(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		c := e.login("vanphong")

		code, body, _ := c.post("/units", url.Values{"name": {"Phòng Văn hóa - Xã hội"}, "kind": {"phòng"},
			"block_id": {strconv.FormatInt(e.Block.ID, 10)}, "aliases": {"Phòng VH-XH\nPhòng Văn hóa"}})
		if code != http.StatusSeeOther {
			t.Fatalf("add unit: %d\n%s", code, body)
		}
		_, body, _ = c.get("/units")
		wantIn(t, "directory", body, "Phòng Văn hóa - Xã hội", "Phòng VH-XH; Phòng Văn hóa", "Khối Văn hóa - Xã hội", "Đang hoạt động")

		for _, tc := range []struct {
			name string
			form url.Values
			code int
			want string
		}{
			{"empty name", url.Values{"name": {" "}, "kind": {"trường"}}, 422, "Tên đơn vị không được để trống"},
			{"unknown block", url.Values{"name": {"Trường THCS A"}, "kind": {"trường"}, "block_id": {"999999"}}, 422, "Khối không tồn tại"},
			{"non-UTF-8", url.Values{"name": {"Tr\xffng"}, "kind": {"trường"}}, 422, "UTF-8"},
			{"duplicate", url.Values{"name": {"Phòng Y tế"}, "kind": {"trường"}}, 409, "đã tồn tại"},
		} {
			code, body, _ := c.post("/units", tc.form)
			// Text that is not UTF-8 is refused by the input gate
			// (httpx.ReadInput) before the form is read: message only.
			kept := tc.name == "non-UTF-8" || strings.Contains(body, `value="trường"`)
			if code != tc.code || !strings.Contains(body, tc.want) || !kept {
				t.Errorf("%s: %d, want %d with %q and the input kept", tc.name, code, tc.code, tc.want)
			}
		}
		dir, err := e.Service.Directory(ctx, e.Admin)
		apptest.Must(t, err)
		if len(dir.Units) != 3 {
			t.Fatalf("%d units after refused input, want 3", len(dir.Units))
		}

		// A unit edited by two people: the stale save is refused.
		edit := url.Values{"name": {"Phòng Y tế huyện"}, "kind": {"phòng"}, "active": {"1"}, "version": {strconv.Itoa(e.Unit2.Version)}}
		if code, body, _ := c.post(fmt.Sprintf("/units/%d", e.Unit2.ID), edit); code != http.StatusSeeOther {
			t.Fatalf("edit unit: %d\n%s", code, body)
		}
		edit.Set("name", "Phòng Y tế của người thứ hai")
		code, body, _ = c.post(fmt.Sprintf("/units/%d", e.Unit2.ID), edit)
		if code != http.StatusConflict || !strings.Contains(body, "người khác sửa") || !strings.Contains(body, "Phòng Y tế của người thứ hai") {
			t.Fatalf("stale unit save: %d, want 409 with the form", code)
		}
		// Deactivating keeps the unit listed, marked.
		cur, _ := e.Service.Directory(ctx, e.Admin)
		edit = url.Values{"name": {"Phòng Y tế huyện"}, "kind": {"phòng"}, "version": {strconv.Itoa(cur.Unit(e.Unit2.ID).Version)}}
		if code, _, _ := c.post(fmt.Sprintf("/units/%d", e.Unit2.ID), edit); code != http.StatusSeeOther {
			t.Fatalf("deactivate: %d", code)
		}
		_, body, _ = c.get("/units")
		wantIn(t, "directory after deactivation", body, "Phòng Y tế huyện", "Ngừng hoạt động")

		if code, body, _ := c.post("/blocks", url.Values{"name": {""}}); code != 422 || !strings.Contains(body, "Tên khối không được để trống") {
			t.Errorf("empty block: %d", code)
		}
		if code, _, _ := c.post("/sectors", url.Values{"name": {"Giáo dục"}}); code != 303 {
			t.Errorf("add sector: %d", code)
		}

		a := e.login("admin")
		if code, body, _ := a.post("/org", url.Values{"name": {""}, "place": {"Giữ nguyên"}}); code != 422 || !strings.Contains(body, "Tên cơ quan không được để trống") ||
			!strings.Contains(body, `value="Giữ nguyên"`) {
			t.Errorf("empty org name: %d", code)
		}
		if code, _, _ := a.post("/org", url.Values{"name": {"UBND xã Hưng Điền"}, "level": {"xã"}, "place": {"Hưng Điền"}, "superior": {"UBND tỉnh Long An"}}); code != 303 {
			t.Fatalf("save org: %d", code)
		}
		_, body, _ = a.get("/units")
		wantIn(t, "org", body, "UBND xã Hưng Điền", "UBND tỉnh Long An")

		if ps := presets.All(); len(ps) > 0 {
			code, _, loc := c.post("/presets/"+ps[0].Name, nil)
			if code != http.StatusSeeOther || !strings.Contains(loc, "ok=") {
				t.Fatalf("load preset: %d → %q", code, loc)
			}
			_, body, _ = c.get(loc)
			wantIn(t, "preset flash", body, ps[0].Title)
		}
		if code, _, _ := c.post("/presets/khong-co-mau-nay", nil); code != http.StatusNotFound {
			t.Errorf("unknown preset: %d, want 404", code)
		}
	})
}

func TestUserAdministration(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		a := e.login("admin")

		_, body, _ := a.get("/admin/users")
		wantIn(t, "user list", body, "gddt", "Cán bộ đơn vị", "Phòng Giáo dục và Đào tạo", "Văn phòng")

		newUser := url.Values{"username": {"canbo_yte"}, "full_name": {"Trần Thị Bình"}, "role": {"unit"},
			"password": {"matkhau456"}, "confirm": {"matkhau456"}}
		code, body, _ := a.post("/admin/users", newUser)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "phải gắn với một đơn vị") || !strings.Contains(body, `value="Trần Thị Bình"`) {
			t.Fatalf("unit user without unit: %d", code)
		}
		newUser.Set("unit_id", strconv.FormatInt(e.Unit2.ID, 10))
		newUser.Set("confirm", "khac")
		if code, body, _ := a.post("/admin/users", newUser); code != 422 || !strings.Contains(body, "không khớp") {
			t.Fatalf("mismatched passwords: %d", code)
		}
		newUser.Set("confirm", "matkhau456")
		if code, body, _ := a.post("/admin/users", newUser); code != http.StatusSeeOther {
			t.Fatalf("create user: %d\n%s", code, body)
		}
		var created domain.User
		users, _ := e.Service.Users(ctx, e.Admin)
		for _, u := range users {
			if u.Username == "canbo_yte" {
				created = u
			}
		}
		if created.ID == 0 || created.UnitID != e.Unit2.ID {
			t.Fatalf("created user: %+v", created)
		}
		if code, _, _ := a.post("/admin/users", newUser); code != http.StatusConflict {
			t.Errorf("duplicate user name: %d, want 409", code)
		}

		// The new user can sign in.
		if code, _, _ := e.anon().postForm("/login", url.Values{"username": {"canbo_yte"}, "password": {"matkhau456"}}); code != http.StatusSeeOther {
			t.Fatalf("new user login: %d", code)
		}

		edit := url.Values{"full_name": {"Trần Thị Bình"}, "role": {"viewer"}, "disabled": {"1"}, "version": {strconv.Itoa(created.Version)}}
		if code, body, _ := a.post(fmt.Sprintf("/admin/users/%d", created.ID), edit); code != http.StatusSeeOther {
			t.Fatalf("edit user: %d\n%s", code, body)
		}
		edit.Set("full_name", "Tên của người thứ hai")
		code, body, _ = a.post(fmt.Sprintf("/admin/users/%d", created.ID), edit)
		if code != http.StatusConflict || !strings.Contains(body, "Tên của người thứ hai") {
			t.Fatalf("stale user save: %d, want 409", code)
		}
		_, body, _ = a.get("/admin/users")
		wantIn(t, "user list after edit", body, "Đã khóa")
		if code, _, _ := e.anon().postForm("/login", url.Values{"username": {"canbo_yte"}, "password": {"matkhau456"}}); code == http.StatusSeeOther {
			t.Error("a disabled user signed in")
		}

		if code, body, _ := a.post(fmt.Sprintf("/admin/users/%d/password", created.ID), url.Values{"password": {"ngan"}, "confirm": {"ngan"}}); code != 422 ||
			!strings.Contains(body, "ít nhất 8 ký tự") {
			t.Errorf("short password: %d", code)
		}
		code, _, loc := a.post(fmt.Sprintf("/admin/users/%d/password", created.ID), url.Values{"password": {"matkhaumoi9"}, "confirm": {"matkhaumoi9"}})
		if code != http.StatusSeeOther {
			t.Fatalf("reset password: %d", code)
		}
		_, body, _ = a.get(loc)
		wantIn(t, "after reset", body, "Đã đặt lại mật khẩu")
		if code, _, _ := a.get("/admin/users/999999/edit"); code != http.StatusNotFound {
			t.Errorf("unknown user: %d, want 404", code)
		}
	})
}

func TestAuditLogShowsMeetingCreation(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		c := e.login("vanphong")
		code, _, loc := c.post("/meetings", e.meetingValues())
		if code != http.StatusSeeOther {
			t.Fatalf("create meeting: %d", code)
		}
		mid := idFrom(t, loc)
		a := e.login("admin")
		code, body, _ := a.get(fmt.Sprintf("/admin/audit?entity=meeting&entity_id=%d&user=%d", mid, e.Office.ID))
		if code != http.StatusOK {
			t.Fatalf("audit log: %d", code)
		}
		wantIn(t, "audit log", body, "01/03/2023 09:00", "vanphong", "Tạo mới", "Hội nghị", fmt.Sprintf(`<a href="/meetings/%d">`, mid), "<details>",
			"Hội nghị giao ban khối Văn hóa - Xã hội tháng 2/2023", "thông tin đã ghi", "<dt>Ngày</dt><dd>22/02/2023</dd>")
		if strings.Contains(body, "Đăng nhập</td>") {
			t.Error("the entity filter let other entries through")
		}
		_, body, _ = a.get("/admin/audit?entity=unit")
		if strings.Contains(body, fmt.Sprintf(`href="/meetings/%d"`, mid)) {
			t.Error("filtering by unit shows meeting entries")
		}
	})
}

// TestAuditLogReadable: an administrator reads the log in Vietnamese — the
// action's name, the record by its title with a link, the fields an edit
// changed before and after with days and unit names as the site writes them
// — and filters it by user, action, kind of record and day.
func TestAuditLogReadable(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		task := e.task("Rà soát hồ sơ", []int64{e.Unit1.ID}, domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-03-20")})
		_, err := e.Service.UpdateTask(ctx, e.Office, task.ID, app.TaskInput{Text: "Rà soát hồ sơ cán bộ", Lead: []int64{e.Unit1.ID},
			Support: []int64{e.Unit2.ID}, Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-04-30")}, Version: task.Version})
		apptest.Must(t, err)
		_, err = e.Service.AddReport(ctx, e.Unit1User, task.ID, app.ReportInput{Body: "Đã rà soát 20 hồ sơ", Percent: 40})
		apptest.Must(t, err)
		a := e.login("admin")
		code, body, _ := a.get("/admin/audit")
		if code != http.StatusOK {
			t.Fatalf("audit log: %d", code)
		}
		wantIn(t, "audit log", body, "Đăng nhập", "Tạo mới", "Sửa", "Báo cáo tiến độ",
			fmt.Sprintf(`<a href="/tasks/%d">Rà soát hồ sơ cán bộ</a>`, task.ID),
			"<dt>Nội dung</dt><dd><del>Rà soát hồ sơ</del> → <ins>Rà soát hồ sơ cán bộ</ins></dd>",
			"<dt>Đơn vị phối hợp</dt><dd><i class=\"muted\">(trống)</i> → <ins>Phòng Y tế</ins></dd>",
			"<dt>Thời hạn</dt><dd><del>Trước ngày 20/03/2023</del> → <ins>Trước ngày 30/04/2023</ins></dd>",
			"<dt>Tiến độ (%)</dt><dd><del>0</del> → <ins>40</ins></dd>",
			"<dt>Nội dung báo cáo</dt>", "Đã rà soát 20 hồ sơ")
		for _, raw := range []string{"&#34;Text&#34;", `"Text":`, "{&#34;", "task #", ">update<", ">create<", ">login<", "Xem dữ liệu"} {
			if strings.Contains(body, raw) {
				t.Errorf("the log shows %q", raw)
			}
		}
		rows := func(query string) int {
			t.Helper()
			code, body, _ := a.get("/admin/audit?" + query)
			if code != http.StatusOK {
				t.Fatalf("audit log ?%s: %d", query, code)
			}
			return strings.Count(body, `<td class="nowrap phone-title">`)
		}
		all := rows("")
		for _, tc := range []struct {
			query string
			want  func(n int) bool
		}{
			{"action=update&entity=task", func(n int) bool { return n == 1 }},
			{"action=report", func(n int) bool { return n == 1 }},
			{fmt.Sprintf("user=%d", e.Unit1User.ID), func(n int) bool { return n == 1 }},
			{"entity=task", func(n int) bool { return n == 3 }},
			{"from=2023-03-01&to=2023-03-01", func(n int) bool { return n == all }},
			{"from=01/03/2023", func(n int) bool { return n == all }},
			{"from=2023-03-02", func(n int) bool { return n == 0 }},
			{"to=2023-02-28", func(n int) bool { return n == 0 }},
		} {
			if n := rows(tc.query); !tc.want(n) {
				t.Errorf("?%s: %d entries (of %d)", tc.query, n, all)
			}
		}
		if code, body, _ := a.get("/admin/audit?from=30/02/2023"); code != http.StatusUnprocessableEntity || !strings.Contains(body, "Từ ngày") {
			t.Errorf("a bad day: %d, want 422 naming the field", code)
		}
	})
}

// TestAuditLogReadsGroupsAndCorrections: the entries of groups of units
// and of corrections read as the rest do — a group by its name with a link,
// a task's groups by name, the notice a correction corrects by its number
// and title, and a confirmed change as the fields it changed — never as
// codes, ids or a "→ (trống)" for what the entry only notes.
func TestAuditLogReadsGroupsAndCorrections(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		svc := e.Service
		g := &domain.Group{Name: "Các đơn vị khối Văn hóa - Xã hội", BlockID: e.Block.ID}
		apptest.Must(t, svc.CreateGroup(ctx, e.Office, g))
		grouped, err := svc.CreateTask(ctx, e.Office, app.TaskInput{Text: "Tuyên truyền phòng chống dịch", LeadGroups: []int64{g.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineNone}})
		apptest.Must(t, err)
		_, err = svc.ResolveTaskUnits(ctx, e.Office, grouped.ID, app.ResolveInput{Lead: []int64{e.Unit1.ID}, Version: grouped.Version})
		apptest.Must(t, err)

		n := &domain.Notice{Title: "Kết luận tại Hội nghị giao ban tháng 2", Number: "12", Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-02-23"),
			SignerName: "Ngô Đức Sáu", Sections: []domain.Section{{Kind: domain.SectionTasks, Heading: "Nhiệm vụ", Body: "Rà soát trường chuẩn"}}}
		apptest.Must(t, svc.CreateNotice(ctx, e.Office, n))
		task := e.Task(app.TaskInput{NoticeID: n.ID, Text: "Rà soát trường chuẩn", Deadline: dateDeadline("2023-12-25")})
		_, err = svc.IssueNotice(ctx, e.Office, n.ID, n.Version)
		apptest.Must(t, err)
		fix, err := svc.CorrectNotice(ctx, e.Office, n.ID, domain.CorrectionErratum)
		apptest.Must(t, err)
		changes, err := svc.NoticeChanges(ctx, e.Office, fix.ID)
		apptest.Must(t, err)
		p := changes[0].Proposal
		_, err = svc.UpdateTask(ctx, e.Office, p.ID, app.TaskInput{NoticeID: fix.ID, Text: p.Text, Lead: p.Lead, Version: p.Version,
			Deadline: dateDeadline("2023-12-31")})
		apptest.Must(t, err)
		fix, err = svc.Notice(ctx, e.Office, fix.ID)
		apptest.Must(t, err)
		fix.Number, fix.IssuedOn = "15", domain.MustDate("2023-03-01")
		apptest.Must(t, svc.UpdateNotice(ctx, e.Office, fix))
		_, err = svc.IssueNotice(ctx, e.Office, fix.ID, fix.Version)
		apptest.Must(t, err)
		p2, err := svc.Task(ctx, e.Office, p.ID)
		apptest.Must(t, err)
		_, err = svc.ConfirmTaskChange(ctx, e.Office, p.ID, p2.Version)
		apptest.Must(t, err)

		a := e.login("admin")
		code, body, _ := a.get("/admin/audit")
		if code != http.StatusOK {
			t.Fatalf("audit log: %d", code)
		}
		wantIn(t, "audit log", body,
			"Nhóm đơn vị", fmt.Sprintf(`<a href="/groups/%d/edit">Các đơn vị khối Văn hóa - Xã hội</a>`, g.ID),
			"Xác định đơn vị thực hiện",
			"<dt>Nhóm chủ trì (chưa chia)</dt><dd><del>Các đơn vị khối Văn hóa - Xã hội</del> → <i class=\"muted\">(trống)</i></dd>",
			"<dt>Đơn vị chủ trì</dt><dd><i class=\"muted\">(trống)</i> → <ins>Phòng Giáo dục và Đào tạo</ins></dd>",
			"Tạo văn bản đính chính, thay thế", "<dt>Thông báo được đính chính</dt><dd>12/TB-UBND: Kết luận tại Hội nghị giao ban tháng 2</dd>",
			"<dt>Loại văn bản</dt><dd>Thông báo đính chính</dd>",
			"Đề xuất thay đổi (đính chính)", "Xác nhận thay đổi (đính chính)",
			fmt.Sprintf(`<a href="/tasks/%d">Rà soát trường chuẩn</a>`, task.ID),
			"<dt>Thời hạn</dt><dd><del>Trước ngày 25/12/2023</del> → <ins>Trước ngày 31/12/2023</ins></dd>",
			"<dt>Theo văn bản đính chính</dt><dd>15/TB-UBND: Đính chính Thông báo số 12/TB-UBND")
		for _, raw := range []string{">correct<", ">confirm_change<", ">resolve_units<", "LeadGroups", "OriginID", "proposal",
			"<dt>Thông báo được đính chính</dt><dd><del>"} {
			if strings.Contains(body, raw) {
				t.Errorf("the log shows %q", raw)
			}
		}
		if _, body, _ := a.get("/admin/audit?entity=group"); !strings.Contains(body, "<option value=\"group\" selected>Nhóm đơn vị</option>") ||
			strings.Count(body, `<td class="nowrap phone-title">`) != 1 {
			t.Errorf("filtering by group: not one entry")
		}
	})
}

// TestEveryAuditActionHasALabel reads the service's code for the actions it
// writes to the audit log: each has its Vietnamese name, so that the log
// never shows a code ("create_backdated") to an administrator.
func TestEveryAuditActionHasALabel(t *testing.T) {
	files, err := filepath.Glob("../app/*.go")
	apptest.Must(t, err)
	written := regexp.MustCompile(`Audit\(ctx, \w+, "([a-z_]+)"|action = [^\n]*"([a-z_]+)"`)
	entity := regexp.MustCompile(`Audit\(ctx, \w+, (?:"[a-z_]+"|\w+), "([a-z_]+)"`)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		apptest.Must(t, err)
		for _, m := range written.FindAllStringSubmatch(string(src), -1) {
			action := m[1] + m[2]
			n++
			if _, ok := auditActions[action]; !ok {
				t.Errorf("%s writes the action %q, which has no name in auditActions (web/audit.go)", f, action)
			}
		}
		for _, m := range entity.FindAllStringSubmatch(string(src), -1) {
			if entityLabel(m[1]) == m[1] {
				t.Errorf("%s writes the kind of record %q, which has no name in auditEntities (web/audit.go)", f, m[1])
			}
		}
	}
	if n < 15 {
		t.Fatalf("found %d actions; the test no longer reads the code", n)
	}
	for _, state := range []domain.ExtensionState{domain.ExtensionApproved, domain.ExtensionRefused} {
		if _, ok := auditActions[string(state)]; !ok {
			t.Errorf("the extension decision %q has no name", state)
		}
	}
}
