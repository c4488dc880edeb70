package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
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
func Import(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	def := config.Default()
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dsn := fs.String("db", envOr("GIAOBAN_DB", def.DB), "database: sqlite:PATH or postgres://…")
	as := fs.String("as", "", "the user (Office or admin) recorded as importer; default: the organisation's first admin")
	org := fs.Int64("org", 0, "the organisation (id) to import into; default: the first one")
	block := fs.Int64("block", 0, "block id the imported tasks belong to")
	addUnits := fs.Bool("add-units", false, "add unit names that match nothing in the directory as new units")
	maxMB := fs.Int("max-mb", 50, "largest file in MB")
	if err := fs.Parse(args); err != nil {
		return err
	}
	files := fs.Args()
	if len(files) == 0 {
		return errors.New("cách dùng: giaoban import [--db DSN] [--as NGƯỜI_DÙNG] [--add-units] TỆP...")
	}
	st, svc, actor, err := openAs(ctx, *dsn, *as, func(ctx context.Context, st *store.Store, username string) (*domain.User, error) {
		return importActor(ctx, st, username, *org)
	})
	if err != nil {
		return err
	}
	defer st.Close()
	var docs, tasks, withDue, unassigned, failed int
	unresolved := map[string]int{}
	for i, f := range files {
		progress(stderr, i, len(files), filepath.Base(f))
		res, names, err := importOne(ctx, svc, actor, f, int64(*maxMB)<<20, *block, *addUnits)
		if err != nil {
			fmt.Fprintf(stderr, "\r\033[K%s: %v\n", f, err)
			failed++
			continue
		}
		docs++
		tasks += res.Tasks
		withDue += res.WithDue
		unassigned += res.Unassigned
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
	if unassigned > 0 {
		fmt.Fprintf(stdout, "%d nhiệm vụ chưa xác định được đơn vị chủ trì nên chưa nhập (xem lại trên trang Nhập văn bản, hoặc dùng --add-units).\n", unassigned)
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
	data, err := readLimited(path, max)
	if err != nil {
		return nil, nil, err
	}
	d, err := svc.ExtractNotice(ctx, actor, filepath.Base(path), data, max)
	if err != nil {
		return nil, nil, err
	}
	if addUnits && len(d.Unresolved) > 0 {
		for _, n := range d.Unresolved {
			u := &domain.Unit{Name: n, BlockID: block}
			if err := svc.CreateUnit(ctx, actor, u); err != nil && !errors.Is(err, domain.ErrDuplicate) {
				return nil, nil, err
			}
		}
		if d, err = svc.ExtractNotice(ctx, actor, filepath.Base(path), data, max); err != nil {
			return nil, nil, err
		}
	}
	res, err := svc.ConfirmImport(ctx, actor, d, 0, block)
	return res, d.Unresolved, err
}

func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("không mở được tệp: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("không đọc được tệp: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("tệp lớn hơn giới hạn %d MB", max>>20)
	}
	return data, nil
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

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
