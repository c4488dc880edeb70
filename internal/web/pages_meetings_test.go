package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// meetingValues is a valid meeting form; tests change one field at a time.
func (e *env) meetingValues() url.Values {
	return url.Values{
		"title":     {"Hội nghị giao ban khối Văn hóa - Xã hội tháng 2/2023"},
		"block_id":  {strconv.FormatInt(e.Block.ID, 10)},
		"period":    {"month"},
		"period_no": {"2"},
		"year":      {"2023"},
		"date":      {"2023-02-22"},
		"time":      {"07:30"},
		"place":     {"Hội trường UBND"},
		"online":    {"1"},
		"bridge":    {"UBND huyện\nUBND xã Xuân Lũng"},
		"chair":     {"Phó Chủ tịch UBND Ngô Đức Sáu"},
		"unit_ids":  {strconv.FormatInt(e.Unit1.ID, 10), strconv.FormatInt(e.Unit2.ID, 10)},
		"attendees": {"Lãnh đạo các phòng chuyên môn"},
		"agenda":    {"Đánh giá kết quả năm 2022"},
		"version":   {"0"},
	}
}

var locID = regexp.MustCompile(`^/(?:meetings|notices)/(\d+)`)

// idFrom reads the record id from a redirect location.
func idFrom(t testing.TB, loc string) int64 {
	t.Helper()
	m := locID.FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("redirect %q carries no id", loc)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

func wantIn(t testing.TB, what, body string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(body, p) {
			t.Errorf("%s: page lacks %q", what, p)
		}
	}
}

func TestMeetingValidation(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		c := e.login("vanphong")
		for _, tc := range []struct {
			name, field, value, want string
		}{
			{"empty title", "title", "  ", "Tên hội nghị không được để trống"},
			{"impossible ISO date", "date", "2024-02-30", "không có trên lịch"},
			{"impossible VN date", "date", "30/02/2024", "không có trên lịch"},
			{"a typing slip of a year", "date", "15/3/2203", "nằm ngoài khoảng từ năm 1990 đến năm 2100"},
			{"bad time", "time", "25:99", "không hợp lệ (ví dụ 07:30)"},
			{"unknown unit", "unit_ids", "999999", "Đơn vị dự họp không tồn tại"},
			{"unknown block", "block_id", "999999", "Khối không tồn tại"},
			{"month 13", "period_no", "13", "Số kỳ phải từ 1 đến 12"},
			{"non-UTF-8 title", "title", "H\xffi ngh\xfe", "không phải văn bản UTF-8 hợp lệ"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				v := e.meetingValues()
				v.Set("place", "Phòng họp số 2 giữ nguyên")
				v.Set(tc.field, tc.value)
				code, body, _ := c.post("/meetings", v)
				if code != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", code)
				}
				if strings.Contains(tc.name, "UTF-8") {
					// Refused by the input gate (httpx.ReadInput) before the form is read.
					wantIn(t, tc.name, body, tc.want)
				} else {
					wantIn(t, tc.name, body, tc.want, `value="Phòng họp số 2 giữ nguyên"`)
				}
				if _, total, _ := e.Service.Meetings(context.Background(), e.Office, store.MeetingFilter{}); total != 0 {
					t.Fatalf("%d meetings saved after refused input", total)
				}
			})
		}
	})
}

func TestMeetingListFiltersAndPages(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		office := e.Office
		for i := 1; i <= 22; i++ {
			m := &domain.Meeting{Title: fmt.Sprintf("Giao ban định kỳ số %d", i), Period: domain.PeriodMonth, PeriodNo: (i-1)%12 + 1,
				Date: domain.NewDate(2022+(i-1)/12, time.Month((i-1)%12+1), 10)}
			apptest.Must(t, e.Service.CreateMeeting(ctx, office, m))
		}
		adhoc := &domain.Meeting{Title: "Họp đột xuất phòng chống bão", Period: domain.PeriodAdHoc, Date: domain.MustDate("2023-09-09"), BlockID: e.Block.ID}
		apptest.Must(t, e.Service.CreateMeeting(ctx, office, adhoc))
		c := e.login("xem")
		_, body, _ := c.get("/meetings")
		wantIn(t, "first page", body, "Trang 1/2", "23 mục", "Họp đột xuất phòng chống bão", "Sau »")
		_, body, _ = c.get("/meetings?page=2")
		wantIn(t, "second page", body, "Trang 2/2", "« Trước")
		for _, tc := range []struct{ query, want, not string }{
			{"period=adhoc", "Họp đột xuất phòng chống bão", "Giao ban định kỳ số 1<"},
			{fmt.Sprintf("block=%d", e.Block.ID), "Họp đột xuất phòng chống bão", "Giao ban định kỳ số 1<"},
			{"year=2022", "Giao ban định kỳ số 12<", "Giao ban định kỳ số 13<"},
			{"q=phong+chong+bao", "Họp đột xuất phòng chống bão", "Giao ban định kỳ số 1<"},
		} {
			_, body, _ := c.get("/meetings?" + tc.query)
			if !strings.Contains(body, tc.want) || strings.Contains(body, tc.not) {
				t.Errorf("%s: want %q and not %q", tc.query, tc.want, tc.not)
			}
		}
	})
}
