package api

import (
	"encoding/json"
	"fmt"
	"regexp"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/domain"
)

// JSON values many shapes share: days, instants, optional ids, references.

// isoDate is a day in JSON: "2023-07-15", or null for no date.
type isoDate struct{ domain.Date }

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// parseISODate reads "2023-07-15"; "" is no date; anything else, including a
// day not on the calendar such as 2023-02-30, is domain.ErrBadDate.
func parseISODate(s string) (domain.Date, error) {
	if s == "" {
		return domain.Date{}, nil
	}
	if !isoDay.MatchString(s) {
		return domain.Date{}, fmt.Errorf("%w: %q (viết theo dạng năm-tháng-ngày, ví dụ 2023-07-15)", domain.ErrBadDate, s)
	}
	return domain.ParseDate(s)
}

// MarshalJSON writes the ISO day, or null for no date.
func (d isoDate) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON accepts only "2023-07-15" (or null, or ""); a day not on the
// calendar is domain.ErrBadDate, which the API answers with 422.
func (d *isoDate) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		d.Date = domain.Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("%w: cần một chuỗi dạng năm-tháng-ngày, ví dụ \"2023-07-15\"", domain.ErrBadDate)
	}
	v, err := parseISODate(s)
	if err != nil {
		return err
	}
	d.Date = v
	return nil
}

// isoTime is an instant in RFC 3339 at Vietnam's offset, or null.
func isoTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.In(domain.Location).Format(time.RFC3339)
	return &s
}

// optID is null for the zero id.
func optID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// strs never encodes as null.
func strs(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

type refJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

type codeLabel struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

func unitRefs(dir *app.Directory, xs []int64) []refJSON {
	out := make([]refJSON, 0, len(xs))
	for _, id := range xs {
		out = append(out, refJSON{ID: id, Name: dir.UnitName(id)})
	}
	return out
}

func unitRef(dir *app.Directory, id int64) *refJSON {
	if id == 0 {
		return nil
	}
	return &refJSON{ID: id, Name: dir.UnitName(id)}
}
