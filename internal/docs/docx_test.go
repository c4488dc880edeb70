package docs

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// unzip returns the parts of a .docx by name.
func unzip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the .docx is not a zip file: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
	}
	return parts
}

func renderDOCX(t *testing.T, d Document) map[string][]byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	return unzip(t, buf.Bytes())
}

func TestDOCXGolden(t *testing.T) {
	parts := renderDOCX(t, NoticeFromDomain(testOrg, testNotice()))
	for _, name := range []string{"word/document.xml", "word/styles.xml", "word/header1.xml"} {
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "_"))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, parts[name], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(parts[name], want) {
			t.Errorf("%s differs from %s (run go test -update and review the diff)", name, golden)
		}
	}
}

func TestDOCXPackage(t *testing.T) {
	n := testNotice()
	// The title arrives decomposed (NFD), as some editors on macOS send it.
	n.Title = norm.NFD.String(n.Title)
	parts := renderDOCX(t, NoticeFromDomain(testOrg, n))

	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
		"word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml", "docProps/core.xml"} {
		data, ok := parts[name]
		if !ok {
			t.Fatalf("part %s missing", name)
		}
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", name, err)
			}
		}
	}

	doc := string(parts["word/document.xml"])
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`,                                 // A4 portrait
		`<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`, // 20, 15, 20, 30 mm
		`<w:titlePg/>`, // no page number on page 1
		`<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if !strings.Contains(string(parts["word/header1.xml"]), "PAGE") {
		t.Error("the page header has no PAGE field")
	}
	if strings.Contains(string(parts["word/header2.xml"]), "PAGE") {
		t.Error("the first page's header shows a page number")
	}
	text := docxText(t, parts["word/document.xml"])
	for _, want := range []string{
		"ỦY BAN NHÂN DÂN", "HUYỆN LÂM THAO", "UBND TỈNH PHÚ THỌ", NationalName, Motto,
		"Số: 12/TB-UBND", "Lâm Thao, ngày 03 tháng 02 năm 2023", "THÔNG BÁO",
		"Kết luận của Phó Chủ tịch UBND huyện Ngô Đức Sáu", // from NFD input, now NFC
		"- Tăng cường quản lý di tích lịch sử văn hóa", "Nơi nhận:", "- TT: HU, HĐND huyện (b/c);",
		"- ĐU, UBND các xã, thị trấn;", "- Lưu: VT, TH.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Ngô Đức Sáu",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the document's text lacks %q", want)
		}
	}
	if !norm.NFC.IsNormalString(text) {
		t.Error("the document's text is not NFC")
	}
}

// docxText is the text of document.xml's w:t elements, a line per paragraph.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	var b strings.Builder
	dec := xml.NewDecoder(bytes.NewReader(data))
	inText := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return b.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "t"
			if tok.Name.Local == "br" {
				b.WriteString("\n")
			}
		case xml.EndElement:
			inText = false
			if tok.Name.Local == "p" {
				b.WriteString("\n")
			}
		case xml.CharData:
			if inText {
				b.Write(tok)
			}
		}
	}
}
