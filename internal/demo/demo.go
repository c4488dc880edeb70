// Package demo holds the demo data `giaoban serve --demo` loads into an empty
// database (data/*.json): the meetings and conclusion notices of five real
// documents with their hand-labelled tasks, follow-up history, and one recent
// meeting dated from today so that every status bucket of the dashboard has
// tasks. It is demo data only: the directory presets the product offers live
// in internal/presets, and everything is entered through app.Service as a
// user would, so the demo holds no rules of its own.
package demo

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/presets"
	"giaoban/internal/textfold"
)

// Login is a demo account printed at start.
type Login struct {
	Username, Password string
	Role               domain.Role
	Unit               string
}

//go:embed data/*.json data/gold/*.json
var dataFS embed.FS

// Password is the password of every demo account; Load prints it with the
// user names, and it is meant to be changed.
const Password = "giaoban2023"

// demoOrg is the demo organisation: a district before the July 2025 reform,
// whose level and superior are data like any other organisation's.
var demoOrg = domain.Org{Name: "UBND huyện Lâm Thao", Level: "huyện (trước 7/2025)", Place: "Lâm Thao", Superior: "UBND TỈNH PHÚ THỌ"}

// demoUsers are the accounts Load creates after the admin; unit is the
// name of a unit of the huyen-vhxh preset.
var demoUsers = []struct {
	username, fullName string
	role               domain.Role
	unit               string
}{
	{"vanphong", "Nguyễn Thị Thu Hà", domain.RoleOffice, ""},
	{"lanhdao", "Ngô Đức Sáu", domain.RoleLeader, ""},
	{"xem", "Trần Văn Minh", domain.RoleViewer, ""},
	{"gddt", "Phạm Thị Lan", domain.RoleUnit, "Phòng Giáo dục và Đào tạo"},
	{"yte", "Lê Văn Hùng", domain.RoleUnit, "Phòng Y tế"},
	{"ldtbxh", "Đỗ Thị Mai", domain.RoleUnit, "Phòng Lao động - Thương binh và Xã hội"},
	{"vhtt", "Hoàng Văn Nam", domain.RoleUnit, "Phòng Văn hóa và Thông tin"},
}

// demoCommunes are communes of the demo district that its notices name, so
// that the group "UBND các xã, thị trấn" has units to expand to.
var demoCommunes = []struct{ name, kind string }{
	{"UBND thị trấn Lâm Thao", "thị trấn"}, {"UBND xã Xuân Lũng", "xã"}, {"UBND xã Sơn Vi", "xã"}, {"UBND xã Phùng Nguyên", "xã"},
}

// seed is one entry of data/seeds.json: a real document's meeting, notice
// and sections, and the follow-up the demo adds to its tasks (gold file).
type seed struct {
	Gold    string `json:"gold"`
	Meeting struct {
		Title        string   `json:"title"`
		Date         string   `json:"date"`
		Time         string   `json:"time"`
		Period       string   `json:"period"`
		PeriodYear   int      `json:"period_year"`
		PeriodNo     int      `json:"period_no"`
		Place        string   `json:"place"`
		Online       bool     `json:"online"`
		BridgePoints []string `json:"bridge_points"`
		Chair        string   `json:"chair"`
		Attendees    string   `json:"attendees"`
		Agenda       string   `json:"agenda"`
		Units        []string `json:"units"`
	} `json:"meeting"`
	Notice      noticeData        `json:"notice"`
	Sections    []sectionData     `json:"sections"`
	DefaultLead string            `json:"default_lead"`
	UnitAliases map[string]string `json:"unit_aliases"`
	Outcomes    []struct {
		Task    int    `json:"task"`
		On      string `json:"on"`
		Body    string `json:"body"`
		Percent int    `json:"percent"`
		Done    bool   `json:"done"`
	} `json:"outcomes"`
}

type noticeData struct {
	Number          string   `json:"number"`
	Symbol          string   `json:"symbol"`
	Place           string   `json:"place"`
	IssuedOn        string   `json:"issued_on"`
	Days            int      `json:"days"`
	Title           string   `json:"title"`
	SignerAuthority string   `json:"signer_authority"`
	SignerTitle     string   `json:"signer_title"`
	SignerName      string   `json:"signer_name"`
	Recipients      []string `json:"recipients"`
}

type sectionData struct {
	Kind    string `json:"kind"`
	Heading string `json:"heading"`
	Body    string `json:"body"`
}

// gold is a hand-labelled task list (data/gold/*.json, copied from the
// evaluation set).
type gold struct {
	Tasks []struct {
		Text    string   `json:"text"`
		Lead    []string `json:"lead"`
		Support []string `json:"support"`
		Due     *string  `json:"due"`
	} `json:"tasks"`
}

// recent is data/recent.json: a meeting a few weeks old whose days count from today.
type recent struct {
	Meeting struct {
		Title     string   `json:"title"`
		Days      int      `json:"days"`
		Time      string   `json:"time"`
		Place     string   `json:"place"`
		Chair     string   `json:"chair"`
		Attendees string   `json:"attendees"`
		Agenda    string   `json:"agenda"`
		Units     []string `json:"units"`
	} `json:"meeting"`
	Notice   noticeData    `json:"notice"`
	Sections []sectionData `json:"sections"`
	Tasks    []struct {
		Text      string   `json:"text"`
		Lead      []string `json:"lead"`
		Support   []string `json:"support"`
		Due       *int     `json:"due"`
		Every     string   `json:"every"`
		Day       int      `json:"day"`
		ThisMonth bool     `json:"this_month"`
		Key       bool     `json:"key"`
		Sector    string   `json:"sector"`
		Reports   []struct {
			Days    int    `json:"days"`
			Percent int    `json:"percent"`
			Done    bool   `json:"done"`
			Body    string `json:"body"`
		} `json:"reports"`
		Extension *struct {
			Days   int    `json:"days"`
			Reason string `json:"reason"`
		} `json:"extension"`
	} `json:"tasks"`
}

func readJSON(name string, v any) error {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("demo data %s: %w", name, err)
	}
	return nil
}

// loader carries what Load has set up while it enters the documents.
type loader struct {
	svc    *app.Service
	admin  *domain.User
	office *domain.User
	// byUnit maps a unit id to its demo account, who files that unit's reports.
	byUnit   map[int64]*domain.User
	dir      *app.Directory
	resolver *app.UnitResolver // over dir
	blockID  int64             // Khối Văn hóa - Xã hội
}

// Load fills an empty database with the demo organisation, its meetings,
// notices, tasks and reports, and one user per role; it returns their logins.
// On a database that already has an organisation it does nothing.
func Load(ctx context.Context, svc *app.Service) ([]Login, error) {
	org := demoOrg
	admin := &domain.User{Username: "admin", FullName: "Quản trị hệ thống"}
	created, err := svc.Bootstrap(ctx, &org, admin, Password)
	if err != nil || !created {
		return nil, err
	}
	logins := []Login{{Username: admin.Username, Password: Password, Role: domain.RoleAdmin}}
	l := &loader{svc: svc, admin: admin, byUnit: map[int64]*domain.User{}}
	if err := presets.Load(ctx, svc, admin, "huyen-vhxh"); err != nil {
		return nil, err
	}
	for _, c := range demoCommunes {
		if err := svc.CreateUnit(ctx, admin, &domain.Unit{Name: c.name, Kind: c.kind}); err != nil {
			return nil, err
		}
	}
	if err := l.refresh(ctx); err != nil {
		return nil, err
	}
	for _, du := range demoUsers {
		u := &domain.User{Username: du.username, FullName: du.fullName, Role: du.role}
		if du.unit != "" {
			unit, ok := l.resolver.Resolve(du.unit)
			if !ok {
				return nil, fmt.Errorf("demo user %s: đơn vị %q: %w", du.username, du.unit, domain.ErrNotFound)
			}
			u.UnitID = unit.ID
			l.byUnit[unit.ID] = u
		}
		if err := svc.CreateUser(ctx, admin, u, Password); err != nil {
			return nil, err
		}
		if du.role == domain.RoleOffice {
			l.office = u
		}
		logins = append(logins, Login{Username: u.Username, Password: Password, Role: u.Role, Unit: du.unit})
	}
	for _, b := range l.dir.Blocks {
		if b.Name == "Khối Văn hóa - Xã hội" {
			l.blockID = b.ID
		}
	}
	var seeds []seed
	if err := readJSON("data/seeds.json", &seeds); err != nil {
		return nil, err
	}
	for i := range seeds {
		if err := l.loadSeed(ctx, &seeds[i]); err != nil {
			return nil, fmt.Errorf("demo %s: %w", seeds[i].Gold, err)
		}
	}
	if err := l.loadRecent(ctx); err != nil {
		return nil, fmt.Errorf("demo recent meeting: %w", err)
	}
	// A year of status history and today's figures, so that the dashboard
	// draws its "overdue over time" chart from the first login.
	if _, err := svc.TakeSnapshots(ctx); err != nil {
		return nil, fmt.Errorf("demo snapshots: %w", err)
	}
	return logins, nil
}

// refresh reads the directory again, after units or aliases were added.
func (l *loader) refresh(ctx context.Context) error {
	d, err := l.svc.Directory(ctx, l.admin)
	if err != nil {
		return err
	}
	l.dir, l.resolver = d, d.Resolver()
	return nil
}

// unitKind guesses the kind of a unit a document names that the preset lacks.
func unitKind(name string) string {
	if strings.HasPrefix(name, "Trường") {
		return "trường"
	}
	return ""
}

// assignee is a unit or a group a document names.
type assignee struct{ unit, group int64 }

// unit resolves a name a document uses to a unit or group of the directory,
// adding it when no name or alias matches — a group when the name designates
// several bodies ("Các đơn vị có liên quan"), else a unit — as the Office
// does when a notice names a body the directory does not list yet.
func (l *loader) unit(ctx context.Context, name string) (assignee, error) {
	if u, ok := l.resolver.Resolve(name); ok {
		return assignee{unit: u.ID}, nil
	}
	if g, ok := l.resolver.ResolveGroup(name); ok {
		return assignee{group: g.ID}, nil
	}
	var a assignee
	if app.LooksLikeGroup(name, "") {
		g := app.GroupFromName(name, l.dir)
		if err := l.svc.CreateGroup(ctx, l.admin, &g); err != nil {
			return a, err
		}
		a.group = g.ID
	} else {
		nu := &domain.Unit{Name: name, Kind: unitKind(name), BlockID: l.blockID}
		if err := l.svc.CreateUnit(ctx, l.admin, nu); err != nil {
			return a, err
		}
		a.unit = nu.ID
	}
	return a, l.refresh(ctx)
}

// units resolves names to units and groups, dropping repeats and the units
// and groups in skipUnits and skipGroups (the lead ones).
func (l *loader) units(ctx context.Context, names []string, skipUnits, skipGroups []int64) (units, groups []int64, err error) {
	seen := map[assignee]bool{}
	for _, id := range skipUnits {
		seen[assignee{unit: id}] = true
	}
	for _, id := range skipGroups {
		seen[assignee{group: id}] = true
	}
	for _, n := range names {
		a, err := l.unit(ctx, n)
		if err != nil {
			return nil, nil, err
		}
		if seen[a] {
			continue
		}
		seen[a] = true
		if a.group != 0 {
			groups = append(groups, a.group)
		} else {
			units = append(units, a.unit)
		}
	}
	return units, groups, nil
}

// taskUnits resolves a task's lead and support units and groups by name; one
// named in both leads and is not listed again as support.
func (l *loader) taskUnits(ctx context.Context, in *app.TaskInput, leadNames, supportNames []string) error {
	var err error
	if in.Lead, in.LeadGroups, err = l.units(ctx, leadNames, nil, nil); err != nil {
		return err
	}
	in.Support, in.SupportGroups, err = l.units(ctx, supportNames, in.Lead, in.LeadGroups)
	return err
}

// sectorOf is the sector of the first of the lead units; 0 for none.
func (l *loader) sectorOf(lead []int64) int64 {
	if len(lead) == 0 {
		return 0
	}
	if u := l.dir.Unit(lead[0]); u != nil {
		return u.SectorID
	}
	return 0
}

func (l *loader) sectorNamed(name string) int64 {
	for _, s := range l.dir.Sectors {
		if s.Name == name {
			return s.ID
		}
	}
	return 0
}

// expandLeadGroups does what the Office does once a notice that gives a
// task to a closed group ("UBND các xã, thị trấn", "Các cơ quan, đơn vị
// khối Văn hóa - Xã hội") is entered: it spreads the task over the group's
// member units (app.Service.ExpandTaskGroup, audited as the Office's). An
// open group ("các đơn vị có liên quan") or one without members is left
// for the Office to pick the units, so the demo's list of tasks waiting
// for units holds a few, as an Office's would. Supporting groups stay: the
// task has its lead and they are shown by name.
func (l *loader) expandLeadGroups(ctx context.Context, t *domain.Task) error {
	version := t.Version
	for _, id := range t.LeadGroups {
		if g := l.dir.Group(id); g == nil || g.Open || len(l.dir.GroupMembers(id)) == 0 {
			continue
		}
		expanded, err := l.svc.ExpandTaskGroup(ctx, l.office, t.ID, id, version)
		if err != nil {
			return fmt.Errorf("expand group %d: %w", id, err)
		}
		version = expanded.Version
	}
	return nil
}

// reporter is the account that files the reports of a task led by lead:
// the first lead unit's own demo user, or the Office entering what was
// reported on paper (or for a group).
func (l *loader) reporter(lead []int64) *domain.User {
	if len(lead) > 0 {
		if u := l.byUnit[lead[0]]; u != nil {
			return u
		}
	}
	return l.office
}

// squash keeps only letters and digits of folded text, so that a task's
// words are found in a section whatever the line breaks and dashes.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, textfold.Fold(s))
}

// sectionOf is the index of the section whose text holds the task's first
// words, else the last section of tasks.
func sectionOf(secs []domain.Section, text string) int {
	key := []rune(squash(text))
	if len(key) > 40 {
		key = key[:40]
	}
	last := -1
	for i, s := range secs {
		if strings.Contains(squash(s.Heading+" "+s.Body), string(key)) {
			return i
		}
		if s.Kind == domain.SectionTasks {
			last = i
		}
	}
	return last
}

func toSections(in []sectionData) []domain.Section {
	out := make([]domain.Section, len(in))
	for i, s := range in {
		out[i] = domain.Section{Kind: domain.SectionKind(s.Kind), Heading: s.Heading, Body: s.Body}
	}
	return out
}

// morning is 09:30 in Vietnam on day d, when demo reports are filed.
func morning(d domain.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 9, 30, 0, 0, domain.Location)
}

func (l *loader) loadSeed(ctx context.Context, s *seed) error {
	var g gold
	if err := readJSON("data/gold/"+s.Gold, &g); err != nil {
		return err
	}
	for alias, unit := range s.UnitAliases {
		a, err := l.unit(ctx, unit)
		if err != nil {
			return err
		}
		if a.unit == 0 {
			return fmt.Errorf("alias %q: %q is a group", alias, unit)
		}
		if err := l.svc.AddAlias(ctx, l.admin, a.unit, alias); err != nil {
			return err
		}
	}
	if len(s.UnitAliases) > 0 {
		if err := l.refresh(ctx); err != nil {
			return err
		}
	}
	mday, err := domain.ParseDate(s.Meeting.Date)
	if err != nil {
		return err
	}
	attending, attendingGroups, err := l.units(ctx, s.Meeting.Units, nil, nil)
	if err != nil {
		return err
	}
	m := &domain.Meeting{BlockID: l.blockID, Title: s.Meeting.Title, Period: domain.PeriodKind(s.Meeting.Period),
		PeriodYear: s.Meeting.PeriodYear, PeriodNo: s.Meeting.PeriodNo, Date: mday, Time: s.Meeting.Time, Place: s.Meeting.Place,
		Online: s.Meeting.Online, BridgePoints: s.Meeting.BridgePoints, Chair: s.Meeting.Chair, UnitIDs: attending, GroupIDs: attendingGroups,
		Attendees: s.Meeting.Attendees, Agenda: s.Meeting.Agenda}
	if err := l.svc.CreateMeeting(ctx, l.office, m); err != nil {
		return err
	}
	issued, err := domain.ParseDate(s.Notice.IssuedOn)
	if err != nil {
		return err
	}
	n := l.notice(&s.Notice, m.ID, issued, toSections(s.Sections))
	if err := l.svc.CreateNotice(ctx, l.office, n); err != nil {
		return err
	}
	taskIDs := make([]int64, len(g.Tasks))
	for i, gt := range g.Tasks {
		leadNames := gt.Lead
		if len(leadNames) == 0 {
			leadNames = []string{s.DefaultLead}
		}
		in := app.TaskInput{NoticeID: n.ID, Text: gt.Text}
		if err := l.taskUnits(ctx, &in, leadNames, gt.Support); err != nil {
			return err
		}
		dl := domain.Deadline{Kind: domain.DeadlineNone}
		if gt.Due != nil {
			d, err := domain.ParseDate(*gt.Due)
			if err != nil {
				return err
			}
			dl = domain.Deadline{Kind: domain.DeadlineDate, Date: d}
		}
		in.Deadline, in.SectorID = dl, l.sectorOf(in.Lead)
		if k := sectionOf(n.Sections, gt.Text); k >= 0 {
			in.SectionID = n.Sections[k].ID
		}
		// The Office entered these tasks the day the notice was issued, so the
		// days since a unit last updated them count from then.
		var t *domain.Task
		if issued.IsZero() {
			t, err = l.svc.CreateTask(ctx, l.office, in)
		} else {
			entered := time.Date(issued.Year, issued.Month, issued.Day, 16, 0, 0, 0, domain.Location)
			t, err = l.svc.CreateTaskOn(ctx, l.office, in, entered)
		}
		if err != nil {
			return fmt.Errorf("task %d: %w", i, err)
		}
		if err := l.expandLeadGroups(ctx, t); err != nil {
			return fmt.Errorf("task %d: %w", i, err)
		}
		taskIDs[i] = t.ID
	}
	if _, err := l.svc.IssueNotice(ctx, l.office, n.ID, n.Version); err != nil {
		return err
	}
	for _, o := range s.Outcomes {
		if o.Task < 0 || o.Task >= len(taskIDs) {
			return fmt.Errorf("outcome for task %d: no such task", o.Task)
		}
		day, err := domain.ParseDate(o.On)
		if err != nil {
			return err
		}
		if err := l.report(ctx, taskIDs[o.Task], morning(day), o.Body, o.Percent, o.Done); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) notice(nd *noticeData, meetingID int64, issued domain.Date, secs []domain.Section) *domain.Notice {
	return &domain.Notice{MeetingID: meetingID, Number: nd.Number, Symbol: nd.Symbol, Place: nd.Place, IssuedOn: issued,
		Title: nd.Title, SignerAuthority: nd.SignerAuthority, SignerTitle: nd.SignerTitle, SignerName: nd.SignerName,
		Recipients: nd.Recipients, Sections: secs}
}

// report files a progress or completion report on task at instant at, by the
// lead unit's account (or the Office on its behalf).
func (l *loader) report(ctx context.Context, taskID int64, at time.Time, body string, percent int, done bool) error {
	t, err := l.svc.Task(ctx, l.office, taskID)
	if err != nil {
		return err
	}
	in := app.ReportInput{Body: body, Percent: percent, Completion: done}
	_, err = l.svc.RecordReportOn(ctx, l.reporter(t.Lead), taskID, in, at)
	return err
}

func (l *loader) loadRecent(ctx context.Context) error {
	var r recent
	if err := readJSON("data/recent.json", &r); err != nil {
		return err
	}
	today := l.svc.Today()
	mday := today.AddDays(r.Meeting.Days)
	month := fmt.Sprintf("%d/%d", mday.Month, mday.Year)
	fill := func(s string) string { return strings.ReplaceAll(s, "{{month}}", month) }
	attending, attendingGroups, err := l.units(ctx, r.Meeting.Units, nil, nil)
	if err != nil {
		return err
	}
	m := &domain.Meeting{BlockID: l.blockID, Title: fill(r.Meeting.Title), Period: domain.PeriodMonth, PeriodYear: mday.Year,
		PeriodNo: int(mday.Month), Date: mday, Time: r.Meeting.Time, Place: r.Meeting.Place, Chair: r.Meeting.Chair,
		UnitIDs: attending, GroupIDs: attendingGroups, Attendees: r.Meeting.Attendees, Agenda: fill(r.Meeting.Agenda)}
	if err := l.svc.CreateMeeting(ctx, l.office, m); err != nil {
		return err
	}
	nd := r.Notice
	nd.Title = fill(nd.Title)
	n := l.notice(&nd, m.ID, today.AddDays(nd.Days), toSections(r.Sections))
	if err := l.svc.CreateNotice(ctx, l.office, n); err != nil {
		return err
	}
	var tasksSection int64
	for _, s := range n.Sections {
		if s.Kind == domain.SectionTasks {
			tasksSection = s.ID
		}
	}
	type later struct {
		id int64
		rt int
	}
	var created []later
	for i, rt := range r.Tasks {
		in := app.TaskInput{NoticeID: n.ID, SectionID: tasksSection, Text: rt.Text, Key: rt.Key}
		if err := l.taskUnits(ctx, &in, rt.Lead, rt.Support); err != nil {
			return err
		}
		dl := domain.Deadline{Kind: domain.DeadlineNone}
		switch {
		case rt.Due != nil:
			dl = domain.Deadline{Kind: domain.DeadlineDate, Date: today.AddDays(*rt.Due)}
		case rt.Every != "":
			dl = domain.Deadline{Kind: domain.DeadlineRecurring, Every: domain.Every(rt.Every), Day: rt.Day, Date: mday}
		case rt.ThisMonth:
			dl = domain.Deadline{Kind: domain.DeadlineMonth, Date: today}
		}
		sector := l.sectorNamed(rt.Sector)
		if sector == 0 {
			sector = l.sectorOf(in.Lead)
		}
		in.Deadline, in.SectorID = dl, sector
		t, err := l.svc.CreateTask(ctx, l.office, in)
		if err != nil {
			return fmt.Errorf("task %d: %w", i, err)
		}
		if err := l.expandLeadGroups(ctx, t); err != nil {
			return fmt.Errorf("task %d: %w", i, err)
		}
		created = append(created, later{t.ID, i})
	}
	if _, err := l.svc.IssueNotice(ctx, l.office, n.ID, n.Version); err != nil {
		return err
	}
	for _, c := range created {
		rt := r.Tasks[c.rt]
		for _, rep := range rt.Reports {
			if err := l.report(ctx, c.id, morning(today.AddDays(rep.Days)), rep.Body, rep.Percent, rep.Done); err != nil {
				return err
			}
		}
		if rt.Extension != nil {
			t, err := l.svc.Task(ctx, l.office, c.id)
			if err != nil {
				return err
			}
			u := l.reporter(t.Lead)
			if u == l.office {
				return fmt.Errorf("extension on task %d: its lead unit has no demo account", c.rt)
			}
			if _, err := l.svc.RequestExtension(ctx, u, c.id, today.AddDays(rt.Extension.Days), rt.Extension.Reason); err != nil {
				return err
			}
		}
	}
	return nil
}
