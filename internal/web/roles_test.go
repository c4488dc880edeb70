package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
)

// TestPageRoleMatrix proves, route by route, what each role may do through the
// pages. gddt belongs to the unit that leads the task; yte to another unit,
// which must not learn that the task exists (404, never 403).
func TestPageRoleMatrix(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		task, err := e.Service.CreateTask(ctx, e.Office, app.TaskInput{Text: "Rà soát trường chuẩn quốc gia", Lead: []int64{e.Unit1.ID},
			Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-03-15")}})
		apptest.Must(t, err)
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

// roleCase is one line of a role matrix: the request is built when it runs,
// so that each role meets a fresh record at its current version.
type roleCase struct {
	method string
	path   func() string
	form   func() url.Values
	// managers is the status for admin and office; the others get 403 unless
	// everyone is the status for all roles, or others theirs (404 for what
	// they may not know exists).
	managers, everyone, others int
}

func runMatrix(t *testing.T, e *env, cases []roleCase, roles map[string]bool) {
	t.Helper()
	clients := map[string]*client{}
	for _, name := range []string{"admin", "vanphong", "lanhdao", "xem", "gddt"} {
		clients[name] = e.login(name)
	}
	for _, tc := range cases {
		for _, name := range []string{"admin", "vanphong", "lanhdao", "xem", "gddt"} {
			path := tc.path()
			want := http.StatusForbidden
			switch {
			case tc.everyone != 0:
				want = tc.everyone
			case roles[name]:
				want = tc.managers
			case tc.others != 0:
				want = tc.others
			}
			var code int
			var body string
			if tc.method == http.MethodGet {
				code, body, _ = clients[name].get(path)
			} else {
				var form url.Values
				if tc.form != nil {
					form = tc.form()
				}
				code, body, _ = clients[name].post(path, form)
			}
			if code != want {
				t.Errorf("%s %s as %s: %d, want %d", tc.method, path, name, code, want)
			} else if code == http.StatusForbidden && !strings.Contains(body, "không có quyền") {
				t.Errorf("%s %s as %s: 403 without the Vietnamese reason", tc.method, path, name)
			}
		}
	}
}

func TestMeetingAndNoticeRoleMatrix(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		office := e.Office
		m := &domain.Meeting{Title: "Giao ban tháng 3", Period: domain.PeriodMonth, PeriodNo: 3, Date: domain.MustDate("2023-03-01")}
		apptest.Must(t, e.Service.CreateMeeting(ctx, office, m))
		draft := &domain.Notice{Title: "Dự thảo kết luận", Symbol: "TB-UBND", MeetingID: m.ID}
		apptest.Must(t, e.Service.CreateNotice(ctx, office, draft))
		fixed := func(p string) func() string { return func() string { return p } }
		number := 0 // each notice made here has a number of its own
		complete := func() *domain.Notice {
			number++
			n := &domain.Notice{Title: "Kết luận đầy đủ", Number: fmt.Sprint(100 + number), Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-03-02"), SignerName: "Nguyễn Văn A"}
			apptest.Must(t, e.Service.CreateNotice(ctx, office, n))
			return n
		}
		newNotice := func() url.Values {
			number++
			v := noticeValues(m.ID)
			v.Set("number", fmt.Sprint(100+number))
			return v
		}
		issued := complete()
		_, err := e.Service.IssueNotice(ctx, office, issued.ID, issued.Version)
		apptest.Must(t, err)
		meetingForm := func() url.Values {
			cur, err := e.Service.Meeting(ctx, office, m.ID)
			apptest.Must(t, err)
			v := e.meetingValues()
			v.Set("version", strconv.Itoa(cur.Version))
			return v
		}
		draftForm := func() url.Values {
			cur, err := e.Service.Notice(ctx, office, draft.ID)
			apptest.Must(t, err)
			v := noticeValues(m.ID)
			v.Set("number", "99")
			v.Set("version", strconv.Itoa(cur.Version))
			return v
		}
		var issuing, correcting *domain.Notice
		manage := map[string]bool{"admin": true, "vanphong": true}
		runMatrix(t, e, []roleCase{
			{method: "GET", path: fixed("/meetings"), everyone: 200},
			{method: "GET", path: fixed("/meetings/new"), managers: 200},
			{method: "GET", path: fixed(fmt.Sprintf("/meetings/%d", m.ID)), everyone: 200},
			{method: "GET", path: fixed(fmt.Sprintf("/meetings/%d/edit", m.ID)), managers: 200},
			{method: "POST", path: fixed("/meetings"), form: e.meetingValues, managers: 303},
			{method: "POST", path: fixed(fmt.Sprintf("/meetings/%d", m.ID)), form: meetingForm, managers: 303},
			{method: "GET", path: fixed("/notices"), everyone: 200},
			{method: "GET", path: fixed(fmt.Sprintf("/notices/new?meeting=%d", m.ID)), managers: 200},
			{method: "GET", path: fixed(fmt.Sprintf("/notices/%d", issued.ID)), everyone: 200},
			// A draft is the Office's: others are not told it exists.
			{method: "GET", path: fixed(fmt.Sprintf("/notices/%d", draft.ID)), managers: 200, others: 404},
			{method: "GET", path: fixed(fmt.Sprintf("/notices/%d/edit", draft.ID)), managers: 200},
			{method: "POST", path: fixed("/notices"), form: newNotice, managers: 303},
			{method: "POST", path: fixed(fmt.Sprintf("/notices/%d", draft.ID)), form: draftForm, managers: 303},
			{method: "POST", path: func() string { issuing = complete(); return fmt.Sprintf("/notices/%d/issue", issuing.ID) },
				form: func() url.Values { return url.Values{"version": {strconv.Itoa(issuing.Version)}} }, managers: 303},
			{method: "POST", path: func() string {
				correcting = complete()
				_, err := e.Service.IssueNotice(ctx, office, correcting.ID, correcting.Version)
				apptest.Must(t, err)
				return fmt.Sprintf("/notices/%d/correct", correcting.ID)
			}, form: func() url.Values { return url.Values{"kind": {"erratum"}} }, managers: 303},
		}, manage)

		// What readers see: no buttons they cannot use.
		for _, name := range []string{"lanhdao", "xem", "gddt"} {
			c := e.login(name)
			_, body, _ := c.get(fmt.Sprintf("/notices/%d", issued.ID))
			if strings.Contains(body, "Sửa dự thảo") || strings.Contains(body, "Thêm nhiệm vụ") || strings.Contains(body, "Soạn văn bản đính chính") {
				t.Errorf("%s sees editing buttons on a notice", name)
			}
			_, body, _ = c.get("/meetings")
			if strings.Contains(body, "Thêm hội nghị") {
				t.Errorf("%s sees the add meeting button", name)
			}
		}
		_, body, _ := e.login("gddt").get("/units")
		if strings.Contains(body, `href="/meetings"`) {
			t.Error("unit users have a meetings menu")
		}
	})
}

// TestGroupsAndCorrectionsRoleMatrix covers the routes of groups of units,
// of the tasks that wait for units and of a correction's proposed changes:
// the Office and admin only; a proposed change, which counts nowhere, is
// unknown to others (404).
func TestGroupsAndCorrectionsRoleMatrix(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		office := e.Office
		g := &domain.Group{Name: "Các phòng thử", Members: []int64{e.Unit1.ID, e.Unit2.ID}}
		apptest.Must(t, e.Service.CreateGroup(ctx, office, g))
		fixed := func(p string) func() string { return func() string { return p } }
		n := 0
		// waiting is a fresh task led by unit 1 (gddt sees it) whose support is the group.
		var waiting *domain.Task
		newWaiting := func() int64 {
			var err error
			waiting, err = e.Service.CreateTask(ctx, office, app.TaskInput{Text: fmt.Sprintf("Phối hợp với nhóm %d", n), Lead: []int64{e.Unit1.ID},
				SupportGroups: []int64{g.ID}})
			apptest.Must(t, err)
			return waiting.ID
		}
		// proposal is a fresh proposed change of an issued correction.
		var proposal *app.TaskChange
		newProposal := func() int64 {
			n++
			issued := &domain.Notice{Title: fmt.Sprintf("Kết luận %d", n), Number: fmt.Sprint(200 + n), Symbol: "TB-UBND",
				IssuedOn: domain.MustDate("2023-02-20"), SignerName: "Nguyễn Văn A"}
			apptest.Must(t, e.Service.CreateNotice(ctx, office, issued))
			_, err := e.Service.CreateTask(ctx, office, app.TaskInput{NoticeID: issued.ID, Text: "Báo cáo kết quả", Lead: []int64{e.Unit1.ID},
				Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-12-25")}})
			apptest.Must(t, err)
			_, err = e.Service.IssueNotice(ctx, office, issued.ID, issued.Version)
			apptest.Must(t, err)
			fix, err := e.Service.CorrectNotice(ctx, office, issued.ID, domain.CorrectionErratum)
			apptest.Must(t, err)
			changes, err := e.Service.NoticeChanges(ctx, office, fix.ID)
			apptest.Must(t, err)
			p := changes[0].Proposal
			_, err = e.Service.UpdateTask(ctx, office, p.ID, app.TaskInput{NoticeID: fix.ID, Text: p.Text, Lead: p.Lead, Version: p.Version,
				Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-12-31")}})
			apptest.Must(t, err)
			fix, err = e.Service.Notice(ctx, office, fix.ID)
			apptest.Must(t, err)
			fix.Number, fix.IssuedOn = fmt.Sprint(300+n), domain.MustDate("2023-02-25")
			apptest.Must(t, e.Service.UpdateNotice(ctx, office, fix))
			_, err = e.Service.IssueNotice(ctx, office, fix.ID, fix.Version)
			apptest.Must(t, err)
			proposal, err = e.Service.TaskChangeOf(ctx, office, p.ID)
			apptest.Must(t, err)
			return p.ID
		}
		groupForm := func() url.Values {
			n++
			return url.Values{"name": {fmt.Sprintf("Các đơn vị thử %d", n)}, "kinds": {"phòng"}}
		}
		editForm := func() url.Values {
			dir, err := e.Service.Directory(ctx, office)
			apptest.Must(t, err)
			return url.Values{"name": {g.Name}, "members": {fmt.Sprint(e.Unit1.ID)}, "version": {strconv.Itoa(dir.Group(g.ID).Version)}}
		}
		runMatrix(t, e, []roleCase{
			{method: "GET", path: fixed("/groups/new"), managers: 200},
			{method: "POST", path: fixed("/groups"), form: groupForm, managers: 303},
			{method: "GET", path: fixed(fmt.Sprintf("/groups/%d/edit", g.ID)), managers: 200},
			{method: "POST", path: fixed(fmt.Sprintf("/groups/%d", g.ID)), form: editForm, managers: 303},
			{method: "GET", path: fixed("/tasks/unresolved"), managers: 200},
			{method: "POST", path: func() string { return fmt.Sprintf("/tasks/%d/expand-group", newWaiting()) },
				form: func() url.Values { return url.Values{"group": {fmt.Sprint(g.ID)}, "version": {"1"}} }, managers: 303},
			{method: "GET", path: func() string { return fmt.Sprintf("/tasks/%d/resolve", newWaiting()) }, managers: 200},
			{method: "POST", path: func() string { return fmt.Sprintf("/tasks/%d/resolve", newWaiting()) },
				form: func() url.Values { return url.Values{"lead": {fmt.Sprint(e.Unit2.ID)}, "version": {"1"}} }, managers: 303},
			{method: "GET", path: func() string { return fmt.Sprintf("/tasks/%d", newProposal()) }, managers: 200, others: 404},
			{method: "POST", path: func() string { return fmt.Sprintf("/tasks/%d/confirm-change", newProposal()) },
				form: func() url.Values { return url.Values{"version": {strconv.Itoa(proposal.Proposal.Version)}} }, managers: 303, others: 404},
			{method: "POST", path: func() string { return fmt.Sprintf("/tasks/%d/discard-change", newProposal()) },
				form: func() url.Values { return url.Values{"version": {strconv.Itoa(proposal.Proposal.Version)}} }, managers: 303, others: 404},
		}, map[string]bool{"admin": true, "vanphong": true})
	})
}

// TestImportRoleMatrix: the import review's routes are the Office's and
// the admin's; every other role is refused, told why. Each request meets a
// draft of its own (a notice numbered apart, so no confirmation is a
// duplicate of another).
func TestImportRoleMatrix(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		office := e.login("vanphong")
		number := 100
		var id int64
		var page string
		draft := func(suffix string) func() string {
			return func() string {
				number++
				id = pasteNotice(t, office, fmt.Sprintf(reviewSample, number))
				_, page, _ = office.get(fmt.Sprintf("/import/%d", id))
				return fmt.Sprintf("/import/%d%s", id, suffix)
			}
		}
		// The review form as the page fills it, without the Office's CSRF
		// token (each client sends its own).
		reviewForm := func(set ...string) func() url.Values {
			return func() url.Values {
				v := scrapeForm(t, page, fmt.Sprintf("/import/%d", id))
				v.Del("csrf")
				for i := 0; i+1 < len(set); i += 2 {
					v.Set(set[i], strings.ReplaceAll(set[i+1], "%d", strconv.Itoa(number)))
				}
				return v
			}
		}
		stepForm := func() url.Values {
			code, body, _ := office.post(fmt.Sprintf("/import/%d/confirm", id), scrapeForm(t, page, fmt.Sprintf("/import/%d", id)))
			if code != http.StatusOK {
				t.Fatalf("confirmation step: %d", code)
			}
			v := scrapeForm(t, body, fmt.Sprintf("/import/%d/confirm", id))
			v.Del("csrf")
			v.Set("final", "1")
			return v
		}
		manage := map[string]bool{"admin": true, "vanphong": true}
		runMatrix(t, e, []roleCase{
			{method: "GET", path: draft(""), managers: 200},
			{method: "POST", path: draft(""), form: reviewForm(), managers: 303},
			{method: "POST", path: draft("/tasks"), form: reviewForm("new_text", "Giao Phòng Y tế tổng hợp ý kiến lần %d."), managers: 303},
			{method: "POST", path: draft("/units"), form: reviewForm("add", "group", "uname", "Các đơn vị liên quan lần %d"), managers: 303},
			{method: "POST", path: draft("/confirm"), form: reviewForm(), managers: 200},
			{method: "POST", path: draft("/confirm"), form: stepForm, managers: 303},
		}, manage)
	})
}
