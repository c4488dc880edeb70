package docs

import (
	"fmt"

	"giaoban/internal/domain"
)

// testOrg and testNotice are the fixed notice of the golden files: a
// district's notice of two pages, with its letterhead, sections, bullets,
// recipients and a KT. signature.
var testOrg = domain.Org{Name: "UBND huyện Lâm Thao", Level: "huyện", Place: "Lâm Thao", Superior: "UBND tỉnh Phú Thọ"}

func testNotice() domain.Notice {
	n := domain.Notice{
		Number: "12", Symbol: "TB-UBND", Place: "Lâm Thao", IssuedOn: domain.MustDate("2023-02-03"),
		Title:           "Kết luận của Phó Chủ tịch UBND huyện Ngô Đức Sáu tại Hội nghị giao ban khối Văn hóa - Xã hội với UBND các xã, thị trấn",
		SignerAuthority: "KT. CHỦ TỊCH", SignerTitle: "PHÓ CHỦ TỊCH", SignerName: "Ngô Đức Sáu",
		Recipients: []string{"TT: HU, HĐND huyện (b/c)", "CT, các PCT UBND huyện", "Các CQCM, ĐVSN thuộc huyện", "ĐU, UBND các xã, thị trấn;", "Lưu: VT, TH"},
		Sections: []domain.Section{
			{Kind: domain.SectionOther, Body: "Ngày 22/02/2023, Phó Chủ tịch UBND huyện Ngô Đức Sáu đã chủ trì Hội nghị giao ban khối Văn hóa - Xã hội với UBND các xã, thị trấn, hội nghị được tổ chức trực tuyến từ UBND huyện đến các xã, thị trấn.\n\nSau khi nghe đại diện Lãnh đạo các cơ quan, đơn vị khối Văn hóa - Xã hội huyện báo cáo tóm tắt kết quả thực hiện nhiệm vụ năm 2022, Phó Chủ tịch UBND huyện kết luận như sau:"},
			{Kind: domain.SectionAssessment, Heading: "1. Kết quả thực hiện các nhiệm vụ thuộc khối VH-XH", Body: "Trong thời gian qua, từ huyện đến cơ sở đã có nhiều cố gắng trong lãnh đạo, chỉ đạo, triển khai thực hiện các nhiệm vụ thuộc lĩnh vực văn hóa - xã hội, đã đạt được nhiều kết quả đáng khích lệ như: công tác phòng chống dịch Covid-19, chuyển đổi số, hoạt động của Trang thông tin điện tử, công tác quản lý văn hóa, thực hiện chế độ chính sách, giáo dục và đào tạo, tiếp dân."},
			{Kind: domain.SectionTasks, Heading: "2. Nhiệm vụ trọng tâm trong thời gian tới", Body: "2.1. Về Văn hóa và Thông tin:\n- Chú trọng công tác thông tin, tuyên truyền để làm tốt vai trò, chức năng truyền tải mọi chủ trương, chính sách của Đảng, quy định của Nhà nước, của địa phương đến người dân;\n- Tăng cường quản lý di tích lịch sử văn hóa trên địa bàn. Rà soát và báo cáo đề xuất việc chỉnh trang, tu bổ các công trình xuống cấp về phòng Văn hóa và Thông tin huyện, thời gian thực hiện xong trước 05/3/2023;"},
		},
	}
	// Enough units to run onto a second page.
	var more string
	for i, u := range []string{"Giáo dục và Đào tạo", "Y tế", "Lao động - Thương binh và Xã hội", "Tư pháp", "Nội vụ", "Tài chính - Kế hoạch"} {
		more += fmt.Sprintf("2.%d. Về %s:\n- Tăng cường kiểm tra, giám sát việc thực hiện các nhiệm vụ thuộc lĩnh vực %s trên địa bàn; tổng hợp khó khăn, vướng mắc và kịp thời đề xuất lãnh đạo UBND huyện giải quyết (nếu có);\n- Giao Phòng %s chủ trì hướng dẫn, đôn đốc các xã, thị trấn thực hiện, báo cáo kết quả về UBND huyện trước ngày 15/3/2023.\n", i+2, u, u, u)
	}
	n.Sections[2].Body += "\n" + more
	n.Sections = append(n.Sections, domain.Section{Kind: domain.SectionOther, Body: "Trên đây là Kết luận của Phó Chủ tịch UBND huyện Ngô Đức Sáu tại Hội nghị giao ban khối Văn hóa - Xã hội với UBND các xã, thị trấn. UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./."})
	return n
}
