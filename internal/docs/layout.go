package docs

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"giaoban/internal/domain"
)

// The figures below are those of Decree 30/2020/NĐ-CP, Appendix I
// (Thể thức và kỹ thuật trình bày văn bản hành chính). Where the decree
// gives a range, the chosen value is named and the range quoted.

// Page: Part I, section I.1–3: A4 (210 × 297 mm) portrait; margins top and
// bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
const (
	PageWidthMM      = 210.0
	PageHeightMM     = 297.0
	MarginTopMM      = 20.0 // 20–25 mm
	MarginBottomMM   = 20.0 // 20–25 mm
	MarginLeftMM     = 30.0 // 30–35 mm
	MarginRightMM    = 15.0 // 15–20 mm
	HeaderDistanceMM = 10.0 // where the page number sits inside the top margin (not fixed by the decree)
)

// FontFamily is the prescribed font: Times New Roman, Unicode (TCVN
// 6909:2001), black (Part I, I.4). The PDF falls back to Tinos or Liberation
// Serif, which share its metrics.
const FontFamily = "Times New Roman"

// Font sizes in points (Part I, II), per element.
const (
	SizeNationalName    = 12 // Quốc hiệu: 12–13, capitals, upright, bold (II.1.a)
	SizeMotto           = 13 // Tiêu ngữ: 13–14, upright, bold, a rule as long as the line (II.1.b)
	SizeSuperior        = 12 // cơ quan chủ quản: 12–13, capitals, upright (II.2)
	SizeIssuer          = 12 // cơ quan ban hành: 12–13, capitals, upright, bold, a rule 1/3–1/2 its length (II.2)
	SizeNumber          = 13 // "Số": 13, upright; numbers below 10 take a leading 0 (II.3)
	SizePlaceDate       = 14 // địa danh, ngày: 13–14, italic (II.4)
	SizeType            = 14 // tên loại: 13–14, capitals, upright, bold (II.5)
	SizeSummary         = 14 // trích yếu: 13–14, upright, bold, a rule 1/3–1/2 its length (II.5)
	SizeBody            = 14 // nội dung: 13–14, upright, justified (II.6)
	SizeSignature       = 14 // quyền hạn, chức vụ: capitals 13–14 bold; họ tên: 13–14 bold (II.7)
	SizeRecipientsLabel = 12 // "Nơi nhận:" 12, italic, bold (II.8)
	SizeRecipients      = 11 // the list: 11, upright, "- " first and ";" last, "Lưu: VT, ..." ending "." (II.8)
	SizePageNumber      = 14 // số trang: 13–14, upright, centred in the top margin, none on page 1 (I.7)
	SizeTable           = 12 // tables: not fixed by the decree; 12 keeps seven columns legible on A4
)

// Body paragraphs (II.6): first-line indent 1–1.27 cm, at least 6 pt
// between paragraphs, line spacing from single to 1.5 lines.
const (
	BodyIndentMM      = 12.7
	BodyParagraphGap  = 6.0 // points after each paragraph
	BodyLineSpacing   = 1.2 // multiple of single line spacing
	RuleFraction      = 0.4 // short rules under the issuer and the summary: 1/3–1/2 of the line
	SignatureGapLines = 4   // empty lines left for the handwritten signature and the seal
)

// Derived widths in points.
const (
	mmToPt = 72 / 25.4
	// textWidthPt is the width between the margins.
	textWidthPt = (PageWidthMM - MarginLeftMM - MarginRightMM) * mmToPt
	// headerLeftPt and headerRightPt are the letterhead columns: the issuer's
	// names on the left, the national name (the widest line) on the right.
	headerLeftPt  = textWidthPt * 0.4
	headerRightPt = textWidthPt - headerLeftPt
	// cellPadPt is the left and right padding inside every table cell.
	cellPadPt = 2.85
	// singleLineEm is Times New Roman's single line height in em
	// ((ascender 1825 + descender 443 + line gap 87) / 2048), which Word's
	// "single" spacing and CSS's "normal" use.
	singleLineEm = 1.149
)

// Fixed wording of the decree.
const (
	NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	Motto        = "Độc lập - Tự do - Hạnh phúc"
)

// laidOut is a Document with every line decided, shared by the DOCX and
// the HTML writers so both print the same lines.
type laidOut struct {
	Superior    []string
	Issuer      []string
	IssuerRule  float64 // points
	NumberLine  string
	MottoRule   float64
	DateLine    string
	Type        string
	Summary     []string
	SummaryRule float64
	Body        []Block
	Recipients  []string
	Authority   []string
	Name        string
}

func layout(d Document) laidOut {
	l := laidOut{
		Type:       upper(nfc(d.Type)),
		NumberLine: NumberLine(nfc(d.Number), nfc(d.Symbol)),
		DateLine:   DateLine(nfc(d.Place), d.Date, d.Year),
		Recipients: RecipientLines(d.Recipients),
		Name:       nfc(strings.TrimSpace(d.Signature.Name)),
	}
	// 3% slack so a word processor never wraps a line the layout kept whole.
	col := (headerLeftPt - 2*cellPadPt) * 0.97
	l.Superior = wrapBalanced(upper(nfc(d.Superior)), SizeSuperior, false, col)
	l.Issuer = wrapBalanced(upper(nfc(d.Issuer)), SizeIssuer, true, col)
	if len(l.Issuer) > 0 {
		l.IssuerRule = RuleFraction * widest(l.Issuer, SizeIssuer, true)
	}
	l.MottoRule = textWidth(Motto, SizeMotto, true)
	l.Summary = wrapSummary(nfc(d.Summary), SizeSummary, true, textWidthPt*0.9)
	if len(l.Summary) > 0 {
		l.SummaryRule = RuleFraction * widest(l.Summary, SizeSummary, true)
	}
	for _, s := range []string{d.Signature.Authority, d.Signature.Title} {
		for _, line := range strings.Split(s, "/") {
			if line = upper(nfc(line)); line != "" {
				l.Authority = append(l.Authority, line)
			}
		}
	}
	for _, b := range d.Body {
		b.Text = nfc(strings.TrimSpace(b.Text))
		if b.Table != nil {
			b.Table = nfcTable(b.Table)
		}
		l.Body = append(l.Body, b)
	}
	return l
}

func nfcTable(t *Table) *Table {
	out := &Table{Columns: append([]Column(nil), t.Columns...)}
	for i := range out.Columns {
		out.Columns[i].Title = nfc(out.Columns[i].Title)
	}
	row := func(r []string) []string {
		o := make([]string, len(t.Columns))
		for i := range o {
			if i < len(r) {
				o[i] = nfc(strings.TrimSpace(r[i]))
			}
		}
		return o
	}
	for _, r := range t.Rows {
		out.Rows = append(out.Rows, row(r))
	}
	if t.Total != nil {
		out.Total = row(t.Total)
	}
	return out
}

// nfc is s in Unicode normalisation form C, as TCVN 6909:2001 requires.
func nfc(s string) string { return norm.NFC.String(s) }

func upper(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// blankDay stands for a day, a month or a year the document lacks, to be
// written in by hand.
const blankDay = Blank

// DateLine is the place-and-date line: "Lâm Thao, ngày 23 tháng 02 năm
// 2023". Days below 10 and the months 1 and 2 take a leading zero (II.4). A
// zero date marks day and month blank ("ngày … tháng … năm 2023"), and the
// year too when year is 0.
func DateLine(place string, d domain.Date, year int) string {
	day, month, yr := blankDay, blankDay, blankDay
	switch {
	case !d.IsZero():
		day, month, yr = fmt.Sprintf("%02d", d.Day), strconv.Itoa(int(d.Month)), strconv.Itoa(d.Year)
		if d.Month < 3 {
			month = fmt.Sprintf("%02d", int(d.Month))
		}
	case year > 0:
		yr = strconv.Itoa(year)
	}
	s := fmt.Sprintf("ngày %s tháng %s năm %s", day, month, yr)
	if place = strings.TrimSpace(place); place != "" {
		s = place + ", " + s
	}
	return s
}

// NumberLine is "Số: 12/TB-UBND". A number below 10 takes a leading zero
// (II.3); an empty number is marked blank, to be written in ("Số: …/TB-VP").
func NumberLine(number, symbol string) string {
	number, symbol = strings.TrimSpace(number), upper(symbol)
	if number == "" && symbol == "" {
		return ""
	}
	if n, err := strconv.Atoi(number); err == nil && n >= 0 && n < 10 {
		number = fmt.Sprintf("%02d", n)
	}
	if number == "" {
		number = Blank
	}
	if symbol == "" {
		return "Số: " + number
	}
	return "Số: " + number + "/" + symbol
}

// RecipientLines formats the "Nơi nhận" list (II.8): one entry a line,
// "- " first and ";" last, and the archive entry "- Lưu: VT, ..." last,
// ending with ".". A missing archive entry is added as "Lưu: VT".
func RecipientLines(recipients []string) []string {
	var out []string
	archive := ""
	for _, r := range recipients {
		r = nfc(strings.TrimSpace(r))
		r = strings.TrimSpace(strings.TrimLeft(r, "-–+•* "))
		r = strings.TrimRight(r, ";,. ")
		if r == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(r), "lưu") {
			rest := strings.TrimSpace(strings.TrimLeft(r[len("lưu"):], ": "))
			if rest == "" {
				rest = "VT"
			}
			archive = "Lưu: " + rest
			continue
		}
		out = append(out, "- "+r+";")
	}
	if archive == "" {
		archive = "Lưu: VT"
	}
	return append(out, "- "+archive+".")
}
