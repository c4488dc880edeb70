package docs

import (
	"bytes"
	"context"
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
