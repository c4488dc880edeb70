package httpx

import (
	"net/http"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
)

// SessionCookie is the cookie that carries a page session's token. The API
// never reads it, so a cross-site request riding on a signed-in browser gets
// no further than 401 there.
const SessionCookie = "giaoban_session"

// SessionUser is the user signed in by the request's session cookie, with the
// session's CSRF token. No cookie, or one for no live session, is
// domain.ErrUnauthenticated; other errors are the store's.
func SessionUser(r *http.Request, svc *app.Service) (*domain.User, string, error) {
	c, err := r.Cookie(SessionCookie)
	if err != nil {
		return nil, "", domain.ErrUnauthenticated
	}
	return svc.Authenticate(r.Context(), c.Value)
}

// SetSessionCookie gives the browser token as its session for maxAge
// seconds; an empty token with a negative maxAge ends it. secure marks the
// cookie for HTTPS only.
func SetSessionCookie(w http.ResponseWriter, token string, maxAge int, secure bool) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: token, Path: "/", HttpOnly: true, Secure: secure,
		SameSite: http.SameSiteLaxMode, MaxAge: maxAge})
}

// BearerUser is the owner of the API token in the request's
// "Authorization: Bearer" header. No such header, another scheme, or a token
// that is unknown or revoked is domain.ErrUnauthenticated; other errors are
// the store's.
func BearerUser(r *http.Request, svc *app.Service) (*domain.User, error) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return nil, domain.ErrUnauthenticated
	}
	return svc.AuthenticateAPI(r.Context(), token)
}
