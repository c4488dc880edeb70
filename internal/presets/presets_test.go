package presets_test

import (
	"context"
	"errors"
	"os"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/presets"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func TestPresetsLoadOnceAndResolveAliases(t *testing.T) {
	names := map[string]bool{}
	for _, p := range presets.All() {
		names[p.Name] = true
		if p.Title == "" || p.Description == "" {
			t.Errorf("preset %s: title and description must be set", p.Name)
		}
	}
	if !names["xa-2025"] || !names["huyen-vhxh"] || len(names) != 2 {
		t.Fatalf("Presets() = %v, want xa-2025 and huyen-vhxh", names)
	}
	cases := []struct {
		preset  string
		aliases map[string]string // name as documents write it → unit
		groups  map[string]string // name as documents write it → group
	}{
		{"xa-2025", map[string]string{
			"BHXH":           "Bảo hiểm xã hội khu vực",
			"ngân hàng csxh": "Phòng giao dịch Ngân hàng Chính sách xã hội",
			"Phòng Kinh tế, Hạ tầng và Đô thị": "Phòng Kinh tế",
			"MTTQ":            "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
			"Đoàn Thanh niên": "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
		}, map[string]string{
			"Các nhà trường":                   "Các trường học",
			"các cơ quan có liên quan":         "Các đơn vị có liên quan",
			"Các đơn vị khối Văn hóa - Xã hội": "Các cơ quan, đơn vị khối Văn hóa - Xã hội",
		}},
		{"huyen-vhxh", map[string]string{
			"BHXH":                           "Bảo hiểm xã hội",
			"Phòng GD&ĐT":                    "Phòng Giáo dục và Đào tạo",
			"GDĐT":                           "Phòng Giáo dục và Đào tạo",
			"LĐTBXH":                         "Phòng Lao động - Thương binh và Xã hội",
			"Phòng Giao dịch Ngân hàng CSXH": "Ngân hàng Chính sách xã hội",
			"HĐND&UBND":                      "Văn phòng HĐND-UBND",
			"Trung tâm VH-TT-DL và Truyền thông": "Trung tâm Văn hóa, Thông tin và Truyền thanh",
			"TC-KH": "Phòng Tài chính - Kế hoạch",
		}, map[string]string{
			"các xã, thị trấn":     "UBND các xã, thị trấn",
			"Các CQCM":             "Các phòng chuyên môn",
			"Các đơn vị liên quan": "Các đơn vị có liên quan",
		}},
	}
	for _, c := range cases {
		t.Run(c.preset, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, a *apptest.App) {
				ctx := context.Background()
				svc, admin := a.Service, a.Admin
				if err := presets.Load(ctx, svc, admin, c.preset); err != nil {
					t.Fatal(err)
				}
				first, err := svc.Directory(ctx, admin)
				if err != nil {
					t.Fatal(err)
				}
				if len(first.Units) < 15 || len(first.Blocks) != 3 || len(first.Sectors) != 10 {
					t.Fatalf("after one load: %d units, %d blocks, %d sectors", len(first.Units), len(first.Blocks), len(first.Sectors))
				}
				if err := presets.Load(ctx, svc, admin, c.preset); err != nil {
					t.Fatalf("second load: %v", err)
				}
				second, err := svc.Directory(ctx, admin)
				if err != nil {
					t.Fatal(err)
				}
				if len(second.Units) != len(first.Units) || len(second.Blocks) != len(first.Blocks) || len(second.Sectors) != len(first.Sectors) {
					t.Errorf("second load added entries: units %d→%d, blocks %d→%d, sectors %d→%d", len(first.Units), len(second.Units),
						len(first.Blocks), len(second.Blocks), len(first.Sectors), len(second.Sectors))
				}
				for alias, want := range c.aliases {
					u, err := svc.ResolveUnitName(ctx, admin, alias)
					if err != nil {
						t.Errorf("ResolveUnit(%q): %v", alias, err)
						continue
					}
					if u.Name != want {
						t.Errorf("ResolveUnit(%q) = %q, want %q", alias, u.Name, want)
					}
				}
				// Collective names are groups, kept apart from the units.
				r, err := svc.UnitResolver(ctx, admin)
				if err != nil {
					t.Fatal(err)
				}
				for name, want := range c.groups {
					if g, ok := r.ResolveGroup(name); !ok || g.Name != want {
						t.Errorf("ResolveGroup(%q) = %v, %v; want %q", name, g, ok, want)
					}
					if u, ok := r.Resolve(name); ok {
						t.Errorf("%q resolves to the unit %q: groups are not units", name, u.Name)
					}
				}
				for _, u := range first.Units {
					if app.LooksLikeGroup(u.Name, u.Kind) {
						t.Errorf("the preset makes the unit %q, which names a group", u.Name)
					}
				}
				if len(second.Groups) != len(first.Groups) || len(first.Groups) < len(c.groups) {
					t.Errorf("groups: %d after one load, %d after two; want %d or more, once", len(first.Groups), len(second.Groups), len(c.groups))
				}
				entries, total, err := svc.AuditLog(ctx, admin, store.AuditFilter{Entity: "unit", Limit: 1})
				if err != nil || total != len(first.Units) || len(entries) == 0 {
					t.Errorf("audit: %d unit entries for %d units (err %v)", total, len(first.Units), err)
				}
			}, apptest.Bare())
		})
	}
	t.Run("unknown", func(t *testing.T) {
		a := apptest.New(t, store.SQLite, apptest.Bare())
		if err := presets.Load(context.Background(), a.Service, a.Admin, "khong-co"); !errors.Is(err, presets.ErrUnknown) {
			t.Errorf("loading an unknown preset: %v, want ErrUnknown", err)
		}
	})
}

// TestBothPresetsInOneOrg loads the district preset after the commune one:
// aliases the first took (BHXH) stay with it and the load still succeeds.
func TestBothPresetsInOneOrg(t *testing.T) {
	a := apptest.New(t, store.SQLite, apptest.Bare())
	ctx := context.Background()
	svc, admin := a.Service, a.Admin
	for _, p := range []string{"xa-2025", "huyen-vhxh"} {
		if err := presets.Load(ctx, svc, admin, p); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}
	u, err := svc.ResolveUnitName(ctx, admin, "BHXH")
	if err != nil || u.Name != "Bảo hiểm xã hội khu vực" {
		t.Errorf("BHXH resolves to %v (err %v), want the unit of the first preset", u, err)
	}
}
