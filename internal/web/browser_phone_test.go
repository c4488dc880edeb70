package web

import (
	"context"
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
		var width, inner int
		err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 800), browserLogin(e.srv.URL, tc.user),
			chromedp.Navigate(e.srv.URL+tc.path), chromedp.WaitReady(css("footer.foot")),
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
			t.Errorf("%s as %s at 390 px: the page is %d px wide (window %d)", tc.path, tc.user, width, inner)
		}
	}
}
