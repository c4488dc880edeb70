package web

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"giaoban/internal/apptest"
	"giaoban/internal/store"
)

// css is shorthand for a CSS selector.
func css(s string) chromedp.CSS { return chromedp.CSS(s) }

// submitAndWait submits the form holding sel and waits until the browser has
// loaded the page that answers it (a redirect after POST, or the form again).
func submitAndWait(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.dataset.old = "1"`)); err != nil {
			return err
		}
		if err := chromedp.Do(ctx, chromedp.Submit(css(sel))); err != nil {
			return err
		}
		// The marker is gone once a new document has replaced the old one;
		// while the page changes, evaluating may fail, so failures are retried.
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.readyState === "complete" && !!document.body && !document.body.dataset.old`))
			if err == nil && done {
				return nil
			}
			time.Sleep(50 * time.Millisecond)
		}
		return fmt.Errorf("no new page after submitting %s", sel)
	})
}

// browserLogout signs out with the header's button.
func browserLogout() chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.Click(css(".me button.link")), chromedp.WaitVisible(css(`input[name=username]`)))
}

var idInURL = regexp.MustCompile(`/(\d+)(?:\?.*)?$`)

// currentID is the number at the end of the page's address.
func currentID(ctx context.Context, t *testing.T) string {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	m := idInURL.FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("no id in the address %s; page: %s", loc, bodyText(ctx, t))
	}
	return m[1]
}

func bodyText(ctx context.Context, t *testing.T) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(css("main")))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestBrowserFollowUp walks the product's main path in a real browser: the
// Office records a meeting, its notice and two tasks; the unit reports progress
// and completion; the leader's dashboard shows one task done on time and the
// other, past its date, overdue.
func TestBrowserFollowUp(t *testing.T) {
	ctx := newBrowser(t)
	e := serve(apptest.New(t, store.SQLite)) // today is 01/03/2023 in the env
	base := e.srv.URL
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}

	// Office: meeting.
	do(browserLogin(base, "vanphong"),
		chromedp.Navigate(base+"/meetings/new"),
		chromedp.WaitVisible(css(`input[name=title]`)),
		chromedp.SendKeys(css(`input[name=title]`), "Giao ban khối Văn hóa - Xã hội tháng 2"),
		chromedp.SetValue(css(`select[name=period]`), "month"),
		chromedp.SetValue(css(`input[name=period_no]`), "2"),
		chromedp.SetValue(css(`input[name=date]`), "2023-02-22"),
		chromedp.SendKeys(css(`input[name=chair]`), "Phó Chủ tịch UBND Nguyễn Văn A"),
		submitAndWait(`input[name=title]`))
	meetingID := currentID(ctx, t)
	if txt := bodyText(ctx, t); !strings.Contains(txt, "Giao ban khối Văn hóa - Xã hội tháng 2") {
		t.Fatalf("meeting page does not show the meeting:\n%s", txt)
	}

	// Office: the notice of that meeting, issued.
	do(chromedp.Navigate(base+"/notices/new?meeting="+meetingID),
		chromedp.WaitVisible(css(`input[name=title], textarea[name=title]`)),
		chromedp.SendKeys(css(`[name=title]`), "Kết luận của Phó Chủ tịch tại Hội nghị giao ban khối Văn hóa - Xã hội"),
		chromedp.SendKeys(css(`input[name=number]`), "12"),
		chromedp.SetValue(css(`input[name=issued_on]`), "2023-02-23"),
		chromedp.SendKeys(css(`input[name=signer_name]`), "Tạ Quang Thắng"),
		chromedp.SendKeys(css(`[name=sec_heading]`), "Nhiệm vụ trong thời gian tới"),
		chromedp.SendKeys(css(`[name=sec_body]`), "Giao Phòng Giáo dục và Đào tạo tham mưu kế hoạch."),
		submitAndWait(`input[name=number]`))
	noticeID := currentID(ctx, t)
	do(submitAndWait(`form[action$="/issue"] button`))
	if txt := bodyText(ctx, t); !strings.Contains(txt, "Đã ban hành") || !strings.Contains(txt, "Số: 12/TB-UBND") {
		t.Fatalf("notice not issued:\n%s", txt)
	}

	// Office: two tasks, one for each unit; the second is already past its date.
	newTask := func(text string, unitID int64, due string) string {
		do(chromedp.Navigate(base+"/tasks/new?notice="+noticeID),
			chromedp.WaitVisible(css(`textarea[name=text]`)),
			chromedp.SendKeys(css(`textarea[name=text]`), text),
			chromedp.Click(css(fmt.Sprintf(`input[name=lead][value="%d"]`, unitID))),
			chromedp.Click(css(`input[name=deadline_kind][value=date]`)),
			chromedp.SetValue(css(`input[name=deadline_date]`), due),
			submitAndWait(`textarea[name=text]`))
		return currentID(ctx, t)
	}
	taskID := newTask("Tham mưu kế hoạch kiểm tra trường chuẩn quốc gia năm 2023", e.Unit1.ID, "2023-03-15")
	newTask("Báo cáo kết quả tiêm chủng mở rộng quý I", e.Unit2.ID, "2023-02-20")
	do(browserLogout())

	// Unit: reports progress, then completion.
	do(browserLogin(base, "gddt"), chromedp.Navigate(base+"/tasks"), chromedp.WaitReady(css("footer.foot")))
	list := bodyText(ctx, t)
	if !strings.Contains(list, "trường chuẩn quốc gia") || strings.Contains(list, "tiêm chủng") {
		t.Fatalf("unit's task list shows the wrong tasks:\n%s", list)
	}
	do(chromedp.Navigate(base+"/tasks/"+taskID),
		chromedp.WaitVisible(css(`#bao-cao textarea[name=body]`)),
		chromedp.SendKeys(css(`#bao-cao textarea[name=body]`), "Đã xây dựng dự thảo kế hoạch"),
		chromedp.SetValue(css(`#bao-cao input[name=percent]`), "60"),
		submitAndWait(`#bao-cao textarea[name=body]`),
		chromedp.WaitVisible(css(`#hoan-thanh textarea[name=body]`)),
		chromedp.SendKeys(css(`#hoan-thanh textarea[name=body]`), "Kế hoạch đã được Chủ tịch UBND ký ban hành"),
		submitAndWait(`#hoan-thanh textarea[name=body]`))
	if txt := bodyText(ctx, t); !strings.Contains(txt, "Đã hoàn thành đúng hạn") || !strings.Contains(txt, "Đã xây dựng dự thảo kế hoạch") {
		t.Fatalf("task page after completion:\n%s", txt)
	}
	do(browserLogout())

	// Leader: the dashboard shows one done on time, one overdue, overdue first.
	do(browserLogin(base, "lanhdao"), chromedp.Navigate(base+"/"), chromedp.WaitReady(css("footer.foot")))
	dash := bodyText(ctx, t)
	for _, want := range []string{"Đã hoàn thành đúng hạn", "Đang thực hiện quá hạn", "tiêm chủng", "Phòng Y tế"} {
		if !strings.Contains(dash, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	cards, err := chromedp.Run(ctx, chromedp.Text(css(".cards")))
	if err != nil {
		t.Fatal(err)
	}
	compact := strings.Join(strings.Fields(cards), " ")
	for _, want := range []string{"1 Đã hoàn thành đúng hạn", "1 Đang thực hiện quá hạn"} {
		if !strings.Contains(compact, want) {
			t.Errorf("dashboard cards %q lack %q", compact, want)
		}
	}
}
