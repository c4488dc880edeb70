package demo

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

//go:embed presets/*.json
var presetFS embed.FS

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
}

// ErrNoPreset is returned (wrapped) for an unknown preset name.
var ErrNoPreset = errors.New("không có mẫu danh mục này")

func readPresets() ([]presetData, error) {
	files, err := fs.Glob(presetFS, "presets/*.json")
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
	return nil, fmt.Errorf("%w: %q", ErrNoPreset, name)
}

// Presets lists the presets a user can load. The embedded files are checked
// by the tests, so a broken file cannot ship; should one fail to read anyway
// the list is empty rather than partial.
func Presets() []Preset {
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

// LoadPreset adds preset name's blocks, sectors and units to the actor's
// organisation, skipping what already exists.
//
// A unit is skipped when its name (or one of its aliases) already names a
// unit of the organisation; an alias already taken by another unit is left
// off, so that a name never resolves to two units. Everything goes through
// the service, which checks the actor's rights and writes the audit log. An
// unknown name gives ErrNoPreset.
func LoadPreset(ctx context.Context, svc *app.Service, actor *domain.User, name string) error {
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
	st := svc.Store()
	known := func(n string) (bool, error) {
		_, err := st.ResolveUnit(ctx, actor.OrgID, n)
		if errors.Is(err, domain.ErrNotFound) {
			return false, nil
		}
		return err == nil, err
	}
	for _, pu := range p.Units {
		if ok, err := known(pu.Name); err != nil || ok {
			if err != nil {
				return err
			}
			continue
		}
		u := &domain.Unit{Name: pu.Name, Kind: pu.Kind, BlockID: blocks[textfold.Fold(pu.Block)], SectorID: sectors[textfold.Fold(pu.Sector)]}
		for _, a := range pu.Aliases {
			ok, err := known(a)
			if err != nil {
				return err
			}
			if !ok {
				u.Aliases = append(u.Aliases, a)
			}
		}
		if err := svc.CreateUnit(ctx, actor, u); err != nil {
			return fmt.Errorf("preset %s: %w", name, err)
		}
	}
	return nil
}
