package importer

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtractText feeds arbitrary text to the text extractor; it must not
// panic or hang, and offsets must stay inside the source text.
func FuzzExtractText(f *testing.F) {
	f.Add([]byte(structuredNotice))
	f.Add([]byte("THÔNG BÁO\n1. Phòng Y tế\n- Giao Phòng X chủ trì, Y phối hợp trước ngày 1/1/2024.\n"))
	f.Add([]byte("- \n* \n1.\n**\nSố:\nNgày 32/13/2023"))
	f.Add(EncodeTCVN3("Tăng cường kiểm tra"))
	f.Add([]byte(newsPage("Kết luận, đồng chí yêu cầu: Phòng Y tế tăng cường kiểm tra; lực lượng công an, dân quân tuần tra. Trong đó, chú trọng an toàn thực phẩm. Thời gian hoàn thành trước ngày 15/10.",
		"Các đơn vị thống nhất lịch như sau:", "- Ngày 03 và 04/10: xã Hòa Nhơn, Phòng Nội vụ, Tư pháp", "Thứ nhất, rà soát (BQLDA) các dự án trong quý IV.")))
	f.Add([]byte(abbreviationNotice))
	for _, s := range loadSeeds(f) {
		f.Add(s.data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		doc, err := Extract("fuzz.txt", data, Options{MaxBytes: 1 << 20})
		if time.Since(start) > 5*time.Second {
			t.Fatalf("too slow: %v", time.Since(start))
		}
		if err != nil {
			return
		}
		if !utf8.ValidString(doc.SourceText) {
			t.Fatalf("source text is not UTF-8")
		}
		for _, tk := range doc.Tasks {
			if tk.Start < 0 || tk.End > len(doc.SourceText) || tk.Start > tk.End {
				t.Fatalf("bad offsets %d..%d of %d", tk.Start, tk.End, len(doc.SourceText))
			}
			if tk.Lead == nil || tk.Support == nil {
				t.Fatalf("nil lead/support")
			}
		}
	})
}

// FuzzParseDeadline checks the deadline parser on arbitrary text.
func FuzzParseDeadline(f *testing.F) {
	for _, s := range []string{"trước ngày 15/7/2023", "trước 15/ 3/2023", "trong tháng 9/2023", "trong quý III/2024",
		"chậm nhất là ngày 05 tháng 8 năm 2024", "hàng tháng", "ngay sau khi", "trước ngày 99/99/9999", "trong quý", "trước"} {
		f.Add(s, 2023)
	}
	f.Fuzz(func(t *testing.T, s string, year int) {
		due, dl := ParseDeadline(s, year%3000)
		if due != "" {
			if len(due) != 10 || dl.Kind == "none" {
				t.Fatalf("bad due %q kind %q", due, dl.Kind)
			}
			if _, err := time.Parse("2006-01-02", due); err != nil && year > 0 {
				t.Fatalf("invalid date %q: %v", due, err)
			}
		}
	})
}

// FuzzDocx feeds arbitrary archives to the .docx reader.
func FuzzDocx(f *testing.F) {
	f.Add(buildDocx(f, []string{"THÔNG BÁO", "• Giao Phòng Y tế chủ trì kiểm tra."}))
	f.Add(emptyZip())
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Extract("fuzz.docx", data, Options{MaxBytes: 1 << 20})
	})
}

// FuzzPDFValidate fuzzes the PDF checks done before pdftotext runs.
func FuzzPDFValidate(f *testing.F) {
	f.Add([]byte("%PDF-1.4\n%%EOF\n"))
	f.Add([]byte("%PDF-"))
	f.Add([]byte("xin chào"))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := validatePDF("fuzz.pdf", data)
		if err == nil && len(data) < 5 {
			t.Fatalf("accepted a too short PDF")
		}
	})
}
