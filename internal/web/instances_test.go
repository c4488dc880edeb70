package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/auth"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

// TestTwoInstancesOneDatabase runs two app instances on one database, as a
// province would behind a load balancer: a login made on one instance is valid
// on the other, and a task saved through one is seen, and locked, by the other.
func TestTwoInstancesOneDatabase(t *testing.T) {
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			dsn := storetest.DSN(t, d)
			e := newEnv(t, storetest.OpenDSN(t, dsn)) // instance A, with the fixture's users
			stB := storetest.OpenDSN(t, dsn, store.WithClock(e.svc.Now))
			svcB := app.New(stB, app.Options{MaxUpload: 1 << 20, PasswordParams: auth.Params{Memory: 1024, Time: 1, Threads: 1}})
			srvB, err := New(svcB, Options{Logger: testLogger})
			mustT(t, err)
			b := httptest.NewServer(srvB.Handler())
			defer b.Close()

			c := e.login("vanphong") // logged in on A
			u, _ := url.Parse(e.srv.URL)
			cookies := c.http.Jar.Cookies(u)
			ub, _ := url.Parse(b.URL)
			c.http.Jar.SetCookies(ub, cookies)

			// Create a task on B with A's session and CSRF token.
			form := url.Values{"csrf": {c.csrf}, "text": {"Việc tạo qua máy chủ B"}, "lead": {strconv.FormatInt(e.unit1.ID, 10)}, "deadline_kind": {"none"}}
			resp, err := c.http.PostForm(b.URL+"/tasks", form)
			mustT(t, err)
			resp.Body.Close()
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("create on B with A's session: status %d", resp.StatusCode)
			}
			// A lists it.
			_, body, _ := c.get("/tasks")
			if !strings.Contains(body, "Việc tạo qua máy chủ B") {
				t.Fatal("instance A does not list the task created through B")
			}
			// Logging out on B ends the session on A too.
			resp, err = c.http.PostForm(b.URL+"/logout", url.Values{"csrf": {c.csrf}})
			mustT(t, err)
			resp.Body.Close()
			if code, _, _ := c.get("/tasks"); code != http.StatusSeeOther {
				t.Fatalf("after logout on B, A answers %d", code)
			}
		})
	}
}
