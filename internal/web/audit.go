package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

// The audit log as an administrator reads it: what was done in Vietnamese
// words, the record by its title with a link, and what changed, field by
// field, in the units, days and names the rest of the site shows. The
// entries themselves keep the codes and JSON the service wrote.

// auditActions names the actions the service writes. An action without a
// name here (one added later) is shown as its code.
var auditActions = map[string]string{
	"login":            "Đăng nhập",
	"create":           "Tạo mới",
	"update":           "Sửa",
	"issue":            "Ban hành",
	"correct":          "Tạo văn bản đính chính, thay thế",
	"import":           "Nhập từ văn bản",
	"report":           "Báo cáo tiến độ",
	"report_backdated": "Nhập bổ sung báo cáo (ghi lùi ngày)",
	"create_backdated": "Nhập bổ sung nhiệm vụ (ghi lùi ngày)",
	"request":          "Đề nghị gia hạn",
	"approved":         "Đồng ý gia hạn",
	"refused":          "Không đồng ý gia hạn",
	"extend":           "Gia hạn",
	"event_date":       "Ghi ngày xảy ra sự kiện",
	"reopen":           "Mở lại",
	"revoke":           "Thu hồi",
	"set_password":     "Đặt mật khẩu",
	"propose_change":   "Đề xuất thay đổi (đính chính)",
	"confirm_change":   "Xác nhận thay đổi (đính chính)",
	"discard_change":   "Bỏ thay đổi (đính chính)",
	"expand_group":     "Chia cho đơn vị của nhóm",
	"resolve_units":    "Xác định đơn vị thực hiện",
	"confirm":          "Xác nhận nhập văn bản",
}

// auditEntities names the kinds of record, in the order the filter lists them.
var auditEntities = []struct{ Code, Label string }{
	{"task", "Nhiệm vụ"},
	{"notice", "Thông báo kết luận"},
	{"meeting", "Hội nghị"},
	{"extension", "Đề nghị gia hạn"},
	{"unit", "Đơn vị"},
	{"group", "Nhóm đơn vị"},
	{"import", "Lần nhập văn bản"},
	{"block", "Khối"},
	{"sector", "Lĩnh vực"},
	{"org", "Cơ quan"},
	{"user", "Người dùng"},
	{"api_token", "Token API"},
	{"calendar_link", "Liên kết lịch"},
}

func entityLabel(code string) string {
	for _, e := range auditEntities {
		if e.Code == code {
			return e.Label
		}
	}
	return code
}

func actionLabel(code string) string {
	if l, ok := auditActions[code]; ok {
		return l
	}
	return code
}

// auditLink is the page of a record, "" when it has none.
func auditLink(entity string, id, taskOf int64) string {
	switch entity {
	case "task":
		return fmt.Sprintf("/tasks/%d", id)
	case "notice":
		return fmt.Sprintf("/notices/%d", id)
	case "meeting":
		return fmt.Sprintf("/meetings/%d", id)
	case "unit":
		return fmt.Sprintf("/units/%d/edit", id)
	case "group":
		return fmt.Sprintf("/groups/%d/edit", id)
	case "import":
		return fmt.Sprintf("/import/%d", id)
	case "user":
		return fmt.Sprintf("/admin/users/%d/edit", id)
	case "extension":
		if taskOf != 0 {
			return fmt.Sprintf("/tasks/%d", taskOf)
		}
	}
	return ""
}

// auditFields names the fields of the records the log keeps (the domain
// types' names, and the keys of the maps some entries write), in the order
// they are shown. Bookkeeping fields (ids, versions, times) are left out.
var auditFields = []struct{ Key, Label string }{
	{"Text", "Nội dung"}, {"Title", "Trích yếu / tên"}, {"Name", "Tên"}, {"name", "Tên"}, {"FullName", "Họ tên"},
	{"Username", "Tên đăng nhập"}, {"Role", "Vai trò"}, {"Disabled", "Khóa tài khoản"},
	{"Lead", "Đơn vị chủ trì"}, {"Support", "Đơn vị phối hợp"}, {"LeadGroups", "Nhóm chủ trì (chưa chia)"},
	{"SupportGroups", "Nhóm phối hợp (chưa chia)"}, {"Deadline", "Thời hạn"}, {"DueOn", "Hạn thực hiện"},
	{"ExtendedTo", "Gia hạn đến"}, {"DoneOn", "Ngày hoàn thành"}, {"ReportedUntil", "Đã báo cáo đến kỳ"}, {"Percent", "Tiến độ (%)"},
	{"ExpectedProduct", "Sản phẩm đầu ra"}, {"SectorID", "Lĩnh vực"}, {"BlockID", "Khối"}, {"UnitID", "Đơn vị"}, {"unit", "Đơn vị"},
	{"Key", "Nhiệm vụ trọng tâm"}, {"LegalRefs", "Văn bản căn cứ"}, {"NoticeID", "Thông báo kết luận"}, {"MeetingID", "Hội nghị"},
	{"report", "Nội dung báo cáo"}, {"completion", "Báo cáo hoàn thành"}, {"day", "Ngày báo cáo"},
	{"Number", "Số"}, {"Symbol", "Ký hiệu"}, {"code", "Số, ký hiệu"}, {"IssuedOn", "Ngày ban hành"}, {"Place", "Địa điểm"},
	{"SignerAuthority", "Thẩm quyền ký"}, {"SignerTitle", "Chức vụ người ký"}, {"SignerName", "Người ký"}, {"Recipients", "Nơi nhận"},
	{"State", "Trạng thái"}, {"Revision", "Phiên bản"}, {"revision", "Phiên bản"}, {"supersedes", "Thay thế thông báo"},
	{"corrects", "Thông báo được đính chính"}, {"Correction", "Loại văn bản"}, {"correction", "Loại văn bản"}, {"kind", "Loại văn bản"},
	{"notice", "Theo văn bản đính chính"}, {"unchanged_proposals_dropped", "Số nhiệm vụ không thay đổi (bỏ đề xuất)"}, {"Sections", "Các mục"},
	{"Date", "Ngày"}, {"Time", "Giờ"}, {"Period", "Kỳ"}, {"PeriodYear", "Năm"}, {"PeriodNo", "Số kỳ"}, {"Online", "Họp trực tuyến"},
	{"BridgePoints", "Điểm cầu"}, {"Chair", "Chủ trì hội nghị"}, {"UnitIDs", "Đơn vị dự họp"}, {"GroupIDs", "Nhóm đơn vị dự họp"}, {"Attendees", "Thành phần"}, {"Agenda", "Nội dung họp"},
	{"Kind", "Loại"}, {"Aliases", "Tên gọi khác"}, {"Members", "Đơn vị thành viên"}, {"MemberKinds", "Thành viên theo loại đơn vị"},
	{"Open", "Nhóm mở (Văn phòng chọn đơn vị)"}, {"Active", "Đang hoạt động"}, {"Level", "Cấp"}, {"Superior", "Cơ quan cấp trên"}, {"Issuer", "Cơ quan ban hành"},
	{"OldDue", "Hạn cũ"}, {"NewDue", "Hạn đề nghị"}, {"Reason", "Lý do"}, {"Requester", "Người đề nghị"}, {"Decider", "Người quyết định"},
	{"Note", "Ý kiến"}, {"source", "Tệp nguồn"}, {"title", "Trích yếu"}, {"tasks", "Số nhiệm vụ"},
	{"expanded", "Số nhiệm vụ chia cho đơn vị của nhóm"}, {"waiting", "Số nhiệm vụ chờ xác định đơn vị"},
	{"unassigned", "Số nhiệm vụ chưa giao đơn vị"}, {"skipped", "Số nhiệm vụ không nhập"},
}

// auditQuiet are bookkeeping fields no reader needs.
var auditQuiet = map[string]bool{"ID": true, "OrgID": true, "Version": true, "CreatedAt": true, "LastUpdateAt": true,
	"TaskID": true, "RequestedBy": true, "DecidedBy": true, "DecidedAt": true, "SupersedesID": true, "SectionID": true,
	"task": true, "OriginID": true, "proposal": true}

// auditChange is one field of a record: its value before and after (one of
// them empty for a creation or a value recorded once).
type auditChange struct {
	Label, Before, After string
}

// auditLine is an entry as the log shows it.
type auditLine struct {
	store.AuditEntry
	Action, Entity string // in Vietnamese
	Title, Link    string
	// Changes are the fields an edit changed, Added what the entry records
	// beside the record (a report's text), Fields what a creation recorded.
	Changes, Added []auditChange
	Fields         []auditChange
	// Who is the user's full name, when the user still exists.
	Who string
}

// auditReader turns entries into lines with the organisation's names.
type auditReader struct {
	dir   *app.Directory
	users map[int64]string
	// notices are the current titles of the notices entries refer to
	// (a task's notice, the notice a correction corrects), by id.
	notices map[int64]string
}

// auditNoticeKeys are the fields whose value is a notice's id.
var auditNoticeKeys = []string{"NoticeID", "supersedes", "corrects", "notice"}

// noticeRefs lists the notices entry e refers to in its fields, so that
// the log can name them by number and title.
func noticeRefs(e store.AuditEntry) []store.AuditRef {
	var out []store.AuditRef
	for _, raw := range []string{e.Before, e.After} {
		var m map[string]any
		if raw == "" || json.Unmarshal([]byte(raw), &m) != nil {
			continue
		}
		fields := []map[string]any{m}
		if task, ok := m["task"].(map[string]any); ok {
			fields = append(fields, task) // a report's or a confirmed change's task
		}
		for _, f := range fields {
			for _, k := range auditNoticeKeys {
				if n := id(f[k]); n > 0 {
					out = append(out, store.AuditRef{Entity: "notice", ID: n})
				}
			}
		}
	}
	return out
}

// line reads one entry; titles are the current titles of the records.
func (ar *auditReader) line(e store.AuditEntry, titles map[store.AuditRef]string, taskOf map[int64]int64) auditLine {
	l := auditLine{AuditEntry: e, Action: actionLabel(e.Action), Entity: entityLabel(e.Entity), Who: ar.users[e.UserID]}
	before, after := ar.flatten(e.Before), ar.flatten(e.After)
	l.Title = titles[store.AuditRef{Entity: e.Entity, ID: e.EntityID}]
	if l.Title == "" {
		for _, k := range []string{"Text", "Title", "Name", "name", "FullName"} {
			if l.Title = after[k]; l.Title == "" {
				l.Title = before[k]
			}
			if l.Title != "" {
				break
			}
		}
	}
	if l.Title == "" && e.EntityID != 0 {
		l.Title = fmt.Sprintf("#%d", e.EntityID)
	}
	l.Title = shorten(l.Title, 160)
	if _, exists := titles[store.AuditRef{Entity: e.Entity, ID: e.EntityID}]; exists || e.Entity == "extension" {
		l.Link = auditLink(e.Entity, e.EntityID, taskOf[e.EntityID])
	}
	keys := map[string]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	if len(before) > 0 && len(after) > 0 && !sharesKey(before, after) {
		// Neither is the other's earlier state: the smaller holds what the
		// entry notes (the notice a correction corrects, a dropped
		// proposal's notice), shown as it is; the larger is the record, as
		// a creation shows it.
		notes, record := before, after
		if len(notes) > len(record) {
			notes, record = record, notes
		}
		for _, f := range ar.order(keys) {
			if v := notes[f.Key]; v != "" {
				l.Added = append(l.Added, auditChange{Label: f.Label, After: v})
			} else if v := record[f.Key]; v != "" {
				l.Fields = append(l.Fields, auditChange{Label: f.Label, After: v})
			}
		}
		return l
	}
	for _, f := range ar.order(keys) {
		b, inBefore := before[f.Key]
		a := after[f.Key]
		switch {
		case len(before) == 0:
			if a != "" {
				l.Fields = append(l.Fields, auditChange{Label: f.Label, After: a})
			}
		case !inBefore && a != "":
			l.Added = append(l.Added, auditChange{Label: f.Label, After: a})
		case inBefore && b != a:
			l.Changes = append(l.Changes, auditChange{Label: f.Label, Before: b, After: a})
		}
	}
	return l
}

// sharesKey reports whether a and b have a field in common.
func sharesKey(a, b map[string]string) bool {
	for k := range a {
		if _, ok := b[k]; ok {
			return true
		}
	}
	return false
}

// order lists keys with their labels in auditFields' order, unknown keys
// (a field added later) last under their own name.
func (ar *auditReader) order(keys map[string]bool) []struct{ Key, Label string } {
	var out []struct{ Key, Label string }
	for _, f := range auditFields {
		if keys[f.Key] {
			out = append(out, f)
			delete(keys, f.Key)
		}
	}
	var rest []string
	for k := range keys {
		if !auditQuiet[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		out = append(out, struct{ Key, Label string }{k, k})
	}
	return out
}

// flatten reads an entry's JSON into readable values by field. A report's
// entry holds the task under "task" beside the report: the task's fields
// are read as the record's own.
func (ar *auditReader) flatten(raw string) map[string]string {
	out := map[string]string{}
	if raw == "" {
		return out
	}
	var v any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		out["?"] = shorten(raw, 300)
		return out
	}
	m, ok := v.(map[string]any)
	if !ok {
		return out
	}
	if task, ok := m["task"].(map[string]any); ok {
		for k, x := range task {
			if _, dup := m[k]; !dup {
				m[k] = x
			}
		}
	}
	for k, x := range m {
		if auditQuiet[k] {
			continue
		}
		out[k] = ar.value(k, x) // an empty value too: "(trống) → …" on an edit
	}
	return out
}

// value writes one field's value as the site shows it.
func (ar *auditReader) value(key string, x any) string {
	switch key {
	case "completion":
		if b, _ := x.(bool); !b {
			return "" // an ordinary progress report
		}
	case "Lead", "Support", "UnitIDs", "Members":
		return ar.dir.UnitNames(ids(x))
	case "LeadGroups", "SupportGroups", "GroupIDs":
		return ar.dir.GroupNames(ids(x))
	case "Correction", "correction", "kind":
		if s, ok := x.(string); ok {
			return domain.CorrectionKind(s).Label()
		}
	case "UnitID", "unit":
		return ar.dir.UnitName(id(x))
	case "BlockID":
		return ar.dir.BlockName(id(x))
	case "SectorID":
		return ar.dir.SectorName(id(x))
	case "Role":
		if s, ok := x.(string); ok {
			return domain.Role(s).Label()
		}
	case "State":
		if s, ok := x.(string); ok {
			if l := domain.NoticeState(s).Label(); l != s {
				return l
			}
			return domain.ExtensionState(s).Label()
		}
	case "Deadline":
		var d domain.Deadline
		if b, err := json.Marshal(x); err == nil && json.Unmarshal(b, &d) == nil && d.Kind != "" {
			return httpx.Sentence(d.Describe())
		}
	case "Sections":
		if xs, ok := x.([]any); ok && len(xs) > 0 {
			return fmt.Sprintf("%d mục", len(xs))
		}
		return ""
	case "NoticeID", "supersedes", "corrects", "notice":
		if n := id(x); n != 0 {
			if t := ar.notices[n]; t != "" {
				return t
			}
			return fmt.Sprintf("#%d", n)
		}
		return ""
	case "MeetingID":
		if n := id(x); n != 0 {
			return fmt.Sprintf("#%d", n)
		}
		return ""
	case "DecidedAt":
		return ""
	}
	return plainValue(x)
}

// plainValue writes a JSON value: a day as 15/03/2023, true as "có", a list
// joined by "; ".
func plainValue(x any) string {
	switch v := x.(type) {
	case nil:
		return ""
	case bool:
		if v {
			return "có"
		}
		return "không"
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			return t.In(domain.Location).Format("02/01/2006 15:04")
		}
		if d, err := domain.ParseStored(v); err == nil && len(v) == 10 {
			return d.VN()
		}
		return shorten(v, 300)
	case []any:
		var parts []string
		for _, p := range v {
			if s := plainValue(p); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "; ")
	case map[string]any:
		if y, ok := v["Year"].(float64); ok {
			d := domain.NewDate(int(y), time.Month(num(v["Month"])), int(num(v["Day"])))
			return d.VN()
		}
		b, _ := json.Marshal(v)
		return shorten(string(b), 300)
	}
	return fmt.Sprint(x)
}

func num(x any) float64 {
	f, _ := x.(float64)
	return f
}

func id(x any) int64 { return int64(num(x)) }

func ids(x any) []int64 {
	xs, _ := x.([]any)
	out := make([]int64, 0, len(xs))
	for _, v := range xs {
		out = append(out, id(v))
	}
	return out
}

// --- The page ------------------------------------------------------------------

type auditData struct {
	Lines    []auditLine
	Users    []domain.User
	Actions  []struct{ Code, Label string }
	Entities []struct{ Code, Label string }
	Pager    Pager
	// The filters as typed.
	UserID         int64
	Action, Entity string
	EntityID       string
	From, To       string
}

func (s *Server) auditLog(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	q := r.URL.Query()
	d := auditData{Action: strings.TrimSpace(q.Get("action")), Entity: strings.TrimSpace(q.Get("entity")),
		EntityID: strings.TrimSpace(q.Get("entity_id")), From: q.Get("from"), To: q.Get("to"), Entities: auditEntities}
	v := &view{Title: "Nhật ký thao tác", Nav: "audit", Data: &d}
	var err error
	f := store.AuditFilter{Action: d.Action, Entity: d.Entity}
	var errs formErrs
	d.UserID, err = formID(r, "user")
	errs.keep(err)
	f.UserID = d.UserID
	f.EntityID, err = formID(r, "entity_id")
	errs.keep(err)
	if f.From, err = domain.ParseDate(d.From); err != nil {
		errs.keep(fmt.Errorf("%w: từ ngày: %w", domain.ErrInvalid, err))
	}
	if f.To, err = domain.ParseDate(d.To); err != nil {
		errs.keep(fmt.Errorf("%w: đến ngày: %w", domain.ErrInvalid, err))
	}
	if d.Users, err = s.svc.Users(ctx, u); err != nil {
		return err
	}
	codes, err := s.svc.AuditActions(ctx, u)
	if err != nil {
		return err
	}
	for _, c := range codes {
		d.Actions = append(d.Actions, struct{ Code, Label string }{c, actionLabel(c)})
	}
	sort.SliceStable(d.Actions, func(i, j int) bool { return d.Actions[i].Label < d.Actions[j].Label })
	status := http.StatusOK
	if errs.err != nil {
		v.Error, status = httpx.Message(errs.err), http.StatusUnprocessableEntity
		d.Pager = newPager(r, 1, 50, 0)
		return s.render(w, r, status, "audit", v)
	}
	page, per, off := pageParams(r, 50)
	f.Limit, f.Offset = per, off
	entries, total, err := s.svc.AuditLog(ctx, u, f)
	if err != nil {
		return err
	}
	refs := make([]store.AuditRef, 0, len(entries))
	for _, e := range entries {
		refs = append(refs, store.AuditRef{Entity: e.Entity, ID: e.EntityID})
		refs = append(refs, noticeRefs(e)...)
	}
	titles, taskOf, err := s.svc.AuditTitles(ctx, u, refs)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	ar := &auditReader{dir: dir, users: map[int64]string{}, notices: map[int64]string{}}
	for ref, title := range titles {
		if ref.Entity == "notice" {
			ar.notices[ref.ID] = shorten(title, 120)
		}
	}
	for _, usr := range d.Users {
		ar.users[usr.ID] = usr.FullName
	}
	for _, e := range entries {
		d.Lines = append(d.Lines, ar.line(e, titles, taskOf))
	}
	d.Pager = newPager(r, page, per, total)
	return s.render(w, r, status, "audit", v)
}
