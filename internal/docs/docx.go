package docs

import (
	"archive/zip"
	"bytes"
	"embed"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strings"
	"text/template"
	"time"
)

//go:embed templates/docx/*.xml
var docxFS embed.FS

var docxTmpl = template.Must(template.New("").Funcs(template.FuncMap{"x": xmlText}).ParseFS(docxFS, "templates/docx/*.xml"))

// xmlText escapes s for XML text and attributes; characters XML forbids
// become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// MIMEDOCX is the media type of a .docx file.
const MIMEDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// Lengths in WordprocessingML units.
func twips(pt float64) int   { return int(math.Round(pt * 20)) }
func mmTwips(mm float64) int { return twips(mm * mmToPt) }
func halfPt(pt float64) int  { return int(math.Round(pt * 2)) }

// The WordprocessingML view of a laid-out document: paragraphs, runs and
// tables with every property decided, so the templates only spell XML.
type (
	wRun struct {
		Text         string
		Bold, Italic bool
		HalfPt       int
		Break        bool // a line break before the text
	}
	wPara struct {
		Style                  string
		Align                  string // both, center, left
		FirstLine, Left, Right int    // twips
		Before, After          int    // twips
		Line                   int    // 240ths of a line ("auto" rule)
		Exact                  int    // exact line height in twips, for rules
		KeepNext, RuleTop      bool
		KeepLines              bool
		MarkHalfPt             int
		Runs                   []wRun
	}
	wCell struct {
		Width  int
		Center bool // vertical centring
		Paras  []wPara
	}
	wRow struct {
		Header, CantSplit bool
		Cells             []wCell
	}
	wTable struct {
		Width, Pad int
		Borders    bool
		Grid       []int
		Rows       []wRow
	}
	wBlock struct {
		P *wPara
		T *wTable
	}
	wPage struct{ Width, Height, Top, Right, Bottom, Left, Header int }
)

// WriteDOCX writes d as a .docx file laid out as Decree 30/2020/NĐ-CP
// prescribes: A4, the decree's margins, Times New Roman, the two-column
// letterhead, page numbers centred at the top from page 2. Only w's errors
// are returned.
func WriteDOCX(w io.Writer, d Document) error {
	l := layout(d)
	body := docxBody(l)
	parts := []struct {
		name, tmpl string
		data       any
	}{
		{"[Content_Types].xml", "content_types.xml", nil},
		{"_rels/.rels", "rels.xml", nil},
		{"docProps/core.xml", "core.xml", map[string]string{"Title": strings.TrimSpace(l.Type + " " + strings.Join(l.Summary, " ")), "Creator": "giaoban"}},
		{"docProps/app.xml", "app.xml", nil},
		{"word/_rels/document.xml.rels", "document_rels.xml", nil},
		{"word/document.xml", "document.xml", body},
		{"word/styles.xml", "styles.xml", styleData()},
		{"word/settings.xml", "settings.xml", styleData()},
		{"word/header1.xml", "header_page.xml", nil},
		{"word/header2.xml", "header_first.xml", nil},
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		var buf bytes.Buffer
		if err := docxTmpl.ExecuteTemplate(&buf, p.tmpl, p.data); err != nil {
			return fmt.Errorf("docx %s: %w", p.name, err)
		}
		// A fixed time keeps the file identical for identical documents.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return fmt.Errorf("docx: %w", err)
		}
		if _, err := fw.Write(buf.Bytes()); err != nil {
			return fmt.Errorf("docx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

func styleData() map[string]any {
	return map[string]any{
		"Font": FontFamily, "Body": halfPt(SizeBody), "PageNumber": halfPt(SizePageNumber),
		"Gap": twips(BodyParagraphGap), "Line": int(BodyLineSpacing * 240), "Indent": mmTwips(BodyIndentMM),
	}
}

// lines makes runs of one style from lines, broken by line breaks.
func lines(ls []string, size float64, bold, italic bool) []wRun {
	var out []wRun
	for i, s := range ls {
		out = append(out, wRun{Text: s, Bold: bold, Italic: italic, HalfPt: halfPt(size), Break: i > 0})
	}
	return out
}

// centred is a single-spaced centred paragraph.
func centred(runs []wRun, before float64) wPara {
	return wPara{Align: "center", Line: 240, Before: twips(before), Runs: runs}
}

// rule is an empty 1 pt paragraph whose top border is a centred rule of
// width pt within a box of boxPt.
func rule(widthPt, boxPt float64) wPara {
	side := twips(max(0, (boxPt-widthPt)/2))
	// The 4 pt before keep the rule off the letters' descenders (ị, ọ, ụ).
	return wPara{Align: "center", Before: twips(4), Exact: 20, Left: side, Right: side, RuleTop: true, MarkHalfPt: 2}
}

func docxBody(l laidOut) map[string]any {
	var blocks []wBlock
	para := func(p wPara) { blocks = append(blocks, wBlock{P: &p}) }
	table := func(t *wTable) {
		blocks = append(blocks, wBlock{T: t})
		// Word needs a paragraph between two tables; it also spaces the table
		// from the text below.
		para(wPara{Align: "left", Exact: twips(BodyParagraphGap), MarkHalfPt: 2})
	}
	pad := twips(cellPadPt)
	left, right := twips(headerLeftPt), twips(textWidthPt)-twips(headerLeftPt)
	leftBox, rightBox := headerLeftPt-2*cellPadPt, headerRightPt-2*cellPadPt

	// Letterhead: the issuer and the number on the left, the national name,
	// the motto and the place and date on the right (Appendix I, IV, boxes 1–4).
	var names []wPara
	if len(l.Superior) > 0 {
		names = append(names, centred(lines(l.Superior, SizeSuperior, false, false), 0))
	}
	if len(l.Issuer) > 0 {
		names = append(names, centred(lines(l.Issuer, SizeIssuer, true, false), 0), rule(l.IssuerRule, leftBox))
	}
	if len(names) == 0 {
		names = []wPara{centred(nil, 0)}
	}
	nation := []wPara{
		centred(lines([]string{NationalName}, SizeNationalName, true, false), 0),
		centred(lines([]string{Motto}, SizeMotto, true, false), 0),
		rule(l.MottoRule, rightBox),
	}
	table(&wTable{Width: left + right, Pad: pad, Grid: []int{left, right}, Rows: []wRow{
		{CantSplit: true, Cells: []wCell{{Width: left, Paras: names}, {Width: right, Paras: nation}}},
		{CantSplit: true, Cells: []wCell{
			{Width: left, Paras: []wPara{centred(lines(nonEmpty(l.NumberLine), SizeNumber, false, false), 6)}},
			{Width: right, Paras: []wPara{centred(lines([]string{l.DateLine}, SizePlaceDate, false, true), 6)}},
		}},
	}})

	// Type and summary, with the summary's short rule.
	if l.Type != "" {
		p := centred(lines([]string{l.Type}, SizeType, true, false), 12)
		p.KeepNext = true
		para(p)
	}
	if len(l.Summary) > 0 {
		p := centred(lines(l.Summary, SizeSummary, true, false), 0)
		p.KeepNext = true
		para(p)
		r := rule(l.SummaryRule, textWidthPt)
		r.After = twips(12)
		para(r)
	}

	for i, b := range l.Body {
		switch b.Kind {
		case TableBlock:
			table(bodyTable(b.Table, pad))
		case Heading:
			para(wPara{Style: "BodyHeading", Align: "both", FirstLine: mmTwips(BodyIndentMM), After: twips(BodyParagraphGap),
				Line: int(BodyLineSpacing * 240), KeepNext: true, Runs: []wRun{{Text: b.Text, Bold: true}}})
		default:
			// The closing paragraph goes with Nơi nhận and the signature, so
			// that a last page never holds them alone.
			last := i == len(l.Body)-1
			para(wPara{Style: "BodyText", Align: "both", FirstLine: mmTwips(BodyIndentMM), After: twips(BodyParagraphGap),
				Line: int(BodyLineSpacing * 240), KeepNext: last, KeepLines: last, Runs: []wRun{{Text: b.Text}}})
		}
	}

	// Recipients on the left, the signature on the right, kept on one page.
	half := twips(textWidthPt / 2)
	recipients := []wPara{{Align: "left", Line: 240, Runs: []wRun{{Text: "Nơi nhận:", Bold: true, Italic: true, HalfPt: halfPt(SizeRecipientsLabel)}}}}
	for _, r := range l.Recipients {
		recipients = append(recipients, wPara{Align: "left", Line: 240, Runs: []wRun{{Text: r, HalfPt: halfPt(SizeRecipients)}}})
	}
	sign := []wPara{centred(lines(l.Authority, SizeSignature, true, false), 0)}
	for range SignatureGapLines {
		sign = append(sign, centred(nil, 0))
	}
	sign = append(sign, centred(lines(nonEmpty(l.Name), SizeSignature, true, false), 0))
	table(&wTable{Width: 2 * half, Pad: pad, Grid: []int{half, half}, Rows: []wRow{
		{CantSplit: true, Cells: []wCell{{Width: half, Paras: recipients}, {Width: half, Paras: sign}}},
	}})

	return map[string]any{
		"Blocks": blocks,
		"Page": wPage{Width: 11906, Height: 16838, Top: mmTwips(MarginTopMM), Right: mmTwips(MarginRightMM),
			Bottom: mmTwips(MarginBottomMM), Left: mmTwips(MarginLeftMM), Header: mmTwips(HeaderDistanceMM)},
	}
}

// bodyTable is a bordered table across the text width with a bold header
// row that Word repeats on every page.
func bodyTable(t *Table, pad int) *wTable {
	total := 0
	for _, c := range t.Columns {
		total += max(c.Weight, 1)
	}
	width := twips(textWidthPt)
	grid := make([]int, len(t.Columns))
	used := 0
	for i, c := range t.Columns {
		grid[i] = width * max(c.Weight, 1) / total
		used += grid[i]
	}
	grid[len(grid)-1] += width - used
	cell := func(i int, text string, bold bool) wCell {
		align := "left"
		if bold && text != "" || t.Columns[i].Center {
			align = "center"
		}
		var runs []wRun
		for j, s := range strings.Split(text, "\n") {
			runs = append(runs, wRun{Text: s, Bold: bold, HalfPt: halfPt(SizeTable), Break: j > 0})
		}
		return wCell{Width: grid[i], Center: bold, Paras: []wPara{{Align: align, Line: 240, Before: twips(2), After: twips(2), Runs: runs}}}
	}
	out := &wTable{Width: width, Pad: pad, Borders: true, Grid: grid}
	head := wRow{Header: true, CantSplit: true}
	for i, c := range t.Columns {
		head.Cells = append(head.Cells, cell(i, c.Title, true))
	}
	out.Rows = append(out.Rows, head)
	for _, r := range t.Rows {
		// A short row is kept on one page — a task split across two reads as
		// two — but a long one may break, under the repeated header, rather
		// than push a whole page's worth of blank to the next.
		row := wRow{CantSplit: rowLines(r, grid, pad) <= maxKeptLines}
		for i := range t.Columns {
			row.Cells = append(row.Cells, cell(i, r[i], false))
		}
		out.Rows = append(out.Rows, row)
	}
	if t.Total != nil {
		row := wRow{CantSplit: true}
		for i := range t.Columns {
			c := cell(i, t.Total[i], true)
			c.Center = false
			row.Cells = append(row.Cells, c)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// maxKeptLines is the tallest a table row may be and still be kept on one
// page, in lines of its tallest cell: about 45 mm at the tables' size.
const maxKeptLines = 10

// rowLines estimates the lines of a body table row's tallest cell, whose
// columns are grid twips wide with pad twips of margin on each side.
func rowLines(r []string, grid []int, pad int) int {
	most := 0
	for i, text := range r {
		if i >= len(grid) {
			break
		}
		width := float64(grid[i]-2*pad) / 20
		n := 0
		for _, para := range strings.Split(text, "\n") {
			n += len(greedy(strings.Fields(para), SizeTable, false, width))
		}
		most = max(most, n)
	}
	return most
}

// nonEmpty is a one-line slice of s, or none for an empty s.
func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
