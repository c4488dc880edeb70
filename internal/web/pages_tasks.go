package web

import "net/http"

// STUB: every handler below is to be replaced by its real implementation.

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) search(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) taskList(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) taskNew(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) taskCreate(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) taskShow(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) taskEdit(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) taskUpdate(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) reportCreate(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) taskEventDate(w http.ResponseWriter, r *http.Request) error {
	return errNotImplemented
}

func (s *Server) taskReopen(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) extensionCreate(w http.ResponseWriter, r *http.Request) error {
	return errNotImplemented
}

func (s *Server) extensionDecide(w http.ResponseWriter, r *http.Request) error {
	return errNotImplemented
}

func (s *Server) attachment(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }
