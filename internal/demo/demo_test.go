package demo_test

import (
	"context"
	"os"
	"testing"
	"time"

	"giaoban/internal/apptest"
	"giaoban/internal/demo"
	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func TestPresetsLoadOnceAndResolveAliases(t *testing.T) {
	names := map[string]bool{}
	for _, p := range demo.Presets() {
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
	}{
		{"xa-2025", map[string]string{
			"BHXH":           "Bảo hiểm xã hội khu vực",
			"ngân hàng csxh": "Phòng giao dịch Ngân hàng Chính sách xã hội",
			"Phòng Kinh tế, Hạ tầng và Đô thị": "Phòng Kinh tế",
			"MTTQ":            "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
			"Đoàn Thanh niên": "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
		}},
		{"huyen-vhxh", map[string]string{
			"BHXH":                           "Bảo hiểm xã hội",
			"Phòng GD&ĐT":                    "Phòng Giáo dục và Đào tạo",
			"GDĐT":                           "Phòng Giáo dục và Đào tạo",
			"LĐTBXH":                         "Phòng Lao động - Thương binh và Xã hội",
			"Phòng Giao dịch Ngân hàng CSXH": "Ngân hàng Chính sách xã hội",
			"HĐND&UBND":                      "Văn phòng HĐND-UBND",
			"các xã, thị trấn":               "UBND các xã, thị trấn",
			"Trung tâm VH-TT-DL và Truyền thông": "Trung tâm Văn hóa, Thông tin và Truyền thanh",
			"TC-KH": "Phòng Tài chính - Kế hoạch",
		}},
	}
	for _, c := range cases {
		t.Run(c.preset, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, a *apptest.App) {
				ctx := context.Background()
				st, svc, admin := a.Store, a.Service, a.Admin
				if err := demo.LoadPreset(ctx, svc, admin, c.preset); err != nil {
					t.Fatal(err)
				}
				first, err := svc.Directory(ctx, admin)
				if err != nil {
					t.Fatal(err)
				}
				if len(first.Units) < 15 || len(first.Blocks) != 3 || len(first.Sectors) != 10 {
					t.Fatalf("after one load: %d units, %d blocks, %d sectors", len(first.Units), len(first.Blocks), len(first.Sectors))
				}
				if err := demo.LoadPreset(ctx, svc, admin, c.preset); err != nil {
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
					u, err := st.ResolveUnit(ctx, admin.OrgID, alias)
					if err != nil {
						t.Errorf("ResolveUnit(%q): %v", alias, err)
						continue
					}
					if u.Name != want {
						t.Errorf("ResolveUnit(%q) = %q, want %q", alias, u.Name, want)
					}
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
		svc, admin := a.Service, a.Admin
		if err := demo.LoadPreset(context.Background(), svc, admin, "khong-co"); err == nil {
			t.Error("loading an unknown preset succeeded")
		}
	})
}

// TestBothPresetsInOneOrg loads the district preset after the commune one:
// aliases the first took (BHXH) stay with it and the load still succeeds.
func TestBothPresetsInOneOrg(t *testing.T) {
	a := apptest.New(t, store.SQLite, apptest.Bare())
	ctx := context.Background()
	st, svc, admin := a.Store, a.Service, a.Admin
	for _, p := range []string{"xa-2025", "huyen-vhxh"} {
		if err := demo.LoadPreset(ctx, svc, admin, p); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}
	u, err := st.ResolveUnit(ctx, admin.OrgID, "BHXH")
	if err != nil || u.Name != "Bảo hiểm xã hội khu vực" {
		t.Errorf("BHXH resolves to %v (err %v), want the unit of the first preset", u, err)
	}
}

func TestLoad(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		svc := a.Service
		logins, err := demo.Load(ctx, svc)
		if err != nil {
			t.Fatal(err)
		}
		roles := map[domain.Role]bool{}
		var office *domain.User
		for _, l := range logins {
			_, u, err := svc.Login(ctx, l.Username, l.Password, "127.0.0.1")
			if err != nil {
				t.Errorf("login %s: %v", l.Username, err)
				continue
			}
			if u.Role != l.Role {
				t.Errorf("login %s: role %s, want %s", l.Username, u.Role, l.Role)
			}
			roles[u.Role] = true
			if u.Role == domain.RoleOffice {
				office = u
			}
		}
		for _, r := range domain.Roles {
			if !roles[r] {
				t.Errorf("no demo login with role %s", r)
			}
		}
		if office == nil {
			t.Fatal("no office login")
		}
		notices, _, err := svc.Notices(ctx, office, store.NoticeFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		codes := map[string]domain.NoticeState{}
		for _, n := range notices {
			codes[n.Code()] = n.State
		}
		for _, c := range []string{"12/TB-VP", "85/TB-UBND", "214/TB-UBND", "41/TB-UBND", "96/TB-UBND"} {
			if codes[c] != domain.NoticeIssued {
				t.Errorf("seed notice %s: state %q, want issued", c, codes[c])
			}
		}
		d, err := svc.Dashboard(ctx, office, store.TaskFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Total < 100 {
			t.Errorf("dashboard total %d tasks, want at least 100", d.Total)
		}
		for _, s := range domain.Statuses {
			if d.Counts[s] == 0 {
				t.Errorf("dashboard bucket %s is empty (%v)", s, d.Counts)
			}
		}
		if len(d.Pending) != 1 {
			t.Errorf("%d pending extension requests, want 1", len(d.Pending))
		}
		if len(d.Overdue) == 0 {
			t.Error("no overdue tasks listed")
		}
		// Tasks of a seed notice carry the document's section and unit names.
		rows, total, err := svc.Tasks(ctx, office, store.TaskFilter{Query: "di tích lịch sử văn hóa", Limit: 50})
		if err != nil || total == 0 {
			t.Fatalf("search seed task: %d found, err %v", total, err)
		}
		td, err := svc.Task(ctx, office, rows[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if td.Section == nil {
			t.Errorf("task %q has no section", td.Text)
		}
		// A historical completion keeps its day, not the day the demo was loaded.
		late, _, err := svc.Tasks(ctx, office, store.TaskFilter{Statuses: []domain.Status{domain.StatusDoneLate}, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		old := false
		for _, r := range late {
			old = old || r.DoneOn.Year < 2025
		}
		if !old {
			t.Error("no historical task completed late")
		}
		again, err := demo.Load(ctx, svc)
		if err != nil || len(again) != 0 {
			t.Errorf("second Load: %d logins, err %v; want none", len(again), err)
		}
		n2, total2, _ := svc.Notices(ctx, office, store.NoticeFilter{Limit: 100})
		if total2 != len(notices) || len(n2) != len(notices) {
			t.Errorf("second Load changed notices: %d → %d", len(notices), total2)
		}
	}, apptest.Empty(), apptest.At(time.Now()))
}

// TestLoadDatesFromNow checks that the recent meeting follows the clock.
func TestLoadDatesFromNow(t *testing.T) {
	svc := apptest.New(t, store.SQLite, apptest.Empty(), apptest.At(time.Date(2030, 5, 10, 8, 0, 0, 0, domain.Location))).Service
	if _, err := demo.Load(context.Background(), svc); err != nil {
		t.Fatal(err)
	}
	ms, _, err := svc.Meetings(context.Background(), &domain.User{OrgID: 1, Role: domain.RoleViewer}, store.MeetingFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range ms {
		found = found || m.Date == domain.NewDate(2030, 4, 19)
	}
	if !found {
		t.Error("no meeting three weeks before the clock's today")
	}
}
