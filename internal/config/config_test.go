package config

import (
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	env := func(m map[string]string) func(string) (string, bool) {
		return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
	}
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		check   func(Config) bool
		wantErr string
	}{
		{"defaults", nil, nil, func(c Config) bool { return c.DB == "sqlite:data/giaoban.db" && c.SoonDays == 7 && !c.Demo }, ""},
		{"flags", []string{"--db", "postgres://x@h/db", "--demo", "--soon-days", "3"}, nil,
			func(c Config) bool { return c.DB == "postgres://x@h/db" && c.Demo && c.SoonDays == 3 }, ""},
		{"environment", nil, map[string]string{"GIAOBAN_DB": "sqlite:/tmp/x.db", "GIAOBAN_SESSION_TTL": "2h", "GIAOBAN_DEMO": "true"},
			func(c Config) bool { return c.DB == "sqlite:/tmp/x.db" && c.SessionTTL == 2*time.Hour && c.Demo }, ""},
		{"flags win over the environment", []string{"--addr", ":9000"}, map[string]string{"GIAOBAN_ADDR": ":8000"},
			func(c Config) bool { return c.Addr == ":9000" }, ""},
		{"soon days out of range", []string{"--soon-days", "400"}, nil, nil, "soon-days"},
		{"upload limit out of range", []string{"--max-upload-mb", "0"}, nil, nil, "max-upload-mb"},
		{"bad log level", []string{"--log-level", "loud"}, nil, nil, "log-level"},
		{"stray argument", []string{"extra"}, nil, nil, "unexpected"},
		{"trusted proxies", []string{"--trusted-proxies", "10.0.0.0/8, 192.168.1.5"}, nil,
			func(c Config) bool {
				return len(c.TrustedProxies) == 2 && c.TrustedProxies[1].String() == "192.168.1.5/32"
			}, ""},
		{"bad trusted proxy", []string{"--trusted-proxies", "proxy.local"}, nil, nil, "trusted-proxies"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("serve", tt.args, env(tt.env))
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
