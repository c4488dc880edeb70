package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// seedBody names where each seed's body starts and ends in its source: the
// first and the last words of the body as printed. Everything before is
// letterhead, motto, title or page furniture; everything after is
// recipients, signature or the page's byline and links.
var seedBody = []struct {
	file, first, last string
}{
	{"000_780e82fddf8c584f.txt", "Ngày 22/02/2023, Phó Chủ tịch", "đơn vị biết, thực hiện./."},
	{"001_9a54d1652a7bf494.txt", "Vào lúc 07 giờ 30 phút", "vượt chỉ tiêu được giao./."},
	{"002_7ff80f2f6058e073.txt", "Ngày 16/6/2023, Phó Chủ tịch", "nghiêm túc triển khai thực hiện."},
	{"003_1e9f49002660beb5.txt", "Sáng ngày 13/3, Đ/c Nguyễn Thái Hòa", "đời sống vật chất tinh thần cho các hội viên."},
	{"004_0c6efb7e40f97c92.txt", "Tại buổi giao ban, các đơn vị", "phát triển kinh tế xã hội năm 2017."},
}

// words splits text into its words: runs of letters and digits, so that
// punctuation, markers and how lines were wrapped or joined do not count.
func words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// bodyOf is the source's body between its first and last words.
func bodyOf(t *testing.T, src, first, last string) string {
	t.Helper()
	i := strings.Index(src, first)
	j := strings.LastIndex(src, last)
	if i < 0 || j < i {
		t.Fatalf("the source has no body from %q to %q", first, last)
	}
	return src[i : j+len(last)]
}

// sameWords reports the words of want missing from got and those got has
// beyond want, each with its count.
func sameWords(want, got []string) (missing, extra map[string]int) {
	count := map[string]int{}
	for _, w := range want {
		count[w]++
	}
	for _, w := range got {
		count[w]--
	}
	missing, extra = map[string]int{}, map[string]int{}
	for w, n := range count {
		switch {
		case n > 0:
			missing[w] = n
		case n < 0:
			extra[w] = -n
		}
	}
	return missing, extra
}

func readSeed(t *testing.T, name string) (string, *Document) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Extract(name, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc.SourceText, doc
}

// TestSeedSectionsKeepTheBody reads each seed's body into sections holding
// every word of it once, and no word of the letterhead, the title, the
// recipients, the signature or the page around a story.
func TestSeedSectionsKeepTheBody(t *testing.T) {
	for _, sb := range seedBody {
		t.Run(sb.file, func(t *testing.T) {
			src, doc := readSeed(t, sb.file)
			want := words(bodyOf(t, src, sb.first, sb.last))
			var got []string
			for _, s := range doc.Sections {
				got = append(got, words(s.Number+" "+s.Heading)...)
				for _, p := range s.Paragraphs {
					got = append(got, words(p)...)
				}
			}
			if missing, extra := sameWords(want, got); len(missing)+len(extra) > 0 {
				t.Errorf("sections lose %v and add %v (source body %d words, sections %d)", missing, extra, len(want), len(got))
			}
		})
	}
}

func TestSeedFields(t *testing.T) {
	cases := []struct {
		file                                    string
		superior, issuer, number, place, issued string
		authority, position, signer             string
		title                                   string
		recipients                              int
		headings                                []string // numbered sections, as "number heading"
	}{
		{"000_780e82fddf8c584f.txt", "UBND HUYỆN LÂM THAO", "VĂN PHÒNG", "/TB-VP", "Lâm Thao", "2023-02-23",
			"KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Tạ Quang Thắng", "Kết luận của Phó Chủ tịch UBND huyện Ngô Đức Sáu", 8,
			[]string{"1. Kết quả thực hiện các nhiệm vụ thuộc khối VH-XH", "2. Nhiệm vụ trọng tâm trong thời gian tới", "3. Đối với đề xuất của các xã, thị trấn:"}},
		{"001_9a54d1652a7bf494.txt", "", "", "", "", "<nil>",
			"TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Lê Phan Quang Trung", "Kết luận của Phó Chủ tịch UBND huyện Phan Hòa Nông", 6,
			[]string{"I. Thành phần:", "II. Nội dung:"}},
		{"002_7ff80f2f6058e073.txt", "", "", "/TB-UBND", "Cẩm Thủy", "<nil>",
			"TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Nguyễn Đình Hùng", "Kết luận của Phó Chủ tịch UBND huyện - Trần Đức Hùng", 6,
			[]string{"1. Đánh giá kết quả hoạt động của các cơ quan trong khối Văn hóa - Xã hội 6 tháng đầu năm 2023",
				"2. Giải quyết các khó khăn, vướng mắc trong quá trình tổ chức thực hiện các nhiệm vụ", "3. Nhiệm vụ 6 tháng cuối năm 2023"}},
		{"003_1e9f49002660beb5.txt", "", "", "", "", "<nil>", "", "", "<nil>", "UBND huyện giao ban khối văn hóa xã hội", 0, nil},
		{"004_0c6efb7e40f97c92.txt", "", "", "", "", "<nil>", "", "", "<nil>", "Giao ban khối Văn hóa – Xã hội", 0, nil},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			_, doc := readSeed(t, c.file)
			got := []string{doc.Superior, doc.Issuer, doc.Number, doc.Place, str(doc.IssuedOn), doc.SignerAuthority, doc.SignerPosition, str(doc.Signer)}
			want := []string{c.superior, c.issuer, c.number, c.place, c.issued, c.authority, c.position, c.signer}
			if !slices.Equal(got, want) {
				t.Errorf("letterhead, number, place, date, signature = %q, want %q", got, want)
			}
			if !strings.HasPrefix(doc.Title, c.title) {
				t.Errorf("title %q, want it to start %q", doc.Title, c.title)
			}
			if len(doc.Recipients) != c.recipients {
				t.Errorf("%d recipients, want %d: %q", len(doc.Recipients), c.recipients, doc.Recipients)
			}
			var heads []string
			for _, s := range doc.Sections {
				if s.Number != "" {
					heads = append(heads, s.Number+" "+s.Heading)
				}
			}
			if !slices.Equal(heads, c.headings) {
				t.Errorf("section headings %q, want %q", heads, c.headings)
			}
			for _, s := range doc.Sections {
				for _, p := range s.Paragraphs {
					if strings.Contains(p, "CỘNG HÒA") || strings.HasPrefix(p, "Nơi nhận") || strings.Contains(p, "CHÁNH VĂN PHÒNG") {
						t.Errorf("the body holds %q", p)
					}
				}
			}
		})
	}
}

func TestSectionsLeaveFurnitureOut(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // every paragraph, in order
	}{
		{"page numbers", "THÔNG BÁO\nKết luận của Chủ tịch UBND xã tại cuộc họp giao ban\nNgày 02/3/2023, Chủ tịch UBND xã chủ trì cuộc họp.\n1. Nhiệm vụ\n- Giao Công an xã rà soát.\n2\n- Giao Trạm Y tế kiểm tra.\nNơi nhận:\n- Lưu: VT.\n",
			[]string{"Ngày 02/3/2023, Chủ tịch UBND xã chủ trì cuộc họp.", "- Giao Công an xã rà soát.", "- Giao Trạm Y tế kiểm tra."}},
		{"news page", "Trang chủ\n\nSố lượt truy cập\n\nUBND xã họp giao ban tháng 3\n\nNgày đăng 02/3/2023 | Lượt xem: 12\n\nUBND xã họp giao ban tháng 3\n\nSáng ngày 02/3, UBND xã họp giao ban đánh giá kết quả thực hiện nhiệm vụ tháng 2 và triển khai nhiệm vụ tháng 3; dự họp có các đồng chí trong Thường trực Đảng ủy, Thường trực HĐND, lãnh đạo UBND xã, các công chức chuyên môn và trưởng các thôn.\n\nChủ tịch UBND xã yêu cầu Công an xã tăng cường tuần tra.\n\nNguyễn Văn A\n\nRss\n",
			[]string{"Sáng ngày 02/3, UBND xã họp giao ban đánh giá kết quả thực hiện nhiệm vụ tháng 2 và triển khai nhiệm vụ tháng 3; dự họp có các đồng chí trong Thường trực Đảng ủy, Thường trực HĐND, lãnh đạo UBND xã, các công chức chuyên môn và trưởng các thôn.", "Chủ tịch UBND xã yêu cầu Công an xã tăng cường tuần tra."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Extract("t.txt", []byte(c.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range doc.Sections {
				got = append(got, s.Paragraphs...)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("paragraphs %q, want %q", got, c.want)
			}
		})
	}
}

func TestLetterheadBodies(t *testing.T) {
	cases := []struct {
		lines            []string
		superior, issuer string
	}{
		{[]string{"UBND HUYỆN LÂM THAO", "VĂN PHÒNG"}, "UBND HUYỆN LÂM THAO", "VĂN PHÒNG"},
		{[]string{"ỦY BAN NHÂN DÂN", "HUYỆN CẨM THỦY"}, "", "ỦY BAN NHÂN DÂN HUYỆN CẨM THỦY"},
		{[]string{"UBND TỈNH THANH HÓA", "ỦY BAN NHÂN DÂN", "HUYỆN CẨM THỦY"}, "UBND TỈNH THANH HÓA", "ỦY BAN NHÂN DÂN HUYỆN CẨM THỦY"},
		{[]string{"ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"}, "", "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"},
	}
	for _, c := range cases {
		if s, i := letterheadBodies(c.lines); s != c.superior || i != c.issuer {
			t.Errorf("letterheadBodies(%q) = %q, %q; want %q, %q", c.lines, s, i, c.superior, c.issuer)
		}
	}
}

// TestConfidence rates what each rule read: an item under a unit's heading
// with a date is sure throughout; a sentence taken for its verb, with no
// unit and words of time left unread, is a guess throughout; a unit the
// directory knows by other words is likely.
func TestConfidence(t *testing.T) {
	notice := `THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại Hội nghị giao ban
Ngày 02/3/2023, Chủ tịch UBND huyện chủ trì Hội nghị giao ban. Chủ tịch UBND huyện kết luận như sau:
1. Phòng Giáo dục và Đào tạo
- Rà soát trường chuẩn quốc gia, hoàn thành trước ngày 20/3/2023.
- Tổ chức kiểm tra các trường trong tháng 4/2023.
2. Nhiệm vụ khác
- Giao Phòng GD&ĐT tổng hợp báo cáo hàng tháng.
- Giao Phòng Tài nguyên và Môi trường rà soát hồ sơ đất.
Nơi nhận:
- Lưu: VT.
`
	news := `UBND xã họp giao ban tháng 3
Sáng ngày 02/3, UBND xã họp giao ban tháng 3. Chủ tịch UBND xã kết luận cuộc họp.
Tiếp tục tuyên truyền phòng chống dịch bệnh, hoàn thành xong trước mùa mưa.
`
	dir := []UnitName{{Name: "Phòng Giáo dục và Đào tạo", Aliases: []string{"Phòng GD&ĐT"}}, {Name: "Phòng Y tế"}}
	type want struct{ boundary, units, deadline string }
	cases := []struct {
		name, text string
		opt        Options
		want       []want
	}{
		{"notice", notice, Options{Units: dir}, []want{
			{"item/high", "heading/high", "date/high"},
			{"item/high", "heading/high", "period/medium"},
			{"item/high", "named/high", "recurring/medium"},
			{"item/high", "unresolved/low", "none/high"},
		}},
		{"news", news, Options{}, []want{{"verb/low", "none/low", "unread/low"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Extract("t.txt", []byte(c.text), c.opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []want
			for _, tk := range doc.Tasks {
				cf := tk.Confidence
				got = append(got, want{cf.BoundaryRule + "/" + cf.Boundary, cf.UnitsRule + "/" + cf.Units, cf.DeadlineRule + "/" + cf.Deadline})
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("confidence %v, want %v", got, c.want)
			}
		})
	}
}
