package importer

import (
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

// TestScore extracts the hand-labelled documents of the shared evaluation
// folder (../shared next to the repository) and scores them with its
// scorer: the five seed notices against eval/gold, and the development
// set of real pages from provincial portals (eval/dev) against its own
// labels, each with its own thresholds. A failure prints the scorer's
// line for every document.
func TestScore(t *testing.T) {
	shared := filepath.Join(repoRoot(t), "..", "shared")
	scorer := filepath.Join(shared, "eval", "score.py")
	if _, err := os.Stat(scorer); err != nil {
		t.Skipf("shared evaluation folder %s is absent; skipping the score check", shared)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed; skipping the score check")
	}
	sets := []struct {
		name, texts, gold string
		min               map[string]float64
	}{
		{"seeds", filepath.Join(shared, "corpus", "seeds"), filepath.Join(shared, "eval", "gold"),
			map[string]float64{"score": 0.97, "task_f1": 0.97, "lead_acc": 0.97, "due_acc": 0.97}},
		{"dev", filepath.Join(shared, "eval", "dev"), filepath.Join(shared, "eval", "dev"),
			map[string]float64{"score": 0.94, "task_f1": 0.96, "lead_acc": 0.93, "due_acc": 0.96}},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join(set.texts, "*.txt"))
			if err != nil || len(files) == 0 {
				t.Skipf("no documents in %s", set.texts)
			}
			docs := make([]*Document, 0, len(files))
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
			out := filepath.Join(t.TempDir(), "pred.json")
			if keep := os.Getenv("GIAOBAN_PRED_OUT"); keep != "" {
				out = keep + "." + set.name + ".json"
			}
			data, err := json.Marshal(docs)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(out, data, 0o644); err != nil {
				t.Fatalf("write: %v", err)
			}
			res, err := exec.Command("python3", scorer, set.gold, out).CombinedOutput()
			if err != nil {
				t.Fatalf("score.py: %v\n%s", err, res)
			}
			text := strings.TrimSpace(string(res))
			lines := strings.Split(text, "\n")
			last := lines[len(lines)-1]
			t.Log(last)
			metrics := map[string]float64{}
			for _, f := range strings.Fields(last) {
				if k, v, ok := strings.Cut(f, "="); ok {
					if x, err := strconv.ParseFloat(v, 64); err == nil {
						metrics[k] = x
					}
				}
			}
			failed := false
			for k, minimum := range set.min {
				v, ok := metrics[k]
				if !ok {
					t.Fatalf("score.py output lacks %s: %q", k, last)
				}
				if v < minimum {
					t.Errorf("%s %s = %.3f, want >= %.2f", set.name, k, v, minimum)
					failed = true
				}
			}
			if failed {
				t.Logf("per document:\n%s", text)
			}
		})
	}
}
