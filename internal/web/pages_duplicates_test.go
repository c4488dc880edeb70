package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"giaoban/internal/apptest"
	"giaoban/internal/domain"
)

// TestDuplicateNoticePages: on the notice form and on the import review, a
// notice the organisation has is stopped with a message linking it, what
// was typed is kept, and the user goes on only by ticking that it is a
// correction — which makes it one.
func TestDuplicateNoticePages(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		c := e.login("vanphong")
		existing := &domain.Notice{Title: "Kết luận đã ban hành", Number: "12", Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-02-05"),
			SignerName: "Ngô Đức Sáu"}
		apptest.Must(t, e.Service.CreateNotice(ctx, e.Office, existing))
		_, err := e.Service.IssueNotice(ctx, e.Office, existing.ID, existing.Version)
		apptest.Must(t, err)

		v := noticeValues(0)
		v.Set("meeting_id", "")
		code, body, _ := c.post("/notices", v)
		if code != http.StatusConflict || !strings.Contains(errorOf(body), "cùng số, ký hiệu và ngày ban hành") ||
			!strings.Contains(body, fmt.Sprintf(`href="/notices/%d"`, existing.ID)) || !strings.Contains(body, `name="is_correction"`) ||
			!strings.Contains(body, "Giao Phòng Giáo dục và Đào tạo chủ trì.") {
			t.Fatalf("duplicate notice: %d %q, want 409 linking the notice, offering a correction, keeping the text", code, errorOf(body))
		}
		v.Set("is_correction", "1")
		v.Set("corrects_id", fmt.Sprint(existing.ID))
		v.Set("correction", "replace")
		code, body, loc := c.post("/notices", v)
		if code != http.StatusSeeOther {
			t.Fatalf("as a correction: %d %q", code, errorOf(body))
		}
		fix, err := e.Service.Notice(ctx, e.Office, idFrom(t, loc))
		apptest.Must(t, err)
		if fix.SupersedesID != existing.ID || fix.Correction != domain.CorrectionReplace || fix.State != domain.NoticeDraft {
			t.Errorf("the notice entered as a correction: %+v", fix)
		}
		_, body, _ = c.get(loc)
		wantIn(t, "correction page", body, "Thông báo thay thế của", fmt.Sprintf(`href="/notices/%d"`, existing.ID))

		// Imported twice: the second confirmation is stopped on the review page.
		first := pasteNotice(t, c, importSample)
		if code, body, loc := confirmReview(t, c, first, scrapeReview(t, c, first)); code != http.StatusSeeOther {
			t.Fatalf("first import: %d → %q %q", code, loc, errorOf(body))
		}
		second := pasteNotice(t, c, importSample)
		form := scrapeReview(t, c, second)
		code, body, _ = confirmReview(t, c, second, form)
		if code != http.StatusConflict || !strings.Contains(errorOf(body), "Đã có thông báo") {
			t.Fatalf("second import: %d %q, want 409 naming the notice", code, errorOf(body))
		}
		if d, err := e.Service.ImportDraftByID(ctx, e.Office, second); err != nil || d == nil {
			t.Errorf("the refused import's draft is gone: %v", err)
		}
	})
}

// scrapeReview is the review form of import draft id as the page fills it.
func scrapeReview(t testing.TB, c *client, id int64) url.Values {
	t.Helper()
	path := fmt.Sprintf("/import/%d", id)
	_, page, _ := c.get(path)
	return scrapeForm(t, page, path)
}
