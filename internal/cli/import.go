package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/config"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// Import stores notices read from files: `giaoban import [--db DSN] [--as USER]
// [--block ID] [--add-units] FILE...`. It shows a progress bar on stderr and
// a summary at the end.
func Import(ctx context.Context, args []string, env config.Env, stdout, stderr io.Writer) error {
	cfg, err := config.ParseImport(args, env, stderr)
	if err != nil {
		return err
	}
	files := cfg.Files
	st, svc, actor, err := openAs(ctx, cfg.DB, cfg.As, func(ctx context.Context, st *store.Store, username string) (*domain.User, error) {
		return importActor(ctx, st, username, cfg.Org)
	})
	if err != nil {
		return err
	}
	defer st.Close()
	var docs, tasks, withDue, unassigned, waiting, failed int
	unresolved := map[string]int{}
	for i, f := range files {
		progress(stderr, i, len(files), filepath.Base(f))
		res, names, err := importOne(ctx, svc, actor, f, int64(cfg.MaxMB)<<20, cfg.Block, cfg.AddUnits)
		if err != nil {
			fmt.Fprintf(stderr, "\r\033[K%s: %v\n", f, err)
			failed++
			continue
		}
		docs++
		tasks += res.Tasks
		withDue += res.WithDue
		unassigned += res.Unassigned
		waiting += res.Waiting
		for _, n := range names {
			unresolved[n]++
		}
	}
	progress(stderr, len(files), len(files), "")
	fmt.Fprintln(stderr)
	fmt.Fprintf(stdout, "Đã nhập %d văn bản, %d nhiệm vụ (%d có thời hạn)", docs, tasks, withDue)
	if failed > 0 {
		fmt.Fprintf(stdout, "; %d tệp lỗi", failed)
	}
	fmt.Fprintln(stdout, ".")
	if unassigned+waiting > 0 {
		groups := ""
		if waiting > 0 {
			groups = fmt.Sprintf(" (%d giao cho nhóm đơn vị)", waiting)
		}
		fmt.Fprintf(stdout, "%d nhiệm vụ chưa xác định đơn vị chủ trì%s: đã nhập, chờ Văn phòng xác định trên trang “Nhiệm vụ chưa xác định đơn vị” (hoặc dùng --add-units).\n",
			unassigned+waiting, groups)
	}
	if len(unresolved) > 0 {
		var names []string
		for n := range unresolved {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(stdout, "Tên đơn vị chưa có trong danh mục (%d): %s\n", len(names), strings.Join(names, "; "))
	}
	if failed > 0 {
		return fmt.Errorf("%d tệp không nhập được", failed)
	}
	return nil
}

func importOne(ctx context.Context, svc *app.Service, actor *domain.User, path string, max, block int64, addUnits bool) (*app.ImportResult, []string, error) {
	data, err := readInput(path, nil, max)
	if err != nil {
		return nil, nil, err
	}
	d, err := svc.ExtractNotice(ctx, actor, filepath.Base(path), data, max)
	if err != nil {
		return nil, nil, err
	}
	if addUnits && len(d.Unresolved) > 0 {
		dir, err := svc.Directory(ctx, actor)
		if err != nil {
			return nil, nil, err
		}
		for _, n := range d.Unresolved {
			// A name of several bodies ("các đơn vị có liên quan") is a group, not a unit.
			if app.LooksLikeGroup(n, "") {
				g := app.GroupFromName(n, dir)
				if err := svc.CreateGroup(ctx, actor, &g); err != nil && !errors.Is(err, domain.ErrDuplicate) {
					return nil, nil, err
				}
				continue
			}
			u := &domain.Unit{Name: n, BlockID: block}
			if err := svc.CreateUnit(ctx, actor, u); err != nil && !errors.Is(err, domain.ErrDuplicate) {
				return nil, nil, err
			}
		}
		if d, err = svc.ExtractNotice(ctx, actor, filepath.Base(path), data, max); err != nil {
			return nil, nil, err
		}
	}
	if d.Notice.Title == "" {
		// Nobody reviews a file imported here: name the notice by its file.
		d.Notice.Title = "Thông báo kết luận " + d.Source
	}
	dir, err := svc.Directory(ctx, actor)
	if err != nil {
		return nil, nil, err
	}
	// Nobody is asked either: a task without a lead unit is kept for the
	// Office, its groups spread over their units when they are closed and
	// small (app.SpreadByDefaultMax), waiting otherwise.
	d.DecideDefaults(dir)
	res, err := svc.ConfirmImport(ctx, actor, d, 0, block)
	return res, d.Unresolved, err
}

// openAs opens the database at dsn and a service over it with default options,
// and picks the acting user: pick's choice for the --as value username. The
// caller closes the store; after an error nothing is left open.
func openAs(ctx context.Context, dsn, username string,
	pick func(context.Context, *store.Store, string) (*domain.User, error)) (*store.Store, *app.Service, *domain.User, error) {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, nil, nil, err
	}
	svc := app.New(st, app.Options{})
	actor, err := pick(ctx, st, username)
	if err != nil {
		st.Close()
		return nil, nil, nil, err
	}
	return st, svc, actor, nil
}

// importActor is the user named by --as, or the first admin of organisation
// orgID (0: the first organisation).
func importActor(ctx context.Context, st *store.Store, username string, orgID int64) (*domain.User, error) {
	if username != "" {
		u, _, err := st.UserByName(ctx, strings.ToLower(username))
		if err != nil {
			return nil, fmt.Errorf("người dùng %q: %w", username, err)
		}
		if !u.CanManage() {
			return nil, fmt.Errorf("người dùng %q không có quyền nhập văn bản (cần vai trò Văn phòng hoặc Quản trị)", username)
		}
		if orgID != 0 && u.OrgID != orgID {
			return nil, fmt.Errorf("người dùng %q không thuộc cơ quan %d", username, orgID)
		}
		return u, nil
	}
	orgs, err := st.Orgs(ctx)
	if err != nil {
		return nil, err
	}
	if len(orgs) == 0 {
		return nil, errors.New("cơ sở dữ liệu chưa có cơ quan nào: hãy chạy giaoban serve một lần trước")
	}
	if orgID == 0 {
		orgID = orgs[0].ID
	}
	users, err := st.Users(ctx, orgID)
	if err != nil {
		return nil, err
	}
	for i := range users {
		if users[i].Role == domain.RoleAdmin && !users[i].Disabled {
			return &users[i], nil
		}
	}
	return nil, errors.New("không có tài khoản quản trị: dùng --as để chọn người nhập")
}

// progress draws a one-line bar: [#####.....] 5/10 name.
func progress(w io.Writer, done, total int, name string) {
	const width = 30
	filled := 0
	if total > 0 {
		filled = done * width / total
	}
	fmt.Fprintf(w, "\r\033[K[%s%s] %d/%d %s", strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total, name)
}
