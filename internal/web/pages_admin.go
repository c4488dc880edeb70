package web

import "net/http"

// STUB: every handler below is to be replaced by its real implementation.

func (s *Server) unitList(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) unitCreate(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) unitEdit(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) unitUpdate(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) blockCreate(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) sectorCreate(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) orgUpdate(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) presetLoad(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) userList(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) userEdit(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) userUpdate(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) userPassword(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }

func (s *Server) auditLog(w http.ResponseWriter, r *http.Request) error { return errNotImplemented }
