package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// TestBrowserPhoneWidth: on a 390 px phone the dashboard and the task list
// fit the screen — the page itself never scrolls sideways (its scrollWidth is
// 390) — with long task texts, a long meeting title in the filter, and a
// pending extension on the dashboard.
func TestBrowserPhoneWidth(t *testing.T) {
	ctx := newBrowser(t)
	a := apptest.New(t, store.SQLite)
	bg := context.Background()
	m := &domain.Meeting{Title: "Hội nghị giao ban khối Văn hóa - Xã hội quý I năm 2023 mở rộng với các xã, thị trấn và các cơ quan có liên quan",
		Period: domain.PeriodQuarter, PeriodNo: 1, Date: domain.MustDate("2023-02-22"), BlockID: a.Block.ID}
	a.Must(a.Service.CreateMeeting(bg, a.Office, m))
	long := strings.Repeat("Tham mưu Ủy ban nhân dân huyện xây dựng kế hoạch triển khai chương trình chuyển đổi số ", 3)
	for _, due := range []string{"2023-02-10", "2023-03-05", "2023-04-30"} {
		a.Task(app.TaskInput{Text: long, Support: []int64{a.Unit2.ID}, Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate(due)}})
	}
	tasks, _, err := a.Service.Tasks(bg, a.Office, store.TaskFilter{})
	a.Must(err)
	_, err = a.Service.RequestExtension(bg, a.Unit1User, tasks[len(tasks)-1].ID, domain.MustDate("2023-05-30"), strings.Repeat("Chờ số liệu của các xã ", 5))
	a.Must(err)
	e := serve(a)
	for _, tc := range []struct{ user, path string }{{"lanhdao", "/"}, {"lanhdao", "/tasks"}, {"gddt", "/"}, {"gddt", "/tasks"}, {"vanphong", "/tasks/new"}} {
		phoneFits(t, ctx, e, tc.user, tc.path)
	}
}

// TestBrowserPhoneWidthGroupsAndCorrections: the pages of groups of units
// and of corrections fit a 390 px phone too — the tasks waiting for units,
// the directory with its groups, a task led by a group, choosing its units,
// a correction's proposed change and the audit log that records them.
func TestBrowserPhoneWidthGroupsAndCorrections(t *testing.T) {
	ctx := newBrowser(t)
	a := apptest.New(t, store.SQLite)
	bg := context.Background()
	g := &domain.Group{Name: "Các cơ quan, đơn vị thuộc khối Văn hóa - Xã hội và các đơn vị có liên quan trên địa bàn", BlockID: a.Block.ID,
		Aliases: []string{"Các cơ quan, đơn vị khối VH-XH"}}
	a.Must(a.Service.CreateGroup(bg, a.Office, g))
	long := strings.Repeat("Tham mưu Ủy ban nhân dân huyện xây dựng kế hoạch triển khai chương trình chuyển đổi số ", 3)
	grouped, err := a.Service.CreateTask(bg, a.Office, app.TaskInput{Text: long, LeadGroups: []int64{g.ID},
		Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-04-30")}})
	a.Must(err)

	n := &domain.Notice{Title: "Kết luận của Phó Chủ tịch UBND huyện tại Hội nghị giao ban khối Văn hóa - Xã hội quý I năm 2023",
		Number: "12", Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-02-23"), SignerName: "Ngô Đức Sáu",
		Sections: []domain.Section{{Kind: domain.SectionTasks, Heading: "Nhiệm vụ", Body: long}}}
	a.Must(a.Service.CreateNotice(bg, a.Office, n))
	a.Task(app.TaskInput{NoticeID: n.ID, SectionID: n.Sections[0].ID, Text: long, Support: []int64{a.Unit2.ID},
		Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-12-25")}})
	_, err = a.Service.IssueNotice(bg, a.Office, n.ID, n.Version)
	a.Must(err)
	fix, err := a.Service.CorrectNotice(bg, a.Office, n.ID, domain.CorrectionErratum)
	a.Must(err)
	changes, err := a.Service.NoticeChanges(bg, a.Office, fix.ID)
	a.Must(err)
	p := changes[0].Proposal
	_, err = a.Service.UpdateTask(bg, a.Office, p.ID, app.TaskInput{NoticeID: fix.ID, Text: long + "và báo cáo kết quả", Lead: p.Lead,
		Support: p.Support, Version: p.Version, Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-12-31")}})
	a.Must(err)
	fix, err = a.Service.Notice(bg, a.Office, fix.ID)
	a.Must(err)
	fix.Number = "15"
	fix.IssuedOn = domain.MustDate("2023-03-01")
	a.Must(a.Service.UpdateNotice(bg, a.Office, fix))
	_, err = a.Service.IssueNotice(bg, a.Office, fix.ID, fix.Version)
	a.Must(err)

	e := serve(a)
	for _, tc := range []struct{ user, path string }{
		{"vanphong", "/tasks/unresolved"}, {"vanphong", "/units"}, {"vanphong", fmt.Sprintf("/tasks/%d", grouped.ID)},
		{"vanphong", fmt.Sprintf("/tasks/%d/resolve", grouped.ID)}, {"vanphong", fmt.Sprintf("/groups/%d/edit", g.ID)},
		{"vanphong", fmt.Sprintf("/tasks/%d", p.ID)}, {"vanphong", fmt.Sprintf("/notices/%d", fix.ID)}, {"admin", "/admin/audit"},
	} {
		phoneFits(t, ctx, e, tc.user, tc.path)
	}
}

// phoneFits checks that path, seen by user on a 390 px phone, never
// scrolls sideways.
func phoneFits(t *testing.T, ctx context.Context, e *env, user, path string) {
	t.Helper()
	var width, inner int
	err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 800), browserLogin(e.srv.URL, user),
		chromedp.Navigate(e.srv.URL+path), chromedp.WaitReady(css("footer.foot")),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			var err error
			if width, err = chromedp.Evaluate[int](`document.documentElement.scrollWidth`)(ctx, tg); err != nil {
				return err
			}
			inner, err = chromedp.Evaluate[int](`window.innerWidth`)(ctx, tg)
			return err
		}),
		browserLogout())
	if err != nil {
		t.Fatal(err)
	}
	if inner != 390 || width != 390 {
		t.Errorf("%s as %s at 390 px: the page is %d px wide (window %d)", path, user, width, inner)
	}
}

// TestBrowserPhoneWidthImport: the import's pages fit a 390 px phone — the
// review beside its source text, the confirmation step with a choice and a
// unit picker per task without a lead unit, and the record once confirmed.
func TestBrowserPhoneWidthImport(t *testing.T) {
	ctx := newBrowser(t)
	e := serve(apptest.New(t, store.SQLite))
	communes(t, e)
	c := e.login("vanphong")
	id := pasteNotice(t, c, fmt.Sprintf(reviewSample, 21))
	path := fmt.Sprintf("/import/%d", id)
	phoneFits(t, ctx, e, "vanphong", path)

	// The confirmation step is the answer to the review's button.
	var width int
	err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 800), browserLogin(e.srv.URL, "vanphong"),
		chromedp.Navigate(e.srv.URL+path), chromedp.WaitReady(css("footer.foot")),
		chromedp.Click(css("#im-form button.im-ok")), chromedp.WaitVisible(css("#so-lieu")),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			var err error
			width, err = chromedp.Evaluate[int](`document.querySelectorAll("fieldset.picker").length > 0 ? document.documentElement.scrollWidth : -1`)(ctx, tg)
			return err
		}),
		browserLogout())
	if err != nil {
		t.Fatal(err)
	}
	if width != 390 {
		t.Errorf("the confirmation step at 390 px is %d px wide (-1: no unit picker on it)", width)
	}

	_, form := review(t, c, id)
	code, body, _ := c.post(path+"/confirm", form)
	if code != http.StatusOK {
		t.Fatalf("confirmation step: %d %s", code, errorOf(body))
	}
	step := scrapeForm(t, body, path+"/confirm")
	step.Set("final", "1")
	if code, body, _ := c.post(path+"/confirm", step); code != http.StatusSeeOther {
		t.Fatalf("confirm: %d %s", code, errorOf(body))
	}
	phoneFits(t, ctx, e, "vanphong", path) // the record
}
