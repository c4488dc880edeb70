package apptest_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// TestFixture checks what the fixture promises: one user per role who signs
// in with Password, a task helper whose task its lead unit sees and another
// unit does not, a bearer token, a clock the service follows, and a second
// instance on the same database.
func TestFixture(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		roles := map[domain.Role]bool{}
		for name, u := range a.Users {
			_, got, err := a.Service.Login(ctx, name, apptest.Password, "127.0.0.1")
			apptest.Must(t, err)
			if got.ID != u.ID || a.User(name) != u {
				t.Errorf("user %s: signed in as %d, fixture holds %d", name, got.ID, u.ID)
			}
			roles[u.Role] = true
		}
		for _, r := range domain.Roles {
			if !roles[r] {
				t.Errorf("no fixture user with role %s", r)
			}
		}
		if a.Unit1User.UnitID != a.Unit1.ID || a.Unit2User.UnitID != a.Unit2.ID || a.Unit1.BlockID != a.Block.ID {
			t.Errorf("unit users %+v %+v, units %+v %+v", a.Unit1User, a.Unit2User, a.Unit1, a.Unit2)
		}

		task := a.Task(app.TaskInput{Text: "Rà soát hồ sơ"})
		if _, err := a.Service.Task(ctx, a.Unit1User, task.ID); err != nil {
			t.Errorf("the lead unit's user: %v", err)
		}
		if _, err := a.Service.Task(ctx, a.Unit2User, task.ID); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("another unit's user: %v, want not found", err)
		}

		u, err := a.Service.AuthenticateAPI(ctx, a.APIToken(a.Office))
		if err != nil || u.ID != a.Office.ID {
			t.Errorf("bearer token of the Office authenticates %v, %v", u, err)
		}

		if a.Service.Today() != domain.DateOf(apptest.Start) {
			t.Errorf("today %s, want the fixture's start %s", a.Service.Today(), domain.DateOf(apptest.Start))
		}
		a.Clock.Advance(48 * time.Hour)
		if want := domain.DateOf(apptest.Start).AddDays(2); a.Service.Today() != want {
			t.Errorf("after two days today is %s, want %s", a.Service.Today(), want)
		}

		b := a.Instance(app.Options{})
		d, err := b.Service.Task(ctx, b.Office, task.ID)
		if err != nil || d.Text != "Rà soát hồ sơ" || b.Service.Today() != a.Service.Today() {
			t.Errorf("second instance: task %v (%v), today %s", d, err, b.Service.Today())
		}
	})
}

// TestFixtureOptions checks Empty, Bare, At, WithOrg and WithOptions, and
// the service's cheap defaults.
func TestFixtureOptions(t *testing.T) {
	ctx := context.Background()
	empty := apptest.New(t, storetest.Dialects()[0], apptest.Empty())
	if orgs, err := empty.Store.Orgs(ctx); err != nil || len(orgs) != 0 || empty.Admin != nil {
		t.Errorf("Empty: %d organisations (%v), admin %v", len(orgs), err, empty.Admin)
	}
	at := time.Date(2030, 1, 2, 8, 0, 0, 0, domain.Location)
	bare := apptest.New(t, storetest.Dialects()[0], apptest.Bare(), apptest.At(at), apptest.WithOrg(domain.Org{Name: "UBND xã Thử"}))
	dir, err := bare.Service.Directory(ctx, bare.Admin)
	apptest.Must(t, err)
	if dir.Org.Name != "UBND xã Thử" || len(dir.Units) != 0 || len(dir.Blocks) != 0 || len(bare.Users) != 1 {
		t.Errorf("Bare: org %q, %d units, %d blocks, %d users", dir.Org.Name, len(dir.Units), len(dir.Blocks), len(bare.Users))
	}
	if bare.Service.Now() != at {
		t.Errorf("At: now %s, want %s", bare.Service.Now(), at)
	}
	if got := bare.Service.Options(); got.PasswordParams != apptest.Hashing || got.MaxUpload != apptest.UploadLimit {
		t.Errorf("default service options: hashing %+v, upload limit %d", got.PasswordParams, got.MaxUpload)
	}
	opt := apptest.New(t, storetest.Dialects()[0], apptest.Empty(), apptest.WithOptions(app.Options{SoonDays: 3, MaxUpload: 5 << 20}))
	if got := opt.Service.Options(); got.SoonDays != 3 || got.MaxUpload != 5<<20 || got.PasswordParams != apptest.Hashing {
		t.Errorf("WithOptions: soon %d days, upload limit %d, hashing %+v", got.SoonDays, got.MaxUpload, got.PasswordParams)
	}
}
