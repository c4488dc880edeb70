package docs

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"giaoban/internal/domain"
	"giaoban/internal/importer"
)

func TestDateLine(t *testing.T) {
	for _, c := range []struct {
		place string
		date  domain.Date
		year  int
		want  string
	}{
		{"Lâm Thao", domain.MustDate("2023-02-23"), 0, "Lâm Thao, ngày 23 tháng 02 năm 2023"},
		{"Lâm Thao", domain.MustDate("2023-01-05"), 0, "Lâm Thao, ngày 05 tháng 01 năm 2023"},
		{"Cẩm Thủy", domain.MustDate("2023-03-09"), 0, "Cẩm Thủy, ngày 09 tháng 3 năm 2023"},
		{"Hưng Điền", domain.MustDate("2024-12-31"), 0, "Hưng Điền, ngày 31 tháng 12 năm 2024"},
		{"Lâm Thao", domain.Date{}, 2023, "Lâm Thao, ngày … tháng … năm 2023"},
		{"", domain.Date{}, 0, "ngày … tháng … năm …"},
	} {
		if got := DateLine(c.place, c.date, c.year); got != c.want {
			t.Errorf("DateLine(%q, %v, %d) = %q, want %q", c.place, c.date, c.year, got, c.want)
		}
	}
}

func TestNumberLine(t *testing.T) {
	for _, c := range []struct{ number, symbol, want string }{
		{"12", "TB-UBND", "Số: 12/TB-UBND"},
		{"5", "tb-ubnd", "Số: 05/TB-UBND"},
		{"", "TB-VP", "Số: …/TB-VP"},
		{"", "", ""},
	} {
		if got := NumberLine(c.number, c.symbol); got != c.want {
			t.Errorf("NumberLine(%q, %q) = %q, want %q", c.number, c.symbol, got, c.want)
		}
	}
}

func TestRecipientLines(t *testing.T) {
	got := RecipientLines([]string{"- Như trên;", "Lưu VT", "CT, các PCT UBND huyện.", " "})
	want := []string{"- Như trên;", "- CT, các PCT UBND huyện;", "- Lưu: VT."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("RecipientLines = %q, want %q", got, want)
	}
	if got := RecipientLines(nil); len(got) != 1 || got[0] != "- Lưu: VT." {
		t.Errorf("no recipients gives %q, want the archive line only", got)
	}
}

func TestLetterheadFits(t *testing.T) {
	// The national name must fit its column on one line at the chosen size.
	if w := textWidth(NationalName, SizeNationalName, true); w > headerRightPt-2*cellPadPt {
		t.Errorf("the national name is %.0f pt wide, its column %.0f pt", w, headerRightPt-2*cellPadPt)
	}
	l := layout(Document{Issuer: IssuerName("UBND huyện Lâm Thao"), Summary: "Kết luận"})
	if strings.Join(l.Issuer, "|") != "ỦY BAN NHÂN DÂN|HUYỆN LÂM THAO" {
		t.Errorf("issuer lines = %q", l.Issuer)
	}
	if r := l.IssuerRule / widest(l.Issuer, SizeIssuer, true); r < 1.0/3 || r > 0.5 {
		t.Errorf("issuer rule is %.2f of the line, want 1/3–1/2", r)
	}
}

func TestNoticeFromDomainSignature(t *testing.T) {
	d := NoticeFromDomain(testOrg, domain.Notice{Symbol: "TB-VP", Title: "x", SignerAuthority: "tl. chủ tịch", SignerTitle: "chánh văn phòng"})
	l := layout(d)
	if d.Superior != "UBND huyện Lâm Thao" || d.Issuer != "Văn phòng" {
		t.Errorf("a TB-VP notice's letterhead = %q / %q, want the Office under the organisation", d.Superior, d.Issuer)
	}
	if strings.Join(l.Authority, "|") != "TL. CHỦ TỊCH|CHÁNH VĂN PHÒNG" {
		t.Errorf("authority lines = %q", l.Authority)
	}
	if d.Place != "Lâm Thao" {
		t.Errorf("place = %q, want the organisation's", d.Place)
	}
}

func TestNoticeFromImport(t *testing.T) {
	data, err := os.ReadFile("testdata/notice_000.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc importer.Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	d, err := NoticeFromImport(doc)
	if err != nil {
		t.Fatal(err)
	}
	if d.Superior != "UBND HUYỆN LÂM THAO" || d.Issuer != "VĂN PHÒNG" || d.Number != "" || d.Symbol != "TB-VP" ||
		d.Date != domain.MustDate("2023-02-23") || d.Place != "Lâm Thao" {
		t.Errorf("header = %q %q %q %q %v %q", d.Superior, d.Issuer, d.Number, d.Symbol, d.Date, d.Place)
	}
	if d.Signature.Authority != "KT. CHÁNH VĂN PHÒNG " || d.Signature.Name != "Tạ Quang Thắng" {
		t.Errorf("signature = %+v", d.Signature)
	}
	var text []string
	heads := 0
	for _, b := range d.Body {
		text = append(text, b.Text)
		if b.Kind == Heading {
			heads++
		}
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{
		"Ngày 22/02/2023, Phó Chủ tịch Ngô Đức Sáu chủ trì hội nghị giao ban.",
		"1. Nhiệm vụ trọng tâm trong thời gian tới\n1.1. Nhiệm vụ chung\n- Yêu cầu UBND các xã, thị trấn",
		"1.2. Về Văn hóa và Thông tin",
		"thời gian thực hiện xong trước 05/3/2023", // the deadline as printed, not repeated
		"thông báo để các cơ quan, đơn vị biết, thực hiện./.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("body lacks %q:\n%s", want, all)
		}
	}
	if strings.Count(all, "05/3/2023") != 1 {
		t.Error("a deadline the text prints was added again")
	}
	if n := strings.Count(all, "\n- "); n != len(doc.Tasks) {
		t.Errorf("%d task lines, want %d", n, len(doc.Tasks))
	}
	if heads < 3 {
		t.Errorf("%d headings, want the section path's", heads)
	}
}

func TestTaskLineAddsMissingDeadline(t *testing.T) {
	due := "2023-03-20"
	got := taskLine(importer.Task{Text: "Báo cáo kết quả", Due: &due, Deadline: importer.Deadline{Kind: "date", Raw: "trước 20/3/2023"}}, domain.MustDate(due))
	if got != "Báo cáo kết quả (thời hạn: trước 20/3/2023)" {
		t.Errorf("taskLine = %q", got)
	}
}

// TestSummaryKeepsNamesWhole: at any width, the summary's lines never break
// inside a person's name, with or without a comma after it.
func TestSummaryKeepsNamesWhole(t *testing.T) {
	summary := "Kết luận của Phó Chủ tịch UBND huyện Nguyễn Văn An, Trưởng ban Chỉ đạo tại Hội nghị giao ban với đồng chí Tạ Quang Thắng về công tác chuyển đổi số"
	for width := 120.0; width <= 460; width += 2 {
		lines := wrapSummary(summary, SizeSummary, true, width)
		joined := strings.Join(lines, "|")
		for _, name := range []string{"Nguyễn Văn An,", "Tạ Quang Thắng"} {
			if !strings.Contains(joined, name) {
				t.Errorf("at %.0f pt the summary breaks inside %q: %q", width, name, lines)
			}
		}
		if strings.Join(lines, " ") != summary {
			t.Fatalf("at %.0f pt the summary's words changed: %q", width, lines)
		}
	}
	// A notice's summary as the layout sets it (it used to end a line on
	// "… UBND huyện Nguyễn" and begin the next with "Văn An …").
	for _, sum := range []string{"Kết luận của Phó Chủ tịch UBND huyện Nguyễn Văn An tại cuộc họp giao ban tháng 2/2023",
		"Kết luận của Phó Chủ tịch UBND huyện Tạ Quang Thắng tại buổi làm việc với Phòng Giáo dục và Đào tạo"} {
		l := layout(Document{Summary: sum})
		if j := strings.Join(l.Summary, "|"); !strings.Contains(j, "Nguyễn Văn An") && !strings.Contains(j, "Tạ Quang Thắng") {
			t.Errorf("summary lines %q break inside the name", l.Summary)
		}
	}
	// The letterhead's names are wrapped as before.
	if got := wrapBalanced("ỦY BAN NHÂN DÂN HUYỆN LÂM THAO", SizeIssuer, true, 150); len(got) != 2 {
		t.Errorf("issuer lines = %q", got)
	}
}

// TestNoticeFromImportSections: a notice read into its sections is printed
// as read, each heading with its own number, the body's lines in order;
// a part the source lacks is a marked blank, never silently empty.
func TestNoticeFromImportSections(t *testing.T) {
	doc := importer.Document{Title: "Kết luận giao ban", Symbol: "TB-UBND", Number: "/TB-UBND",
		Sections: []importer.Section{
			{Paragraphs: []string{"Ngày 02/3/2023, Chủ tịch UBND xã chủ trì giao ban."}},
			{Number: "II.", Heading: "Nhiệm vụ", Paragraphs: []string{"1. Công an xã", "- Tăng cường tuần tra."}},
			{Paragraphs: []string{"Trên đây là kết luận của Chủ tịch UBND xã./."}},
		}}
	d, err := NoticeFromImport(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.Body {
		kind := "p"
		if b.Kind == Heading {
			kind = "h"
		}
		got = append(got, kind+" "+b.Text)
	}
	want := []string{"p Ngày 02/3/2023, Chủ tịch UBND xã chủ trì giao ban.", "h II. Nhiệm vụ", "h 1. Công an xã", "p - Tăng cường tuần tra.",
		"p Trên đây là kết luận của Chủ tịch UBND xã./."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("body:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	l := layout(d)
	if l.NumberLine != "Số: …/TB-UBND" || l.DateLine != "ngày … tháng … năm …" || l.Name != Blank ||
		strings.Join(l.Authority, "") != Blank || strings.Join(l.Recipients, "|") != "- …;|- Lưu: VT." {
		t.Errorf("blanks: %q %q %q %q %q", l.NumberLine, l.DateLine, l.Name, l.Authority, l.Recipients)
	}
}
