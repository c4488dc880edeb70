package api

import (
	"log/slog"
	"net/http/httptest"
	"os"
	"testing"

	"giaoban/internal/apptest"
	"giaoban/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// env is the API served on an apptest fixture: an organisation, a block,
// two units and one user per role — admin, vanphong (office), lanhdao
// (leader), xem (viewer), gddt (unit 1), yte (unit 2) — on 1 March 2023 by
// the fixture's clock.
type env struct {
	*apptest.App
	srv *httptest.Server
}

// serve starts the API on a's service, stopped at the test's end.
func serve(a *apptest.App) *env {
	a.TB.Helper()
	srv, err := New(a.Service, Options{Logger: slog.New(slog.NewTextHandler(os.Stderr, nil))})
	a.Must(err)
	e := &env{App: a, srv: httptest.NewServer(srv.Handler())}
	a.TB.Cleanup(e.srv.Close)
	return e
}
