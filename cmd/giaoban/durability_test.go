package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/store"
)

// envChild makes the test binary run giaoban's main instead of the tests:
// the durability test starts it as the server it kills.
const envChild = "GIAOBAN_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(envChild) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// server is a `giaoban serve` process of the test binary.
type server struct {
	cmd  *exec.Cmd
	out  *syncBuffer
	base string
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServer runs `giaoban serve --demo --db dsn` and waits until it
// answers.
func startServer(t *testing.T, dsn string) *server {
	t.Helper()
	out := &syncBuffer{}
	cmd := exec.Command(os.Args[0], "serve", "--demo", "--db", dsn, "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), envChild+"=1")
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, out: out}
	t.Cleanup(func() { s.kill() })
	addr := regexp.MustCompile(`đang chạy tại (http://127\.0\.0\.1:\d+)/`)
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			s.base = m[1]
			if resp, err := http.Get(s.base + "/healthz"); err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					return s
				}
			}
		}
		if cmd.ProcessState != nil {
			break
		}
	}
	t.Fatalf("the server did not start:\n%s", out.String())
	return nil
}

// kill ends the server with SIGKILL, as a power cut or the OOM killer would.
func (s *server) kill() {
	if s.cmd.ProcessState == nil {
		s.cmd.Process.Signal(syscall.SIGKILL) //nolint:errcheck
		s.cmd.Wait()                          //nolint:errcheck
	}
}

// stop ends the server as an operator would (SIGTERM).
func (s *server) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Wait(); err != nil {
		t.Fatalf("server after SIGTERM: %v\n%s", err, s.out.String())
	}
}

// TestKillDuringWrites: writers report on tasks through the API while the
// server is killed with SIGKILL; after a restart, every report the server
// had acknowledged (201) is there, and SQLite's integrity check passes. A few
// trials on each database.
func TestKillDuringWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("starts servers")
	}
	dsns := map[string]string{"sqlite": "sqlite:" + filepath.Join(t.TempDir(), "giaoban.db")}
	if base := os.Getenv("GIAOBAN_TEST_POSTGRES"); base != "" {
		dsns["postgres"] = newPostgres(t, base)
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			srv := startServer(t, dsn)
			st, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			svc := app.New(st, app.Options{})
			office, _, err := st.UserByName(ctx, "vanphong")
			if err != nil {
				t.Fatal(err)
			}
			token, err := svc.CreateAPIToken(ctx, office, "durability")
			if err != nil {
				t.Fatal(err)
			}
			tasks := taskIDs(t, srv.base, token)
			st.Close()
			var acked []string
			for trial := range 3 {
				if trial > 0 {
					srv = startServer(t, dsn)
				}
				acked = append(acked, writeUntilKilled(t, srv, token, tasks, trial)...)
			}
			srv = startServer(t, dsn) // recovers from the last kill
			srv.stop(t)
			st, err = store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if res, err := st.IntegrityCheck(ctx); err != nil || res != "ok" {
				t.Errorf("integrity check: %q %v", res, err)
			}
			stored := map[string]bool{}
			for _, id := range tasks {
				reps, err := st.Reports(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range reps {
					stored[r.Body] = true
				}
			}
			lost := 0
			for _, body := range acked {
				if !stored[body] {
					lost++
				}
			}
			if lost > 0 || len(acked) < 30 {
				t.Errorf("%d of %d acknowledged reports lost", lost, len(acked))
			}
			t.Logf("%d acknowledged reports over 3 kills, all present", len(acked))
		})
	}
}

// taskIDs are three tasks of the demo, through the API.
func taskIDs(t *testing.T, base, token string) []int64 {
	t.Helper()
	req, _ := http.NewRequest("GET", base+"/api/v1/tasks?per_page=3", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var page struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil || len(page.Items) < 3 {
		t.Fatalf("tasks: %v %+v", err, page)
	}
	return []int64{page.Items[0].ID, page.Items[1].ID, page.Items[2].ID}
}

// writeUntilKilled runs six writers against srv, kills it with SIGKILL
// after a moment of writing, and returns the reports it acknowledged.
func writeUntilKilled(t *testing.T, srv *server, token string, tasks []int64, trial int) []string {
	t.Helper()
	client := &http.Client{Timeout: 5 * time.Second}
	var mu sync.Mutex
	var acked []string
	var wg sync.WaitGroup
	for w := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				body := fmt.Sprintf("lần %d, người ghi %d, báo cáo %d", trial, w, i)
				js, _ := json.Marshal(map[string]any{"body": body, "percent": i % 100})
				req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/tasks/%d/reports", srv.base, tasks[(w+i)%len(tasks)]), bytes.NewReader(js))
				req.Header.Set("Authorization", "Bearer "+token)
				req.Header.Set("Content-Type", "application/json")
				resp, err := client.Do(req)
				if err != nil {
					return // the server is gone
				}
				resp.Body.Close()
				switch resp.StatusCode {
				case http.StatusCreated:
					mu.Lock()
					acked = append(acked, body)
					mu.Unlock()
				default:
					t.Errorf("report: %d", resp.StatusCode)
					return
				}
			}
		}()
	}
	time.Sleep(400 * time.Millisecond)
	srv.kill()
	wg.Wait()
	return acked
}

// newPostgres makes an empty PostgreSQL database for the test.
func newPostgres(t *testing.T, base string) string {
	t.Helper()
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	name := fmt.Sprintf("giaoban_kill_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	if _, err := db.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", base); err == nil {
			db.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`) //nolint:errcheck
			db.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
