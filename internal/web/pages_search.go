package web

import (
	"net/http"
	"net/url"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/httpx"
)

// The search page: notices, meetings and tasks matching the words typed.

type searchData struct {
	Q      string
	Result *app.SearchResult
	Items  []taskItem
	AllURL string
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	d := &searchData{Q: q}
	v := &view{Title: "Tìm kiếm", Data: d}
	if q == "" {
		return s.render(w, r, http.StatusOK, "search", v)
	}
	res, err := s.svc.Search(ctx, u, q, 20)
	if isFormError(err) {
		v.Error = httpx.Message(err)
		return s.render(w, r, httpx.Status(err), "search", v)
	}
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	d.Result, d.Items = res, s.taskItems(dir, res.Tasks)
	d.AllURL = "/tasks?q=" + url.QueryEscape(q)
	v.Title = "Tìm kiếm: " + shorten(q, 40)
	return s.render(w, r, http.StatusOK, "search", v)
}
