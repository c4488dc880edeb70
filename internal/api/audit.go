package api

import (
	"encoding/json"
	"net/http"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// The audit log.

func (s *Server) audit(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	q := query(r)
	f := store.AuditFilter{Entity: q.v.Get("entity"), EntityID: q.id("entity_id"), UserID: q.id("user"), Action: q.v.Get("action"),
		From: q.date("from"), To: q.date("to")}
	page, perPage, offset := q.page()
	if q.err != nil {
		return q.err
	}
	f.Limit, f.Offset = perPage, offset
	entries, total, err := s.svc.AuditLog(r.Context(), u, f)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, paged(entries, auditOut, total, page, perPage))
}

type auditJSON struct {
	ID       int64           `json:"id"`
	At       *string         `json:"at"`
	UserID   *int64          `json:"user_id"`
	UserName string          `json:"user_name"`
	Action   string          `json:"action"`
	Entity   string          `json:"entity"`
	EntityID int64           `json:"entity_id"`
	Before   json.RawMessage `json:"before"`
	After    json.RawMessage `json:"after"`
}

// rawJSON passes stored JSON through; empty or damaged text is null.
func rawJSON(s string) json.RawMessage {
	if s == "" || !json.Valid([]byte(s)) {
		return json.RawMessage("null")
	}
	return json.RawMessage(s)
}

func auditOut(e *store.AuditEntry) auditJSON {
	return auditJSON{ID: e.ID, At: isoTime(e.At), UserID: optID(e.UserID), UserName: e.UserName, Action: e.Action, Entity: e.Entity,
		EntityID: e.EntityID, Before: rawJSON(e.Before), After: rawJSON(e.After)}
}
