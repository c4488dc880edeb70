package app_test

import (
	"context"
	"errors"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
)

// TestUnitResolver resolves names as documents write them against a
// directory read once, on both databases: by name or alias whatever the
// case, diacritics and spacing; an alias before another unit's name; a unit
// added after the directory was read; and a database error reported as such,
// never as an unresolved name.
func TestUnitResolver(t *testing.T) {
	apptest.Each(t, func(t *testing.T, f *apptest.App) {
		ctx := context.Background()
		tyt := &domain.Unit{Name: "Trạm Y tế", Aliases: []string{"TYT"}}
		tp := &domain.Unit{Name: "Phòng Tư pháp"}
		// A unit whose alias is another unit's name: the alias wins.
		vp := &domain.Unit{Name: "Văn phòng HĐND-UBND", Aliases: []string{"phong tu phap"}}
		for _, u := range []*domain.Unit{tyt, tp, vp} {
			apptest.Must(t, f.Service.CreateUnit(ctx, f.Admin, u))
		}
		r, err := f.Service.UnitResolver(ctx, f.Office)
		apptest.Must(t, err)
		late := domain.Unit{ID: 999, Name: "Phòng Nội vụ", Aliases: []string{"Phòng NV"}}
		r.Add(late)
		cases := []struct {
			name string
			want int64 // 0: unresolved
		}{
			{"Trạm Y tế", tyt.ID},
			{"tram y te", tyt.ID},
			{"  TRẠM  Y TẾ ", tyt.ID},
			{"TYT", tyt.ID},
			{"Phòng GD&ĐT", f.Unit1.ID},
			{"phòng giáo dục và đào tạo", f.Unit1.ID},
			{"Phòng Tư pháp", vp.ID},
			{"Phòng NV", late.ID},
			{"Phòng Nội Vụ", late.ID},
			{"Phòng Không Có", 0},
			{"", 0},
		}
		for _, c := range cases {
			u, ok := r.Resolve(c.name)
			switch {
			case c.want == 0 && ok:
				t.Errorf("Resolve(%q) = %q, want unresolved", c.name, u.Name)
			case c.want != 0 && (!ok || u.ID != c.want):
				t.Errorf("Resolve(%q) = %v, %v; want unit %d", c.name, u, ok, c.want)
			}
			got, err := f.Service.ResolveUnitName(ctx, f.Office, c.name)
			switch {
			case c.want == late.ID:
				// Added to r only, not to the directory.
			case c.want == 0 && !errors.Is(err, domain.ErrNotFound):
				t.Errorf("ResolveUnitName(%q) = %v, %v; want ErrNotFound", c.name, got, err)
			case c.want != 0 && (err != nil || got.ID != c.want):
				t.Errorf("ResolveUnitName(%q) = %v, %v; want unit %d", c.name, got, err, c.want)
			}
		}
		if _, err := f.Service.UnitResolver(ctx, nil); !errors.Is(err, domain.ErrUnauthenticated) {
			t.Errorf("resolver without a user: %v", err)
		}
		// The database fails: an error, not "no such unit".
		sd := &app.SavedDraft{Draft: app.ImportDraft{Tasks: []app.ImportTask{{Text: "Việc", UnresolvedLead: []string{"TYT"}}}}}
		apptest.Must(t, f.Store.Close())
		if _, err := f.Service.ResolveUnitName(ctx, f.Office, "TYT"); err == nil || errors.Is(err, domain.ErrNotFound) {
			t.Errorf("ResolveUnitName on a closed database: %v, want the database's error", err)
		}
		if err := f.Service.ResolveDraftUnits(ctx, f.Office, sd); err == nil {
			t.Error("ResolveDraftUnits on a closed database succeeded")
		}
		if _, err := f.Service.ExtractNotice(ctx, f.Office, "tb.txt", []byte(sampleNotice), 1<<20); err == nil || errors.Is(err, domain.ErrInvalid) {
			t.Errorf("ExtractNotice on a closed database: %v, want the database's error", err)
		}
	})
}
