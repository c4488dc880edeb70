package domain

import "strings"

// Group is a named set of units that notices address together ("UBND các
// xã, thị trấn", "Các cơ quan, đơn vị khối Văn hóa - Xã hội", "Các đơn vị có
// liên quan"). It is not a unit: nobody reports for it, and no figure counts
// it. Its members are the units a rule selects — every unit of some kinds,
// of a block, or both — and the units named one by one.
type Group struct {
	ID      int64
	OrgID   int64
	Name    string
	Aliases []string
	// MemberKinds are unit kinds (Unit.Kind, compared without case) whose
	// units belong: "xã", "thị trấn", "phường" for "UBND các xã, thị trấn".
	MemberKinds []string
	// BlockID, when set, is a block whose units belong (with MemberKinds:
	// the units of those kinds in that block).
	BlockID int64
	// Members are units that belong by name, beside the rule.
	Members []int64
	// Open means the set is not closed ("các đơn vị có liên quan"): its
	// members are only suggestions and the Office picks the units.
	Open    bool
	Version int
}

// HasRule reports whether units belong to g by kind or block.
func (g *Group) HasRule() bool { return len(g.MemberKinds) > 0 || g.BlockID != 0 }

// MemberIDs returns the active units of units that belong to g — by its rule
// or by name — in the order of units.
func (g *Group) MemberIDs(units []Unit) []int64 {
	named := map[int64]bool{}
	for _, id := range g.Members {
		named[id] = true
	}
	kinds := map[string]bool{}
	for _, k := range g.MemberKinds {
		kinds[strings.ToLower(strings.TrimSpace(k))] = true
	}
	var out []int64
	for _, u := range units {
		if !u.Active {
			continue
		}
		byRule := g.HasRule() && (len(kinds) == 0 || kinds[strings.ToLower(strings.TrimSpace(u.Kind))]) &&
			(g.BlockID == 0 || u.BlockID == g.BlockID)
		if byRule || named[u.ID] {
			out = append(out, u.ID)
		}
	}
	return out
}

// CorrectionKind is how a notice corrects an earlier one.
type CorrectionKind string

// Correction kinds.
const (
	// CorrectionErratum is a Thông báo đính chính: a short document of its
	// own stating what changes; the corrected notice stays in force.
	CorrectionErratum CorrectionKind = "erratum"
	// CorrectionReplace is a notice that replaces the corrected one, which
	// is then superseded.
	CorrectionReplace CorrectionKind = "replace"
)

// Label is the kind's Vietnamese name.
func (k CorrectionKind) Label() string {
	switch k {
	case CorrectionErratum:
		return "Thông báo đính chính"
	case CorrectionReplace:
		return "Thông báo thay thế"
	}
	return ""
}

// Valid reports whether k is a known kind.
func (k CorrectionKind) Valid() bool { return k == CorrectionErratum || k == CorrectionReplace }
