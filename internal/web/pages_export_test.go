package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/export"
	"giaoban/internal/store"
)

// exportFixture is the env with three tasks on 1 March 2023: one of unit 1
// due 15 March with a report (Serial 45000), one of unit 2 overdue since 20
// February, and one of unit 1 with unit 2 supporting, without a due day.
type exportFixture struct {
	*env
	open, late, undated *domain.Task
}

// Task texts, with the characters iCalendar and XML must escape.
const (
	textOpen = "Rà soát, sắp xếp mạng lưới trường lớp; báo cáo UBND huyện kết quả thực hiện \\ đề xuất phương án sáp nhập các điểm trường lẻ năm học 2023–2024"
	textLate = "Tổng hợp số liệu tiêm chủng mở rộng quý I/2023"
)

func newExportFixture(a *apptest.App, opt Options) *exportFixture {
	a.TB.Helper()
	e := serveWith(a, opt)
	f := &exportFixture{env: e}
	add := func(in app.TaskInput) *domain.Task {
		in.BlockID = e.Block.ID
		return e.Task(in)
	}
	f.open = add(app.TaskInput{Text: textOpen, Lead: []int64{e.Unit1.ID}, Deadline: dateDeadline("2023-03-15")})
	f.late = add(app.TaskInput{Text: textLate, Lead: []int64{e.Unit2.ID}, Deadline: dateDeadline("2023-02-20")})
	f.undated = add(app.TaskInput{Text: "Theo dõi, đôn đốc việc thực hiện chế độ báo cáo định kỳ", Lead: []int64{e.Unit1.ID}, Support: []int64{e.Unit2.ID}})
	_, err := e.Service.AddReport(context.Background(), e.Unit1User, f.open.ID, app.ReportInput{Body: "Đã rà soát 12/15 trường; đang lấy ý kiến Phòng Nội vụ", Percent: 60})
	e.Must(err)
	return f
}

// xlsxFrom opens a downloaded workbook, failing unless it is one.
func xlsxFrom(t *testing.T, resp *http.Response, data []byte) *excelize.File {
	t.Helper()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: status %d\n%.500s", resp.Request.URL, resp.StatusCode, data)
	}
	if ct := resp.Header.Get("Content-Type"); ct != export.MIMEXLSX {
		t.Fatalf("%s: Content-Type %q", resp.Request.URL, ct)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, ".xlsx") {
		t.Errorf("%s: Content-Disposition %q", resp.Request.URL, cd)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: not a workbook: %v", resp.Request.URL, err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// sheetRows reads every row of a sheet.
func sheetRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("rows of %q: %v (sheets: %v)", sheet, err, f.GetSheetList())
	}
	return rows
}

// rowWith returns the 1-based number of the first row whose column col
// contains s, or 0.
func rowWith(rows [][]string, col int, s string) int {
	for i, r := range rows {
		if col < len(r) && strings.Contains(r[col], s) {
			return i + 1
		}
	}
	return 0
}

// dataTexts lists the task texts (column B) below the header row.
func dataTexts(rows [][]string, header int) []string {
	var out []string
	for _, r := range rows[header:] {
		if len(r) > 1 && r[0] != "" {
			out = append(out, r[1])
		}
	}
	return out
}

// autoFilterOf is the range of sheet's autofilter, "" for none.
func autoFilterOf(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" && d.Scope == sheet {
			_, ref, _ := strings.Cut(d.RefersTo, "!")
			return strings.ReplaceAll(ref, "$", "")
		}
	}
	return ""
}

func TestTaskListExportXLSX(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		e := newExportFixture(a, Options{})
		office := e.login("vanphong")

		resp, data := office.getResp("/tasks/export.xlsx")
		f := xlsxFrom(t, resp, data)
		rows := sheetRows(t, f, "Nhiệm vụ")
		if got := rows[0][0]; got != "UBND HUYỆN THỬ NGHIỆM" {
			t.Errorf("A1 = %q, want the organisation", got)
		}
		if got := rows[1][0]; got != "DANH SÁCH NHIỆM VỤ" {
			t.Errorf("A2 = %q, want the title", got)
		}
		if !strings.Contains(rows[2][0], "Ngày xuất: 01/03/2023") {
			t.Errorf("A3 = %q, want the export date", rows[2][0])
		}
		if strings.Join(rows[3], "|") != strings.Join(export.TaskColumns, "|") {
			t.Fatalf("header row = %q", rows[3])
		}
		for i, want := range []string{"STT", "Nội dung nhiệm vụ", "Văn bản giao (số, ngày)", "Đơn vị chủ trì", "Đơn vị phối hợp",
			"Thời hạn", "Tình hình thực hiện", "Tình trạng", "Ghi chú"} {
			if rows[3][i] != want {
				t.Errorf("header %d = %q, want %q", i+1, rows[3][i], want)
			}
		}
		// The header row has Excel's filter buttons over the three tasks, and
		// the sheet still prints one page wide.
		if got := autoFilterOf(t, f, "Nhiệm vụ"); got != "A4:I7" {
			t.Errorf("autofilter = %q, want A4:I7", got)
		}
		props, err := f.GetSheetProps("Nhiệm vụ")
		apptest.Must(t, err)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("the sheet no longer fits the page's width")
		}
		panes, err := f.GetPanes("Nhiệm vụ")
		apptest.Must(t, err)
		if !panes.Freeze || panes.YSplit != 4 || panes.TopLeftCell != "A5" {
			t.Errorf("panes = %+v, want the four top rows frozen", panes)
		}
		if texts := dataTexts(rows, 4); len(texts) != 3 {
			t.Fatalf("office export lists %d tasks, want 3: %q", len(texts), texts)
		}
		// The overdue task comes first, as on the list; the open one carries
		// its report and a real date.
		if !strings.Contains(rows[4][1], textLate) || rows[4][7] != domain.StatusOverdue.Label() || !strings.Contains(rows[4][8], "Quá hạn 9 ngày") {
			t.Errorf("first row = %q, want the overdue task with its lateness", rows[4])
		}
		n := rowWith(rows, 1, "Rà soát, sắp xếp")
		if n == 0 {
			t.Fatalf("the Vietnamese task text is missing: %q", rows)
		}
		if rows[n-1][1] != textOpen {
			t.Errorf("task text = %q, want it intact", rows[n-1][1])
		}
		if rows[n-1][3] != "Phòng Giáo dục và Đào tạo" || !strings.Contains(rows[n-1][6], "Đã rà soát 12/15 trường") || !strings.Contains(rows[n-1][6], "60%") {
			t.Errorf("open task row = %q, want the lead unit and the latest report with its percent", rows[n-1])
		}
		cell := fmt.Sprintf("F%d", n)
		raw, err := f.GetCellValue("Nhiệm vụ", cell, excelize.Options{RawCellValue: true})
		apptest.Must(t, err)
		if raw != "45000" {
			t.Errorf("%s raw value = %q, want the Excel serial 45000 (15/03/2023)", cell, raw)
		}
		if shown, _ := f.GetCellValue("Nhiệm vụ", cell); shown != "15/03/2023" {
			t.Errorf("%s shows %q, want 15/03/2023", cell, shown)
		}
		sid, err := f.GetCellStyle("Nhiệm vụ", cell)
		apptest.Must(t, err)
		style, err := f.GetStyle(sid)
		apptest.Must(t, err)
		if style.CustomNumFmt == nil || *style.CustomNumFmt != "dd/mm/yyyy" {
			t.Errorf("%s number format = %v, want dd/mm/yyyy", cell, style.CustomNumFmt)
		}
		if style.Border == nil || len(style.Border) != 4 || style.Alignment == nil || !style.Alignment.WrapText {
			t.Errorf("%s style = %+v, want borders and wrapped text", cell, style)
		}
		hid, _ := f.GetCellStyle("Nhiệm vụ", "B4")
		if hs, _ := f.GetStyle(hid); hs == nil || hs.Font == nil || !hs.Font.Bold {
			t.Errorf("the header is not bold")
		}
		if w, _ := f.GetColWidth("Nhiệm vụ", "B"); w < 40 {
			t.Errorf("column B is %.0f wide, want room for the task text", w)
		}

		// The filters of the list page apply to the file.
		resp, data = office.getResp("/tasks/export.xlsx?status=overdue&sort=due")
		rows = sheetRows(t, xlsxFrom(t, resp, data), "Nhiệm vụ")
		if texts := dataTexts(rows, 4); len(texts) != 1 || texts[0] != textLate {
			t.Errorf("status=overdue export lists %q, want only the overdue task", texts)
		}
		if !strings.Contains(rows[2][0], "Tình trạng: Đang thực hiện quá hạn") {
			t.Errorf("subtitle %q does not state the filter", rows[2][0])
		}
		resp, data = office.getResp(fmt.Sprintf("/tasks/export.xlsx?unit=%d&lead=1", e.Unit2.ID))
		if texts := dataTexts(sheetRows(t, xlsxFrom(t, resp, data), "Nhiệm vụ"), 4); len(texts) != 1 || texts[0] != textLate {
			t.Errorf("unit 2 as lead lists %q, want only its overdue task", texts)
		}
		if code, body, _ := office.get("/tasks/export.xlsx?status=bogus"); code != http.StatusUnprocessableEntity || !strings.Contains(body, "không hợp lệ") {
			t.Errorf("bad filter: %d, want 422 with a message", code)
		}

		// The list page links to the file with its own filters.
		_, page, _ := office.get("/tasks?status=overdue&page=1")
		if !strings.Contains(page, `href="/tasks/export.xlsx?status=overdue&amp;"`) {
			t.Errorf("the task list's Xuất Excel link does not carry the filters")
		}

		// A unit user gets their unit's tasks only, whatever they ask for.
		unit := e.login("yte")
		for _, q := range []string{"", fmt.Sprintf("?unit=%d", e.Unit1.ID)} {
			resp, data = unit.getResp("/tasks/export.xlsx" + q)
			texts := dataTexts(sheetRows(t, xlsxFrom(t, resp, data), "Nhiệm vụ"), 4)
			for _, x := range texts {
				if strings.Contains(x, "Rà soát") {
					t.Errorf("unit 2's export%s holds unit 1's task %q", q, x)
				}
			}
			if q == "" && len(texts) != 2 {
				t.Errorf("unit 2's export lists %q, want its overdue task and the one it supports", texts)
			}
		}
		if code, _, loc := e.anon().get("/tasks/export.xlsx"); code != http.StatusSeeOther || !strings.HasPrefix(loc, "/login") {
			t.Errorf("anonymous export: %d → %q, want the login page", code, loc)
		}
	})
}

func TestTaskListExportCap(t *testing.T) {
	e := newExportFixture(apptest.New(t, store.SQLite), Options{})
	list, err := e.Service.ExportTasks(context.Background(), e.Leader, store.TaskFilter{Sort: store.SortCreated}, 2)
	apptest.Must(t, err)
	if !list.Capped() || len(list.Tasks) != 2 || list.Total != 3 {
		t.Fatalf("capped export: %d of %d, capped %v", len(list.Tasks), list.Total, list.Capped())
	}
	var buf bytes.Buffer
	apptest.Must(t, export.WriteTasks(&buf, export.TaskList{TaskExport: list}))
	f, err := excelize.OpenReader(&buf)
	apptest.Must(t, err)
	defer f.Close()
	rows := sheetRows(t, f, "Nhiệm vụ")
	want := "tệp chỉ gồm 2 nhiệm vụ đầu tiên trong tổng số 3"
	if !strings.Contains(rows[3][0], want) || !strings.Contains(rows[len(rows)-1][0], want) {
		t.Errorf("a capped file does not say so above and below the table: %q / %q", rows[3], rows[len(rows)-1])
	}
	if p, _ := f.GetPanes("Nhiệm vụ"); p.YSplit != 5 {
		t.Errorf("with the note line the frozen rows are %d, want 5", p.YSplit)
	}
}

func TestDashboardExportXLSX(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		e := newExportFixture(a, Options{})
		leader := e.login("lanhdao")
		_, page, _ := leader.get(fmt.Sprintf("/?block=%d", e.Block.ID))
		if !strings.Contains(page, fmt.Sprintf(`href="/dashboard/export.xlsx?block=%d&amp;"`, e.Block.ID)) {
			t.Errorf("the dashboard's Xuất Excel link does not carry the filters")
		}
		resp, data := leader.getResp(fmt.Sprintf("/dashboard/export.xlsx?block=%d&sort=name", e.Block.ID))
		f := xlsxFrom(t, resp, data)
		rows := sheetRows(t, f, "Theo đơn vị")
		if strings.Join(rows[3], "|") != strings.Join(export.UnitColumns, "|") {
			t.Fatalf("header row = %q", rows[3])
		}
		if !strings.Contains(rows[2][0], "Khối: Khối Văn hóa - Xã hội") {
			t.Errorf("subtitle %q does not state the block", rows[2][0])
		}
		// Sorted by name as asked: Giáo dục before Y tế, then the totals.
		// The total line says it counts lead assignments, and a note says how many tasks.
		if len(rows) != 9 || rows[4][1] != "Phòng Giáo dục và Đào tạo" || rows[5][1] != "Phòng Y tế" || rows[6][1] != "Cộng (lượt giao đơn vị chủ trì)" ||
			!strings.Contains(rows[8][0], "Tổng số nhiệm vụ theo bộ lọc: 3") {
			t.Fatalf("unit rows = %q", rows[4:])
		}
		if got := rows[4][2:7]; strings.Join(got, ",") != "2,0,0,2,0" {
			t.Errorf("Giáo dục figures = %q, want 2 assigned, 2 open", got)
		}
		if got := rows[5][2:7]; strings.Join(got, ",") != "1,0,0,0,1" {
			t.Errorf("Y tế figures = %q, want 1 assigned, 1 overdue", got)
		}
		if rows[4][7] != "01/03/2023" {
			t.Errorf("last update shows %q, want 01/03/2023", rows[4][7])
		}
		if p, _ := f.GetPanes("Theo đơn vị"); !p.Freeze || p.YSplit != 4 {
			t.Errorf("panes = %+v", p)
		}
		// The filter covers the units, not the totals line, which stays last.
		if got := autoFilterOf(t, f, "Theo đơn vị"); got != "A4:H6" {
			t.Errorf("autofilter = %q, want A4:H6 (the totals row outside)", got)
		}

		unit := e.login("gddt")
		resp, data = unit.getResp("/dashboard/export.xlsx")
		rows = sheetRows(t, xlsxFrom(t, resp, data), "Theo đơn vị")
		if len(rows) != 8 || rows[4][1] != "Phòng Giáo dục và Đào tạo" || rows[5][1] != "Cộng (lượt giao đơn vị chủ trì)" {
			t.Errorf("unit user's summary = %q, want their unit only", rows[4:])
		}
	})
}

func TestStocktakeExport(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		e := newExportFixture(a, Options{})
		ctx := context.Background()
		office := e.Office
		n := &domain.Notice{Number: "12", Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-02-05"), Title: "Kết luận của Phó Chủ tịch UBND tại Hội nghị giao ban",
			SignerAuthority: "KT. CHỦ TỊCH", SignerTitle: "PHÓ CHỦ TỊCH", SignerName: "Ngô Đức Sáu"}
		apptest.Must(t, e.Service.CreateNotice(ctx, office, n))
		_, err := e.Service.IssueNotice(ctx, office, n.ID, n.Version)
		apptest.Must(t, err)
		_, err = e.Service.CreateTask(ctx, office, app.TaskInput{NoticeID: n.ID, Text: "Kiểm tra công tác phòng chống dịch sốt xuất huyết",
			Lead: []int64{e.Unit2.ID}, Deadline: dateDeadline("2023-02-25")})
		apptest.Must(t, err)
		c := e.login("vanphong")
		code, page, _ := c.get("/reports/stocktake")
		if code != http.StatusOK || !strings.Contains(page, `formaction="/reports/stocktake.xlsx"`) || !strings.Contains(page, `value="2023-01-01"`) {
			t.Fatalf("stocktake form: %d", code)
		}
		resp, data := c.getResp("/reports/stocktake.xlsx?block=&since=2023-01-01")
		f := xlsxFrom(t, resp, data)
		if got := f.GetSheetList(); strings.Join(got, "|") != "Quá hạn|Theo thông báo|Theo đơn vị" {
			t.Fatalf("sheets = %q", got)
		}
		overdue := sheetRows(t, f, export.SheetOverdue)
		if rowWith(overdue, 1, "sốt xuất huyết") == 0 {
			t.Errorf("the overdue sheet lacks the overdue task: %q", overdue)
		}
		byNotice := sheetRows(t, f, export.SheetNotices)
		if rowWith(byNotice, 0, "Thông báo số 12/TB-UBND ngày 05/02/2023") == 0 {
			t.Errorf("the notice sheet lacks the notice heading: %q", byNotice)
		}
		units := sheetRows(t, f, export.SheetUnits)
		if r := rowWith(units, 1, "Phòng Y tế"); r == 0 || units[r-1][6] != "1" {
			t.Errorf("per-unit sheet = %q", units)
		}

		resp, data = c.getResp("/reports/stocktake.docx?since=05/02/2023")
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
			t.Fatalf("stocktake docx: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if doc := docxText(t, data); !strings.Contains(doc, "sốt xuất huyết") {
			t.Errorf("the stocktake .docx lacks the task")
		}
		// The signer's name typed on the form is printed under the signature.
		if !strings.Contains(page, `name="signer_name"`) {
			t.Errorf("the stocktake form has no signer's name")
		}
		_, data = c.getResp("/reports/stocktake.docx?since=05/02/2023&signer_title=PH%C3%93+CH%E1%BB%A6+T%E1%BB%8ACH&signer_authority=KT.+CH%E1%BB%A6+T%E1%BB%8ACH&signer_name=Ng%C3%B4+%C4%90%E1%BB%A9c+S%C3%A1u")
		if doc := docxText(t, data); !strings.Contains(doc, "Ngô Đức Sáu") || !strings.Contains(doc, "KT. CHỦ TỊCH") || !strings.Contains(doc, "PHÓ CHỦ TỊCH") {
			t.Errorf("the stocktake .docx lacks the signature typed on the form")
		}
		if strings.Join(byNotice[3], "|") != "STT|Nội dung nhiệm vụ|Đơn vị chủ trì|Thời hạn|Tình trạng|Tình hình thực hiện|Ghi chú" {
			t.Errorf("notice sheet header = %q", byNotice[3])
		}
		if code, body, _ := c.get("/reports/stocktake.xlsx?since=31/02/2023"); code != http.StatusUnprocessableEntity || !strings.Contains(body, "không có trên lịch") {
			t.Errorf("bad day: %d, want the form again with 422", code)
		}
	})
}

// docxText is the text of a .docx file's body (ooxmlText of
// word/document.xml), failing unless the file is well-formed.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	return ooxmlText(t, ".docx", data, "word/document.xml")
}

// issuedNotice creates notice 12/TB-UBND through the pages and returns its id.
func (e *env) issuedNotice(c *client) int64 {
	e.TB.Helper()
	code, body, loc := c.post("/meetings", e.meetingValues())
	if code != http.StatusSeeOther {
		e.TB.Fatalf("create meeting: %d\n%s", code, body)
	}
	code, body, loc = c.post("/notices", noticeValues(idFrom(e.TB, loc)))
	if code != http.StatusSeeOther {
		e.TB.Fatalf("create notice: %d\n%s", code, body)
	}
	return idFrom(e.TB, loc)
}

func TestNoticeDownloads(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		c := e.login("vanphong")
		id := e.issuedNotice(c)
		_, page, _ := c.get(fmt.Sprintf("/notices/%d", id))
		wantIn(t, "notice page", page, fmt.Sprintf(`href="/notices/%d/docx"`, id), fmt.Sprintf(`href="/notices/%d/pdf"`, id))

		resp, data := c.getResp(fmt.Sprintf("/notices/%d/docx", id))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("docx: %d", resp.StatusCode)
		}
		if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="TB-12-TB-UBND.docx"`) {
			t.Errorf("Content-Disposition = %q", cd)
		}
		if doc := docxText(t, data); !strings.Contains(doc, "Giao Phòng Giáo dục và Đào tạo chủ trì.") || !strings.Contains(doc, "THÔNG BÁO") {
			t.Errorf("the .docx lacks the notice's text")
		}
		if code, _, _ := c.get("/notices/99999/docx"); code != http.StatusNotFound {
			t.Errorf("unknown notice: %d, want 404", code)
		}

		// Without Chromium the PDF is refused with a clear message.
		noPDF := serveWith(e.App, Options{Chromium: filepath.Join(t.TempDir(), "no-chromium")})
		code, body, _ := noPDF.login("vanphong").get(fmt.Sprintf("/notices/%d/pdf", id))
		if code != http.StatusServiceUnavailable || !strings.Contains(body, "Chromium") || !strings.Contains(body, ".docx") {
			t.Errorf("PDF without Chromium: %d, want 503 with a Vietnamese message", code)
		}
	})
}

func TestNoticePDF(t *testing.T) {
	chromium := chromiumPath(t)
	if testing.Short() {
		t.Skip("prints with chromium")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	e := serveWith(apptest.New(t, store.SQLite), Options{Chromium: chromium})
	c := e.login("vanphong")
	id := e.issuedNotice(c)
	resp, data := c.getResp(fmt.Sprintf("/notices/%d/pdf", id))
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("pdf: %d %s\n%.300s", resp.StatusCode, resp.Header.Get("Content-Type"), data)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="TB-12-TB-UBND.pdf"`) {
		t.Errorf("Content-Disposition = %q", cd)
	}
	if text := pdfText(t, data); !strings.Contains(text, "Giao Phòng Giáo dục và Đào tạo chủ trì") {
		t.Errorf("the PDF lacks the notice's text:\n%s", text)
	}
}

// pdfText is the text pdftotext reads from a PDF.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	apptest.Must(t, os.WriteFile(path, data, 0o600))
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// --- iCalendar ---------------------------------------------------------------

// icalComponent is one parsed BEGIN…END block.
type icalComponent struct {
	name  string
	props map[string][]icalProp
	subs  []*icalComponent
}

type icalProp struct {
	params map[string]string
	value  string
}

func (c *icalComponent) get(name string) (icalProp, bool) {
	ps := c.props[name]
	if len(ps) == 0 {
		return icalProp{}, false
	}
	return ps[0], true
}

// parseICal is a small strict RFC 5545 reader: CRLF line ends only, physical
// lines of at most 75 octets that never split a UTF-8 character, folded lines
// unfolded, BEGIN/END properly nested, the required properties present, and
// DATE and DATE-TIME values well formed.
func parseICal(t *testing.T, data string) *icalComponent {
	t.Helper()
	if !strings.HasSuffix(data, "\r\n") {
		t.Fatal("the feed does not end with CRLF")
	}
	var logical []string
	for i, phys := range strings.Split(strings.TrimSuffix(data, "\r\n"), "\r\n") {
		if strings.ContainsAny(phys, "\r\n") {
			t.Fatalf("line %d holds a bare CR or LF: %q", i+1, phys)
		}
		if len(phys) > 75 {
			t.Fatalf("line %d is %d octets, over 75: %q", i+1, len(phys), phys)
		}
		if !utf8.ValidString(phys) {
			t.Fatalf("line %d splits a UTF-8 character: %q", i+1, phys)
		}
		if strings.HasPrefix(phys, " ") || strings.HasPrefix(phys, "\t") {
			if len(logical) == 0 {
				t.Fatal("the feed starts with a continuation line")
			}
			logical[len(logical)-1] += phys[1:]
			continue
		}
		logical = append(logical, phys)
	}
	var stack []*icalComponent
	var root *icalComponent
	for _, l := range logical {
		colon := strings.IndexByte(l, ':')
		if colon <= 0 {
			t.Fatalf("content line without a name: %q", l)
		}
		head, value := l[:colon], l[colon+1:]
		parts := strings.Split(head, ";")
		name := strings.ToUpper(parts[0])
		params := map[string]string{}
		for _, p := range parts[1:] {
			k, v, ok := strings.Cut(p, "=")
			if !ok {
				t.Fatalf("bad parameter %q in %q", p, l)
			}
			params[strings.ToUpper(k)] = v
		}
		switch name {
		case "BEGIN":
			c := &icalComponent{name: value, props: map[string][]icalProp{}}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.subs = append(top.subs, c)
			} else if root != nil {
				t.Fatalf("a second top-level component %q", value)
			} else {
				root = c
			}
			stack = append(stack, c)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1].name != value {
				t.Fatalf("END:%s does not close the open component", value)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				t.Fatalf("property %q outside any component", l)
			}
			top := stack[len(stack)-1]
			top.props[name] = append(top.props[name], icalProp{params, value})
		}
	}
	if len(stack) != 0 || root == nil || root.name != "VCALENDAR" {
		t.Fatalf("unbalanced or missing VCALENDAR")
	}
	for _, p := range []string{"VERSION", "PRODID"} {
		if _, ok := root.get(p); !ok {
			t.Fatalf("VCALENDAR lacks %s", p)
		}
	}
	if v, _ := root.get("VERSION"); v.value != "2.0" {
		t.Fatalf("VERSION = %q", v.value)
	}
	for _, ev := range root.subs {
		if ev.name != "VEVENT" {
			continue
		}
		for _, p := range []string{"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"} {
			if len(ev.props[p]) != 1 {
				t.Fatalf("VEVENT has %d %s", len(ev.props[p]), p)
			}
		}
		if _, err := time.Parse("20060102T150405Z", ev.props["DTSTAMP"][0].value); err != nil {
			t.Fatalf("DTSTAMP %q: %v", ev.props["DTSTAMP"][0].value, err)
		}
		start, end := ev.props["DTSTART"][0], ev.props["DTEND"][0]
		if start.params["VALUE"] != "DATE" || end.params["VALUE"] != "DATE" {
			t.Fatalf("DTSTART/DTEND are not DATE values: %+v %+v", start, end)
		}
		s, err1 := time.Parse("20060102", start.value)
		e, err2 := time.Parse("20060102", end.value)
		if err1 != nil || err2 != nil || s.Format("20060102") != start.value || !e.After(s) {
			t.Fatalf("bad dates %q → %q", start.value, end.value)
		}
	}
	return root
}

// unescape reads a TEXT value, refusing unknown escapes and bare separators.
func unescape(t *testing.T, v string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '\\':
			if i+1 == len(v) {
				t.Fatalf("dangling backslash in %q", v)
			}
			i++
			switch v[i] {
			case '\\', ';', ',':
				b.WriteByte(v[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				t.Fatalf("unknown escape \\%c in %q", v[i], v)
			}
		case ';', ',':
			t.Fatalf("unescaped %q in TEXT %q", c, v)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// events maps the feed's events by the task id in their URL.
func events(t *testing.T, cal *icalComponent) map[int64]*icalComponent {
	t.Helper()
	out := map[int64]*icalComponent{}
	re := regexp.MustCompile(`/tasks/(\d+)$`)
	for _, ev := range cal.subs {
		u, _ := ev.get("URL")
		m := re.FindStringSubmatch(u.value)
		if m == nil {
			t.Fatalf("event URL %q does not link to a task", u.value)
		}
		id, _ := strconv.ParseInt(m[1], 10, 64)
		out[id] = ev
	}
	return out
}

var calURL = regexp.MustCompile(`https?://[^/\s<"]+(/cal/cal_[A-Za-z0-9_-]+\.ics)`)

// newCalendarLink creates a link on /account/calendars and returns its path.
func newCalendarLink(t *testing.T, c *client, form url.Values) string {
	t.Helper()
	code, body, _ := c.post("/account/calendars", form)
	m := calURL.FindStringSubmatch(body)
	if code != http.StatusOK || m == nil {
		t.Fatalf("create calendar link: %d, URL shown: %v", code, m)
	}
	return m[1]
}

func TestCalendarFeed(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		e := newExportFixture(a, Options{})
		_, page, _ := e.login("xem").get("/account")
		wantIn(t, "account page", page, `href="/account/calendars"`)

		office := e.login("vanphong")
		path := newCalendarLink(t, office, url.Values{"name": {"Lịch của Văn phòng"}, "unit": {strconv.FormatInt(e.Unit1.ID, 10)}})
		anon := e.anon()
		resp, data := anon.getResp(path)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/calendar; charset=utf-8" {
			t.Fatalf("feed: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		cal := parseICal(t, string(data))
		if n, _ := cal.get("X-WR-CALNAME"); !strings.Contains(unescape(t, n.value), "Phòng Giáo dục và Đào tạo") {
			t.Errorf("calendar name %q does not name the unit", n.value)
		}
		evs := events(t, cal)
		if len(evs) != 1 || evs[e.open.ID] == nil {
			t.Fatalf("unit 1's feed has %d events, want its one task with a due day", len(evs))
		}
		ev := evs[e.open.ID]
		if s, _ := ev.get("DTSTART"); s.value != "20230315" {
			t.Errorf("DTSTART = %q, want 20230315", s.value)
		}
		if s, _ := ev.get("DTEND"); s.value != "20230316" {
			t.Errorf("DTEND = %q, want the next day", s.value)
		}
		sum, _ := ev.get("SUMMARY")
		if got := unescape(t, sum.value); !strings.HasPrefix(got, "Rà soát, sắp xếp mạng lưới trường lớp; báo cáo") {
			t.Errorf("SUMMARY = %q", got)
		}
		desc, _ := ev.get("DESCRIPTION")
		if got := unescape(t, desc.value); !strings.HasPrefix(got, textOpen+"\n") || !strings.Contains(got, "Đơn vị chủ trì: Phòng Giáo dục và Đào tạo") ||
			!strings.Contains(got, "Đã rà soát 12/15 trường") {
			t.Errorf("DESCRIPTION = %q, want the whole task, its lead unit and its report", got)
		}
		uid, _ := ev.get("UID")
		if u, _ := ev.get("URL"); u.value != e.srv.URL+fmt.Sprintf("/tasks/%d", e.open.ID) {
			t.Errorf("URL = %q", u.value)
		}

		// The leader's link without a unit holds every dated task; the overdue
		// one says so first; UIDs stay the same from one fetch to the next.
		e.Clock.Advance(2 * time.Hour)
		all := events(t, fetchICal(t, anon, newCalendarLink(t, e.login("lanhdao"), url.Values{})))
		if len(all) != 2 {
			t.Fatalf("the leader's feed has %d events, want 2", len(all))
		}
		if s, _ := all[e.late.ID].get("SUMMARY"); !strings.HasPrefix(unescape(t, s.value), "[QUÁ HẠN 9 ngày] "+textLate) {
			t.Errorf("overdue SUMMARY = %q", s.value)
		}
		if u, _ := all[e.open.ID].get("UID"); u.value != uid.value {
			t.Errorf("UID changed between feeds: %q, %q", uid.value, u.value)
		}

		// A unit user's link shows their unit's tasks even if they ask for another.
		yte := e.login("yte")
		ytePath := newCalendarLink(t, yte, url.Values{"unit": {strconv.FormatInt(e.Unit1.ID, 10)}})
		if evs := events(t, fetchICal(t, anon, ytePath)); len(evs) != 1 || evs[e.late.ID] == nil {
			t.Errorf("unit 2's feed has %d events, want its overdue task only", len(evs))
		}

		// Revoking: only the owner may, and the feed is gone.
		_, page, _ = office.get("/account/calendars")
		m := regexp.MustCompile(`action="/account/calendars/(\d+)/revoke"`).FindStringSubmatch(page)
		if m == nil || !strings.Contains(page, "Lịch của Văn phòng") {
			t.Fatalf("the calendar page does not list the link with a revoke button")
		}
		if code, _, _ := yte.post("/account/calendars/"+m[1]+"/revoke", nil); code != http.StatusNotFound {
			t.Errorf("another user revoking the link: %d, want 404", code)
		}
		if code, _, _ := office.post("/account/calendars/"+m[1]+"/revoke", nil); code != http.StatusSeeOther {
			t.Fatalf("revoke: %d", code)
		}
		if resp, _ := anon.getResp(path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("revoked feed: %d, want 404", resp.StatusCode)
		}
		for _, p := range []string{"/cal/cal_khongtontai.ics", "/cal/" + strings.TrimSuffix(strings.TrimPrefix(path, "/cal/"), ".ics")} {
			if resp, _ := anon.getResp(p); resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", p, resp.StatusCode)
			}
		}
		if resp, _ := anon.getResp(ytePath); resp.StatusCode != http.StatusOK {
			t.Errorf("revoking one link closed another: %d", resp.StatusCode)
		}
	})
}

// fetchICal fetches and parses a feed.
func fetchICal(t *testing.T, c *client, path string) *icalComponent {
	t.Helper()
	resp, data := c.getResp(path)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d", path, resp.StatusCode)
	}
	return parseICal(t, string(data))
}

// --- Browser -----------------------------------------------------------------

// clickDownload clicks sel on the current page and waits for the download it
// starts; it returns the name the server gave the file and its content.
func clickDownload(t *testing.T, ctx context.Context, dir, sel string) (string, []byte) {
	t.Helper()
	dctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	begin := chromedp.Events(dctx, browser.DownloadWillBegin)
	progress := chromedp.Events(dctx, browser.DownloadProgress)
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(sel)), chromedp.Click(chromedp.CSS(sel))); err != nil {
		t.Fatalf("click %s: %v", sel, err)
	}
	var guid, name string
	for ev, err := range begin {
		if err != nil {
			t.Fatalf("%s started no download: %v", sel, err)
		}
		guid, name = ev.GUID, ev.SuggestedFilename
		break
	}
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download of %s: %v", sel, err)
		}
		if ev.GUID != guid {
			continue
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatalf("download of %s was cancelled", sel)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			break
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, guid))
	if err != nil {
		t.Fatalf("downloaded file of %s: %v", sel, err)
	}
	return name, data
}

// TestBrowserExportLinks clicks every download link a user sees — the task
// list's and the dashboard's Xuất Excel, the stocktake form's two buttons,
// a notice's Word and PDF links — and opens each file.
func TestBrowserExportLinks(t *testing.T) {
	ctx := newBrowser(t)
	e := newExportFixture(apptest.New(t, store.SQLite), Options{Chromium: chromiumPath(t)})
	noticeID := e.issuedNotice(e.login("vanphong"))
	dir := t.TempDir()
	if err := chromedp.Do(ctx, browserLogin(e.srv.URL, "vanphong")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: new(true)}); err != nil {
		t.Fatalf("allow downloads: %v", err)
	}
	open := func(name string, data []byte) *excelize.File {
		t.Helper()
		if !strings.HasSuffix(name, ".xlsx") {
			t.Fatalf("downloaded %q, want a .xlsx", name)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s is not a workbook: %v", name, err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}

	// The task list filtered to overdue tasks exports just those.
	if err := chromedp.Do(ctx, chromedp.Navigate(e.srv.URL+"/tasks?status=overdue")); err != nil {
		t.Fatal(err)
	}
	name, data := clickDownload(t, ctx, dir, "#export-tasks")
	if texts := dataTexts(sheetRows(t, open(name, data), "Nhiệm vụ"), 4); len(texts) != 1 || texts[0] != textLate {
		t.Errorf("the list's export holds %q, want the overdue task only", texts)
	}

	// The dashboard's per-unit table.
	if err := chromedp.Do(ctx, chromedp.Navigate(e.srv.URL+"/?sort=name")); err != nil {
		t.Fatal(err)
	}
	name, data = clickDownload(t, ctx, dir, "#export-units")
	if rows := sheetRows(t, open(name, data), "Theo đơn vị"); len(rows) < 6 || rows[4][1] != "Phòng Giáo dục và Đào tạo" {
		t.Errorf("the dashboard's export = %q", rows)
	}

	// The stocktake form, reached from the dashboard, in both formats.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`a[href="/reports/stocktake"]`)), chromedp.WaitVisible(chromedp.CSS(`input[name=since]`))); err != nil {
		t.Fatal(err)
	}
	name, data = clickDownload(t, ctx, dir, `button[formaction="/reports/stocktake.xlsx"]`)
	if got := open(name, data).GetSheetList(); len(got) != 3 {
		t.Errorf("the stocktake workbook has sheets %q", got)
	}
	name, data = clickDownload(t, ctx, dir, `form[action="/reports/stocktake.docx"] button:not([formaction])`)
	if !strings.HasSuffix(name, ".docx") || !strings.Contains(docxText(t, data), "BÁO CÁO") {
		t.Errorf("the stocktake download %q is not the report", name)
	}

	// A notice in Word and in PDF.
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%s/notices/%d", e.srv.URL, noticeID))); err != nil {
		t.Fatal(err)
	}
	name, data = clickDownload(t, ctx, dir, "#notice-docx")
	if name != "TB-12-TB-UBND.docx" || !strings.Contains(docxText(t, data), "Giao Phòng Giáo dục và Đào tạo chủ trì.") {
		t.Errorf("the notice's Word file %q lacks its text", name)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	name, data = clickDownload(t, ctx, dir, "#notice-pdf")
	if name != "TB-12-TB-UBND.pdf" || !strings.Contains(pdfText(t, data), "Giao Phòng Giáo dục và Đào tạo chủ trì") {
		t.Errorf("the notice's PDF %q lacks its text", name)
	}
}
