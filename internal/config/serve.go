package config

import (
	"errors"
	"fmt"
	"io"
	"net/netip"
	"strings"
	"time"
)

// Serve is the configuration of `giaoban serve`.
type Serve struct {
	DB            string        // sqlite:PATH or postgres://...
	Addr          string        // listen address
	Demo          bool          // load the demo on an empty database
	SoonDays      int           // "sắp đến hạn" window
	MaxUploadMB   int           // largest attachment
	SessionTTL    time.Duration // how long a login lasts
	SecureCookies bool          // behind HTTPS
	LogLevel      string        // debug, info, warn, error
	LogFormat     string        // text or json
	// MetricsAddr, when set, serves /metrics (Prometheus) on an address of
	// its own, for the monitoring only; MetricsToken, when set, serves it
	// on the main address too, to "Authorization: Bearer MetricsToken".
	MetricsAddr, MetricsToken string
	// Chromium is the path of the Chromium that prints notices as PDF; ""
	// looks in the usual places.
	Chromium string
	// TrustedProxies are the reverse proxies (addresses or CIDR ranges)
	// whose X-Forwarded-For header is believed.
	TrustedProxies []netip.Prefix
}

// DefaultDB is the database of every command given no --db nor GIAOBAN_DB.
const DefaultDB = "sqlite:data/giaoban.db"

// DefaultServe is the configuration of `giaoban serve` with no flags.
func DefaultServe() Serve {
	return Serve{DB: DefaultDB, Addr: "127.0.0.1:8080", SoonDays: 7, MaxUploadMB: 10, SessionTTL: 12 * time.Hour, LogLevel: "info", LogFormat: "text"}
}

// ParseServe reads `giaoban serve`'s flags args and variables env; -h prints
// the flags to out.
func ParseServe(args []string, env Env, out io.Writer) (Serve, error) {
	c := DefaultServe()
	f := newFlagSet("serve", env, out)
	f.string(&c.DB, "db", "DB", c.DB, "database: sqlite:PATH or postgres://user@host/db")
	f.string(&c.Addr, "addr", "ADDR", c.Addr, "listen address")
	f.bool(&c.Demo, "demo", "DEMO", c.Demo, "load demo data into an empty database")
	f.int(&c.SoonDays, "soon-days", "SOON_DAYS", c.SoonDays, "days before a deadline a task counts as due soon")
	f.int(&c.MaxUploadMB, "max-upload-mb", "MAX_UPLOAD_MB", c.MaxUploadMB, "largest upload in MB")
	f.duration(&c.SessionTTL, "session-ttl", "SESSION_TTL", c.SessionTTL, "login lifetime")
	f.bool(&c.SecureCookies, "secure-cookies", "SECURE_COOKIES", c.SecureCookies, "mark cookies Secure, behind HTTPS")
	f.string(&c.LogLevel, "log-level", "LOG_LEVEL", c.LogLevel, "debug, info, warn or error")
	f.string(&c.LogFormat, "log-format", "LOG_FORMAT", c.LogFormat, "text, or json for a log collector (one JSON object a line)")
	f.string(&c.MetricsAddr, "metrics-addr", "METRICS_ADDR", "", "serve Prometheus metrics at /metrics on this address of their own (e.g. 127.0.0.1:9100)")
	f.string(&c.MetricsToken, "metrics-token", "METRICS_TOKEN", "", "serve /metrics on the main address to \"Authorization: Bearer TOKEN\" (at least 16 characters)")
	f.string(&c.Chromium, "chromium", "CHROMIUM", "", "Chromium's path, to print notices as PDF (default: the usual places)")
	var proxies string
	f.string(&proxies, "trusted-proxies", "TRUSTED_PROXIES", "", "comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed")
	rest, err := f.parse(args)
	if err != nil {
		return c, err
	}
	if len(rest) > 0 {
		return c, fmt.Errorf("unexpected arguments: %s", strings.Join(rest, " "))
	}
	if c.TrustedProxies, err = parseProxies(proxies); err != nil {
		return c, err
	}
	return c, c.Validate()
}

// parseProxies reads a comma-separated list of addresses and CIDR ranges.
func parseProxies(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, p := range strings.Split(list, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !strings.Contains(p, "/") {
			a, err := netip.ParseAddr(p)
			if err != nil {
				return nil, fmt.Errorf("--trusted-proxies: %q is not an address or CIDR range", p)
			}
			p = netip.PrefixFrom(a, a.BitLen()).String()
		}
		pr, err := netip.ParsePrefix(p)
		if err != nil {
			return nil, fmt.Errorf("--trusted-proxies: %q is not an address or CIDR range", p)
		}
		out = append(out, pr.Masked())
	}
	return out, nil
}

// Validate reports the first setting out of range.
func (c Serve) Validate() error {
	if err := checkDB(c.DB); err != nil {
		return err
	}
	if err := checkSoonDays(c.SoonDays); err != nil {
		return err
	}
	if err := checkMB("max-upload-mb", c.MaxUploadMB); err != nil {
		return err
	}
	if c.SessionTTL < time.Minute {
		return errors.New("--session-ttl must be at least 1m")
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return fmt.Errorf("--log-level %q: want debug, info, warn or error", c.LogLevel)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("--log-format %q: want text or json", c.LogFormat)
	}
	if c.MetricsToken != "" && len(c.MetricsToken) < 16 {
		return errors.New("--metrics-token must be at least 16 characters")
	}
	if c.MetricsAddr != "" && c.MetricsAddr == c.Addr && !strings.HasSuffix(c.Addr, ":0") {
		return errors.New("--metrics-addr must differ from --addr (use --metrics-token to serve /metrics there)")
	}
	return nil
}
