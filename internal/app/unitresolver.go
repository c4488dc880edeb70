package app

import (
	"context"
	"fmt"

	"giaoban/internal/domain"
	"giaoban/internal/textfold"
)

// UnitResolver finds the unit of a directory that a name designates — by
// the unit's name or one of its aliases, ignoring case, diacritics and
// spacing as the importer does. It is built once from the directory's units
// (read in two queries), so resolving costs no database round trip; the
// import review, the import command, the presets and the demo all resolve
// through it.
type UnitResolver struct {
	byFold map[string]*domain.Unit
	groups map[string]*domain.Group
}

// NewUnitResolver indexes units. An alias wins over another unit's name, and
// of two units whose names fold alike the first listed wins, as the
// directory's unique aliases and names-in-id-order have always decided.
func NewUnitResolver(units []domain.Unit) *UnitResolver {
	r := &UnitResolver{byFold: make(map[string]*domain.Unit, 2*len(units))}
	for i := range units {
		r.addName(&units[i])
	}
	for i := range units {
		r.addAliases(&units[i])
	}
	return r
}

// Resolver returns a resolver over the directory's units and groups.
func (d *Directory) Resolver() *UnitResolver {
	r := NewUnitResolver(d.Units)
	r.groups = map[string]*domain.Group{}
	for i := range d.Groups {
		g := &d.Groups[i]
		for _, n := range append([]string{g.Name}, g.Aliases...) {
			if f := textfold.Fold(n); r.groups[f] == nil {
				r.groups[f] = g
			}
		}
	}
	return r
}

// ResolveGroup returns the group name designates, or nil and false. A name
// that is a unit's is never a group's (the directory refuses both).
func (r *UnitResolver) ResolveGroup(name string) (*domain.Group, bool) {
	g, ok := r.groups[textfold.Fold(name)]
	return g, ok
}

// AddGroup makes a group just created resolvable.
func (r *UnitResolver) AddGroup(g domain.Group) {
	if r.groups == nil {
		r.groups = map[string]*domain.Group{}
	}
	for _, n := range append([]string{g.Name}, g.Aliases...) {
		r.groups[textfold.Fold(n)] = &g
	}
}

// UnitResolver returns a resolver over the actor's directory. Unlike a
// failed match, a database error is returned.
func (s *Service) UnitResolver(ctx context.Context, actor *domain.User) (*UnitResolver, error) {
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	return dir.Resolver(), nil
}

// Resolve returns the unit name designates, or nil and false.
func (r *UnitResolver) Resolve(name string) (*domain.Unit, bool) {
	u, ok := r.byFold[textfold.Fold(name)]
	return u, ok
}

// Add makes a unit just created (its name and the aliases it was stored
// with) resolvable, without reading the directory again.
func (r *UnitResolver) Add(u domain.Unit) {
	r.addName(&u)
	r.addAliases(&u)
}

func (r *UnitResolver) addName(u *domain.Unit) {
	if f := textfold.Fold(u.Name); r.byFold[f] == nil {
		r.byFold[f] = u
	}
}

func (r *UnitResolver) addAliases(u *domain.Unit) {
	for _, a := range u.Aliases {
		r.byFold[textfold.Fold(a)] = u
	}
}

// ResolveUnitName returns the unit of the actor's directory that name
// designates (see UnitResolver). It answers a wrapped domain.ErrNotFound
// when no unit matches, so the import review can keep the name as
// unresolved, and the database's error when the directory cannot be read.
func (s *Service) ResolveUnitName(ctx context.Context, actor *domain.User, name string) (*domain.Unit, error) {
	r, err := s.UnitResolver(ctx, actor)
	if err != nil {
		return nil, err
	}
	u, ok := r.Resolve(name)
	if !ok {
		return nil, fmt.Errorf("đơn vị %q: %w", name, domain.ErrNotFound)
	}
	return u, nil
}
