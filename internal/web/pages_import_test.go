package web

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// importSample is a short notice with the alias "Phòng GD&ĐT", a unit the
// directory does not know (Phòng Tài nguyên và Môi trường) and markup that
// must come out escaped.
const importSample = `UBND HUYỆN THỬ NGHIỆM
VĂN PHÒNG
Số: 15/TB-VP
Thử Nghiệm, ngày 05 tháng 3 năm 2023
THÔNG BÁO
Kết luận của Phó Chủ tịch UBND huyện tại Hội nghị giao ban khối Văn hóa - Xã hội
Ngày 01/3/2023, Phó Chủ tịch UBND huyện Nguyễn Văn A đã chủ trì Hội nghị giao ban khối Văn hóa - Xã hội <b>trực tuyến</b>. Phó Chủ tịch UBND huyện kết luận như sau:
1. Nhiệm vụ trong thời gian tới
- Giao Phòng GD&ĐT chủ trì, Phòng Y tế phối hợp tham mưu kế hoạch y tế trường học, hoàn thành trước ngày 20/3/2023.
- Giao Phòng Y tế kiểm tra an toàn thực phẩm tại các trường học trong tháng 4/2023.
- Giao Phòng Tài nguyên và Môi trường rà soát hồ sơ đất trường học. Báo cáo kết quả rà soát về UBND huyện.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Trần Thị B
`

const importUnknownUnit = "Phòng Tài nguyên và Môi trường"

// cloneValues is a copy of v that changes to it leave v alone.
func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

var (
	formRe     = regexp.MustCompile(`(?s)<form[^>]*action="([^"]*)"[^>]*>(.*?)</form>`)
	tagRe      = regexp.MustCompile(`(?s)<(input|textarea|select)\b([^>]*)>`)
	attrRe     = regexp.MustCompile(`([a-z_-]+)(?:=(?:"([^"]*)"|([^\s"'>]+)))?`)
	optionRe   = regexp.MustCompile(`<option\b([^>]*)>([^<]*)`)
	importIDRe = regexp.MustCompile(`^/import/(\d+)`)
)

func attrs(s string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRe.FindAllStringSubmatch(s, -1) {
		m[a[1]] = html.UnescapeString(a[2] + a[3])
	}
	return m
}

// scrapeForm returns what a browser would send from the form posting to
// action on page: text inputs, checked boxes, textareas and selected options.
func scrapeForm(t testing.TB, page, action string) url.Values {
	t.Helper()
	var body string
	for _, m := range formRe.FindAllStringSubmatch(page, -1) {
		if m[1] == action {
			body = m[2]
		}
	}
	if body == "" {
		t.Fatalf("no form posting to %s on the page", action)
	}
	out := url.Values{}
	for _, loc := range tagRe.FindAllStringSubmatchIndex(body, -1) {
		kind, a := body[loc[2]:loc[3]], attrs(body[loc[4]:loc[5]])
		name := a["name"]
		if name == "" {
			continue
		}
		rest := body[loc[1]:]
		switch kind {
		case "input":
			if (a["type"] == "checkbox" || a["type"] == "radio") && !strings.Contains(body[loc[4]:loc[5]], " checked") {
				continue
			}
			if a["type"] == "file" {
				continue
			}
			if _, ok := a["value"]; !ok && a["type"] == "checkbox" {
				a["value"] = "on"
			}
			out.Add(name, a["value"])
		case "textarea":
			end := strings.Index(rest, "</textarea>")
			// A textarea's first new line is not part of its value.
			out.Add(name, strings.TrimPrefix(html.UnescapeString(rest[:end]), "\n"))
		case "select":
			end := strings.Index(rest, "</select>")
			val := ""
			for i, o := range optionRe.FindAllStringSubmatch(rest[:end], -1) {
				oa := attrs(o[1])
				if _, ok := oa["value"]; !ok {
					oa["value"] = strings.TrimSpace(html.UnescapeString(o[2]))
				}
				if i == 0 || strings.Contains(o[1], " selected") {
					val = oa["value"]
				}
			}
			out.Add(name, val)
		}
	}
	return out
}

// pasteNotice pastes text on the import form and returns the draft's id.
func pasteNotice(t testing.TB, c *client, text string) int64 {
	t.Helper()
	code, body, loc := c.post("/import", url.Values{"text": {text}})
	m := importIDRe.FindStringSubmatch(loc)
	if code != http.StatusSeeOther || m == nil {
		t.Fatalf("paste: %d → %q, want a redirect to the review page: %s", code, loc, errorOf(body))
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

var errorRe = regexp.MustCompile(`(?s)<p class="error" role="alert">(.*?)</p>`)

// errorOf is the error message shown on a page, or "".
func errorOf(page string) string {
	if m := errorRe.FindStringSubmatch(page); m != nil {
		return html.UnescapeString(m[1])
	}
	return ""
}

func TestImportReviewAndConfirm(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx, office := context.Background(), e.Office
		c := e.login("vanphong")
		if code, body, _ := c.get("/"); code != http.StatusOK || !strings.Contains(body, `href="/import"`) {
			t.Errorf("the Office's menu has no link to the import page (%d)", code)
		}
		if code, body, _ := c.get("/import"); code != http.StatusOK || !strings.Contains(body, `type="file"`) || !strings.Contains(body, `name="text"`) {
			t.Fatalf("import form: %d", code)
		}
		id := pasteNotice(t, c, importSample)
		path := fmt.Sprintf("/import/%d", id)

		// The review page: tasks, their marks in the escaped source, the unknown name.
		code, page, _ := c.get(path)
		if code != http.StatusOK {
			t.Fatalf("review page: %d %s", code, errorOf(page))
		}
		for _, want := range []string{`<mark id="t1">`, `<mark id="t2">`, `<mark id="t3">`, `href=#t1`, `id=f3`,
			"Giao Phòng GD&amp;ĐT chủ trì", "&lt;b&gt;trực tuyến&lt;/b&gt;", `name=ulead_3 value="` + importUnknownUnit + `" checked`,
			`<option>` + importUnknownUnit, `name=text_3`, `value="2023-03-20"`, "Lưu chỉnh sửa", "Xác nhận nhập"} {
			if !strings.Contains(page, want) {
				t.Errorf("review page lacks %q", want)
			}
		}
		if strings.Contains(page, "<b>trực tuyến</b>") {
			t.Error("markup of the source text reached the page unescaped")
		}

		// The unknown unit joins the directory; the draft now names it.
		form := scrapeForm(t, page, path)
		form.Set("add", "new")
		form.Set("uname", importUnknownUnit)
		form.Set("ublock", strconv.FormatInt(e.Block.ID, 10))
		code, body, loc := c.post(path+"/units", form)
		if code != http.StatusSeeOther || !strings.HasPrefix(loc, path) {
			t.Fatalf("add unit: %d → %q %s", code, loc, errorOf(body))
		}
		dir, err := e.Service.Directory(ctx, office)
		apptest.Must(t, err)
		var tnmt int64
		for _, u := range dir.Units {
			if u.Name == importUnknownUnit {
				tnmt = u.ID
				if u.BlockID != e.Block.ID {
					t.Errorf("new unit in block %d, want %d", u.BlockID, e.Block.ID)
				}
			}
		}
		if tnmt == 0 {
			t.Fatalf("%q was not added to the directory", importUnknownUnit)
		}
		_, page, _ = c.get(loc)
		if strings.Contains(page, "name=ulead_3") || strings.Contains(page, `name="uname"`) ||
			!strings.Contains(page, fmt.Sprintf(`name=lead_3 value=%d checked`, tnmt)) {
			t.Fatalf("after adding the unit, task 3 should lead with unit %d and no name should be red", tnmt)
		}

		// Corrections: a deadline, a lead typed by its alias, a split and a skipped task.
		form = scrapeForm(t, page, path)
		form.Set("dl_1", "month")
		form.Set("date_1", "2023-04-10")
		form.Del("lead_2") // Phòng Y tế no longer leads task 2…
		form.Set("lead_add_2", "phòng gd&đt")
		form.Set("text_3", "Giao Phòng Tài nguyên và Môi trường rà soát hồ sơ đất trường học.\n---\nBáo cáo kết quả rà soát về UBND huyện.")
		form.Set("dl_3", "date")
		form.Set("date_3", "30/4/2023")
		code, body, loc = c.post(path, form)
		if code != http.StatusSeeOther {
			t.Fatalf("save corrections: %d %s", code, errorOf(body))
		}
		_, page, _ = c.get(loc)
		if !strings.Contains(page, `name=text_4`) || !strings.Contains(page, `<mark id="t4">`) {
			t.Fatalf("task 3 was not split into two tasks, each marked in the source")
		}
		if !strings.Contains(page, fmt.Sprintf(`name=lead_2 value=%d checked`, e.Unit1.ID)) {
			t.Errorf("task 2 does not lead with the unit typed by its alias")
		}

		// Two tabs: a form of an older version is refused and the stored draft shown.
		stale := cloneValues(form)
		code, body, _ = c.post(path, stale)
		if code != http.StatusConflict || !strings.Contains(errorOf(body), "người khác sửa") || !strings.Contains(body, `name=text_4`) {
			t.Fatalf("stale form: %d %q, want 409 with the message and the current draft", code, errorOf(body))
		}

		// Confirm, with a merge on the way: task 4 goes back into task 3. The
		// first step stores nothing and says what will be stored.
		form = scrapeForm(t, page, path)
		form.Set("merge_4", "1")
		code, body, _ = c.post(path+"/confirm", form)
		if code != http.StatusOK || !strings.Contains(body, "<b>3</b> nhiệm vụ sẽ được nhập") {
			t.Fatalf("confirmation step: %d %s", code, errorOf(body))
		}
		if _, total, _ := e.Service.Notices(ctx, office, store.NoticeFilter{}); total != 0 {
			t.Fatalf("the confirmation step stored %d notices", total)
		}
		step := scrapeForm(t, body, path+"/confirm")
		step.Set("final", "1")
		code, body, loc = c.post(path+"/confirm", step)
		if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/notices/") {
			t.Fatalf("confirm: %d → %q %s", code, loc, errorOf(body))
		}
		if code, page, _ := c.get(loc); code != http.StatusOK || !strings.Contains(page, "Đã nhập 3 nhiệm vụ") {
			t.Errorf("notice page after import: %d, want the message “Đã nhập 3 nhiệm vụ”", code)
		}
		noticeID, err := strconv.ParseInt(strings.TrimPrefix(strings.SplitN(loc, "?", 2)[0], "/notices/"), 10, 64)
		apptest.Must(t, err)
		rows, total, err := e.Service.NoticeTasks(ctx, office, noticeID, 50)
		apptest.Must(t, err)
		if total != 3 {
			t.Fatalf("stored %d tasks, want 3", total)
		}
		for _, r := range rows {
			switch {
			case strings.Contains(r.Text, "kế hoạch y tế trường học"):
				if r.Deadline.Kind != domain.DeadlineMonth || r.DueOn != domain.MustDate("2023-04-30") {
					t.Errorf("task 1 deadline %+v due %s, want the month of April 2023", r.Deadline, r.DueOn)
				}
			case strings.Contains(r.Text, "an toàn thực phẩm"):
				if len(r.Lead) != 1 || r.Lead[0] != e.Unit1.ID {
					t.Errorf("task 2 lead %v, want [%d]", r.Lead, e.Unit1.ID)
				}
			case strings.Contains(r.Text, "hồ sơ đất"):
				if !strings.Contains(r.Text, "Báo cáo kết quả") || len(r.Lead) != 1 || r.Lead[0] != tnmt || r.DueOn != domain.MustDate("2023-04-30") {
					t.Errorf("merged task 3: %q lead %v due %s", r.Text, r.Lead, r.DueOn)
				}
			default:
				t.Errorf("unexpected task %q", r.Text)
			}
		}
		// The review stays as the import's record, linked from the notice,
		// linking the notice and each task; it no longer takes changes.
		_, body, _ = c.get(fmt.Sprintf("/notices/%d", noticeID))
		if !strings.Contains(body, fmt.Sprintf(`href="/import/%d" id="import-record"`, id)) {
			t.Error("the notice page does not link the import's record")
		}
		code, body, _ = c.get(path)
		if code != http.StatusOK || !strings.Contains(body, "Bản ghi nhập văn bản") || !strings.Contains(body, fmt.Sprintf(`href="/notices/%d"`, noticeID)) ||
			strings.Contains(body, "Xác nhận nhập") {
			t.Fatalf("record: %d, want the read-only record linking the notice", code)
		}
		for _, r := range rows {
			if !strings.Contains(body, fmt.Sprintf(`href="/tasks/%d"`, r.ID)) {
				t.Errorf("the record does not link task %d", r.ID)
			}
		}
		if code, body, _ := c.post(path, form); code != http.StatusConflict || !strings.Contains(errorOf(body), "đã được nhập") {
			t.Errorf("saving a confirmed import: %d %q, want 409", code, errorOf(body))
		}
		if code, _, _ := c.post(path+"/confirm", step); code != http.StatusConflict {
			t.Errorf("confirming twice: %d, want 409", code)
		}
		if _, total, _ := e.Service.Notices(ctx, office, store.NoticeFilter{}); total != 1 {
			t.Errorf("%d notices after confirming twice, want 1", total)
		}
	})
}

func TestImportAccess(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		id := pasteNotice(t, e.login("vanphong"), importSample)
		review := fmt.Sprintf("/import/%d", id)
		for _, user := range []string{"gddt", "xem", "lanhdao"} {
			t.Run(user, func(t *testing.T) {
				c := e.login(user)
				if code, body, _ := c.get("/"); code == http.StatusOK && strings.Contains(body, `href="/import"`) {
					t.Error("menu links to the import page")
				}
				for _, tc := range []struct {
					method, path string
				}{{"GET", "/import"}, {"POST", "/import"}, {"GET", review}, {"POST", review}, {"POST", review + "/units"}, {"POST", review + "/tasks"},
					{"POST", review + "/confirm"}} {
					var code int
					if tc.method == "GET" {
						code, _, _ = c.get(tc.path)
					} else {
						code, _, _ = c.post(tc.path, url.Values{"text": {importSample}})
					}
					if code != http.StatusForbidden {
						t.Errorf("%s %s: %d, want 403", tc.method, tc.path, code)
					}
				}
			})
		}
		if _, err := e.Service.ImportDraftByID(context.Background(), e.Office, id); err != nil {
			t.Errorf("the draft was touched: %v", err)
		}
	})
}

func TestImportBadInput(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		c := e.login("vanphong")
		max := int(e.Service.Options().MaxUpload)
		tests := []struct {
			name     string
			text     string
			file     string
			data     []byte
			code     int
			message  string
			keepText bool
		}{
			{"binary file", "nội dung đã dán vẫn còn", "anh.txt", []byte{0x00, 0x01, 0x02, 0xff, 0x00, 0x00, 0x10, 0x00, 0x89, 'P', 'N', 'G'}, http.StatusUnprocessableEntity, "nhị phân", true},
			{"corrupt docx", "", "tb.docx", []byte("PK\x03\x04 không phải docx"), http.StatusUnprocessableEntity, "", false},
			{"nothing", "   ", "", nil, http.StatusUnprocessableEntity, "hãy chọn một tệp hoặc dán nội dung", false},
			{"oversized file", "", "lon.txt", bytes.Repeat([]byte("Giao Phòng Y tế. "), max/15), http.StatusRequestEntityTooLarge, "quá lớn", false},
			{"oversized paste", strings.Repeat("a", max+10), "", nil, http.StatusRequestEntityTooLarge, "quá lớn", false},
			{"body above every limit", "", "rat-lon.txt", bytes.Repeat([]byte("a"), max*2+(1<<20)), http.StatusRequestEntityTooLarge, "quá lớn", false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var files []upload
				if tt.file != "" {
					files = append(files, upload{tt.file, tt.data})
				}
				code, body, _ := c.postMultipart("/import", url.Values{"text": {tt.text}}, "file", files...)
				msg := errorOf(body)
				if code != tt.code || msg == "" || !strings.Contains(strings.ToLower(msg), tt.message) {
					t.Fatalf("%d %q, want %d with a message holding %q", code, msg, tt.code, tt.message)
				}
				if tt.keepText && !strings.Contains(body, tt.text+"</textarea>") {
					t.Error("the pasted text was not kept on the form")
				}
				if len(body) > 64<<10 {
					t.Errorf("error page of %d bytes", len(body))
				}
			})
		}
		// Nothing was stored: no draft, no notice.
		if _, err := e.Service.ImportDraftByID(context.Background(), e.Office, 1); !app.IsNotFound(err) {
			t.Errorf("a draft was stored: %v", err)
		}
		if _, total, err := e.Service.Notices(context.Background(), e.Office, store.NoticeFilter{}); err != nil || total != 0 {
			t.Errorf("%d notices stored (%v)", total, err)
		}
	})
}

// TestImportReviewIsLight: a 20 KB notice, as dense in tasks as the densest
// real ones (about forty), in a directory of forty units, gives a review page
// under 100 KB.
func TestImportReviewIsLight(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		for i := 1; i <= 38; i++ {
			apptest.Must(t, e.Service.CreateUnit(ctx, e.Admin, &domain.Unit{Name: fmt.Sprintf("UBND xã Thử Nghiệm số %d", i), BlockID: e.Block.ID}))
		}
		tasks := []string{
			"- Giao Phòng GD&ĐT chủ trì, phối hợp với Phòng Y tế và UBND xã Thử Nghiệm số %d rà soát, tổng hợp tình hình y tế trường học, " +
				"an toàn thực phẩm tại các bếp ăn bán trú, công tác phòng chống dịch bệnh, tiêm chủng cho học sinh và vệ sinh môi trường tại các " +
				"cơ sở giáo dục trên địa bàn; báo cáo UBND huyện kết quả và đề xuất giải pháp khắc phục, hoàn thành trước ngày %d/4/2023.\n",
			"- Phòng Y tế tăng cường kiểm tra, giám sát hoạt động hành nghề y, dược tư nhân trên địa bàn xã Thử Nghiệm số %d; xử lý nghiêm " +
				"các trường hợp vi phạm theo quy định; tuyên truyền để người dân lựa chọn cơ sở khám chữa bệnh có đủ điều kiện hoạt động, " +
				"không mua thuốc không rõ nguồn gốc, định kỳ báo cáo kết quả về UBND huyện trong tháng %d/2023.\n",
			"- Giao UBND xã Thử Nghiệm số %d tập trung chỉ đạo công tác chuyển đổi số, duy trì hoạt động chính quyền điện tử; khắc phục kịp thời " +
				"những tồn tại đã được nêu; ưu tiên bố trí cán bộ trẻ có năng lực ứng dụng công nghệ thông tin, thường xuyên trao đổi, học tập kinh " +
				"nghiệm giữa các đơn vị với nhau về những nội dung đã được nêu trong báo cáo đánh giá hàng tháng của huyện, thực hiện ngay từ tháng %d năm 2023.\n",
			"- Giao Trung tâm Văn hóa Thể thao huyện chủ trì tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao chào mừng các ngày lễ lớn " +
				"tại xã Thử Nghiệm số %d; phát triển và duy trì hoạt động các câu lạc bộ, đội văn nghệ quần chúng, chỉnh trang thiết chế văn hóa " +
				"thôn, khu dân cư, bảo đảm an toàn, tiết kiệm, hiệu quả; trọng tâm là tháng %d/2023.\n",
		}
		var b strings.Builder
		b.WriteString("UBND HUYỆN THỬ NGHIỆM\nSố: 20/TB-UBND\nThử Nghiệm, ngày 10 tháng 3 năm 2023\nTHÔNG BÁO\nKết luận của Chủ tịch UBND huyện tại Hội nghị giao ban tháng 3\n")
		b.WriteString("Ngày 08/3/2023, Chủ tịch UBND huyện đã chủ trì Hội nghị giao ban. Chủ tịch UBND huyện kết luận như sau:\nII. Nhiệm vụ trọng tâm\n")
		for i := 0; b.Len() < 20<<10; i++ {
			fmt.Fprintf(&b, tasks[i%len(tasks)], i%38+1, i%8+4)
		}
		b.WriteString("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn A\n")
		c := e.login("vanphong")
		id := pasteNotice(t, c, b.String())
		code, page, _ := c.get(fmt.Sprintf("/import/%d", id))
		if code != http.StatusOK {
			t.Fatalf("review page: %d", code)
		}
		marks := strings.Count(page, "<mark id=")
		if marks < 38 {
			t.Fatalf("only %d tasks marked in the source", marks)
		}
		if len(page) >= 100<<10 {
			t.Errorf("review page of a %d-byte notice with %d tasks is %d bytes, want < 100 KB", b.Len(), marks, len(page))
		}
		t.Logf("source %d B, %d tasks, page %d B", b.Len(), marks, len(page))
	})
}

func TestMarkSource(t *testing.T) {
	src := "Mở đầu <a> & 1. Giao Phòng Y tế; 2. Giao Phòng GD&ĐT."
	i1 := strings.Index(src, "1.")
	i2 := strings.Index(src, "2.")
	tests := []struct {
		name   string
		tasks  []app.ImportTask
		want   string
		marked []bool
	}{
		{"two spans", []app.ImportTask{{Start: i1, End: i2 - 1}, {Start: i2, End: len(src)}},
			`Mở đầu &lt;a&gt; &amp; <mark id="t1"><a href=#f1>1</a>1. Giao Phòng Y tế;</mark> <mark id="t2"><a href=#f2>2</a>2. Giao Phòng GD&amp;ĐT.</mark>`,
			[]bool{true, true}},
		{"out of range and empty", []app.ImportTask{{Start: -3, End: 4}, {Start: 5, End: 5}, {Start: i2, End: len(src) + 10}},
			html.EscapeString(src), []bool{false, false, false}},
		{"overlap keeps the first", []app.ImportTask{{Start: i1, End: len(src)}, {Start: i2, End: len(src)}},
			`Mở đầu &lt;a&gt; &amp; <mark id="t1"><a href=#f1>1</a>` + html.EscapeString(src[i1:]) + `</mark>`, []bool{true, false}},
		{"inside a character", []app.ImportTask{{Start: 1, End: 2}}, // "ở" is two bytes from 1
			`M<mark id="t1"><a href=#f1>1</a>ở</mark>` + html.EscapeString(src[len("Mở"):]), []bool{true}},
		{"skipped", []app.ImportTask{{Start: 0, End: 1, Skip: true}},
			`<mark id="t1" class="im-off"><a href=#f1>1</a>M</mark>` + html.EscapeString(src[1:]), []bool{true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, marked := markSource(src, tt.tasks)
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if fmt.Sprint(marked) != fmt.Sprint(tt.marked) {
				t.Errorf("marked %v, want %v", marked, tt.marked)
			}
		})
	}
}

// confirmReview confirms import draft id with the review form: the first
// step shows what would be stored, the second (that page's "Nhập" button,
// with the choices as the page fills them) stores it.
func confirmReview(t testing.TB, c *client, id int64, form url.Values) (int, string, string) {
	t.Helper()
	path := fmt.Sprintf("/import/%d/confirm", id)
	code, body, loc := c.post(path, form)
	if code != http.StatusOK {
		return code, body, loc
	}
	step := scrapeForm(t, body, path)
	step.Set("final", "1")
	return c.post(path, step)
}
