package docs

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
)

//go:embed templates/html/document.html
var htmlFS embed.FS

var htmlTmpl = template.Must(template.New("document.html").Funcs(template.FuncMap{
	"lines": func(ls []string) template.HTML {
		parts := make([]string, len(ls))
		for i, l := range ls {
			parts[i] = template.HTMLEscapeString(l)
		}
		return template.HTML(strings.Join(parts, "<br>"))
	},
	"pt": func(v float64) template.CSS { return template.CSS(fmt.Sprintf("%.1fpt", v)) },
}).ParseFS(htmlFS, "templates/html/document.html"))

// fontStack names the prescribed font first, then the fonts that share its
// metrics and cover Vietnamese: Tinos (fonts-croscore) and Liberation Serif
// 2 (fonts-liberation2). The @font-face rules match installed faces by their
// exact names, so a font that only claims to be Times New Roman (Liberation
// Serif 1, without ơ and ư) is not taken in its place.
func fontFaces() string {
	faces := []struct {
		weight, style string
		names         []string
	}{
		{"normal", "normal", []string{"Times New Roman", "TimesNewRomanPSMT", "Tinos", "Tinos-Regular", "Tinos Regular", "Liberation Serif", "LiberationSerif"}},
		{"bold", "normal", []string{"Times New Roman Bold", "TimesNewRomanPS-BoldMT", "Tinos Bold", "Tinos-Bold", "Liberation Serif Bold", "LiberationSerif-Bold"}},
		{"normal", "italic", []string{"Times New Roman Italic", "TimesNewRomanPS-ItalicMT", "Tinos Italic", "Tinos-Italic", "Liberation Serif Italic", "LiberationSerif-Italic"}},
		{"bold", "italic", []string{"Times New Roman Bold Italic", "TimesNewRomanPS-BoldItalicMT", "Tinos Bold Italic", "Tinos-BoldItalic", "Liberation Serif Bold Italic", "LiberationSerif-BoldItalic"}},
	}
	var b strings.Builder
	for _, f := range faces {
		var src []string
		for _, n := range f.names {
			src = append(src, fmt.Sprintf("local(%q)", n))
		}
		fmt.Fprintf(&b, "@font-face { font-family: \"VN Times\"; font-weight: %s; font-style: %s; src: %s; }\n", f.weight, f.style, strings.Join(src, ", "))
	}
	return b.String()
}

// documentCSS is the print layout: the page and margins of the decree, page
// numbers centred in the top margin from page 2, and the sizes of layout.go.
func documentCSS() string {
	family := `"VN Times", "Times New Roman", Tinos, "Liberation Serif", serif`
	return fontFaces() + fmt.Sprintf(`
@page { size: A4 portrait; margin: %gmm %gmm %gmm %gmm;
  @top-center { content: counter(page); font-family: %s; font-size: %dpt; vertical-align: bottom; padding-bottom: 4mm; } }
@page :first { @top-center { content: none; } }
html { font-family: %s; font-size: %dpt; color: #000; line-height: %.3f; }
body { margin: 0; }
table { border-collapse: collapse; table-layout: fixed; width: 100%%; }
td, th { padding: 0 %.2fpt; vertical-align: top; }
.letterhead td { text-align: center; }
.superior { font-size: %dpt; }
.issuer { font-size: %dpt; font-weight: bold; }
.nation { font-size: %dpt; font-weight: bold; white-space: nowrap; }
.motto { font-size: %dpt; font-weight: bold; }
.rule { border-top: 0.75pt solid #000; height: 0; margin: 3pt auto 0; }
.number { font-size: %dpt; padding-top: 6pt; white-space: pre-wrap; }
.date { font-size: %dpt; font-style: italic; padding-top: 6pt; white-space: pre-wrap; }
.type { font-size: %dpt; font-weight: bold; text-align: center; margin-top: 12pt; break-after: avoid; }
.summary { font-size: %dpt; font-weight: bold; text-align: center; break-after: avoid; }
.summary-rule { margin-top: 6pt; margin-bottom: 12pt; }
.body p { margin: 0 0 %gpt; text-align: justify; text-indent: %gmm; line-height: %.3f; }
.body p.h { font-weight: bold; break-after: avoid; }
table.grid { font-size: %dpt; margin: 0 0 %gpt; }
.grid th, .grid td { border: 0.5pt solid #000; padding: 2pt %.2fpt; }
.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
.grid td.c, .grid tr.total td { text-align: center; }
.grid tr.total td { font-weight: bold; }
.grid thead { display: table-header-group; }
.grid tr { break-inside: avoid; }
table.closing { break-inside: avoid; margin-top: 6pt; }
.end { break-inside: avoid; }
.recipients { font-size: %dpt; text-align: left; }
.recipients .label { font-size: %dpt; font-weight: bold; font-style: italic; }
.sign { font-size: %dpt; font-weight: bold; text-align: center; }
.gap { height: %.2fem; }
`, MarginTopMM, MarginRightMM, MarginBottomMM, MarginLeftMM, family, SizePageNumber,
		family, SizeBody, singleLineEm, cellPadPt,
		SizeSuperior, SizeIssuer, SizeNationalName, SizeMotto, SizeNumber, SizePlaceDate, SizeType, SizeSummary,
		BodyParagraphGap, BodyIndentMM, BodyLineSpacing*singleLineEm,
		SizeTable, BodyParagraphGap, cellPadPt,
		SizeRecipients, SizeRecipientsLabel, SizeSignature, float64(SignatureGapLines+1)*singleLineEm)
}

// WriteHTML writes d as one self-contained HTML page whose print layout is
// the decree's (what Printer.PDF prints). Only w's errors are returned.
func WriteHTML(w io.Writer, d Document) error {
	l := layout(d)
	var body []htmlBlock
	for i, b := range l.Body {
		// The closing paragraph is kept on one page with the signature.
		hb := htmlBlock{Block: b, Last: i == len(l.Body)-1 && b.Kind != TableBlock}
		if b.Table != nil {
			total := 0
			for _, c := range b.Table.Columns {
				total += max(c.Weight, 1)
			}
			for _, c := range b.Table.Columns {
				hb.Widths = append(hb.Widths, template.CSS(fmt.Sprintf("%.2f%%", float64(max(c.Weight, 1))*100/float64(total))))
			}
		}
		body = append(body, hb)
	}
	data := map[string]any{
		"Title":        strings.TrimSpace(l.Type + " " + strings.Join(l.Summary, " ")),
		"CSS":          template.CSS(documentCSS()),
		"LeftPt":       fmt.Sprintf("%.1f", headerLeftPt),
		"NationalName": NationalName,
		"Motto":        Motto,
		"L":            l,
		"Body":         body,
		"KeptEnd":      len(body) > 0 && body[len(body)-1].Last,
	}
	if err := htmlTmpl.Execute(w, data); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return nil
}

// htmlBlock is a body block with its table's column widths.
type htmlBlock struct {
	Block
	Widths []template.CSS
	// Last marks the closing paragraph, which opens the block kept whole
	// with the signature.
	Last bool
}
