package app

import (
	"context"

	"giaoban/internal/domain"
)

// ResolveUnitName returns the unit of the actor's directory that name
// designates, by its name or one of its aliases, ignoring case, diacritics and
// spacing exactly as the importer does. It answers a wrapped domain.ErrNotFound
// when no unit matches, so the import review can keep the name as unresolved.
func (s *Service) ResolveUnitName(ctx context.Context, actor *domain.User, name string) (*domain.Unit, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	return s.st.ResolveUnit(ctx, actor.OrgID, name)
}
