package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// extractNotice is a small notice with one task.
const extractNotice = `UBND HUYỆN THỬ
VĂN PHÒNG
Số: 15/TB-VP
Thử, ngày 05 tháng 3 năm 2023
THÔNG BÁO
Kết luận của Phó Chủ tịch UBND huyện tại Hội nghị giao ban khối Văn hóa - Xã hội
1. Nhiệm vụ trong thời gian tới
- Giao Phòng Y tế & Phòng GD&ĐT kiểm tra an toàn thực phẩm tại các trường học, hoàn thành trước ngày 20/3/2023.
Nơi nhận:
- Lưu: VT.
`

func TestExtract(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "tb.txt")
	if err := os.WriteFile(good, []byte(extractNotice), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "khong-co.txt")
	noEnv := func(string) (string, bool) { return "", false }
	var out, errb bytes.Buffer
	err := Extract([]string{good, missing}, noEnv, nil, &out, &errb)
	if err == nil {
		t.Fatal("want an error for the missing file")
	}
	if !strings.Contains(errb.String(), "khong-co.txt") || !strings.Contains(errb.String(), "không mở được tệp") {
		t.Errorf("stderr = %q", errb.String())
	}
	var docs []map[string]any
	if err := json.Unmarshal(out.Bytes(), &docs); err != nil {
		t.Fatalf("stdout is not JSON: %v", err)
	}
	if len(docs) != 1 || docs[0]["source"] != "tb.txt" {
		t.Errorf("docs = %v", docs)
	}
	if strings.Contains(out.String(), `\u0026`) {
		t.Errorf("output is HTML-escaped")
	}
	// Standard input.
	out.Reset()
	errb.Reset()
	if err := Extract(nil, noEnv, strings.NewReader(extractNotice), &out, &errb); err != nil {
		t.Fatalf("stdin: %v %s", err, errb.String())
	}
	if !strings.Contains(out.String(), `"source": "stdin"`) {
		t.Errorf("stdin source missing: %.200s", out.String())
	}
	var raw []map[string]any
	if err := json.Unmarshal(out.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	task := raw[0]["tasks"].([]any)[0].(map[string]any)
	for _, k := range []string{"text", "lead", "support", "due", "deadline", "start", "end"} {
		if _, ok := task[k]; !ok {
			t.Errorf("task lacks %q", k)
		}
	}
	// The size limit, from the flag or its variable; a malformed variable is an error naming it.
	for _, c := range []struct {
		args []string
		env  string
		want string
	}{
		{[]string{"--max-mb", "0", good}, "", "--max-mb"},
		{[]string{good}, "abc", "GIAOBAN_EXTRACT_MAX_MB"},
	} {
		env := func(k string) (string, bool) { return c.env, k == "GIAOBAN_EXTRACT_MAX_MB" && c.env != "" }
		if err := Extract(c.args, env, nil, &out, &errb); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("extract %v with GIAOBAN_EXTRACT_MAX_MB=%q: %v, want an error naming %s", c.args, c.env, err, c.want)
		}
	}
}
