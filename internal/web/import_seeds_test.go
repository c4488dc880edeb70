package web

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"giaoban/internal/apptest"
	"giaoban/internal/docs"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

// seedNotices are the five notices of the users' corpus, with where each
// one's body starts and ends in its source (its first and last words as
// printed), and the parts of the notice the review must show as missing.
var seedNotices = []struct {
	file, first, last string
	missing           []string
	number            string // the number line the rendered notice prints
}{
	{"000_780e82fddf8c584f.txt", "Ngày 22/02/2023, Phó Chủ tịch", "đơn vị biết, thực hiện./.", []string{"số"}, "Số: …/TB-VP"},
	{"001_9a54d1652a7bf494.txt", "Vào lúc 07 giờ 30 phút", "vượt chỉ tiêu được giao./.",
		[]string{"cơ quan ban hành", "số", "ký hiệu", "địa danh", "ngày ban hành"}, "Số: …/TB-UBND"},
	{"002_7ff80f2f6058e073.txt", "Ngày 16/6/2023, Phó Chủ tịch", "nghiêm túc triển khai thực hiện.",
		[]string{"cơ quan ban hành", "số", "ngày ban hành"}, "Số: …/TB-UBND"},
	{"003_1e9f49002660beb5.txt", "Sáng ngày 13/3, Đ/c Nguyễn Thái Hòa", "đời sống vật chất tinh thần cho các hội viên.",
		[]string{"cơ quan ban hành", "số", "ký hiệu", "địa danh", "ngày ban hành", "nơi nhận", "thẩm quyền ký", "người ký"}, "Số: …/TB-UBND"},
	{"004_0c6efb7e40f97c92.txt", "Tại buổi giao ban, các đơn vị", "phát triển kinh tế xã hội năm 2017.",
		[]string{"cơ quan ban hành", "số", "ký hiệu", "địa danh", "ngày ban hành", "nơi nhận", "thẩm quyền ký", "người ký"}, "Số: …/TB-UBND"},
}

// wordsOf splits text into its words (runs of letters and digits, NFC), so
// that punctuation, markers and line breaks do not count.
func wordsOf(text string) []string {
	return strings.FieldsFunc(norm.NFC.String(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// wordDiff is the words of want that got lacks and those got has beyond
// want, with their counts.
func wordDiff(want, got []string) (missing, extra map[string]int) {
	count := map[string]int{}
	for _, w := range want {
		count[w]++
	}
	for _, w := range got {
		count[w]--
	}
	missing, extra = map[string]int{}, map[string]int{}
	for w, n := range count {
		if n > 0 {
			missing[w] = n
		} else if n < 0 {
			extra[w] = -n
		}
	}
	return missing, extra
}

// without is words less one of each of drop.
func without(words, drop []string) []string {
	count := map[string]int{}
	for _, w := range drop {
		count[w]++
	}
	var out []string
	for _, w := range words {
		if count[w] > 0 {
			count[w]--
			continue
		}
		out = append(out, w)
	}
	return out
}

// frameWords are the words a rendered notice prints around its body: the
// letterhead, the national name and motto, number, date, type, summary,
// the recipients and the signature, as docs lays them out.
func frameWords(d docs.Document) []string {
	parts := []string{strings.ToUpper(d.Superior), strings.ToUpper(d.Issuer), docs.NationalName, docs.Motto,
		docs.NumberLine(d.Number, d.Symbol), docs.DateLine(d.Place, d.Date, d.Year), d.Type, d.Summary, "Nơi nhận",
		strings.Join(docs.RecipientLines(d.Recipients), " "), strings.ToUpper(strings.ReplaceAll(d.Signature.Authority+"/"+d.Signature.Title, "/", " ")),
		d.Signature.Name}
	return wordsOf(strings.Join(parts, " "))
}

// TestImportSeedsIntoFields imports each of the five seed notices through
// the review and checks what a reader of the result would: the review shows
// the fields the source lacks as missing; the notice stored keeps the
// source's sections, numbered and headed as printed; and its body, as the
// notice page, the .docx and the PDF print it, holds every word of the
// source's body once — nothing lost, nothing printed twice, no letterhead,
// signature or page furniture in it — with a marked blank for the number.
func TestImportSeedsIntoFields(t *testing.T) {
	for _, kind := range storetest.Dialects() {
		t.Run(string(kind), func(t *testing.T) {
			opt := Options{}
			withPDF := kind == store.SQLite // the PDF once: printing is slow
			if withPDF {
				if _, err := exec.LookPath("pdftotext"); err != nil {
					withPDF = false
				} else {
					opt.Chromium = chromiumPath(t)
				}
			}
			e := serveWith(apptest.New(t, kind), opt)
			ctx := context.Background()
			c := e.login("vanphong")
			dir, err := e.Service.Directory(ctx, e.Office)
			apptest.Must(t, err)
			for _, seed := range seedNotices {
				t.Run(seed.file, func(t *testing.T) {
					data, err := os.ReadFile(filepath.Join("..", "importer", "testdata", "seeds", seed.file))
					apptest.Must(t, err)
					src := norm.NFC.String(string(data))
					i, j := strings.Index(src, seed.first), strings.LastIndex(src, seed.last)
					if i < 0 || j < i {
						t.Fatalf("no body from %q to %q", seed.first, seed.last)
					}
					body := wordsOf(src[i : j+len(seed.last)])

					id := pasteNotice(t, c, string(data))
					path := fmt.Sprintf("/import/%d", id)
					_, page, _ := c.get(path)
					wantMissing := "Văn bản gốc không có: " + strings.Join(seed.missing, ", ") + "."
					if !strings.Contains(page, wantMissing) {
						t.Errorf("the review does not say %q", wantMissing)
					}
					code, page, loc := confirmReview(t, c, id, scrapeForm(t, page, path))
					if code != http.StatusSeeOther {
						t.Fatalf("confirm: %d %s", code, errorOf(page))
					}
					nid := idFrom(t, strings.SplitN(loc, "?", 2)[0])
					n, err := e.Service.Notice(ctx, e.Office, nid)
					apptest.Must(t, err)
					if len(n.Sections) == 0 {
						t.Fatal("the notice was stored without its sections")
					}
					for _, s := range n.Sections {
						if strings.Contains(s.Body, "Nơi nhận") || strings.Contains(s.Body, "CỘNG HÒA") || strings.HasPrefix(s.Heading, "Văn bản gốc") {
							t.Errorf("section %q holds what is no body", s.Heading)
						}
					}
					d := docs.NoticeFromDomain(dir.Org, *n)
					if got := docs.NumberLine(d.Number, d.Symbol); got != seed.number {
						t.Errorf("number line %q, want %q", got, seed.number)
					}
					frame := frameWords(d)
					check := func(what string, rendered []string) {
						t.Helper()
						got := without(rendered, frame)
						if missing, extra := wordDiff(body, got); len(missing)+len(extra) > 0 {
							t.Errorf("%s: the body loses %v and adds %v (source body %d words, printed %d)", what, missing, extra, len(body), len(got))
						}
					}

					// The notice page: the body between the title's rule and the
					// signature's table.
					_, html, _ := c.get(fmt.Sprintf("/notices/%d", nid))
					a := strings.LastIndex(html[:strings.Index(html, `<table class="doc-foot">`)], `<div class="doc-rule"></div>`)
					b := strings.Index(html, `<table class="doc-foot">`)
					if a < 0 || b < a {
						t.Fatal("the notice page has no document body")
					}
					if missing, extra := wordDiff(body, wordsOf(htmlText(html[a:b]))); len(missing)+len(extra) > 0 {
						t.Errorf("notice page: the body loses %v and adds %v", missing, extra)
					}

					code, docx, _ := c.get(fmt.Sprintf("/notices/%d/docx", nid))
					if code != http.StatusOK {
						t.Fatalf("docx: %d", code)
					}
					if text := docxText(t, []byte(docx)); !strings.Contains(text, seed.number) {
						t.Errorf("the .docx lacks %q", seed.number)
					}
					check(".docx", wordsOf(docxLines(t, []byte(docx))))

					if !withPDF {
						return
					}
					code, pdf, _ := c.get(fmt.Sprintf("/notices/%d/pdf", nid))
					if code != http.StatusOK {
						t.Fatalf("pdf: %d", code)
					}
					var kept []string
					for _, line := range strings.Split(pdfText(t, []byte(pdf)), "\n") {
						if _, err := strconv.Atoi(strings.TrimSpace(line)); err == nil {
							continue // a page number, printed from the second page on
						}
						kept = append(kept, line)
					}
					check("PDF", wordsOf(strings.Join(kept, "\n")))
				})
			}
			// Every body word is the notice's own: a notice with two sections
			// renders each heading once.
			_, total, err := e.Service.Notices(ctx, e.Office, store.NoticeFilter{})
			apptest.Must(t, err)
			if total != len(seedNotices) {
				t.Errorf("%d notices stored, want %d", total, len(seedNotices))
			}
		})
	}
}

// docxLines is the text of a .docx's document, a space for each break
// between its lines and paragraphs (which docxText joins).
func docxLines(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	apptest.Must(t, err)
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		apptest.Must(t, err)
		b, err := io.ReadAll(rc)
		rc.Close()
		apptest.Must(t, err)
		return htmlText(string(b))
	}
	t.Fatal("the .docx has no word/document.xml")
	return ""
}

// htmlText is the text of an HTML fragment, its tags dropped.
func htmlText(fragment string) string {
	return html.UnescapeString(tagPattern.ReplaceAllString(fragment, " "))
}

var tagPattern = regexp.MustCompile(`<[^>]*>`)
