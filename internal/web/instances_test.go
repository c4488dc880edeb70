package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
)

// TestTwoInstancesOneDatabase runs two app instances on one database, as a
// province would behind a load balancer: a login made on one instance is valid
// on the other, and a task saved through one is seen, and locked, by the other.
func TestTwoInstancesOneDatabase(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		b := serve(e.Instance(app.Options{})).srv // instance B, on A's database

		c := e.login("vanphong") // logged in on A
		u, _ := url.Parse(e.srv.URL)
		cookies := c.http.Jar.Cookies(u)
		ub, _ := url.Parse(b.URL)
		c.http.Jar.SetCookies(ub, cookies)

		// Create a task on B with A's session and CSRF token.
		form := url.Values{"csrf": {c.csrf}, "text": {"Việc tạo qua máy chủ B"}, "lead": {strconv.FormatInt(e.Unit1.ID, 10)}, "deadline_kind": {"none"}}
		resp, err := c.http.PostForm(b.URL+"/tasks", form)
		apptest.Must(t, err)
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
		apptest.Must(t, err)
		resp.Body.Close()
		if code, _, _ := c.get("/tasks"); code != http.StatusSeeOther {
			t.Fatalf("after logout on B, A answers %d", code)
		}
	})
}
