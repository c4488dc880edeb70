package app

import (
	"context"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// ExportLimit is the most tasks one exported list holds; a larger selection
// is cut there and the file says so.
const ExportLimit = 20000

// ExportTask is one task of an exported list, with the names and the
// progress a reader needs beside it.
type ExportTask struct {
	store.TaskRow
	Leads    string // lead units' names, joined with ", "
	Supports string // support units' names
	Progress store.TaskProgress
}

// TaskExport is a whole task list for a file: every task matching a filter
// that the actor may see, up to a limit.
type TaskExport struct {
	Org   domain.Org
	Today domain.Date
	Tasks []ExportTask
	// Total is how many tasks match; more than len(Tasks) when the list was cut.
	Total int
}

// Capped reports whether the list was cut at the limit.
func (e *TaskExport) Capped() bool { return e.Total > len(e.Tasks) }

// ExportTasks lists every task matching f that the actor may see (a unit user:
// their unit's tasks only), in f's order, at most limit of them (ExportLimit
// when limit is 0 or larger), with each task's latest report and pending
// extension. f's Limit and Offset are ignored.
func (s *Service) ExportTasks(ctx context.Context, actor *domain.User, f store.TaskFilter, limit int) (*TaskExport, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	if limit <= 0 || limit > ExportLimit {
		limit = ExportLimit
	}
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	s.scope(actor, &f)
	out := &TaskExport{Org: dir.Org, Today: f.Today}
	var rows []store.TaskRow
	f.Limit = min(500, limit)
	for f.Offset = 0; len(rows) < limit; f.Offset += f.Limit {
		page, total, err := s.st.Tasks(ctx, f)
		if err != nil {
			return nil, err
		}
		out.Total = total
		rows = append(rows, page...)
		if len(page) < f.Limit || f.Offset+len(page) >= total {
			break
		}
	}
	if len(rows) > limit {
		rows = rows[:limit]
	}
	ids := make([]int64, len(rows))
	for i := range rows {
		ids[i] = rows[i].ID
	}
	progress, err := s.st.TasksProgress(ctx, ids)
	if err != nil {
		return nil, err
	}
	out.Tasks = make([]ExportTask, len(rows))
	for i, r := range rows {
		out.Tasks[i] = ExportTask{TaskRow: r, Leads: dir.UnitNames(r.Lead), Supports: dir.UnitNames(r.Support), Progress: progress[r.ID]}
	}
	return out, nil
}
