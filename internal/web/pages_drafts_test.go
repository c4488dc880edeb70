package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
)

// TestDraftTasksOnNoPage requests every page, file and feed that lists or
// counts tasks, as each role, while a notice is a draft: its task appears
// on none of them, only on the draft's own page for the Office and admin;
// once issued, the lists show it.
func TestDraftTasksOnNoPage(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		const text = "Khảo sát nhu cầu sửa chữa trường lớp chưa ban hành"
		n := &domain.Notice{Title: "Kết luận dự thảo", Number: "31", Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-02-20"), SignerName: "Ngô Đức Sáu"}
		apptest.Must(t, e.Service.CreateNotice(ctx, e.Office, n))
		task, err := e.Service.CreateTask(ctx, e.Office, app.TaskInput{NoticeID: n.ID, Text: text, Lead: []int64{e.Unit1.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-02-25")}})
		apptest.Must(t, err)
		pages := []string{"/", "/tasks", fmt.Sprintf("/tasks?unit=%d&lead=1", e.Unit1.ID), "/tasks?status=overdue",
			"/search?q=" + url.QueryEscape("chua ban hanh"), "/tasks/unresolved"}
		files := []string{"/tasks/export.xlsx", "/dashboard/export.xlsx", "/reports/stocktake.xlsx"}
		check := func(stage string, want bool) {
			t.Helper()
			for _, name := range []string{"admin", "vanphong", "lanhdao", "xem", "gddt"} {
				c := e.login(name)
				u := e.User(name)
				var bodies []string
				for _, p := range pages {
					if code, body, _ := c.get(p); code == http.StatusOK {
						bodies = append(bodies, body)
					}
				}
				for _, p := range files {
					resp, data := c.getResp(p)
					f := xlsxFrom(t, resp, data)
					for _, sheet := range f.GetSheetList() {
						for _, row := range sheetRows(t, f, sheet) {
							bodies = append(bodies, strings.Join(row, " "))
						}
					}
				}
				api := bearerGet(t, e, "/api/v1/tasks?per_page=200", e.APIToken(u))
				secret, err := e.Service.CreateCalendarLink(ctx, u, "lịch "+stage, 0)
				apptest.Must(t, err)
				_, ics, _ := e.anon().get("/cal/" + secret + ".ics")
				bodies = append(bodies, api, ics)
				found := strings.Contains(strings.Join(bodies, "\n"), "Khảo sát nhu cầu sửa chữa trường lớp") ||
					strings.Contains(strings.Join(bodies, "\n"), fmt.Sprintf(`href="/tasks/%d"`, task.ID))
				if found != want {
					t.Errorf("%s: as %s, the draft's task shown %v, want %v", stage, name, found, want)
				}
				code, body, _ := c.get(fmt.Sprintf("/notices/%d", n.ID))
				onDraft := code == http.StatusOK && strings.Contains(body, text)
				if wantDraft := want || u.CanManage(); onDraft != wantDraft {
					t.Errorf("%s: as %s, the notice page shows the task %v (status %d), want %v", stage, name, onDraft, code, wantDraft)
				}
			}
		}
		check("draft", false)
		_, err = e.Service.IssueNotice(ctx, e.Office, n.ID, n.Version)
		apptest.Must(t, err)
		check("issued", true)
	})
}

// bearerGet fetches an API path with a bearer token and returns the body.
func bearerGet(t *testing.T, e *env, path, token string) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.srv.URL+path, nil)
	apptest.Must(t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	apptest.Must(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	apptest.Must(t, err)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
	}
	return string(b)
}
