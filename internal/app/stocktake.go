package app

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// StocktakeData is what the stocktake report (báo cáo tình hình thực hiện
// kết luận) states: every notice issued since a day, each task with its
// standing today, the overdue tasks and the totals per lead unit.
type StocktakeData struct {
	Org     domain.Org
	Today   domain.Date
	Since   domain.Date
	Block   string // the block's name; "" for every block
	Notices []StocktakeNotice
	// Overdue lists the open tasks past their due day, most overdue first.
	Overdue []StocktakeTask
	// Units are the per-lead-unit totals, most overdue first: they count
	// lead assignments (a task with two lead units is in two rows).
	Units []StocktakeUnit
	// Assignments sums Units: lead assignments (lượt giao đơn vị chủ trì).
	Assignments StocktakeUnit
	// Total counts the tasks of Notices, each once.
	Total StocktakeUnit
	// Unresolved counts the tasks of Total that no unit leads yet
	// (chưa xác định đơn vị): in no row of Units.
	Unresolved int
}

// StocktakeNotice is one notice and its tasks in the order they were recorded.
type StocktakeNotice struct {
	ID       int64
	Code     string // "12/TB-UBND"
	IssuedOn domain.Date
	Title    string
	Tasks    []StocktakeTask
}

// StocktakeTask is one task as the report lists it.
type StocktakeTask struct {
	ID           int64
	NoticeCode   string
	Text         string
	Lead         string // lead units' names, joined with ", "
	Due          domain.Date
	Deadline     string // the deadline as worded when it has no single day ("hàng tháng (ngày 25)")
	Status       domain.Status
	DaysOverdue  int
	LastReport   string // the latest report's text; "" when none was filed
	LastReportOn domain.Date
}

// StocktakeUnit is one lead unit's totals.
type StocktakeUnit struct {
	Name       string
	Assigned   int
	DoneOnTime int
	DoneLate   int
	Open       int // open and in time (due soon included)
	Overdue    int
	LastUpdate domain.Date // the latest change to any of its tasks
}

// Stocktake gathers the stocktake report: the issued notices with an issue
// date on or after since (all of them when since is zero), their tasks of
// block blockID (0: every block), each task's standing today and last
// report, the overdue tasks, and the totals per lead unit. A unit user gets
// only the tasks of their unit. It fails with domain.ErrUnauthenticated
// without a user and with domain.ErrInvalid for an unknown block.
func (s *Service) Stocktake(ctx context.Context, actor *domain.User, blockID int64, since domain.Date) (*StocktakeData, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	data := &StocktakeData{Org: dir.Org, Today: s.Today(), Since: since}
	if blockID != 0 {
		if data.Block = dir.BlockName(blockID); data.Block == "" {
			return nil, invalid("khối không tồn tại")
		}
	}
	notices, err := s.stocktakeNotices(ctx, actor.OrgID, since)
	if err != nil {
		return nil, err
	}
	units := map[string]*StocktakeUnit{}
	counted := map[int64]bool{}
	for _, n := range notices {
		f := store.TaskFilter{OrgID: actor.OrgID, NoticeID: n.ID, BlockID: blockID}
		s.scope(actor, &f)
		rows, err := s.allTasks(ctx, f)
		if err != nil {
			return nil, err
		}
		if len(rows) == 0 {
			continue
		}
		sn := StocktakeNotice{ID: n.ID, Code: n.Code(), IssuedOn: n.IssuedOn, Title: n.Title}
		for _, r := range rows {
			t, err := s.stocktakeTask(ctx, dir, r)
			if err != nil {
				return nil, err
			}
			t.NoticeCode = sn.Code
			sn.Tasks = append(sn.Tasks, t)
			if t.Status == domain.StatusOverdue {
				data.Overdue = append(data.Overdue, t)
			}
			last := domain.DateOf(r.LastUpdateAt)
			for _, id := range r.Lead {
				u := units[dir.UnitName(id)]
				if u == nil {
					u = &StocktakeUnit{Name: dir.UnitName(id)}
					units[u.Name] = u
				}
				u.add(t.Status, last)
				data.Assignments.add(t.Status, last)
			}
			if len(r.Lead) == 0 && !counted[r.ID] {
				data.Unresolved++
			}
			if !counted[r.ID] {
				counted[r.ID] = true
				data.Total.add(t.Status, last)
			}
		}
		data.Notices = append(data.Notices, sn)
	}
	data.Total.Name = "Tổng số nhiệm vụ"
	data.Assignments.Name = "Tổng lượt giao đơn vị chủ trì"
	sort.SliceStable(data.Overdue, func(i, j int) bool { return data.Overdue[i].DaysOverdue > data.Overdue[j].DaysOverdue })
	for _, u := range units {
		data.Units = append(data.Units, *u)
	}
	sort.Slice(data.Units, func(i, j int) bool {
		a, b := data.Units[i], data.Units[j]
		if a.Overdue != b.Overdue {
			return a.Overdue > b.Overdue
		}
		return a.Name < b.Name
	})
	return data, nil
}

// StocktakeCountNote says what the per-unit table of the stocktake counts:
// lead assignments in its rows, tasks in its total line.
func StocktakeCountNote(d *StocktakeData) string {
	s := fmt.Sprintf("Các dòng theo đơn vị đếm lượt giao đơn vị chủ trì (cộng %d lượt giao): một nhiệm vụ do nhiều đơn vị cùng chủ trì được tính cho mỗi đơn vị. Dòng tổng đếm mỗi nhiệm vụ một lần (%d nhiệm vụ",
		d.Assignments.Assigned, d.Total.Assigned)
	if d.Unresolved > 0 {
		s += fmt.Sprintf(", trong đó %d nhiệm vụ chưa xác định đơn vị chủ trì", d.Unresolved)
	}
	return s + ")."
}

func (u *StocktakeUnit) add(st domain.Status, last domain.Date) {
	u.Assigned++
	switch st {
	case domain.StatusDoneOnTime:
		u.DoneOnTime++
	case domain.StatusDoneLate:
		u.DoneLate++
	case domain.StatusOverdue:
		u.Overdue++
	default:
		u.Open++
	}
	if last.After(u.LastUpdate) {
		u.LastUpdate = last
	}
}

// stocktakeNotices lists the issued notices dated since the day, oldest first.
func (s *Service) stocktakeNotices(ctx context.Context, orgID int64, since domain.Date) ([]domain.Notice, error) {
	var out []domain.Notice
	for offset := 0; ; offset += 200 {
		page, total, err := s.st.Notices(ctx, store.NoticeFilter{OrgID: orgID, State: domain.NoticeIssued, Limit: 200, Offset: offset})
		if err != nil {
			return nil, err
		}
		for _, n := range page {
			if !n.IssuedOn.IsZero() && !n.IssuedOn.Before(since) {
				out = append(out, n)
			}
		}
		if offset+len(page) >= total || len(page) == 0 {
			break
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].IssuedOn.Compare(out[j].IssuedOn); c != 0 {
			return c < 0
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// allTasks lists every task matching f, in the order they were recorded.
func (s *Service) allTasks(ctx context.Context, f store.TaskFilter) ([]store.TaskRow, error) {
	var out []store.TaskRow
	f.Sort, f.Limit = store.SortCreated, 500
	for f.Offset = 0; ; f.Offset += f.Limit {
		page, total, err := s.st.Tasks(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if f.Offset+len(page) >= total || len(page) == 0 {
			break
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (s *Service) stocktakeTask(ctx context.Context, dir *Directory, r store.TaskRow) (StocktakeTask, error) {
	t := StocktakeTask{ID: r.ID, Text: r.Text, Lead: dir.UnitNames(r.Lead), Due: r.DueOn, Status: r.Status, DaysOverdue: r.DaysOverdue}
	if g := dir.GroupNames(r.LeadGroups); g != "" {
		if t.Lead != "" {
			t.Lead += ", "
		}
		t.Lead += g + " (chưa xác định đơn vị)"
	} else if t.Lead == "" {
		t.Lead = "Chưa xác định đơn vị"
	}
	if r.Status == domain.StatusDueSoon {
		t.Status = domain.StatusOpen // the report counts in the Government Office's four buckets
	}
	if k := r.Deadline.Kind; k == domain.DeadlineRecurring || k == domain.DeadlineEvent || (k == domain.DeadlineNone && r.DueOn.IsZero()) {
		t.Deadline = r.Deadline.Describe()
	}
	reports, err := s.st.Reports(ctx, r.ID)
	if err != nil {
		return t, err
	}
	if len(reports) > 0 {
		t.LastReport = strings.Join(strings.Fields(reports[0].Body), " ")
		t.LastReportOn = domain.DateOf(reports[0].CreatedAt)
	}
	return t, nil
}
