package web

import (
	"slices"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/textfold"
)

// The unit picker: the one way a form chooses units (a task's lead and
// support units, a meeting's participants). It is the template partial
// "unitpicker" (templates/partials/unitpicker.html) fed a unitPicker built
// by pickUnits; any form may use it:
//
//	// handler
//	data.Lead = pickUnits(dir, "lead", "Đơn vị chủ trì", f.Lead, activeOrChosen(f.Lead))
//	// template, inside the <form>
//	{{template "unitpicker" .Lead}}
//	// handler, on POST: the chosen ids, as for any checkboxes
//	ids, err := formIDs(r, "lead")
//
// Without JavaScript it is a list of checkboxes named Name, the chosen units
// first, the others grouped by block (each group folds away). With
// /static/app.js, a search box filters the list as one types (without
// diacritics, đ as d, also by a unit's other names, its block and sector),
// Enter picks the only match, and a unit ticked moves up among the chosen.

// unitPicker is what the unitpicker partial shows.
type unitPicker struct {
	// Name is the form field, one value per chosen unit id.
	Name string
	// Label is the fieldset's legend; Hint an optional line under it.
	Label, Hint string
	// Chosen are the units already chosen, shown first and ticked.
	Chosen []pickerUnit
	// Groups are the other units, by block in the directory's order.
	Groups []pickerGroup
	// Open folds no group away (a short directory).
	Open bool
}

// pickerGroup is one block of a picker.
type pickerGroup struct {
	Label string
	Units []pickerUnit
}

// pickerUnit is one unit of a picker.
type pickerUnit struct {
	ID       int64
	Name     string
	Inactive bool
	// Keys is what the search matches: the unit's names, its block and
	// sector, folded (textfold) as the script folds what is typed.
	Keys string
}

// pickUnits builds the picker for form field name: the directory's units
// that keep accepts (all when nil) with those of chosen first, ticked, in
// the order chosen.
func pickUnits(dir *app.Directory, name, label string, chosen []int64, keep func(*domain.Unit) bool) unitPicker {
	p := unitPicker{Name: name, Label: label}
	unit := func(u *domain.Unit, block string) pickerUnit {
		keys := append([]string{u.Name, block, dir.SectorName(u.SectorID)}, u.Aliases...)
		return pickerUnit{ID: u.ID, Name: u.Name, Inactive: !u.Active, Keys: textfold.Fold(strings.Join(keys, " | "))}
	}
	for _, id := range chosen {
		for i := range dir.Units {
			if u := &dir.Units[i]; u.ID == id {
				p.Chosen = append(p.Chosen, unit(u, dir.BlockName(u.BlockID)))
			}
		}
	}
	n := 0
	for _, g := range groupUnits(dir, keep) {
		pg := pickerGroup{Label: g.Block.Name}
		for i := range g.Units {
			if u := &g.Units[i]; !slices.Contains(chosen, u.ID) {
				pg.Units = append(pg.Units, unit(u, g.Block.Name))
			}
		}
		if len(pg.Units) > 0 {
			p.Groups = append(p.Groups, pg)
			n += len(pg.Units)
		}
	}
	p.Open = n <= 12
	return p
}
