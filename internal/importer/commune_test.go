package importer

import (
	"os"
	"strings"
	"testing"
)

// TestCommuneNotice reads a commune-level notice of the two-tier government
// (after 1 July 2025): the commune is the issuer, its own acknowledgement
// ("UBND xã tiếp thu …") is not a task, and its units lead and support.
func TestCommuneNotice(t *testing.T) {
	data, err := os.ReadFile("testdata/samples/xa_2025.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Extract("xa_2025.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.IssuedOn == nil || *doc.IssuedOn != "2025-09-10" || doc.Meeting.Date == nil || *doc.Meeting.Date != "2025-09-08" {
		t.Errorf("dates: issued %v, meeting %v", doc.IssuedOn, doc.Meeting.Date)
	}
	if doc.Signer == nil || *doc.Signer != "Nguyễn Văn Bình" {
		t.Errorf("signer %v", doc.Signer)
	}
	want := []struct {
		start, lead, support, due, kind string
	}{
		{"Tham mưu kế hoạch tổ chức Tết Trung thu", "Phòng Văn hóa - Xã hội", "", "2025-09-20", "date"},
		{"Phối hợp với Trạm Y tế xã", "Phòng Văn hóa - Xã hội", "Trạm Y tế", "2025-09-30", "month"},
		{"Giao Trạm Y tế xã chủ trì", "Trạm Y tế", "Phòng Văn hóa - Xã hội", "", "recurring"},
	}
	if len(doc.Tasks) != len(want) {
		for _, tk := range doc.Tasks {
			t.Logf("task: %s", tk.Text)
		}
		t.Fatalf("%d tasks, want %d (the acknowledgement is not a task)", len(doc.Tasks), len(want))
	}
	for i, w := range want {
		tk := doc.Tasks[i]
		if !strings.HasPrefix(tk.Text, w.start) {
			t.Errorf("task %d text %q", i+1, tk.Text)
		}
		if strings.Join(tk.Lead, ";") == "" || !strings.HasPrefix(strings.Join(tk.Lead, ";"), w.lead) {
			t.Errorf("task %d lead %v, want %q", i+1, tk.Lead, w.lead)
		}
		if got := strings.Join(tk.Support, ";"); (w.support == "") != (got == "") || !strings.HasPrefix(got, w.support) {
			t.Errorf("task %d support %v, want %q", i+1, tk.Support, w.support)
		}
		due := ""
		if tk.Due != nil {
			due = *tk.Due
		}
		if due != w.due || tk.Deadline.Kind != w.kind {
			t.Errorf("task %d due %q (%s), want %q (%s)", i+1, due, tk.Deadline.Kind, w.due, w.kind)
		}
	}
}
