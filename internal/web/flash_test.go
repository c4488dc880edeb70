package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"giaoban/internal/apptest"
)

func TestFlashText(t *testing.T) {
	tests := []struct{ query, want string }{
		{"ok=task_saved", "Đã lưu nhiệm vụ."},
		{"ok=imported&n=3&n=2", "Đã nhập 3 nhiệm vụ (2 có thời hạn cụ thể). Thông báo đang ở dạng dự thảo: kiểm tra rồi ban hành."},
		{"ok=report_below&n=60", "Đã gửi báo cáo. Tiến độ của nhiệm vụ vẫn là 60%: tiến độ chỉ tăng theo báo cáo, mức thấp hơn đã báo cáo trước đó không làm giảm tiến độ."},
		// Any other text shows nothing.
		{"ok=T%C3%A0i+kho%E1%BA%A3n+b%E1%BB%8B+kh%C3%B3a%2C+g%E1%BB%8Di+0909", ""},
		{"ok=Đã lưu", ""},
		{"ok=report_below", ""},        // a number missing
		{"ok=task_saved&n=1", ""},      // a number too many
		{"ok=report_below&n=hai", ""},  // not a number
		{"ok=report_below&n=-1", ""},   // not a count
		{"ok=report_below&n=%25s", ""}, // no format verbs either
		{"ok=", ""},
	}
	for _, tt := range tests {
		q, err := url.ParseQuery(tt.query)
		apptest.Must(t, err)
		if got := flashText(q); got != tt.want {
			t.Errorf("flashText(%s) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

// TestFlashFromURL: a page shows the message of a known key only; ?ok= with
// text of a link's own is shown nowhere.
func TestFlashFromURL(t *testing.T) {
	e := serve(apptest.New(t, "sqlite"))
	c := e.login("vanphong")
	if _, body, _ := c.get("/tasks?ok=T%C3%A0i+kho%E1%BA%A3n+c%E1%BB%A7a+b%E1%BA%A1n+b%E1%BB%8B+kh%C3%B3a"); strings.Contains(body, "bị khóa") || strings.Contains(body, `class="flash"`) {
		t.Errorf("the page shows a message of the link's own")
	}
	if _, body, _ := c.get("/tasks?ok=task_saved"); !strings.Contains(body, "Đã lưu nhiệm vụ.") {
		t.Errorf("the page lacks the message of a known key")
	}
	code, _, loc := c.post("/blocks", url.Values{"name": {"Khối Kinh tế"}})
	if code != http.StatusSeeOther || loc != "/units?ok=block_created" {
		t.Errorf("after adding a block: %d → %q, want the key in the URL", code, loc)
	}
}

// TestEveryRedirectNamesAFlashKey reads the package's code: each call of
// redirect passes one of the flash constants (or ""), never a sentence of
// its own, and each constant has its message. A page merged from another
// branch with redirect(…, "Đã lưu …") fails here instead of showing nothing.
func TestEveryRedirectNamesAFlashKey(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	apptest.Must(t, err)
	consts := map[string]bool{}
	var calls []*ast.CallExpr
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		apptest.Must(t, err)
		ast.Inspect(af, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "flashKey" && len(n.Values) == len(n.Names) {
					for i, name := range n.Names {
						lit, ok := n.Values[i].(*ast.BasicLit)
						if !ok {
							t.Fatalf("flash constant %s is not a literal", name.Name)
						}
						v, err := strconv.Unquote(lit.Value)
						apptest.Must(t, err)
						consts[name.Name] = true
						if _, ok := flashes[flashKey(v)]; !ok {
							t.Errorf("flash constant %s (%q) has no message", name.Name, v)
						}
					}
				}
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "redirect" {
					calls = append(calls, n)
				}
			}
			return true
		})
	}
	if len(calls) < 20 {
		t.Fatalf("found %d calls of redirect; the test no longer reads the code", len(calls))
	}
	for _, c := range calls {
		key := c.Args[3]
		switch k := key.(type) {
		case *ast.Ident:
			if !consts[k.Name] && k.Name != "flash" {
				t.Errorf("%s: redirect with %s, not a flash constant", fset.Position(c.Pos()), k.Name)
			}
		case *ast.BasicLit:
			if k.Value != `""` {
				t.Errorf("%s: redirect with the text %s: add a flash key to flash.go", fset.Position(c.Pos()), k.Value)
			}
		}
	}
	if len(flashes) != len(consts) {
		t.Errorf("%d flash constants, %d messages", len(consts), len(flashes))
	}
}
