// Package export writes what offices take away from giaoban: task lists,
// per-unit summaries and the stocktake as Excel workbooks (.xlsx) laid out as
// they file them, and due days as iCalendar feeds (.ics) that calendar
// programs subscribe to. It renders data the service gathered and decides
// nothing about it.
package export

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"giaoban/internal/domain"
)

// MIMEXLSX is the media type of a .xlsx file.
const MIMEXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// DateFormat is the number format of every date cell: the day first, as
// Vietnamese offices write it.
const DateFormat = "dd/mm/yyyy"

// fontFamily is the font of administrative documents; Excel substitutes a
// metric-compatible one where it is missing.
const fontFamily = "Times New Roman"

// maxCellRunes keeps a cell under Excel's limit of 32,767 characters.
const maxCellRunes = 32000

// styles are the cell formats every workbook shares.
type styles struct {
	org, title, subtitle, header, group int
	text, center, date, number          int
	totalText, totalNumber, totalDate   int
	note                                int
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(bold, italic bool, size float64) *excelize.Font {
		return &excelize.Font{Family: fontFamily, Size: size, Bold: bold, Italic: italic}
	}
	top := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "top", WrapText: true}
	}
	dateFmt := DateFormat
	st := &styles{}
	defs := []struct {
		dst *int
		s   excelize.Style
	}{
		{&st.org, excelize.Style{Font: font(true, false, 12), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}},
		{&st.title, excelize.Style{Font: font(true, false, 14), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.subtitle, excelize.Style{Font: font(false, true, 12), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.header, excelize.Style{Font: font(true, false, 12), Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.group, excelize.Style{Font: font(true, false, 12), Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Alignment: top("left")}},
		{&st.text, excelize.Style{Font: font(false, false, 12), Border: border, Alignment: top("left")}},
		{&st.center, excelize.Style{Font: font(false, false, 12), Border: border, Alignment: top("center")}},
		{&st.date, excelize.Style{Font: font(false, false, 12), Border: border, Alignment: top("center"), CustomNumFmt: &dateFmt}},
		{&st.number, excelize.Style{Font: font(false, false, 12), Border: border, Alignment: top("center"), NumFmt: 1}},
		{&st.totalText, excelize.Style{Font: font(true, false, 12), Border: border, Alignment: top("left")}},
		{&st.totalNumber, excelize.Style{Font: font(true, false, 12), Border: border, Alignment: top("center"), NumFmt: 1}},
		{&st.totalDate, excelize.Style{Font: font(true, false, 12), Border: border, Alignment: top("center"), CustomNumFmt: &dateFmt}},
		{&st.note, excelize.Style{Font: font(false, true, 12), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return nil, fmt.Errorf("xlsx style: %w", err)
		}
		*d.dst = id
	}
	return st, nil
}

// column is one column of a table: its header and its width in characters.
type column struct {
	title string
	width float64
}

// table writes one sheet: the title lines merged across the columns, the
// header row, then rows, in stream mode so that 20,000 tasks stay cheap. The
// title lines and the header stay frozen while scrolling and repeat on every
// printed page.
type table struct {
	f     *excelize.File
	sheet string
	sw    *excelize.StreamWriter
	st    *styles
	cols  []column
	row   int
	// filterRow is the header row an autofilter starts at (0: none), and
	// dataEnd the last row it covers (0: up to the last row written).
	filterRow, dataEnd int
}

// newTable starts sheet (created unless it is the workbook's first, which is
// renamed) with the given title lines above the header.
func newTable(f *excelize.File, st *styles, sheet string, first bool, cols []column, title []titleLine) (*table, error) {
	if first {
		if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
			return nil, fmt.Errorf("xlsx sheet: %w", err)
		}
	} else if _, err := f.NewSheet(sheet); err != nil {
		return nil, fmt.Errorf("xlsx sheet: %w", err)
	}
	headerRow := len(title) + 1
	landscape, a4, one, zero := "landscape", 9, 1, 0
	fit := true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return nil, fmt.Errorf("xlsx page layout: %w", err)
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, fmt.Errorf("xlsx sheet props: %w", err)
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", sheet, headerRow)}); err != nil {
		return nil, fmt.Errorf("xlsx print titles: %w", err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, fmt.Errorf("xlsx stream: %w", err)
	}
	// Last column first: excelize puts each new column before the others, and
	// Excel wants them in ascending order.
	for i := len(cols) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, cols[i].width); err != nil {
			return nil, fmt.Errorf("xlsx column width: %w", err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", headerRow+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: fmt.Sprintf("A%d", headerRow+1), ActiveCell: fmt.Sprintf("A%d", headerRow+1), Pane: "bottomLeft"}}}); err != nil {
		return nil, fmt.Errorf("xlsx panes: %w", err)
	}
	t := &table{f: f, sheet: sheet, sw: sw, st: st, cols: cols}
	for _, l := range title {
		style := st.subtitle
		switch l.kind {
		case lineOrg:
			style = st.org
		case lineTitle:
			style = st.title
		}
		if err := t.merged(l.text, style, l.height); err != nil {
			return nil, err
		}
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: st.header, Value: c.title}
	}
	if err := t.add(header, excelize.RowOpts{Height: 33}); err != nil {
		return nil, err
	}
	return t, nil
}

// lineKind is the role of a title line.
type lineKind int

const (
	lineOrg      lineKind = iota // the organisation, bold, left
	lineTitle                    // the list's title, bold, centred
	lineSubtitle                 // the date and filters, italic
)

type titleLine struct {
	kind   lineKind
	text   string
	height float64 // 0: the default
}

// titleLines are the lines above a list's header: the organisation, the
// title and the export date with the filters that chose the rows.
func titleLines(org domain.Org, title string, today domain.Date, filters []string) []titleLine {
	sub := "Ngày xuất: " + today.VN()
	if len(filters) > 0 {
		sub += " · " + strings.Join(filters, "; ")
	}
	height := 0.0
	if utf8.RuneCountInString(sub) > 150 {
		height = 33
	}
	return []titleLine{{lineOrg, strings.ToUpper(org.Name), 0}, {lineTitle, title, 24}, {lineSubtitle, sub, height}}
}

// add writes the next row.
func (t *table) add(cells []any, opts ...excelize.RowOpts) error {
	t.row++
	if err := t.sw.SetRow(fmt.Sprintf("A%d", t.row), cells, opts...); err != nil {
		return fmt.Errorf("xlsx row %d: %w", t.row, err)
	}
	return nil
}

// merged writes a row of one text spanning every column.
func (t *table) merged(text string, style int, height float64) error {
	cells := make([]any, len(t.cols))
	cells[0] = excelize.Cell{StyleID: style, Value: clean(text)}
	for i := 1; i < len(cells); i++ {
		cells[i] = excelize.Cell{StyleID: style}
	}
	var opts []excelize.RowOpts
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: height})
	}
	if err := t.add(cells, opts...); err != nil {
		return err
	}
	if len(t.cols) > 1 {
		last, _ := excelize.CoordinatesToCellName(len(t.cols), t.row)
		if err := t.sw.MergeCell(fmt.Sprintf("A%d", t.row), last); err != nil {
			return fmt.Errorf("xlsx merge: %w", err)
		}
	}
	return nil
}

// filter gives the header row just written Excel's filter buttons, over the
// data rows that follow up to endData (or a note, or the last row).
func (t *table) filter() { t.filterRow = t.row }

// endData marks the last data row the filter covers: a totals line after it
// stays put when the list is sorted or filtered.
func (t *table) endData() {
	if t.filterRow > 0 && t.dataEnd == 0 {
		t.dataEnd = t.row
	}
}

// note writes a remark below the table, one blank row apart.
func (t *table) note(text string) error {
	t.endData()
	t.row++
	return t.merged(text, t.st.note, 0)
}

func (t *table) flush() error {
	if t.filterRow > 0 {
		end := t.dataEnd
		if end == 0 {
			end = t.row
		}
		last, err := excelize.CoordinatesToCellName(len(t.cols), max(end, t.filterRow+1))
		if err != nil {
			return fmt.Errorf("xlsx filter: %w", err)
		}
		if err := t.f.AutoFilter(t.sheet, fmt.Sprintf("A%d:%s", t.filterRow, last), nil); err != nil {
			return fmt.Errorf("xlsx filter: %w", err)
		}
		// AutoFilter replaces the sheet's properties: fit to the page again.
		fit := true
		if err := t.f.SetSheetProps(t.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
			return fmt.Errorf("xlsx sheet props: %w", err)
		}
	}
	if err := t.sw.Flush(); err != nil {
		return fmt.Errorf("xlsx flush: %w", err)
	}
	return nil
}

// text is a bordered, wrapped text cell.
func (t *table) text(s string) excelize.Cell {
	return excelize.Cell{StyleID: t.st.text, Value: clean(s)}
}

// centered is a bordered, centred text cell.
func (t *table) centered(s string) excelize.Cell {
	return excelize.Cell{StyleID: t.st.center, Value: clean(s)}
}

// num is a bordered whole number.
func (t *table) num(n int) excelize.Cell { return excelize.Cell{StyleID: t.st.number, Value: n} }

// date is a real Excel date (a serial day number shown dd/mm/yyyy), or an
// empty bordered cell for the zero Date.
func (t *table) date(d domain.Date) excelize.Cell {
	if d.IsZero() {
		return excelize.Cell{StyleID: t.st.center}
	}
	return excelize.Cell{StyleID: t.st.date, Value: Serial(d)}
}

// excelEpoch is day 0 of Excel's 1900 date system as it counts from March
// 1900 on (its phantom 29 February 1900 shifts earlier days by one).
var excelEpoch = domain.NewDate(1899, time.December, 30)

// Serial is the Excel serial number of day d (45000 is 15/03/2023), valid
// for days from 1 March 1900.
func Serial(d domain.Date) int { return d.Sub(excelEpoch) }

// clean makes s fit a cell: no control characters XML 1.0 refuses, line
// ends as "\n", at most maxCellRunes characters.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			return -1
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > maxCellRunes {
		s = string([]rune(s)[:maxCellRunes-1]) + "…"
	}
	return s
}

// newWorkbook starts a workbook with the shared styles and the document's
// properties.
func newWorkbook(title string, org domain.Org) (*excelize.File, *styles, error) {
	f := excelize.NewFile()
	if err := f.SetDefaultFont(fontFamily); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("xlsx font: %w", err)
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: title, Creator: org.Name, Language: "vi-VN"}); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("xlsx properties: %w", err)
	}
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}
