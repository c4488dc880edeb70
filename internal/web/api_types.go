package web

import (
	"encoding/json"
	"fmt"
	"regexp"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// The API's JSON shapes. They are spelled out here, apart from the domain
// types, so that a change inside the domain cannot silently change the API.

// apiIsoDate is a day in JSON: "2023-07-15", or null for no date.
type apiIsoDate struct{ domain.Date }

var apiIsoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// apiParseISODate reads "2023-07-15"; "" is no date; anything else, including a
// day not on the calendar such as 2023-02-30, is domain.ErrBadDate.
func apiParseISODate(s string) (domain.Date, error) {
	if s == "" {
		return domain.Date{}, nil
	}
	if !apiIsoDay.MatchString(s) {
		return domain.Date{}, fmt.Errorf("%w: %q (viết theo dạng năm-tháng-ngày, ví dụ 2023-07-15)", domain.ErrBadDate, s)
	}
	return domain.ParseDate(s)
}

// MarshalJSON writes the ISO day, or null for no date.
func (d apiIsoDate) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON accepts only "2023-07-15" (or null, or ""); a day not on the
// calendar is domain.ErrBadDate, which the API answers with 422.
func (d *apiIsoDate) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		d.Date = domain.Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("%w: cần một chuỗi dạng năm-tháng-ngày, ví dụ \"2023-07-15\"", domain.ErrBadDate)
	}
	v, err := apiParseISODate(s)
	if err != nil {
		return err
	}
	d.Date = v
	return nil
}

// apiIsoTime is an instant in RFC 3339 at Vietnam's offset, or null.
func apiIsoTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.In(domain.Location).Format(time.RFC3339)
	return &s
}

// apiOptID is null for the zero id.
func apiOptID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// apiStrs never encodes as null.
func apiStrs(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

type apiRefJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

type apiCodeLabel struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

func apiUnitRefs(dir *app.Directory, xs []int64) []apiRefJSON {
	out := make([]apiRefJSON, 0, len(xs))
	for _, id := range xs {
		out = append(out, apiRefJSON{ID: id, Name: dir.UnitName(id)})
	}
	return out
}

func apiUnitRef(dir *app.Directory, id int64) *apiRefJSON {
	if id == 0 {
		return nil
	}
	return &apiRefJSON{ID: id, Name: dir.UnitName(id)}
}

// Directory.

type apiOrgJSON struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Level    string `json:"level"`
	Place    string `json:"place"`
	Superior string `json:"superior"`
}

type apiUnitJSON struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	BlockID  *int64   `json:"block_id"`
	SectorID *int64   `json:"sector_id"`
	Aliases  []string `json:"aliases"`
	Active   bool     `json:"active"`
	Version  int      `json:"version"`
}

func apiUnitOut(u *domain.Unit) apiUnitJSON {
	return apiUnitJSON{ID: u.ID, Name: u.Name, Kind: u.Kind, BlockID: apiOptID(u.BlockID), SectorID: apiOptID(u.SectorID),
		Aliases: apiStrs(u.Aliases), Active: u.Active, Version: u.Version}
}

type apiUnitCreateInput struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	BlockID  int64    `json:"block_id"`
	SectorID int64    `json:"sector_id"`
	Aliases  []string `json:"aliases"`
}

type apiUnitInput struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	BlockID  int64    `json:"block_id"`
	SectorID int64    `json:"sector_id"`
	Aliases  []string `json:"aliases"`
	Active   *bool    `json:"active"`
	Version  int      `json:"version"`
}

type apiNameInput struct {
	Name string `json:"name"`
}

type apiDirectoryJSON struct {
	Org     apiOrgJSON    `json:"org"`
	Blocks  []apiRefJSON  `json:"blocks"`
	Sectors []apiRefJSON  `json:"sectors"`
	Units   []apiUnitJSON `json:"units"`
}

func apiDirectoryOut(d *app.Directory) apiDirectoryJSON {
	out := apiDirectoryJSON{
		Org:     apiOrgJSON{ID: d.Org.ID, Name: d.Org.Name, Level: d.Org.Level, Place: d.Org.Place, Superior: d.Org.Superior},
		Blocks:  []apiRefJSON{},
		Sectors: []apiRefJSON{},
		Units:   []apiUnitJSON{},
	}
	for _, b := range d.Blocks {
		out.Blocks = append(out.Blocks, apiRefJSON{ID: b.ID, Name: b.Name})
	}
	for _, s := range d.Sectors {
		out.Sectors = append(out.Sectors, apiRefJSON{ID: s.ID, Name: s.Name})
	}
	for i := range d.Units {
		out.Units = append(out.Units, apiUnitOut(&d.Units[i]))
	}
	return out
}

// Users.

type apiUserJSON struct {
	ID        int64  `json:"id"`
	Username  string `json:"username"`
	FullName  string `json:"full_name"`
	Role      string `json:"role"`
	RoleLabel string `json:"role_label"`
	UnitID    *int64 `json:"unit_id"`
	Disabled  bool   `json:"disabled"`
	Version   int    `json:"version"`
}

func apiUserOut(u *domain.User) apiUserJSON {
	return apiUserJSON{ID: u.ID, Username: u.Username, FullName: u.FullName, Role: string(u.Role), RoleLabel: u.Role.Label(),
		UnitID: apiOptID(u.UnitID), Disabled: u.Disabled, Version: u.Version}
}

type apiUserCreateInput struct {
	Username string `json:"username"`
	FullName string `json:"full_name"`
	Role     string `json:"role"`
	UnitID   int64  `json:"unit_id"`
	Password string `json:"password"`
}

type apiUserUpdateInput struct {
	FullName string `json:"full_name"`
	Role     string `json:"role"`
	UnitID   int64  `json:"unit_id"`
	Disabled bool   `json:"disabled"`
	Version  int    `json:"version"`
}

type apiPermissionsJSON struct {
	Manage           bool `json:"manage"`
	DecideExtensions bool `json:"decide_extensions"`
	SeesAll          bool `json:"sees_all"`
	Admin            bool `json:"admin"`
}

type apiMeJSON struct {
	apiUserJSON
	Unit        *apiRefJSON        `json:"unit"`
	Org         apiRefJSON         `json:"org"`
	Permissions apiPermissionsJSON `json:"permissions"`
}

// Meetings.

type apiMeetingJSON struct {
	ID           int64        `json:"id"`
	Title        string       `json:"title"`
	Period       string       `json:"period"`
	PeriodLabel  string       `json:"period_label"`
	PeriodYear   int          `json:"period_year"`
	PeriodNo     int          `json:"period_no"`
	Date         apiIsoDate   `json:"date"`
	Time         string       `json:"time"`
	Place        string       `json:"place"`
	Online       bool         `json:"online"`
	BridgePoints []string     `json:"bridge_points"`
	Chair        string       `json:"chair"`
	BlockID      *int64       `json:"block_id"`
	Units        []apiRefJSON `json:"units"`
	Attendees    string       `json:"attendees"`
	Agenda       string       `json:"agenda"`
	Version      int          `json:"version"`
}

func apiMeetingOut(dir *app.Directory, m *domain.Meeting) apiMeetingJSON {
	return apiMeetingJSON{ID: m.ID, Title: m.Title, Period: string(m.Period), PeriodLabel: m.PeriodLabel(), PeriodYear: m.PeriodYear,
		PeriodNo: m.PeriodNo, Date: apiIsoDate{m.Date}, Time: m.Time, Place: m.Place, Online: m.Online, BridgePoints: apiStrs(m.BridgePoints),
		Chair: m.Chair, BlockID: apiOptID(m.BlockID), Units: apiUnitRefs(dir, m.UnitIDs), Attendees: m.Attendees, Agenda: m.Agenda, Version: m.Version}
}

type apiMeetingInput struct {
	Title        string     `json:"title"`
	Period       string     `json:"period"`
	PeriodYear   int        `json:"period_year"`
	PeriodNo     int        `json:"period_no"`
	Date         apiIsoDate `json:"date"`
	Time         string     `json:"time"`
	Place        string     `json:"place"`
	Online       bool       `json:"online"`
	BridgePoints []string   `json:"bridge_points"`
	Chair        string     `json:"chair"`
	BlockID      int64      `json:"block_id"`
	UnitIDs      []int64    `json:"unit_ids"`
	Attendees    string     `json:"attendees"`
	Agenda       string     `json:"agenda"`
	Version      int        `json:"version"`
}

func (in *apiMeetingInput) meeting(id int64) *domain.Meeting {
	return &domain.Meeting{ID: id, Title: in.Title, Period: domain.PeriodKind(in.Period), PeriodYear: in.PeriodYear, PeriodNo: in.PeriodNo,
		Date: in.Date.Date, Time: in.Time, Place: in.Place, Online: in.Online, BridgePoints: in.BridgePoints, Chair: in.Chair,
		BlockID: in.BlockID, UnitIDs: in.UnitIDs, Attendees: in.Attendees, Agenda: in.Agenda, Version: in.Version}
}

// Notices.

type apiNoticeJSON struct {
	ID              int64        `json:"id"`
	MeetingID       *int64       `json:"meeting_id"`
	Number          string       `json:"number"`
	Symbol          string       `json:"symbol"`
	Code            string       `json:"code"`
	Place           string       `json:"place"`
	IssuedOn        apiIsoDate   `json:"issued_on"`
	Title           string       `json:"title"`
	SignerAuthority string       `json:"signer_authority"`
	SignerTitle     string       `json:"signer_title"`
	SignerName      string       `json:"signer_name"`
	Recipients      []string     `json:"recipients"`
	State           apiCodeLabel `json:"state"`
	Revision        int          `json:"revision"`
	SupersedesID    *int64       `json:"supersedes_id"`
	Version         int          `json:"version"`
}

func apiNoticeOut(n *domain.Notice) apiNoticeJSON {
	return apiNoticeJSON{ID: n.ID, MeetingID: apiOptID(n.MeetingID), Number: n.Number, Symbol: n.Symbol, Code: n.Code(), Place: n.Place,
		IssuedOn: apiIsoDate{n.IssuedOn}, Title: n.Title, SignerAuthority: n.SignerAuthority, SignerTitle: n.SignerTitle,
		SignerName: n.SignerName, Recipients: apiStrs(n.Recipients), State: apiCodeLabel{string(n.State), n.State.Label()},
		Revision: n.Revision, SupersedesID: apiOptID(n.SupersedesID), Version: n.Version}
}

type apiSectionJSON struct {
	ID      int64  `json:"id"`
	Ord     int    `json:"ord"`
	Kind    string `json:"kind"`
	Heading string `json:"heading"`
	Body    string `json:"body"`
}

type apiNoticeDetailJSON struct {
	apiNoticeJSON
	Sections []apiSectionJSON `json:"sections"`
}

func apiNoticeDetailOut(n *domain.Notice) apiNoticeDetailJSON {
	out := apiNoticeDetailJSON{apiNoticeJSON: apiNoticeOut(n), Sections: []apiSectionJSON{}}
	for _, s := range n.Sections {
		out.Sections = append(out.Sections, apiSectionJSON{ID: s.ID, Ord: s.Ord, Kind: string(s.Kind), Heading: s.Heading, Body: s.Body})
	}
	return out
}

type apiSectionInput struct {
	ID      int64  `json:"id"`
	Kind    string `json:"kind"`
	Heading string `json:"heading"`
	Body    string `json:"body"`
}

type apiNoticeInput struct {
	MeetingID       int64             `json:"meeting_id"`
	Number          string            `json:"number"`
	Symbol          string            `json:"symbol"`
	Place           string            `json:"place"`
	IssuedOn        apiIsoDate        `json:"issued_on"`
	Title           string            `json:"title"`
	SignerAuthority string            `json:"signer_authority"`
	SignerTitle     string            `json:"signer_title"`
	SignerName      string            `json:"signer_name"`
	Recipients      []string          `json:"recipients"`
	Sections        []apiSectionInput `json:"sections"`
	Version         int               `json:"version"`
}

func (in *apiNoticeInput) notice(id int64) *domain.Notice {
	n := &domain.Notice{ID: id, MeetingID: in.MeetingID, Number: in.Number, Symbol: in.Symbol, Place: in.Place, IssuedOn: in.IssuedOn.Date,
		Title: in.Title, SignerAuthority: in.SignerAuthority, SignerTitle: in.SignerTitle, SignerName: in.SignerName,
		Recipients: in.Recipients, Version: in.Version}
	for i, s := range in.Sections {
		n.Sections = append(n.Sections, domain.Section{ID: s.ID, Ord: i + 1, Kind: domain.SectionKind(s.Kind), Heading: s.Heading, Body: s.Body})
	}
	return n
}

type apiVersionInput struct {
	Version int `json:"version"`
}

// Tasks.

type apiDeadlineJSON struct {
	Kind        string     `json:"kind"`
	Date        apiIsoDate `json:"date"`
	Every       string     `json:"every"`
	Day         int        `json:"day"`
	Event       string     `json:"event"`
	EventDate   apiIsoDate `json:"event_date"`
	EventDays   int        `json:"event_days"`
	Description string     `json:"description"`
}

type apiDeadlineInput struct {
	Kind      string     `json:"kind"`
	Date      apiIsoDate `json:"date"`
	Every     string     `json:"every"`
	Day       int        `json:"day"`
	Event     string     `json:"event"`
	EventDate apiIsoDate `json:"event_date"`
	EventDays int        `json:"event_days"`
}

type apiNoticeRefJSON struct {
	ID   int64  `json:"id"`
	Code string `json:"code"`
}

type apiTaskJSON struct {
	ID              int64             `json:"id"`
	Text            string            `json:"text"`
	Lead            []apiRefJSON      `json:"lead"`
	Support         []apiRefJSON      `json:"support"`
	Deadline        apiDeadlineJSON   `json:"deadline"`
	DueOn           apiIsoDate        `json:"due_on"`
	DoneOn          apiIsoDate        `json:"done_on"`
	ExtendedTo      apiIsoDate        `json:"extended_to"`
	Status          apiCodeLabel      `json:"status"`
	Percent         int               `json:"percent"`
	DaysOverdue     int               `json:"days_overdue"`
	LastUpdateAt    *string           `json:"last_update_at"`
	CreatedAt       *string           `json:"created_at"`
	Notice          *apiNoticeRefJSON `json:"notice"`
	SectionID       *int64            `json:"section_id"`
	BlockID         *int64            `json:"block_id"`
	ExpectedProduct string            `json:"expected_product"`
	SectorID        *int64            `json:"sector_id"`
	Key             bool              `json:"key"`
	LegalRefs       []string          `json:"legal_refs"`
	Version         int               `json:"version"`
}

func apiTaskOut(dir *app.Directory, t *store.TaskRow) apiTaskJSON {
	d := t.Deadline
	out := apiTaskJSON{ID: t.ID, Text: t.Text, Lead: apiUnitRefs(dir, t.Lead), Support: apiUnitRefs(dir, t.Support),
		Deadline: apiDeadlineJSON{Kind: string(d.Kind), Date: apiIsoDate{d.Date}, Every: string(d.Every), Day: d.Day, Event: d.Event,
			EventDate: apiIsoDate{d.EventDate}, EventDays: d.EventDays, Description: d.Describe()},
		DueOn: apiIsoDate{t.DueOn}, DoneOn: apiIsoDate{t.DoneOn}, ExtendedTo: apiIsoDate{t.ExtendedTo},
		Status: apiCodeLabel{string(t.Status), t.Status.Label()}, Percent: t.Percent, DaysOverdue: t.DaysOverdue,
		LastUpdateAt: apiIsoTime(t.LastUpdateAt), CreatedAt: apiIsoTime(t.CreatedAt), SectionID: apiOptID(t.SectionID), BlockID: apiOptID(t.BlockID),
		ExpectedProduct: t.ExpectedProduct, SectorID: apiOptID(t.SectorID), Key: t.Key, LegalRefs: apiStrs(t.LegalRefs), Version: t.Version}
	if t.NoticeID != 0 {
		out.Notice = &apiNoticeRefJSON{ID: t.NoticeID, Code: t.NoticeCode}
	}
	return out
}

func apiTasksOut(dir *app.Directory, rows []store.TaskRow) []apiTaskJSON {
	return apiList(rows, func(t *store.TaskRow) apiTaskJSON { return apiTaskOut(dir, t) })
}

type apiTaskInput struct {
	NoticeID        int64            `json:"notice_id"`
	SectionID       int64            `json:"section_id"`
	BlockID         int64            `json:"block_id"`
	Text            string           `json:"text"`
	Lead            []int64          `json:"lead"`
	Support         []int64          `json:"support"`
	Deadline        apiDeadlineInput `json:"deadline"`
	ExpectedProduct string           `json:"expected_product"`
	SectorID        int64            `json:"sector_id"`
	Key             bool             `json:"key"`
	LegalRefs       []string         `json:"legal_refs"`
	Version         int              `json:"version"`
}

func (in *apiTaskInput) input() app.TaskInput {
	d := in.Deadline
	return app.TaskInput{NoticeID: in.NoticeID, SectionID: in.SectionID, BlockID: in.BlockID, Text: in.Text, Lead: in.Lead,
		Support: in.Support, Deadline: domain.Deadline{Kind: domain.DeadlineKind(d.Kind), Date: d.Date.Date, Every: domain.Every(d.Every),
			Day: d.Day, Event: d.Event, EventDate: d.EventDate.Date, EventDays: d.EventDays},
		ExpectedProduct: in.ExpectedProduct, SectorID: in.SectorID, Key: in.Key, LegalRefs: in.LegalRefs, Version: in.Version}
}

type apiAttachmentJSON struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	URL         string `json:"url"`
}

type apiReportJSON struct {
	ID          int64               `json:"id"`
	TaskID      int64               `json:"task_id"`
	Unit        *apiRefJSON         `json:"unit"`
	UserID      *int64              `json:"user_id"`
	UserName    string              `json:"user_name"`
	Body        string              `json:"body"`
	Percent     int                 `json:"percent"`
	Completion  bool                `json:"completion"`
	Period      apiIsoDate          `json:"period"`
	CreatedAt   *string             `json:"created_at"`
	Attachments []apiAttachmentJSON `json:"attachments"`
}

func apiReportOut(dir *app.Directory, r *domain.Report) apiReportJSON {
	out := apiReportJSON{ID: r.ID, TaskID: r.TaskID, Unit: apiUnitRef(dir, r.UnitID), UserID: apiOptID(r.UserID), UserName: r.UserName, Body: r.Body,
		Percent: r.Percent, Completion: r.Completion, Period: apiIsoDate{r.Period}, CreatedAt: apiIsoTime(r.CreatedAt),
		Attachments: []apiAttachmentJSON{}}
	for _, a := range r.Attachments {
		out.Attachments = append(out.Attachments, apiAttachmentJSON{ID: a.ID, Name: a.Name, ContentType: a.ContentType, Size: a.Size,
			URL: fmt.Sprintf("/api/v1/attachments/%d", a.ID)})
	}
	return out
}

type apiReportInput struct {
	Body       string `json:"body"`
	Percent    int    `json:"percent"`
	Completion bool   `json:"completion"`
}

type apiExtensionJSON struct {
	ID          int64        `json:"id"`
	TaskID      int64        `json:"task_id"`
	Unit        *apiRefJSON  `json:"unit"`
	RequestedBy *apiRefJSON  `json:"requested_by"`
	OldDue      apiIsoDate   `json:"old_due"`
	NewDue      apiIsoDate   `json:"new_due"`
	Reason      string       `json:"reason"`
	State       apiCodeLabel `json:"state"`
	DecidedBy   *apiRefJSON  `json:"decided_by"`
	DecidedAt   *string      `json:"decided_at"`
	Note        string       `json:"note"`
	CreatedAt   *string      `json:"created_at"`
}

func apiPerson(id int64, name string) *apiRefJSON {
	if id == 0 {
		return nil
	}
	return &apiRefJSON{ID: id, Name: name}
}

func apiExtensionOut(dir *app.Directory, e *domain.Extension) apiExtensionJSON {
	return apiExtensionJSON{ID: e.ID, TaskID: e.TaskID, Unit: apiUnitRef(dir, e.UnitID), RequestedBy: apiPerson(e.RequestedBy, e.Requester),
		OldDue: apiIsoDate{e.OldDue}, NewDue: apiIsoDate{e.NewDue}, Reason: e.Reason, State: apiCodeLabel{string(e.State), e.State.Label()},
		DecidedBy: apiPerson(e.DecidedBy, e.Decider), DecidedAt: apiIsoTime(e.DecidedAt), Note: e.Note, CreatedAt: apiIsoTime(e.CreatedAt)}
}

func apiExtensionsOut(dir *app.Directory, xs []domain.Extension) []apiExtensionJSON {
	return apiList(xs, func(e *domain.Extension) apiExtensionJSON { return apiExtensionOut(dir, e) })
}

type apiExtensionInput struct {
	NewDue apiIsoDate `json:"new_due"`
	Reason string     `json:"reason"`
}

type apiDecideInput struct {
	Approve *bool  `json:"approve"`
	Note    string `json:"note"`
}

type apiEventDateInput struct {
	Date    apiIsoDate `json:"date"`
	Version int        `json:"version"`
}

type apiReasonInput struct {
	Reason string `json:"reason"`
}

type apiTaskCanJSON struct {
	Edit             bool `json:"edit"`
	Report           bool `json:"report"`
	Complete         bool `json:"complete"`
	RequestExtension bool `json:"request_extension"`
	Decide           bool `json:"decide"`
}

type apiTaskDetailJSON struct {
	apiTaskJSON
	Reports    []apiReportJSON    `json:"reports"`
	Extensions []apiExtensionJSON `json:"extensions"`
	Can        apiTaskCanJSON     `json:"can"`
}

func apiTaskDetailOut(dir *app.Directory, d *app.TaskDetail) apiTaskDetailJSON {
	out := apiTaskDetailJSON{apiTaskJSON: apiTaskOut(dir, &d.TaskRow), Reports: []apiReportJSON{}, Extensions: apiExtensionsOut(dir, d.Extensions),
		Can: apiTaskCanJSON{Edit: d.CanEdit, Report: d.CanReport, Complete: d.CanComplete, RequestExtension: d.CanRequestExtension, Decide: d.CanDecide}}
	for i := range d.Reports {
		out.Reports = append(out.Reports, apiReportOut(dir, &d.Reports[i]))
	}
	return out
}

// Dashboard, search, audit.

type apiStatusCountJSON struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

type apiUnitStatsJSON struct {
	Unit         apiRefJSON `json:"unit"`
	Assigned     int        `json:"assigned"`
	DoneOnTime   int        `json:"done_on_time"`
	DoneLate     int        `json:"done_late"`
	Open         int        `json:"open"`
	Overdue      int        `json:"overdue"`
	LastUpdateAt *string    `json:"last_update_at"`
}

type apiDashboardJSON struct {
	Total             int                  `json:"total"`
	Counts            []apiStatusCountJSON `json:"counts"`
	Units             []apiUnitStatsJSON   `json:"units"`
	Overdue           []apiTaskJSON        `json:"overdue"`
	PendingExtensions []apiExtensionJSON   `json:"pending_extensions"`
}

func apiDashboardOut(dir *app.Directory, d *app.Dashboard) apiDashboardJSON {
	out := apiDashboardJSON{Total: d.Total, Counts: []apiStatusCountJSON{}, Units: []apiUnitStatsJSON{}, Overdue: apiTasksOut(dir, d.Overdue),
		PendingExtensions: apiExtensionsOut(dir, d.Pending)}
	for _, st := range domain.Statuses {
		out.Counts = append(out.Counts, apiStatusCountJSON{Code: string(st), Label: st.Label(), Count: d.Counts[st]})
	}
	for _, u := range d.Units {
		out.Units = append(out.Units, apiUnitStatsJSON{Unit: apiRefJSON{ID: u.UnitID, Name: u.Name}, Assigned: u.Assigned, DoneOnTime: u.DoneOnTime,
			DoneLate: u.DoneLate, Open: u.Open, Overdue: u.Overdue, LastUpdateAt: apiIsoTime(u.LastUpdate)})
	}
	return out
}

type apiHitsJSON[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

type apiSearchJSON struct {
	Query    string                      `json:"query"`
	Notices  apiHitsJSON[apiNoticeJSON]  `json:"notices"`
	Meetings apiHitsJSON[apiMeetingJSON] `json:"meetings"`
	Tasks    apiHitsJSON[apiTaskJSON]    `json:"tasks"`
}

type apiAuditJSON struct {
	ID       int64           `json:"id"`
	At       *string         `json:"at"`
	UserID   *int64          `json:"user_id"`
	UserName string          `json:"user_name"`
	Action   string          `json:"action"`
	Entity   string          `json:"entity"`
	EntityID int64           `json:"entity_id"`
	Before   json.RawMessage `json:"before"`
	After    json.RawMessage `json:"after"`
}

// apiRawJSON passes stored JSON through; empty or damaged text is null.
func apiRawJSON(s string) json.RawMessage {
	if s == "" || !json.Valid([]byte(s)) {
		return json.RawMessage("null")
	}
	return json.RawMessage(s)
}

func apiAuditOut(e *store.AuditEntry) apiAuditJSON {
	return apiAuditJSON{ID: e.ID, At: apiIsoTime(e.At), UserID: apiOptID(e.UserID), UserName: e.UserName, Action: e.Action, Entity: e.Entity,
		EntityID: e.EntityID, Before: apiRawJSON(e.Before), After: apiRawJSON(e.After)}
}
