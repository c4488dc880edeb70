package web

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"giaoban/internal/apptest"
	"giaoban/internal/store"
)

// selectSource selects, in the review's source text, the span from the
// first occurrence of from to the end of the first occurrence of to after
// it, as a user dragging the mouse over it would, task numbers included
// when the span crosses a task's mark.
func selectSource(from, to string) chromedp.Action[chromedp.Void] {
	script := fmt.Sprintf(`(() => {
  const src = document.getElementById("im-src");
  const nodes = [];
  const walk = document.createTreeWalker(src, NodeFilter.SHOW_TEXT);
  let text = "";
  for (let n = walk.nextNode(); n; n = walk.nextNode()) { nodes.push([n, text.length]); text += n.data; }
  const at = (i) => { for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k][1] <= i) return [nodes[k][0], i - nodes[k][1]]; };
  const a = text.indexOf(%q); const b = text.indexOf(%q, a) + %q.length;
  const r = document.createRange(); const s = at(a), e = at(b);
  r.setStart(s[0], s[1]); r.setEnd(e[0], e[1]);
  const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
  return a >= 0;
})()`, from, to, to)
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](script))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("the source has no %q", from)
		}
		return nil
	})
}

// TestBrowserImportAddTaskFromSelection: in the review, the Office selects
// a direction the importer missed and one that runs over a task's mark;
// the button that appears adds each as a task, its span marked in the
// source, with the edits typed on the form meanwhile kept.
func TestBrowserImportAddTaskFromSelection(t *testing.T) {
	ctx := newBrowser(t)
	e := serve(apptest.New(t, store.SQLite))
	c := e.login("vanphong")
	id := pasteNotice(t, c, fmt.Sprintf(reviewSample, 21))
	review := fmt.Sprintf("%s/import/%d", e.srv.URL, id)
	if err := chromedp.Do(ctx, browserLogin(e.srv.URL, "vanphong"), chromedp.Navigate(review), chromedp.WaitVisible(css("#im-src"))); err != nil {
		t.Fatal(err)
	}
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("im-pick").hidden`))
	if err != nil || !hidden {
		t.Fatalf("the selection button shows with nothing selected (%v)", err)
	}
	// An edit typed before selecting is kept.
	if err := chromedp.Do(ctx, chromedp.SetValue(css("textarea[name=text_1]"), "Nội dung nhiệm vụ 1 đã sửa trên trang.")); err != nil {
		t.Fatal(err)
	}
	add := func(from, to string) {
		t.Helper()
		if err := chromedp.Do(ctx, selectSource(from, to), chromedp.WaitVisible(css("#im-pick button"))); err != nil {
			t.Fatalf("select %q…%q: %v", from, to, err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.dataset.old = "1"`)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Click(css("#im-pick button"))); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.readyState === "complete" && !!document.body && !document.body.dataset.old`))
			if err == nil && done {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatal("no new page after adding the selection")
	}

	add("Phòng Y tế cần báo cáo", "trước ngày 15/3/2023.")
	first, err := chromedp.Run(ctx, chromedp.Value(css("textarea[name=text_1]")))
	if err != nil {
		t.Fatal(err)
	}
	if first != missedTask {
		t.Errorf("task 1 is %q, want the selection %q", first, missedTask)
	}
	mark, err := chromedp.Run(ctx, chromedp.Text(css(`mark#t1`)))
	if err != nil || !strings.HasSuffix(mark, missedTask) {
		t.Errorf("the source marks task 1 as %q (%v)", mark, err)
	}
	second, err := chromedp.Run(ctx, chromedp.Value(css("textarea[name=text_2]")))
	if err != nil || second != "Nội dung nhiệm vụ 1 đã sửa trên trang." {
		t.Errorf("the edit typed before selecting became %q (%v)", second, err)
	}

	// Over a task's mark: the number the page prints there is no text of
	// the source and is not taken in; the offsets are the source's bytes.
	// (Words of a task already are refused when posted, so the form is
	// stopped here and its fields read.)
	from, to := "Phó Chủ tịch UBND huyện kết luận như sau:", "Giao Phòng GD&ĐT chủ trì"
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("im-form").addEventListener("submit", e => e.preventDefault()); true`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, selectSource(from, to), chromedp.WaitVisible(css("#im-pick button")), chromedp.Click(css("#im-pick button"))); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`["new_text", "new_start", "new_end"].map(id => document.getElementById(id).value)`))
	if err != nil {
		t.Fatal(err)
	}
	sd, err := e.Service.ImportDraftByID(context.Background(), e.Office, id)
	apptest.Must(t, err)
	src := sd.Draft.SourceText
	start := strings.Index(src, from)
	end := strings.Index(src[start:], to) + start + len(to)
	want := []string{strings.Join(strings.Fields(src[start:end]), " "), fmt.Sprint(start), fmt.Sprint(end)}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the selection over marks posts %q, want %q", got, want)
	}
}
