package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

// TestPageRoleMatrix proves, route by route, what each role may do through the
// pages. gddt belongs to the unit that leads the task; yte to another unit,
// which must not learn that the task exists (404, never 403).
func TestPageRoleMatrix(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		ctx := context.Background()
		task, err := e.svc.CreateTask(ctx, e.users["vanphong"], app.TaskInput{Text: "Rà soát trường chuẩn quốc gia", Lead: []int64{e.unit1.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-03-15")}})
		mustT(t, err)
		id := fmt.Sprint(task.ID)
		roles := []string{"admin", "vanphong", "lanhdao", "xem", "gddt", "yte"}
		tests := []struct {
			method, path string
			form         url.Values
			want         []int // in the order of roles
		}{
			{"GET", "/", nil, []int{200, 200, 200, 200, 200, 200}},
			{"GET", "/tasks", nil, []int{200, 200, 200, 200, 200, 200}},
			{"GET", "/tasks/" + id, nil, []int{200, 200, 200, 200, 200, 404}},
			{"GET", "/tasks/new", nil, []int{200, 200, 403, 403, 403, 403}},
			{"GET", "/tasks/" + id + "/edit", nil, []int{200, 200, 403, 403, 403, 404}},
			{"POST", "/tasks/" + id + "/reports", url.Values{"body": {"Đang thực hiện"}, "percent": {"10"}}, []int{303, 303, 403, 403, 303, 404}},
			{"GET", "/tasks/export.xlsx", nil, []int{200, 200, 200, 200, 200, 200}},
			{"GET", "/meetings/new", nil, []int{200, 200, 403, 403, 403, 403}},
			{"GET", "/notices/new", nil, []int{200, 200, 403, 403, 403, 403}},
			{"GET", "/import", nil, []int{200, 200, 403, 403, 403, 403}},
			{"GET", "/units", nil, []int{200, 200, 200, 200, 200, 200}},
			{"POST", "/units", url.Values{"name": {"Phòng Mới"}}, []int{303, 303, 403, 403, 403, 403}},
			{"GET", "/admin/users", nil, []int{200, 403, 403, 403, 403, 403}},
			{"GET", "/admin/audit", nil, []int{200, 403, 403, 403, 403, 403}},
		}
		clients := map[string]*client{}
		for _, r := range roles {
			clients[r] = e.login(r)
		}
		for _, tt := range tests {
			for i, role := range roles {
				t.Run(tt.method+" "+tt.path+" as "+role, func(t *testing.T) {
					c := clients[role]
					var code int
					if tt.method == "GET" {
						code, _, _ = c.get(tt.path)
					} else {
						form := url.Values{}
						for k, v := range tt.form {
							form[k] = v
						}
						// Names must be unique per attempt when a POST creates something.
						if n := form.Get("name"); n != "" {
							form.Set("name", n+" "+role)
						}
						code, _, _ = c.post(tt.path, form)
					}
					if code != tt.want[i] {
						t.Errorf("%s %s as %s: status %d, want %d", tt.method, tt.path, role, code, tt.want[i])
					}
				})
			}
		}
		// Anonymous visitors are sent to the login page, never shown data.
		for _, tt := range tests {
			if tt.method != "GET" {
				continue
			}
			code, _, loc := e.anon().get(tt.path)
			if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/login") {
				t.Errorf("anonymous GET %s: %d → %q", tt.path, code, loc)
			}
		}
	})
}
