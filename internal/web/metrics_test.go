package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/metrics"
	"giaoban/internal/store"
)

// TestMetrics: /metrics answers only to its token, in Prometheus' format,
// with requests counted by route pattern (pages and API alike) and status,
// the database pools, job runs, and a gauge registered by another part of
// the program (the outbox's depth, once there is one).
func TestMetrics(t *testing.T) {
	a := apptest.New(t, store.SQLite)
	mx := metrics.New(nil)
	for name, stats := range a.Store.Pools() {
		mx.Pool(name, stats)
	}
	mx.Gauge("giaoban_test_outbox_depth", "Messages waiting.", func(context.Context) (float64, error) { return 3, nil })
	mx.ObserveJob("snapshot", 20*time.Millisecond, nil)
	mx.ObserveJob("snapshot", 5*time.Millisecond, fmt.Errorf("hỏng"))
	const token = "0123456789abcdef-metrics"
	e := serveWith(a, Options{Metrics: mx, MetricsToken: token})
	task := a.Task(app.TaskInput{Text: "Rà soát"})
	c := e.login("vanphong")
	for range 2 {
		if code, _, _ := c.get(fmt.Sprintf("/tasks/%d", task.ID)); code != http.StatusOK {
			t.Fatalf("task page: %d", code)
		}
	}
	c.get("/khong-co")
	req, _ := http.NewRequest("GET", e.srv.URL+fmt.Sprintf("/api/v1/tasks/%d", task.ID), nil)
	req.Header.Set("Authorization", "Bearer "+a.APIToken(a.Office))
	resp, err := http.DefaultClient.Do(req)
	apptest.Must(t, err)
	resp.Body.Close()

	for _, auth := range []string{"", "Bearer sai-ma", "Basic " + token} {
		req, _ := http.NewRequest("GET", e.srv.URL+"/metrics", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		apptest.Must(t, err)
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("/metrics with %q: %d, want 401", auth, resp.StatusCode)
		}
	}
	req, _ = http.NewRequest("GET", e.srv.URL+"/metrics", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err = http.DefaultClient.Do(req)
	apptest.Must(t, err)
	body := readAll(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/metrics with the token: %d", resp.StatusCode)
	}
	for _, want := range []string{
		`giaoban_http_requests_total{method="GET",route="GET /tasks/{id}",status="200"} 2`,
		`giaoban_http_requests_total{method="GET",route="GET /api/v1/tasks/{id}",status="200"} 1`,
		`giaoban_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		`giaoban_http_requests_total{method="POST",route="POST /login",status="303"} 1`,
		`giaoban_http_request_duration_seconds_bucket{method="GET",route="GET /tasks/{id}",le="`,
		`giaoban_db_open_connections{pool="write"}`, `giaoban_db_in_use_connections{pool="read"}`,
		`giaoban_job_runs_total{job="snapshot"} 2`, `giaoban_job_failures_total{job="snapshot"} 1`,
		`giaoban_test_outbox_depth 3`, "go_goroutines", "process_resident_memory_bytes",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	// Without a token the main address serves no metrics at all.
	plain := serve(apptest.New(t, store.SQLite))
	if code, _, _ := plain.anon().get("/metrics"); code != http.StatusNotFound {
		t.Errorf("/metrics without a token set: %d, want 404", code)
	}
}

// TestRequestID: every answer carries an id for the log; a plain id sent
// by the proxy is kept, anything else replaced.
func TestRequestID(t *testing.T) {
	e := serve(apptest.New(t, store.SQLite))
	for _, tc := range []struct{ sent, want string }{{"abc-123", "abc-123"}, {"", ""}, {"x y<script>", ""}} {
		req, _ := http.NewRequest("GET", e.srv.URL+"/login", nil)
		if tc.sent != "" {
			req.Header.Set("X-Request-ID", tc.sent)
		}
		resp, err := http.DefaultClient.Do(req)
		apptest.Must(t, err)
		resp.Body.Close()
		got := resp.Header.Get("X-Request-ID")
		if tc.want != "" && got != tc.want || tc.want == "" && (len(got) != 16 || got == tc.sent) {
			t.Errorf("X-Request-ID sent %q, answered %q", tc.sent, got)
		}
	}
}
