// Package config reads giaoban's settings from flags and GIAOBAN_* environment
// variables into one struct, validated at start. Flags win over the environment.
package config

import (
	"errors"
	"flag"
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of the server.
type Config struct {
	DB            string        // sqlite:PATH or postgres://...
	Addr          string        // listen address
	Demo          bool          // load the demo on an empty database
	SoonDays      int           // "sắp đến hạn" window
	MaxUploadMB   int           // largest attachment
	SessionTTL    time.Duration // how long a login lasts
	SecureCookies bool          // behind HTTPS
	LogLevel      string        // debug, info, warn, error
	// TrustedProxies are the reverse proxies (addresses or CIDR ranges)
	// whose X-Forwarded-For header is believed.
	TrustedProxies []netip.Prefix
}

// Default is the configuration of `giaoban serve` with no flags.
func Default() Config {
	return Config{DB: "sqlite:data/giaoban.db", Addr: "127.0.0.1:8080", SoonDays: 7, MaxUploadMB: 10, SessionTTL: 12 * time.Hour, LogLevel: "info"}
}

// Parse fills c from args and env (a lookup such as os.LookupEnv).
func Parse(name string, args []string, env func(string) (string, bool)) (Config, error) {
	c := Default()
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.StringVar(&c.DB, "db", envStr(env, "DB", c.DB), "database: sqlite:PATH or postgres://user@host/db (GIAOBAN_DB)")
	fs.StringVar(&c.Addr, "addr", envStr(env, "ADDR", c.Addr), "listen address (GIAOBAN_ADDR)")
	fs.BoolVar(&c.Demo, "demo", envBool(env, "DEMO", c.Demo), "load demo data into an empty database (GIAOBAN_DEMO)")
	fs.IntVar(&c.SoonDays, "soon-days", envInt(env, "SOON_DAYS", c.SoonDays), "days before a deadline a task counts as due soon (GIAOBAN_SOON_DAYS)")
	fs.IntVar(&c.MaxUploadMB, "max-upload-mb", envInt(env, "MAX_UPLOAD_MB", c.MaxUploadMB), "largest upload in MB (GIAOBAN_MAX_UPLOAD_MB)")
	fs.DurationVar(&c.SessionTTL, "session-ttl", envDuration(env, "SESSION_TTL", c.SessionTTL), "login lifetime (GIAOBAN_SESSION_TTL)")
	fs.BoolVar(&c.SecureCookies, "secure-cookies", envBool(env, "SECURE_COOKIES", c.SecureCookies), "mark cookies Secure, behind HTTPS (GIAOBAN_SECURE_COOKIES)")
	fs.StringVar(&c.LogLevel, "log-level", envStr(env, "LOG_LEVEL", c.LogLevel), "debug, info, warn or error (GIAOBAN_LOG_LEVEL)")
	proxies := fs.String("trusted-proxies", envStr(env, "TRUSTED_PROXIES", ""), "comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed (GIAOBAN_TRUSTED_PROXIES)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	for _, p := range strings.Split(*proxies, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !strings.Contains(p, "/") {
			a, err := netip.ParseAddr(p)
			if err != nil {
				return c, fmt.Errorf("--trusted-proxies: %q is not an address or CIDR range", p)
			}
			p = netip.PrefixFrom(a, a.BitLen()).String()
		}
		pr, err := netip.ParsePrefix(p)
		if err != nil {
			return c, fmt.Errorf("--trusted-proxies: %q is not an address or CIDR range", p)
		}
		c.TrustedProxies = append(c.TrustedProxies, pr.Masked())
	}
	return c, c.Validate()
}

// Validate reports the first setting out of range.
func (c Config) Validate() error {
	switch {
	case c.DB == "":
		return errors.New("--db must not be empty")
	case c.SoonDays < 0 || c.SoonDays > 90:
		return errors.New("--soon-days must be 0–90")
	case c.MaxUploadMB < 1 || c.MaxUploadMB > 1024:
		return errors.New("--max-upload-mb must be 1–1024")
	case c.SessionTTL < time.Minute:
		return errors.New("--session-ttl must be at least 1m")
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return fmt.Errorf("--log-level %q: want debug, info, warn or error", c.LogLevel)
	}
	return nil
}

// OSEnv looks up GIAOBAN_* variables in the process environment.
func OSEnv(k string) (string, bool) { return os.LookupEnv(k) }

func envStr(env func(string) (string, bool), k, def string) string {
	if v, ok := env("GIAOBAN_" + k); ok && v != "" {
		return v
	}
	return def
}

func envInt(env func(string) (string, bool), k string, def int) int {
	if v, ok := env("GIAOBAN_" + k); ok {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return def
}

func envBool(env func(string) (string, bool), k string, def bool) bool {
	if v, ok := env("GIAOBAN_" + k); ok {
		if b, err := strconv.ParseBool(v); err == nil {
			return b
		}
	}
	return def
}

func envDuration(env func(string) (string, bool), k string, def time.Duration) time.Duration {
	if v, ok := env("GIAOBAN_" + k); ok {
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
	}
	return def
}
