package importer

import (
	"strings"
	"testing"
)

// wantTask is an expected task: the start of its text and its lead.
type wantTask struct {
	start string
	lead  []string
}

// checkTasks extracts text and compares its tasks with want, in order.
func checkTasks(t *testing.T, text string, want []wantTask) *Document {
	t.Helper()
	doc, err := Extract("tin.txt", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tasks) != len(want) {
		for _, tk := range doc.Tasks {
			t.Logf("task: %q lead %q", tk.Text, tk.Lead)
		}
		t.Fatalf("got %d tasks, want %d", len(doc.Tasks), len(want))
	}
	for i, w := range want {
		tk := doc.Tasks[i]
		if !strings.HasPrefix(tk.Text, w.start) {
			t.Errorf("task %d = %q, want it to start with %q", i+1, tk.Text, w.start)
		}
		if !equalStrings(tk.Lead, w.lead) {
			t.Errorf("task %d (%.40s…) lead = %q, want %q", i+1, tk.Text, tk.Lead, w.lead)
		}
	}
	return doc
}

// newsPage wraps paragraphs in the head of a news page about a meeting.
func newsPage(paras ...string) string {
	return "UBND huyện Hòa Vang họp giao ban tháng 9\n(16:20 | 28/09/2023)\n\n" +
		"Chiều ngày 27/9, UBND huyện tổ chức cuộc họp giao ban đánh giá tình hình tháng 9. Đồng chí Lê Văn Tâm, Chủ tịch UBND huyện chủ trì cuộc họp.\n\n" +
		strings.Join(paras, "\n\n") + "\n"
}

// TestProseDirections reads directions in running prose: each sentence,
// or ;-clause naming its own actor, that directs work is a task, with the
// unit it names as lead; what units reported, said or plan is not.
func TestProseDirections(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []wantTask
	}{
		{"direction verbs name the lead",
			newsPage("Tại cuộc họp, các phòng, ban đã báo cáo kết quả thực hiện nhiệm vụ tháng 9.",
				"Kết luận cuộc họp, đồng chí Lê Văn Tâm yêu cầu Phòng Tài chính - Kế hoạch rà soát các nguồn thu ngân sách. Đồng chí giao cho Phòng Nội vụ hoàn thiện hồ sơ sáp nhập thôn. Chủ tịch UBND huyện đề nghị Trung tâm Y tế khẩn trương triển khai tiêm vắc xin sởi."),
			[]wantTask{
				{"Kết luận cuộc họp, đồng chí Lê Văn Tâm yêu cầu", []string{"Phòng Tài chính - Kế hoạch"}},
				{"Đồng chí giao cho Phòng Nội vụ", []string{"Phòng Nội vụ"}},
				{"Chủ tịch UBND huyện đề nghị Trung tâm Y tế", []string{"Trung tâm Y tế"}},
			}},
		{"a sentence opening with the unit's name",
			newsPage("Phát biểu chỉ đạo, đồng chí Chủ tịch UBND huyện nhấn mạnh: các xã, thị trấn cần đẩy nhanh tiến độ giải phóng mặt bằng.",
				"Phòng Tài nguyên và Môi trường khẩn trương hoàn thành hồ sơ giao đất tái định cư. Ban Chỉ huy Quân sự huyện chủ động xây dựng kế hoạch huấn luyện dân quân.",
				"Trong thời gian tới, các trường học cần tăng cường công tác phòng chống đuối nước cho học sinh."),
			[]wantTask{
				{"Phát biểu chỉ đạo", []string{"UBND các xã, thị trấn"}},
				{"Phòng Tài nguyên và Môi trường khẩn trương", []string{"Phòng Tài nguyên và Môi trường"}},
				{"Ban Chỉ huy Quân sự huyện chủ động", []string{"Ban Chỉ huy Quân sự"}},
				{"Trong thời gian tới, các trường học cần", []string{"Các trường học"}},
			}},
		{"clauses naming their own actor are tasks of their own",
			newsPage("Kết luận phiên họp, Chủ tịch UBND xã đề nghị công chức Địa chính - Xây dựng rà soát các trường hợp lấn chiếm đất công; báo cáo kết quả về UBND xã; Trạm Y tế xã tổ chức khám sức khỏe cho người cao tuổi; lực lượng công an, dân quân tăng cường tuần tra ban đêm."),
			[]wantTask{
				{"Kết luận phiên họp, Chủ tịch UBND xã đề nghị công chức Địa chính - Xây dựng rà soát các trường hợp lấn chiếm đất công; báo cáo kết quả", []string{"Công chức Địa chính - Xây dựng"}},
				{"Trạm Y tế xã tổ chức", []string{"Trạm Y tế"}},
				{"lực lượng công an, dân quân", []string{"Lực lượng công an", "Lực lượng dân quân"}},
			}},
		{"a clause on the same actor stays with its sentence",
			newsPage("Kết luận hội nghị, đồng chí Chủ tịch yêu cầu cán bộ, công chức xã thực hiện nghiêm giờ giấc làm việc; nâng cao tinh thần trách nhiệm của đội ngũ cán bộ, công chức trong giải quyết thủ tục hành chính."),
			[]wantTask{
				{"Kết luận hội nghị, đồng chí Chủ tịch yêu cầu cán bộ, công chức xã thực hiện nghiêm giờ giấc làm việc; nâng cao", []string{"Cán bộ, công chức"}},
			}},
		{"the actor of a nominal action",
			newsPage("Kết luận hội nghị, Phó Chủ tịch UBND huyện yêu cầu sự vào cuộc của cả hệ thống chính trị từ huyện đến cơ sở; phát huy vai trò giám sát của Mặt trận Tổ quốc và các đoàn thể trong việc bình xét hộ nghèo."),
			[]wantTask{
				{"Kết luận hội nghị", []string{"Hệ thống chính trị từ huyện đến cơ sở"}},
				{"phát huy vai trò giám sát", []string{"Mặt trận Tổ quốc", "Các đoàn thể"}},
			}},
		{"councils named with one place share it",
			newsPage("Kết luận buổi làm việc, đồng chí Chủ tịch yêu cầu Đảng ủy, UBND thị trấn Lăng Cô khẩn trương hoàn thành phương án sắp xếp tổ dân phố."),
			[]wantTask{
				{"Kết luận buổi làm việc", []string{"Đảng ủy thị trấn Lăng Cô", "UBND thị trấn Lăng Cô"}},
			}},
		{"without a subject, the chair's sentences direct work with no lead",
			newsPage("Phát biểu kết luận, đồng chí Lê Văn Tâm nhấn mạnh một số nhiệm vụ trọng tâm trong thời gian tới. Tập trung thu ngân sách, phấn đấu vượt dự toán được giao. Việc quyết toán các công trình phải bảo đảm đúng quy định."),
			[]wantTask{
				{"Tập trung thu ngân sách", nil},
				{"Việc quyết toán các công trình phải", nil},
			}},
		{"reports, assessments, intentions and captions are not tasks",
			newsPage("Đồng chí Lê Văn Tâm phát biểu tại cuộc họp. Ảnh: Minh Châu",
				"Tại cuộc họp, các đơn vị đã báo cáo những khó khăn, qua đó đề nghị UBND huyện hỗ trợ kinh phí sửa chữa trường học. Phòng Kinh tế và Hạ tầng báo cáo tiến độ các dự án giao thông.",
				"Phát biểu tại cuộc họp, Bí thư Huyện ủy đánh giá cao kết quả thu ngân sách. Dự kiến trong tháng 10, huyện sẽ tổ chức hội nghị sơ kết. Kết luận cuộc họp, đồng chí Chủ tịch yêu cầu các phòng chuyên môn bám sát kế hoạch."),
			[]wantTask{
				{"Kết luận cuộc họp, đồng chí Chủ tịch yêu cầu các phòng chuyên môn", []string{"Các phòng chuyên môn"}},
			}},
		{"a short line without a full stop is a caption unless it directs someone",
			newsPage("Quang cảnh cuộc họp",
				"Kết luận cuộc họp, đồng chí Lê Văn Tâm yêu cầu các xã rà soát hộ nghèo.",
				"Phòng Y tế tăng cường kiểm tra an toàn thực phẩm dịp Tết",
				"Nhiệm vụ trọng tâm thời gian tới",
				"Các xã cần hoàn thành chuyển đổi số trong năm."),
			[]wantTask{
				{"Kết luận cuộc họp", []string{"Các xã"}},
				{"Phòng Y tế tăng cường", []string{"Phòng Y tế"}},
				{"Các xã cần hoàn thành", []string{"Các xã"}},
			}},
		{"an elaboration keeps its sentence's addressee within the paragraph",
			newsPage("Kết luận cuộc họp, đồng chí Lê Văn Tâm yêu cầu các ngành tập trung hoàn thành chỉ tiêu năm. Trong đó, chú trọng công tác thu ngân sách và giải ngân vốn đầu tư công.",
				"Trong đó, tập trung xây dựng kế hoạch năm 2024."),
			[]wantTask{
				{"Kết luận cuộc họp", []string{"Các ngành"}},
				{"Trong đó, chú trọng", []string{"Các ngành"}},
				{"Trong đó, tập trung xây dựng", nil},
			}},
		{"a deadline given in a sentence of its own belongs to the task before",
			newsPage("Kết luận cuộc họp, đồng chí Lê Văn Tâm giao Phòng Kinh tế và Hạ tầng lập phương án phân luồng giao thông. Thời gian hoàn thành trước ngày 15/10. Trung tâm Y tế tăng cường kiểm tra an toàn thực phẩm."),
			[]wantTask{
				{"Kết luận cuộc họp, đồng chí Lê Văn Tâm giao Phòng Kinh tế và Hạ tầng lập phương án phân luồng giao thông. Thời gian hoàn thành trước ngày 15/10.", []string{"Phòng Kinh tế và Hạ tầng"}},
				{"Trung tâm Y tế tăng cường", []string{"Trung tâm Y tế"}},
			}},
		{"enumerated items keep the lead-in's addressees",
			newsPage("Kết luận hội nghị, đồng chí Lê Văn Tâm yêu cầu các cơ quan, đơn vị tập trung thực hiện tốt các nội dung sau: Thứ nhất, rà soát các chỉ tiêu chưa đạt; thứ hai, đẩy mạnh cải cách hành chính.",
				"Thứ ba, bảo đảm an ninh trật tự dịp cuối năm."),
			[]wantTask{
				{"Kết luận hội nghị", []string{"Các cơ quan, đơn vị"}},
				{"thứ hai, đẩy mạnh", []string{"Các cơ quan, đơn vị"}},
				{"Thứ ba, bảo đảm", []string{"Các cơ quan, đơn vị"}},
			}},
		{"a province's chair addresses the districts' People's Committees",
			"Chủ tịch UBND tỉnh họp bàn giải ngân vốn đầu tư công\n(09:10 | 22/08/2024)\n\n" +
				"Sáng 21/8, đồng chí Vũ Văn Sơn, Chủ tịch UBND tỉnh chủ trì cuộc họp. Kết luận cuộc họp, đồng chí yêu cầu UBND huyện, thành phố khẩn trương hoàn thành giải phóng mặt bằng. UBND tỉnh sẽ yêu cầu các chủ đầu tư cam kết tiến độ.\n",
			[]wantTask{
				{"Kết luận cuộc họp", []string{"UBND huyện, thành phố"}},
			}},
		{"'Đối với X:' and 'Riêng X' name the unit a direction is for",
			newsPage("Kết luận cuộc họp, đồng chí Lê Văn Tâm yêu cầu các cơ quan, đơn vị tập trung một số nhiệm vụ trọng tâm. Đối với Phòng Nông nghiệp và Phát triển nông thôn: tăng cường hướng dẫn Nhân dân chăm sóc cây cà phê mùa khô. Đối với các xã, thị trấn, cần rà soát các hộ thiếu nước sinh hoạt. Riêng Trung tâm Dịch vụ nông nghiệp khẩn trương cung ứng giống cây trồng cho vụ mới."),
			[]wantTask{
				{"Kết luận cuộc họp", []string{"Các cơ quan, đơn vị"}},
				{"Đối với Phòng Nông nghiệp", []string{"Phòng Nông nghiệp và Phát triển nông thôn"}},
				{"Đối với các xã, thị trấn, cần", []string{"UBND các xã, thị trấn"}},
				{"Riêng Trung tâm Dịch vụ nông nghiệp", []string{"Trung tâm Dịch vụ nông nghiệp"}},
			}},
		{"a commune named in the title is the one 'xã' means",
			"Chủ tịch UBND huyện làm việc tại xã Hòa Phú\n10/03/2022 08:00\n\n" +
				"Ngày 9/3, đồng chí Lê Văn Tâm, Chủ tịch UBND huyện làm việc với lãnh đạo xã Hòa Phú. Phát biểu tại buổi làm việc, đồng chí yêu cầu xã cần đẩy nhanh tiến độ xây dựng nông thôn mới. Đồng chí nhấn mạnh: cấp ủy, chính quyền xã phải quan tâm chăm lo đời sống Nhân dân.\n",
			[]wantTask{
				{"Phát biểu tại buổi làm việc", []string{"UBND xã Hòa Phú"}},
				{"Đồng chí nhấn mạnh: cấp ủy, chính quyền xã phải", []string{"Cấp ủy, chính quyền xã Hòa Phú"}},
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkTasks(t, c.text, c.want)
		})
	}
}

// TestLeadIns reads lead-ins that name the addressees of the items after
// them: numbered items and the sentences after "như:" take the lead-in's
// unit unless they name their own.
func TestLeadIns(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []wantTask
	}{
		{"numbered items after a lead-in",
			newsPage("Phát biểu kết luận, đồng chí Trưởng ban đề nghị các đồng chí thành viên Ban Chỉ đạo tiếp tục thực hiện kế hoạch, tập trung vào các nhiệm vụ sau:",
				"1. Hoàn thành rà soát danh sách hộ nghèo trên địa bàn.",
				"2. Phối hợp với Ngân hàng Chính sách xã hội giải ngân vốn vay.",
				"3. Hội Liên hiệp Phụ nữ huyện vận động hội viên tham gia mô hình sinh kế."),
			[]wantTask{
				{"Phát biểu kết luận", []string{"Các thành viên Ban Chỉ đạo"}},
				{"Hoàn thành rà soát", []string{"Các thành viên Ban Chỉ đạo"}},
				{"Phối hợp với Ngân hàng", []string{"Các thành viên Ban Chỉ đạo"}},
				{"Hội Liên hiệp Phụ nữ huyện vận động", []string{"Hội Liên hiệp Phụ nữ"}},
			}},
		{"members of the body that met",
			"Tổ công tác cải cách hành chính phường Hòa Minh họp giao ban\nNgày đăng 14/06/2022\n\n" +
				"Sáng ngày 14/6/2022, Tổ công tác cải cách hành chính họp giao ban. Đồng chí Phan Thị Mai – PCT UBND phường, Tổ trưởng Tổ công tác cải cách hành chính chủ trì.\n\n" +
				"Kết luận hội nghị, đồng chí Phan Thị Mai đề nghị các đồng chí thành viên thực hiện tốt các nội dung như: Niêm yết công khai thủ tục hành chính tại bộ phận một cửa. Hướng dẫn người dân nộp hồ sơ trực tuyến. Công chức Tư pháp - Hộ tịch chủ động số hóa sổ hộ tịch.\n",
			[]wantTask{
				{"Kết luận hội nghị", []string{"Các thành viên Tổ công tác cải cách hành chính"}},
				{"Hướng dẫn người dân", []string{"Các thành viên Tổ công tác cải cách hành chính"}},
				{"Công chức Tư pháp - Hộ tịch chủ động", []string{"Công chức Tư pháp - Hộ tịch"}},
			}},
		{"a lead-in naming nobody leaves the items without a lead",
			newsPage("Kết luận cuộc họp, đồng chí Chủ tịch thống nhất một số nhiệm vụ trọng tâm trong tháng 10 như sau:",
				"1. Tổ chức tốt Đại hội Hội Nông dân huyện.",
				"2. Phòng Văn hóa và Thông tin chuẩn bị Hội thi văn nghệ quần chúng."),
			[]wantTask{
				{"Tổ chức tốt Đại hội", nil},
				{"Phòng Văn hóa và Thông tin chuẩn bị", []string{"Phòng Văn hóa và Thông tin"}},
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkTasks(t, c.text, c.want)
		})
	}
}

// TestProseForms reads forms of direction met on pages outside the
// development set, each in sentences written for the test: what the chair
// only praises or agrees to, subjects after "là", lists of addressees over
// semicolons, lead-ins that only announce their items, working groups
// named in lower case, and what a page that nobody concludes reports.
func TestProseForms(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []wantTask
	}{
		{"agreements and praise are not tasks; a word left by the cut neither",
			newsPage("Biểu dương các xã đã hoàn thành sớm kế hoạch thu ngân sách năm.",
				"Kết luận cuộc họp, đồng chí Lê Văn Tâm kết luận một số nội dung sau:",
				"1. Thống nhất đánh giá kết quả thực hiện nhiệm vụ quý III.",
				"2. Nhất trí với dự thảo kế hoạch tổ chức Ngày hội văn hóa các dân tộc.",
				"3. Giao Phòng Văn hóa và Thông tin xây dựng kịch bản chương trình.",
				"4. Gi"),
			[]wantTask{
				{"Giao Phòng Văn hóa và Thông tin", []string{"Phòng Văn hóa và Thông tin"}},
			}},
		{"the addressees after 'là' and a number of communes",
			newsPage("Kết luận cuộc họp, đồng chí Lê Văn Tâm nhận xét kết quả tháng 9 là khá. Vì vậy, nhiệm vụ trọng tâm trong tháng 10 là các phòng chuyên môn, UBND 11 xã cần tập trung thu hồi nợ đọng thuế."),
			[]wantTask{
				{"Vì vậy, nhiệm vụ trọng tâm", []string{"Các phòng chuyên môn", "UBND 11 xã"}},
			}},
		{"a time phrase between the verb and the addressees; a lead-in that only announces",
			newsPage("Kết luận hội nghị, đồng chí Lê Văn Tâm đề nghị tháng 10/2023 Thường trực HĐND, các ban HĐND huyện tập trung thực hiện tốt một số nội dung sau:",
				"- Tổ chức tiếp xúc cử tri trước kỳ họp, dự kiến tổ chức vào ngày 20/10/2023.",
				"- Hoàn thiện báo cáo thẩm tra các dự thảo nghị quyết."),
			[]wantTask{
				{"Tổ chức tiếp xúc cử tri", []string{"Thường trực HĐND", "Các ban HĐND"}},
				{"Hoàn thiện báo cáo thẩm tra", []string{"Thường trực HĐND", "Các ban HĐND"}},
			}},
		{"a working group in lower case, the role of a group of officials",
			newsPage("Kết luận hội nghị, đồng chí Lê Văn Tâm yêu cầu tổ giúp việc tổng hợp các ý kiến góp ý vào dự thảo đề án.",
				"Đồng chí Lê Văn Tâm nhấn mạnh vai trò, trách nhiệm của đội ngũ cán bộ thôn trong việc vận động nhân dân hiến đất làm đường."),
			[]wantTask{
				{"Kết luận hội nghị", []string{"Tổ giúp việc"}},
				{"Đồng chí Lê Văn Tâm nhấn mạnh", []string{"Đội ngũ cán bộ thôn"}},
			}},
		{"addressees listed over semicolons; a request that only sets the date",
			newsPage("Kết luận cuộc họp, đồng chí Lê Văn Tâm có ý kiến như sau: Giao Phòng Tài chính - Kế hoạch; UBND các xã, thị trấn; Ban Quản lý dự án rà soát các công trình chậm giải ngân. Yêu cầu gửi báo cáo về Văn phòng HĐND và UBND trước ngày 15/10/2023."),
			[]wantTask{
				{"Kết luận cuộc họp", []string{"Phòng Tài chính - Kế hoạch", "UBND các xã, thị trấn", "Ban Quản lý dự án"}},
			}},
		{"a unit leading by the assignment formula, however long its name",
			newsPage("Kết luận cuộc họp, đồng chí Lê Văn Tâm thống nhất phương án. Theo đó, Trung tâm Phát triển quỹ đất và dịch vụ công huyện chủ trì, phối hợp Phòng Tài nguyên và Môi trường lập hồ sơ giao đất."),
			[]wantTask{
				{"Theo đó, Trung tâm", []string{"Trung tâm Phát triển quỹ đất và dịch vụ công"}},
			}},
		{"a page where nobody concludes reports results; a caption reports too",
			newsPage("Trong tháng 9, UBND huyện đã tập trung chỉ đạo công tác thu ngân sách. Trên lĩnh vực văn hóa, tổ chức thành công Liên hoan văn nghệ quần chúng. Đẩy mạnh công tác thanh tra, giải quyết đơn thư.",
				"Lãnh đạo Trung tâm Y tế thảo luận về công tác tiêm chủng"),
			nil},
		{"a collective whose head has two words; an ellipsis glued to the next sentence",
			newsPage("Kết luận cuộc họp, đồng chí Lê Văn Tâm đề nghị các phòng ban chuyên môn, đơn vị sự nghiệp chủ động xây dựng kế hoạch năm 2024, nhất là chỉnh trang đô thị, đón Tết…Đồng thời làm tốt công tác chi trả chế độ chính sách."),
			[]wantTask{
				{"Kết luận cuộc họp", []string{"Các phòng ban chuyên môn, đơn vị sự nghiệp"}},
				{"Đồng thời làm tốt", nil},
			}},
		{"the People's Committee directed by the council that concludes",
			"HĐND phường An Phú giao ban tháng 11\nNgày đăng 30/11/2023\n\n" +
				"Chiều ngày 29/11/2023, Thường trực HĐND phường họp giao ban. Chủ trì cuộc họp ông Vũ Văn Nam, Chủ tịch HĐND phường.\n\n" +
				"Kết luận cuộc họp, ông Vũ Văn Nam, Chủ tịch HĐND phường đề nghị trong tháng 12 tập trung một số nội dung sau:\n" +
				"- UBND phường phối hợp với các phòng ban chức năng quận giải quyết dứt điểm kiến nghị của cử tri tổ dân phố số 5.\n",
			[]wantTask{
				{"UBND phường phối hợp", []string{"UBND phường"}},
			}},
		{"a quotation attributed after it directs from its opening",
			newsPage("“Các trường học phải rà soát toàn bộ hệ thống điện trước năm học mới. Cơ quan chức năng cần kiểm tra đột xuất các bếp ăn tập thể. Chủ tịch UBND xã phải chịu trách nhiệm nếu để xảy ra mất an toàn”, Chủ tịch UBND huyện Lê Văn Tâm chỉ đạo."),
			[]wantTask{
				{"“Các trường học phải", []string{"Các trường học"}},
				{"Cơ quan chức năng cần", []string{"Cơ quan chức năng"}},
				{"Chủ tịch UBND xã phải", []string{"Chủ tịch UBND"}},
			}},
		{"communes as a bare list of levels; a speaker by title; districts sharing the Committee",
			newsPage("Kết luận, Chủ tịch UBND huyện nhấn mạnh: Xã, thị trấn phải hoàn thành kiểm kê rừng.",
				"Chủ tịch UBND tỉnh yêu cầu tiếp tục rà soát các dự án chậm tiến độ.",
				"Đồng chí Lê Văn Tâm giao UBND thị trấn Hòa Khánh và các xã chủ động sơ tán dân khỏi vùng sạt lở."),
			[]wantTask{
				{"Kết luận, Chủ tịch UBND huyện nhấn mạnh", []string{"UBND các xã, thị trấn"}},
				{"Chủ tịch UBND tỉnh yêu cầu tiếp tục", nil},
				{"Đồng chí Lê Văn Tâm giao", []string{"UBND thị trấn Hòa Khánh", "UBND các xã"}},
			}},
		{"a council's leaders direct the Committee; results after a colon; an elaboration that only describes",
			"HĐND xã Tân An họp chuyên đề\n\n" +
				"Trong tháng 8 tình hình an ninh trật tự được đảm bảo: Công an xã tiếp tục làm tốt công tác tuần tra; Trạm Y tế xã tổ chức tiêm chủng đúng lịch.\n\n" +
				"Kết thúc buổi giám sát, lãnh đạo HĐND xã đề nghị UBND xã, các hội đoàn thể sớm sửa chữa nhà văn hóa thôn. Trong đó, nhiều công trình còn chậm tiến độ. Nội dung báo cáo phải nêu rõ nguyên nhân chậm tiến độ.\n",
			[]wantTask{
				{"Kết thúc buổi giám sát", []string{"UBND xã", "Các hội đoàn thể"}},
				{"Nội dung báo cáo phải", nil},
			}},
		{"a conclusion's lead-in, addressees of its items; advisory bodies and staff",
			newsPage("Sau khi nghe Văn phòng báo cáo, ý kiến các thành viên, Chủ tịch UBND huyện Lê Văn Tâm kết luận:",
				"Trong tháng 10/2023, các phòng, ban, đơn vị cần tập trung thực hiện các nhiệm vụ trọng tâm sau:",
				"- Hoàn thành thu ngân sách theo kế hoạch.",
				"Đồng chí Lê Văn Tâm yêu cầu các cơ quan tham mưu hoàn thiện dự thảo báo cáo, đồng thời chỉ đạo cán bộ chuyên môn trả lời kiến nghị của cử tri và chỉ đạo các xã rà soát hộ nghèo."),
			[]wantTask{
				{"Hoàn thành thu ngân sách", []string{"Các phòng, ban, đơn vị"}},
				{"Đồng chí Lê Văn Tâm yêu cầu", []string{"Các cơ quan tham mưu", "Cán bộ chuyên môn", "Các xã"}},
			}},
		{"the office of the Committee directs; who issues a letter only announces",
			"Ngày 10/3/2022, Văn phòng UBND tỉnh ban hành văn bản thông báo ý kiến chỉ đạo của Chủ tịch UBND tỉnh, giao Sở Xây dựng kiểm tra công trình; báo cáo trong 15 ngày làm việc.\n\n" +
				"Đến nay, Sở Xây dựng chưa báo cáo. Văn phòng UBND tỉnh đề nghị Sở Xây dựng khẩn trương báo cáo trước ngày 20/4/2022.\n",
			[]wantTask{
				{"Ngày 10/3/2022", []string{"Sở Xây dựng"}},
				{"Văn phòng UBND tỉnh đề nghị", []string{"Sở Xây dựng"}},
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := checkTasks(t, c.text, c.want)
			if c.name == "the office of the Committee directs; who issues a letter only announces" && (doc.Meeting.Date != nil || doc.Meeting.Chair != nil) {
				t.Errorf("meeting %v %v: working days are no meeting", str(doc.Meeting.Date), str(doc.Meeting.Chair))
			}
			if c.name == "addressees listed over semicolons; a request that only sets the date" {
				if got := str(doc.Tasks[0].Due); got != "2023-10-15" {
					t.Errorf("due %s, want 2023-10-15 from the request after the task", got)
				}
			}
		})
	}
}

// TestNoticeClosing leaves the closing formula of a directive out of its
// tasks.
func TestNoticeClosing(t *testing.T) {
	text := "Về việc rà soát hộ nghèo (215/VP-KGVX, ngày 12/9/2023).\n\n" +
		"Đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh có ý kiến như sau:\n\n" +
		"Giao Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với UBND các huyện, thành phố rà soát hộ nghèo; hoàn thành trước ngày 30/9/2023.\n\n" +
		"Văn phòng UBND tỉnh thông báo để Sở Lao động - Thương binh và Xã hội, các cơ quan liên quan biết, thực hiện./.\n"
	doc := checkTasks(t, text, []wantTask{{"Giao Sở Lao động", []string{"Sở Lao động - Thương binh và Xã hội"}}})
	if got := strings.Join(doc.Tasks[0].Support, "; "); got != "UBND các huyện, thành phố" {
		t.Errorf("support %q, want the whole list of levels", got)
	}
	if got := str(doc.IssuedOn); got != "2023-09-12" {
		t.Errorf("issued_on %s, want the date of the reference in the title", got)
	}
	if doc.Meeting.Date != nil {
		t.Errorf("meeting date %s: a deadline is not a meeting", *doc.Meeting.Date)
	}
}
