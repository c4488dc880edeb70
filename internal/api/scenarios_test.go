package api

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

// roles maps a scenario's role to a fixture user name.
var roles = map[string]string{
	"admin": "admin", "office": "vanphong", "leader": "lanhdao", "viewer": "xem", "unit1": "gddt", "unit2": "yte",
}

// fixture is the data every API scenario starts from: a meeting, a draft
// and an issued notice, and four tasks (three led by unit 1, one by unit 2),
// one of them with a pending extension request. Today is 1 March 2023.
type fixture struct {
	ids    map[string]int64  // placeholder name → id
	tokens map[string]string // role → bearer token
}

// Texts the scenarios look for in responses.
const (
	task1Text     = "Tham mưu kế hoạch hoạt động hè cho học sinh"
	task2Text     = "Kiểm tra an toàn thực phẩm tại bếp ăn tập thể"
	task3Text     = "Rà soát đội ngũ giáo viên"
	taskEventText = "Triển khai kế hoạch chuyển đổi số của tỉnh"
)

func newFixture(t *testing.T, e *env) *fixture {
	t.Helper()
	ctx := context.Background()
	office, u1 := e.Office, e.Unit1User
	fx := &fixture{ids: map[string]int64{"unit1": e.Unit1.ID, "unit2": e.Unit2.ID, "block": e.Block.ID}, tokens: map[string]string{}}
	for role, name := range roles {
		fx.tokens[role] = e.APIToken(e.User(name))
		fx.ids[name] = e.User(name).ID
	}
	m := &domain.Meeting{Title: "Giao ban khối Văn hóa - Xã hội quý I", Period: domain.PeriodQuarter, PeriodNo: 1,
		Date: domain.MustDate("2023-02-22"), BlockID: e.Block.ID, UnitIDs: []int64{e.Unit1.ID, e.Unit2.ID}}
	apptest.Must(t, e.Service.CreateMeeting(ctx, office, m))
	fx.ids["meeting"] = m.ID
	mkNotice := func(number string) *domain.Notice {
		n := &domain.Notice{MeetingID: m.ID, Title: "Kết luận của Phó Chủ tịch UBND huyện tại hội nghị giao ban", Number: number,
			Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-02-23"), SignerName: "Tạ Quang Thắng",
			Sections: []domain.Section{{Kind: domain.SectionTasks, Heading: "2. Nhiệm vụ", Body: "Giao Phòng Giáo dục và Đào tạo ..."}}}
		apptest.Must(t, e.Service.CreateNotice(ctx, office, n))
		return n
	}
	fx.ids["notice"] = mkNotice("12").ID
	issued := mkNotice("13")
	_, err := e.Service.IssueNotice(ctx, office, issued.ID, issued.Version)
	apptest.Must(t, err)
	fx.ids["issued"] = issued.ID
	mkTask := func(name, text string, lead int64, d domain.Deadline) {
		tk, err := e.Service.CreateTask(ctx, office, app.TaskInput{NoticeID: fx.ids["notice"], Text: text, Lead: []int64{lead}, Deadline: d})
		apptest.Must(t, err)
		fx.ids[name] = tk.ID
	}
	mkTask("task1", task1Text, e.Unit1.ID, domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-03-15")})
	mkTask("task2", task2Text, e.Unit2.ID, domain.Deadline{Kind: domain.DeadlineMonth, Date: domain.MustDate("2023-02-01")})
	mkTask("task3", task3Text, e.Unit1.ID, domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-03-20")})
	mkTask("taskEvent", taskEventText, e.Unit1.ID, domain.Deadline{Kind: domain.DeadlineEvent, Event: "UBND tỉnh ban hành kế hoạch", EventDays: 30})
	// The tasks count once their notice is issued; another notice stays a draft.
	holder, err := e.Service.Notice(ctx, office, fx.ids["notice"])
	apptest.Must(t, err)
	_, err = e.Service.IssueNotice(ctx, office, holder.ID, holder.Version)
	apptest.Must(t, err)
	fx.ids["draft"] = mkNotice("14").ID
	ext, err := e.Service.RequestExtension(ctx, u1, fx.ids["task3"], domain.MustDate("2023-04-30"), "Chờ số liệu của Sở")
	apptest.Must(t, err)
	fx.ids["ext"] = ext.ID
	rep, err := e.Service.AddReport(ctx, u1, fx.ids["task3"], app.ReportInput{Body: "Đang rà soát", Percent: 20,
		Files: []app.Upload{{Name: "danh-sách.txt", Data: []byte("Danh sách giáo viên")}}})
	apptest.Must(t, err)
	fx.ids["att"] = rep.Attachments[0].ID
	return fx
}

// fill replaces {name} placeholders with fixture ids.
func (fx *fixture) fill(s string) string {
	for name, id := range fx.ids {
		s = strings.ReplaceAll(s, "{"+name+"}", fmt.Sprint(id))
	}
	return s
}

// scenario is one API call and what its caller must see, in the manner
// of PocketBase's tests.ApiScenario. Each runs on a fresh fixture.
type scenario struct {
	name   string
	method string
	path   string // under the server root; {task1} etc. are fixture ids
	role   string // admin, office, leader, viewer, unit1, unit2 or anonymous
	body   string // JSON unless contentType says otherwise; placeholders filled
	// contentType overrides application/json.
	contentType string
	// prepare may change the request (a revoked token, a session cookie...).
	prepare  func(t *testing.T, e *env, fx *fixture, req *http.Request)
	status   int
	contains []string // substrings the body must hold
	absent   []string // substrings it must not
	// after checks what was saved (or that nothing was).
	after func(t *testing.T, e *env, fx *fixture)
}

func (sc *scenario) run(t *testing.T, e *env, fx *fixture) {
	t.Helper()
	var body io.Reader
	if sc.body != "" {
		body = strings.NewReader(fx.fill(sc.body))
	}
	req, err := http.NewRequest(sc.method, e.srv.URL+fx.fill(sc.path), body)
	apptest.Must(t, err)
	switch {
	case sc.contentType != "":
		req.Header.Set("Content-Type", sc.contentType)
	case sc.body != "":
		req.Header.Set("Content-Type", "application/json")
	}
	if sc.role != "anonymous" {
		tok, ok := fx.tokens[sc.role]
		if !ok {
			t.Fatalf("unknown role %q", sc.role)
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	if sc.prepare != nil {
		sc.prepare(t, e, fx, req)
	}
	resp, err := http.DefaultClient.Do(req)
	apptest.Must(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	apptest.Must(t, err)
	got := string(b)
	if resp.StatusCode != sc.status {
		t.Fatalf("%s %s as %s: status %d, want %d\n%s", sc.method, sc.path, sc.role, resp.StatusCode, sc.status, got)
	}
	download := sc.status == http.StatusOK && strings.Contains(sc.path, "/attachments/")
	if ct := resp.Header.Get("Content-Type"); !download && ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type = %q, want JSON", ct)
	}
	for _, want := range sc.contains {
		if !strings.Contains(got, fx.fill(want)) {
			t.Errorf("body lacks %q:\n%s", fx.fill(want), got)
		}
	}
	for _, bad := range sc.absent {
		if strings.Contains(got, fx.fill(bad)) {
			t.Errorf("body holds %q:\n%s", fx.fill(bad), got)
		}
	}
	if sc.after != nil {
		sc.after(t, e, fx)
	}
}

// taskTotal is the number of tasks stored.
func taskTotal(t *testing.T, e *env) int {
	t.Helper()
	_, n, err := e.Service.Tasks(context.Background(), e.Admin, store.TaskFilter{})
	apptest.Must(t, err)
	return n
}

func wantTasks(n int) func(t *testing.T, e *env, fx *fixture) {
	return func(t *testing.T, e *env, fx *fixture) {
		t.Helper()
		if got := taskTotal(t, e); got != n {
			t.Errorf("%d tasks stored, want %d", got, n)
		}
	}
}

// taskIs checks a stored task as the office sees it.
func taskIs(name string, check func(d *app.TaskDetail) string) func(t *testing.T, e *env, fx *fixture) {
	return func(t *testing.T, e *env, fx *fixture) {
		t.Helper()
		d, err := e.Service.Task(context.Background(), e.Office, fx.ids[name])
		apptest.Must(t, err)
		if msg := check(d); msg != "" {
			t.Error(msg)
		}
	}
}

// multipartForm builds a report form with one file.
func multipartForm(fields map[string]string, file, content string) (string, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v) //nolint:errcheck // in memory
	}
	if file != "" {
		fw, _ := mw.CreateFormFile("files", file)
		fw.Write([]byte(content)) //nolint:errcheck // in memory
	}
	mw.Close()
	return buf.String(), mw.FormDataContentType()
}

const validTask = `{"text": "Xây dựng kế hoạch phòng chống dịch", "lead": [{unit1}], "support": [{unit2}],
	"deadline": {"kind": "date", "date": "2023-04-15"}, "notice_id": {notice}, "key": true, "legal_refs": ["Kế hoạch số 5/KH-UBND"]}`

func scenarios() []scenario {
	reportForm, reportType := multipartForm(map[string]string{"body": "Đã họp triển khai", "percent": "40"}, "bien-ban.pdf", "%PDF-1.4 biên bản")
	badForm, badType := multipartForm(map[string]string{"body": "Gửi tệp", "percent": "10"}, "virus.exe", "MZ")
	bigForm, bigType := multipartForm(map[string]string{"body": "Gửi tệp lớn"}, "lon.pdf", "%PDF-1.4 "+strings.Repeat("x", 3<<19))
	hugeForm, hugeType := multipartForm(map[string]string{"body": "Gửi tệp rất lớn"}, "rat-lon.pdf", "%PDF-1.4 "+strings.Repeat("x", 5<<19))
	var none []string
	return []scenario{
		// Authentication: only a live bearer token opens the API.
		{name: "anonymous is refused", method: "GET", path: "/api/v1/me", role: "anonymous", status: 401,
			contains: []string{`"code":"unauthenticated"`, "Bearer"}},
		{name: "unknown token is refused", method: "GET", path: "/api/v1/tasks", role: "office", status: 401,
			prepare: func(t *testing.T, e *env, fx *fixture, req *http.Request) {
				req.Header.Set("Authorization", "Bearer gb_khongtontai")
			}, contains: []string{"unauthenticated"}},
		{name: "basic auth is refused", method: "GET", path: "/api/v1/me", role: "office", status: 401,
			prepare: func(t *testing.T, e *env, fx *fixture, req *http.Request) {
				req.Header.Set("Authorization", "Basic dmFucGhvbmc6bWF0a2hhdTEyMw==")
			}},
		{name: "revoked token is refused", method: "GET", path: "/api/v1/me", role: "office", status: 401,
			prepare: func(t *testing.T, e *env, fx *fixture, req *http.Request) {
				ctx := context.Background()
				toks, err := e.Service.APITokens(ctx, e.Office)
				apptest.Must(t, err)
				for _, tk := range toks {
					apptest.Must(t, e.Service.RevokeAPIToken(ctx, e.Office, tk.ID))
				}
			}, contains: []string{"unauthenticated"}},
		{name: "session cookie without token cannot create a task", method: "POST", path: "/api/v1/tasks", role: "anonymous",
			body: validTask, status: 401,
			prepare: func(t *testing.T, e *env, fx *fixture, req *http.Request) {
				// A browser signed in to the pages sends its session cookie and CSRF token.
				token, _, err := e.Service.Login(context.Background(), "vanphong", apptest.Password, "127.0.0.1")
				apptest.Must(t, err)
				_, csrf, err := e.Service.Authenticate(context.Background(), token)
				apptest.Must(t, err)
				req.AddCookie(&http.Cookie{Name: httpx.SessionCookie, Value: token})
				req.Header.Set("X-CSRF-Token", csrf)
			}, after: wantTasks(4)},
		{name: "me as office", method: "GET", path: "/api/v1/me", role: "office", status: 200,
			contains: []string{`"username":"vanphong"`, `"role":"office"`, `"manage":true`, `"unit":null`}},
		{name: "me as unit1", method: "GET", path: "/api/v1/me", role: "unit1", status: 200,
			contains: []string{`"unit":{"id":{unit1},"name":"Phòng Giáo dục và Đào tạo"}`, `"manage":false`, `"sees_all":false`}},
		{name: "openapi is public", method: "GET", path: "/api/v1/openapi.json", role: "anonymous", status: 200,
			contains: []string{`"openapi": "3.1.0"`, `"/api/v1/tasks/{id}"`}},
		{name: "wrong method is 405 in JSON", method: "DELETE", path: "/api/v1/tasks/{task1}", role: "office", status: 405,
			contains: []string{`"code":"method_not_allowed"`, "GET, PUT"}},
		{name: "unknown path is 404 in JSON", method: "GET", path: "/api/v1/khong-co", role: "office", status: 404,
			contains: []string{`"code":"not_found"`}},

		// Directory.
		{name: "directory as viewer", method: "GET", path: "/api/v1/directory", role: "viewer", status: 200,
			contains: []string{`"aliases":["Phòng GD&ĐT"]`, "Khối Văn hóa - Xã hội", `"name":"UBND huyện Thử Nghiệm"`}},
		{name: "office creates a unit", method: "POST", path: "/api/v1/units", role: "office", status: 201,
			body:     `{"name": "Phòng Tư pháp", "kind": "phòng", "block_id": {block}, "aliases": ["P. Tư pháp"]}`,
			contains: []string{`"name":"Phòng Tư pháp"`, `"active":true`, `"version":1`, `"aliases":["P. Tư pháp"]`}},
		{name: "viewer cannot create a unit", method: "POST", path: "/api/v1/units", role: "viewer", status: 403,
			body: `{"name": "Phòng Tư pháp"}`, contains: []string{`"code":"forbidden"`, "không có quyền"}},
		{name: "unit user cannot create a unit", method: "POST", path: "/api/v1/units", role: "unit1", status: 403,
			body: `{"name": "Phòng Tư pháp"}`},
		{name: "unit without a name", method: "POST", path: "/api/v1/units", role: "office", status: 422,
			body: `{"name": "  "}`, contains: []string{`"code":"invalid"`, "Tên đơn vị không được để trống"}},
		{name: "unit name taken", method: "POST", path: "/api/v1/units", role: "office", status: 409,
			body: `{"name": "Phòng Y tế"}`, contains: []string{`"code":"duplicate"`}},
		{name: "office renames a unit", method: "PUT", path: "/api/v1/units/{unit2}", role: "office", status: 200,
			body:     `{"name": "Phòng Y tế huyện", "block_id": {block}, "version": 1}`,
			contains: []string{`"name":"Phòng Y tế huyện"`, `"version":2`, `"active":true`}},
		{name: "stale unit version", method: "PUT", path: "/api/v1/units/{unit2}", role: "office", status: 409,
			body: `{"name": "Phòng Y tế huyện", "version": 7}`, contains: []string{`"code":"conflict"`}},
		{name: "unknown unit", method: "PUT", path: "/api/v1/units/999999", role: "office", status: 404,
			body: `{"name": "X", "version": 1}`},
		{name: "office creates a block", method: "POST", path: "/api/v1/blocks", role: "office", status: 201,
			body: `{"name": "Khối Kinh tế"}`, contains: []string{`"name":"Khối Kinh tế"`}},
		{name: "leader cannot create a block", method: "POST", path: "/api/v1/blocks", role: "leader", status: 403,
			body: `{"name": "Khối Kinh tế"}`},
		{name: "office creates a sector", method: "POST", path: "/api/v1/sectors", role: "office", status: 201,
			body: `{"name": "Giáo dục"}`, contains: []string{`"name":"Giáo dục"`}},

		// Meetings.
		{name: "meetings as viewer", method: "GET", path: "/api/v1/meetings", role: "viewer", status: 200,
			contains: []string{"Giao ban khối Văn hóa - Xã hội quý I", `"period_label":"Quý I/2023"`, `"total":1`, `"date":"2023-02-22"`}},
		{name: "meeting as unit2", method: "GET", path: "/api/v1/meetings/{meeting}", role: "unit2", status: 200,
			contains: []string{`"units":[{"id":{unit1}`, `"version":1`}},
		{name: "unknown meeting", method: "GET", path: "/api/v1/meetings/999999", role: "office", status: 404,
			contains: []string{`"code":"not_found"`, "Không tìm thấy"}},
		{name: "non-numeric id", method: "GET", path: "/api/v1/meetings/abc", role: "office", status: 404},
		{name: "office creates a meeting", method: "POST", path: "/api/v1/meetings", role: "office", status: 201,
			body:     `{"title": "Giao ban tháng 3", "period": "month", "period_no": 3, "date": "2023-03-28", "time": "07:30", "unit_ids": [{unit1}]}`,
			contains: []string{`"period_label":"Tháng 3/2023"`, `"time":"07:30"`}},
		{name: "meeting on 30 February", method: "POST", path: "/api/v1/meetings", role: "office", status: 422,
			body:     `{"title": "Giao ban", "period": "adhoc", "date": "2023-02-30"}`,
			contains: []string{`"code":"invalid"`, "không có trên lịch"},
			after: func(t *testing.T, e *env, fx *fixture) {
				if _, n, _ := e.Service.Meetings(context.Background(), e.Admin, store.MeetingFilter{}); n != 1 {
					t.Errorf("%d meetings stored, want 1", n)
				}
			}},
		{name: "unit user cannot create a meeting", method: "POST", path: "/api/v1/meetings", role: "unit1", status: 403,
			body: `{"title": "Giao ban", "period": "adhoc", "date": "2023-03-02"}`},
		{name: "office edits a meeting", method: "PUT", path: "/api/v1/meetings/{meeting}", role: "office", status: 200,
			body:     `{"title": "Giao ban khối VH-XH quý I (sửa)", "period": "quarter", "period_no": 1, "date": "2023-02-22", "version": 1}`,
			contains: []string{"(sửa)", `"version":2`}},
		{name: "stale meeting version", method: "PUT", path: "/api/v1/meetings/{meeting}", role: "office", status: 409,
			body: `{"title": "Giao ban", "period": "quarter", "period_no": 1, "date": "2023-02-22", "version": 9}`},

		// Notices.
		{name: "notices as viewer", method: "GET", path: "/api/v1/notices", role: "viewer", status: 200,
			contains: []string{`"code":"13/TB-UBND"`, `"state":{"code":"issued","label":"Đã ban hành"}`, `"total":2`}},
		{name: "draft notices only", method: "GET", path: "/api/v1/notices?state=draft", role: "office", status: 200,
			contains: []string{`"code":"14/TB-UBND"`, `"total":1`}, absent: []string{"13/TB-UBND", "12/TB-UBND"}},
		{name: "notice with sections", method: "GET", path: "/api/v1/notices/{notice}", role: "unit1", status: 200,
			contains: []string{`"sections":[{"id":`, `"kind":"tasks"`, `"issued_on":"2023-02-23"`}},
		{name: "office creates a notice", method: "POST", path: "/api/v1/notices", role: "office", status: 201,
			body:     `{"meeting_id": {meeting}, "title": "Kết luận giao ban tháng 3", "sections": [{"kind": "tasks", "heading": "Nhiệm vụ", "body": "..."}]}`,
			contains: []string{`"state":{"code":"draft"`, `"revision":1`, `"heading":"Nhiệm vụ"`}},
		{name: "notice for an unknown meeting", method: "POST", path: "/api/v1/notices", role: "office", status: 422,
			body: `{"meeting_id": 999999, "title": "Kết luận"}`, contains: []string{"Hội nghị không tồn tại"}},
		{name: "viewer cannot create a notice", method: "POST", path: "/api/v1/notices", role: "viewer", status: 403,
			body: `{"title": "Kết luận"}`},
		{name: "office edits a draft", method: "PUT", path: "/api/v1/notices/{draft}", role: "office", status: 200,
			body:     `{"meeting_id": {meeting}, "number": "12", "symbol": "TB-UBND", "issued_on": "2023-02-24", "title": "Kết luận (sửa)", "signer_name": "Tạ Quang Thắng", "version": 1}`,
			contains: []string{"Kết luận (sửa)", `"issued_on":"2023-02-24"`, `"version":2`}},
		{name: "issued notice cannot be edited", method: "PUT", path: "/api/v1/notices/{issued}", role: "office", status: 422,
			body: `{"title": "Sửa", "version": 2}`, contains: []string{"đính chính"}},
		{name: "office issues a draft", method: "POST", path: "/api/v1/notices/{draft}/issue", role: "office", status: 200,
			body: `{"version": 1}`, contains: []string{`"code":"issued"`}},
		{name: "issue from a stale version", method: "POST", path: "/api/v1/notices/{draft}/issue", role: "office", status: 409,
			body: `{"version": 5}`, contains: []string{`"code":"conflict"`}},
		{name: "leader cannot issue", method: "POST", path: "/api/v1/notices/{draft}/issue", role: "leader", status: 403,
			body: `{"version": 1}`},
		{name: "office corrects an issued notice", method: "POST", path: "/api/v1/notices/{issued}/correct", role: "office", status: 201,
			contains: []string{`"revision":2`, `"supersedes_id":{issued}`, `"code":"draft"`}},
		{name: "a draft cannot be corrected", method: "POST", path: "/api/v1/notices/{draft}/correct", role: "office", status: 422},

		// Task lists: unit users see only their unit's tasks.
		{name: "unit1 lists its tasks", method: "GET", path: "/api/v1/tasks", role: "unit1", status: 200,
			contains: []string{task1Text, task3Text, `"total":3`}, absent: []string{task2Text}},
		{name: "unit2 lists its tasks", method: "GET", path: "/api/v1/tasks", role: "unit2", status: 200,
			contains: []string{task2Text, `"total":1`}, absent: []string{task1Text, task3Text}},
		{name: "unit2 cannot widen its list", method: "GET", path: "/api/v1/tasks?unit={unit1}", role: "unit2", status: 200,
			contains: []string{`"total":0`, `"items":[]`}, absent: []string{task1Text}},
		{name: "office lists every task", method: "GET", path: "/api/v1/tasks?per_page=2&page=2", role: "office", status: 200,
			contains: []string{`"total":4`, `"page":2`, `"per_page":2`}},
		{name: "overdue tasks", method: "GET", path: "/api/v1/tasks?status=overdue", role: "leader", status: 200,
			contains: []string{task2Text, `"status":{"code":"overdue","label":"Đang thực hiện quá hạn"}`, `"due_on":"2023-02-28"`, `"days_overdue":1`},
			absent:   []string{task1Text}},
		{name: "several statuses", method: "GET", path: "/api/v1/tasks?status=overdue&status=open", role: "leader", status: 200,
			contains: []string{task2Text, taskEventText}},
		{name: "lead unit filter", method: "GET", path: "/api/v1/tasks?unit={unit1}&lead_only=true&sort=created", role: "viewer", status: 200,
			contains: []string{task1Text, `"total":3`}, absent: []string{task2Text}},
		{name: "search without diacritics", method: "GET", path: "/api/v1/tasks?q=an+toan+thuc+pham", role: "office", status: 200,
			contains: []string{task2Text, `"total":1`}},
		{name: "due range", method: "GET", path: "/api/v1/tasks?due_from=2023-03-01&due_to=2023-03-31&notice={notice}&meeting={meeting}", role: "office", status: 200,
			contains: []string{task1Text, task3Text, `"total":2`}},
		{name: "unknown status", method: "GET", path: "/api/v1/tasks?status=late", role: "office", status: 422,
			contains: []string{"Tham số status"}},
		{name: "page too large", method: "GET", path: "/api/v1/tasks?per_page=500", role: "office", status: 422,
			contains: []string{"per_page", "200"}},
		{name: "bad due_from", method: "GET", path: "/api/v1/tasks?due_from=2023-02-30", role: "office", status: 422,
			contains: []string{"due_from", "không có trên lịch"}},
		{name: "bad unit parameter", method: "GET", path: "/api/v1/tasks?unit=abc", role: "office", status: 422,
			contains: []string{"Tham số unit"}},
		{name: "anonymous task list", method: "GET", path: "/api/v1/tasks", role: "anonymous", status: 401},

		// Creating tasks: only the Office and admins.
		{name: "office creates a task", method: "POST", path: "/api/v1/tasks", role: "office", status: 201, body: validTask,
			contains: []string{`"text":"Xây dựng kế hoạch phòng chống dịch"`, `"lead":[{"id":{unit1},"name":"Phòng Giáo dục và Đào tạo"}]`,
				`"support":[{"id":{unit2},"name":"Phòng Y tế"}]`, `"due_on":"2023-04-15"`, `"status":{"code":"open"`,
				`"notice":{"id":{notice},"code":"12/TB-UBND"}`, `"key":true`, `"description":"trước ngày 15/04/2023"`, `"version":1`},
			after: wantTasks(5)},
		{name: "admin creates a task", method: "POST", path: "/api/v1/tasks", role: "admin", status: 201, body: validTask, after: wantTasks(5)},
		{name: "viewer cannot create a task", method: "POST", path: "/api/v1/tasks", role: "viewer", status: 403, body: validTask,
			contains: []string{`"code":"forbidden"`}, after: wantTasks(4)},
		{name: "leader cannot create a task", method: "POST", path: "/api/v1/tasks", role: "leader", status: 403, body: validTask,
			after: wantTasks(4)},
		{name: "unit user cannot create a task", method: "POST", path: "/api/v1/tasks", role: "unit1", status: 403, body: validTask,
			after: wantTasks(4)},
		{name: "task with empty text", method: "POST", path: "/api/v1/tasks", role: "office", status: 422,
			body: `{"text": "   ", "lead": [{unit1}]}`, contains: []string{`"code":"invalid"`, "Nội dung nhiệm vụ không được để trống"},
			after: wantTasks(4)},
		{name: "task due on 30 February", method: "POST", path: "/api/v1/tasks", role: "office", status: 422,
			body:     `{"text": "Việc", "lead": [{unit1}], "deadline": {"kind": "date", "date": "2023-02-30"}}`,
			contains: []string{"Ngày không hợp lệ", "không có trên lịch"}, after: wantTasks(4)},
		{name: "task date in Vietnamese order", method: "POST", path: "/api/v1/tasks", role: "office", status: 422,
			body:     `{"text": "Việc", "lead": [{unit1}], "deadline": {"kind": "date", "date": "15/7/2023"}}`,
			contains: []string{"2023-07-15"}, after: wantTasks(4)},
		{name: "task for an unknown unit", method: "POST", path: "/api/v1/tasks", role: "office", status: 422,
			body: `{"text": "Việc", "lead": [999999]}`, contains: []string{"Đơn vị không có trong danh mục"}, after: wantTasks(4)},
		{name: "task without a lead unit", method: "POST", path: "/api/v1/tasks", role: "office", status: 422,
			body: `{"text": "Việc"}`, contains: []string{"đơn vị chủ trì"}, after: wantTasks(4)},
		{name: "unknown field", method: "POST", path: "/api/v1/tasks", role: "office", status: 422,
			body: `{"text": "Việc", "lead": [{unit1}], "priority": 1}`, contains: []string{`Trường \"priority\"`}, after: wantTasks(4)},
		{name: "field of the wrong type", method: "POST", path: "/api/v1/tasks", role: "office", status: 422,
			body: `{"text": 12, "lead": [{unit1}]}`, contains: []string{`Trường \"text\" phải là một chuỗi`}, after: wantTasks(4)},
		{name: "malformed JSON", method: "POST", path: "/api/v1/tasks", role: "office", status: 400,
			body: `{"text": "Việc", `, contains: []string{`"code":"malformed_json"`}, after: wantTasks(4)},
		{name: "two JSON values", method: "POST", path: "/api/v1/tasks", role: "office", status: 400,
			body: `{"text": "Việc", "lead": [{unit1}]} {}`, contains: []string{"dữ liệu thừa"}, after: wantTasks(4)},
		{name: "empty body", method: "POST", path: "/api/v1/tasks", role: "office", status: 400, contentType: "application/json",
			contains: []string{"Thiếu nội dung JSON"}},
		{name: "form body is not JSON", method: "POST", path: "/api/v1/tasks", role: "office", status: 415,
			body: "text=x", contentType: "application/x-www-form-urlencoded", contains: []string{"application/json"}, after: wantTasks(4)},
		{name: "body over 1 MB", method: "POST", path: "/api/v1/tasks", role: "office", status: 413,
			body:     `{"text": "` + strings.Repeat("a", 1<<20) + `", "lead": [{unit1}]}`,
			contains: []string{`"code":"too_large"`}, after: wantTasks(4)},

		// One task: another unit's task does not exist for a unit user.
		{name: "unit1 reads its task", method: "GET", path: "/api/v1/tasks/{task1}", role: "unit1", status: 200,
			contains: []string{task1Text, `"reports":[]`, `"extensions":[]`, `"request_extension":true`, `"edit":false`,
				`"deadline":{"kind":"date","date":"2023-03-15"`}},
		{name: "unit1 cannot read unit2's task", method: "GET", path: "/api/v1/tasks/{task2}", role: "unit1", status: 404,
			contains: []string{`"code":"not_found"`}, absent: []string{task2Text}},
		{name: "unit1 cannot edit unit2's task", method: "PUT", path: "/api/v1/tasks/{task2}", role: "unit1", status: 404,
			body: `{"text": "Sửa", "lead": [{unit1}], "version": 1}`, absent: []string{task2Text},
			after: taskIs("task2", func(d *app.TaskDetail) string {
				if d.Text != task2Text {
					return "task 2 changed: " + d.Text
				}
				return ""
			})},
		{name: "unit1 cannot report on unit2's task", method: "POST", path: "/api/v1/tasks/{task2}/reports", role: "unit1", status: 404,
			body: `{"body": "Xong", "completion": true}`,
			after: taskIs("task2", func(d *app.TaskDetail) string {
				if len(d.Reports) != 0 || !d.DoneOn.IsZero() {
					return "a report was saved on task 2"
				}
				return ""
			})},
		{name: "unit1 cannot ask to extend unit2's task", method: "POST", path: "/api/v1/tasks/{task2}/extensions", role: "unit1", status: 404,
			body: `{"new_due": "2023-04-30", "reason": "Bận"}`},
		{name: "unit1 cannot set unit2's event date", method: "POST", path: "/api/v1/tasks/{task2}/event-date", role: "unit1", status: 404,
			body: `{"date": "2023-03-01", "version": 1}`},
		{name: "unit user cannot edit its own task", method: "PUT", path: "/api/v1/tasks/{task1}", role: "unit1", status: 403,
			body: `{"text": "Sửa", "lead": [{unit1}], "version": 1}`},
		{name: "office edits a task", method: "PUT", path: "/api/v1/tasks/{task1}", role: "office", status: 200,
			body:     `{"text": "Tham mưu kế hoạch hè (sửa)", "lead": [{unit1}], "deadline": {"kind": "month", "date": "2023-05-01"}, "version": 1}`,
			contains: []string{"(sửa)", `"version":2`, `"due_on":"2023-05-31"`, `"description":"trong tháng 5/2023"`}},
		{name: "stale task version", method: "PUT", path: "/api/v1/tasks/{task1}", role: "office", status: 409,
			body: `{"text": "Sửa muộn", "lead": [{unit1}], "version": 3}`, contains: []string{`"code":"conflict"`},
			after: taskIs("task1", func(d *app.TaskDetail) string {
				if d.Text != task1Text || d.Version != 1 {
					return "a stale save changed the task"
				}
				return ""
			})},
		{name: "edit with empty text", method: "PUT", path: "/api/v1/tasks/{task1}", role: "office", status: 422,
			body: `{"text": "", "lead": [{unit1}], "version": 1}`, contains: []string{"không được để trống"},
			after: taskIs("task1", func(d *app.TaskDetail) string {
				if d.Text != task1Text {
					return "an invalid edit was saved"
				}
				return ""
			})},
		{name: "edit with an unknown unit", method: "PUT", path: "/api/v1/tasks/{task1}", role: "office", status: 422,
			body: `{"text": "Việc", "lead": [999999], "version": 1}`, contains: []string{"Đơn vị không có trong danh mục"}},

		// Reports.
		{name: "unit1 reports progress", method: "POST", path: "/api/v1/tasks/{task1}/reports", role: "unit1", status: 201,
			body:     `{"body": "Đã dự thảo kế hoạch", "percent": 50}`,
			contains: []string{`"body":"Đã dự thảo kế hoạch"`, `"percent":50`, `"completion":false`, `"unit":{"id":{unit1}`},
			after: taskIs("task1", func(d *app.TaskDetail) string {
				if d.Percent != 50 || len(d.Reports) != 1 {
					return fmt.Sprintf("after the report: percent %d, %d reports", d.Percent, len(d.Reports))
				}
				return ""
			})},
		{name: "unit1 reports completion", method: "POST", path: "/api/v1/tasks/{task1}/reports", role: "unit1", status: 201,
			body: `{"body": "Đã trình ký", "completion": true}`, contains: []string{`"completion":true`, `"percent":100`},
			after: taskIs("task1", func(d *app.TaskDetail) string {
				if d.Status != domain.StatusDoneOnTime || d.DoneOn != domain.MustDate("2023-03-01") {
					return fmt.Sprintf("after completion: %s, done %s", d.Status, d.DoneOn)
				}
				return ""
			})},
		{name: "unit1 reports with a file", method: "POST", path: "/api/v1/tasks/{task1}/reports", role: "unit1", status: 201,
			body: reportForm, contentType: reportType,
			contains: []string{`"name":"bien-ban.pdf"`, `"content_type":"application/pdf"`, `"url":"/api/v1/attachments/`, `"percent":40`}},
		{name: "file of a refused type", method: "POST", path: "/api/v1/tasks/{task1}/reports", role: "unit1", status: 422,
			body: badForm, contentType: badType, contains: []string{"virus.exe"},
			after: taskIs("task1", func(d *app.TaskDetail) string {
				if len(d.Reports) != 0 {
					return "a refused report was saved"
				}
				return ""
			})},
		{name: "file over the upload limit", method: "POST", path: "/api/v1/tasks/{task1}/reports", role: "unit1", status: 413,
			body: bigForm, contentType: bigType, contains: []string{`"code":"too_large"`, "MB"},
			after: taskIs("task1", func(d *app.TaskDetail) string {
				if len(d.Reports) != 0 {
					return "an oversize report was saved"
				}
				return ""
			})},
		{name: "body over the upload limit", method: "POST", path: "/api/v1/tasks/{task1}/reports", role: "unit1", status: 413,
			body: hugeForm, contentType: hugeType, contains: []string{`"code":"too_large"`}},
		{name: "report percent out of range", method: "POST", path: "/api/v1/tasks/{task1}/reports", role: "unit1", status: 422,
			body: `{"body": "Xong", "percent": 150}`, contains: []string{"Tiến độ phải từ 0 đến 100"}},
		{name: "report without a body", method: "POST", path: "/api/v1/tasks/{task1}/reports", role: "unit1", status: 422,
			body: `{"percent": 10}`, contains: []string{"Nội dung báo cáo không được để trống"}},
		{name: "viewer cannot report", method: "POST", path: "/api/v1/tasks/{task1}/reports", role: "viewer", status: 403,
			body: `{"body": "Xong"}`},
		{name: "leader cannot report", method: "POST", path: "/api/v1/tasks/{task1}/reports", role: "leader", status: 403,
			body: `{"body": "Xong"}`},
		{name: "office reopens a task that is not done", method: "POST", path: "/api/v1/tasks/{task1}/reopen", role: "office", status: 422,
			body: `{"reason": "Chưa đạt"}`, contains: []string{"chưa hoàn thành"}},

		// Event dates.
		{name: "office records the event", method: "POST", path: "/api/v1/tasks/{taskEvent}/event-date", role: "office", status: 200,
			body: `{"date": "2023-03-10", "version": 1}`, contains: []string{`"event_date":"2023-03-10"`, `"due_on":"2023-04-09"`, `"version":2`}},
		{name: "event date on a dated task", method: "POST", path: "/api/v1/tasks/{task1}/event-date", role: "office", status: 422,
			body: `{"date": "2023-03-10", "version": 1}`, contains: []string{"theo sự kiện"}},
		{name: "event date from a stale version", method: "POST", path: "/api/v1/tasks/{taskEvent}/event-date", role: "office", status: 409,
			body: `{"date": "2023-03-10", "version": 4}`},
		{name: "viewer cannot record the event", method: "POST", path: "/api/v1/tasks/{taskEvent}/event-date", role: "viewer", status: 403,
			body: `{"date": "2023-03-10", "version": 1}`},

		{name: "unit1 downloads a file", method: "GET", path: "/api/v1/attachments/{att}", role: "unit1", status: 200,
			contains: []string{"Danh sách giáo viên"}},
		{name: "unit2 cannot download unit1's file", method: "GET", path: "/api/v1/attachments/{att}", role: "unit2", status: 404,
			absent: []string{"Danh sách giáo viên"}},
		{name: "task with its reports", method: "GET", path: "/api/v1/tasks/{task3}", role: "leader", status: 200,
			contains: []string{`"reports":[{"id":`, `"name":"danh-sách.txt"`, `"url":"/api/v1/attachments/{att}"`, `"decide":true`,
				`"extensions":[{"id":{ext}`}},

		// Extensions.
		{name: "unit1 asks for an extension", method: "POST", path: "/api/v1/tasks/{task1}/extensions", role: "unit1", status: 201,
			body:     `{"new_due": "2023-04-01", "reason": "Chờ hướng dẫn của Sở"}`,
			contains: []string{`"state":{"code":"pending","label":"Chờ duyệt"}`, `"old_due":"2023-03-15"`, `"new_due":"2023-04-01"`}},
		{name: "extension to 30 February", method: "POST", path: "/api/v1/tasks/{task1}/extensions", role: "unit1", status: 422,
			body: `{"new_due": "2023-02-30", "reason": "Bận"}`, contains: []string{"không có trên lịch"},
			after: taskIs("task1", func(d *app.TaskDetail) string {
				if len(d.Extensions) != 0 {
					return "an invalid request was saved"
				}
				return ""
			})},
		{name: "second pending request", method: "POST", path: "/api/v1/tasks/{task3}/extensions", role: "unit1", status: 422,
			body: `{"new_due": "2023-05-01", "reason": "Bận"}`, contains: []string{"đang chờ duyệt"}},
		{name: "office cannot ask for an extension", method: "POST", path: "/api/v1/tasks/{task1}/extensions", role: "office", status: 403,
			body: `{"new_due": "2023-04-01", "reason": "Bận"}`},
		{name: "leader approves", method: "POST", path: "/api/v1/extensions/{ext}/decide", role: "leader", status: 200,
			body:     `{"approve": true, "note": "Đồng ý"}`,
			contains: []string{`"code":"approved"`, `"note":"Đồng ý"`, `"decided_by":{"id":{lanhdao}`},
			after: taskIs("task3", func(d *app.TaskDetail) string {
				if d.DueOn != domain.MustDate("2023-04-30") {
					return "the approval did not move the due day: " + d.DueOn.String()
				}
				return ""
			})},
		{name: "office refuses", method: "POST", path: "/api/v1/extensions/{ext}/decide", role: "office", status: 200,
			body: `{"approve": false, "note": "Không có căn cứ"}`, contains: []string{`"code":"refused"`}},
		{name: "a refusal needs a reason", method: "POST", path: "/api/v1/extensions/{ext}/decide", role: "office", status: 422,
			body: `{"approve": false}`, contains: []string{"lý do không đồng ý"},
			after: taskIs("task3", func(d *app.TaskDetail) string {
				if d.Extensions[0].State != domain.ExtensionPending {
					return "a refusal without a reason was recorded"
				}
				return ""
			})},
		{name: "decision without approve", method: "POST", path: "/api/v1/extensions/{ext}/decide", role: "leader", status: 422,
			body: `{"note": "?"}`, contains: []string{"approve"}},
		{name: "unit cannot decide", method: "POST", path: "/api/v1/extensions/{ext}/decide", role: "unit1", status: 403,
			body: `{"approve": true}`,
			after: taskIs("task3", func(d *app.TaskDetail) string {
				if d.Extensions[0].State != domain.ExtensionPending {
					return "a unit decided its own request"
				}
				return ""
			})},
		{name: "viewer cannot decide", method: "POST", path: "/api/v1/extensions/{ext}/decide", role: "viewer", status: 403,
			body: `{"approve": true}`},
		{name: "unknown extension", method: "POST", path: "/api/v1/extensions/999999/decide", role: "leader", status: 404,
			body: `{"approve": true}`},

		// Dashboard and search.
		{name: "leader dashboard", method: "GET", path: "/api/v1/dashboard", role: "leader", status: 200,
			contains: []string{`"total":4`, `{"code":"overdue","label":"Đang thực hiện quá hạn","count":1}`, task2Text,
				`"pending_extensions":[{"id":{ext}`, `"unit":{"id":{unit2},"name":"Phòng Y tế"}`}},
		{name: "unit1 dashboard", method: "GET", path: "/api/v1/dashboard", role: "unit1", status: 200,
			contains: []string{`"total":3`, `"pending_extensions":[]`}, absent: []string{task2Text, `"name":"Phòng Y tế"`}},
		{name: "dashboard with a bad filter", method: "GET", path: "/api/v1/dashboard?due_to=2023-13-01", role: "leader", status: 422},
		{name: "search", method: "GET", path: "/api/v1/search?q=giao+duc", role: "viewer", status: 200,
			contains: []string{`"query":"giao duc"`, `"notices":{"items":[`, `"total":2`}},
		{name: "search as unit2", method: "GET", path: "/api/v1/search?q=ke+hoach", role: "unit2", status: 200,
			contains: []string{`"tasks":{"items":[],"total":0}`}, absent: []string{task1Text}},
		{name: "search without words", method: "GET", path: "/api/v1/search?q=", role: "viewer", status: 422,
			contains: []string{"Từ khóa không được để trống"}},

		// Groups of units, tasks waiting for units, duplicates and corrections.
		{name: "office creates a group", method: "POST", path: "/api/v1/groups", role: "office", status: 201,
			body:     `{"name": "Các phòng thử nghiệm", "member_kinds": ["phòng"], "block_id": {block}}`,
			contains: []string{`"name":"Các phòng thử nghiệm"`, `"member_kinds":["phòng"]`, `"units":[{"id":{unit1}`, `"open":false`}},
		{name: "a group named as a unit", method: "POST", path: "/api/v1/groups", role: "office", status: 409,
			body: `{"name": "Phòng Y tế"}`, contains: []string{`"code":"duplicate"`}},
		{name: "unit cannot create a group", method: "POST", path: "/api/v1/groups", role: "unit1", status: 403,
			body: `{"name": "Các đơn vị"}`},
		{name: "directory lists groups apart", method: "GET", path: "/api/v1/directory", role: "viewer", status: 200,
			contains: []string{`"groups":[]`}},
		{name: "tasks waiting for units", method: "GET", path: "/api/v1/tasks?unresolved=1", role: "office", status: 200,
			contains: []string{`"total":0`}},
		{name: "leader cannot list tasks to resolve", method: "GET", path: "/api/v1/tasks?unresolved=1", role: "leader", status: 403},
		{name: "office picks a task's units", method: "POST", path: "/api/v1/tasks/{task1}/resolve", role: "office", status: 200,
			body: `{"lead": [{unit2}], "support": [{unit1}], "version": 1}`, contains: []string{`"lead":[{"id":{unit2},"name":"Phòng Y tế"}]`, `"lead_groups":[]`, `"version":2`}},
		{name: "unit cannot pick units", method: "POST", path: "/api/v1/tasks/{task1}/resolve", role: "unit1", status: 403,
			body: `{"lead": [{unit1}], "version": 1}`},
		{name: "expanding a group the task does not name", method: "POST", path: "/api/v1/tasks/{task1}/expand-group", role: "office", status: 422,
			body: `{"group_id": 999999, "version": 1}`},
		{name: "a notice entered twice", method: "POST", path: "/api/v1/notices", role: "office", status: 409,
			body:     `{"number": "13", "symbol": "TB-UBND", "issued_on": "2023-02-23", "title": "Kết luận"}`,
			contains: []string{`"code":"duplicate"`, `"notice":{"id":{issued},"code":"13/TB-UBND"}`, "đính chính"}},
		{name: "a notice entered twice, as a correction", method: "POST", path: "/api/v1/notices", role: "office", status: 201,
			body:     `{"number": "13", "symbol": "TB-UBND", "issued_on": "2023-02-23", "title": "Kết luận", "corrects_id": {issued}, "correction": "replace"}`,
			contains: []string{`"supersedes_id":{issued}`, `"correction":{"code":"replace"`, `"revision":2`}},
		{name: "office corrects by an erratum", method: "POST", path: "/api/v1/notices/{notice}/correct", role: "office", status: 201,
			body: `{"kind": "erratum"}`, contains: []string{`"correction":{"code":"erratum","label":"Thông báo đính chính"}`, `"number":""`}},
		{name: "a draft's tasks are in no list", method: "GET", path: "/api/v1/tasks?notice={draft}", role: "office", status: 200,
			contains: []string{`"total":0`}},
		{name: "confirming a task that is no proposal", method: "POST", path: "/api/v1/tasks/{task1}/confirm-change", role: "office", status: 422,
			body: `{"version": 1}`, contains: []string{"đính chính"}},

		// Administration.
		{name: "admin reads the audit log", method: "GET", path: "/api/v1/audit?entity=task&per_page=5", role: "admin", status: 200,
			contains: []string{`"entity":"task"`, `"action":"create"`, `"per_page":5`}, absent: none},
		{name: "office cannot read the audit log", method: "GET", path: "/api/v1/audit", role: "office", status: 403},
		{name: "admin lists users", method: "GET", path: "/api/v1/users", role: "admin", status: 200,
			contains: []string{`"username":"gddt"`, `"unit_id":{unit1}`, `"role_label":"Cán bộ đơn vị"`}, absent: []string{"password", "hash"}},
		{name: "office cannot list users", method: "GET", path: "/api/v1/users", role: "office", status: 403},
		{name: "admin creates a user", method: "POST", path: "/api/v1/users", role: "admin", status: 201,
			body:     `{"username": "tuphap", "full_name": "Cán bộ Tư pháp", "role": "unit", "unit_id": {unit1}, "password": "matkhau456"}`,
			contains: []string{`"username":"tuphap"`, `"role":"unit"`}, absent: []string{"matkhau456"}},
		{name: "audit log by action and day", method: "GET", path: "/api/v1/audit?action=request&from=2023-03-01&to=2023-03-01", role: "admin", status: 200,
			contains: []string{`"total":1`, `"action":"request"`, `"entity":"extension"`}},
		{name: "audit log of a day without entries", method: "GET", path: "/api/v1/audit?from=2023-03-02", role: "admin", status: 200,
			contains: []string{`"total":0`}},
		{name: "user with an unknown role", method: "POST", path: "/api/v1/users", role: "admin", status: 422,
			body: `{"username": "x", "full_name": "X", "role": "boss", "password": "matkhau456"}`, contains: []string{"Vai trò"}},
		{name: "office cannot create users", method: "POST", path: "/api/v1/users", role: "office", status: 403,
			body: `{"username": "x", "full_name": "X", "role": "viewer", "password": "matkhau456"}`},
		{name: "admin disables a user", method: "PUT", path: "/api/v1/users/{xem}", role: "admin", status: 200,
			body: `{"full_name": "Người xem", "role": "viewer", "disabled": true, "version": 1}`, contains: []string{`"disabled":true`, `"version":2`}},
	}
}

// TestAPIScenarios runs every scenario on a fresh fixture, on each database.
func TestAPIScenarios(t *testing.T) {
	for _, sc := range scenarios() {
		t.Run(sc.name, func(t *testing.T) {
			// Every scenario has its own databases and server.
			t.Parallel()
			apptest.Each(t, func(t *testing.T, a *apptest.App) {
				e := serve(a)
				sc.run(t, e, newFixture(t, e))
			})
		})
	}
}
