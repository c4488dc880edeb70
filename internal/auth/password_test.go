package auth

import (
	"errors"
	"strings"
	"testing"
)

func TestPassword(t *testing.T) {
	fast := Params{Memory: 1024, Time: 1, Threads: 1}
	h, err := HashPassword("mật khẩu đúng", fast)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Fatalf("hash %q is not an argon2id PHC string", h)
	}
	tests := []struct {
		name, pw, hash string
		want           error
	}{
		{"right password", "mật khẩu đúng", h, nil},
		{"wrong password", "mat khau dung", h, ErrMismatch},
		{"empty password", "", h, ErrMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckPassword(tt.pw, tt.hash); !errors.Is(err, tt.want) {
				t.Errorf("CheckPassword = %v, want %v", err, tt.want)
			}
		})
	}
	if err := CheckPassword("x", "$2a$10$bcrypt"); err == nil {
		t.Error("a non-argon2id hash was accepted")
	}
	h2, _ := HashPassword("mật khẩu đúng", fast)
	if h2 == h {
		t.Error("two hashes of one password are equal: salt not random")
	}
}

// TestDefaultWithinOWASP: new hashes use OWASP's recommended argon2id
// parameters with a small memory footprint, and a hash of the earlier
// 64 MiB parameters still verifies and asks to be replaced.
func TestDefaultWithinOWASP(t *testing.T) {
	if Default.Memory < 19*1024 || Default.Memory > 32*1024 || Default.Time < 2 || Default.Threads != 1 {
		t.Errorf("Default = %+v, want m ≥ 19 MiB (and small), t ≥ 2, p = 1", Default)
	}
	old := Params{Memory: 64 * 1024, Time: 1, Threads: 2}
	h, err := HashPassword("mật khẩu cũ", old)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckPassword("mật khẩu cũ", h); err != nil {
		t.Errorf("old hash: %v", err)
	}
	if !NeedsRehash(h, Default) || NeedsRehash(h, old) {
		t.Errorf("NeedsRehash wrong for %q", h)
	}
	if !NeedsRehash("không phải hash", Default) {
		t.Errorf("NeedsRehash of garbage = false")
	}
}
