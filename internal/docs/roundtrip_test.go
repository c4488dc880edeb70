package docs

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"

	"giaoban/internal/importer"
)

// TestPDFRoundTrip prints a notice re-issued from the importer's JSON as PDF,
// then reads that PDF back with the importer: the tasks, their lead units and
// deadlines survive. It exercises the importer's PDF path on a real PDF.
func TestPDFRoundTrip(t *testing.T) {
	exec := chromiumPath(t)
	poppler(t, "pdftotext", "-v")
	raw, err := os.ReadFile("testdata/notice_000.json")
	if err != nil {
		t.Fatal(err)
	}
	var src importer.Document
	if err := json.Unmarshal(raw, &src); err != nil {
		t.Fatal(err)
	}
	p := &Printer{ExecPath: exec}
	defer p.Close()
	notice, err := NoticeFromImport(src)
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if err := p.PDF(context.Background(), &pdf, notice); err != nil {
		t.Fatal(err)
	}
	got, err := importer.Extract("notice.pdf", pdf.Bytes(), importer.Options{})
	if err != nil {
		t.Fatalf("extract the printed PDF: %v", err)
	}
	if got.Format != "pdf" {
		t.Errorf("format %q, want pdf", got.Format)
	}
	if len(got.Tasks) < len(src.Tasks)*9/10 {
		t.Fatalf("read back %d tasks of %d", len(got.Tasks), len(src.Tasks))
	}
	dated := map[string]bool{}
	for _, tk := range src.Tasks {
		if tk.Due != nil {
			dated[*tk.Due] = true
		}
	}
	found := 0
	for _, tk := range got.Tasks {
		if tk.Due != nil && dated[*tk.Due] {
			found++
		}
	}
	if found < len(dated) {
		t.Errorf("deadlines read back: %d of %d distinct dates", found, len(dated))
	}
	if got.Signer == nil || src.Signer == nil || *got.Signer != *src.Signer {
		t.Errorf("signer read back as %v, want %v", got.Signer, src.Signer)
	}
}
