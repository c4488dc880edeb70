package importer

import (
	"strings"
	"testing"
)

// abbreviationNotice is a notice (invented for the test) whose attendee
// list spells out the units that its tasks name by abbreviation.
const abbreviationNotice = `UBND HUYỆN AN LÃO
Số: 48/TB-UBND
An Lão, ngày 12 tháng 6 năm 2024
THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban tháng 6
Ngày 10/6/2024, Chủ tịch UBND huyện chủ trì cuộc họp giao ban. Tham dự có lãnh đạo Phòng Văn hóa và Thông tin, Phòng Tài chính - Kế hoạch, Phòng Lao động - Thương binh và Xã hội, Bảo hiểm xã hội huyện, Trung tâm Y tế huyện, Đài Truyền thanh - Truyền hình huyện, Ủy ban Mặt trận Tổ quốc Việt Nam huyện, Ban Chỉ huy Quân sự huyện, Công an huyện, Hội Liên hiệp Phụ nữ huyện, Đoàn Thanh niên huyện và Ban Quản lý dự án đầu tư xây dựng huyện (BQLDA).
Chủ tịch UBND huyện kết luận như sau:
- Giao Phòng VH-TT chủ trì tổ chức Ngày hội văn hóa các dân tộc.
- Giao Phòng VHTT kiểm tra biển quảng cáo sai quy định.
- Giao Phòng TC-KH thẩm định dự toán sửa chữa trụ sở.
- Giao Phòng LĐ-TB&XH rà soát hộ cận nghèo.
- Giao BHXH huyện đôn đốc thu nợ bảo hiểm.
- Giao TTYT huyện tiêm vắc xin sởi cho trẻ em.
- Giao Đài TT-TH huyện đưa tin về cuộc vận động.
- Giao UBMTTQ huyện giám sát việc bình xét hộ nghèo.
- Giao BCH Quân sự huyện huấn luyện lực lượng dân quân.
- Giao Công an huyện tuần tra bảo đảm an ninh.
- Giao Hội LHPN huyện vận động hội viên.
- Giao Đoàn TN huyện ra quân tình nguyện hè.
- Giao BQLDA khởi công trường mầm non.
- Giao Sở NN&PTNT hướng dẫn phòng dịch cho đàn gia súc.
- Giao Phòng Nội vụ, Tư pháp rà soát thủ tục hành chính.
- Giao phòng Tài nguyên và môi trường phối hợp với Văn phòng HĐND-UBND kiểm kê đất công.
`

// TestAbbreviations expands abbreviated unit names where the document
// gives the full name (in its text or in parentheses) and keeps the
// abbreviation where it does not.
func TestAbbreviations(t *testing.T) {
	want := []string{
		"Phòng Văn hóa và Thông tin",
		"Phòng Văn hóa và Thông tin",
		"Phòng Tài chính - Kế hoạch",
		"Phòng Lao động - Thương binh và Xã hội",
		"Bảo hiểm xã hội",
		"Trung tâm Y tế",
		"Đài Truyền thanh - Truyền hình",
		"Ủy ban Mặt trận Tổ quốc",
		"Ban Chỉ huy Quân sự",
		"Công an",
		"Hội Liên hiệp Phụ nữ",
		"Đoàn Thanh niên",
		"Ban Quản lý dự án đầu tư xây dựng",
		"Sở NN&PTNT",
		"Phòng Nội vụ; Phòng Tư pháp",
		"Phòng Tài nguyên và môi trường",
	}
	doc, err := Extract("tb.txt", []byte(abbreviationNotice), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tasks) != len(want) {
		t.Fatalf("got %d tasks, want %d: %q", len(doc.Tasks), len(want), taskTexts(doc))
	}
	for i, w := range want {
		if got := strings.Join(doc.Tasks[i].Lead, "; "); got != w {
			t.Errorf("%q: lead %q, want %q", doc.Tasks[i].Text, got, w)
		}
	}
	if got := strings.Join(doc.Tasks[len(want)-1].Support, "; "); got != "Văn phòng HĐND-UBND" {
		t.Errorf("support %q", got)
	}
}

// TestAbbreviationsKept keeps an abbreviation the document never spells
// out, and resolves it through a directory's aliases when one is given.
func TestAbbreviationsKept(t *testing.T) {
	text := "THÔNG BÁO\nKết luận tại cuộc họp giao ban\nNgày 02/4/2024, Phó Chủ tịch UBND huyện chủ trì cuộc họp và kết luận như sau:\n- Giao Phòng VHTT chủ trì kiểm tra các điểm kinh doanh karaoke.\n- Giao TTYT huyện giám sát dịch sốt xuất huyết.\n"
	doc, err := Extract("tb.txt", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tasks) != 2 || !equalStrings(doc.Tasks[0].Lead, []string{"Phòng VHTT"}) || !equalStrings(doc.Tasks[1].Lead, []string{"TTYT"}) {
		t.Errorf("tasks %q leads %q %q", taskTexts(doc), doc.Tasks[0].Lead, doc.Tasks[1].Lead)
	}
	dir := []UnitName{
		{Name: "Phòng Văn hóa, Khoa học và Thông tin", Aliases: []string{"Phòng VHTT", "Phòng Văn hóa"}},
		{Name: "Trung tâm Y tế khu vực", Aliases: []string{"TTYT"}},
	}
	doc, err = Extract("tb.txt", []byte(text), Options{Units: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !equalStrings(doc.Tasks[0].Lead, []string{"Phòng Văn hóa, Khoa học và Thông tin"}) || !equalStrings(doc.Tasks[1].Lead, []string{"Trung tâm Y tế khu vực"}) {
		t.Errorf("with a directory: leads %q %q", doc.Tasks[0].Lead, doc.Tasks[1].Lead)
	}
}
