// Package apptest is the one test fixture of giaoban, in the manner of
// PocketBase's tests.TestApp: a service on a fresh real database (SQLite, and
// PostgreSQL as well when GIAOBAN_TEST_POSTGRES is set) with cheap password
// hashing, a settable clock starting at a fixed instant, and an organisation
// with one block, two units and one user per role.
//
// A test package that uses it runs storetest.Main from its TestMain, so that
// the run's PostgreSQL database is dropped:
//
//	func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }
//
//	func TestSomething(t *testing.T) {
//		apptest.Each(t, func(t *testing.T, a *apptest.App) {
//			task := a.Task(app.TaskInput{Text: "Rà soát hồ sơ"}) // by the Office, lead Unit1
//			if _, err := a.Service.Task(ctx, a.Unit2User, task.ID); !errors.Is(err, domain.ErrNotFound) { … }
//		})
//	}
//
// Pages and API tests build their server on a.Service and sign in with
// Password (or a bearer token from APIToken). It holds test code only: no
// product package may import it, and it holds no rules of its own — every
// row it makes goes through the service, as a user's would.
package apptest

import (
	"context"
	"sync"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/auth"
	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

// Password is every fixture user's password.
const Password = "matkhau123"

// Hashing is the argon2id cost of the fixture's service: cheap, so that
// creating users and signing in cost microseconds. Tests that build a
// service of their own use it too.
var Hashing = auth.Params{Memory: 1024, Time: 1, Threads: 1}

// UploadLimit is the fixture service's largest upload (app.Options.MaxUpload):
// 1 MiB, so that tests of the limit send little.
const UploadLimit = 1 << 20

// Start is where the fixture's clock starts: 09:00 on 1 March 2023 in Vietnam.
var Start = time.Date(2023, 3, 1, 9, 0, 0, 0, domain.Location)

// Clock is a settable clock, safe for concurrent use; the fixture's store
// (and so its service) reads the time from it.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock reading t until it is set or advanced.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// Advance moves the clock on by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// App is a service on a fresh database and the organisation made in it.
type App struct {
	TB      testing.TB
	Store   *store.Store
	Service *app.Service
	Clock   *Clock
	// DSN is the database's, for a second instance or a command run on it.
	DSN string

	// The organisation: zero values and nil users when made with Empty;
	// Org and Admin only when made with Bare.
	Org   domain.Org
	Block domain.Block // "Khối Văn hóa - Xã hội"
	// Unit1 is "Phòng Giáo dục và Đào tạo" (alias "Phòng GD&ĐT"), Unit2
	// "Phòng Y tế"; both in Block.
	Unit1, Unit2 domain.Unit
	// One user per role; Unit1User (gddt) and Unit2User (yte) belong to
	// Unit1 and Unit2.
	Admin, Office, Leader, Viewer, Unit1User, Unit2User *domain.User
	// Users are the same users by user name: admin, vanphong, lanhdao, xem,
	// gddt, yte.
	Users map[string]*domain.User
}

// config is what the options set.
type config struct {
	now     time.Time
	service app.Options
	empty   bool
	bare    bool
	dsn     string
	org     domain.Org
}

// Option changes how New makes the fixture.
type Option func(*config)

// At starts the clock at t instead of Start.
func At(t time.Time) Option { return func(c *config) { c.now = t } }

// WithOptions gives the service opt; a zero PasswordParams still means
// Hashing, and a zero MaxUpload UploadLimit.
func WithOptions(opt app.Options) Option { return func(c *config) { c.service = opt } }

// WithOrg names the organisation o instead of "UBND huyện Thử Nghiệm", for
// tests of documents that print it.
func WithOrg(o domain.Org) Option { return func(c *config) { c.org = o } }

// Empty leaves the database without an organisation or users, for tests of
// the first run (Bootstrap, demo.Load) and of tools that fill a database.
func Empty() Option { return func(c *config) { c.empty = true } }

// Bare makes the organisation and its admin only, with an empty directory
// and no other user, for tests of what fills a directory (the presets).
func Bare() Option { return func(c *config) { c.bare = true } }

// OnDSN opens the database dsn (from storetest.DSN, typically a SQLite file
// a command-line test runs on) instead of a fresh one of the dialect given.
func OnDSN(dsn string) Option { return func(c *config) { c.dsn = dsn } }

// New returns the fixture on a fresh database of dialect d, closed at the
// test's end.
func New(tb testing.TB, d store.Dialect, opts ...Option) *App {
	tb.Helper()
	c := config{now: Start, org: domain.Org{Name: "UBND huyện Thử Nghiệm", Level: "huyện", Place: "Thử Nghiệm", Superior: "UBND tỉnh Mẫu"}}
	for _, o := range opts {
		o(&c)
	}
	if c.dsn == "" {
		c.dsn = storetest.DSN(tb, d)
	}
	c.service = cheap(c.service)
	a := &App{TB: tb, Clock: NewClock(c.now), DSN: c.dsn, Users: map[string]*domain.User{}}
	a.Store = storetest.OpenDSN(tb, c.dsn, store.WithClock(a.Clock.Now))
	a.Service = app.New(a.Store, c.service)
	if !c.empty {
		a.populate(c.org, c.bare)
	}
	return a
}

// Each runs fn as a subtest on every database, each with its own fixture.
func Each(t *testing.T, fn func(t *testing.T, a *App), opts ...Option) {
	t.Helper()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			fn(t, New(t, d, opts...))
		})
	}
}

// populate makes the organisation and its admin, and unless bare its block,
// units and other users.
func (a *App) populate(org domain.Org, bare bool) {
	a.TB.Helper()
	ctx := context.Background()
	a.Org = org
	a.Admin = &domain.User{Username: "admin", FullName: "Quản trị viên"}
	_, err := a.Service.Bootstrap(ctx, &a.Org, a.Admin, Password)
	a.Must(err)
	a.Users[a.Admin.Username] = a.Admin
	if bare {
		return
	}
	a.Block = domain.Block{Name: "Khối Văn hóa - Xã hội"}
	a.Must(a.Service.CreateBlock(ctx, a.Admin, &a.Block))
	a.Unit1 = domain.Unit{Name: "Phòng Giáo dục và Đào tạo", Kind: "phòng", BlockID: a.Block.ID, Aliases: []string{"Phòng GD&ĐT"}}
	a.Unit2 = domain.Unit{Name: "Phòng Y tế", Kind: "phòng", BlockID: a.Block.ID}
	a.Must(a.Service.CreateUnit(ctx, a.Admin, &a.Unit1))
	a.Must(a.Service.CreateUnit(ctx, a.Admin, &a.Unit2))
	user := func(name string, role domain.Role, unit int64) *domain.User {
		u := &domain.User{Username: name, FullName: "Cán bộ " + name, Role: role, UnitID: unit}
		a.Must(a.Service.CreateUser(ctx, a.Admin, u, Password))
		a.Users[name] = u
		return u
	}
	a.Office = user("vanphong", domain.RoleOffice, 0)
	a.Leader = user("lanhdao", domain.RoleLeader, 0)
	a.Viewer = user("xem", domain.RoleViewer, 0)
	a.Unit1User = user("gddt", domain.RoleUnit, a.Unit1.ID)
	a.Unit2User = user("yte", domain.RoleUnit, a.Unit2.ID)
}

// Must stops the test when err is not nil.
func (a *App) Must(err error) {
	a.TB.Helper()
	Must(a.TB, err)
}

// Must stops test tb when err is not nil.
func Must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

// User returns the fixture user named username, stopping the test when
// there is none.
func (a *App) User(username string) *domain.User {
	a.TB.Helper()
	u := a.Users[username]
	if u == nil {
		a.TB.Fatalf("apptest: no user %q", username)
	}
	return u
}

// Task creates a task as the Office and returns it. A task input without
// lead units leads with Unit1; one without a deadline kind has none.
func (a *App) Task(in app.TaskInput) *domain.Task {
	a.TB.Helper()
	if len(in.Lead) == 0 {
		in.Lead = []int64{a.Unit1.ID}
	}
	if in.Deadline.Kind == "" {
		in.Deadline.Kind = domain.DeadlineNone
	}
	t, err := a.Service.CreateTask(context.Background(), a.Office, in)
	a.Must(err)
	return t
}

// APIToken makes a bearer token for u, for API tests.
func (a *App) APIToken(u *domain.User) string {
	a.TB.Helper()
	token, err := a.Service.CreateAPIToken(context.Background(), u, "apptest")
	a.Must(err)
	return token
}

// Instance returns a second instance on the fixture's database — its own
// store and service, sharing the clock, the organisation and the users — as
// a second server behind a load balancer would be. Zero fields of opt are
// filled as WithOptions fills them.
func (a *App) Instance(opt app.Options) *App {
	a.TB.Helper()
	b := *a
	b.Store = storetest.OpenDSN(a.TB, a.DSN, store.WithClock(a.Clock.Now))
	b.Service = app.New(b.Store, cheap(opt))
	return &b
}

// cheap fills opt's zero password cost and upload limit with the fixture's.
func cheap(opt app.Options) app.Options {
	if opt.PasswordParams == (auth.Params{}) {
		opt.PasswordParams = Hashing
	}
	if opt.MaxUpload == 0 {
		opt.MaxUpload = UploadLimit
	}
	return opt
}
