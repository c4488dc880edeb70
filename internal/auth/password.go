// Package auth hashes passwords with argon2id and makes the random secrets of
// sessions, CSRF and API tokens. It keeps no state and knows no users: who
// may sign in, and for how long, is the service's (internal/app) to decide,
// and the hashes are stored by internal/store.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost settings.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// Default is the cost used for new hashes: OWASP's first recommended
// argon2id configuration (19 MiB of memory, 2 passes, 1 lane), about 40 ms
// of one core, so that a burst of logins does not exhaust a small server's
// memory (the service also bounds how many run at once). Hashes made with
// other parameters — the 64 MiB of earlier versions — still verify, since a
// hash carries its own, and are replaced at the next login (NeedsRehash).
var Default = Params{Memory: 19 * 1024, Time: 2, Threads: 1}

// ErrMismatch means the password does not match the hash.
var ErrMismatch = errors.New("mật khẩu không đúng")

// HashPassword returns the PHC string of password under p:
// $argon2id$v=19$m=19456,t=2,p=1$salt$hash.
func HashPassword(password string, p Params) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, 32)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// paramsOf reads the parameters of a PHC string.
func paramsOf(hash string) (Params, []string, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return Params{}, nil, errors.New("check password: not an argon2id hash")
	}
	var p Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return Params{}, nil, fmt.Errorf("check password: %w", err)
	}
	return p, parts, nil
}

// NeedsRehash reports whether hash was made with other parameters than p
// (or cannot be read), so that it should be replaced once the password is
// known again.
func NeedsRehash(hash string, p Params) bool {
	got, _, err := paramsOf(hash)
	return err != nil || got != p
}

// CheckPassword compares password with a PHC string in constant time; it
// returns ErrMismatch or an error for a malformed hash.
func CheckPassword(password, hash string) error {
	p, parts, err := paramsOf(hash)
	if err != nil {
		return err
	}
	enc := base64.RawStdEncoding
	salt, err := enc.DecodeString(parts[4])
	if err != nil {
		return fmt.Errorf("check password: %w", err)
	}
	want, err := enc.DecodeString(parts[5])
	if err != nil {
		return fmt.Errorf("check password: %w", err)
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return ErrMismatch
	}
	return nil
}

// NewToken returns a random URL-safe secret of 32 bytes.
func NewToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("new token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// HashToken is what the database keeps of a secret token: its SHA-256, so a
// stolen database copy opens no session.
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}
