package importer

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// repoRoot walks up from the working directory to the directory holding
// go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// TestScoreSeeds extracts the seed notices and scores them with the shared
// scorer (../shared/eval/score.py next to the repository).
func TestScoreSeeds(t *testing.T) {
	shared := filepath.Join(repoRoot(t), "..", "shared")
	seedDir := filepath.Join(shared, "corpus", "seeds")
	gold := filepath.Join(shared, "eval", "gold")
	if _, err := os.Stat(filepath.Join(shared, "eval", "score.py")); err != nil {
		t.Skipf("shared evaluation folder %s is absent; skipping the score check", shared)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed; skipping the score check")
	}
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed documents in %s", seedDir)
	}
	// The array `giaoban extract` prints (internal/cli).
	docs := []*Document{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Extract(f, data, Options{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		docs = append(docs, doc)
	}
	var stdout bytes.Buffer
	enc := json.NewEncoder(&stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(docs); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "pred.json")
	if keep := os.Getenv("GIAOBAN_PRED_OUT"); keep != "" {
		out = keep
	}
	if err := os.WriteFile(out, stdout.Bytes(), 0o644); err != nil {
		t.Fatalf("write: %v", err)
	}
	cmd := exec.Command("python3", filepath.Join(shared, "eval", "score.py"), gold, out)
	res, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, res)
	}
	text := strings.TrimSpace(string(res))
	t.Logf("\n%s", text)
	lines := strings.Split(text, "\n")
	last := lines[len(lines)-1]
	metrics := map[string]float64{}
	for _, f := range strings.Fields(last) {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			continue
		}
		x, err := strconv.ParseFloat(v, 64)
		if err == nil {
			metrics[k] = x
		}
	}
	for k, minimum := range map[string]float64{"score": 0.90, "task_f1": 0.93, "due_acc": 0.95} {
		v, ok := metrics[k]
		if !ok {
			t.Fatalf("score.py output lacks %s: %q", k, last)
		}
		if v < minimum {
			t.Errorf("%s = %.3f, want >= %.2f", k, v, minimum)
		}
	}
}
