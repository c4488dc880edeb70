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
		{"a district's monthly meeting with reports before the conclusion",
			`UBND huyện Yên Thành họp phiên thường kỳ tháng 5/2024
Cập nhật: 31/05/2024 09:12

Chiều 30/5, UBND huyện Yên Thành tổ chức phiên họp thường kỳ tháng 5/2024. Đồng chí Nguyễn Văn Bình - Chủ tịch UBND huyện chủ trì phiên họp.

Tại phiên họp, UBND huyện đã nghe và cho ý kiến vào các nội dung: Báo cáo tình hình kinh tế - xã hội tháng 5, nhiệm vụ trọng tâm tháng 6; Tờ trình về việc phê duyệt đề án phát triển du lịch; Dự thảo kế hoạch tổ chức Đại hội Thể dục thể thao.

Theo báo cáo, tháng 5, sản xuất nông nghiệp được tập trung chỉ đạo, gieo cấy lúa vụ mùa đạt 95% kế hoạch; công tác thu ngân sách đạt 48% dự toán. Các lĩnh vực văn hóa, xã hội có nhiều chuyển biến tích cực. Tuy nhiên, tiến độ giải phóng mặt bằng một số dự án còn chậm.

Thảo luận tại phiên họp, các đại biểu tập trung làm rõ nguyên nhân chậm giải ngân, đồng thời đề xuất nhiều giải pháp tháo gỡ khó khăn.

Đồng chí Nguyễn Văn Bình phát biểu kết luận phiên họp. Ảnh: Văn Tuấn

Kết luận phiên họp, Chủ tịch UBND huyện Nguyễn Văn Bình đề nghị các phòng, ban, ngành và UBND các xã, thị trấn tập trung thực hiện tốt các nhiệm vụ trọng tâm tháng 6. Trong đó, chú trọng công tác phòng chống thiên tai, tìm kiếm cứu nạn; tập trung chăm sóc lúa vụ mùa; đẩy nhanh tiến độ giải ngân vốn đầu tư công. Phòng Tài chính - Kế hoạch phối hợp với Chi cục Thuế khu vực đôn đốc thu ngân sách, phấn đấu hoàn thành 60% dự toán trong tháng 6. Ban Quản lý dự án đầu tư xây dựng huyện đẩy nhanh tiến độ thi công các công trình trọng điểm, bảo đảm hoàn thành trước ngày 30/9/2024. Đối với dự thảo đề án, đồng chí giao Phòng Nội vụ tiếp thu ý kiến các đại biểu, hoàn thiện trình Thường trực Huyện ủy.

Văn Tuấn
`, "Nguyễn Văn Bình", []task{
				{"Kết luận phiên họp", []string{"Các phòng, ban, ngành", "UBND các xã, thị trấn"}, nil, ""},
				{"Trong đó, chú trọng", []string{"Các phòng, ban, ngành", "UBND các xã, thị trấn"}, nil, ""},
				{"Phòng Tài chính - Kế hoạch phối hợp", []string{"Phòng Tài chính - Kế hoạch"}, []string{"Chi cục Thuế khu vực"}, "2024-06-30"},
				{"Ban Quản lý dự án đầu tư xây dựng huyện", []string{"Ban Quản lý dự án đầu tư xây dựng"}, nil, "2024-09-30"},
				{"Đối với dự thảo đề án", []string{"Phòng Nội vụ"}, nil, ""},
			}},
		{"a Party committee's briefing: what it plans is no task",
			`Giao ban công tác dân vận quý III
10/10/2023 | 14:20

Sáng ngày 9/10, Ban Dân vận Huyện ủy phối hợp với UBND huyện tổ chức hội nghị giao ban công tác dân vận quý III năm 2023. Đồng chí Trần Thị Lan, Trưởng Ban Dân vận Huyện ủy và đồng chí Lê Quốc Hùng, Phó Chủ tịch UBND huyện đồng chủ trì hội nghị.

Quý III, công tác dân vận chính quyền tiếp tục được quan tâm; các cơ quan hành chính đã tiếp nhận và giải quyết 1.245 hồ sơ thủ tục hành chính đúng hạn. Mặt trận và các đoàn thể đã vận động Nhân dân hiến hơn 5.000 m2 đất làm đường giao thông nông thôn.

Phát biểu chỉ đạo, đồng chí Trần Thị Lan đề nghị các cơ quan, đơn vị tiếp tục thực hiện tốt Quy chế dân chủ ở cơ sở. Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội huyện tăng cường nắm bắt tâm tư, nguyện vọng của Nhân dân, kịp thời phản ánh với cấp ủy, chính quyền. Đồng chí cũng lưu ý các xã, thị trấn cần làm tốt công tác vận động Nhân dân hiến đất mở rộng đường giao thông. Thời gian tới, Ban Dân vận Huyện ủy sẽ phối hợp với Ủy ban Mặt trận Tổ quốc huyện tổ chức sơ kết mô hình “Dân vận khéo”.
`, "Lê Quốc Hùng", []task{
				{"Phát biểu chỉ đạo", []string{"Các cơ quan, đơn vị"}, nil, ""},
				{"Mặt trận Tổ quốc và các đoàn thể", []string{"Mặt trận Tổ quốc", "Các đoàn thể chính trị - xã hội"}, nil, ""},
				{"Đồng chí cũng lưu ý các xã, thị trấn", []string{"UBND các xã, thị trấn"}, nil, ""},
			}},
		{"an inspection visit: the commune's requests and proposals upward are no tasks",
			`Kiểm tra tiến độ xây dựng nông thôn mới tại xã Đông Hưng
15:20 | 22/07/2023

Ngày 21/7, đoàn công tác của UBND huyện do đồng chí Phạm Thị Huệ, Phó Chủ tịch UBND huyện làm trưởng đoàn đã kiểm tra tiến độ xây dựng nông thôn mới nâng cao tại xã Đông Hưng.

Theo báo cáo của UBND xã, đến nay xã đã đạt 15/19 tiêu chí nông thôn mới nâng cao; các tiêu chí còn lại đang được tập trung thực hiện. Xã đề nghị huyện hỗ trợ kinh phí xây dựng nhà văn hóa thôn Bắc.

Phát biểu tại buổi kiểm tra, đồng chí Phạm Thị Huệ đánh giá cao sự nỗ lực của cấp ủy, chính quyền xã, đồng thời chỉ ra những tồn tại, hạn chế cần khắc phục. Đồng chí đề nghị UBND xã rà soát từng tiêu chí, xây dựng lộ trình cụ thể, phấn đấu hoàn thành các tiêu chí còn lại trong quý IV/2023. Về kiến nghị của xã, đồng chí giao Phòng Tài chính - Kế hoạch tham mưu bố trí nguồn vốn hỗ trợ. Đồng chí cũng đề nghị UBND tỉnh quan tâm hỗ trợ xã về cơ chế đặc thù.

Trước đó, đoàn công tác đã đi kiểm tra thực tế một số công trình trên địa bàn xã.
`, "Phạm Thị Huệ", []task{
				{"Đồng chí đề nghị UBND xã rà soát", []string{"UBND xã"}, nil, "2023-12-31"},
				{"Về kiến nghị của xã, đồng chí giao Phòng Tài chính - Kế hoạch", []string{"Phòng Tài chính - Kế hoạch"}, nil, ""},
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
