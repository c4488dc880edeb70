package importer

import (
	"strings"
	"testing"
)

// TestNamedUnits reads the unit each item of a notice names as its
// subject: a sector ("Ngành Giáo dục"), a numbered team, a named commune,
// an inspection team, besides the units of the headings.
func TestNamedUnits(t *testing.T) {
	const notice = `UBND HUYỆN TÂN LẠC
VĂN PHÒNG
Số: 35/TB-VP
Tân Lạc, ngày 20 tháng 11 năm 2024
THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại hội nghị giao ban tháng 11 năm 2024
Ngày 18/11/2024, Chủ tịch UBND huyện Bùi Văn Cửu chủ trì hội nghị giao ban tháng 11. Sau khi nghe báo cáo, Chủ tịch UBND huyện kết luận như sau:
1. Đối với UBND các xã, thị trấn:
- Tổ chức tốt Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư.
- Hoàn thành thu thuế sử dụng đất phi nông nghiệp trước ngày 15/12/2024.
2. Phòng Tài chính - Kế hoạch, Phòng Nội vụ:
- Tham mưu phương án sắp xếp đơn vị sự nghiệp, trình UBND huyện trong tháng 12/2024.
3. Lĩnh vực giáo dục
- Ngành Giáo dục chủ động phòng chống dịch bệnh trong trường học.
- Tổ công tác 137 của huyện rà soát các trường hợp vi phạm đất đai.
- Xã Mỹ Hòa hoàn thành hồ sơ đề nghị công nhận nông thôn mới trước ngày 25/12.
- Đoàn kiểm tra liên ngành kiểm tra an toàn thực phẩm dịp Tết.
Trên đây là kết luận của Chủ tịch UBND huyện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Đinh Thị Hạnh
`
	want := []string{
		"UBND các xã, thị trấn",
		"UBND các xã, thị trấn",
		"Phòng Tài chính - Kế hoạch; Phòng Nội vụ",
		"Ngành Giáo dục",
		"Tổ công tác 137",
		"Xã Mỹ Hòa",
		"Đoàn kiểm tra liên ngành",
	}
	doc, err := Extract("tb.txt", []byte(notice), Options{})
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
}
