package docs

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// stocktakeData records a notice with an overdue, a late, an on-time and an
// open task through the service on SQLite, and gathers the stocktake.
func stocktakeData(t *testing.T) (domain.Org, *app.StocktakeData) {
	t.Helper()
	ctx := context.Background()
	a := apptest.New(t, store.SQLite, apptest.At(time.Date(2023, 2, 24, 9, 0, 0, 0, domain.Location)),
		apptest.WithOrg(domain.Org{Name: "UBND huyện Lâm Thao", Level: "huyện", Place: "Lâm Thao", Superior: "UBND tỉnh Phú Thọ"}))
	svc, admin, block, gd, yt, must := a.Service, a.Admin, a.Block, a.Unit1, a.Unit2, a.Must
	m := &domain.Meeting{Title: "Giao ban khối VH-XH", Period: domain.PeriodMonth, PeriodNo: 2, PeriodYear: 2023, Date: domain.MustDate("2023-02-22"), BlockID: block.ID}
	must(svc.CreateMeeting(ctx, admin, m))
	n := &domain.Notice{MeetingID: m.ID, Title: "Kết luận của Phó Chủ tịch UBND huyện tại Hội nghị giao ban khối Văn hóa - Xã hội", Number: "12",
		Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-02-23"), SignerName: "Ngô Đức Sáu"}
	must(svc.CreateNotice(ctx, admin, n))
	_, err := svc.IssueNotice(ctx, admin, n.ID, n.Version)
	must(err)
	task := func(text string, unit int64, due string) int64 {
		tk, err := svc.CreateTask(ctx, admin, app.TaskInput{NoticeID: n.ID, Text: text, Lead: []int64{unit},
			Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate(due)}})
		must(err)
		return tk.ID
	}
	overdue := task("Rà soát, đề xuất tu bổ các di tích xuống cấp", gd.ID, "2023-03-05")
	onTime := task("Ban hành hướng dẫn quản lý y tế cơ sở", yt.ID, "2023-03-15")
	late := task("Tham mưu kế hoạch công nhận lại trường chuẩn quốc gia", gd.ID, "2023-03-01")
	task("Tổng kết năm học 2022-2023", yt.ID, "2023-06-30")
	report := func(day string, id int64, body string, done bool) {
		d := domain.MustDate(day)
		a.Clock.Set(time.Date(d.Year, d.Month, d.Day, 9, 0, 0, 0, domain.Location))
		_, err := svc.AddReport(ctx, admin, id, app.ReportInput{Body: body, Completion: done})
		must(err)
	}
	report("2023-03-02", overdue, "Đang khảo sát hiện trạng các di tích", false)
	report("2023-03-08", late, "Đã trình kế hoạch", true)
	report("2023-03-10", onTime, "Đã ban hành Công văn số 210/YT", true)
	a.Clock.Set(time.Date(2023, 3, 20, 9, 0, 0, 0, domain.Location))
	data, err := svc.Stocktake(ctx, admin, block.ID, domain.MustDate("2023-01-01"))
	must(err)
	return a.Org, data
}

func TestStocktakeDOCX(t *testing.T) {
	org, data := stocktakeData(t)
	var buf bytes.Buffer
	if err := StocktakeDOCX(&buf, org, data); err != nil {
		t.Fatal(err)
	}
	parts := unzip(t, buf.Bytes())
	doc := string(parts["word/document.xml"])
	text := docxText(t, parts["word/document.xml"])
	for _, want := range []string{
		"BÁO CÁO", "Tình hình thực hiện kết luận tại hội nghị giao ban khối Văn hóa - Xã hội", "từ ngày 01/01/2023 đến ngày 20/03/2023",
		"Lâm Thao, ngày 20 tháng 3 năm 2023", "Số: …/BC-UBND",
		"đã giao 4 nhiệm vụ", "đã hoàn thành đúng hạn 1 nhiệm vụ, hoàn thành quá hạn 1 nhiệm vụ; đang thực hiện trong hạn 1 nhiệm vụ; quá hạn chưa hoàn thành 1 nhiệm vụ",
		"I. CÁC NHIỆM VỤ QUÁ HẠN", "1. Thông báo số 12/TB-UBND ngày 23/02/2023", "III. TỔNG HỢP THEO ĐƠN VỊ CHỦ TRÌ",
		"02/03/2023: Đang khảo sát hiện trạng các di tích", "Tổng số nhiệm vụ (mỗi nhiệm vụ tính một lần)", "Lượt giao chủ trì",
		"Các dòng theo đơn vị đếm lượt giao đơn vị chủ trì", "TM. ỦY BAN NHÂN DÂN",
	} {
		if !strings.Contains(text, want) && !strings.Contains(strings.ReplaceAll(text, "\n", " "), want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// The overdue list comes first, then the notice's table, then the totals.
	i, j, k := strings.Index(text, "I. CÁC NHIỆM VỤ QUÁ HẠN"), strings.Index(text, "II. TÌNH HÌNH"), strings.Index(text, "III. TỔNG HỢP")
	if !(i < j && j < k) {
		t.Errorf("sections out of order: %d %d %d", i, j, k)
	}
	overdue := text[i:j]
	if !strings.Contains(overdue, "Rà soát, đề xuất tu bổ") || strings.Contains(overdue, "Ban hành hướng dẫn") || !strings.Contains(overdue, "\n15\n") {
		t.Errorf("the overdue list should hold the one task 15 days late:\n%s", overdue)
	}
	// Three tables with borders and a repeated bold header row, plus the
	// letterhead and signature tables without borders.
	if n := strings.Count(doc, "<w:tbl>"); n != 5 {
		t.Errorf("%d tables, want 5", n)
	}
	if n := strings.Count(doc, `<w:insideV w:val="single"`); n != 3 {
		t.Errorf("%d bordered tables, want 3", n)
	}
	if n := strings.Count(doc, "<w:tblHeader/>"); n != 3 {
		t.Errorf("%d repeated header rows, want 3", n)
	}
	if !strings.Contains(doc, `<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t xml:space="preserve">Nhiệm vụ</w:t>`) {
		t.Error("the header cells are not bold")
	}
}

// TestLongRowsMayBreak: a table row of a few lines stays on one page, but a
// task with a long report may break across pages (under the repeated
// header) instead of leaving most of a page blank: 120 tasks used to take
// 29 pages with up to 107 mm left empty on some.
func TestLongRowsMayBreak(t *testing.T) {
	long := strings.Repeat("Đã tổ chức kiểm tra, rà soát hồ sơ của các trường và tổng hợp số liệu báo cáo Ủy ban nhân dân huyện. ", 30)
	tab := &Table{Columns: []Column{{Title: "TT", Weight: 6}, {Title: "Nhiệm vụ", Weight: 40}, {Title: "Báo cáo gần nhất", Weight: 30}},
		Rows: [][]string{{"1", "Rà soát hồ sơ", "Đang thực hiện"}, {"2", "Rà soát hồ sơ", long}}}
	w := bodyTable(tab, 108)
	if !w.Rows[0].Header || !w.Rows[0].CantSplit {
		t.Errorf("the header row is not a repeated, whole row")
	}
	if !w.Rows[1].CantSplit {
		t.Errorf("a one-line row may break across pages")
	}
	if w.Rows[2].CantSplit {
		t.Errorf("a %d-line row is kept whole", rowLines(tab.Rows[1], []int{800, 5000, 3800}, 108))
	}
}
