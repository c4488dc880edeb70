package web

import "net/http"

// STUB: every handler below is to be replaced by its real implementation.

func (s *Server) meetingList(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) meetingNew(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) meetingCreate(w http.ResponseWriter, r *http.Request) error {
	return errNotImplemented
}

func (s *Server) meetingShow(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) meetingEdit(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) meetingUpdate(w http.ResponseWriter, r *http.Request) error {
	return errNotImplemented
}

func (s *Server) noticeList(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) noticeNew(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) noticeCreate(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) noticeShow(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) noticeEdit(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) noticeUpdate(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) noticeIssue(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) noticeCorrect(w http.ResponseWriter, r *http.Request) error {
	return errNotImplemented
}
