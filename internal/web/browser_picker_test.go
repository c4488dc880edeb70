package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// TestBrowserUnitPicker: with a long directory, the Office finds a unit by
// typing part of its name without diacritics (or another name it goes
// by), picks it with Enter, sees it on top among the chosen, and the task is
// saved with it. The page runs under the Content-Security-Policy: the
// script is the served file, and it works.
func TestBrowserUnitPicker(t *testing.T) {
	ctx := newBrowser(t)
	a := apptest.New(t, store.SQLite)
	bg := context.Background()
	eco := &domain.Block{Name: "Khối Kinh tế"}
	a.Must(a.Service.CreateBlock(bg, a.Admin, eco))
	for i := range 20 {
		a.Must(a.Service.CreateUnit(bg, a.Admin, &domain.Unit{Name: fmt.Sprintf("Ủy ban nhân dân xã Số %d", i+1), Kind: "xã", BlockID: eco.ID}))
	}
	e := serve(a)
	base := e.srv.URL
	visible := func(sel string) []string {
		t.Helper()
		names, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(`+"`"+sel+"`"+`)).filter(l => l.offsetParent !== null).map(l => l.textContent.trim())`))
		if err != nil {
			t.Fatal(err)
		}
		return names
	}
	lead := `fieldset[data-picker]:has(input[name=lead])`
	err := chromedp.Do(ctx, browserLogin(base, "vanphong"),
		chromedp.Navigate(base+"/tasks/new"),
		chromedp.WaitVisible(css(lead+` input[data-search]`)),
		chromedp.SendKeys(css(lead+` input[data-search]`), "y te"))
	if err != nil {
		t.Fatal(err)
	}
	if got := visible(lead + ` [data-list] label.picker-unit`); len(got) != 1 || got[0] != "Phòng Y tế" {
		t.Fatalf("typing “y te” shows %q, want only Phòng Y tế", got)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(css(lead+` input[data-search]`), "\r")); err != nil {
		t.Fatal(err)
	}
	if got := visible(lead + ` [data-chosen] label.picker-unit`); len(got) != 1 || got[0] != "Phòng Y tế" {
		t.Fatalf("after Enter the chosen units are %q, want Phòng Y tế on top", got)
	}
	// Another name of a unit finds it too.
	support := `fieldset[data-picker]:has(input[name=support])`
	if err := chromedp.Do(ctx, chromedp.SendKeys(css(support+` input[data-search]`), "gd&dt")); err != nil {
		t.Fatal(err)
	}
	if got := visible(support + ` [data-list] label.picker-unit`); len(got) != 1 || got[0] != "Phòng Giáo dục và Đào tạo" {
		t.Fatalf("typing “gd&dt” shows %q, want Phòng Giáo dục và Đào tạo", got)
	}
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(css(support+` input[data-search]`), "\r"),
		chromedp.SendKeys(css(`textarea[name=text]`), "Kiểm tra an toàn thực phẩm bếp ăn trường học"),
		chromedp.Click(css(`input[name=deadline_kind][value=none]`)),
		submitAndWait(`textarea[name=text]`)); err != nil {
		t.Fatal(err)
	}
	rows, _, err := a.Service.Tasks(bg, a.Office, store.TaskFilter{Query: "an toan thuc pham"})
	a.Must(err)
	if len(rows) != 1 || len(rows[0].Lead) != 1 || rows[0].Lead[0] != a.Unit2.ID || len(rows[0].Support) != 1 || rows[0].Support[0] != a.Unit1.ID {
		t.Fatalf("saved tasks %+v, want one led by Phòng Y tế with Phòng GD&ĐT supporting", rows)
	}
	// Editing: the chosen units come first, ticked, without JavaScript's help.
	_, body, _ := e.login("vanphong").get(fmt.Sprintf("/tasks/%d/edit", rows[0].ID))
	i := strings.Index(body, `name="lead" value="`+fmt.Sprint(a.Unit2.ID)+`" checked`)
	if i < 0 || i > strings.Index(body, `class="picker-group"`) {
		t.Errorf("the edit form does not show the chosen lead unit first")
	}
	if n := strings.Count(body, `name="lead" value="`+fmt.Sprint(a.Unit2.ID)+`"`); n != 1 {
		t.Errorf("the chosen lead unit appears %d times in its picker", n)
	}
}
