package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"giaoban/internal/app"
	"giaoban/internal/domain"
)

// TaskColumns are the task list's headers, in the order offices file them.
var TaskColumns = []string{"STT", "Nội dung nhiệm vụ", "Văn bản giao (số, ngày)", "Đơn vị chủ trì", "Đơn vị phối hợp",
	"Thời hạn", "Tình hình thực hiện", "Tình trạng", "Ghi chú"}

var taskWidths = []float64{6, 60, 18, 24, 24, 13, 45, 20, 26}

// TaskList is a task list to write: the tasks and the filters that chose them.
type TaskList struct {
	// Title is the sheet's heading ("Danh sách nhiệm vụ").
	Title string
	// Filters describe the filters in Vietnamese ("Tình trạng: Quá hạn").
	Filters []string
	*app.TaskExport
}

// WriteTasks writes the list as a workbook of one sheet: the organisation,
// the title, the export date and filters, then one row per task under a
// frozen header. When the list was cut at its limit, a line above and below
// the table says how many tasks were left out.
func WriteTasks(w io.Writer, l TaskList) error {
	if l.Title == "" {
		l.Title = "Danh sách nhiệm vụ"
	}
	f, st, err := newWorkbook(l.Title, l.Org)
	if err != nil {
		return err
	}
	defer f.Close()
	cols := make([]column, len(TaskColumns))
	for i, c := range TaskColumns {
		cols[i] = column{c, taskWidths[i]}
	}
	title := titleLines(l.Org, strings.ToUpper(l.Title), l.Today, l.Filters)
	capNote := ""
	if l.Capped() {
		capNote = fmt.Sprintf("Lưu ý: tệp chỉ gồm %d nhiệm vụ đầu tiên trong tổng số %d nhiệm vụ phù hợp; hãy lọc hẹp hơn để xuất đủ.",
			len(l.Tasks), l.Total)
		title = append(title, titleLine{lineSubtitle, capNote, 0})
	}
	t, err := newTable(f, st, "Nhiệm vụ", true, cols, title)
	if err != nil {
		return err
	}
	t.filter()
	for i, task := range l.Tasks {
		due := t.date(task.DueOn)
		if task.DueOn.IsZero() {
			due = t.centered(task.Deadline.Describe())
		}
		row := []any{t.num(i + 1), t.text(task.Text), t.centered(noticeRef(task.NoticeCode, task.NoticeDate)),
			t.text(task.Leads), t.text(task.Supports), due, t.text(progress(task)), t.text(task.Status.Label()), t.text(taskNote(task))}
		if err := t.add(row); err != nil {
			return err
		}
	}
	if len(l.Tasks) == 0 {
		if err := t.note("Không có nhiệm vụ nào phù hợp với bộ lọc."); err != nil {
			return err
		}
	} else if err := t.note(fmt.Sprintf("Cộng: %d nhiệm vụ (mỗi nhiệm vụ một dòng, dù có nhiều đơn vị chủ trì).", len(l.Tasks))); err != nil {
		return err
	}
	if capNote != "" {
		if err := t.note(capNote); err != nil {
			return err
		}
	}
	if err := t.flush(); err != nil {
		return err
	}
	return writeFile(f, w)
}

// noticeRef is "12/TB-UBND\nngày 15/02/2023"; "" for a task without a notice.
func noticeRef(code string, date domain.Date) string {
	switch {
	case code == "":
		return ""
	case date.IsZero():
		return code
	}
	return code + "\nngày " + date.VN()
}

// progress is the latest report with its percent and day, as the list shows it.
func progress(t app.ExportTask) string {
	p := t.Progress
	if p.Report == "" && p.ReportedAt.IsZero() {
		if t.Percent > 0 {
			return fmt.Sprintf("Tiến độ %d%%", t.Percent)
		}
		return "Chưa báo cáo"
	}
	head := fmt.Sprintf("Tiến độ %d%% (báo cáo ngày %s)", t.Percent, domain.DateOf(p.ReportedAt).VN())
	body := strings.TrimSpace(p.Report)
	if body == "" {
		return head
	}
	return body + "\n" + head
}

// taskNote is the remarks column: lateness, completion day, extensions, a
// deadline that is not a plain day, the key-task mark.
func taskNote(t app.ExportTask) string {
	var out []string
	switch t.Status {
	case domain.StatusOverdue:
		out = append(out, fmt.Sprintf("Quá hạn %d ngày", t.DaysOverdue))
	case domain.StatusDoneLate:
		out = append(out, fmt.Sprintf("Hoàn thành ngày %s, chậm %d ngày", t.DoneOn.VN(), t.DaysOverdue))
	case domain.StatusDoneOnTime:
		out = append(out, "Hoàn thành ngày "+t.DoneOn.VN())
	case domain.StatusDueSoon:
		out = append(out, "Sắp đến hạn")
	}
	if !t.ExtendedTo.IsZero() {
		out = append(out, "Đã gia hạn đến "+t.ExtendedTo.VN())
	}
	if !t.Progress.PendingDue.IsZero() {
		out = append(out, "Đang đề nghị gia hạn đến "+t.Progress.PendingDue.VN())
	}
	if k := t.Deadline.Kind; !t.DueOn.IsZero() && (k == domain.DeadlineRecurring || k == domain.DeadlineEvent) {
		out = append(out, "Thời hạn: "+t.Deadline.Describe())
	}
	if t.Key {
		out = append(out, "Nhiệm vụ trọng tâm")
	}
	return strings.Join(out, "\n")
}

// UnitColumns are the per-unit summary's headers, as the dashboard shows them.
var UnitColumns = []string{"STT", "Đơn vị", "Lượt giao chủ trì", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
	"Đang thực hiện trong hạn", "Quá hạn", "Cập nhật lần cuối"}

var unitWidths = []float64{6, 40, 11, 14, 14, 15, 11, 14}

// UnitSummary is the dashboard's per-unit table to write.
type UnitSummary struct {
	Org     domain.Org
	Today   domain.Date
	Filters []string
	Units   []app.UnitRow
	// Tasks is how many tasks the filter selects, and Unresolved how many of
	// them no unit leads yet (domain.Task.NeedsUnits), the only ones in no
	// row: the table's total counts lead assignments.
	Tasks, Unresolved int
}

// WriteUnits writes the per-lead-unit summary as a workbook of one sheet,
// with a totals line.
func WriteUnits(w io.Writer, s UnitSummary) error {
	const title = "Kết quả thực hiện nhiệm vụ theo đơn vị chủ trì"
	f, st, err := newWorkbook(title, s.Org)
	if err != nil {
		return err
	}
	defer f.Close()
	rows := make([]unitFigures, len(s.Units))
	for i, u := range s.Units {
		rows[i] = unitFigures{u.Name, u.Assigned, u.DoneOnTime, u.DoneLate, u.Open, u.Overdue, lastDay(u.LastUpdate.IsZero(), domain.DateOf(u.LastUpdate))}
	}
	note := fmt.Sprintf("Bảng đếm lượt giao đơn vị chủ trì: một nhiệm vụ do nhiều đơn vị cùng chủ trì được tính cho mỗi đơn vị. Tổng số nhiệm vụ theo bộ lọc: %d", s.Tasks)
	if s.Unresolved > 0 {
		note += fmt.Sprintf(", trong đó %d nhiệm vụ chưa có đơn vị chủ trì (giao cho nhóm chưa chia cho đơn vị, hoặc chưa xác định đơn vị) nên không có trong bảng", s.Unresolved)
	}
	if err := unitSheet(f, st, "Theo đơn vị", true, titleLines(s.Org, strings.ToUpper(title), s.Today, s.Filters), rows, nil, note+"."); err != nil {
		return err
	}
	return writeFile(f, w)
}

func lastDay(zero bool, d domain.Date) domain.Date {
	if zero {
		return domain.Date{}
	}
	return d
}

// unitFigures is one line of a per-unit table.
type unitFigures struct {
	name                                       string
	assigned, doneOnTime, doneLate, open, late int
	last                                       domain.Date
}

// unitSheet writes a per-unit table; total, when given, is its last line,
// else the columns are summed as lead assignments (a task with two lead
// units then counts twice, and the line says so); note, when given, follows.
func unitSheet(f *excelize.File, st *styles, sheet string, first bool, title []titleLine, rows []unitFigures, total *unitFigures, note string) error {
	cols := make([]column, len(UnitColumns))
	for i, c := range UnitColumns {
		cols[i] = column{c, unitWidths[i]}
	}
	t, err := newTable(f, st, sheet, first, cols, title)
	if err != nil {
		return err
	}
	t.filter()
	sum := unitFigures{name: "Cộng (lượt giao đơn vị chủ trì)"}
	for i, u := range rows {
		if err := t.add([]any{t.num(i + 1), t.text(u.name), t.num(u.assigned), t.num(u.doneOnTime), t.num(u.doneLate),
			t.num(u.open), t.num(u.late), t.date(u.last)}); err != nil {
			return err
		}
		sum.assigned += u.assigned
		sum.doneOnTime += u.doneOnTime
		sum.doneLate += u.doneLate
		sum.open += u.open
		sum.late += u.late
		if u.last.After(sum.last) {
			sum.last = u.last
		}
	}
	if total != nil {
		sum = *total
	}
	if len(rows) == 0 {
		if err := t.note("Chưa có nhiệm vụ nào theo bộ lọc này."); err != nil {
			return err
		}
		return t.flush()
	}
	n := func(v int) excelize.Cell { return excelize.Cell{StyleID: st.totalNumber, Value: v} }
	last := excelize.Cell{StyleID: st.totalNumber}
	t.endData()
	if !sum.last.IsZero() {
		last = excelize.Cell{StyleID: st.totalDate, Value: Serial(sum.last)}
	}
	if err := t.add([]any{excelize.Cell{StyleID: st.totalText}, excelize.Cell{StyleID: st.totalText, Value: sum.name},
		n(sum.assigned), n(sum.doneOnTime), n(sum.doneLate), n(sum.open), n(sum.late), last}); err != nil {
		return err
	}
	if note != "" {
		if err := t.note(note); err != nil {
			return err
		}
	}
	return t.flush()
}

// writeFile writes the finished workbook to w.
func writeFile(f *excelize.File, w io.Writer) error {
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}
