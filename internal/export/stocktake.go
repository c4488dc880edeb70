package export

import (
	"fmt"
	"io"
	"strings"

	"giaoban/internal/app"
)

// Stocktake sheet names, one a part of the report.
const (
	SheetOverdue  = "Quá hạn"
	SheetNotices  = "Theo thông báo"
	SheetUnits    = "Theo đơn vị"
	stocktakeName = "Báo cáo tình hình thực hiện kết luận"
)

// WriteStocktake writes the stocktake report as a workbook of three sheets:
// the overdue tasks, the tasks by notice, and the totals per lead unit.
func WriteStocktake(w io.Writer, d *app.StocktakeData) error {
	f, st, err := newWorkbook(stocktakeName, d.Org)
	if err != nil {
		return err
	}
	defer f.Close()
	var filters []string
	if d.Block != "" {
		filters = append(filters, "Khối: "+d.Block)
	}
	if !d.Since.IsZero() {
		filters = append(filters, "Thông báo ban hành từ ngày "+d.Since.VN())
	}
	heading := func(part string) []titleLine {
		return titleLines(d.Org, strings.ToUpper(stocktakeName)+"\n"+part, d.Today, filters)
	}
	withHeight := func(ls []titleLine) []titleLine {
		for i := range ls {
			if ls[i].kind == lineTitle {
				ls[i].height = 40
			}
		}
		return ls
	}

	// The overdue tasks, most overdue first.
	t, err := newTable(f, st, SheetOverdue, true, []column{{"STT", 6}, {"Nội dung nhiệm vụ", 60}, {"Văn bản giao", 16},
		{"Đơn vị chủ trì", 26}, {"Thời hạn", 13}, {"Số ngày quá hạn", 11}, {"Tình hình thực hiện", 45}},
		withHeight(heading("Phần 1. Các nhiệm vụ quá hạn")))
	if err != nil {
		return err
	}
	t.filter()
	for i, task := range d.Overdue {
		if err := t.add([]any{t.num(i + 1), t.text(task.Text), t.centered(task.NoticeCode), t.text(task.Lead), t.date(task.Due),
			t.num(task.DaysOverdue), t.text(lastReport(task))}); err != nil {
			return err
		}
	}
	if len(d.Overdue) == 0 {
		if err := t.note("Không có nhiệm vụ quá hạn."); err != nil {
			return err
		}
	}
	if err := t.flush(); err != nil {
		return err
	}

	// Every task, grouped under its notice.
	t, err = newTable(f, st, SheetNotices, false, []column{{"STT", 6}, {"Nội dung nhiệm vụ", 60}, {"Đơn vị chủ trì", 26},
		{"Thời hạn", 13}, {"Tình trạng", 20}, {"Tình hình thực hiện", 45}, {"Ghi chú", 20}},
		withHeight(heading("Phần 2. Tình hình thực hiện theo từng thông báo")))
	if err != nil {
		return err
	}
	for _, n := range d.Notices {
		head := "Thông báo số " + n.Code
		if !n.IssuedOn.IsZero() {
			head += " ngày " + n.IssuedOn.VN()
		}
		if n.Title != "" {
			head += ": " + n.Title
		}
		if err := t.merged(head, st.group, 0); err != nil {
			return err
		}
		for i, task := range n.Tasks {
			due := t.date(task.Due)
			if task.Due.IsZero() {
				due = t.centered(task.Deadline)
			}
			note := ""
			if task.DaysOverdue > 0 {
				note = fmt.Sprintf("Chậm %d ngày", task.DaysOverdue)
			}
			if task.Deadline != "" && !task.Due.IsZero() {
				note = strings.TrimPrefix(note+"\nThời hạn: "+task.Deadline, "\n")
			}
			if err := t.add([]any{t.num(i + 1), t.text(task.Text), t.text(task.Lead), due, t.text(task.Status.Label()),
				t.text(lastReport(task)), t.text(note)}); err != nil {
				return err
			}
		}
	}
	if len(d.Notices) == 0 {
		if err := t.note("Không có thông báo kết luận nào trong khoảng thời gian này."); err != nil {
			return err
		}
	}
	if err := t.flush(); err != nil {
		return err
	}

	// Totals per lead unit; the last line counts each task once.
	rows := make([]unitFigures, len(d.Units))
	for i, u := range d.Units {
		rows[i] = unitFigures{u.Name, u.Assigned, u.DoneOnTime, u.DoneLate, u.Open, u.Overdue, u.LastUpdate}
	}
	tot := d.Total
	total := &unitFigures{"Tổng số nhiệm vụ (mỗi nhiệm vụ tính một lần)", tot.Assigned, tot.DoneOnTime, tot.DoneLate, tot.Open, tot.Overdue, tot.LastUpdate}
	if err := unitSheet(f, st, SheetUnits, false, withHeight(heading("Phần 3. Tổng hợp theo đơn vị chủ trì")), rows, total,
		app.StocktakeCountNote(d)); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return writeFile(f, w)
}

// lastReport is the task's latest report with its day, or "Chưa báo cáo".
func lastReport(t app.StocktakeTask) string {
	if t.LastReport == "" {
		return "Chưa báo cáo"
	}
	if t.LastReportOn.IsZero() {
		return t.LastReport
	}
	return t.LastReport + "\n(báo cáo ngày " + t.LastReportOn.VN() + ")"
}
