package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestServeForOperators runs `giaoban serve` as an operator would behind a
// log collector and Prometheus: --log-format json writes one JSON object a
// line, each request's with its id; --metrics-addr serves /metrics on an
// address of its own, and the main address does not serve it.
func TestServeForOperators(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	args := []string{"--db", "sqlite:" + filepath.Join(t.TempDir(), "giaoban.db"), "--addr", "127.0.0.1:0",
		"--metrics-addr", "127.0.0.1:0", "--log-format", "json", "--log-level", "debug"}
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, args, nil, &stdout, &stderr) }()
	addrs := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var site, metrics string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		select {
		case err := <-done:
			t.Fatalf("serve stopped: %v", err)
		default:
		}
		if m := addrs.FindAllStringSubmatch(stdout.String(), -1); len(m) == 2 {
			metrics, site = m[0][1], m[1][1]
			if strings.Contains(stdout.String(), "giaoban đang chạy tại http://"+metrics) {
				metrics, site = site, metrics
			}
			break
		}
	}
	if site == "" {
		t.Fatalf("serve printed no addresses:\n%s\n%s", stdout.String(), stderr.String())
	}
	get := func(u string, hdr ...string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", u, nil)
		if len(hdr) == 2 {
			req.Header.Set(hdr[0], hdr[1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, _ := get("http://"+site+"/login", "X-Request-ID", "kiem-tra-42"); code != http.StatusOK {
		t.Fatalf("login page: %d", code)
	}
	if code, _ := get("http://" + site + "/metrics"); code != http.StatusNotFound {
		t.Errorf("/metrics on the main address: %d, want 404", code)
	}
	code, body := get("http://" + metrics + "/metrics")
	if code != http.StatusOK || !strings.Contains(body, `giaoban_http_requests_total{method="GET",route="GET /login",status="200"} 1`) ||
		!strings.Contains(body, "giaoban_db_open_connections") {
		t.Errorf("/metrics on its own address: %d\n%s", code, body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
	found := false
	sc := bufio.NewScanner(strings.NewReader(stderr.String()))
	for sc.Scan() {
		var line map[string]any
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("a log line is not JSON: %q", sc.Text())
		}
		if line["msg"] == "request" && line["route"] == "GET /login" && line["request_id"] == "kiem-tra-42" {
			found = true
		}
	}
	if !found {
		t.Errorf("no JSON request line with its id:\n%s", stderr.String())
	}
}
