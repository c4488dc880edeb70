package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// noticeValues is a valid draft form with two sections and an empty row.
func noticeValues(meetingID int64) url.Values {
	return url.Values{
		"meeting_id":       {strconv.FormatInt(meetingID, 10)},
		"number":           {"12"},
		"symbol":           {"TB-UBND"},
		"place":            {"Lâm Thao"},
		"issued_on":        {"2023-02-05"},
		"title":            {"Kết luận của Phó Chủ tịch UBND tại Hội nghị giao ban khối Văn hóa - Xã hội"},
		"signer_authority": {"KT. CHỦ TỊCH"},
		"signer_title":     {"PHÓ CHỦ TỊCH"},
		"signer_name":      {"Ngô Đức Sáu"},
		"recipients":       {"TT: HU, HĐND huyện (b/c);\nLưu: VT, TH."},
		"sec_id":           {"", "", ""},
		"sec_kind":         {"assessment", "tasks", "other"},
		"sec_heading":      {"1. Kết quả thực hiện nhiệm vụ", "2. Nhiệm vụ trọng tâm", ""},
		"sec_body":         {"Đạt nhiều kết quả đáng khích lệ.", "Giao Phòng Giáo dục và Đào tạo chủ trì.\nGiao Phòng Y tế phối hợp.", "  "},
		"version":          {"0"},
	}
}

func TestMeetingAndNoticeLifecycle(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		office := e.Office
		c := e.login("vanphong")

		code, body, loc := c.post("/meetings", e.meetingValues())
		if code != http.StatusSeeOther {
			t.Fatalf("create meeting: %d\n%s", code, body)
		}
		mid := idFrom(t, loc)
		_, body, _ = c.get(loc)
		wantIn(t, "meeting page", body, "Hội nghị giao ban khối Văn hóa - Xã hội tháng 2/2023", "Tháng 2/2023", "UBND xã Xuân Lũng",
			"Phòng Giáo dục và Đào tạo, Phòng Y tế", "họp trực tuyến", fmt.Sprintf("/notices/new?meeting=%d", mid), fmt.Sprintf("/tasks?meeting=%d", mid))

		code, body, _ = c.get(fmt.Sprintf("/notices/new?meeting=%d", mid))
		if code != http.StatusOK {
			t.Fatalf("new notice form: %d", code)
		}
		wantIn(t, "new notice form", body, `value="TB-UBND"`, "Kết luận của Phó Chủ tịch UBND Ngô Đức Sáu tại Hội nghị")

		code, body, loc = c.post("/notices", noticeValues(mid))
		if code != http.StatusSeeOther {
			t.Fatalf("create notice: %d\n%s", code, body)
		}
		nid := idFrom(t, loc)
		n, err := e.Service.Notice(ctx, office, nid)
		apptest.Must(t, err)
		if len(n.Sections) != 2 || n.Sections[1].Kind != domain.SectionTasks || n.MeetingID != mid {
			t.Fatalf("saved notice: %d sections %+v, meeting %d", len(n.Sections), n.Sections, n.MeetingID)
		}
		first, second := n.Sections[0].ID, n.Sections[1].ID

		// Edit the draft: rename a section, keep both ids, add a third part.
		code, body, _ = c.get(fmt.Sprintf("/notices/%d/edit", nid))
		if code != http.StatusOK {
			t.Fatalf("edit form: %d", code)
		}
		wantIn(t, "edit form", body, fmt.Sprintf(`name="sec_id" value="%d"`, first), fmt.Sprintf(`name="sec_id" value="%d"`, second))
		v := noticeValues(mid)
		v["sec_id"] = []string{strconv.FormatInt(first, 10), strconv.FormatInt(second, 10), ""}
		v["sec_heading"] = []string{"1. Đánh giá kết quả", "2. Nhiệm vụ trọng tâm", "3. Đối với đề xuất của các xã"}
		v["sec_body"] = []string{"Đạt nhiều kết quả.", "Giao Phòng Giáo dục và Đào tạo chủ trì.", "Giao các phòng chuyên môn nghiên cứu."}
		v.Set("version", strconv.Itoa(n.Version))
		if code, body, _ := c.post(fmt.Sprintf("/notices/%d", nid), v); code != http.StatusSeeOther {
			t.Fatalf("save draft: %d\n%s", code, body)
		}
		n, err = e.Service.Notice(ctx, office, nid)
		apptest.Must(t, err)
		if len(n.Sections) != 3 || n.Sections[0].ID != first || n.Sections[1].ID != second || n.Sections[0].Heading != "1. Đánh giá kết quả" {
			t.Fatalf("edited sections: %+v", n.Sections)
		}

		_, body, _ = c.get(fmt.Sprintf("/notices/%d", nid))
		wantIn(t, "draft page", body, "Số: 12/TB-UBND", "Lâm Thao, ngày 05 tháng 02 năm 2023", "THÔNG BÁO", "UBND TỈNH MẪU", "UBND HUYỆN THỬ NGHIỆM",
			"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:", "- TT: HU, HĐND huyện (b/c);", "KT. CHỦ TỊCH",
			"Ngô Đức Sáu", "3. Đối với đề xuất của các xã", "Dự thảo", fmt.Sprintf("/tasks/new?notice=%d", nid), "Sửa dự thảo", "Ban hành")

		// Issue, then the draft form refuses.
		code, body, _ = c.post(fmt.Sprintf("/notices/%d/issue", nid), url.Values{"version": {strconv.Itoa(n.Version)}})
		if code != http.StatusSeeOther {
			t.Fatalf("issue: %d\n%s", code, body)
		}
		_, body, _ = c.get(fmt.Sprintf("/notices/%d", nid))
		wantIn(t, "issued page", body, "Đã ban hành", "Đính chính")
		if strings.Contains(body, fmt.Sprintf(`href="/notices/%d/edit"`, nid)) {
			t.Error("issued notice still offers the edit link")
		}
		code, body, _ = c.get(fmt.Sprintf("/notices/%d/edit", nid))
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "không sửa trực tiếp được") {
			t.Fatalf("edit form of an issued notice: %d, want 422 with a Vietnamese message", code)
		}
		v.Set("title", "Sửa lén sau khi ban hành")
		v.Set("version", strconv.Itoa(n.Version+1))
		if code, _, _ := c.post(fmt.Sprintf("/notices/%d", nid), v); code != http.StatusUnprocessableEntity {
			t.Fatalf("saving an issued notice: %d, want 422", code)
		}
		if n, _ := e.Service.Notice(ctx, office, nid); n.Title == "Sửa lén sau khi ban hành" {
			t.Fatal("an issued notice was edited in place")
		}

		// Correct by a replacing notice: a version 2 draft of its own; issuing it supersedes version 1.
		code, _, loc = c.post(fmt.Sprintf("/notices/%d/correct", nid), url.Values{"kind": {"replace"}})
		if code != http.StatusSeeOther || !strings.HasSuffix(loc[:strings.Index(loc+"?", "?")], "/edit") {
			t.Fatalf("correct: %d → %q", code, loc)
		}
		n2id := idFrom(t, loc)
		code, body, _ = c.get(loc)
		if code != http.StatusOK {
			t.Fatalf("correction form: %d", code)
		}
		wantIn(t, "correction form", body, "phiên bản 2", "Đã tạo dự thảo thông báo thay thế, có số và ngày riêng")
		n2, err := e.Service.Notice(ctx, office, n2id)
		apptest.Must(t, err)
		if n2.Revision != 2 || n2.SupersedesID != nid || n2.State != domain.NoticeDraft {
			t.Fatalf("correction: revision %d supersedes %d state %s", n2.Revision, n2.SupersedesID, n2.State)
		}
		v2 := noticeValues(mid)
		v2.Set("number", "12a")
		v2.Set("issued_on", "2023-03-09")
		v2.Set("version", strconv.Itoa(n2.Version))
		if code, body, _ := c.post(fmt.Sprintf("/notices/%d", n2id), v2); code != http.StatusSeeOther {
			t.Fatalf("save correction: %d\n%s", code, body)
		}
		n2, _ = e.Service.Notice(ctx, office, n2id)
		if code, body, _ := c.post(fmt.Sprintf("/notices/%d/issue", n2id), url.Values{"version": {strconv.Itoa(n2.Version)}}); code != http.StatusSeeOther {
			t.Fatalf("issue correction: %d\n%s", code, body)
		}
		if old, _ := e.Service.Notice(ctx, office, nid); old.State != domain.NoticeSuperseded {
			t.Fatalf("version 1 state %s, want superseded", old.State)
		}
		_, body, _ = c.get(fmt.Sprintf("/notices/%d", nid))
		wantIn(t, "superseded page", body, "Đã được thay thế", "Thông báo này đã được thay thế", fmt.Sprintf(`<a href="/notices/%d">Thông báo thay thế số 12a/TB-UBND`, n2id), "Phiên bản 2")
		_, body, _ = c.get(fmt.Sprintf("/notices/%d", n2id))
		wantIn(t, "version 2 page", body, "Lâm Thao, ngày 09 tháng 3 năm 2023", fmt.Sprintf(`<a href="/notices/%d">Phiên bản 1</a>`, nid))

		// The meeting page and the list show both versions.
		_, body, _ = c.get(fmt.Sprintf("/meetings/%d", mid))
		wantIn(t, "meeting notices", body, "12/TB-UBND", "12a/TB-UBND")
		_, body, _ = c.get("/notices?state=superseded")
		wantIn(t, "notice list filtered", body, "12/TB-UBND")
		if strings.Contains(body, "12a/TB-UBND") {
			t.Error("state filter kept an issued notice among superseded ones")
		}
	})
}

func TestNoticeValidationAndConflict(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		office := e.Office
		c := e.login("vanphong")
		for _, tc := range []struct {
			name, field, value, want string
		}{
			{"empty title", "title", "", "Trích yếu thông báo không được để trống"},
			{"impossible date", "issued_on", "30/02/2024", "Ngày ban hành"},
			{"non-UTF-8 section", "sec_body", "n\xffi dung", "không phải văn bản UTF-8 hợp lệ"},
			{"unknown meeting", "meeting_id", "999999", "Hội nghị không tồn tại"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				v := noticeValues(0)
				v.Set("meeting_id", "")
				v.Set("signer_name", "Người ký giữ nguyên")
				v.Set(tc.field, tc.value)
				code, body, _ := c.post("/notices", v)
				if code != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", code)
				}
				if tc.field == "sec_body" {
					// Refused by the input gate (httpx.ReadInput) before the form is read.
					wantIn(t, tc.name, body, tc.want)
				} else {
					wantIn(t, tc.name, body, tc.want, `value="Người ký giữ nguyên"`)
				}
				if _, total, _ := e.Service.Notices(ctx, office, store.NoticeFilter{}); total != 0 {
					t.Fatalf("%d notices saved after refused input", total)
				}
			})
		}

		// Issuing needs a signer: the page says so and nothing changes.
		n := &domain.Notice{Title: "Dự thảo chưa có người ký", Symbol: "TB-UBND"}
		apptest.Must(t, e.Service.CreateNotice(ctx, office, n))
		code, body, _ := c.post(fmt.Sprintf("/notices/%d/issue", n.ID), url.Values{"version": {strconv.Itoa(n.Version)}})
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, "Cần nhập số, ký hiệu, ngày ban hành và người ký") {
			t.Fatalf("issue incomplete draft: %d", code)
		}

		// Two people open the same draft; the second save is refused.
		v := noticeValues(0)
		v.Set("meeting_id", "")
		v.Set("version", strconv.Itoa(n.Version))
		if code, body, _ := c.post(fmt.Sprintf("/notices/%d", n.ID), v); code != http.StatusSeeOther {
			t.Fatalf("first save: %d\n%s", code, body)
		}
		v.Set("title", "Bản của người thứ hai")
		code, body, _ = c.post(fmt.Sprintf("/notices/%d", n.ID), v)
		if code != http.StatusConflict || !strings.Contains(body, "người khác sửa") || !strings.Contains(body, "Bản của người thứ hai") {
			t.Fatalf("stale notice save: %d, want 409 with the form and its input", code)
		}

		// Same for a meeting.
		m := &domain.Meeting{Title: "Giao ban quý I", Period: domain.PeriodQuarter, PeriodNo: 1, Date: domain.MustDate("2023-03-30")}
		apptest.Must(t, e.Service.CreateMeeting(ctx, office, m))
		mv := e.meetingValues()
		mv.Set("version", strconv.Itoa(m.Version))
		if code, body, _ := c.post(fmt.Sprintf("/meetings/%d", m.ID), mv); code != http.StatusSeeOther {
			t.Fatalf("first meeting save: %d\n%s", code, body)
		}
		mv.Set("title", "Tiêu đề của người thứ hai")
		code, body, _ = c.post(fmt.Sprintf("/meetings/%d", m.ID), mv)
		if code != http.StatusConflict || !strings.Contains(body, "người khác sửa") || !strings.Contains(body, "Tiêu đề của người thứ hai") {
			t.Fatalf("stale meeting save: %d, want 409", code)
		}
		if got, _ := e.Service.Meeting(ctx, office, m.ID); got.Title == "Tiêu đề của người thứ hai" {
			t.Fatal("a stale save overwrote the meeting")
		}
	})
}

func TestNoticeDateLine(t *testing.T) {
	for _, tc := range []struct{ day, want string }{
		{"2023-02-05", "Lâm Thao, ngày 05 tháng 02 năm 2023"},
		{"2023-01-31", "Lâm Thao, ngày 31 tháng 01 năm 2023"},
		{"2024-03-09", "Lâm Thao, ngày 09 tháng 3 năm 2024"},
		{"2024-10-01", "Lâm Thao, ngày 01 tháng 10 năm 2024"},
		{"2024-12-25", "Lâm Thao, ngày 25 tháng 12 năm 2024"},
	} {
		if got := dateLine("Lâm Thao", domain.MustDate(tc.day)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.day, got, tc.want)
		}
	}
	if got := dateLine("Lâm Thao", domain.Date{}); !strings.HasPrefix(got, "Lâm Thao, ngày") || strings.ContainsAny(got, "0123456789") {
		t.Errorf("undated draft: %q", got)
	}
}
