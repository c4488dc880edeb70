package api

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/auth"
	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// testPassword is every fixture user's password.
const testPassword = "matkhau123"

// env is the API served on a fresh database with an organisation, a block,
// two units and one user per role: admin, vanphong (office), lanhdao
// (leader), xem (viewer), gddt (unit 1), yte (unit 2). Today is 1 March 2023.
type env struct {
	srv          *httptest.Server
	svc          *app.Service
	users        map[string]*domain.User
	unit1, unit2 domain.Unit
	block        domain.Block
}

func newEnv(t testing.TB, st *store.Store) *env {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2023, 3, 1, 9, 0, 0, 0, domain.Location)
	e := &env{users: map[string]*domain.User{}}
	st = storetest.Reopen(t, st, store.WithClock(func() time.Time { return now }))
	e.svc = app.New(st, app.Options{MaxUpload: 1 << 20,
		PasswordParams: auth.Params{Memory: 1024, Time: 1, Threads: 1}})
	admin := &domain.User{Username: "admin", FullName: "Quản trị viên"}
	org := &domain.Org{Name: "UBND huyện Thử Nghiệm", Level: "huyện", Place: "Thử Nghiệm", Superior: "UBND tỉnh Mẫu"}
	if _, err := e.svc.Bootstrap(ctx, org, admin, testPassword); err != nil {
		t.Fatal(err)
	}
	e.users["admin"] = admin
	e.block = domain.Block{Name: "Khối Văn hóa - Xã hội"}
	mustT(t, e.svc.CreateBlock(ctx, admin, &e.block))
	e.unit1 = domain.Unit{Name: "Phòng Giáo dục và Đào tạo", Kind: "phòng", BlockID: e.block.ID, Aliases: []string{"Phòng GD&ĐT"}}
	e.unit2 = domain.Unit{Name: "Phòng Y tế", Kind: "phòng", BlockID: e.block.ID}
	mustT(t, e.svc.CreateUnit(ctx, admin, &e.unit1))
	mustT(t, e.svc.CreateUnit(ctx, admin, &e.unit2))
	for name, role := range map[string]domain.Role{"vanphong": domain.RoleOffice, "lanhdao": domain.RoleLeader, "xem": domain.RoleViewer,
		"gddt": domain.RoleUnit, "yte": domain.RoleUnit} {
		usr := &domain.User{Username: name, FullName: "Cán bộ " + name, Role: role}
		switch name {
		case "gddt":
			usr.UnitID = e.unit1.ID
		case "yte":
			usr.UnitID = e.unit2.ID
		}
		mustT(t, e.svc.CreateUser(ctx, admin, usr, testPassword))
		e.users[name] = usr
	}
	srv, err := New(e.svc, Options{Logger: slog.New(slog.NewTextHandler(os.Stderr, nil))})
	mustT(t, err)
	e.srv = httptest.NewServer(srv.Handler())
	t.Cleanup(e.srv.Close)
	return e
}

func mustT(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
