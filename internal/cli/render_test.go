package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"giaoban/internal/config"
)

const oneNotice = `{"source": "tb-12.txt", "issued_on": "2023-02-23", "meeting": {"date": "2023-02-22", "chair": "Ngô Đức Sáu", "chair_title": "Phó Chủ tịch"},
 "signer": "Tạ Quang Thắng", "signer_title": "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG", "number": "12/TB-VP", "place": "Lâm Thao",
 "issuing_body": "UBND HUYỆN LÂM THAO - VĂN PHÒNG", "title": "Kết luận của Phó Chủ tịch UBND huyện Ngô Đức Sáu",
 "recipients": ["CT, các PCT UBND huyện", "Lưu: VT, TH"],
 "tasks": [{"text": "Rà soát các di tích xuống cấp, thời gian thực hiện xong trước 05/3/2023.", "lead": ["Phòng Văn hóa và Thông tin"], "support": [],
   "due": "2023-03-05", "deadline": {"kind": "date", "raw": "trước 05/3/2023"}, "section": ["Nhiệm vụ trọng tâm"]}]}`

// documentXML is word/document.xml of a .docx file.
func documentXML(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a .docx: %v", path, err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			var b bytes.Buffer
			if _, err := b.ReadFrom(rc); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
	}
	t.Fatalf("%s has no word/document.xml", path)
	return ""
}

func TestRender(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	run := func(args ...string) (string, error) {
		var out, errb bytes.Buffer
		err := Render(context.Background(), args, config.OSEnv, strings.NewReader(""), &out, &errb)
		return out.String(), err
	}

	t.Run("one notice, flags after the file", func(t *testing.T) {
		out := filepath.Join(dir, "tb.docx")
		if _, err := run(write("one.json", oneNotice), "-o", out); err != nil {
			t.Fatal(err)
		}
		doc := documentXML(t, out)
		for _, want := range []string{"VĂN PHÒNG", "UBND HUYỆN LÂM THAO", "Số: 12/TB-VP", "Lâm Thao, ngày 23 tháng 02 năm 2023", "1. Nhiệm vụ trọng tâm",
			"- Rà soát các di tích xuống cấp", "KT. CHÁNH VĂN PHÒNG", "Tạ Quang Thắng", "- Lưu: VT, TH."} {
			if !strings.Contains(doc, want) {
				t.Errorf("the .docx lacks %q", want)
			}
		}
	})

	t.Run("an array makes one file per notice in a folder", func(t *testing.T) {
		second := strings.Replace(oneNotice, "tb-12.txt", "tb-13.txt", 1)
		out := filepath.Join(dir, "out")
		printed, err := run("--format", "docx", write("many.json", "["+oneNotice+","+second+","+oneNotice+"]"), "-o", out)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"tb-12.docx", "tb-13.docx", "tb-12-2.docx"} {
			p := filepath.Join(out, name)
			if _, err := os.Stat(p); err != nil {
				t.Errorf("missing %s", name)
			}
			if !strings.Contains(printed, p) {
				t.Errorf("%s not reported", p)
			}
		}
	})

	for _, c := range []struct{ name, json, want string }{
		{"broken JSON", "{\n  \"title\": \"x\",\n  \"tasks\": [\n}", "JSON không hợp lệ ở dòng 4, cột 1"},
		{"wrong type", `{"title": 5}`, `trường "title" phải là string`},
		{"empty file", "  ", "tệp JSON rỗng"},
		{"not extract's output", `{"foo": 1}`, "không phải kết quả của giaoban extract"},
		{"empty array", `[]`, "không có văn bản nào"},
		{"an issue date not on the calendar", `{"title": "x", "issued_on": "2023-02-30"}`, `trường "issued_on"`},
		{"a due day not on the calendar", `{"title": "x", "tasks": [{"text": "Việc", "due": "31/4/2023"}]}`, `nhiệm vụ 1: trường "due"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := run(write("bad.json", c.json), "-o", filepath.Join(dir, "bad.docx"))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}

	t.Run("pdf without chromium", func(t *testing.T) {
		t.Setenv("GIAOBAN_CHROMIUM", filepath.Join(dir, "no-chromium"))
		_, err := run(write("one.json", oneNotice), "-o", filepath.Join(dir, "tb.pdf"))
		if err == nil || !strings.Contains(err.Error(), "không tìm thấy Chromium") {
			t.Errorf("err = %v, want the Vietnamese message about Chromium", err)
		}
	})

	t.Run("usage", func(t *testing.T) {
		if _, err := run(write("one.json", oneNotice)); err == nil || !strings.Contains(err.Error(), "cách dùng") {
			t.Errorf("without -o: err = %v", err)
		}
		if _, err := run("--format", "odt", write("one.json", oneNotice), "-o", "x"); err == nil || !strings.Contains(err.Error(), "không hỗ trợ") {
			t.Errorf("--format odt: err = %v", err)
		}
	})
}
