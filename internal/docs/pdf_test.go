package docs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath finds Chromium. Without it the PDF tests are skipped on a
// developer's machine and fail in CI, where it is installed.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("PDF tests skipped in -short mode")
	}
	p, err := FindChromium(os.Getenv("GIAOBAN_CHROMIUM"))
	if err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed: apt-get install chromium")
	}
	t.Skip("chromium not installed; PDF tests skipped (apt-get install chromium)")
	return ""
}

// poppler runs a poppler-utils tool, which the PDF tests need as much as Chromium.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed: apt-get install poppler-utils", tool)
		}
		t.Skipf("%s not installed; apt-get install poppler-utils", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

func TestNoticePDF(t *testing.T) {
	p := &Printer{ExecPath: chromiumPath(t)}
	t.Cleanup(func() { p.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	var buf bytes.Buffer
	if err := p.PDF(ctx, &buf, NoticeFromDomain(testOrg, testNotice())); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if out := os.Getenv("GIAOBAN_PDF_OUT"); out != "" {
		dir = out // keep the files to look at them
	}
	file := filepath.Join(dir, "notice.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	info := poppler(t, "pdfinfo", file)
	pages := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
	if pages == nil || pages[1] == "1" {
		t.Fatalf("want a notice of several pages:\n%s", info)
	}
	size := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(info)
	if size == nil {
		t.Fatalf("no page size:\n%s", info)
	}
	w, _ := strconv.ParseFloat(size[1], 64)
	h, _ := strconv.ParseFloat(size[2], 64)
	if math.Abs(w-595) > 1 || math.Abs(h-842) > 1 {
		t.Errorf("page size %g × %g pt, want A4 (595 × 842 pt)", w, h)
	}
	fonts := poppler(t, "pdffonts", file)
	for _, line := range strings.Split(fonts, "\n")[2:] {
		f := strings.Fields(line)
		if len(f) < 5 {
			continue
		}
		if !regexp.MustCompile(`(?i)times|tinos|liberationserif`).MatchString(f[0]) {
			t.Errorf("a font other than Times New Roman or its metric twins is used: %s", line)
		}
		// Columns from the right: object id, generation, uni, sub, emb.
		if emb := f[len(f)-5]; emb != "yes" {
			t.Errorf("font not embedded: %s", line)
		}
	}

	page := func(n string) string { return poppler(t, "pdftotext", "-layout", "-f", n, "-l", n, file, "-") }
	first, second := page("1"), page("2")
	for _, want := range []string{"ỦY BAN NHÂN DÂN", "HUYỆN LÂM THAO", NationalName, Motto, "Số: 12/TB-UBND",
		"Lâm Thao, ngày 03 tháng 02 năm 2023", "THÔNG BÁO", "Ngô Đức Sáu", "Về Văn hóa và Thông tin"} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, first)
		}
	}
	firstLine := func(s string) string {
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				return l
			}
		}
		return ""
	}
	if l := firstLine(first); regexp.MustCompile(`^\d+$`).MatchString(l) {
		t.Errorf("page 1 shows a page number %q", l)
	}
	if l := firstLine(second); l != "2" {
		t.Errorf("page 2 starts with %q, want its page number 2", l)
	}
	all := poppler(t, "pdftotext", file, "-")
	for _, want := range []string{"Nơi nhận:", "- Lưu: VT, TH.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"} {
		if !strings.Contains(all, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	// The pages as pictures (GIAOBAN_PDF_OUT keeps them to look at): one PNG a
	// page, each an A4 page at 50 dpi, and not blank.
	poppler(t, "pdftoppm", "-r", "50", "-png", file, filepath.Join(dir, "notice"))
	pngs, _ := filepath.Glob(filepath.Join(dir, "notice-*.png"))
	if strconv.Itoa(len(pngs)) != pages[1] {
		t.Fatalf("pdftoppm made %d pages, pdfinfo says %s", len(pngs), pages[1])
	}
	for _, f := range pngs {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(fh)
		fh.Close()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		b := img.Bounds()
		if b.Dx() < 400 || b.Dx() > 420 || b.Dy() < 580 || b.Dy() > 590 {
			t.Errorf("%s is %d × %d px, want an A4 page at 50 dpi (413 × 585)", f, b.Dx(), b.Dy())
		}
		dark := 0
		for y := b.Min.Y; y < b.Max.Y; y += 2 {
			for x := b.Min.X; x < b.Max.X; x += 2 {
				if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
					dark++
				}
			}
		}
		if dark < 200 {
			t.Errorf("%s looks blank (%d dark samples)", f, dark)
		}
	}
}

func TestPrinterWithoutChromium(t *testing.T) {
	p := &Printer{ExecPath: filepath.Join(t.TempDir(), "no-chromium")}
	defer p.Close()
	err := p.PDF(context.Background(), &bytes.Buffer{}, NoticeFromDomain(testOrg, testNotice()))
	if err == nil || !strings.Contains(err.Error(), "Chromium") {
		t.Fatalf("err = %v, want one naming Chromium", err)
	}
}

// browserProcess is the printer's running browser, for tests that kill it.
func (p *Printer) browserProcess() *os.Process {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.browser == nil {
		return nil
	}
	if c := chromedp.FromContext(p.browser); c != nil && c.Browser != nil {
		return c.Browser.Process()
	}
	return nil
}

// TestPrinterSurvivesItsBrowser: one browser serves every print; when it is
// killed in the middle of a print, that print fails (it does not hang) and
// the next one starts a new browser and succeeds.
func TestPrinterSurvivesItsBrowser(t *testing.T) {
	p := &Printer{ExecPath: chromiumPath(t), Timeout: 30 * time.Second}
	t.Cleanup(func() { p.Close() })
	ctx := context.Background()
	page := []byte(`<!doctype html><meta charset="utf-8"><style>@page{size:A4}</style><p>Kiểm tra in PDF</p>`)
	for range 2 {
		if _, err := p.PrintHTML(ctx, page); err != nil {
			t.Fatal(err)
		}
	}
	if n := p.Starts(); n != 1 {
		t.Fatalf("two prints started %d browsers, want 1", n)
	}
	// A page that keeps the browser busy for seconds, killed a moment in.
	slow := []byte(`<!doctype html><meta charset="utf-8"><p>Chậm</p><script>const t = Date.now(); while (Date.now() - t < 5000) {}</script>`)
	done := make(chan error, 1)
	go func() {
		_, err := p.PrintHTML(ctx, slow)
		done <- err
	}()
	time.Sleep(500 * time.Millisecond)
	proc := p.browserProcess()
	if proc == nil {
		t.Fatal("no browser process")
	}
	if err := proc.Kill(); err != nil {
		t.Fatal(err)
	}
	killed := time.Now()
	select {
	case err := <-done:
		t.Logf("killed print: %v after %v", err, time.Since(killed))
		if err == nil {
			t.Errorf("the print whose browser was killed succeeded")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the print whose browser was killed hangs")
	}
	again := time.Now()
	pdf, err := p.PrintHTML(ctx, page)
	if err != nil {
		t.Fatalf("the print after the kill: %v", err)
	}
	t.Logf("print after the kill took %v", time.Since(again))
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || p.Starts() != 2 {
		t.Errorf("after the kill: %d bytes, %d browsers started; want a PDF from a second browser", len(pdf), p.Starts())
	}
}

// TestPrinterBoundsConcurrency: with every turn taken, a print waits until
// its time runs out and says the printer is busy.
func TestPrinterBoundsConcurrency(t *testing.T) {
	p := &Printer{ExecPath: chromiumPath(t), MaxConcurrent: 1, Timeout: 200 * time.Millisecond}
	t.Cleanup(func() { p.Close() })
	release, err := p.turn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	start := time.Now()
	_, err = p.PrintHTML(context.Background(), []byte("<p>x</p>"))
	if !errors.Is(err, ErrPrinterBusy) || time.Since(start) < 200*time.Millisecond {
		t.Errorf("print with every turn taken: %v after %v, want ErrPrinterBusy after 200 ms", err, time.Since(start))
	}
	if p.Starts() != 0 {
		t.Errorf("a print that never had a turn started a browser")
	}
}

// TestClosingKeptWithSignature: the last page of a printed notice never
// holds Nơi nhận and the signature alone: the closing paragraph goes with
// them. With four paragraphs of this length the signature used to start the
// second page by itself.
func TestClosingKeptWithSignature(t *testing.T) {
	p := &Printer{ExecPath: chromiumPath(t)}
	t.Cleanup(func() { p.Close() })
	for n := 3; n <= 5; n++ {
		d := NoticeFromDomain(testOrg, testNotice())
		d.Body = nil
		for i := range n {
			d.Body = append(d.Body, Para(fmt.Sprintf("Đoạn %d. ", i+1)+strings.Repeat("Các cơ quan, đơn vị tập trung triển khai thực hiện nhiệm vụ được giao, báo cáo kết quả đúng thời hạn. ", 4)))
		}
		d.Body = append(d.Body, Para("Trên đây là kết luận của Phó Chủ tịch UBND huyện tại Hội nghị./."))
		var buf bytes.Buffer
		if err := p.PDF(context.Background(), &buf, d); err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(t.TempDir(), "tb.pdf")
		if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(strings.TrimRight(poppler(t, "pdftotext", "-layout", f, "-"), "\f\n"), "\f")
		if last := pages[len(pages)-1]; strings.Contains(last, "Nơi nhận") && !strings.Contains(last, "Trên đây là kết luận") {
			t.Errorf("%d paragraphs: the last of %d pages holds the signature without the closing paragraph", n, len(pages))
		}
	}
}
