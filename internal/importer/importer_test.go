package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// str dereferences an optional string for comparisons.
func str(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestParseDeadline(t *testing.T) {
	cases := []struct {
		name, text string
		year       int
		due, kind  string
	}{
		{"before date", "Hoàn thành dự thảo trước ngày 15/7/2023.", 2023, "2023-07-15", "date"},
		{"done before", "thời gian thực hiện xong trước 20/3/2023;", 2023, "2023-03-20", "date"},
		{"spaced slash", "tham mưu chương trình, thời gian trước 15/ 3/2023.", 2023, "2023-03-15", "date"},
		{"latest", "Báo cáo kết quả chậm nhất ngày 10/8/2024.", 2024, "2024-08-10", "date"},
		{"latest words", "nộp chậm nhất là ngày 05 tháng 8 năm 2024", 2024, "2024-08-05", "date"},
		{"no year", "Gửi báo cáo trước ngày 30/6.", 2023, "2023-06-30", "date"},
		{"markdown remnant cleaned", "ký ban hành trước ngày 30/7/2023", 2023, "2023-07-30", "date"},
		{"month", "trình Ban Thường vụ xem xét trong tháng 9/2023.", 2023, "2023-09-30", "month"},
		{"month leap", "tổ chức trong tháng 2/2024", 2024, "2024-02-29", "month"},
		{"month words", "hoàn thành trong tháng 5 năm 2024", 2024, "2024-05-31", "month"},
		{"quarter roman", "Hoàn thành trong quý III/2024.", 2024, "2024-09-30", "quarter"},
		{"quarter words", "triển khai trong quý 4 năm 2023", 2023, "2023-12-31", "quarter"},
		{"recurring monthly", "Báo cáo kết quả hàng tháng về UBND huyện.", 2023, "", "recurring"},
		{"recurring quarterly", "định kỳ hàng quý báo cáo", 2023, "", "recurring"},
		{"event", "trình Chủ tịch UBND huyện ban hành ngay sau khi UBND tỉnh ban hành kế hoạch.", 2023, "", "event"},
		{"legal ref is not a deadline", "theo Quyết định số 1300/QĐ-BYT ngày 09/3/2023 của Bộ Y tế.", 2023, "", "none"},
		{"anniversary is not a deadline", "kỷ niệm 76 năm ngày Thương binh Liệt sĩ (27/7/1947 – 27/7/2023).", 2023, "", "none"},
		{"year only is not a deadline", "(Trong năm 2024, xây dựng 02 trường)", 2024, "", "none"},
		{"invalid date", "trước ngày 31/2/2023", 2023, "", "none"},
		{"no year no ref", "trước ngày 30/6", 0, "", "none"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			due, dl := ParseDeadline(c.text, c.year)
			if due != c.due || dl.Kind != c.kind {
				t.Errorf("ParseDeadline(%q) = %q %q, want %q %q", c.text, due, dl.Kind, c.due, c.kind)
			}
		})
	}
}

func TestParseLegalRefs(t *testing.T) {
	refs := ParseLegalRefs("Tổ chức thực hiện theo Quyết định số 1300/QĐ-BYT ngày 09/3/2023 của Bộ Y tế và Công văn số 1121/STTTT-BCVT ngày 11/5/2023 của Sở Thông tin và Truyền thông về việc khuyến nghị.")
	if len(refs) != 2 {
		t.Fatalf("got %d refs: %+v", len(refs), refs)
	}
	want := LegalRef{Type: "Quyết định", Number: "1300/QĐ-BYT", Date: "2023-03-09", Issuer: "Bộ Y tế"}
	if refs[0] != want {
		t.Errorf("ref 0 = %+v, want %+v", refs[0], want)
	}
	if refs[1].Number != "1121/STTTT-BCVT" || refs[1].Issuer != "Sở Thông tin" {
		t.Errorf("ref 1 = %+v", refs[1])
	}
}

const structuredNotice = `UBND HUYỆN AN BÌNH
VĂN PHÒNG HĐND VÀ UBND
Số: 45/TB-VP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
An Bình, ngày 12 tháng 5 năm 2024
THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại hội nghị giao ban khối Kinh tế với UBND các xã, phường
Ngày 10/5/2024, Chủ tịch UBND huyện Hoàng Minh Tuấn đã chủ trì hội nghị giao ban khối Kinh tế. Tham dự có lãnh đạo các phòng, ban.
Sau khi nghe báo cáo và ý kiến của các đại biểu, Chủ tịch UBND huyện kết luận như sau:
I. Đánh giá chung
Các đơn vị đã hoàn thành tốt nhiệm vụ được giao.
- Tiến độ giải ngân vốn đầu tư công còn chậm.
II. Nhiệm vụ trọng tâm
1. Phòng Tài nguyên và Môi trường
- Rà soát quỹ đất công, báo cáo UBND huyện trước ngày 30/6/2024.
- Phối hợp với Phòng Kinh tế và Hạ tầng kiểm tra công tác cấp phép xây dựng.
2. Về nông nghiệp
- Tổ chức tốt việc gieo cấy vụ mùa.
- Tăng cường phòng chống dịch bệnh trên đàn gia súc, báo cáo hàng tháng.
Giao Phòng Nông nghiệp và Phát triển nông thôn chủ trì kiểm tra, đôn đốc thực hiện các nội dung trên.
3. Giao Phòng Tài chính - Kế hoạch chủ trì, Kho bạc Nhà nước phối hợp tham mưu phương án điều chuyển vốn, hoàn thành trong tháng 7/2024.
4. Đối với đề xuất của các xã
- UBND huyện tiếp thu đề xuất của các xã và sẽ xem xét khi có nguồn vốn.
- Yêu cầu BHXH huyện phối hợp với Phòng LĐ-TB&XH rà soát đối tượng tham gia Bảo hiểm xã hội tự nguyện trong quý III/2024.
- Phòng Văn hóa và Thông tin: khẩn trương hoàn thiện hồ sơ di tích, trình UBND huyện ngay sau khi Sở ban hành hướng dẫn.
Trên đây là kết luận của Chủ tịch UBND huyện, Văn phòng thông báo để các đơn vị biết, thực hiện./.
Nơi nhận:
- Các phòng, ban;
- UBND các xã, phường;
- Lưu: VT.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Đỗ Thị Lan
`

// findTask returns the first task whose text contains s.
func findTask(t *testing.T, doc *Document, s string) Task {
	t.Helper()
	for _, tk := range doc.Tasks {
		if strings.Contains(tk.Text, s) {
			return tk
		}
	}
	t.Fatalf("no task contains %q; tasks: %+v", s, taskTexts(doc))
	return Task{}
}

func taskTexts(doc *Document) []string {
	var out []string
	for _, tk := range doc.Tasks {
		out = append(out, tk.Text)
	}
	return out
}

func TestStructuredNotice(t *testing.T) {
	doc, err := Extract("tb.txt", []byte(structuredNotice), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ name, got, want string }{
		{"number", doc.Number, "45/TB-VP"},
		{"symbol", doc.Symbol, "TB-VP"},
		{"place", doc.Place, "An Bình"},
		{"issued", str(doc.IssuedOn), "2024-05-12"},
		{"meeting date", str(doc.Meeting.Date), "2024-05-10"},
		{"chair", str(doc.Meeting.Chair), "Hoàng Minh Tuấn"},
		{"signer", str(doc.Signer), "Đỗ Thị Lan"},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
			}
		})
	}
	if len(doc.Tasks) != 8 {
		t.Errorf("got %d tasks, want 8: %q", len(doc.Tasks), taskTexts(doc))
	}
	tasks := []struct {
		name, contains string
		lead, support  []string
		due, kind      string
	}{
		{"unit heading", "Rà soát quỹ đất công", []string{"Phòng Tài nguyên và Môi trường"}, nil, "2024-06-30", "date"},
		{"phối hợp with", "kiểm tra công tác cấp phép", []string{"Phòng Tài nguyên và Môi trường"}, []string{"Phòng Kinh tế và Hạ tầng"}, "", "none"},
		{"closing lead", "gieo cấy vụ mùa", []string{"Phòng Nông nghiệp và Phát triển nông thôn"}, []string{"UBND các xã, phường"}, "", "none"},
		{"recurring", "đàn gia súc", []string{"Phòng Nông nghiệp và Phát triển nông thôn"}, []string{"UBND các xã, phường"}, "", "recurring"},
		{"closing itself", "kiểm tra, đôn đốc thực hiện các nội dung trên", []string{"Phòng Nông nghiệp và Phát triển nông thôn"}, nil, "", "none"},
		{"giao chủ trì phối hợp", "điều chuyển vốn", []string{"Phòng Tài chính - Kế hoạch"}, []string{"Kho bạc Nhà nước"}, "2024-07-31", "month"},
		{"yêu cầu abbreviation", "rà soát đối tượng", []string{"Bảo hiểm xã hội"}, []string{"Phòng LĐ-TB&XH"}, "2024-09-30", "quarter"},
		{"unit colon", "hoàn thiện hồ sơ di tích", []string{"Phòng Văn hóa và Thông tin"}, nil, "", "event"},
	}
	for _, c := range tasks {
		t.Run(c.name, func(t *testing.T) {
			tk := findTask(t, doc, c.contains)
			if !equalStrings(tk.Lead, c.lead) {
				t.Errorf("lead = %q, want %q", tk.Lead, c.lead)
			}
			if !equalStrings(tk.Support, c.support) {
				t.Errorf("support = %q, want %q", tk.Support, c.support)
			}
			if str(tk.Due) != orNil(c.due) || tk.Deadline.Kind != c.kind {
				t.Errorf("due = %s %s, want %s %s", str(tk.Due), tk.Deadline.Kind, orNil(c.due), c.kind)
			}
			if got := doc.SourceText[tk.Start:tk.End]; !strings.Contains(collapseSpaces(got), c.contains) {
				t.Errorf("offsets [%d,%d) point at %q", tk.Start, tk.End, got)
			}
			if !tk.Key {
				t.Errorf("task under a 'trọng tâm' heading should be key")
			}
		})
	}
	for _, tk := range doc.Tasks {
		if strings.Contains(tk.Text, "tiếp thu") || strings.Contains(tk.Text, "giải ngân") || strings.Contains(tk.Text, "hoàn thành tốt") {
			t.Errorf("non-task extracted: %q", tk.Text)
		}
	}
	if len(doc.Recipients) != 3 {
		t.Errorf("recipients = %q", doc.Recipients)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func orNil(s string) string {
	if s == "" {
		return "<nil>"
	}
	return s
}

func TestLayouts(t *testing.T) {
	pdfBroken := "THÔNG BÁO\n\nKết luận của Phó Chủ tịch UBND huyện tại cuộc họp giao ban\n\nNgày 03/4/2023, Phó Chủ tịch UBND huyện Lê Văn Bình đã chủ trì cuộc họp giao ban.\n\n" +
		"Phó Chủ tịch UBND huyện kết luận như sau:\n\n" +
		"1. Phòng Giáo dục và Đào tạo \n\n" +
		"- Tăng cường kiểm tra, giám sát công tác dạy và học trên địa bàn, tổ chức tốt kỳ \n\n" +
		"thi tuyển sinh vào lớp 10 năm học 2023-2024, hoàn thành báo cáo trước ngày 15/ \n\n" +
		"6/2023; phối hợp với Phòng LĐ-\n\nTB&XH rà soát học sinh có hoàn cảnh khó khăn để hỗ trợ kịp thời theo quy \n\n" +
		"định hiện hành của Nhà nước. \n\n" +
		"- Chuẩn bị điều kiện khai giảng năm học mới.\n"
	markdown := "Số: /TB-UBND\nBình Sơn, ngày tháng 6 năm 2023\nTHÔNG BÁO\nKết luận tại hội nghị giao ban\nNgày 16/6/2023, Phó Chủ tịch UBND huyện - Trần Văn Nam đã chủ trì hội nghị.\nPhó Chủ tịch kết luận như sau:\n" +
		"1. Nhiệm vụ cụ thể\n** Về y tế:*\n- Giao Trung tâm Y tế chủ trì, Văn phòng HĐND-UBND huyện phối hợp, tham mưu văn bản. Yêu cầu hoàn thành **trước ngày 15/7/2023**.\n" +
		"- Tập trung phòng, chống dịch bệnh mùa hè.\n**TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG**\nNguyễn Văn Hải\n"
	prose := "Tin tức - Sự kiện\nUBND huyện giao ban khối văn hóa xã hội quý II\n" +
		"Sáng ngày 13/3, Đ/c Phạm Thu Hà – Phó Chủ tịch UBND huyện đã chủ trì cuộc họp giao ban khối văn hóa xã hội.\n" +
		"Thời gian qua, các đơn vị đã thường xuyên bám sát nhiệm vụ. Các đơn vị báo cáo kết quả.\n" +
		"Kết luận cuộc họp, Phó Chủ tịch UBND huyện biểu dương các đơn vị. Đồng chí yêu cầu các ngành trong khối cần xây dựng kế hoạch cụ thể. Tập trung nâng cao chất lượng giáo dục. Phòng Y tế cần tăng cường kiểm tra an toàn thực phẩm. Các đơn vị vẫn còn hạn chế.\nPV\n"
	cases := []struct {
		name      string
		text      string
		tasks     int
		first     string
		lead      []string
		due       string
		issued    string
		chair     string
		signer    string
		meetingOn string
	}{
		{"pdf hard breaks", pdfBroken, 2, "Tăng cường kiểm tra, giám sát công tác dạy và học trên địa bàn, tổ chức tốt kỳ thi tuyển sinh", []string{"Phòng Giáo dục và Đào tạo"}, "2023-06-15", "<nil>", "Lê Văn Bình", "<nil>", "2023-04-03"},
		{"markdown", markdown, 2, "Giao Trung tâm Y tế chủ trì", []string{"Trung tâm Y tế"}, "2023-07-15", "<nil>", "Trần Văn Nam", "Nguyễn Văn Hải", "2023-06-16"},
		{"prose article", prose, 3, "Đồng chí yêu cầu các ngành trong khối", nil, "<nil>", "<nil>", "Phạm Thu Hà", "<nil>", "<nil>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Extract("x.txt", []byte(c.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Tasks) != c.tasks {
				t.Fatalf("got %d tasks, want %d: %q", len(doc.Tasks), c.tasks, taskTexts(doc))
			}
			tk := doc.Tasks[0]
			if !strings.HasPrefix(tk.Text, c.first) && !strings.Contains(tk.Text, c.first) {
				t.Errorf("first task = %q, want it to contain %q", tk.Text, c.first)
			}
			if c.lead != nil && !equalStrings(tk.Lead, c.lead) {
				t.Errorf("lead = %q, want %q", tk.Lead, c.lead)
			}
			if str(tk.Due) != c.due {
				t.Errorf("due = %s, want %s", str(tk.Due), c.due)
			}
			if str(doc.IssuedOn) != c.issued || str(doc.Meeting.Chair) != c.chair || str(doc.Signer) != c.signer || str(doc.Meeting.Date) != c.meetingOn {
				t.Errorf("meta = issued %s chair %s signer %s meeting %s", str(doc.IssuedOn), str(doc.Meeting.Chair), str(doc.Signer), str(doc.Meeting.Date))
			}
		})
	}
	t.Run("pdf hyphenation joined", func(t *testing.T) {
		doc, _ := Extract("x.txt", []byte(pdfBroken), Options{})
		tk := doc.Tasks[0]
		if !strings.Contains(tk.Text, "Phòng LĐ-TB&XH rà soát") || !equalStrings(tk.Support, []string{"Phòng LĐ-TB&XH"}) {
			t.Errorf("text %q support %q", tk.Text, tk.Support)
		}
	})
	t.Run("prose lead", func(t *testing.T) {
		doc, _ := Extract("x.txt", []byte(prose), Options{})
		last := doc.Tasks[len(doc.Tasks)-1]
		if !equalStrings(last.Lead, []string{"Phòng Y tế"}) {
			t.Errorf("lead = %q", last.Lead)
		}
		if !equalStrings(doc.Tasks[0].Lead, []string{"Các cơ quan, đơn vị khối văn hóa xã hội"}) {
			t.Errorf("khối lead = %q", doc.Tasks[0].Lead)
		}
	})
}

// buildDocx makes a minimal .docx with the given paragraphs; paragraphs
// starting with "•" become Word bullet list items.
func buildDocx(t testing.TB, paras []string) []byte {
	t.Helper()
	var body strings.Builder
	for _, p := range paras {
		body.WriteString("<w:p>")
		if strings.HasPrefix(p, "•") {
			p = strings.TrimSpace(strings.TrimPrefix(p, "•"))
			body.WriteString(`<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
		}
		body.WriteString("<w:r><w:t xml:space=\"preserve\">")
		xmlEscape(&body, p)
		body.WriteString("</w:t></w:r></w:p>")
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`
	numbering := `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   doc,
		"word/numbering.xml":  numbering,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func xmlEscape(b *strings.Builder, s string) {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	b.WriteString(r.Replace(s))
}

func TestFormats(t *testing.T) {
	paras := []string{
		"THÔNG BÁO", "Kết luận tại cuộc họp giao ban khối Văn hóa - Xã hội",
		"Ngày 02/10/2024, Phó Chủ tịch UBND huyện Vũ Đức Long đã chủ trì cuộc họp.",
		"Phó Chủ tịch UBND huyện kết luận như sau:",
		"1. Phòng Y tế",
		"• Tăng cường kiểm tra an toàn thực phẩm dịp Tết, báo cáo trước ngày 20/12/2024.",
		"• Phối hợp với Trung tâm Y tế tổ chức tiêm chủng mở rộng.",
		"• Rà soát trạm y tế xã.",
	}
	docx := buildDocx(t, paras)
	html := `<!DOCTYPE html><html><head><style>p{color:red}</style><script>var x = "<p>- Không phải nhiệm vụ</p>";</script></head><body>` +
		`<div class="menu">Trang chủ</div><h1>THÔNG BÁO</h1><p>Kết luận tại cuộc họp giao ban</p>` +
		`<p>Ngày 02/10/2024, Phó Chủ tịch UBND huyện Vũ Đức Long đã chủ trì cuộc họp.</p><p>Phó Chủ tịch UBND huyện kết luận như sau:</p>` +
		`<p>1. Phòng Y tế</p><ul><li>Tăng cường kiểm tra an toàn thực phẩm dịp Tết, báo cáo trước ngày 20/12/2024.</li>` +
		`<li>Phối hợp với Trung tâm Y tế tổ chức tiêm chủng mở rộng.</li><li>Rà soát trạm y tế xã &amp; thôn.</li></ul></body></html>`
	plain := strings.Join(paras, "\n")
	plain = strings.ReplaceAll(plain, "• ", "- ")
	tcvn := EncodeTCVN3(plain)
	vni := EncodeVNI(plain)
	nfd := norm.NFD.String(plain)
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range plain {
		if r > 0xFFFF {
			t.Fatal("sample outside BMP")
		}
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	cases := []struct {
		name, file string
		data       []byte
		format     string
		encoding   string
	}{
		{"docx", "tb.docx", docx, "docx", "utf-8"},
		{"html", "tb.html", []byte(html), "html", "utf-8"},
		{"tcvn3", "tb.txt", tcvn, "txt", "tcvn3"},
		{"vni", "tb.txt", []byte(vni), "txt", "vni"},
		{"vni as latin-1 bytes", "tb.txt", latin1Bytes(vni), "txt", "vni"},
		{"nfd", "tb.txt", []byte(nfd), "txt", "utf-8"},
		{"utf16", "tb.txt", utf16, "txt", "utf-16"},
		{"pasted text without extension", "", []byte(plain), "txt", "utf-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Extract(c.file, c.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != c.format || doc.Encoding != c.encoding {
				t.Errorf("format %s/%s, want %s/%s", doc.Format, doc.Encoding, c.format, c.encoding)
			}
			if len(doc.Tasks) != 3 {
				t.Fatalf("got %d tasks: %q\n%s", len(doc.Tasks), taskTexts(doc), doc.SourceText)
			}
			tk := doc.Tasks[0]
			if !strings.Contains(tk.Text, "an toàn thực phẩm") || str(tk.Due) != "2024-12-20" {
				t.Errorf("task 0 = %q due %s", tk.Text, str(tk.Due))
			}
			if !equalStrings(tk.Lead, []string{"Phòng Y tế"}) {
				t.Errorf("lead = %q", tk.Lead)
			}
			if !equalStrings(doc.Tasks[1].Support, []string{"Trung tâm Y tế"}) {
				t.Errorf("support = %q", doc.Tasks[1].Support)
			}
			if c.encoding != "tcvn3" && str(doc.Meeting.Chair) != "Vũ Đức Long" {
				t.Errorf("chair = %s", str(doc.Meeting.Chair))
			}
			if !norm.NFC.IsNormalString(doc.SourceText) {
				t.Errorf("source text is not NFC")
			}
			if strings.Contains(doc.SourceText, "Không phải nhiệm vụ") || strings.Contains(doc.SourceText, "color:red") {
				t.Errorf("script/style leaked into text")
			}
		})
	}
}

// latin1Bytes encodes runes U+0000..U+00FF as single bytes.
func latin1Bytes(s string) []byte {
	var out []byte
	for _, r := range s {
		out = append(out, byte(r))
	}
	return out
}

func TestUnitDirectory(t *testing.T) {
	text := "THÔNG BÁO\nKết luận giao ban\nChủ tịch UBND huyện kết luận như sau:\n" +
		"- Giao BHXH huyện phối hợp với Phòng GD&ĐT tuyên truyền BHYT học sinh.\n" +
		"- Giao NHCSXH huyện chủ trì, Hội Nông dân phối hợp giải ngân vốn vay.\n" +
		"- Giao Ban Quản lý chợ Trung tâm chủ trì kiểm tra an toàn phòng cháy.\n"
	dir := []UnitName{
		{Name: "Bảo hiểm xã hội huyện", Aliases: []string{"BHXH"}},
		{Name: "Phòng Giáo dục và Đào tạo", Aliases: []string{"Phòng GD&ĐT", "Phòng GDĐT"}},
		{Name: "Phòng giao dịch Ngân hàng Chính sách xã hội", Aliases: []string{"NHCSXH", "Ngân hàng CSXH"}},
		{Name: "Hội Nông dân huyện"},
	}
	doc, err := Extract("x.txt", []byte(text), Options{Units: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tasks) != 3 {
		t.Fatalf("tasks: %q", taskTexts(doc))
	}
	cases := []struct {
		i             int
		lead, support []string
	}{
		{0, []string{"Bảo hiểm xã hội huyện"}, []string{"Phòng Giáo dục và Đào tạo"}},
		{1, []string{"Phòng giao dịch Ngân hàng Chính sách xã hội"}, []string{"Hội Nông dân huyện"}},
	}
	for _, c := range cases {
		tk := doc.Tasks[c.i]
		if !equalStrings(tk.Lead, c.lead) || !equalStrings(tk.Support, c.support) {
			t.Errorf("task %d: lead %q support %q, want %q %q", c.i, tk.Lead, tk.Support, c.lead, c.support)
		}
	}
	if len(doc.Unresolved) != 1 || !strings.Contains(doc.Unresolved[0], "Ban Quản lý chợ") {
		t.Errorf("unresolved = %q", doc.Unresolved)
	}
	// Without a directory BHXH is expanded only when the notice writes
	// the full name.
	doc2, _ := Extract("x.txt", []byte(text), Options{})
	if got := doc2.Tasks[0].Lead; !equalStrings(got, []string{"BHXH"}) {
		t.Errorf("lead without directory = %q", got)
	}
	doc3, _ := Extract("x.txt", []byte(text+"- Bảo hiểm xã hội cần đôn đốc thu nợ.\n"), Options{})
	if got := doc3.Tasks[0].Lead; !equalStrings(got, []string{"Bảo hiểm xã hội"}) {
		t.Errorf("lead with full name in text = %q", got)
	}
}

func TestInputErrors(t *testing.T) {
	bomb := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		chunk := bytes.Repeat([]byte(" "), 1<<20)
		for i := 0; i < 8; i++ {
			w.Write(chunk)
		}
		zw.Close()
		return buf.Bytes()
	}()
	cases := []struct {
		name, file string
		data       []byte
		opt        Options
		sentinel   error
		msg        string
	}{
		{"empty", "a.txt", nil, Options{}, ErrEmpty, "Tệp rỗng: a.txt"},
		{"blank", "a.txt", []byte(" \n\t\n"), Options{}, ErrEmpty, "Tệp rỗng"},
		{"binary", "a.bin", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3}, Options{}, ErrBinary, "không phải văn bản"},
		{"oversize", "big.txt", bytes.Repeat([]byte("a"), 3<<20), Options{MaxBytes: 2 << 20}, ErrTooLarge, "Tệp quá lớn: big.txt (3.0 MB) vượt giới hạn 2 MB"},
		{"zip bomb as docx", "bomb.docx", bomb, Options{MaxBytes: 1 << 20}, nil, "bomb.docx"},
		{"not a zip docx", "x.docx", []byte("hello, không phải zip"), Options{}, ErrFormat, "không phải .docx hợp lệ"},
		{"docx without document", "x.docx", emptyZip(), Options{}, ErrFormat, "thiếu word/document.xml"},
		{"corrupt pdf", "x.pdf", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage"), Options{}, ErrFormat, "PDF x.pdf bị hỏng"},
		{"corrupt pdf with trailer", "y.pdf", []byte("%PDF-1.4\nrác rác rác\n%%EOF\n"), Options{}, ErrFormat, "y.pdf"},
		{"pdf extension not pdf", "z.pdf", []byte("xin chào"), Options{}, ErrFormat, "không phải PDF hợp lệ"},
		{"non-utf8 unknown", "w.txt", []byte{0x81, 0x8d, 0x8f, 0x90, 0x9d, 'a', 0x81, 0x8d, 0x8f, 0x90, 'b', 0x81, 0x81, 0x9d, 0x8d}, Options{}, ErrEncoding, "không dùng bảng mã UTF-8, TCVN3 (ABC) hay VNI"},
		{"old doc", "old.doc", []byte{0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3}, Options{}, ErrFormat, "Word cũ"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Extract(c.file, c.data, c.opt)
			if err == nil {
				t.Fatal("expected an error")
			}
			if c.sentinel != nil && !errors.Is(err, c.sentinel) {
				t.Errorf("error %v does not wrap %v", err, c.sentinel)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q does not contain %q", err, c.msg)
			}
			if c.name == "zip bomb as docx" && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrFormat) {
				t.Errorf("zip bomb error %v", err)
			}
		})
	}
}

func emptyZip() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("readme.txt")
	w.Write([]byte("x"))
	zw.Close()
	return buf.Bytes()
}

func TestSeedsEmbedded(t *testing.T) {
	for _, s := range loadSeeds(t) {
		doc, err := Extract(s.name, s.data, Options{})
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if len(doc.Tasks) == 0 {
			t.Errorf("%s: no tasks", s.name)
		}
		for _, tk := range doc.Tasks {
			if tk.Start < 0 || tk.End > len(doc.SourceText) || tk.Start > tk.End {
				t.Errorf("%s: bad offsets %d %d", s.name, tk.Start, tk.End)
			}
		}
	}
}

// TestDirectoryNumberedUnits checks that units whose names differ only by a
// number are never confused with one another.
func TestDirectoryNumberedUnits(t *testing.T) {
	var units []UnitName
	for i := 1; i <= 12; i++ {
		units = append(units, UnitName{Name: fmt.Sprintf("Trường Tiểu học số %d", i)})
	}
	r := newUnitResolver("", units)
	for _, tt := range []struct{ in, want string }{
		{"Trường Tiểu học số 7", "Trường Tiểu học số 7"},
		{"trường tiểu học số 1", "Trường Tiểu học số 1"},
		{"Trường tiểu học số 11 thị trấn", "Trường Tiểu học số 11"},
		{"Trường Tiểu học Kim Đồng số 7", "Trường Tiểu học số 7"},
		{"Trường Tiểu học số 13", ""},
	} {
		got, ok := r.resolveDir(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("resolveDir(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}
