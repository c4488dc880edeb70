// Package demo holds the directory presets a user can load and the demo data
// the first run shows. STUB: to be written.
package demo

import (
	"context"
	"errors"

	"giaoban/internal/app"
	"giaoban/internal/domain"
)

// Login is a demo account printed at start.
type Login struct {
	Username, Password string
	Role               domain.Role
	Unit               string
}

// Preset is a directory template: blocks, sectors and units with aliases.
type Preset struct {
	Name        string // code used in URLs
	Title       string // Vietnamese name shown to users
	Description string
}

// Presets lists the presets a user can load.
func Presets() []Preset { return nil }

// LoadPreset adds preset name's blocks, sectors and units to the actor's
// organisation, skipping what already exists.
func LoadPreset(ctx context.Context, svc *app.Service, actor *domain.User, name string) error {
	return errors.New("not implemented")
}

// Load fills an empty database with the demo organisation, its meetings,
// notices, tasks and reports, and one user per role; it returns their logins.
// On a database that already has an organisation it does nothing.
func Load(ctx context.Context, svc *app.Service) ([]Login, error) {
	return nil, errors.New("not implemented")
}
