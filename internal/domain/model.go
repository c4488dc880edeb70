package domain

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Role is what a user may do.
type Role string

// The roles.
const (
	RoleAdmin  Role = "admin"  // quản trị: users, directory, audit log
	RoleLeader Role = "leader" // lãnh đạo: sees everything, approves extensions
	RoleOffice Role = "office" // Văn phòng: meetings, notices, tasks, follow-up
	RoleUnit   Role = "unit"   // cán bộ đơn vị: only their unit's tasks
	RoleViewer Role = "viewer" // xem: reads everything, changes nothing
)

// Roles lists every role in display order.
var Roles = []Role{RoleAdmin, RoleLeader, RoleOffice, RoleUnit, RoleViewer}

// Label is the role's Vietnamese name.
func (r Role) Label() string {
	switch r {
	case RoleAdmin:
		return "Quản trị hệ thống"
	case RoleLeader:
		return "Lãnh đạo"
	case RoleOffice:
		return "Văn phòng"
	case RoleUnit:
		return "Cán bộ đơn vị"
	case RoleViewer:
		return "Chỉ xem"
	}
	return string(r)
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// User is a person who logs in.
type User struct {
	ID       int64
	Username string
	FullName string
	Role     Role
	UnitID   int64 // the unit of a RoleUnit user; 0 otherwise
	OrgID    int64
	Disabled bool
	Version  int
}

// SeesAll reports whether the user reads every task of the organisation.
func (u *User) SeesAll() bool { return u.Role != RoleUnit }

// CanManage reports whether the user creates and edits meetings, notices and tasks.
func (u *User) CanManage() bool { return u.Role == RoleAdmin || u.Role == RoleOffice }

// CanDecideExtensions reports whether the user approves or refuses extensions.
func (u *User) CanDecideExtensions() bool {
	return u.Role == RoleAdmin || u.Role == RoleLeader || u.Role == RoleOffice
}

// Org is the People's Committee whose meetings are tracked, at any level.
type Org struct {
	ID    int64
	Name  string // "UBND huyện Lâm Thao", "UBND xã Hưng Điền"
	Level string // data, not code: "tỉnh", "xã", "phường", "huyện (trước 7/2025)"...
	Place string // the place name printed on documents ("Lâm Thao")
	// Superior is the body above it, printed on the letterhead's first line.
	Superior string
}

// Block is a group of units that meet together (khối Văn hóa - Xã hội).
type Block struct {
	ID    int64
	OrgID int64
	Name  string
}

// Sector is a field of work (lĩnh vực): giáo dục, y tế...
type Sector struct {
	ID    int64
	OrgID int64
	Name  string
}

// Unit is an agency that can be given tasks: a phòng, a centre, a vertical
// agency, a school, a subordinate commune.
type Unit struct {
	ID       int64
	OrgID    int64
	BlockID  int64
	Name     string
	Kind     string // phòng, trung tâm, cơ quan ngành dọc, trường, xã...
	Aliases  []string
	SectorID int64
	Active   bool
	Version  int
}

// PeriodKind is the cadence of a meeting.
type PeriodKind string

// Meeting periods.
const (
	PeriodMonth   PeriodKind = "month"   // tháng
	PeriodQuarter PeriodKind = "quarter" // quý
	PeriodHalf    PeriodKind = "half"    // 6 tháng
	PeriodYear    PeriodKind = "year"    // năm
	PeriodAdHoc   PeriodKind = "adhoc"   // đột xuất
)

// PeriodKinds lists the cadences in display order.
var PeriodKinds = []PeriodKind{PeriodMonth, PeriodQuarter, PeriodHalf, PeriodYear, PeriodAdHoc}

// Label is the cadence's Vietnamese name.
func (p PeriodKind) Label() string {
	switch p {
	case PeriodMonth:
		return "Tháng"
	case PeriodQuarter:
		return "Quý"
	case PeriodHalf:
		return "6 tháng"
	case PeriodYear:
		return "Năm"
	case PeriodAdHoc:
		return "Đột xuất"
	}
	return string(p)
}

// Meeting is one hội nghị giao ban.
type Meeting struct {
	ID           int64
	OrgID        int64
	BlockID      int64
	Title        string
	Period       PeriodKind
	PeriodYear   int
	PeriodNo     int // month 1–12, quarter 1–4, half 1–2; 0 otherwise
	Date         Date
	Time         string // "07:30"
	Place        string
	Online       bool
	BridgePoints []string // điểm cầu
	Chair        string   // "Phó Chủ tịch UBND huyện Ngô Đức Sáu"
	UnitIDs      []int64  // attending units
	Attendees    string   // people, free text
	Agenda       string
	Version      int

	GroupIDs []int64 // attending groups ("UBND các xã, thị trấn")
}

// PeriodLabel is "Quý II/2024", "Tháng 3/2023", "6 tháng đầu năm 2023"...
func (m *Meeting) PeriodLabel() string {
	switch m.Period {
	case PeriodMonth:
		return fmt.Sprintf("Tháng %d/%d", m.PeriodNo, m.PeriodYear)
	case PeriodQuarter:
		return fmt.Sprintf("Quý %s/%d", Roman(m.PeriodNo), m.PeriodYear)
	case PeriodHalf:
		if m.PeriodNo == 2 {
			return fmt.Sprintf("6 tháng cuối năm %d", m.PeriodYear)
		}
		return fmt.Sprintf("6 tháng đầu năm %d", m.PeriodYear)
	case PeriodYear:
		return fmt.Sprintf("Năm %d", m.PeriodYear)
	}
	return "Đột xuất"
}

// NoticeState is whether a notice can still be edited.
type NoticeState string

// Notice states.
const (
	NoticeDraft      NoticeState = "draft"      // dự thảo
	NoticeIssued     NoticeState = "issued"     // đã ban hành
	NoticeSuperseded NoticeState = "superseded" // đã được thay thế bằng thông báo sau
)

// Label is the state's Vietnamese name.
func (s NoticeState) Label() string {
	switch s {
	case NoticeDraft:
		return "Dự thảo"
	case NoticeIssued:
		return "Đã ban hành"
	case NoticeSuperseded:
		return "Đã được thay thế"
	}
	return string(s)
}

// SectionKind is the role of a part of the notice body.
type SectionKind string

// Section kinds.
const (
	SectionAssessment SectionKind = "assessment" // đánh giá kết quả
	SectionAnswers    SectionKind = "answers"    // giải quyết đề xuất, kiến nghị
	SectionTasks      SectionKind = "tasks"      // nhiệm vụ
	SectionOther      SectionKind = "other"
)

// Section is one ordered part of a notice's body.
type Section struct {
	ID      int64
	Ord     int
	Kind    SectionKind
	Heading string
	Body    string
}

// Notice is a Thông báo kết luận.
type Notice struct {
	ID        int64
	OrgID     int64
	MeetingID int64
	Number    string // "12" (blank until issued)
	Symbol    string // "TB-UBND"
	Place     string
	IssuedOn  Date
	Title     string // "Kết luận của Phó Chủ tịch UBND ... tại Hội nghị giao ban ..."
	// Signature block: authority (KT. CHỦ TỊCH / TL. CHỦ TỊCH / TM. ỦY BAN NHÂN DÂN),
	// the signer's title and name.
	SignerAuthority string
	SignerTitle     string
	SignerName      string
	Recipients      []string
	State           NoticeState
	Revision        int   // 1 for the first issue, 2 for its first correction...
	SupersedesID    int64 // the notice this one corrects
	Sections        []Section
	Version         int

	// Correction is how this notice corrects SupersedesID: a Thông báo
	// đính chính or a replacing notice ("" for a notice that corrects none).
	Correction CorrectionKind
	// Issuer and Superior are the letterhead the notice was printed with
	// (the issuing body and the body above it), kept from an imported
	// file; empty, the organisation's letterhead is printed.
	Issuer, Superior string
}

// Code is "Số: 12/TB-UBND" without the prefix.
func (n *Notice) Code() string {
	switch {
	case n.Number == "" && n.Symbol == "":
		return ""
	case n.Number == "":
		// A symbol without its number (an imported text that lacks it) is
		// written with the marked blank the printed notice has: "…/TB-UBND".
		return "…/" + n.Symbol
	}
	return n.Number + "/" + n.Symbol
}

// Task is one piece of work a notice (or a leader directly) assigns.
type Task struct {
	ID              int64
	OrgID           int64
	NoticeID        int64
	SectionID       int64
	Text            string
	Lead            []int64 // chủ trì
	Support         []int64 // phối hợp
	Deadline        Deadline
	ExpectedProduct string
	SectorID        int64
	Key             bool // nhiệm vụ trọng tâm
	LegalRefs       []string
	// Derived: the effective due day (deadline, recurring period and approved
	// extensions applied) and the completion day. Stored so lists can filter by
	// status in SQL; always recomputed by Refresh, never typed in.
	DueOn         Date
	DoneOn        Date
	ReportedUntil Date // recurring: periods up to this day are reported
	ExtendedTo    Date // latest approved extension
	Percent       int
	LastUpdateAt  time.Time
	CreatedAt     time.Time
	Version       int

	// Groups named as lead or support that are not yet expanded to their
	// units ("UBND các xã, thị trấn"): the task waits for the Office to say
	// which units (chưa xác định đơn vị).
	LeadGroups    []int64
	SupportGroups []int64
	// OriginID is, for a task of a correcting notice, the task of the
	// corrected notice it proposes to change; the change applies only when
	// the Office confirms it, and until then the proposal never counts.
	OriginID int64
}

// Refresh recomputes the derived due day from the deadline, recurring reports
// and the latest approved extension.
func (t *Task) Refresh() {
	due := t.Deadline.Due(t.ReportedUntil)
	if !t.ExtendedTo.IsZero() && (due.IsZero() || t.ExtendedTo.After(due)) {
		due = t.ExtendedTo
	}
	t.DueOn = due
}

// Status is the task's bucket today.
func (t *Task) Status(today Date, soonDays int) Status {
	return ComputeStatus(t.DueOn, t.DoneOn, today, soonDays)
}

// Validate checks the rules every stored task keeps: text present and sane,
// at least one lead (a unit, or a group still to expand), a unit or group not
// both lead and support, a trackable deadline.
func (t *Task) Validate() error { return t.validate(false) }

// ValidateUnassigned is Validate for a task the Office keeps without any
// lead yet (chưa xác định đơn vị), to be resolved later.
func (t *Task) ValidateUnassigned() error { return t.validate(true) }

// NeedsUnits reports whether the task waits for the Office to say which
// units lead it: it has no lead unit, being led by a group not yet
// expanded or by nobody yet. Such a task counts as a task but in no unit's
// row. A task with a lead unit is an ordinary task, counted for that unit,
// even when it still names a group (a supporting one, or a lead group
// beside the unit) that the Office may expand later.
func (t *Task) NeedsUnits() bool {
	return len(t.Lead) == 0
}

// HasGroups reports whether the task still names a group, as lead or
// support, that the Office may expand to its member units.
func (t *Task) HasGroups() bool {
	return len(t.LeadGroups) > 0 || len(t.SupportGroups) > 0
}

func (t *Task) validate(allowNoLead bool) error {
	t.Text = strings.TrimSpace(t.Text)
	switch {
	case t.Text == "":
		return fmt.Errorf("%w: nội dung nhiệm vụ không được để trống", ErrInvalid)
	case !utf8.ValidString(t.Text) || !utf8.ValidString(t.ExpectedProduct):
		return fmt.Errorf("%w: nội dung không phải văn bản UTF-8 hợp lệ", ErrInvalid)
	case utf8.RuneCountInString(t.Text) > 10000:
		return fmt.Errorf("%w: nội dung nhiệm vụ dài quá 10.000 ký tự", ErrInvalid)
	case len(t.Lead) == 0 && len(t.LeadGroups) == 0 && !allowNoLead:
		return fmt.Errorf("%w: cần chọn ít nhất một đơn vị chủ trì", ErrInvalid)
	}
	for _, pair := range [][2][]int64{{t.Lead, t.Support}, {t.LeadGroups, t.SupportGroups}} {
		lead := map[int64]bool{}
		for _, id := range pair[0] {
			lead[id] = true
		}
		for _, id := range pair[1] {
			if lead[id] {
				return fmt.Errorf("%w: một đơn vị (hoặc nhóm) không thể vừa chủ trì vừa phối hợp", ErrInvalid)
			}
		}
	}
	if t.Percent < 0 || t.Percent > 100 {
		return fmt.Errorf("%w: tiến độ phải từ 0 đến 100%%", ErrInvalid)
	}
	return t.Deadline.Validate()
}

// InvolvesUnit reports whether unit id leads or supports the task.
func (t *Task) InvolvesUnit(id int64) bool {
	for _, x := range t.Lead {
		if x == id {
			return true
		}
	}
	for _, x := range t.Support {
		if x == id {
			return true
		}
	}
	return false
}

// Report is a progress or completion report a unit files on a task.
type Report struct {
	ID         int64
	TaskID     int64
	UnitID     int64
	UserID     int64
	UserName   string
	Body       string
	Percent    int
	Completion bool // báo cáo hoàn thành
	// Period is, for a recurring task, the due day this report answers.
	Period      Date
	CreatedAt   time.Time
	Attachments []Attachment
}

// Attachment is a file joined to a report.
type Attachment struct {
	ID          int64
	ReportID    int64
	Name        string
	ContentType string
	Size        int64
}

// ExtensionState is where an extension request stands.
type ExtensionState string

// Extension states.
const (
	ExtensionPending  ExtensionState = "pending"
	ExtensionApproved ExtensionState = "approved"
	ExtensionRefused  ExtensionState = "refused"
)

// Label is the state's Vietnamese name.
func (s ExtensionState) Label() string {
	switch s {
	case ExtensionPending:
		return "Chờ duyệt"
	case ExtensionApproved:
		return "Đã đồng ý"
	case ExtensionRefused:
		return "Không đồng ý"
	}
	return string(s)
}

// Extension is a unit's request to move a task's deadline (gia hạn).
type Extension struct {
	ID          int64
	TaskID      int64
	UnitID      int64
	RequestedBy int64
	Requester   string
	OldDue      Date
	NewDue      Date
	Reason      string
	State       ExtensionState
	DecidedBy   int64
	Decider     string
	DecidedAt   time.Time
	Note        string
	CreatedAt   time.Time
}
