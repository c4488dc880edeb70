package importer

import "testing"

// TestNewsMeta reads the meeting date and chair of news pages about a
// meeting. The pages are invented for the test: each puts the date, the
// year and the chair's name in one of the places real portals put them.
func TestNewsMeta(t *testing.T) {
	cases := []struct {
		name, text  string
		date, chair string
	}{
		{"year from the page's update line",
			"Thị trấn Minh Đức họp bàn công tác phòng chống lụt bão\n• Cập nhật: 12/06/2021\n\n" +
				"Sáng ngày 10/6, UBND thị trấn tổ chức hội nghị triển khai công tác phòng chống thiên tai. Đồng chí Lò Văn Thắng, Chủ tịch UBND thị trấn chủ trì hội nghị.\n",
			"2021-06-10", "Lò Văn Thắng"},
		{"meeting late in December reported in January",
			"UBND xã Tân Lập tổng kết năm\n(08:15 | 04/01/2024)\n\n" +
				"Chiều ngày 29/12, UBND xã tổ chức hội nghị tổng kết. Ông Hà Quang Vinh, Chủ tịch UBND xã chủ trì.\n",
			"2023-12-29", "Hà Quang Vinh"},
		{"part of day without 'ngày', dotted date, year from the title",
			"Chủ tịch UBND huyện chủ trì phiên họp tháng 5.2022\n" +
				"Chiều 3.6, bà Trịnh Thu Hà - Chủ tịch UBND huyện chủ trì phiên họp thường kỳ tháng 5.\n",
			"2022-06-03", "Trịnh Thu Hà"},
		{"year from the quarter named in the first paragraph",
			"Ngày 12/4, UBND phường tổ chức hội nghị sơ kết công tác quý I năm 2023. Hội nghị do đồng chí Đàm Thị Lụa, Phó Chủ tịch UBND phường chủ trì.\n",
			"2023-04-12", "Đàm Thị Lụa"},
		{"a story opening with a written-out date: the meeting's, not an issue date",
			"Huyện Tiên Du họp giao ban\n\nNgày 12 tháng 5 năm 2024, UBND huyện tổ chức hội nghị giao ban. Đồng chí Vũ Văn Tiến, Chủ tịch UBND huyện chủ trì.\n",
			"2024-05-12", "Vũ Văn Tiến"},
		{"a newspaper's 'Sáng nay (15/3)'",
			"Tỉnh họp Ban Chỉ đạo phòng, chống dịch\n15/03/2023 11:20\n\nSáng nay (15/3), UBND tỉnh họp Ban Chỉ đạo phòng, chống dịch. Ông Lê Văn Sử, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp.\n",
			"2023-03-15", "Lê Văn Sử"},
		{"no year anywhere leaves the date empty",
			"Sáng 21-9, đồng chí Vi Văn Sơn, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp Ban Chỉ đạo.\n",
			"<nil>", "Vi Văn Sơn"},
		{"a one-word name after 'ông' in the conclusion",
			"Tin tức\nChủ trì buổi làm việc với các sở, ông Tuấn kết luận: cần đẩy nhanh tiến độ giải ngân.\n",
			"<nil>", "Tuấn"},
		{"honorific name that a place word would otherwise shorten",
			"Ngày 03/3/2020, UBND huyện họp giao ban. Đồng chí Ngọc Văn Hòa – Chủ tịch UBND huyện chủ trì hội nghị.\n",
			"2020-03-03", "Ngọc Văn Hòa"},
		{"chair of a working visit named in the speech",
			"Chủ tịch UBND huyện làm việc tại xã Pà Vầy Sủ\n15/09/2022 10:02\n\n" +
				"Ngày 14.9, đồng chí Sùng Mí Hồ, Chủ tịch UBND huyện có buổi làm việc với lãnh đạo xã. Phát biểu tại buổi làm việc, đồng chí Sùng Mí Hồ yêu cầu xã cần rà soát hộ nghèo.\n",
			"2022-09-14", "Sùng Mí Hồ"},
		{"no chair named: the official who directs at the meeting",
			"Tỉnh hoàn chỉnh các tờ trình\n\nPhát biểu kết luận cuộc họp, Chủ tịch UBND tỉnh cho rằng công tác chuẩn bị đã cơ bản hoàn thành. Đối với các tờ trình, Chủ tịch UBND tỉnh Trần Văn Bình yêu cầu Sở Tư pháp hoàn chỉnh hồ sơ.\n",
			"<nil>", "Trần Văn Bình"},
		{"no chair named: 'yêu cầu của đồng chí'",
			"Phiên họp thường kỳ UBND tỉnh tháng 7\n22/07/2023 10:00\n\nCần tập trung cao độ để hoàn thành các chỉ tiêu năm 2023. Đó là yêu cầu của đồng chí Hoàng Minh Đức, Chủ tịch UBND tỉnh, tại phiên họp thường kỳ ngày 21/7.\n",
			"2023-07-21", "Hoàng Minh Đức"},
		{"year from a month named later in the story",
			"UBND huyện họp thường kỳ tháng 10\n\nChiều ngày 26/10, UBND huyện tổ chức hội nghị thường kỳ. Đồng chí Lý Văn Hải, Chủ tịch UBND huyện chủ trì.\n\nKết quả tháng 10 khả quan.\n\nVề nhiệm vụ tháng 11 năm 2022, tập trung thu ngân sách.\n",
			"2022-10-26", "Lý Văn Hải"},
		{"a page's ISO stamp gives the year; the chair in 'chỉ đạo của <title> <Name>'",
			" date 2025-03-11 Tin tức\n\n\"Các xã phải hoàn thành rà soát hộ nghèo\" - đó là chỉ đạo của Bí thư Tỉnh ủy Lâm Đồng Trần Đức Minh tại hội nghị giao ban ngày 10/3.\n",
			"2025-03-10", "Trần Đức Minh"},
		{"the official who leads an inspection",
			"Ngày 16/11/2022, đồng chí Lưu Văn Khải – Chủ tịch UBND huyện đã đi kiểm tra thực tế tiến độ các công trình giao thông. Sau khi kiểm tra, đồng chí đề nghị các xã đẩy nhanh giải phóng mặt bằng.\n",
			"2022-11-16", "Lưu Văn Khải"},
		{"the day a document was issued is no meeting",
			"Ngày 21/5, UBND tỉnh ban hành Công văn số 846/UBND-TH về việc báo cáo giải ngân vốn đầu tư công năm 2023. Giao Sở Kế hoạch và Đầu tư chủ trì tổng hợp, hoàn thành trước ngày 24/5/2023.\n",
			"<nil>", "<nil>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Extract("tin.txt", []byte(c.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := str(doc.Meeting.Date); got != c.date {
				t.Errorf("meeting date = %s, want %s", got, c.date)
			}
			if got := str(doc.Meeting.Chair); got != c.chair {
				t.Errorf("chair = %s, want %s", got, c.chair)
			}
			if doc.IssuedOn != nil {
				t.Errorf("issued_on = %s; a news page's date is not the notice's", *doc.IssuedOn)
			}
		})
	}
}

// TestIssuedFromReference dates a directive published without its
// letterhead by the reference that names it, and leaves a meeting page's
// references to other documents alone.
func TestIssuedFromReference(t *testing.T) {
	cases := []struct{ name, text, issued string }{
		{"a source line under the text",
			"UBND tỉnh có ý kiến như sau:\nGiao Sở Xây dựng chủ trì kiểm tra hiện trạng công trình; hoàn thành trước ngày 15/6/2024./.\n(Theo Công văn số 2150/UBND-KT, ngày 03/6/2024)\n",
			"2024-06-03"},
		{"a meeting page cites other documents",
			"UBND xã họp triển khai kế hoạch\n\nSáng ngày 5/3/2024, UBND xã tổ chức hội nghị triển khai Kế hoạch (số 12/KH-UBND, ngày 01/3/2024). Đồng chí Hà Văn Tư, Chủ tịch UBND xã chủ trì.\n",
			"<nil>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Extract("tin.txt", []byte(c.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := str(doc.IssuedOn); got != c.issued {
				t.Errorf("issued_on = %s, want %s", got, c.issued)
			}
		})
	}
}
