package config

import (
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
	"time"

	"giaoban/internal/domain"
)

// envOf is an environment holding m.
func envOf(m map[string]string) Env {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestParseServe(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		check   func(Serve) bool
		wantErr string
	}{
		{"defaults", nil, nil, func(c Serve) bool { return c.DB == "sqlite:data/giaoban.db" && c.SoonDays == 7 && !c.Demo }, ""},
		{"flags", []string{"--db", "postgres://x@h/db", "--demo", "--soon-days", "3"}, nil,
			func(c Serve) bool { return c.DB == "postgres://x@h/db" && c.Demo && c.SoonDays == 3 }, ""},
		{"environment", nil, map[string]string{"GIAOBAN_DB": "sqlite:/tmp/x.db", "GIAOBAN_SESSION_TTL": "2h", "GIAOBAN_DEMO": "true"},
			func(c Serve) bool { return c.DB == "sqlite:/tmp/x.db" && c.SessionTTL == 2*time.Hour && c.Demo }, ""},
		{"flags win over the environment", []string{"--addr", ":9000"}, map[string]string{"GIAOBAN_ADDR": ":8000"},
			func(c Serve) bool { return c.Addr == ":9000" }, ""},
		{"an empty variable counts as unset", nil, map[string]string{"GIAOBAN_SOON_DAYS": "", "GIAOBAN_DB": ""},
			func(c Serve) bool { return c.SoonDays == 7 && c.DB == DefaultDB }, ""},
		{"soon days out of range", []string{"--soon-days", "400"}, nil, nil, "soon-days"},
		{"upload limit out of range", []string{"--max-upload-mb", "0"}, nil, nil, "max-upload-mb"},
		{"bad log level", []string{"--log-level", "loud"}, nil, nil, "log-level"},
		{"stray argument", []string{"extra"}, nil, nil, "unexpected"},
		{"JSON logs and metrics from the environment", nil,
			map[string]string{"GIAOBAN_LOG_FORMAT": "json", "GIAOBAN_METRICS_ADDR": "127.0.0.1:9100", "GIAOBAN_METRICS_TOKEN": "0123456789abcdef"},
			func(c Serve) bool {
				return c.LogFormat == "json" && c.MetricsAddr == "127.0.0.1:9100" && c.MetricsToken == "0123456789abcdef"
			}, ""},
		{"bad log format", []string{"--log-format", "xml"}, nil, nil, "log-format"},
		{"short metrics token", []string{"--metrics-token", "abc"}, nil, nil, "metrics-token"},
		{"metrics on the site's own address", []string{"--addr", "127.0.0.1:8080", "--metrics-addr", "127.0.0.1:8080"}, nil, nil, "metrics-addr"},
		{"trusted proxies", []string{"--trusted-proxies", "10.0.0.0/8, 192.168.1.5"}, nil,
			func(c Serve) bool {
				return len(c.TrustedProxies) == 2 && c.TrustedProxies[1].String() == "192.168.1.5/32"
			}, ""},
		{"chromium from the environment", nil, map[string]string{"GIAOBAN_CHROMIUM": "/opt/chromium/chrome"},
			func(c Serve) bool { return c.Chromium == "/opt/chromium/chrome" }, ""},
		{"chromium flag", []string{"--chromium", "/usr/lib/chromium/chromium"}, map[string]string{"GIAOBAN_CHROMIUM": "/opt/chromium/chrome"},
			func(c Serve) bool { return c.Chromium == "/usr/lib/chromium/chromium" }, ""},
		{"bad trusted proxy", []string{"--trusted-proxies", "proxy.local"}, nil, nil, "trusted-proxies"},
		{"bad trusted proxy in the environment", nil, map[string]string{"GIAOBAN_TRUSTED_PROXIES": "proxy.local"}, nil, "trusted-proxies"},
		{"malformed number variable", nil, map[string]string{"GIAOBAN_SOON_DAYS": "bảy"}, nil, `GIAOBAN_SOON_DAYS="bảy"`},
		{"malformed boolean variable", nil, map[string]string{"GIAOBAN_DEMO": "có"}, nil, "GIAOBAN_DEMO"},
		{"malformed duration variable", nil, map[string]string{"GIAOBAN_SESSION_TTL": "12"}, nil, "GIAOBAN_SESSION_TTL"},
		{"a malformed variable is an error even beside its flag", []string{"--max-upload-mb", "5"},
			map[string]string{"GIAOBAN_MAX_UPLOAD_MB": "5MB"}, nil, "GIAOBAN_MAX_UPLOAD_MB"},
		{"two malformed variables are both named", nil, map[string]string{"GIAOBAN_SOON_DAYS": "x", "GIAOBAN_SECURE_COOKIES": "yes please"},
			nil, "GIAOBAN_SECURE_COOKIES"},
		{"malformed flag", []string{"--soon-days", "x"}, nil, nil, "soon-days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseServe(tt.args, envOf(tt.env), io.Discard)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(c) {
				t.Errorf("config %+v", c)
			}
		})
	}
}

// TestParseTools checks the tools' flags and variables: each command reads
// its own, and a malformed value names the variable or flag.
func TestParseTools(t *testing.T) {
	type result struct {
		value any
		err   error
	}
	parse := map[string]func(args []string, env Env) result{
		"import": func(a []string, e Env) result { c, err := ParseImport(a, e, io.Discard); return result{c, err} },
		"extract": func(a []string, e Env) result {
			c, err := ParseExtract(a, e, io.Discard)
			return result{c, err}
		},
		"render": func(a []string, e Env) result { c, err := ParseRender(a, e, io.Discard); return result{c, err} },
		"report": func(a []string, e Env) result { c, err := ParseReport(a, e, io.Discard); return result{c, err} },
		"jobs":   func(a []string, e Env) result { c, err := ParseJobs(a, e, io.Discard); return result{c, err} },
	}
	tests := []struct {
		cmd     string
		name    string
		args    []string
		env     map[string]string
		check   func(any) bool
		wantErr string
	}{
		{"import", "files and flags in any order", []string{"a.txt", "--block", "3", "b.docx", "--add-units"}, map[string]string{"GIAOBAN_DB": "sqlite:/tmp/i.db"},
			func(v any) bool {
				c := v.(Import)
				return c.DB == "sqlite:/tmp/i.db" && c.Block == 3 && c.AddUnits && c.MaxMB == 50 && len(c.Files) == 2
			}, ""},
		{"import", "no files", []string{"--db", "sqlite:/tmp/i.db"}, nil, nil, "cách dùng"},
		{"import", "size limit out of range", []string{"--max-mb", "0", "a.txt"}, nil, nil, "--max-mb"},
		{"import", "malformed --org", []string{"--org", "một", "a.txt"}, nil, nil, "-org"},
		{"extract", "standard input by default", nil, nil,
			func(v any) bool { c := v.(Extract); return c.MaxMB == 50 && len(c.Files) == 1 && c.Files[0] == "-" }, ""},
		{"extract", "limit from the environment", []string{"a.pdf"}, map[string]string{"GIAOBAN_EXTRACT_MAX_MB": "5"},
			func(v any) bool { return v.(Extract).MaxMB == 5 }, ""},
		{"extract", "the flag wins", []string{"--max-mb", "7", "a.pdf"}, map[string]string{"GIAOBAN_EXTRACT_MAX_MB": "5"},
			func(v any) bool { return v.(Extract).MaxMB == 7 }, ""},
		{"extract", "malformed limit variable", []string{"a.pdf"}, map[string]string{"GIAOBAN_EXTRACT_MAX_MB": "abc"}, nil, `GIAOBAN_EXTRACT_MAX_MB="abc"`},
		{"extract", "limit below one", []string{"--max-mb", "0"}, nil, nil, "--max-mb"},
		{"extract", "a file after -- that looks like a flag", []string{"--", "-x.txt"}, nil,
			func(v any) bool { c := v.(Extract); return len(c.Files) == 1 && c.Files[0] == "-x.txt" }, ""},
		{"render", "format from the output's extension", []string{"tb.json", "-o", "tb.PDF"}, map[string]string{"GIAOBAN_CHROMIUM": "/opt/chromium"},
			func(v any) bool {
				c := v.(Render)
				return c.Format == "pdf" && c.File == "tb.json" && c.Chromium == "/opt/chromium"
			}, ""},
		{"render", "docx by default", []string{"-o", "out", "-"}, nil, func(v any) bool { return v.(Render).Format == "docx" }, ""},
		{"render", "no output", []string{"tb.json"}, nil, nil, "cách dùng"},
		{"render", "two inputs", []string{"a.json", "b.json", "-o", "x"}, nil, nil, "cách dùng"},
		{"render", "unknown format", []string{"--format", "odt", "a.json", "-o", "x"}, nil, nil, "không hỗ trợ"},
		{"report", "since and block", []string{"--since", "1/2/2023", "-o", "bc.docx", "--block", "2"}, nil,
			func(v any) bool {
				c := v.(Report)
				return c.Since == domain.MustDate("2023-02-01") && c.Block == 2 && c.SignerTitle == "CHỦ TỊCH" && c.DB == DefaultDB
			}, ""},
		{"report", "no output", []string{"--since", "1/2/2023"}, nil, nil, "cách dùng"},
		{"report", "bad since", []string{"--since", "31/2/2023", "-o", "x.docx"}, nil, nil, "--since"},
		{"report", "malformed --block", []string{"--block", "x", "-o", "x.docx"}, nil, nil, "-block"},
		{"jobs", "soon days from the environment", nil, map[string]string{"GIAOBAN_SOON_DAYS": "3", "GIAOBAN_DB": "sqlite:/tmp/j.db"},
			func(v any) bool { c := v.(Jobs); return c.SoonDays == 3 && c.DB == "sqlite:/tmp/j.db" }, ""},
		{"jobs", "malformed soon days variable", nil, map[string]string{"GIAOBAN_SOON_DAYS": "abc"}, nil, "GIAOBAN_SOON_DAYS"},
		{"jobs", "soon days out of range", []string{"--soon-days", "-1"}, nil, nil, "soon-days"},
		{"jobs", "stray argument", []string{"now"}, nil, nil, "cách dùng"},
	}
	for _, tt := range tests {
		t.Run(tt.cmd+"/"+tt.name, func(t *testing.T) {
			r := parse[tt.cmd](tt.args, envOf(tt.env))
			if tt.wantErr != "" {
				if r.err == nil || !strings.Contains(r.err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one mentioning %q", r.err, tt.wantErr)
				}
				return
			}
			if r.err != nil {
				t.Fatal(r.err)
			}
			if !tt.check(r.value) {
				t.Errorf("config %+v", r.value)
			}
		})
	}
}

// TestHelp checks that -h is flag.ErrHelp, which `giaoban extract -h`
// answers with its usage and success.
func TestHelp(t *testing.T) {
	var out strings.Builder
	if _, err := ParseExtract([]string{"-h"}, nil, &out); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("err = %v, want flag.ErrHelp", err)
	}
	if !strings.Contains(out.String(), "giaoban extract") || !strings.Contains(out.String(), "GIAOBAN_EXTRACT_MAX_MB") {
		t.Errorf("usage = %q", out.String())
	}
}
