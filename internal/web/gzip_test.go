package web

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"

	"giaoban/internal/apptest"
	"giaoban/internal/store"
)

func TestGzip(t *testing.T) {
	e := serve(apptest.New(t, store.SQLite))
	tests := []struct {
		path, accept string
		wantGzip     bool
	}{
		{"/login", "gzip, deflate", true},
		{"/login", "", false},
		{"/static/app.css", "gzip", true},
		{"/healthz", "gzip", true},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.accept, func(t *testing.T) {
			req, _ := http.NewRequest("GET", e.srv.URL+tt.path, nil)
			if tt.accept != "" {
				req.Header.Set("Accept-Encoding", tt.accept)
			}
			// A Transport that does not add or undo gzip by itself.
			resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			got := resp.Header.Get("Content-Encoding") == "gzip"
			if got != tt.wantGzip {
				t.Fatalf("Content-Encoding gzip = %v, want %v", got, tt.wantGzip)
			}
			var body io.Reader = resp.Body
			if got {
				zr, err := gzip.NewReader(resp.Body)
				if err != nil {
					t.Fatal(err)
				}
				body = zr
			}
			b, err := io.ReadAll(body)
			if err != nil {
				t.Fatal(err)
			}
			if tt.path == "/login" && !strings.Contains(string(b), "Đăng nhập") {
				t.Errorf("body does not read as the login page")
			}
		})
	}
}
