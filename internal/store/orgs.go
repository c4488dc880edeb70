package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/textfold"
)

// CreateOrg inserts an organisation and returns its id.
func (tx *Tx) CreateOrg(ctx context.Context, o *domain.Org) error {
	err := tx.db.QueryRowContext(ctx,
		`INSERT INTO orgs (name, level, place, superior, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		o.Name, o.Level, o.Place, o.Superior, tx.nowText()).Scan(&o.ID)
	if err != nil {
		return fmt.Errorf("create org: %w", err)
	}
	return nil
}

// UpdateOrg saves an organisation's names.
func (tx *Tx) UpdateOrg(ctx context.Context, o *domain.Org) error {
	_, err := tx.db.ExecContext(ctx, `UPDATE orgs SET name = $1, level = $2, place = $3, superior = $4 WHERE id = $5`,
		o.Name, o.Level, o.Place, o.Superior, o.ID)
	if err != nil {
		return fmt.Errorf("update org: %w", err)
	}
	return nil
}

// Org returns one organisation or domain.ErrNotFound.
func (q *Queries) Org(ctx context.Context, id int64) (*domain.Org, error) {
	var o domain.Org
	err := q.db.QueryRowContext(ctx, `SELECT id, name, level, place, superior FROM orgs WHERE id = $1`, id).
		Scan(&o.ID, &o.Name, &o.Level, &o.Place, &o.Superior)
	if err := notFound(err, "org"); err != nil {
		return nil, err
	}
	return &o, nil
}

// Orgs lists every organisation by id.
func (q *Queries) Orgs(ctx context.Context) ([]domain.Org, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT id, name, level, place, superior FROM orgs ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list orgs: %w", err)
	}
	defer rows.Close()
	var out []domain.Org
	for rows.Next() {
		var o domain.Org
		if err := rows.Scan(&o.ID, &o.Name, &o.Level, &o.Place, &o.Superior); err != nil {
			return nil, fmt.Errorf("list orgs: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// CreateBlock inserts a block; a name already used in the org gives domain.ErrDuplicate.
func (tx *Tx) CreateBlock(ctx context.Context, b *domain.Block) error {
	err := tx.db.QueryRowContext(ctx, `INSERT INTO blocks (org_id, name) VALUES ($1, $2) RETURNING id`, b.OrgID, b.Name).Scan(&b.ID)
	if isUniqueViolation(err) {
		return fmt.Errorf("khối %q %w", b.Name, domain.ErrDuplicate)
	}
	if err != nil {
		return fmt.Errorf("create block: %w", err)
	}
	return nil
}

// Blocks lists an organisation's blocks by name.
func (q *Queries) Blocks(ctx context.Context, orgID int64) ([]domain.Block, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT id, org_id, name FROM blocks WHERE org_id = $1 ORDER BY id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("list blocks: %w", err)
	}
	defer rows.Close()
	var out []domain.Block
	for rows.Next() {
		var b domain.Block
		if err := rows.Scan(&b.ID, &b.OrgID, &b.Name); err != nil {
			return nil, fmt.Errorf("list blocks: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// CreateSector inserts a sector; a name already used gives domain.ErrDuplicate.
func (tx *Tx) CreateSector(ctx context.Context, s *domain.Sector) error {
	err := tx.db.QueryRowContext(ctx, `INSERT INTO sectors (org_id, name) VALUES ($1, $2) RETURNING id`, s.OrgID, s.Name).Scan(&s.ID)
	if isUniqueViolation(err) {
		return fmt.Errorf("lĩnh vực %q %w", s.Name, domain.ErrDuplicate)
	}
	if err != nil {
		return fmt.Errorf("create sector: %w", err)
	}
	return nil
}

// Sectors lists an organisation's sectors.
func (q *Queries) Sectors(ctx context.Context, orgID int64) ([]domain.Sector, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT id, org_id, name FROM sectors WHERE org_id = $1 ORDER BY id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("list sectors: %w", err)
	}
	defer rows.Close()
	var out []domain.Sector
	for rows.Next() {
		var s domain.Sector
		if err := rows.Scan(&s.ID, &s.OrgID, &s.Name); err != nil {
			return nil, fmt.Errorf("list sectors: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// CreateUnit inserts a unit with its aliases. A name or alias already used in
// the organisation gives domain.ErrDuplicate.
func (tx *Tx) CreateUnit(ctx context.Context, u *domain.Unit) error {
	err := tx.db.QueryRowContext(ctx,
		`INSERT INTO units (org_id, block_id, sector_id, name, kind, active, version) VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
		u.OrgID, idArg(u.BlockID), idArg(u.SectorID), u.Name, u.Kind, boolInt(u.Active)).Scan(&u.ID)
	if isUniqueViolation(err) {
		return fmt.Errorf("đơn vị %q %w", u.Name, domain.ErrDuplicate)
	}
	if err != nil {
		return fmt.Errorf("create unit: %w", err)
	}
	u.Version = 1
	return tx.setAliases(ctx, u)
}

// UpdateUnit saves a unit if nobody changed it since version u.Version was
// read (else domain.ErrConflict), and bumps the version.
func (tx *Tx) UpdateUnit(ctx context.Context, u *domain.Unit) error {
	res, err := tx.db.ExecContext(ctx,
		`UPDATE units SET block_id = $1, sector_id = $2, name = $3, kind = $4, active = $5, version = version + 1
		 WHERE id = $6 AND org_id = $7 AND version = $8`,
		idArg(u.BlockID), idArg(u.SectorID), u.Name, u.Kind, boolInt(u.Active), u.ID, u.OrgID, u.Version)
	if isUniqueViolation(err) {
		return fmt.Errorf("đơn vị %q %w", u.Name, domain.ErrDuplicate)
	}
	if err != nil {
		return fmt.Errorf("update unit: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrConflict
	}
	u.Version++
	if _, err := tx.db.ExecContext(ctx, `DELETE FROM unit_aliases WHERE unit_id = $1`, u.ID); err != nil {
		return fmt.Errorf("update unit aliases: %w", err)
	}
	return tx.setAliases(ctx, u)
}

func (tx *Tx) setAliases(ctx context.Context, u *domain.Unit) error {
	seen := map[string]bool{textfold.Fold(u.Name): true}
	var kept []string
	for _, a := range u.Aliases {
		a = strings.TrimSpace(a)
		f := textfold.Fold(a)
		if a == "" || seen[f] {
			continue
		}
		seen[f] = true
		kept = append(kept, a)
		_, err := tx.db.ExecContext(ctx, `INSERT INTO unit_aliases (unit_id, org_id, alias, alias_fold) VALUES ($1, $2, $3, $4)`,
			u.ID, u.OrgID, a, f)
		if isUniqueViolation(err) {
			return fmt.Errorf("tên gọi khác %q đã dùng cho đơn vị khác: %w", a, domain.ErrDuplicate)
		}
		if err != nil {
			return fmt.Errorf("save alias: %w", err)
		}
	}
	u.Aliases = kept
	return nil
}

// Unit returns one unit of the organisation, or domain.ErrNotFound.
func (q *Queries) Unit(ctx context.Context, orgID, id int64) (*domain.Unit, error) {
	us, err := q.units(ctx, `WHERE u.org_id = $1 AND u.id = $2`, orgID, id)
	if err != nil {
		return nil, err
	}
	if len(us) == 0 {
		return nil, fmt.Errorf("unit %d: %w", id, domain.ErrNotFound)
	}
	return &us[0], nil
}

// Units lists an organisation's units (active and not) in directory order.
func (q *Queries) Units(ctx context.Context, orgID int64) ([]domain.Unit, error) {
	return q.units(ctx, `WHERE u.org_id = $1`, orgID)
}

func (q *Queries) units(ctx context.Context, where string, args ...any) ([]domain.Unit, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT u.id, u.org_id, u.block_id, u.sector_id, u.name, u.kind, u.active, u.version
		FROM units u `+where+` ORDER BY u.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list units: %w", err)
	}
	defer rows.Close()
	var out []domain.Unit
	idx := map[int64]int{}
	for rows.Next() {
		var u domain.Unit
		var active int
		if err := rows.Scan(&u.ID, &u.OrgID, nullID{&u.BlockID}, nullID{&u.SectorID}, &u.Name, &u.Kind, &active, &u.Version); err != nil {
			return nil, fmt.Errorf("list units: %w", err)
		}
		u.Active = active == 1
		idx[u.ID] = len(out)
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list units: %w", err)
	}
	rows.Close()
	if len(out) == 0 {
		return out, nil
	}
	arows, err := q.db.QueryContext(ctx, `SELECT unit_id, alias FROM unit_aliases WHERE org_id = $1 ORDER BY alias`, out[0].OrgID)
	if err != nil {
		return nil, fmt.Errorf("list aliases: %w", err)
	}
	defer arows.Close()
	for arows.Next() {
		var id int64
		var a string
		if err := arows.Scan(&id, &a); err != nil {
			return nil, fmt.Errorf("list aliases: %w", err)
		}
		if i, ok := idx[id]; ok {
			out[i].Aliases = append(out[i].Aliases, a)
		}
	}
	for i := range out {
		sort.Strings(out[i].Aliases)
	}
	return out, arows.Err()
}
