package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/textfold"
)

// Groups of units (table unit_groups): named sets of units that notices
// address together, with their aliases, rule and named members; and the
// links of tasks and meetings to them.

// CreateGroup inserts a group with its aliases and members. A name or alias
// already used by another group of the organisation gives domain.ErrDuplicate.
func (tx *Tx) CreateGroup(ctx context.Context, g *domain.Group) error {
	err := tx.db.QueryRowContext(ctx, `INSERT INTO unit_groups (org_id, name, member_kinds, block_id, is_open, version)
		VALUES ($1, $2, $3, $4, $5, 1) RETURNING id`,
		g.OrgID, g.Name, strings.Join(g.MemberKinds, ", "), idArg(g.BlockID), boolInt(g.Open)).Scan(&g.ID)
	if isUniqueViolation(err) {
		return fmt.Errorf("nhóm %q %w", g.Name, domain.ErrDuplicate)
	}
	if err != nil {
		return fmt.Errorf("create group: %w", err)
	}
	g.Version = 1
	return tx.setGroupParts(ctx, g)
}

// UpdateGroup saves a group if nobody changed it since version g.Version was
// read (else domain.ErrConflict), and bumps the version.
func (tx *Tx) UpdateGroup(ctx context.Context, g *domain.Group) error {
	res, err := tx.db.ExecContext(ctx, `UPDATE unit_groups SET name = $1, member_kinds = $2, block_id = $3, is_open = $4, version = version + 1
		WHERE id = $5 AND org_id = $6 AND version = $7`,
		g.Name, strings.Join(g.MemberKinds, ", "), idArg(g.BlockID), boolInt(g.Open), g.ID, g.OrgID, g.Version)
	if isUniqueViolation(err) {
		return fmt.Errorf("nhóm %q %w", g.Name, domain.ErrDuplicate)
	}
	if err != nil {
		return fmt.Errorf("update group: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrConflict
	}
	g.Version++
	for _, table := range []string{"group_aliases", "group_members"} {
		if _, err := tx.db.ExecContext(ctx, `DELETE FROM `+table+` WHERE group_id = $1`, g.ID); err != nil {
			return fmt.Errorf("update group: %w", err)
		}
	}
	return tx.setGroupParts(ctx, g)
}

// setGroupParts writes a group's aliases (each once, never its own name) and members.
func (tx *Tx) setGroupParts(ctx context.Context, g *domain.Group) error {
	seen := map[string]bool{textfold.Fold(g.Name): true}
	var kept []string
	for _, a := range g.Aliases {
		a = strings.TrimSpace(a)
		f := textfold.Fold(a)
		if a == "" || seen[f] {
			continue
		}
		seen[f] = true
		kept = append(kept, a)
		_, err := tx.db.ExecContext(ctx, `INSERT INTO group_aliases (group_id, org_id, alias, alias_fold) VALUES ($1, $2, $3, $4)`,
			g.ID, g.OrgID, a, f)
		if isUniqueViolation(err) {
			return fmt.Errorf("tên gọi khác %q đã dùng cho nhóm khác: %w", a, domain.ErrDuplicate)
		}
		if err != nil {
			return fmt.Errorf("save group alias: %w", err)
		}
	}
	g.Aliases = kept
	members := map[int64]bool{}
	for _, id := range g.Members {
		if members[id] {
			continue
		}
		members[id] = true
		if _, err := tx.db.ExecContext(ctx, `INSERT INTO group_members (group_id, unit_id) VALUES ($1, $2)`, g.ID, id); err != nil {
			return fmt.Errorf("save group member: %w", err)
		}
	}
	return nil
}

// Groups lists an organisation's groups by id, with aliases and members.
func (q *Queries) Groups(ctx context.Context, orgID int64) ([]domain.Group, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT id, org_id, name, member_kinds, block_id, is_open, version FROM unit_groups
		WHERE org_id = $1 ORDER BY id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("list groups: %w", err)
	}
	defer rows.Close()
	var out []domain.Group
	idx := map[int64]int{}
	for rows.Next() {
		var g domain.Group
		var kinds string
		var open int
		if err := rows.Scan(&g.ID, &g.OrgID, &g.Name, &kinds, nullID{&g.BlockID}, &open, &g.Version); err != nil {
			return nil, fmt.Errorf("list groups: %w", err)
		}
		g.Open = open == 1
		for _, k := range strings.Split(kinds, ",") {
			if k = strings.TrimSpace(k); k != "" {
				g.MemberKinds = append(g.MemberKinds, k)
			}
		}
		idx[g.ID] = len(out)
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list groups: %w", err)
	}
	rows.Close()
	if len(out) == 0 {
		return out, nil
	}
	ar, err := q.db.QueryContext(ctx, `SELECT group_id, alias FROM group_aliases WHERE org_id = $1 ORDER BY alias`, orgID)
	if err != nil {
		return nil, fmt.Errorf("list group aliases: %w", err)
	}
	defer ar.Close()
	for ar.Next() {
		var id int64
		var a string
		if err := ar.Scan(&id, &a); err != nil {
			return nil, fmt.Errorf("list group aliases: %w", err)
		}
		if i, ok := idx[id]; ok {
			out[i].Aliases = append(out[i].Aliases, a)
		}
	}
	if err := ar.Err(); err != nil {
		return nil, fmt.Errorf("list group aliases: %w", err)
	}
	ar.Close()
	mr, err := q.db.QueryContext(ctx, `SELECT m.group_id, m.unit_id FROM group_members m JOIN unit_groups g ON g.id = m.group_id
		WHERE g.org_id = $1 ORDER BY m.unit_id`, orgID)
	if err != nil {
		return nil, fmt.Errorf("list group members: %w", err)
	}
	defer mr.Close()
	for mr.Next() {
		var id, unit int64
		if err := mr.Scan(&id, &unit); err != nil {
			return nil, fmt.Errorf("list group members: %w", err)
		}
		if i, ok := idx[id]; ok {
			out[i].Members = append(out[i].Members, unit)
		}
	}
	for i := range out {
		sort.Strings(out[i].Aliases)
	}
	return out, mr.Err()
}

// setTaskGroups writes the task_groups rows of t (a group named twice keeps
// its first role).
func (tx *Tx) setTaskGroups(ctx context.Context, t *domain.Task) error {
	seen := map[int64]bool{}
	for _, ids := range []struct {
		ids  []int64
		role string
	}{{t.LeadGroups, roleLead}, {t.SupportGroups, roleSupport}} {
		for _, id := range ids.ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			if _, err := tx.db.ExecContext(ctx, `INSERT INTO task_groups (task_id, group_id, role) VALUES ($1, $2, $3)`, t.ID, id, ids.role); err != nil {
				return fmt.Errorf("task groups: %w", err)
			}
		}
	}
	return nil
}

// fillTaskGroups adds the groups rows name, ids being their task ids (idx
// maps a task id to its row).
func (q *Queries) fillTaskGroups(ctx context.Context, rows []TaskRow, idx map[int64]int, ids []any) error {
	gr, err := q.db.QueryContext(ctx, `SELECT task_id, group_id, role FROM task_groups WHERE task_id IN (`+placeholders(1, len(ids))+`)
		ORDER BY task_id, role, group_id`, ids...)
	if err != nil {
		return fmt.Errorf("task groups: %w", err)
	}
	defer gr.Close()
	for gr.Next() {
		var tid, gid int64
		var role string
		if err := gr.Scan(&tid, &gid, &role); err != nil {
			return fmt.Errorf("task groups: %w", err)
		}
		r := &rows[idx[tid]]
		if role == roleLead {
			r.LeadGroups = append(r.LeadGroups, gid)
		} else {
			r.SupportGroups = append(r.SupportGroups, gid)
		}
	}
	return gr.Err()
}
