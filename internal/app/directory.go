package app

import (
	"context"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// Directory is an organisation with its blocks, sectors, units and the
// groups of units its notices name.
type Directory struct {
	Org     domain.Org
	Blocks  []domain.Block
	Sectors []domain.Sector
	Units   []domain.Unit
	Groups  []domain.Group
	byID    map[int64]*domain.Unit
}

// Unit returns the unit with id, or nil.
func (d *Directory) Unit(id int64) *domain.Unit {
	if d.byID == nil {
		d.byID = map[int64]*domain.Unit{}
		for i := range d.Units {
			d.byID[d.Units[i].ID] = &d.Units[i]
		}
	}
	return d.byID[id]
}

// UnitName is the unit's name, or "" for an unknown id.
func (d *Directory) UnitName(id int64) string {
	if u := d.Unit(id); u != nil {
		return u.Name
	}
	return ""
}

// UnitNames joins the names of ids with ", ".
func (d *Directory) UnitNames(ids []int64) string {
	var out []string
	for _, id := range ids {
		if n := d.UnitName(id); n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

// BlockName is the block's name, or "".
func (d *Directory) BlockName(id int64) string {
	for _, b := range d.Blocks {
		if b.ID == id {
			return b.Name
		}
	}
	return ""
}

// SectorName is the sector's name, or "".
func (d *Directory) SectorName(id int64) string {
	for _, s := range d.Sectors {
		if s.ID == id {
			return s.Name
		}
	}
	return ""
}

// Directory returns the actor's organisation directory; every signed-in user may read it.
func (s *Service) Directory(ctx context.Context, actor *domain.User) (*Directory, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	org, err := s.st.Org(ctx, actor.OrgID)
	if err != nil {
		return nil, err
	}
	d := &Directory{Org: *org}
	if d.Blocks, err = s.st.Blocks(ctx, org.ID); err != nil {
		return nil, err
	}
	if d.Sectors, err = s.st.Sectors(ctx, org.ID); err != nil {
		return nil, err
	}
	if d.Units, err = s.st.Units(ctx, org.ID); err != nil {
		return nil, err
	}
	if d.Groups, err = s.st.Groups(ctx, org.ID); err != nil {
		return nil, err
	}
	return d, nil
}

// UpdateOrg saves the organisation's names (admin only).
func (s *Service) UpdateOrg(ctx context.Context, actor *domain.User, o *domain.Org) error {
	if err := needAdmin(actor); err != nil {
		return err
	}
	before, err := s.st.Org(ctx, actor.OrgID)
	if err != nil {
		return err
	}
	o.ID = actor.OrgID
	if o.Name, err = cleanText("Tên cơ quan", o.Name, true, 200); err != nil {
		return err
	}
	if o.Level, err = cleanText("Cấp", o.Level, false, 100); err != nil {
		return err
	}
	if o.Place, err = cleanText("Địa danh", o.Place, false, 100); err != nil {
		return err
	}
	if o.Superior, err = cleanText("Cơ quan cấp trên", o.Superior, false, 200); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.UpdateOrg(ctx, o); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "update", "org", o.ID, before, o)
	})
}

// CreateBlock adds a block (admin or Office).
func (s *Service) CreateBlock(ctx context.Context, actor *domain.User, b *domain.Block) error {
	if err := needManage(actor); err != nil {
		return err
	}
	var err error
	if b.Name, err = cleanText("Tên khối", b.Name, true, 200); err != nil {
		return err
	}
	b.OrgID = actor.OrgID
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateBlock(ctx, b); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "create", "block", b.ID, nil, b)
	})
}

// CreateSector adds a sector (admin or Office).
func (s *Service) CreateSector(ctx context.Context, actor *domain.User, sec *domain.Sector) error {
	if err := needManage(actor); err != nil {
		return err
	}
	var err error
	if sec.Name, err = cleanText("Tên lĩnh vực", sec.Name, true, 200); err != nil {
		return err
	}
	sec.OrgID = actor.OrgID
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateSector(ctx, sec); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "create", "sector", sec.ID, nil, sec)
	})
}

func (s *Service) validateUnit(ctx context.Context, actor *domain.User, u *domain.Unit) error {
	var err error
	if u.Name, err = cleanText("Tên đơn vị", u.Name, true, 200); err != nil {
		return err
	}
	if u.Kind, err = cleanText("Loại đơn vị", u.Kind, false, 100); err != nil {
		return err
	}
	for i, a := range u.Aliases {
		if u.Aliases[i], err = cleanText("Tên gọi khác", a, false, 200); err != nil {
			return err
		}
	}
	u.OrgID = actor.OrgID
	if u.BlockID != 0 {
		bs, err := s.st.Blocks(ctx, actor.OrgID)
		if err != nil {
			return err
		}
		ok := false
		for _, b := range bs {
			ok = ok || b.ID == u.BlockID
		}
		if !ok {
			return invalid("khối không tồn tại")
		}
	}
	return nil
}

// CreateUnit adds a unit to the directory (admin or Office). A name that
// designates several bodies ("Các đơn vị có liên quan", "UBND các xã") is
// refused: that is a group (CreateGroup).
func (s *Service) CreateUnit(ctx context.Context, actor *domain.User, u *domain.Unit) error {
	if err := needManage(actor); err != nil {
		return err
	}
	if err := s.validateUnit(ctx, actor, u); err != nil {
		return err
	}
	if LooksLikeGroup(u.Name, u.Kind) {
		return invalid("«%s» chỉ một nhóm đơn vị, không phải một đơn vị: hãy thêm vào mục «Nhóm đơn vị»", u.Name)
	}
	u.Active = true
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateUnit(ctx, u); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "create", "unit", u.ID, nil, u)
	})
}

// UpdateUnit saves a unit under optimistic locking (admin or Office).
func (s *Service) UpdateUnit(ctx context.Context, actor *domain.User, u *domain.Unit) error {
	if err := needManage(actor); err != nil {
		return err
	}
	before, err := s.st.Unit(ctx, actor.OrgID, u.ID)
	if err != nil {
		return err
	}
	if err := s.validateUnit(ctx, actor, u); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.UpdateUnit(ctx, u); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "update", "unit", u.ID, before, u)
	})
}

// AddAlias adds a name to a unit so that the importer resolves it next time.
func (s *Service) AddAlias(ctx context.Context, actor *domain.User, unitID int64, alias string) error {
	if err := needManage(actor); err != nil {
		return err
	}
	u, err := s.st.Unit(ctx, actor.OrgID, unitID)
	if err != nil {
		return err
	}
	u.Aliases = append(u.Aliases, alias)
	return s.UpdateUnit(ctx, actor, u)
}
