package web

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/demo"
	"giaoban/internal/docs"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// demoTaskText is a task of the demo's recent meeting: open, due in five
// days, so that it is on every list, report and calendar of the demo.
const demoTaskText = "Tổ chức đợt tiêm chủng bổ sung vắc xin sởi cho trẻ em trong độ tuổi chưa tiêm đủ mũi."

// demoDay is the day the demo's documents are checked on: 10 March 2025.
var demoDay = time.Date(2025, 3, 10, 9, 0, 0, 0, domain.Location)

// serveDemo loads the demo organisation (demo.Load) into a, an empty
// fixture, and serves it, printing PDFs with the Chromium pdfAvailable finds.
func serveDemo(a *apptest.App) *env {
	a.TB.Helper()
	if _, err := demo.Load(context.Background(), a.Service); err != nil {
		a.TB.Fatalf("demo.Load: %v", err)
	}
	return serveWith(a, Options{Chromium: os.Getenv("GIAOBAN_CHROMIUM")})
}

// demoLogin signs in as a demo account.
func (e *env) demoLogin(username string) *client {
	e.TB.Helper()
	return e.loginWith(username, demo.Password)
}

// download fetches path and fails unless it is a 200 of content type ct.
func (c *client) download(path, ct string) []byte {
	c.t.Helper()
	resp, data := c.getResp(path)
	if resp.StatusCode != http.StatusOK {
		c.t.Fatalf("%s: status %d\n%.500s", path, resp.StatusCode, data)
	}
	if got := resp.Header.Get("Content-Type"); !strings.HasPrefix(got, ct) {
		c.t.Fatalf("%s: Content-Type %q, want %q", path, got, ct)
	}
	return data
}

// ooxmlText checks that every XML part of an Office file is well-formed and
// returns the text of the parts named main (word/document.xml, or
// xl/sharedStrings.xml), tags stripped and entities decoded.
func ooxmlText(t *testing.T, what string, data []byte, main string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: not a zip: %v", what, err)
	}
	var text string
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, err := f.Open()
		apptest.Must(t, err)
		b, err := io.ReadAll(rc)
		rc.Close()
		apptest.Must(t, err)
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := dec.Token(); err != nil {
				if !errors.Is(err, io.EOF) {
					t.Errorf("%s: %s is not well-formed XML: %v", what, f.Name, err)
				}
				break
			}
		}
		if f.Name == main {
			text = html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(b), ""))
		}
	}
	if text == "" {
		t.Fatalf("%s: no %s", what, main)
	}
	return text
}

// xlsxCells reads every cell of every sheet of a workbook with excelize.
func xlsxCells(t *testing.T, what string, data []byte) string {
	t.Helper()
	ooxmlText(t, what, data, "xl/workbook.xml")
	f := xlsxFrom(t, &http.Response{StatusCode: http.StatusOK, Request: &http.Request{URL: &url.URL{Path: what}},
		Header: http.Header{"Content-Type": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
			"Content-Disposition": {`attachment; filename="x.xlsx"`}}}, data)
	var all []string
	for _, sheet := range f.GetSheetList() {
		for _, row := range sheetRows(t, f, sheet) {
			all = append(all, row...)
		}
	}
	return strings.Join(all, "\n")
}

// squashSpace joins runs of white space, as a document's line breaks may
// differ from the text's.
func squashSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestDemoDocuments renders every kind of document from the demo
// organisation through the web handlers — each notice as .docx (and .pdf
// where chromium runs), the stocktake report as .docx and .xlsx, the task
// list and the dashboard table as .xlsx, and a calendar feed — and checks
// that each opens and carries the demo's Vietnamese text.
func TestDemoDocuments(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		e := serveDemo(a)
		ctx := context.Background()
		office := e.demoLogin("vanphong")
		actor, _, err := e.Store.UserByName(ctx, "vanphong")
		apptest.Must(t, err)

		notices, total, err := e.Service.Notices(ctx, actor, store.NoticeFilter{Limit: 100})
		apptest.Must(t, err)
		if total < 6 {
			t.Fatalf("the demo has %d notices, want its five documents and the recent meeting's", total)
		}
		withPDF := e.Store.Dialect() == store.SQLite && pdfAvailable(t)
		for _, n := range notices {
			t.Run(fmt.Sprintf("notice %d", n.ID), func(t *testing.T) {
				full, err := e.Service.Notice(ctx, actor, n.ID)
				apptest.Must(t, err)
				// What the document must say: a task text the notice's own
				// sections carry word for word, else its first section.
				var body strings.Builder
				for _, s := range full.Sections {
					body.WriteString(s.Heading + " " + s.Body + " ")
				}
				tasks, _, err := e.Service.Tasks(ctx, actor, store.TaskFilter{NoticeID: n.ID, Limit: 200})
				apptest.Must(t, err)
				want := ""
				for _, task := range tasks {
					if strings.Contains(squashSpace(body.String()), squashSpace(task.Text)) {
						want = squashSpace(task.Text)
						break
					}
				}
				if want == "" && len(full.Sections) > 0 {
					want = squashSpace(full.Sections[0].Body)
				}
				if want == "" {
					t.Fatal("the notice has no text to look for")
				}
				doc := ooxmlText(t, "notice.docx", office.download(fmt.Sprintf("/notices/%d/docx", n.ID), docs.MIMEDOCX), "word/document.xml")
				if !strings.Contains(squashSpace(doc), want) {
					t.Errorf("the .docx lacks %.80q…", want)
				}
				if !withPDF {
					return
				}
				pdf := office.download(fmt.Sprintf("/notices/%d/pdf", n.ID), docs.MIMEPDF)
				if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
					t.Fatalf("the .pdf is not a PDF: %.20q", pdf)
				}
				if _, err := exec.LookPath("pdftotext"); err == nil {
					// Words, not lines: the PDF breaks lines where the page does.
					text := squashSpace(pdfText(t, pdf))
					for _, w := range strings.Fields(want)[:min(6, len(strings.Fields(want)))] {
						if !strings.Contains(text, w) {
							t.Errorf("the .pdf lacks %q", w)
						}
					}
				}
			})
		}

		t.Run("stocktake", func(t *testing.T) {
			q := "?since=2017-01-01"
			doc := ooxmlText(t, "stocktake.docx", office.download("/reports/stocktake.docx"+q, docs.MIMEDOCX), "word/document.xml")
			if !strings.Contains(squashSpace(doc), demoTaskText) {
				t.Errorf("the stocktake .docx lacks the demo task")
			}
			if cells := xlsxCells(t, "stocktake.xlsx", office.download("/reports/stocktake.xlsx"+q, "application/vnd.openxmlformats")); !strings.Contains(cells, demoTaskText) {
				t.Errorf("the stocktake .xlsx lacks the demo task")
			}
		})
		t.Run("task list", func(t *testing.T) {
			if cells := xlsxCells(t, "tasks.xlsx", office.download("/tasks/export.xlsx", "application/vnd.openxmlformats")); !strings.Contains(cells, demoTaskText) {
				t.Errorf("the task list .xlsx lacks the demo task")
			}
		})
		t.Run("dashboard", func(t *testing.T) {
			// The per-unit table names units, not tasks: the demo task's lead.
			cells := xlsxCells(t, "units.xlsx", office.download("/dashboard/export.xlsx", "application/vnd.openxmlformats"))
			for _, want := range []string{"Phòng Y tế", "Phòng Giáo dục và Đào tạo"} {
				if !strings.Contains(cells, want) {
					t.Errorf("the dashboard .xlsx lacks %q", want)
				}
			}
			// Its note, and the dashboard's, count the tasks in no row as
			// the list of tasks waiting for units shows them.
			waiting, n, err := e.Service.UnresolvedTasks(ctx, actor, store.TaskFilter{Limit: 200})
			apptest.Must(t, err)
			if n == 0 || n != len(waiting) {
				t.Fatalf("%d tasks wait for units (%d listed)", n, len(waiting))
			}
			if want := fmt.Sprintf("trong đó %d nhiệm vụ chưa có đơn vị chủ trì", n); !strings.Contains(cells, want) {
				t.Errorf("the dashboard .xlsx's note lacks %q", want)
			}
			_, page, _ := office.get("/")
			wantIn(t, "dashboard", page, fmt.Sprintf(`<a href="/tasks/unresolved">%d nhiệm vụ</a> chưa có đơn vị chủ trì`, n))
			_, page, _ = office.get("/tasks/unresolved")
			if rows := strings.Count(page, `<td class="phone-title">`); rows != n {
				t.Errorf("/tasks/unresolved lists %d tasks, the figures say %d", rows, n)
			}
		})
		t.Run("dashboard chart", func(t *testing.T) {
			// demo.Load takes the snapshots: the leader's first page has the chart.
			_, body, _ := e.demoLogin("lanhdao").get("/")
			wantIn(t, "demo dashboard", body, `id="overdue-trend"`, ">T3/2024<", ">Hôm nay<")
		})
		t.Run("calendar", func(t *testing.T) {
			path := newCalendarLink(t, office, url.Values{"name": {"Lịch Văn phòng"}})
			resp, data := e.anon().getResp(path)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("feed: %d", resp.StatusCode)
			}
			cal := parseICal(t, string(data))
			evs := events(t, cal)
			if n := strings.Count(string(data), "BEGIN:VEVENT"); n != len(evs) {
				t.Errorf("%d VEVENTs for %d tasks", n, len(evs))
			}
			// Every task with a due day that is open, or was finished and
			// due in the last CalendarDoneDays days, once.
			all, total, err := e.Service.Tasks(ctx, actor, store.TaskFilter{Limit: 200})
			apptest.Must(t, err)
			if total > len(all) {
				t.Fatalf("the demo has %d tasks, more than one page of %d", total, len(all))
			}
			today := e.Service.Today()
			want, found := 0, false
			for _, task := range all {
				if task.DueOn.IsZero() || (task.Status.Done() && task.DueOn.Before(today.AddDays(-app.CalendarDoneDays))) {
					if evs[task.ID] != nil {
						t.Errorf("task %d (due %s, %s) has an event", task.ID, task.DueOn, task.Status)
					}
					continue
				}
				want++
				ev := evs[task.ID]
				if ev == nil {
					t.Errorf("task %d (due %s) has no event", task.ID, task.DueOn)
					continue
				}
				if task.Text == demoTaskText {
					d, _ := ev.get("DESCRIPTION")
					found = strings.Contains(unescape(t, d.value), demoTaskText)
				}
			}
			if len(evs) != want || want == 0 {
				t.Errorf("%d events, want %d", len(evs), want)
			}
			if !found {
				t.Error("the feed lacks the demo task's text")
			}
		})
	}, apptest.Empty(), apptest.At(demoDay))
}

// pdfAvailable reports whether chromium can print here; without it the PDF
// checks are skipped, except on CI, where it must be installed.
func pdfAvailable(t *testing.T) bool {
	if testing.Short() {
		return false
	}
	if _, err := docs.FindChromium(os.Getenv("GIAOBAN_CHROMIUM")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium is needed on CI to print PDFs: %v", err)
		}
		t.Log("chromium not found: PDFs not checked")
		return false
	}
	return true
}
