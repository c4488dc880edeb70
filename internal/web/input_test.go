package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"giaoban/internal/domain"
)

// TestPagesRefuseControlCharacters: a NUL byte or another control character
// in any form field or query parameter is a Vietnamese 422 on both
// databases, signed in or not, before anything is saved; PostgreSQL used to
// answer 500 and SQLite to store it.
func TestPagesRefuseControlCharacters(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		task := e.task("Rà soát hồ sơ", []int64{e.Unit1.ID}, domain.Deadline{Kind: domain.DeadlineNone})
		office, unit := e.login("vanphong"), e.login("gddt")
		admin := e.login("admin")
		tests := []struct {
			name string
			do   func() (int, string, string)
		}{
			{"login user name", func() (int, string, string) {
				return e.anon().postForm("/login", url.Values{"username": {"van\x00phong"}, "password": {"x"}})
			}},
			{"task text", func() (int, string, string) {
				return office.post("/tasks", url.Values{"text": {"Việc\x00"}, "lead": {fmt.Sprint(e.Unit1.ID)}, "deadline_kind": {"none"}})
			}},
			{"report body", func() (int, string, string) {
				return unit.postFiles(fmt.Sprintf("/tasks/%d/reports", task.ID), url.Values{"body": {"Đã làm\x00"}, "percent": {"10"}})
			}},
			{"attachment name", func() (int, string, string) {
				return unit.postFiles(fmt.Sprintf("/tasks/%d/reports", task.ID), url.Values{"body": {"Đã làm"}}, upload{name: "bien\u0085ban.pdf", data: []byte("%PDF-1.4")})
			}},
			{"block name", func() (int, string, string) { return admin.post("/blocks", url.Values{"name": {"Khối\x1b"}}) }},
			{"group name", func() (int, string, string) {
				return office.post("/groups", url.Values{"name": {"Các đơn vị\x00 liên quan"}, "open": {"1"}})
			}},
			{"resolving a task's units", func() (int, string, string) {
				return office.post(fmt.Sprintf("/tasks/%d/resolve", task.ID), url.Values{"lead": {fmt.Sprint(e.Unit1.ID) + "\x00"}, "version": {"1"}})
			}},
			{"search", func() (int, string, string) { return office.get("/search?q=a%00b") }},
			{"list q", func() (int, string, string) { return office.get("/tasks?q=%00") }},
			{"DEL", func() (int, string, string) { return office.get("/tasks?q=a%7F") }},
			{"C1 control", func() (int, string, string) { return office.get("/tasks?q=a%C2%85") }},
			{"not UTF-8", func() (int, string, string) { return office.get("/tasks?q=%E1%BB") }},
		}
		for _, tt := range tests {
			code, body, _ := tt.do()
			if code != http.StatusUnprocessableEntity || !(strings.Contains(body, "ký tự điều khiển") || strings.Contains(body, "UTF-8")) {
				t.Errorf("%s: status %d, want 422 with a Vietnamese message", tt.name, code)
			}
		}
		if n := e.taskCount(); n != 1 {
			t.Errorf("%d tasks stored, want 1", n)
		}
		if dir, err := e.Service.Directory(t.Context(), e.Office); err != nil || len(dir.Groups) != 0 {
			t.Errorf("groups stored: %v (%v)", dir.Groups, err)
		}
		d, err := e.Service.Task(t.Context(), e.Office, task.ID)
		e.Must(err)
		if len(d.Reports) != 0 {
			t.Errorf("%d reports stored, want none", len(d.Reports))
		}
		// Tab and newline belong in long text.
		if code, _, _ := unit.postFiles(fmt.Sprintf("/tasks/%d/reports", task.ID), url.Values{"body": {"Dòng 1\r\n\tDòng 2"}, "percent": {"10"}}); code != http.StatusSeeOther {
			t.Errorf("report with tab and newline: %d, want 303", code)
		}
	})
}

// TestBodyErrorsBeforeCSRF: a body that is too large is 413 and one cut
// short 400, not the "form expired" 403 of the CSRF check nor a 500.
func TestBodyErrorsBeforeCSRF(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		task := e.task("Rà soát hồ sơ", []int64{e.Unit1.ID}, domain.Deadline{Kind: domain.DeadlineNone})
		c := e.login("gddt")
		big := url.Values{"csrf": {c.csrf}, "body": {strings.Repeat("x", 3<<20)}}
		code, body, _ := c.postForm(fmt.Sprintf("/tasks/%d/reports", task.ID), big)
		if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "vượt quá giới hạn") {
			t.Errorf("oversized urlencoded form: %d, want 413 with a Vietnamese message", code)
		}
		cut := "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + c.csrf + "\r\n--b\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nĐã làm"
		code, body, _ = answer(c.send(http.MethodPost, fmt.Sprintf("/tasks/%d/reports", task.ID), "multipart/form-data; boundary=b", strings.NewReader(cut)))
		if code != http.StatusBadRequest || !strings.Contains(body, "không đọc được") {
			t.Errorf("truncated multipart body: %d, want 400 with a Vietnamese message", code)
		}
		code, _, _ = answer(c.send(http.MethodPost, "/login", "application/x-www-form-urlencoded", strings.NewReader("username="+strings.Repeat("a", 100<<10))))
		if code != http.StatusRequestEntityTooLarge {
			t.Errorf("oversized login form: %d, want 413", code)
		}
	})
}
