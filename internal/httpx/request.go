package httpx

import (
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
)

// PathID reads the {id} wildcard of a page or an API route; anything but a
// positive number is domain.ErrNotFound, as an id that names nothing is.
func PathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, domain.ErrNotFound
	}
	return id, nil
}

// ClientAddr is the caller's address, for login throttling. Behind one of the
// trusted reverse proxies it is the nearest address in X-Forwarded-For that is
// not one of them: a client can prepend anything to the header, so the list
// is read from the right.
func ClientAddr(r *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if !isTrusted(trusted, host) {
		return host
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		h := strings.TrimSpace(hops[i])
		if h == "" {
			continue
		}
		if !isTrusted(trusted, h) {
			return h
		}
		host = h
	}
	return host
}

// isTrusted reports whether addr is one of the trusted proxies.
func isTrusted(trusted []netip.Prefix, addr string) bool {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return false
	}
	ip = ip.Unmap()
	for _, p := range trusted {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// ReadUpload reads one uploaded file of a report, at most one byte over
// limit, so that the service can refuse a file above it without the server
// holding more.
func ReadUpload(fh *multipart.FileHeader, limit int64) (app.Upload, error) {
	f, err := fh.Open()
	if err != nil {
		return app.Upload{}, fmt.Errorf("open upload: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return app.Upload{}, fmt.Errorf("read upload: %w", err)
	}
	return app.Upload{Name: fh.Filename, ContentType: fh.Header.Get("Content-Type"), Data: data}, nil
}
