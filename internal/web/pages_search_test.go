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

func TestSearchIgnoresDiacritics(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		office := e.Office
		m := &domain.Meeting{Title: "Giao ban công tác giáo dục quý I", Period: domain.PeriodQuarter, PeriodNo: 1, Date: domain.MustDate("2023-02-22")}
		apptest.Must(t, e.Service.CreateMeeting(ctx, office, m))
		n := &domain.Notice{MeetingID: m.ID, Title: "Kết luận về công tác giáo dục và đào tạo", Number: "7", Symbol: "TB-UBND",
			IssuedOn: domain.MustDate("2023-02-23"), SignerName: "Ngô Đức Sáu"}
		apptest.Must(t, e.Service.CreateNotice(ctx, office, n))
		_, err := e.Service.IssueNotice(ctx, office, n.ID, n.Version)
		apptest.Must(t, err)
		task := e.task("Sửa chữa đồng hồ điện các điểm trường", []int64{e.Unit1.ID}, dateDeadline("2023-03-31"))
		c := e.login("xem")
		for _, tc := range []struct {
			q    string
			want []string
			not  []string
		}{
			{"giao duc", []string{fmt.Sprintf(`href="/notices/%d"`, n.ID), fmt.Sprintf(`href="/meetings/%d"`, m.ID)}, []string{fmt.Sprintf(`href="/tasks/%d"`, task.ID)}},
			{"dong ho", []string{fmt.Sprintf(`href="/tasks/%d"`, task.ID), "Sửa chữa đồng hồ"}, []string{fmt.Sprintf(`href="/notices/%d"`, n.ID)}},
			{"ĐỒNG HỒ", []string{fmt.Sprintf(`href="/tasks/%d"`, task.ID)}, nil},
		} {
			code, body, _ := c.get("/search?q=" + url.QueryEscape(tc.q))
			if code != http.StatusOK {
				t.Fatalf("search %q: %d", tc.q, code)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("search %q lacks %s", tc.q, w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(body, w) {
					t.Errorf("search %q should not find %s", tc.q, w)
				}
			}
		}
		if code, body, _ := c.get("/search"); code != http.StatusOK || !strings.Contains(body, "giao duc") {
			t.Errorf("empty search page: %d", code)
		}
	})
}
