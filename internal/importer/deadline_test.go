package importer

import "testing"

// TestDeadlineForms reads the deadline wordings of real notices, each in a
// sentence written for the test. The meeting was held on ref.
func TestDeadlineForms(t *testing.T) {
	ref := refDate{2024, 5, 20}
	cases := []struct {
		name, text string
		ref        refDate
		due, kind  string
	}{
		{"quarter with year", "Hoàn thành việc cấp đổi giấy chứng nhận trong quý II/2024.", ref, "2024-06-30", "quarter"},
		{"quarter without year", "Trong quý III, các xã hoàn thành kiểm kê đất đai.", ref, "2024-09-30", "quarter"},
		{"end of quarter", "Báo cáo kết quả vào cuối quý IV.", ref, "2024-12-31", "quarter"},
		{"month.year", "Đối với nhiệm vụ trong tháng 11.2024, tập trung thu ngân sách.", ref, "2024-11-30", "month"},
		{"end of month without year", "Trình dự thảo kế hoạch cuối tháng 6.", ref, "2024-06-30", "month"},
		{"until the end of a month", "Duy trì tổ công tác đến hết tháng 8/2024.", ref, "2024-08-31", "month"},
		{"periods joined by và: the last", "Triển khai các nhiệm vụ cuối tháng 5 và trong tháng 6/2024.", ref, "2024-06-30", "month"},
		{"a period running into the rest of the year is no deadline", "Thực hiện tốt nhiệm vụ trọng tâm trong tháng 6 và những tháng cuối năm 2024.", ref, "", "none"},
		{"latest date", "Gửi báo cáo về Văn phòng chậm nhất ngày 05/6/2024.", ref, "2024-06-05", "date"},
		{"latest date without year", "Nộp hồ sơ chậm nhất ngày 10/7.", ref, "2024-07-10", "date"},
		{"done before, no year", "Thời gian thực hiện xong trước 30/6.", ref, "2024-06-30", "date"},
		{"spaced slash, no year", "Hoàn thành chỉnh trang trước 15/ 6.", ref, "2024-06-15", "date"},
		{"two days: the last", "Tổ chức kiểm tra trong ngày 14 và 15/6.", ref, "2024-06-15", "date"},
		{"a date early next year", "Hoàn thành quyết toán trước ngày 15/01.", refDate{2023, 12, 12}, "2024-01-15", "date"},
		{"month early next year", "Tổ chức tổng kết trong tháng 1.", refDate{2023, 11, 28}, "2024-01-31", "month"},
		{"the months left in the year", "Tập trung rà soát các chỉ tiêu để hoàn thành trong hai tháng còn lại.", refDate{2023, 10, 24}, "2023-12-31", "date"},
		{"time limit", "Thời hạn hoàn thành: 31/8/2024.", ref, "2024-08-31", "date"},
		{"an occasion is no deadline", "Bảo đảm an ninh trật tự dịp 30/4 và 1/5.", ref, "", "none"},
		{"a year alone is no deadline", "Phấn đấu hoàn thành các chỉ tiêu năm 2024.", ref, "", "none"},
		{"a quarter word inside another word", "Tổ chức quyết toán các công trình.", ref, "", "none"},
		{"a direction framed by the second half of the year", "6 tháng cuối năm, các xã cần hoàn thành kiểm kê đất công.", ref, "2024-12-31", "date"},
		{"the first half with its year", "Trong 6 tháng đầu năm 2025, tập trung giải phóng mặt bằng.", ref, "2025-06-30", "date"},
		{"a half named inside the text is what was assessed", "Đánh giá kết quả 6 tháng đầu năm, triển khai nhiệm vụ.", ref, "", "none"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			due, dl := parseDeadline(c.text, lowerVN(c.text), c.ref)
			if due != c.due || dl.Kind != c.kind {
				t.Errorf("%q: due %q (%s), want %q (%s)", c.text, due, dl.Kind, c.due, c.kind)
			}
		})
	}
}

// TestScheduleItems reads a schedule agreed at a meeting: each entry is a
// task of the units it names, due on its (last) day.
func TestScheduleItems(t *testing.T) {
	text := newsPage("Các đơn vị thống nhất lịch kiểm tra thực địa như sau:",
		"- Ngày 03/10: buổi sáng xã Hòa Nhơn, buổi chiều xã Hòa Sơn;",
		"- Ngày 05 và 06/10: Phòng Nông nghiệp và Phát triển nông thôn, Công an huyện")
	doc := checkTasks(t, text, []wantTask{
		{"Ngày 03/10", []string{"Xã Hòa Nhơn", "Xã Hòa Sơn"}},
		{"Ngày 05 và 06/10", []string{"Phòng Nông nghiệp và Phát triển nông thôn", "Công an"}},
	})
	for i, want := range []string{"2023-10-03", "2023-10-06"} {
		if got := str(doc.Tasks[i].Due); got != want {
			t.Errorf("task %d due %s, want %s", i+1, got, want)
		}
	}
}
