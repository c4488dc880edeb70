package api

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"giaoban/internal/domain"
)

// params reads query parameters, keeping the first error.
type params struct {
	v   url.Values
	err error
}

func query(r *http.Request) *params { return &params{v: r.URL.Query()} }

func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("%w: %s", domain.ErrInvalid, fmt.Sprintf(format, args...))
	}
}

// id reads a positive integer id; absent is 0.
func (p *params) id(name string) int64 {
	s := strings.TrimSpace(p.v.Get(name))
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		p.fail("tham số %s phải là một mã số dương", name)
	}
	return n
}

// boolean reads true/false (also 1/0); absent is false.
func (p *params) boolean(name string) bool {
	s := strings.TrimSpace(p.v.Get(name))
	if s == "" {
		return false
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		p.fail("tham số %s phải là true hoặc false", name)
	}
	return b
}

// integer reads an integer within [min, max]; absent is def.
func (p *params) integer(name string, def, min, max int) int {
	s := strings.TrimSpace(p.v.Get(name))
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		p.fail("tham số %s phải là số nguyên từ %d đến %d", name, min, max)
	}
	return n
}

// date reads an ISO day; absent is the zero Date.
func (p *params) date(name string) domain.Date {
	d, err := parseISODate(p.v.Get(name))
	if err != nil && p.err == nil {
		p.err = fmt.Errorf("tham số %s: %w", name, err)
	}
	return d
}

// page reads page and per_page (at most 200) and returns them with the offset.
func (p *params) page() (page, perPage, offset int) {
	page = p.integer("page", 1, 1, 1_000_000)
	perPage = p.integer("per_page", 50, 1, 200)
	return page, perPage, (page - 1) * perPage
}

// pageOf is one page of a list.
type pageOf[T any] struct {
	Items   []T `json:"items"`
	Total   int `json:"total"`
	Page    int `json:"page"`
	PerPage int `json:"per_page"`
}

// listOf writes each of xs with out, in order; no items is [], never null.
func listOf[S, T any](xs []S, out func(*S) T) []T {
	items := make([]T, 0, len(xs))
	for i := range xs {
		items = append(items, out(&xs[i]))
	}
	return items
}

// paged is one page of a list: xs written with out, of total matching.
func paged[S, T any](xs []S, out func(*S) T, total, page, perPage int) pageOf[T] {
	return pageOf[T]{Items: listOf(xs, out), Total: total, Page: page, PerPage: perPage}
}
