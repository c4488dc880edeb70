package app_test

import (
	"context"
	"sync"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
)

// TestBootstrapTwoInstances: instances starting together on one empty
// database all start; exactly one makes the organisation and its admin.
func TestBootstrapTwoInstances(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		const n = 4
		svcs := []*app.Service{a.Service}
		for len(svcs) < n {
			svcs = append(svcs, a.Instance(app.Options{}).Service)
		}
		created := make([]bool, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i, svc := range svcs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				org := &domain.Org{Name: "Ủy ban nhân dân"}
				created[i], errs[i] = svc.Bootstrap(ctx, org, &domain.User{Username: "admin", FullName: "Quản trị"}, "matkhau-dau-tien")
				if errs[i] == nil && org.ID == 0 {
					t.Errorf("instance %d: no organisation id", i)
				}
			}()
		}
		wg.Wait()
		made := 0
		for i := range n {
			if errs[i] != nil {
				t.Errorf("instance %d: %v", i, errs[i])
			}
			if created[i] {
				made++
			}
		}
		orgs, err := a.Store.Orgs(ctx)
		a.Must(err)
		if made != 1 || len(orgs) != 1 {
			t.Errorf("%d instances made an organisation, %d stored; want 1 and 1", made, len(orgs))
		}
	}, apptest.Empty())
}
