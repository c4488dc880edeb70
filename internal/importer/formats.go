package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Limits for .docx archives (zip-bomb protection).
const (
	docxMaxEntries = 2000
	docxMaxRatio   = 200
)

// docxText reads the paragraphs of word/document.xml. limit bounds the
// total uncompressed size read from the archive.
func docxText(label string, data []byte, limit int64) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("Tệp %s không phải .docx hợp lệ (không mở được tệp nén): %w", label, errors.Join(ErrFormat, err))
	}
	if len(zr.File) > docxMaxEntries {
		return "", fmt.Errorf("Tệp %s có quá nhiều thành phần (%d), nghi là tệp nén độc hại: %w", label, len(zr.File), ErrFormat)
	}
	var total uint64
	var docFile, numFile *zip.File
	for _, f := range zr.File {
		total += f.UncompressedSize64
		switch f.Name {
		case "word/document.xml":
			docFile = f
		case "word/numbering.xml":
			numFile = f
		}
	}
	if total > uint64(limit)*4 {
		return "", fmt.Errorf("Tệp %s khi giải nén quá lớn (%d MB), nghi là tệp nén độc hại: %w", label, total>>20, ErrTooLarge)
	}
	if docFile == nil {
		return "", fmt.Errorf("Tệp %s không phải .docx hợp lệ (thiếu word/document.xml): %w", label, ErrFormat)
	}
	readPart := func(f *zip.File) ([]byte, error) {
		if f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > docxMaxRatio && f.UncompressedSize64 > 1<<20 {
			return nil, fmt.Errorf("Tệp %s có tỉ lệ nén bất thường (%d lần), nghi là tệp nén độc hại: %w", label, f.UncompressedSize64/f.CompressedSize64, ErrFormat)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("Tệp %s: không đọc được %s: %w", label, f.Name, errors.Join(ErrFormat, err))
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, limit+1))
		if err != nil {
			return nil, fmt.Errorf("Tệp %s: không giải nén được %s: %w", label, f.Name, errors.Join(ErrFormat, err))
		}
		if int64(len(b)) > limit {
			return nil, fmt.Errorf("Tệp quá lớn: %s khi giải nén vượt giới hạn %s MB: %w", label, mbString(limit), ErrTooLarge)
		}
		if f.CompressedSize64 > 0 && uint64(len(b))/f.CompressedSize64 > docxMaxRatio && len(b) > 1<<20 {
			return nil, fmt.Errorf("Tệp %s có tỉ lệ nén bất thường, nghi là tệp nén độc hại: %w", label, ErrFormat)
		}
		return b, nil
	}
	var numbering map[string]map[int]numLevel
	if numFile != nil {
		if nb, err := readPart(numFile); err == nil {
			numbering = parseNumbering(nb)
		}
	}
	doc, err := readPart(docFile)
	if err != nil {
		return "", err
	}
	text, err := docxParagraphs(doc, numbering)
	if err != nil {
		return "", fmt.Errorf("Tệp %s: nội dung word/document.xml hỏng: %w", label, errors.Join(ErrFormat, err))
	}
	return text, nil
}

// numLevel is one level of a Word numbering definition.
type numLevel struct {
	format string // bullet, decimal, lowerLetter, upperRoman, ...
	text   string // level text such as "%1." or "-"
}

// parseNumbering maps numId -> level -> format from word/numbering.xml.
func parseNumbering(data []byte) map[string]map[int]numLevel {
	dec := xml.NewDecoder(bytes.NewReader(data))
	abstract := map[string]map[int]numLevel{}
	numToAbs := map[string]string{}
	var curAbs, curNum string
	curLvl := -1
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "abstractNum":
			curAbs = attr(se, "abstractNumId")
			abstract[curAbs] = map[int]numLevel{}
		case "lvl":
			curLvl, _ = strconv.Atoi(attr(se, "ilvl"))
		case "numFmt":
			if m := abstract[curAbs]; m != nil && curLvl >= 0 {
				l := m[curLvl]
				l.format = attr(se, "val")
				m[curLvl] = l
			}
		case "lvlText":
			if m := abstract[curAbs]; m != nil && curLvl >= 0 {
				l := m[curLvl]
				l.text = attr(se, "val")
				m[curLvl] = l
			}
		case "num":
			curNum = attr(se, "numId")
		case "abstractNumId":
			numToAbs[curNum] = attr(se, "val")
		}
	}
	out := map[string]map[int]numLevel{}
	for n, a := range numToAbs {
		out[n] = abstract[a]
	}
	return out
}

// attr returns the value of the attribute with the given local name.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxParagraphs converts document.xml to text, one paragraph per line,
// with list numbering rendered as bullets or numbers.
func docxParagraphs(data []byte, numbering map[string]map[int]numLevel) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out strings.Builder
	var para strings.Builder
	inText := false
	numID, ilvl := "", 0
	counters := map[string][]int{}
	flush := func() {
		line := para.String()
		para.Reset()
		if numID != "" && numID != "0" && strings.TrimSpace(line) != "" {
			out.WriteString(listPrefix(numbering, counters, numID, ilvl))
		}
		out.WriteString(line)
		out.WriteByte('\n')
		numID, ilvl = "", 0
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out.String(), err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				para.WriteByte('\t')
			case "br", "cr":
				para.WriteByte('\n')
			case "numId":
				numID = attr(t, "val")
			case "ilvl":
				ilvl, _ = strconv.Atoi(attr(t, "val"))
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				flush()
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	if para.Len() > 0 {
		flush()
	}
	return out.String(), nil
}

// listPrefix renders the list marker of a numbered or bulleted paragraph.
func listPrefix(numbering map[string]map[int]numLevel, counters map[string][]int, numID string, ilvl int) string {
	if ilvl < 0 || ilvl > 8 {
		ilvl = 0
	}
	lv, ok := numbering[numID][ilvl]
	if !ok || lv.format == "" || lv.format == "bullet" || lv.format == "none" {
		return "- "
	}
	c := counters[numID]
	for len(c) <= ilvl {
		c = append(c, 0)
	}
	c[ilvl]++
	for i := ilvl + 1; i < len(c); i++ {
		c[i] = 0
	}
	counters[numID] = c
	text := lv.text
	if text == "" {
		text = "%" + strconv.Itoa(ilvl+1) + "."
	}
	for i := 0; i <= ilvl; i++ {
		f := numbering[numID][i].format
		text = strings.ReplaceAll(text, "%"+strconv.Itoa(i+1), formatCounter(max(c[i], 1), f))
	}
	return text + " "
}

// formatCounter renders n in a Word number format.
func formatCounter(n int, format string) string {
	switch format {
	case "lowerLetter":
		return string(rune('a' + (n-1)%26))
	case "upperLetter":
		return string(rune('A' + (n-1)%26))
	case "upperRoman":
		return roman(n)
	case "lowerRoman":
		return strings.ToLower(roman(n))
	}
	return strconv.Itoa(n)
}

// roman renders n (1..3999) as a Roman numeral.
func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v && b.Len() < 20 {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// validatePDF checks the PDF header and trailer before running pdftotext.
func validatePDF(label string, data []byte) error {
	if !bytes.Contains(firstBytes(data, 1024), []byte("%PDF-")) {
		return fmt.Errorf("Tệp %s không phải PDF hợp lệ (thiếu phần đầu %%PDF-): %w", label, ErrFormat)
	}
	tail := data
	if len(tail) > 4096 {
		tail = tail[len(tail)-4096:]
	}
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return fmt.Errorf("Tệp PDF %s bị hỏng hoặc không đầy đủ (thiếu %%%%EOF): %w", label, ErrFormat)
	}
	return nil
}

// pdfText runs pdftotext -layout on the data.
func pdfText(label string, data []byte, opt Options) (string, error) {
	if err := validatePDF(label, data); err != nil {
		return "", err
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return "", fmt.Errorf("Không đọc được PDF %s: máy chưa cài pdftotext (gói poppler-utils): %w", label, err)
	}
	tmp, err := os.CreateTemp("", "giaoban-*.pdf")
	if err != nil {
		return "", fmt.Errorf("Không tạo được tệp tạm cho %s: %w", label, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", fmt.Errorf("Không ghi được tệp tạm cho %s: %w", label, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("Không ghi được tệp tạm cho %s: %w", label, err)
	}
	timeout := time.Duration(opt.PDFTimeoutSeconds) * time.Second
	if timeout <= 0 {
		timeout = 60 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-layout", "-enc", "UTF-8", tmp.Name(), "-")
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &limitedBuffer{buf: &stdout, limit: 64 << 20}
	cmd.Stderr = &limitedBuffer{buf: &stderr, limit: 1 << 16}
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return "", fmt.Errorf("Đọc PDF %s quá thời gian cho phép (%v): %w", label, timeout, ctx.Err())
		}
		// pdftotext's own words ("Syntax Error: Couldn't find trailer
		// dictionary") are English and say nothing a user can act on.
		return "", fmt.Errorf("Tệp PDF %s bị hỏng hoặc không đọc được; hãy mở tệp trên máy, lưu (hoặc in) lại thành PDF rồi tải lên lần nữa: %w", label, errors.Join(ErrFormat, err))
	}
	out := strings.ReplaceAll(stdout.String(), "\f", "\n")
	if len(strings.TrimSpace(out)) == 0 {
		return "", fmt.Errorf("Tệp PDF %s không có lớp văn bản (có thể là bản quét ảnh), cần nhận dạng chữ (OCR) trước: %w", label, ErrEmpty)
	}
	return out, nil
}

// limitedBuffer is an io.Writer that keeps at most limit bytes.
type limitedBuffer struct {
	buf   *bytes.Buffer
	limit int
}

// Write implements io.Writer, dropping bytes beyond the limit.
func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.limit - l.buf.Len(); room > 0 {
		if len(p) > room {
			l.buf.Write(p[:room])
		} else {
			l.buf.Write(p)
		}
	}
	return len(p), nil
}

// htmlBlockTags are tags that start a new line.
var htmlBlockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "tr": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "table": true, "ul": true, "ol": true, "section": true,
	"article": true, "header": true, "footer": true, "blockquote": true, "pre": true, "hr": true,
	"td": true, "th": true, "dd": true, "dt": true, "title": true,
}

// htmlToText strips tags, scripts and styles, keeping block breaks and
// rendering list items as bullets.
func htmlToText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	i := 0
	for i < len(s) {
		c := s[i]
		if c != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(html.UnescapeString(s[i : i+j]))
			i += j
			continue
		}
		if strings.HasPrefix(s[i:], "<!--") {
			end := strings.Index(s[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			break
		}
		tag := s[i+1 : i+end]
		i += end + 1
		closing := strings.HasPrefix(tag, "/")
		tag = strings.TrimPrefix(tag, "/")
		name := strings.ToLower(tag)
		if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
			name = name[:k]
		}
		if !closing && (name == "script" || name == "style" || name == "noscript" || name == "template") {
			lower := strings.ToLower(s[i:])
			k := strings.Index(lower, "</"+name)
			if k < 0 {
				break
			}
			i += k
			continue
		}
		if htmlBlockTags[name] {
			b.WriteByte('\n')
			if name == "li" && !closing {
				b.WriteString("- ")
			}
		}
	}
	// Collapse runs of spaces within lines.
	lines := strings.Split(b.String(), "\n")
	var out strings.Builder
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			continue
		}
		out.WriteString(l)
		out.WriteByte('\n')
	}
	return out.String()
}
