package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"giaoban/internal/domain"
	"giaoban/internal/textfold"
)

// Task unit roles in task_units.
const (
	roleLead    = "lead"
	roleSupport = "support"
)

const taskCols = `t.id, t.org_id, t.notice_id, t.section_id, t.text, t.expected_product, t.sector_id, t.is_key, t.legal_refs,
	t.deadline_kind, t.deadline_date, t.deadline_every, t.deadline_day, t.deadline_event, t.event_date, t.event_days,
	t.reported_until, t.extended_to, t.due_on, t.done_on, t.percent, t.last_update_at, t.created_at, t.version, t.block_id,
	t.live, t.origin_id`

// TaskRow is a task as lists show it: the task, its status today, and the
// names a reader needs beside it.
type TaskRow struct {
	domain.Task
	BlockID     int64
	Status      domain.Status
	NoticeCode  string
	NoticeDate  domain.Date
	DaysOverdue int
	// Live reports whether the task counts: it belongs to no notice or to an
	// issued one, and is not a correction's proposed change. Only live tasks
	// appear in lists, counts, exports and feeds (see liveWhere).
	Live bool
}

func scanTask(sc interface{ Scan(...any) error }) (*TaskRow, error) {
	var r TaskRow
	t := &r.Task
	var isKey, live int
	var refs, kind, every, lastUpdate, created string
	err := sc.Scan(&t.ID, &t.OrgID, nullID{&t.NoticeID}, nullID{&t.SectionID}, &t.Text, &t.ExpectedProduct, nullID{&t.SectorID}, &isKey, &refs,
		&kind, nullDate{&t.Deadline.Date}, &every, &t.Deadline.Day, &t.Deadline.Event, nullDate{&t.Deadline.EventDate}, &t.Deadline.EventDays,
		nullDate{&t.ReportedUntil}, nullDate{&t.ExtendedTo}, nullDate{&t.DueOn}, nullDate{&t.DoneOn}, &t.Percent, &lastUpdate, &created, &t.Version,
		nullID{&r.BlockID}, &live, nullID{&t.OriginID})
	if err != nil {
		return nil, err
	}
	r.Live = live == 1
	t.Key, t.LegalRefs = isKey == 1, splitLines(refs)
	t.Deadline.Kind, t.Deadline.Every = domain.DeadlineKind(kind), domain.Every(every)
	t.LastUpdateAt, t.CreatedAt = parseTimestamp(lastUpdate), parseTimestamp(created)
	return &r, nil
}

func taskSearch(t *domain.Task) string {
	return textfold.Fold(t.Text + " " + t.ExpectedProduct + " " + strings.Join(t.LegalRefs, " "))
}

// CreateTask inserts a task, its lead and support units and groups; blockID
// records the block it belongs to (0: none). The derived dates must already
// be refreshed. Whether it counts follows from its notice (see liveOf).
func (tx *Tx) CreateTask(ctx context.Context, t *domain.Task, blockID, createdBy int64) error {
	now := tx.nowText()
	d := t.Deadline
	if d.Kind == "" {
		d.Kind = domain.DeadlineNone
	}
	live, err := tx.liveOf(ctx, t)
	if err != nil {
		return err
	}
	err = tx.db.QueryRowContext(ctx, `INSERT INTO tasks (org_id, notice_id, section_id, block_id, text, expected_product, sector_id, is_key,
		legal_refs, deadline_kind, deadline_date, deadline_every, deadline_day, deadline_event, event_date, event_days, reported_until,
		extended_to, due_on, done_on, percent, last_update_at, search_text, created_by, created_at, version, live, origin_id, needs_units)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, 1,
		$26, $27, $28)
		RETURNING id`,
		t.OrgID, idArg(t.NoticeID), idArg(t.SectionID), idArg(blockID), t.Text, t.ExpectedProduct, idArg(t.SectorID), boolInt(t.Key),
		lines(t.LegalRefs), string(d.Kind), dateArg(d.Date), string(d.Every), d.Day, d.Event, dateArg(d.EventDate), d.EventDays,
		dateArg(t.ReportedUntil), dateArg(t.ExtendedTo), dateArg(t.DueOn), dateArg(t.DoneOn), t.Percent, now, taskSearch(t),
		idArg(createdBy), now, boolInt(live), idArg(t.OriginID), boolInt(t.NeedsUnits())).Scan(&t.ID)
	if err != nil {
		return fmt.Errorf("create task: %w", err)
	}
	t.Version = 1
	t.LastUpdateAt = parseTimestamp(now)
	t.CreatedAt = t.LastUpdateAt
	st := stateOf(t, blockID, live)
	if err := tx.setTaskUnits(ctx, t.ID, &st, now); err != nil {
		return err
	}
	if err := tx.setTaskGroups(ctx, t); err != nil {
		return err
	}
	delta := countDelta{}
	delta.add(&st, 1)
	return tx.applyCounts(ctx, delta)
}

// setTaskUnits writes the task_units rows of task id in state s, with their
// copies of the task's columns.
func (tx *Tx) setTaskUnits(ctx context.Context, id int64, s *taskState, lastUpdate string) error {
	for _, u := range s.units {
		if _, err := tx.db.ExecContext(ctx, `INSERT INTO task_units (task_id, unit_id, role, org_id, block_id, sector_id, is_key,
			due_on, done_on, last_update_at, live) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			id, u.unit, u.role, s.org, s.block, s.sector, s.key, nullText(s.due), nullText(s.done), lastUpdate, boolInt(s.live)); err != nil {
			return fmt.Errorf("task units: %w", err)
		}
	}
	return nil
}

// nullText is a nullable text column's argument: "" means NULL.
func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// UpdateTask saves every field of a task if nobody saved it since version
// t.Version was read (else domain.ErrConflict), and bumps the version. The
// last update is t.LastUpdateAt as given (the current time when zero): only a
// unit's report moves it.
func (tx *Tx) UpdateTask(ctx context.Context, t *domain.Task, blockID int64) error {
	d := t.Deadline
	if d.Kind == "" {
		d.Kind = domain.DeadlineNone
	}
	// The version check below guarantees that the state read here is the one
	// replaced, so its contribution to the counts is the one to take back.
	old, err := tx.storedState(ctx, t.OrgID, t.ID, t.Version)
	if err != nil {
		return err
	}
	live, err := tx.liveOf(ctx, t)
	if err != nil {
		return err
	}
	// last_update_at is the time a unit last reported on the task: it is kept
	// as the caller read it (an Office edit is not a unit's update); a report
	// sets it, and a task built afresh gets the current time.
	last := tx.nowText()
	if !t.LastUpdateAt.IsZero() {
		last = timestamp(t.LastUpdateAt)
	}
	res, err := tx.db.ExecContext(ctx, `UPDATE tasks SET notice_id = $1, section_id = $2, block_id = $3, text = $4, expected_product = $5,
		sector_id = $6, is_key = $7, legal_refs = $8, deadline_kind = $9, deadline_date = $10, deadline_every = $11, deadline_day = $12,
		deadline_event = $13, event_date = $14, event_days = $15, reported_until = $16, extended_to = $17, due_on = $18, done_on = $19,
		percent = $20, last_update_at = $21, search_text = $22, live = $23, origin_id = $24, needs_units = $25, version = version + 1
		WHERE id = $26 AND org_id = $27 AND version = $28`,
		idArg(t.NoticeID), idArg(t.SectionID), idArg(blockID), t.Text, t.ExpectedProduct, idArg(t.SectorID), boolInt(t.Key),
		lines(t.LegalRefs), string(d.Kind), dateArg(d.Date), string(d.Every), d.Day, d.Event, dateArg(d.EventDate), d.EventDays,
		dateArg(t.ReportedUntil), dateArg(t.ExtendedTo), dateArg(t.DueOn), dateArg(t.DoneOn), t.Percent, last, taskSearch(t),
		boolInt(live), idArg(t.OriginID), boolInt(t.NeedsUnits()), t.ID, t.OrgID, t.Version)
	if err != nil {
		return fmt.Errorf("update task: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.ErrConflict
	}
	t.Version++
	t.LastUpdateAt = parseTimestamp(last)
	if _, err := tx.db.ExecContext(ctx, `DELETE FROM task_units WHERE task_id = $1`, t.ID); err != nil {
		return fmt.Errorf("update task units: %w", err)
	}
	st := stateOf(t, blockID, live)
	if err := tx.setTaskUnits(ctx, t.ID, &st, last); err != nil {
		return err
	}
	if _, err := tx.db.ExecContext(ctx, `DELETE FROM task_groups WHERE task_id = $1`, t.ID); err != nil {
		return fmt.Errorf("update task groups: %w", err)
	}
	if err := tx.setTaskGroups(ctx, t); err != nil {
		return err
	}
	delta := countDelta{}
	delta.add(&old, -1)
	delta.add(&st, 1)
	return tx.applyCounts(ctx, delta)
}

// LockTask holds task id's row until the transaction ends, so that writes
// that carry no version of their own — a report, an extension request or
// decision — wait for one another instead of failing on each other's
// version (domain.ErrConflict). A task that does not exist locks nothing.
func (tx *Tx) LockTask(ctx context.Context, id int64) error {
	if _, err := tx.db.ExecContext(ctx, `SELECT id FROM tasks WHERE id = $1`+tx.d.forUpdate(), id); err != nil {
		return fmt.Errorf("lock task: %w", err)
	}
	return nil
}

// Task returns one task of the organisation with its units, or domain.ErrNotFound.
func (q *Queries) Task(ctx context.Context, orgID, id int64, today domain.Date, soonDays int) (*TaskRow, error) {
	r, err := scanTask(q.db.QueryRowContext(ctx, `SELECT `+taskCols+` FROM tasks t WHERE t.org_id = $1 AND t.id = $2`, orgID, id))
	if err := notFound(err, "task"); err != nil {
		return nil, err
	}
	rows := []TaskRow{*r}
	if err := q.fillTaskRows(ctx, rows, today, soonDays); err != nil {
		return nil, err
	}
	return &rows[0], nil
}

// fillTaskRows adds units, status and notice codes to rows in two queries.
func (q *Queries) fillTaskRows(ctx context.Context, rows []TaskRow, today domain.Date, soonDays int) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]any, len(rows))
	idx := map[int64]int{}
	notices := map[int64]bool{}
	for i := range rows {
		ids[i] = rows[i].ID
		idx[rows[i].ID] = i
		rows[i].Lead, rows[i].Support, rows[i].LeadGroups, rows[i].SupportGroups = nil, nil, nil, nil
		rows[i].Status = rows[i].Task.Status(today, soonDays)
		rows[i].DaysOverdue = domain.DaysOverdue(rows[i].DueOn, rows[i].DoneOn, today)
		if rows[i].NoticeID != 0 {
			notices[rows[i].NoticeID] = true
		}
	}
	ur, err := q.db.QueryContext(ctx, `SELECT task_id, unit_id, role FROM task_units WHERE task_id IN (`+placeholders(1, len(ids))+`) ORDER BY task_id, role, unit_id`, ids...)
	if err != nil {
		return fmt.Errorf("task units: %w", err)
	}
	defer ur.Close()
	for ur.Next() {
		var tid, uid int64
		var role string
		if err := ur.Scan(&tid, &uid, &role); err != nil {
			return fmt.Errorf("task units: %w", err)
		}
		r := &rows[idx[tid]]
		if role == roleLead {
			r.Lead = append(r.Lead, uid)
		} else {
			r.Support = append(r.Support, uid)
		}
	}
	if err := ur.Err(); err != nil {
		return fmt.Errorf("task units: %w", err)
	}
	ur.Close()
	if err := q.fillTaskGroups(ctx, rows, idx, ids); err != nil {
		return err
	}
	if len(notices) == 0 {
		return nil
	}
	nids := make([]any, 0, len(notices))
	for id := range notices {
		nids = append(nids, id)
	}
	nr, err := q.db.QueryContext(ctx, `SELECT id, number, symbol, issued_on FROM notices WHERE id IN (`+placeholders(1, len(nids))+`)`, nids...)
	if err != nil {
		return fmt.Errorf("task notices: %w", err)
	}
	defer nr.Close()
	type nm struct {
		code string
		date domain.Date
	}
	names := map[int64]nm{}
	for nr.Next() {
		var id int64
		var num, sym string
		var d domain.Date
		if err := nr.Scan(&id, &num, &sym, nullDate{&d}); err != nil {
			return fmt.Errorf("task notices: %w", err)
		}
		code := ""
		if num != "" || sym != "" {
			code = num + "/" + sym
		}
		names[id] = nm{code, d}
	}
	for i := range rows {
		if n, ok := names[rows[i].NoticeID]; ok {
			rows[i].NoticeCode, rows[i].NoticeDate = n.code, n.date
		}
	}
	return nr.Err()
}

// TaskSort orders a task list.
type TaskSort string

// Task orders.
const (
	SortDue        TaskSort = "due"         // overdue first, then by due day
	SortLastUpdate TaskSort = "last_update" // least recently updated first
	SortCreated    TaskSort = "created"     // newest first
)

// TaskFilter selects tasks. OrgID is required; zero fields select all.
type TaskFilter struct {
	OrgID int64
	// VisibleTo restricts the list to tasks a unit leads or supports; the
	// service sets it for unit users whatever they ask for.
	VisibleTo int64
	UnitID    int64 // tasks this unit leads or supports
	LeadOnly  bool  // with UnitID: only tasks it leads
	BlockID   int64
	SectorID  int64
	MeetingID int64
	NoticeID  int64
	Statuses  []domain.Status
	Key       bool
	DueFrom   domain.Date
	DueTo     domain.Date
	Query     string
	Sort      TaskSort
	Today     domain.Date
	SoonDays  int
	Limit     int
	Offset    int

	// Unresolved keeps the tasks waiting for the Office to say which units
	// lead them: no lead unit (led by a group not yet expanded, or by
	// nobody yet). domain.Task.NeedsUnits is the rule.
	Unresolved bool
	// WithDrafts also lists tasks that do not count (a draft notice's tasks,
	// proposed changes of a correction): the service sets it only for the
	// Office looking at one notice.
	WithDrafts bool
}

// statusExpr mirrors domain.ComputeStatus in SQL, with $today and $soon (the
// first day no longer "sắp đến hạn") as the given placeholders.
func statusExpr(today, soon string) string {
	return `CASE WHEN t.done_on IS NOT NULL THEN
		  CASE WHEN t.due_on IS NULL OR t.done_on <= t.due_on THEN 'done_on_time' ELSE 'done_late' END
		WHEN t.due_on IS NULL THEN 'open'
		WHEN t.due_on < ` + today + ` THEN 'overdue'
		WHEN t.due_on < ` + soon + ` THEN 'due_soon'
		ELSE 'open' END`
}

// statusCond is the WHERE condition for one bucket, written so that indexes on
// (done_on, due_on) serve it.
func statusCond(s domain.Status, today, soon string) string {
	switch s {
	case domain.StatusDoneOnTime:
		return `(t.done_on IS NOT NULL AND (t.due_on IS NULL OR t.done_on <= t.due_on))`
	case domain.StatusDoneLate:
		return `(t.done_on IS NOT NULL AND t.due_on IS NOT NULL AND t.done_on > t.due_on)`
	case domain.StatusOverdue:
		return `(t.done_on IS NULL AND t.due_on < ` + today + `)`
	case domain.StatusDueSoon:
		return `(t.done_on IS NULL AND t.due_on >= ` + today + ` AND t.due_on < ` + soon + `)`
	case domain.StatusOpen:
		return `(t.done_on IS NULL AND (t.due_on IS NULL OR t.due_on >= ` + soon + `))`
	}
	return `1=0`
}

// where builds the WHERE clause of f into a.
func (f *TaskFilter) where(a *argList) string {
	w := "WHERE t.org_id = " + a.add(f.OrgID) + f.liveWhere("t.")
	if f.Unresolved {
		w += " AND t.needs_units = 1"
	}
	if f.VisibleTo != 0 {
		w += " AND t.id IN (SELECT task_id FROM task_units WHERE unit_id = " + a.add(f.VisibleTo) + ")"
	}
	if f.UnitID != 0 {
		role := ""
		if f.LeadOnly {
			role = " AND role = 'lead'"
		}
		w += " AND t.id IN (SELECT task_id FROM task_units WHERE unit_id = " + a.add(f.UnitID) + role + ")"
	}
	if f.BlockID != 0 {
		w += " AND t.block_id = " + a.add(f.BlockID)
	}
	if f.SectorID != 0 {
		w += " AND t.sector_id = " + a.add(f.SectorID)
	}
	if f.NoticeID != 0 {
		w += " AND t.notice_id = " + a.add(f.NoticeID)
	}
	if f.MeetingID != 0 {
		w += " AND t.notice_id IN (SELECT id FROM notices WHERE meeting_id = " + a.add(f.MeetingID) + ")"
	}
	if f.Key {
		w += " AND t.is_key = 1"
	}
	if !f.DueFrom.IsZero() {
		w += " AND t.due_on >= " + a.add(f.DueFrom.String())
	}
	if !f.DueTo.IsZero() {
		w += " AND t.due_on <= " + a.add(f.DueTo.String())
	}
	if f.Query != "" {
		w += " AND t.search_text LIKE " + a.add(textfold.LikePattern(f.Query)) + likeEscape
	}
	if len(f.Statuses) > 0 {
		// Placeholders are added only when a condition uses them.
		var today, soon string
		var cs []string
		for _, s := range f.Statuses {
			c := statusCond(s, "{today}", "{soon}")
			if strings.Contains(c, "{today}") && today == "" {
				today = a.add(f.Today.String())
			}
			if strings.Contains(c, "{soon}") && soon == "" {
				soon = a.add(f.soon())
			}
			cs = append(cs, strings.NewReplacer("{today}", today, "{soon}", soon).Replace(c))
		}
		w += " AND (" + strings.Join(cs, " OR ") + ")"
	}
	return w
}

func (f *TaskFilter) soon() string {
	if f.SoonDays < 0 {
		return f.Today.String()
	}
	return f.Today.AddDays(f.SoonDays).String()
}

// Tasks lists one page of tasks matching f and the total count.
func (q *Queries) Tasks(ctx context.Context, f TaskFilter) ([]TaskRow, int, error) {
	if f.countable() {
		return q.countedTasks(ctx, f)
	}
	return q.exactTasks(ctx, f)
}

// exactTasks is Tasks by reading every matching task: the reference the
// counted path is tested against, and the path of filters it cannot serve.
func (q *Queries) exactTasks(ctx context.Context, f TaskFilter) ([]TaskRow, int, error) {
	var a argList
	where := f.where(&a)
	var total int
	from := f.from(q.d)
	if err := q.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+from+where, a.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count tasks: %w", err)
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	var order string
	switch f.Sort {
	case SortLastUpdate:
		order = `t.done_on IS NOT NULL, t.last_update_at, t.id`
	case SortCreated:
		order = `t.id DESC`
	default:
		order = `CASE WHEN t.done_on IS NULL AND t.due_on < ` + a.add(f.Today.String()) +
			` THEN 0 WHEN t.done_on IS NULL THEN 1 ELSE 2 END, t.due_on IS NULL, t.due_on, t.id`
	}
	rows, err := q.db.QueryContext(ctx, fmt.Sprintf(`SELECT %s FROM %s%s ORDER BY %s LIMIT %s OFFSET %s`,
		taskCols, from, where, order, a.add(f.Limit), a.add(f.Offset)), a.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("list tasks: %w", err)
	}
	defer rows.Close()
	var out []TaskRow
	for rows.Next() {
		r, err := scanTask(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("list tasks: %w", err)
		}
		out = append(out, *r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("list tasks: %w", err)
	}
	rows.Close()
	if err := q.fillTaskRows(ctx, out, f.Today, f.SoonDays); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// StatusCounts counts the tasks matching f (its Statuses ignored) per bucket;
// buckets without tasks are absent.
func (q *Queries) StatusCounts(ctx context.Context, f TaskFilter) (map[domain.Status]int, error) {
	if f.countable() {
		return q.countedStatusCounts(ctx, f)
	}
	return q.exactStatusCounts(ctx, f)
}

// exactStatusCounts is StatusCounts by reading every matching task.
func (q *Queries) exactStatusCounts(ctx context.Context, f TaskFilter) (map[domain.Status]int, error) {
	f.Statuses = nil
	var a argList
	st := statusExpr(a.add(f.Today.String()), a.add(f.soon()))
	where := f.where(&a)
	rows, err := q.db.QueryContext(ctx, `SELECT `+st+` AS st, COUNT(*) FROM `+f.from(q.d)+where+` GROUP BY st`, a.args...)
	if err != nil {
		return nil, fmt.Errorf("status counts: %w", err)
	}
	defer rows.Close()
	out := map[domain.Status]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, fmt.Errorf("status counts: %w", err)
		}
		out[domain.Status(s)] = n
	}
	return out, rows.Err()
}

// UnitStats is one row of the per-unit follow-up table.
type UnitStats struct {
	UnitID     int64
	Assigned   int // tasks it leads
	DoneOnTime int
	DoneLate   int
	Open       int // open and in time (includes due soon)
	Overdue    int
	LastUpdate time.Time // the latest update of any task it leads
}

// StatsByUnit counts, per lead unit, the tasks matching f (Statuses and
// UnitID ignored), most overdue first. With VisibleTo set, only that unit's
// own row is returned: the tasks it leads.
func (q *Queries) StatsByUnit(ctx context.Context, f TaskFilter) ([]UnitStats, error) {
	f.Statuses, f.UnitID = nil, 0
	if f.countable() {
		return q.countedStatsByUnit(ctx, f)
	}
	return q.exactVisibleStatsByUnit(ctx, f)
}

// exactVisibleStatsByUnit is exactStatsByUnit narrowed as StatsByUnit
// promises: with f.VisibleTo set, only that unit's own row.
func (q *Queries) exactVisibleStatsByUnit(ctx context.Context, f TaskFilter) ([]UnitStats, error) {
	all, err := q.exactStatsByUnit(ctx, f)
	if err != nil || f.VisibleTo == 0 {
		return all, err
	}
	out := []UnitStats{}
	for _, s := range all {
		if s.UnitID == f.VisibleTo {
			out = append(out, s)
		}
	}
	return out, nil
}

// exactStatsByUnit is StatsByUnit by reading every matching task, with a row
// for every lead unit of the tasks visible to f.VisibleTo.
func (q *Queries) exactStatsByUnit(ctx context.Context, f TaskFilter) ([]UnitStats, error) {
	f.Statuses = nil
	f.UnitID = 0
	var a argList
	st := statusExpr(a.add(f.Today.String()), a.add(f.soon()))
	where := f.where(&a)
	rows, err := q.db.QueryContext(ctx, `SELECT tu.unit_id, `+st+` AS st, COUNT(*), MAX(t.last_update_at)
		FROM `+f.from(q.d)+`JOIN task_units tu ON tu.task_id = t.id AND tu.role = 'lead' `+where+` GROUP BY tu.unit_id, st`, a.args...)
	if err != nil {
		return nil, fmt.Errorf("unit stats: %w", err)
	}
	defer rows.Close()
	by := map[int64]*UnitStats{}
	for rows.Next() {
		var uid int64
		var st, last string
		var n int
		if err := rows.Scan(&uid, &st, &n, &last); err != nil {
			return nil, fmt.Errorf("unit stats: %w", err)
		}
		s := by[uid]
		if s == nil {
			s = &UnitStats{UnitID: uid}
			by[uid] = s
		}
		s.Assigned += n
		switch domain.Status(st) {
		case domain.StatusDoneOnTime:
			s.DoneOnTime += n
		case domain.StatusDoneLate:
			s.DoneLate += n
		case domain.StatusOverdue:
			s.Overdue += n
		default:
			s.Open += n
		}
		if lu := parseTimestamp(last); lu.After(s.LastUpdate) {
			s.LastUpdate = lu
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("unit stats: %w", err)
	}
	out := make([]UnitStats, 0, len(by))
	for _, s := range by {
		out = append(out, *s)
	}
	sortUnitStats(out)
	return out, nil
}

// sortUnitStats puts the most overdue units first.
func sortUnitStats(out []UnitStats) {
	sort.Slice(out, func(i, j int) bool {
		if out[i].Overdue != out[j].Overdue {
			return out[i].Overdue > out[j].Overdue
		}
		return out[i].UnitID < out[j].UnitID
	})
}
