package importer

import "testing"

// TestNewsReports reads whole meeting reports, written for the test in the
// styles of provincial, district and ward portals, and a commune notice
// written in paragraphs: every direction and nothing else, with its lead,
// support and deadline.
func TestNewsReports(t *testing.T) {
	type task struct {
		start         string
		lead, support []string
		due           string
	}
	cases := []struct {
		name  string
		text  string
		chair string
		tasks []task
	}{
		{"a province chair's working visit",
			`Chủ tịch UBND tỉnh làm việc với huyện Mường Lát
Thứ Sáu, 14/06/2024 - 16:45

Chiều 13/6, đồng chí Đỗ Minh Tuấn, Chủ tịch UBND tỉnh đã có buổi làm việc với huyện Mường Lát về tình hình thực hiện nhiệm vụ 6 tháng đầu năm.

Báo cáo tại buổi làm việc, lãnh đạo huyện Mường Lát cho biết, 6 tháng đầu năm tổng giá trị sản xuất ước đạt 1.250 tỷ đồng. Huyện kiến nghị tỉnh hỗ trợ kinh phí nâng cấp tuyến đường đi xã Pù Nhi. Ông Hà Văn Ban, Chủ tịch UBND huyện cho biết, thời gian tới huyện sẽ tập trung phát triển cây dược liệu.

Phát biểu kết luận, Chủ tịch UBND tỉnh Đỗ Minh Tuấn đánh giá cao những nỗ lực của huyện. Đồng chí yêu cầu huyện Mường Lát tập trung chỉ đạo quyết liệt công tác giải ngân vốn đầu tư công, phấn đấu đến ngày 30/9 giải ngân đạt trên 80% kế hoạch. “Các xã phải quyết liệt hơn nữa trong công tác giải phóng mặt bằng”, đồng chí nhấn mạnh.

Đối với kiến nghị của huyện về tuyến đường đi xã Pù Nhi, Chủ tịch UBND tỉnh giao Sở Giao thông vận tải chủ trì, phối hợp với Sở Tài chính nghiên cứu, đề xuất phương án đầu tư, báo cáo UBND tỉnh trước ngày 15/7/2024. Giao Sở Kế hoạch và Đầu tư tổng hợp nhu cầu vốn của huyện.

Minh Hiếu
`, "Đỗ Minh Tuấn", []task{
				{"Đồng chí yêu cầu huyện Mường Lát", []string{"UBND huyện Mường Lát"}, nil, "2024-09-30"},
				{"“Các xã phải quyết liệt", []string{"Các xã"}, nil, ""},
				{"Đối với kiến nghị của huyện", []string{"Sở Giao thông vận tải"}, []string{"Sở Tài chính"}, "2024-07-15"},
				{"Giao Sở Kế hoạch và Đầu tư", []string{"Sở Kế hoạch và Đầu tư"}, nil, ""},
			}},
		{"a ward's list of clauses after 'yêu cầu:'",
			`Phường Quang Trung họp triển khai công tác chỉnh trang đô thị
Ngày đăng: 03/03/2023 | Lượt xem: 56

Sáng ngày 2/3, UBND phường Quang Trung tổ chức họp triển khai kế hoạch chỉnh trang đô thị năm 2023. Bà Lương Thị Thu, Chủ tịch UBND phường chủ trì cuộc họp.

Tại cuộc họp, các đồng chí tổ trưởng tổ dân phố đã phản ánh tình trạng lấn chiếm vỉa hè. Công chức Địa chính - Xây dựng đề xuất thành lập tổ kiểm tra liên ngành.

Kết luận cuộc họp, bà Lương Thị Thu yêu cầu: Tổ trật tự đô thị phường tăng cường kiểm tra, xử lý các trường hợp lấn chiếm vỉa hè; Công an phường phối hợp ra quân giải tỏa các điểm kinh doanh trái phép trong tháng 3/2023; các tổ dân phố tuyên truyền, vận động hộ kinh doanh ký cam kết.
`, "Lương Thị Thu", []task{
				{"Kết luận cuộc họp, bà Lương Thị Thu yêu cầu: Tổ trật tự đô thị", []string{"Tổ trật tự đô thị"}, nil, ""},
				{"Công an phường phối hợp", []string{"Công an"}, nil, "2023-03-31"},
				{"các tổ dân phố tuyên truyền", []string{"Các tổ dân phố"}, nil, ""},
			}},
		{"a district's steering committee with items after 'cụ thể:'",
			`Huyện Đức Phổ: Triển khai nhiệm vụ phòng, chống thiên tai năm 2024
Ngày đăng: 20/05/2024

Chiều ngày 18/5, Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn huyện tổ chức hội nghị triển khai nhiệm vụ năm 2024. Đồng chí Nguyễn Văn Hải – Phó Chủ tịch UBND huyện, Trưởng ban chủ trì hội nghị.

Kết luận hội nghị, đồng chí Nguyễn Văn Hải đề nghị các thành viên Ban Chỉ huy căn cứ nhiệm vụ được phân công, chủ động xây dựng kế hoạch ứng phó, cụ thể:
- Phòng Nông nghiệp và Phát triển nông thôn tham mưu kiện toàn Ban Chỉ huy các xã trước ngày 30/5.
- Rà soát các khu dân cư có nguy cơ sạt lở, lập phương án di dời dân khi có bão.
Đồng thời, UBND các xã dự trữ lương thực, thuốc men theo phương châm "4 tại chỗ".
`, "Nguyễn Văn Hải", []task{
				{"Kết luận hội nghị", []string{"Các thành viên Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn"}, nil, ""},
				{"Phòng Nông nghiệp và Phát triển nông thôn tham mưu", []string{"Phòng Nông nghiệp và Phát triển nông thôn"}, nil, "2024-05-30"},
				{"Rà soát các khu dân cư", []string{"Các thành viên Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn"}, nil, ""},
				{"Đồng thời, UBND các xã dự trữ", []string{"UBND các xã"}, nil, ""},
			}},
		{"a commune notice written in paragraphs",
			`UBND XÃ TÂN PHÚ
Số: 15/TB-UBND
Tân Phú, ngày 05 tháng 3 năm 2024
THÔNG BÁO
Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 2 năm 2024
Ngày 01/3/2024, Chủ tịch UBND xã Trần Văn Lợi chủ trì cuộc họp giao ban tháng 2. Tham dự có các Phó Chủ tịch UBND xã, công chức chuyên môn và trưởng các ấp.
Sau khi nghe báo cáo, Chủ tịch UBND xã kết luận như sau:
Trong tháng 2, UBND xã đã chỉ đạo bảo đảm an ninh trật tự dịp Tết Nguyên đán; thu ngân sách đạt 15% dự toán. Tuy nhiên, công tác giải ngân vốn đầu tư công còn chậm.
Giao công chức Tài chính - Kế toán phối hợp với Ban Quản lý các ấp đôn đốc thu thuế sử dụng đất phi nông nghiệp, hoàn thành trước ngày 31/3/2024.
Công chức Văn hóa - Xã hội chủ trì tổ chức Ngày hội Phụ nữ nhân kỷ niệm ngày 8/3; báo cáo kết quả về UBND xã.
Yêu cầu Trưởng các ấp rà soát danh sách hộ nghèo, hộ cận nghèo, gửi về UBND xã chậm nhất ngày 15/3.
Đề nghị Ủy ban Mặt trận Tổ quốc và các đoàn thể xã vận động Nhân dân tham gia hiến máu tình nguyện.
Trên đây là kết luận của Chủ tịch UBND xã./.
Nơi nhận:
- TT Đảng ủy;
- Lưu: VT.
CHỦ TỊCH
Trần Văn Lợi
`, "Trần Văn Lợi", []task{
				{"Giao công chức Tài chính - Kế toán", []string{"Công chức Tài chính - Kế toán"}, []string{"Ban Quản lý các ấp"}, "2024-03-31"},
				{"Công chức Văn hóa - Xã hội chủ trì", []string{"Công chức Văn hóa - Xã hội"}, nil, ""},
				{"Yêu cầu Trưởng các ấp", []string{"Các ấp"}, nil, "2024-03-15"},
				{"Đề nghị Ủy ban Mặt trận Tổ quốc", []string{"Ủy ban Mặt trận Tổ quốc", "Các đoàn thể"}, nil, ""},
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := make([]wantTask, len(c.tasks))
			for i, w := range c.tasks {
				want[i] = wantTask{w.start, w.lead}
			}
			doc := checkTasks(t, c.text, want)
			if got := str(doc.Meeting.Chair); got != c.chair {
				t.Errorf("chair %s, want %s", got, c.chair)
			}
			for i, w := range c.tasks {
				tk := doc.Tasks[i]
				if !equalStrings(tk.Support, w.support) {
					t.Errorf("task %d support %q, want %q", i+1, tk.Support, w.support)
				}
				if got := str(tk.Due); got != orNil(w.due) {
					t.Errorf("task %d due %s, want %s", i+1, got, orNil(w.due))
				}
			}
		})
	}
}
