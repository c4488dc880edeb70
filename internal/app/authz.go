package app

// Authorisation: who may do what. Every service operation starts with one of
// the need* checks; pages call the Check* twins before showing a form.

import "giaoban/internal/domain"

// CheckManage answers nil when actor may create and edit meetings, notices,
// tasks and the directory, and domain.ErrForbidden (or ErrUnauthenticated)
// otherwise. Pages call it before showing a form the actor could not submit.
func (s *Service) CheckManage(actor *domain.User) error { return needManage(actor) }

// CheckAdmin answers nil when actor is an administrator, and
// domain.ErrForbidden (or ErrUnauthenticated) otherwise.
func (s *Service) CheckAdmin(actor *domain.User) error { return needAdmin(actor) }

// needManage refuses users who may not edit meetings, notices and tasks.
func needManage(u *domain.User) error {
	if u == nil {
		return domain.ErrUnauthenticated
	}
	if !u.CanManage() {
		return domain.ErrForbidden
	}
	return nil
}

// needAdmin refuses users who are not administrators.
func needAdmin(u *domain.User) error {
	if u == nil {
		return domain.ErrUnauthenticated
	}
	if u.Role != domain.RoleAdmin {
		return domain.ErrForbidden
	}
	return nil
}

// needUser refuses a request without a signed-in user.
func needUser(u *domain.User) error {
	if u == nil {
		return domain.ErrUnauthenticated
	}
	return nil
}

// visible reports whether actor may read task t.
func visible(actor *domain.User, t *domain.Task) bool {
	return actor.SeesAll() || t.InvolvesUnit(actor.UnitID)
}

// leads reports whether the actor's unit leads t.
func leads(actor *domain.User, t *domain.Task) bool {
	for _, id := range t.Lead {
		if id == actor.UnitID && actor.Role == domain.RoleUnit {
			return true
		}
	}
	return false
}
