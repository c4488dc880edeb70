package api

import (
	"testing"

	"giaoban/internal/apptest"
)

// TestAPIInputRefused: a NUL or another control character in any JSON
// string, or bytes that are not UTF-8, are refused with a Vietnamese 422 on
// both databases (PostgreSQL cannot store a NUL; SQLite would), before
// anything is saved; tab and newline in long text are kept.
func TestAPIInputRefused(t *testing.T) {
	scs := []scenario{
		{name: "NUL in a task's text", method: "POST", path: "/api/v1/tasks", role: "office", status: 422,
			body:     `{"text": "Việc\u0000ẩn", "lead": [{unit1}], "deadline": {"kind": "none"}}`,
			contains: []string{`"code":"invalid"`, "ký tự điều khiển"}, after: wantTasks(4)},
		{name: "escape character in a nested field", method: "POST", path: "/api/v1/tasks", role: "office", status: 422,
			body:     `{"text": "Việc", "lead": [{unit1}], "deadline": {"kind": "event", "event": "Sự kiện\u001b[31m", "event_days": 3}}`,
			contains: []string{"ký tự điều khiển"}, after: wantTasks(4)},
		{name: "NUL in a key", method: "POST", path: "/api/v1/blocks", role: "admin", status: 422,
			body: `{"name\u0000": "Khối"}`, contains: []string{"ký tự điều khiển"}},
		{name: "NUL in a block's name", method: "POST", path: "/api/v1/blocks", role: "admin", status: 422,
			body: `{"name": "Khối\u0000"}`, contains: []string{"ký tự điều khiển"}},
		{name: "NUL in a group's alias", method: "POST", path: "/api/v1/groups", role: "office", status: 422,
			body: `{"name": "Các đơn vị liên quan", "aliases": ["Các đơn vị\u0000"], "open": true}`, contains: []string{"ký tự điều khiển"}},
		{name: "bytes that are not UTF-8", method: "POST", path: "/api/v1/tasks", role: "office", status: 422,
			body:     "{\"text\": \"Vi\xe1\xbb\", \"lead\": [{unit1}], \"deadline\": {\"kind\": \"none\"}}",
			contains: []string{"UTF-8"}, after: wantTasks(4)},
		{name: "NUL in a report (multipart)", method: "POST", path: "/api/v1/tasks/{task1}/reports", role: "unit1", status: 422,
			body: "--b\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nĐã\x00 làm\r\n--b--\r\n", contentType: "multipart/form-data; boundary=b",
			contains: []string{"ký tự điều khiển"}},
		{name: "truncated multipart body", method: "POST", path: "/api/v1/tasks/{task1}/reports", role: "unit1", status: 400,
			body: "--b\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nĐã làm", contentType: "multipart/form-data; boundary=b",
			contains: []string{`"code":"malformed_form"`, "không đọc được"}},
		{name: "NUL in a search", method: "GET", path: "/api/v1/search?q=a%00b", role: "office", status: 422,
			contains: []string{"ký tự điều khiển"}},
		{name: "NUL in a list filter", method: "GET", path: "/api/v1/tasks?q=%00", role: "office", status: 422,
			contains: []string{"ký tự điều khiển"}},
		{name: "a deadline in 2203", method: "POST", path: "/api/v1/tasks", role: "office", status: 422,
			body:     `{"text": "Việc", "lead": [{unit1}], "deadline": {"kind": "date", "date": "2203-03-15"}}`,
			contains: []string{"1990", "2100"}, after: wantTasks(4)},
		{name: "tab and newline are kept", method: "POST", path: "/api/v1/tasks/{task1}/reports", role: "unit1", status: 201,
			body: `{"body": "Dòng 1\n\tDòng 2", "percent": 10}`, contains: []string{`Dòng 1\n\tDòng 2`}},
	}
	for _, sc := range scs {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			apptest.Each(t, func(t *testing.T, a *apptest.App) {
				e := serve(a)
				sc.run(t, e, newFixture(t, e))
			})
		})
	}
}
