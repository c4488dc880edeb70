package web

import (
	"net/http"
	"net/url"
	"strings"
	"unicode"

	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	if err := s.render(w, r, http.StatusOK, "login", &view{Title: "Đăng nhập", Data: loginForm{Next: safeNext(r.URL.Query().Get("next"))}}); err != nil {
		s.serveError(w, r, err)
	}
}

// loginForm is what the login page shows again: where to go after, and the
// user name typed (never the password).
type loginForm struct {
	Next, Username string
}

// safeNext keeps only plain local paths ("/tasks?status=overdue"), so that
// the login form and the extension decision cannot send users to another
// site. Anything else gives "/": a scheme or host, "//" or "/\\" (which
// browsers read as another host), a backslash anywhere, and any control
// character or space, since browsers drop tabs and newlines from a URL before
// reading it ("/\t/evil.example" becomes "//evil.example").
func safeNext(next string) string {
	if next == "" || next[0] != '/' || strings.ContainsRune(next, '\\') {
		return "/"
	}
	if strings.HasPrefix(next, "//") || !plainText(next) {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(u.Path, "/") ||
		strings.HasPrefix(u.Path, "//") || strings.ContainsRune(u.Path, '\\') || !plainText(u.Path) {
		return "/"
	}
	return next
}

// plainText reports whether s holds no space, control or unprintable character.
func plainText(s string) bool {
	for _, c := range s {
		if c <= ' ' || c == 0x7f || (c >= 0x80 && c <= 0x9f) || !unicode.IsPrint(c) {
			return false
		}
	}
	return true
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if err := httpx.ReadInput(w, r, httpx.Limits{Body: 64 << 10, JSON: 64 << 10}); err != nil {
		s.serveError(w, r, err)
		return
	}
	next := safeNext(r.PostFormValue("next"))
	token, _, err := s.svc.Login(r.Context(), r.PostFormValue("username"), r.PostFormValue("password"), httpx.ClientAddr(r, s.proxies))
	if err != nil {
		code := httpx.Status(err)
		if code == http.StatusInternalServerError {
			s.serveError(w, r, err)
			return
		}
		if code == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", "5")
		}
		form := loginForm{Next: next, Username: r.PostFormValue("username")}
		if rerr := s.render(w, r, code, "login", &view{Title: "Đăng nhập", Error: httpx.Message(err), Data: form}); rerr != nil {
			s.serveError(w, r, rerr)
		}
		return
	}
	s.setSessionCookie(w, token, int(s.svc.Options().SessionTTL.Seconds()))
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(httpx.SessionCookie); err == nil {
		if err := s.svc.Logout(r.Context(), c.Value); err != nil {
			return err
		}
	}
	s.setSessionCookie(w, "", -1)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}

type accountData struct {
	Tokens   []store.APIToken
	NewToken string
}

func (s *Server) account(w http.ResponseWriter, r *http.Request) error {
	return s.renderAccount(w, r, http.StatusOK, "", "")
}

func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, code int, msg, newToken string) error {
	toks, err := s.svc.APITokens(r.Context(), userOf(r))
	if err != nil {
		return err
	}
	return s.render(w, r, code, "account", &view{Title: "Tài khoản", Error: msg, Data: accountData{Tokens: toks, NewToken: newToken}})
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) error {
	if r.PostFormValue("new") != r.PostFormValue("confirm") {
		return s.renderAccount(w, r, http.StatusUnprocessableEntity, "Mật khẩu mới và mật khẩu nhập lại không khớp.", "")
	}
	err := s.svc.ChangePassword(r.Context(), userOf(r), r.PostFormValue("old"), r.PostFormValue("new"))
	if httpx.Status(err) == http.StatusUnprocessableEntity {
		return s.renderAccount(w, r, httpx.Status(err), httpx.Message(err), "")
	}
	if err != nil {
		return err
	}
	// Changing the password ended every session, this one included.
	s.setSessionCookie(w, "", -1)
	return redirect(w, r, "/login", flashPasswordChangedNote)
}

func (s *Server) createToken(w http.ResponseWriter, r *http.Request) error {
	secret, err := s.svc.CreateAPIToken(r.Context(), userOf(r), r.PostFormValue("name"))
	if httpx.Status(err) == http.StatusUnprocessableEntity {
		return s.renderAccount(w, r, httpx.Status(err), httpx.Message(err), "")
	}
	if err != nil {
		return err
	}
	return s.renderAccount(w, r, http.StatusOK, "", secret)
}

func (s *Server) revokeToken(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.RevokeAPIToken(r.Context(), userOf(r), id); err != nil {
		return err
	}
	return redirect(w, r, "/account", flashTokenRevoked)
}
