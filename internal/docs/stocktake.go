package docs

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"giaoban/internal/app"
	"giaoban/internal/domain"
)

// ReportType is the document type of a report.
const ReportType = "BÁO CÁO"

// Stocktake lays out the stocktake report (báo cáo tình hình thực hiện kết
// luận) of org as a BÁO CÁO: an opening paragraph with the figures, the
// overdue tasks, a table per notice and the totals per lead unit. It is
// signed TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH with the name left to be written at
// signing; set Signature and Recipients on the result to change them.
func Stocktake(org domain.Org, data *app.StocktakeData) Document {
	period := "từ ngày " + data.Since.VN() + " đến ngày " + data.Today.VN()
	if data.Since.IsZero() {
		period = "đến ngày " + data.Today.VN()
	}
	scope := "các hội nghị giao ban"
	if data.Block != "" {
		scope = "hội nghị giao ban " + lowerFirst(data.Block)
	}
	d := Document{
		Superior: org.Superior, Issuer: IssuerName(org.Name), Symbol: "BC-UBND", Place: org.Place, Date: data.Today,
		Type:       ReportType,
		Summary:    "Tình hình thực hiện kết luận tại " + scope + "\n" + period,
		Recipients: []string{"Thường trực HĐND (b/c)", "Chủ tịch, các Phó Chủ tịch UBND", "Các cơ quan, đơn vị được giao nhiệm vụ", "Lưu: VT"},
		Signature:  Signature{Authority: "TM. ỦY BAN NHÂN DÂN", Title: "CHỦ TỊCH"},
	}
	t := data.Total
	d.Body = append(d.Body,
		Para(fmt.Sprintf("%s %d thông báo kết luận tại %s đã giao %d nhiệm vụ. Đến ngày %s, đã hoàn thành đúng hạn %d nhiệm vụ, hoàn thành quá hạn %d nhiệm vụ; đang thực hiện trong hạn %d nhiệm vụ; quá hạn chưa hoàn thành %d nhiệm vụ.",
			upperFirst(period)+",", len(data.Notices), scope, t.Assigned, data.Today.VN(), t.DoneOnTime, t.DoneLate, t.Open, t.Overdue)),
		Para(IssuerName(org.Name)+" báo cáo tình hình thực hiện cụ thể như sau:"),
		Head("I. CÁC NHIỆM VỤ QUÁ HẠN"),
	)
	if len(data.Overdue) == 0 {
		d.Body = append(d.Body, Para("Không có nhiệm vụ quá hạn."))
	} else {
		tab := &Table{Columns: []Column{{Title: "TT", Weight: 6, Center: true}, {Title: "Nhiệm vụ", Weight: 32}, {Title: "Thông báo", Weight: 12, Center: true},
			{Title: "Đơn vị chủ trì", Weight: 15}, {Title: "Thời hạn", Weight: 15, Center: true}, {Title: "Số ngày quá hạn", Weight: 9, Center: true},
			{Title: "Báo cáo gần nhất", Weight: 20}}}
		for i, task := range data.Overdue {
			tab.Rows = append(tab.Rows, []string{strconv.Itoa(i + 1), task.Text, task.NoticeCode, task.Lead, deadline(task),
				strconv.Itoa(task.DaysOverdue), lastReport(task)})
		}
		d.Body = append(d.Body, Tab(tab))
	}

	d.Body = append(d.Body, Head("II. TÌNH HÌNH THỰC HIỆN THEO TỪNG THÔNG BÁO"))
	if len(data.Notices) == 0 {
		d.Body = append(d.Body, Para("Không có thông báo kết luận nào trong thời gian báo cáo."))
	}
	for i, n := range data.Notices {
		d.Body = append(d.Body, Head(fmt.Sprintf("%d. Thông báo số %s ngày %s: %s", i+1, n.Code, n.IssuedOn.VN(), n.Title)))
		tab := &Table{Columns: []Column{{Title: "TT", Weight: 6, Center: true}, {Title: "Nhiệm vụ", Weight: 34}, {Title: "Đơn vị chủ trì", Weight: 15},
			{Title: "Thời hạn", Weight: 15, Center: true}, {Title: "Tình trạng", Weight: 13, Center: true}, {Title: "Báo cáo gần nhất", Weight: 20}}}
		for j, task := range n.Tasks {
			status := task.Status.Label()
			if task.DaysOverdue > 0 && task.Status == domain.StatusOverdue {
				status += fmt.Sprintf(" (%d ngày)", task.DaysOverdue)
			}
			tab.Rows = append(tab.Rows, []string{strconv.Itoa(j + 1), task.Text, task.Lead, deadline(task), status, lastReport(task)})
		}
		d.Body = append(d.Body, Tab(tab))
	}

	d.Body = append(d.Body, Head("III. TỔNG HỢP THEO ĐƠN VỊ CHỦ TRÌ"))
	tab := &Table{Columns: []Column{{Title: "TT", Weight: 6, Center: true}, {Title: "Đơn vị", Weight: 24}, {Title: "Lượt giao chủ trì", Weight: 9, Center: true},
		{Title: "Hoàn thành đúng hạn", Weight: 11, Center: true}, {Title: "Hoàn thành quá hạn", Weight: 11, Center: true},
		{Title: "Đang thực hiện trong hạn", Weight: 11, Center: true}, {Title: "Quá hạn", Weight: 9, Center: true}, {Title: "Cập nhật gần nhất", Weight: 16, Center: true}}}
	for i, u := range data.Units {
		tab.Rows = append(tab.Rows, unitRow(strconv.Itoa(i+1), u))
	}
	t.Name = "Tổng số nhiệm vụ (mỗi nhiệm vụ tính một lần)"
	tab.Total = unitRow("", t)
	d.Body = append(d.Body, Tab(tab), Para(app.StocktakeCountNote(data)),
		Para("Trên đây là báo cáo tình hình thực hiện kết luận tại "+scope+" "+period+"./."))
	return d
}

// StocktakeDOCX writes the stocktake report of org as a .docx file.
func StocktakeDOCX(w io.Writer, org domain.Org, data *app.StocktakeData) error {
	return WriteDOCX(w, Stocktake(org, data))
}

func unitRow(n string, u app.StocktakeUnit) []string {
	return []string{n, u.Name, strconv.Itoa(u.Assigned), strconv.Itoa(u.DoneOnTime), strconv.Itoa(u.DoneLate),
		strconv.Itoa(u.Open), strconv.Itoa(u.Overdue), u.LastUpdate.VN()}
}

// deadline is the due day, or the deadline's wording when it has none.
func deadline(t app.StocktakeTask) string {
	if t.Deadline != "" {
		return t.Deadline
	}
	return t.Due.VN()
}

func lastReport(t app.StocktakeTask) string {
	if t.LastReport == "" {
		return "Chưa báo cáo"
	}
	return t.LastReportOn.VN() + ": " + t.LastReport
}

// upperFirst raises the first letter: "từ ngày ..." → "Từ ngày ...".
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToUpper(string(r)) + s[n:]
}
