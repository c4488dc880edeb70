// Package presets holds the directory templates an administrator can load
// from the directory page (one JSON file each: the blocks, sectors and units
// with aliases that a kind of People's Committee usually has) and loads them
// through the service. It holds no demo data (that is internal/demo) and no
// rules of its own: every unit it adds goes through app.Service, which checks
// the actor's rights and writes the audit log.
package presets

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"sort"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/textfold"
)

//go:embed *.json
var presetFS embed.FS

// Preset is a directory template: blocks, sectors and units with aliases.
type Preset struct {
	Name        string // code used in URLs
	Title       string // Vietnamese name shown to users
	Description string
}

// presetData is a preset file: the directory a kind of People's Committee
// usually has. Block and sector are referred to by name.
type presetData struct {
	Name        string   `json:"name"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Order       int      `json:"order"`
	Blocks      []string `json:"blocks"`
	Sectors     []string `json:"sectors"`
	Units       []struct {
		Name    string   `json:"name"`
		Kind    string   `json:"kind"`
		Block   string   `json:"block"`
		Sector  string   `json:"sector"`
		Aliases []string `json:"aliases"`
	} `json:"units"`
	// Groups are the collective names notices use ("UBND các xã, thị
	// trấn"): every unit of some kinds, of a block, or an open set.
	Groups []struct {
		Name        string   `json:"name"`
		Aliases     []string `json:"aliases"`
		MemberKinds []string `json:"member_kinds"`
		Block       string   `json:"block"`
		Open        bool     `json:"open"`
	} `json:"groups"`
}

// ErrUnknown is returned (wrapped) for an unknown preset name.
var ErrUnknown = errors.New("không có mẫu danh mục này")

func readPresets() ([]presetData, error) {
	files, err := fs.Glob(presetFS, "*.json")
	if err != nil {
		return nil, err
	}
	var out []presetData
	for _, f := range files {
		b, err := presetFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var p presetData
		if err := json.Unmarshal(b, &p); err != nil {
			return nil, fmt.Errorf("preset %s: %w", f, err)
		}
		out = append(out, p)
	}
	// The current structure first; the pre-2025 district one after it.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out, nil
}

func findPreset(name string) (*presetData, error) {
	ps, err := readPresets()
	if err != nil {
		return nil, err
	}
	for i := range ps {
		if ps[i].Name == name {
			return &ps[i], nil
		}
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknown, name)
}

// All lists the presets a user can load. The embedded files are checked by
// the tests, so a broken file cannot ship; should one fail to read anyway the
// list is empty rather than partial.
func All() []Preset {
	ps, err := readPresets()
	if err != nil {
		return nil
	}
	out := make([]Preset, len(ps))
	for i, p := range ps {
		out[i] = Preset{Name: p.Name, Title: p.Title, Description: p.Description}
	}
	return out
}

// Load adds preset name's blocks, sectors, units and groups of units to the
// actor's organisation, skipping what already exists.
//
// A unit or group is skipped when its name (or one of its aliases) already
// names a unit or group of the organisation; an alias already taken is left
// off, so that a name never resolves to two of them. Everything goes through
// the service, which checks the actor's rights and writes the audit log. An
// unknown name gives ErrUnknown.
func Load(ctx context.Context, svc *app.Service, actor *domain.User, name string) error {
	p, err := findPreset(name)
	if err != nil {
		return err
	}
	dir, err := svc.Directory(ctx, actor)
	if err != nil {
		return err
	}
	blocks := map[string]int64{}
	for _, b := range dir.Blocks {
		blocks[textfold.Fold(b.Name)] = b.ID
	}
	for _, n := range p.Blocks {
		if _, ok := blocks[textfold.Fold(n)]; ok {
			continue
		}
		b := &domain.Block{Name: n}
		if err := svc.CreateBlock(ctx, actor, b); err != nil {
			return fmt.Errorf("preset %s: %w", name, err)
		}
		blocks[textfold.Fold(n)] = b.ID
	}
	sectors := map[string]int64{}
	for _, s := range dir.Sectors {
		sectors[textfold.Fold(s.Name)] = s.ID
	}
	for _, n := range p.Sectors {
		if _, ok := sectors[textfold.Fold(n)]; ok {
			continue
		}
		s := &domain.Sector{Name: n}
		if err := svc.CreateSector(ctx, actor, s); err != nil {
			return fmt.Errorf("preset %s: %w", name, err)
		}
		sectors[textfold.Fold(n)] = s.ID
	}
	units := dir.Resolver()
	known := func(n string) bool {
		_, ok := units.Resolve(n)
		_, group := units.ResolveGroup(n)
		return ok || group
	}
	for _, pu := range p.Units {
		if known(pu.Name) {
			continue
		}
		u := &domain.Unit{Name: pu.Name, Kind: pu.Kind, BlockID: blocks[textfold.Fold(pu.Block)], SectorID: sectors[textfold.Fold(pu.Sector)]}
		for _, a := range pu.Aliases {
			if !known(a) {
				u.Aliases = append(u.Aliases, a)
			}
		}
		if err := svc.CreateUnit(ctx, actor, u); err != nil {
			return fmt.Errorf("preset %s: %w", name, err)
		}
		units.Add(*u)
	}
	for _, pg := range p.Groups {
		if known(pg.Name) {
			continue
		}
		g := &domain.Group{Name: pg.Name, MemberKinds: pg.MemberKinds, BlockID: blocks[textfold.Fold(pg.Block)], Open: pg.Open}
		for _, a := range pg.Aliases {
			if !known(a) {
				g.Aliases = append(g.Aliases, a)
			}
		}
		if err := svc.CreateGroup(ctx, actor, g); err != nil {
			return fmt.Errorf("preset %s: %w", name, err)
		}
		units.AddGroup(*g)
	}
	return nil
}
