package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// task creates a task as the office through the service (apptest's Task).
func (e *env) task(text string, lead []int64, deadline domain.Deadline) *domain.Task {
	e.TB.Helper()
	return e.Task(app.TaskInput{Text: text, Lead: lead, Deadline: deadline})
}

func dateDeadline(iso string) domain.Deadline {
	return domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate(iso)}
}

// taskCount is how many tasks the office sees.
func (e *env) taskCount() int {
	e.TB.Helper()
	_, n, err := e.Service.Tasks(context.Background(), e.Office, store.TaskFilter{})
	apptest.Must(e.TB, err)
	return n
}

func TestTaskCreateAndList(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		n := &domain.Notice{Title: "Kết luận giao ban khối Văn hóa - Xã hội", Number: "12", Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-02-23"),
			SignerName: "Ngô Đức Sáu", Sections: []domain.Section{{Kind: domain.SectionTasks, Heading: "2. Nhiệm vụ thời gian tới"}}}
		apptest.Must(t, e.Service.CreateNotice(ctx, e.Office, n))
		c := e.login("vanphong")

		code, body, _ := c.get(fmt.Sprintf("/tasks/new?notice=%d", n.ID))
		sec := regexp.MustCompile(`<option value="(\d+)" selected>2\. Nhiệm vụ thời gian tới`).FindStringSubmatch(body)
		if code != http.StatusOK || !strings.Contains(body, "Phòng Y tế") || sec == nil ||
			!strings.Contains(body, fmt.Sprintf(`<option value="%d" selected>12/TB-UBND`, n.ID)) {
			t.Fatalf("new task form for a notice: %d, want the units, the notice and its tasks section selected", code)
		}
		code, _, loc := c.post("/tasks", url.Values{"text": {"Tham mưu kế hoạch tuyển sinh năm học 2023-2024"},
			"lead": {fmt.Sprint(e.Unit1.ID)}, "support": {fmt.Sprint(e.Unit2.ID)}, "deadline_kind": {"date"},
			"deadline_date": {"2023-03-15"}, "notice": {fmt.Sprint(n.ID)}, "section": {sec[1]}, "legal_refs": {"Kế hoạch số 5/KH-UBND\nCông văn 10/SGD"}})
		if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/tasks/") {
			t.Fatalf("create task: %d → %q, want a redirect to the task", code, loc)
		}
		_, page, _ := c.get(loc)
		for _, want := range []string{"Đã tạo nhiệm vụ", "Tham mưu kế hoạch tuyển sinh", "Phòng Giáo dục và Đào tạo", "Phòng Y tế",
			"Trước ngày 15/03/2023", "Thông báo số 12/TB-UBND", "2. Nhiệm vụ thời gian tới", "Công văn 10/SGD"} {
			if !strings.Contains(page, want) {
				t.Errorf("task page lacks %q", want)
			}
		}
		// A draft's task is on its own page and its notice's, in no list until the notice is issued.
		_, list, _ := c.get("/tasks")
		if strings.Contains(list, "Tham mưu kế hoạch tuyển sinh") {
			t.Fatalf("the task list shows a task of a draft notice")
		}
		if _, body, _ := c.get(fmt.Sprintf("/notices/%d", n.ID)); !strings.Contains(body, "Tham mưu kế hoạch tuyển sinh") {
			t.Fatalf("the draft notice's page lacks its task")
		}
		cur, err := e.Service.Notice(ctx, e.Office, n.ID)
		apptest.Must(t, err)
		_, err = e.Service.IssueNotice(ctx, e.Office, n.ID, cur.Version)
		apptest.Must(t, err)
		_, list, _ = c.get("/tasks")
		if !strings.Contains(list, "Tham mưu kế hoạch tuyển sinh") || !strings.Contains(list, "12/TB-UBND") || !strings.Contains(list, "Tạo nhiệm vụ") {
			t.Fatalf("task list lacks the new task, its notice or the create button")
		}
		// Other kinds of deadline from the same form.
		for _, tc := range []struct {
			form url.Values
			want string
		}{
			{url.Values{"deadline_kind": {"month"}, "deadline_month": {"2023-09"}}, "trong tháng 9/2023"},
			{url.Values{"deadline_kind": {"quarter"}, "deadline_quarter": {"3"}, "deadline_year": {"2024"}}, "trong quý III/2024"},
			{url.Values{"deadline_kind": {"recurring"}, "every": {"month"}, "day": {"25"}, "from": {"2023-03-01"}}, "hàng tháng (ngày 25)"},
			{url.Values{"deadline_kind": {"event"}, "event": {"UBND tỉnh ban hành kế hoạch"}, "event_days": {"15"}}, "sau khi UBND tỉnh ban hành kế hoạch"},
			{url.Values{"deadline_kind": {"none"}}, "thường xuyên"},
		} {
			tc.form.Set("text", "Nhiệm vụ có thời hạn "+tc.want)
			tc.form.Set("lead", fmt.Sprint(e.Unit2.ID))
			code, _, loc := c.post("/tasks", tc.form)
			if code != http.StatusSeeOther {
				t.Fatalf("deadline %q: status %d", tc.want, code)
			}
			if _, page, _ := c.get(loc); !strings.Contains(page, tc.want) {
				t.Errorf("deadline %q not shown on the task page", tc.want)
			}
		}
		// Text search ignores diacritics, and the list filters by status.
		if _, list, _ := c.get("/tasks?q=tuyen+sinh"); !strings.Contains(list, "Tham mưu kế hoạch tuyển sinh") || strings.Contains(list, "trong quý III/2024") {
			t.Errorf("/tasks?q=tuyen+sinh should list only the enrolment task")
		}
		if code, body, _ := c.get("/tasks?status=bogus"); code != http.StatusUnprocessableEntity || !strings.Contains(body, "Tình trạng") {
			t.Errorf("bad status filter: %d, want 422 with a message", code)
		}
		// Viewers and units do not get the form.
		for _, who := range []string{"xem", "gddt"} {
			if code, _, _ := e.login(who).get("/tasks/new"); code != http.StatusForbidden {
				t.Errorf("%s GET /tasks/new: %d, want 403", who, code)
			}
		}
		if code, _, _ := e.login("gddt").post("/tasks", url.Values{"text": {"x"}, "lead": {fmt.Sprint(e.Unit1.ID)}}); code != http.StatusForbidden {
			t.Errorf("unit user POST /tasks: %d, want 403", code)
		}
	})
}

func TestTaskFormRejectsBadInput(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		c := e.login("vanphong")
		valid := func() url.Values {
			return url.Values{"text": {"Kiểm tra công tác y tế học đường"}, "lead": {fmt.Sprint(e.Unit1.ID)},
				"deadline_kind": {"date"}, "deadline_date": {"2023-04-30"}}
		}
		for _, tc := range []struct {
			name string
			edit func(url.Values)
			msg  string
			kept string // what of the input must be shown again
		}{
			{"empty text", func(f url.Values) { f.Set("text", "   ") }, "Nội dung nhiệm vụ không được để trống", `value="2023-04-30"`},
			{"no lead unit", func(f url.Values) { f.Del("lead") }, "Cần chọn ít nhất một đơn vị chủ trì", "Kiểm tra công tác y tế học đường"},
			{"impossible date", func(f url.Values) { f.Set("deadline_date", "31/02/2023") }, "không có trên lịch", `value="31/02/2023"`},
			{"unknown unit", func(f url.Values) { f.Set("lead", "99999") }, "Đơn vị không có trong danh mục", "Kiểm tra công tác y tế học đường"},
			// Refused by the input gate (httpx.ReadInput) before the form is read:
			// the message, and the input is still there on going back.
			{"not UTF-8", func(f url.Values) { f.Set("text", "Nhiệm vụ \xff\xfe lỗi mã") }, "không phải văn bản UTF-8 hợp lệ", ""},
			{"bad month", func(f url.Values) { f.Set("deadline_kind", "month"); f.Set("deadline_month", "13/2023") }, "tháng", `value="13/2023"`},
			{"lead and support", func(f url.Values) { f.Set("support", fmt.Sprint(e.Unit1.ID)) }, "vừa chủ trì vừa phối hợp", "Kiểm tra công tác y tế học đường"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				f := valid()
				tc.edit(f)
				code, body, _ := c.post("/tasks", f)
				if code != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", code)
				}
				if !strings.Contains(body, tc.msg) {
					t.Errorf("page lacks the message %q", tc.msg)
				}
				if tc.kept != "" && !strings.Contains(body, tc.kept) {
					t.Errorf("the form did not keep %q", tc.kept)
				}
				if n := e.taskCount(); n != 0 {
					t.Errorf("%d tasks saved, want none", n)
				}
			})
		}
	})
}

func TestTaskEditStaleVersion(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		task := e.task("Rà soát hồ sơ trẻ em có hoàn cảnh khó khăn", []int64{e.Unit1.ID}, dateDeadline("2023-03-31"))
		c := e.login("vanphong")
		code, form, _ := c.get(fmt.Sprintf("/tasks/%d/edit", task.ID))
		if code != http.StatusOK || !strings.Contains(form, `name="version" value="1"`) || !strings.Contains(form, `value="2023-03-31"`) {
			t.Fatalf("edit form: %d, want the version and the deadline filled in", code)
		}
		edit := url.Values{"text": {"Rà soát hồ sơ trẻ em (bản sửa thứ nhất)"}, "lead": {fmt.Sprint(e.Unit1.ID)},
			"deadline_kind": {"date"}, "deadline_date": {"2023-04-15"}, "version": {"1"}}
		if code, _, _ := c.post(fmt.Sprintf("/tasks/%d", task.ID), edit); code != http.StatusSeeOther {
			t.Fatalf("first save: %d", code)
		}
		// A second user saves from the same, now stale, page.
		edit.Set("text", "Rà soát hồ sơ trẻ em (bản sửa thứ hai)")
		edit.Del("csrf") // post added the first user's token
		code, body, _ := e.login("admin").post(fmt.Sprintf("/tasks/%d", task.ID), edit)
		if code != http.StatusConflict || !strings.Contains(body, "đã được người khác sửa") || !strings.Contains(body, "bản sửa thứ hai") {
			t.Fatalf("stale save: %d, want 409 with the conflict message and the input kept", code)
		}
		if _, page, _ := c.get(fmt.Sprintf("/tasks/%d", task.ID)); !strings.Contains(page, "bản sửa thứ nhất") || !strings.Contains(page, "15/04/2023") {
			t.Fatalf("the first save was lost")
		}
	})
}

func TestUnitReportsAndExtension(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		task := e.task("Xây dựng kế hoạch phòng chống dịch bệnh trong trường học", []int64{e.Unit1.ID}, dateDeadline("2023-03-15"))
		path := fmt.Sprintf("/tasks/%d", task.ID)
		unit := e.login("gddt")

		// Progress with a file whose name is Vietnamese.
		pdf := []byte("%PDF-1.4\n% báo cáo\n")
		code, _, _ := unit.postFiles(path+"/reports", url.Values{"body": {"Đã dự thảo kế hoạch, đang lấy ý kiến"}, "percent": {"40"}},
			upload{"Báo cáo tiến độ.pdf", pdf})
		if code != http.StatusSeeOther {
			t.Fatalf("progress report: %d", code)
		}
		_, page, _ := unit.get(path)
		att := regexp.MustCompile(`href="/attachments/(\d+)">Báo cáo tiến độ\.pdf`).FindStringSubmatch(page)
		if !strings.Contains(page, "Đã dự thảo kế hoạch") || !strings.Contains(page, "40%") || att == nil {
			t.Fatalf("task page after the report lacks the report, the percent or the download link")
		}
		resp, data := unit.getResp("/attachments/" + att[1])
		if resp.StatusCode != http.StatusOK || !bytes.Equal(data, pdf) {
			t.Fatalf("download: %d, %d bytes", resp.StatusCode, len(data))
		}
		if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20ti%E1%BA%BFn%20%C4%91%E1%BB%99.pdf") {
			t.Errorf("Content-Disposition = %q", cd)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/pdf" {
			t.Errorf("Content-Type = %q, want the stored application/pdf", ct)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("download without nosniff")
		}

		// A bad report is refused with the text kept.
		code, body, _ := unit.postFiles(path+"/reports", url.Values{"body": {"Tiến độ sai"}, "percent": {"150"}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "Tiến độ phải từ 0 đến 100%") || !strings.Contains(body, "Tiến độ sai") {
			t.Errorf("percent 150: %d, want 422 with the message and the text kept", code)
		}
		code, body, _ = unit.postFiles(path+"/reports", url.Values{"body": {"Gửi tệp chạy"}}, upload{"virus.exe", []byte("MZ")})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "không thuộc loại được phép") {
			t.Errorf(".exe attachment: %d, want 422", code)
		}

		// Extension: the unit asks, the leader approves on the dashboard.
		code, _, _ = unit.post(path+"/extensions", url.Values{"new_due": {"2023-04-30"}, "reason": {"Chờ hướng dẫn của Sở Y tế"}})
		if code != http.StatusSeeOther {
			t.Fatalf("extension request: %d", code)
		}
		leader := e.login("lanhdao")
		_, dash, _ := leader.get("/")
		m := regexp.MustCompile(`action="/extensions/(\d+)/decide"`).FindStringSubmatch(dash)
		if m == nil || !strings.Contains(dash, "Chờ hướng dẫn của Sở Y tế") || !strings.Contains(dash, "Xây dựng kế hoạch phòng chống dịch") {
			t.Fatalf("the leader's dashboard does not offer the pending extension")
		}
		code, _, loc := leader.post("/extensions/"+m[1]+"/decide", url.Values{"decision": {"approve"}, "task": {fmt.Sprint(task.ID)}, "back": {"/"}})
		if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/?") {
			t.Fatalf("approve: %d → %q", code, loc)
		}
		_, page, _ = unit.get(path)
		if !strings.Contains(page, "30/04/2023") || !strings.Contains(page, "Đã đồng ý") {
			t.Fatalf("the task page does not show the new due day after approval")
		}
		if code, _, _ := leader.post("/extensions/"+m[1]+"/decide", url.Values{"decision": {"refuse"}, "note": {"Đã quyết"}, "task": {fmt.Sprint(task.ID)}}); code != http.StatusConflict {
			t.Errorf("deciding twice: %d, want 409", code)
		}

		// Completion on 10 March: done on time.
		e.Clock.Set(time.Date(2023, 3, 10, 10, 0, 0, 0, domain.Location))
		unit = e.login("gddt") // the session of 1 March has expired
		code, _, _ = unit.postFiles(path+"/reports", url.Values{"body": {"Đã ban hành kế hoạch"}, "completion": {"1"}},
			upload{"ke-hoach.docx", []byte("PK\x03\x04 docx")})
		if code != http.StatusSeeOther {
			t.Fatalf("completion report: %d", code)
		}
		_, page, _ = unit.get(path)
		if !strings.Contains(page, "Đã hoàn thành đúng hạn") || !strings.Contains(page, "ke-hoach.docx") {
			t.Fatalf("after completion the page does not show Đã hoàn thành đúng hạn with the evidence")
		}
		// The office may reopen it with a reason.
		office := e.login("vanphong")
		if code, _, _ := office.post(path+"/reopen", url.Values{"reason": {"Chưa có minh chứng ký ban hành"}}); code != http.StatusSeeOther {
			t.Fatalf("reopen: %d", code)
		}
		if _, page, _ := office.get(path); !strings.Contains(page, "Mở lại: Chưa có minh chứng") || strings.Contains(page, "Đã hoàn thành đúng hạn") {
			t.Fatalf("reopened task still shown as done")
		}
	})
}

func TestEventDeadline(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		task := e.task("Triển khai kế hoạch chuyển đổi số", []int64{e.Unit1.ID},
			domain.Deadline{Kind: domain.DeadlineEvent, Event: "UBND tỉnh ban hành kế hoạch", EventDays: 10})
		c := e.login("vanphong")
		path := fmt.Sprintf("/tasks/%d", task.ID)
		code, body, _ := c.post(path+"/event-date", url.Values{"event_date": {"30/02/2023"}, "version": {"1"}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "không có trên lịch") {
			t.Fatalf("impossible event date: %d", code)
		}
		if code, _, _ := c.post(path+"/event-date", url.Values{"event_date": {"2023-03-05"}, "version": {"1"}}); code != http.StatusSeeOther {
			t.Fatalf("event date: %d", code)
		}
		if _, page, _ := c.get(path); !strings.Contains(page, "15/03/2023") {
			t.Fatalf("the due day 10 days after the event is not shown")
		}
	})
}

func TestCrossUnitNotFound(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		task := e.task("Kiểm tra an toàn thực phẩm bếp ăn tập thể", []int64{e.Unit2.ID}, dateDeadline("2023-03-20"))
		r, err := e.Service.AddReport(context.Background(), e.Unit2User, task.ID, app.ReportInput{Body: "Đã kiểm tra 3 bếp ăn",
			Files: []app.Upload{{Name: "bien-ban.pdf", Data: []byte("%PDF-1.4 biên bản")}}})
		apptest.Must(t, err)
		path := fmt.Sprintf("/tasks/%d", task.ID)
		att := fmt.Sprintf("/attachments/%d", r.Attachments[0].ID)
		other := e.login("gddt")
		for _, tc := range []struct {
			name string
			do   func() (int, string, string)
		}{
			{"task page", func() (int, string, string) { return other.get(path) }},
			{"edit form", func() (int, string, string) { return other.get(path + "/edit") }},
			{"report", func() (int, string, string) {
				return other.postFiles(path+"/reports", url.Values{"body": {"Báo cáo nhầm"}, "percent": {"10"}})
			}},
			{"extension", func() (int, string, string) {
				return other.post(path+"/extensions", url.Values{"new_due": {"2023-05-01"}, "reason": {"x"}})
			}},
			{"attachment", func() (int, string, string) { return other.get(att) }},
		} {
			if code, body, _ := tc.do(); code != http.StatusNotFound || strings.Contains(body, "Kiểm tra an toàn thực phẩm") {
				t.Errorf("gddt %s of a task led by yte: %d, want 404 that reveals nothing", tc.name, code)
			}
		}
		if d, err := e.Service.Task(context.Background(), e.Office, task.ID); err != nil || len(d.Reports) != 1 {
			t.Fatalf("the other unit's report was saved: %v", err)
		}
		own := e.login("yte")
		if code, _, _ := own.get(path); code != http.StatusOK {
			t.Errorf("yte reading its own task: %d", code)
		}
		if code, _, _ := own.get(att); code != http.StatusOK {
			t.Errorf("yte downloading its own attachment: %d", code)
		}
		if _, list, _ := other.get("/tasks"); strings.Contains(list, "Kiểm tra an toàn thực phẩm") {
			t.Errorf("gddt's task list shows yte's task")
		}
	})
}

func TestOversizedUpload(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		task := e.task("Tổng hợp số liệu tiêm chủng", []int64{e.Unit1.ID}, dateDeadline("2023-03-20"))
		path := fmt.Sprintf("/tasks/%d/reports", task.ID)
		c := e.login("gddt")
		for _, tc := range []struct {
			name string
			size int
			msg  string
		}{
			{"over the service limit", 1<<20 + 512<<10, "vượt quá 1 MB"},
			{"over the request limit", 3 << 20, "quá lớn"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				code, body, _ := c.postFiles(path, url.Values{"body": {"Gửi số liệu"}, "percent": {"50"}},
					upload{"so-lieu.xlsx", bytes.Repeat([]byte("x"), tc.size)})
				if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, tc.msg) {
					t.Fatalf("status %d, want 413 with %q", code, tc.msg)
				}
				d, err := e.Service.Task(context.Background(), e.Office, task.ID)
				apptest.Must(t, err)
				if len(d.Reports) != 0 || d.Percent != 0 {
					t.Fatalf("an oversized upload saved %d reports", len(d.Reports))
				}
			})
		}
	})
}

// TestUnreadableMultipart: a multipart body that cannot be parsed is the
// sender's to correct (400, with a Vietnamese message), never a system error.
func TestUnreadableMultipart(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		task := e.task("Tổng hợp số liệu tiêm chủng", []int64{e.Unit1.ID}, dateDeadline("2023-03-20"))
		c := e.login("gddt")
		for _, ct := range []string{"multipart/form-data", "multipart/form-data; boundary=xyz"} {
			resp, err := c.http.Post(fmt.Sprintf("%s/tasks/%d/reports", e.srv.URL, task.ID), ct, strings.NewReader("không phải biểu mẫu"))
			apptest.Must(t, err)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "không đọc được") {
				t.Errorf("%s: status %d, want 400 with a message", ct, resp.StatusCode)
			}
		}
		if d, err := e.Service.Task(context.Background(), e.Office, task.ID); err != nil || len(d.Reports) != 0 {
			t.Fatalf("an unreadable form saved a report (%v)", err)
		}
	})
}

func TestPageWeight(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		units := []int64{e.Unit1.ID, e.Unit2.ID}
		for i := 0; i < 28; i++ {
			u := domain.Unit{Name: fmt.Sprintf("UBND xã Thử Nghiệm số %d", i+1), Kind: "xã", BlockID: e.Block.ID}
			apptest.Must(t, e.Service.CreateUnit(ctx, e.Admin, &u))
			units = append(units, u.ID)
		}
		long := strings.Repeat("Chỉ đạo các trường học trên địa bàn thực hiện nghiêm túc kế hoạch năm học, bảo đảm chất lượng giáo dục toàn diện; ", 5)
		for i := 0; i < 50; i++ {
			_, err := e.Service.CreateTask(ctx, e.Office, app.TaskInput{Text: fmt.Sprintf("%d. %s", i+1, long),
				Lead: []int64{units[i%len(units)]}, Support: []int64{units[(i+1)%len(units)], units[(i+2)%len(units)]},
				Deadline: dateDeadline(fmt.Sprintf("2023-%02d-15", 1+i%12)), LegalRefs: []string{"Kế hoạch số 12/KH-UBND"}})
			apptest.Must(t, err)
		}
		c := e.login("lanhdao")
		for _, path := range []string{"/tasks", "/"} {
			code, body, _ := c.get(path)
			if code != http.StatusOK {
				t.Fatalf("%s: %d", path, code)
			}
			if len(body) > 100<<10 {
				t.Errorf("%s weighs %d KB with 50 tasks, want under 100 KB", path, len(body)>>10)
			}
			if path == "/tasks" && strings.Count(body, `<a href="/tasks/`) < 50 {
				t.Errorf("/tasks lists %d tasks, want 50", strings.Count(body, `<a href="/tasks/`))
			}
		}
	})
}

// TestTaskPageDeadlineLine: the task page says the deadline in one line —
// the day, and after an approved extension the new day with the original
// beside it — and "hôm nay" for an update made today.
func TestTaskPageDeadlineLine(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		task := e.task("Rà soát hồ sơ", []int64{e.Unit1.ID}, dateDeadline("2023-03-20"))
		c := e.login("vanphong")
		page := func() string {
			_, body, _ := c.get(fmt.Sprintf("/tasks/%d", task.ID))
			return body
		}
		body := page()
		if !strings.Contains(body, "<b>Trước ngày 20/03/2023</b>") || strings.Contains(body, "Hạn thực hiện") {
			t.Errorf("the deadline is not one line")
		}
		if !strings.Contains(body, "(hôm nay)") || strings.Contains(body, "0 ngày trước") {
			t.Errorf("today's update is not “hôm nay”")
		}
		x, err := e.Service.RequestExtension(ctx, e.Unit1User, task.ID, domain.MustDate("2023-04-15"), "Chờ số liệu")
		apptest.Must(t, err)
		if p := page(); strings.Contains(p, "Đang chờ Lãnh đạo hoặc Văn phòng quyết định") || !strings.Contains(p, "Đồng ý gia hạn") {
			t.Errorf("the office should see the decision form")
		}
		apptest.Must(t, e.Service.DecideExtension(ctx, e.Leader, x.ID, true, ""))
		body = page()
		if !strings.Contains(body, "Đã gia hạn đến 15/04/2023") || !strings.Contains(body, "Hạn ban đầu: trước ngày 20/03/2023") {
			t.Errorf("an extended deadline does not show the new and the original day:\n%s", body[strings.Index(body, "tk-due"):][:300])
		}
		unit := e.login("gddt")
		_, err = e.Service.RequestExtension(ctx, e.Unit1User, task.ID, domain.MustDate("2023-05-15"), "Thêm thời gian")
		apptest.Must(t, err)
		if _, body, _ := unit.get(fmt.Sprintf("/tasks/%d", task.ID)); !strings.Contains(body, "Đang chờ Lãnh đạo hoặc Văn phòng quyết định") {
			t.Errorf("the unit is not told who decides")
		}
	})
}

// TestReportBelowProgress: a report with a lower percent than the task's is
// accepted and explained, on the form and after sending it.
func TestReportBelowProgress(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		task := e.task("Tổng hợp số liệu", []int64{e.Unit1.ID}, dateDeadline("2023-03-20"))
		_, err := e.Service.AddReport(context.Background(), e.Unit1User, task.ID, app.ReportInput{Body: "Đã làm một nửa", Percent: 60})
		apptest.Must(t, err)
		c := e.login("gddt")
		path := fmt.Sprintf("/tasks/%d", task.ID)
		if _, body, _ := c.get(path); !strings.Contains(body, "Tiến độ hiện tại là 60%") {
			t.Errorf("the form does not say the current progress")
		}
		code, _, loc := c.postFiles(path+"/reports", url.Values{"body": {"Rà soát lại số liệu"}, "percent": {"40"}})
		if code != http.StatusSeeOther {
			t.Fatalf("report: %d", code)
		}
		if _, body, _ := c.get(loc); !strings.Contains(body, "Tiến độ của nhiệm vụ vẫn là 60%") {
			t.Errorf("after a lower report the page does not explain the progress")
		}
	})
}
