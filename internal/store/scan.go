package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"giaoban/internal/domain"
)

// dateArg is a nullable date column's argument.
func dateArg(d domain.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// idArg is a nullable foreign key's argument: 0 means none.
func idArg(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// nullDate scans a nullable date column.
type nullDate struct{ d *domain.Date }

func (n nullDate) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*n.d = domain.Date{}
		return nil
	case string:
		return n.set(x)
	case []byte:
		return n.set(string(x))
	}
	return fmt.Errorf("scan date: unexpected %T", v)
}

func (n nullDate) set(s string) error {
	if s == "" {
		*n.d = domain.Date{}
		return nil
	}
	d, err := domain.ParseStored(s)
	if err != nil {
		return fmt.Errorf("scan date: %w", err)
	}
	*n.d = d
	return nil
}

// nullID scans a nullable foreign key into 0 or the id.
type nullID struct{ id *int64 }

func (n nullID) Scan(v any) error {
	var x sql.NullInt64
	if err := x.Scan(v); err != nil {
		return err
	}
	*n.id = x.Int64
	return nil
}

// nullString scans a nullable text column into "" or the text.
type nullString struct{ s *string }

func (n nullString) Scan(v any) error {
	var x sql.NullString
	if err := x.Scan(v); err != nil {
		return err
	}
	*n.s = x.String
	return nil
}

// notFound turns sql.ErrNoRows into domain.ErrNotFound.
func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, domain.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// lines joins a list stored as newline-separated text.
func lines(xs []string) string {
	var out []string
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return strings.Join(out, "\n")
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// argList numbers placeholders as arguments are added, so that every
// placeholder is used (PostgreSQL must infer each one's type). The list
// queries of every entity build their WHERE, LIMIT and OFFSET with one.
type argList struct{ args []any }

// add appends v and returns its placeholder.
func (a *argList) add(v any) string {
	a.args = append(a.args, v)
	return fmt.Sprintf("$%d", len(a.args))
}

// placeholders writes "$n, $n+1, ..." for k arguments starting at n.
func placeholders(n, k int) string {
	var b strings.Builder
	for i := 0; i < k; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", n+i)
	}
	return b.String()
}
