package app

import "giaoban/internal/domain"

// CheckManage answers nil when actor may create and edit meetings, notices,
// tasks and the directory, and domain.ErrForbidden (or ErrUnauthenticated)
// otherwise. Pages call it before showing a form the actor could not submit.
func (s *Service) CheckManage(actor *domain.User) error { return needManage(actor) }

// CheckAdmin answers nil when actor is an administrator, and
// domain.ErrForbidden (or ErrUnauthenticated) otherwise.
func (s *Service) CheckAdmin(actor *domain.User) error { return needAdmin(actor) }
