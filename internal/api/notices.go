package api

import (
	"net/http"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

// Conclusion notices (thông báo kết luận).

func (s *Server) notices(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	q := query(r)
	f := store.NoticeFilter{MeetingID: q.id("meeting"), Query: strings.TrimSpace(q.v.Get("q"))}
	switch st := domain.NoticeState(q.v.Get("state")); st {
	case "", domain.NoticeDraft, domain.NoticeIssued, domain.NoticeSuperseded:
		f.State = st
	default:
		q.fail("tham số state phải là draft, issued hoặc superseded")
	}
	page, perPage, offset := q.page()
	if q.err != nil {
		return q.err
	}
	f.Limit, f.Offset = perPage, offset
	ns, total, err := s.svc.Notices(r.Context(), u, f)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, paged(ns, noticeOut, total, page, perPage))
}

func (s *Server) notice(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	n, err := s.svc.Notice(r.Context(), u, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, noticeDetailOut(n))
}

func (s *Server) noticeCreate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	var in noticeInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	n := in.notice(0)
	if err := s.svc.CreateNotice(r.Context(), u, n); err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, noticeDetailOut(n))
}

func (s *Server) noticeUpdate(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	var in noticeInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	n := in.notice(id)
	if err := s.svc.UpdateNotice(r.Context(), u, n); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, noticeDetailOut(n))
}

func (s *Server) noticeIssue(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	var in versionInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	n, err := s.svc.IssueNotice(r.Context(), u, id, in.Version)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, noticeDetailOut(n))
}

func (s *Server) noticeCorrect(w http.ResponseWriter, r *http.Request, u *domain.User) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	in := correctInput{Kind: string(domain.CorrectionReplace)}
	if r.ContentLength != 0 {
		if err := decodeJSON(r, &in); err != nil {
			return err
		}
	}
	n, err := s.svc.CorrectNotice(r.Context(), u, id, domain.CorrectionKind(in.Kind))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, noticeDetailOut(n))
}

type noticeJSON struct {
	ID              int64    `json:"id"`
	MeetingID       *int64   `json:"meeting_id"`
	Number          string   `json:"number"`
	Symbol          string   `json:"symbol"`
	Code            string   `json:"code"`
	Place           string   `json:"place"`
	IssuedOn        isoDate  `json:"issued_on"`
	Title           string   `json:"title"`
	SignerAuthority string   `json:"signer_authority"`
	SignerTitle     string   `json:"signer_title"`
	SignerName      string   `json:"signer_name"`
	Recipients      []string `json:"recipients"`
	// Issuer and Superior are the letterhead the notice was printed with;
	// empty for the organisation's own.
	Issuer       string    `json:"issuer"`
	Superior     string    `json:"superior"`
	State        codeLabel `json:"state"`
	Revision     int       `json:"revision"`
	SupersedesID *int64    `json:"supersedes_id"`
	Version      int       `json:"version"`
	// Correction is how it corrects supersedes_id (erratum, replace), or null.
	Correction *codeLabel `json:"correction"`
}

func noticeOut(n *domain.Notice) noticeJSON {
	return noticeJSON{ID: n.ID, MeetingID: optID(n.MeetingID), Number: n.Number, Symbol: n.Symbol, Code: n.Code(), Place: n.Place,
		IssuedOn: isoDate{n.IssuedOn}, Title: n.Title, SignerAuthority: n.SignerAuthority, SignerTitle: n.SignerTitle,
		SignerName: n.SignerName, Recipients: strs(n.Recipients), Issuer: n.Issuer, Superior: n.Superior,
		State:    codeLabel{string(n.State), n.State.Label()},
		Revision: n.Revision, SupersedesID: optID(n.SupersedesID), Version: n.Version, Correction: correctionOut(n.Correction)}
}

func correctionOut(k domain.CorrectionKind) *codeLabel {
	if k == "" {
		return nil
	}
	return &codeLabel{Code: string(k), Label: k.Label()}
}

// correctInput chooses what a correction is: "erratum" (a Thông báo đính
// chính) or "replace" (a replacing notice, the default).
type correctInput struct {
	Kind string `json:"kind"`
}

type sectionJSON struct {
	ID      int64  `json:"id"`
	Ord     int    `json:"ord"`
	Kind    string `json:"kind"`
	Heading string `json:"heading"`
	Body    string `json:"body"`
}

type noticeDetailJSON struct {
	noticeJSON
	Sections []sectionJSON `json:"sections"`
}

func noticeDetailOut(n *domain.Notice) noticeDetailJSON {
	out := noticeDetailJSON{noticeJSON: noticeOut(n), Sections: []sectionJSON{}}
	for _, s := range n.Sections {
		out.Sections = append(out.Sections, sectionJSON{ID: s.ID, Ord: s.Ord, Kind: string(s.Kind), Heading: s.Heading, Body: s.Body})
	}
	return out
}

type sectionInput struct {
	ID      int64  `json:"id"`
	Kind    string `json:"kind"`
	Heading string `json:"heading"`
	Body    string `json:"body"`
}

type noticeInput struct {
	MeetingID       int64          `json:"meeting_id"`
	Number          string         `json:"number"`
	Symbol          string         `json:"symbol"`
	Place           string         `json:"place"`
	IssuedOn        isoDate        `json:"issued_on"`
	Title           string         `json:"title"`
	SignerAuthority string         `json:"signer_authority"`
	SignerTitle     string         `json:"signer_title"`
	SignerName      string         `json:"signer_name"`
	Recipients      []string       `json:"recipients"`
	Issuer          string         `json:"issuer"`
	Superior        string         `json:"superior"`
	Sections        []sectionInput `json:"sections"`
	Version         int            `json:"version"`
	// CorrectsID and Correction enter the notice as a correction of an
	// issued one (after a 409 duplicate answer naming it).
	CorrectsID int64  `json:"corrects_id"`
	Correction string `json:"correction"`
}

func (in *noticeInput) notice(id int64) *domain.Notice {
	n := &domain.Notice{ID: id, MeetingID: in.MeetingID, Number: in.Number, Symbol: in.Symbol, Place: in.Place, IssuedOn: in.IssuedOn.Date,
		Title: in.Title, SignerAuthority: in.SignerAuthority, SignerTitle: in.SignerTitle, SignerName: in.SignerName,
		Recipients: in.Recipients, Issuer: in.Issuer, Superior: in.Superior, Version: in.Version, SupersedesID: in.CorrectsID, Correction: domain.CorrectionKind(in.Correction)}
	for i, s := range in.Sections {
		n.Sections = append(n.Sections, domain.Section{ID: s.ID, Ord: i + 1, Kind: domain.SectionKind(s.Kind), Heading: s.Heading, Body: s.Body})
	}
	return n
}

type versionInput struct {
	Version int `json:"version"`
}
