package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

// This file holds the pages of meetings (giao ban) and their conclusion
// notices (thông báo kết luận). Every rule lives in package app; the handlers
// read forms, call the service and choose the page to show.

// docFormFailed reports whether err is one a form answers by showing itself again
// with the user's input: refused input (422) or a stale version (409).
func docFormFailed(err error) bool {
	c := httpx.Status(err)
	return c == http.StatusUnprocessableEntity || c == http.StatusConflict
}

// docLines splits a textarea into its non-empty trimmed lines.
func docLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// docQueryID reads an id filter from the query string; anything else than a
// positive number means "no filter".
func docQueryID(r *http.Request, name string) int64 {
	id, err := strconv.ParseInt(strings.TrimSpace(r.URL.Query().Get(name)), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}

// docNumber reads a whole number typed in field label; empty gives 0.
func docNumber(r *http.Request, name, label string) (int, error) {
	v := strings.TrimSpace(r.PostFormValue(name))
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("%w: %s %q không phải là số", domain.ErrInvalid, label, v)
	}
	return n, nil
}

// docErrs keeps the first error of a form so that every field is still read
// and shown again as typed.
type docErrs struct{ err error }

func (f *docErrs) keep(err error) {
	if f.err == nil && err != nil {
		f.err = err
	}
}

// docUnitGroup is the units of one block, as checkboxes and the directory show them.
type docUnitGroup struct {
	Block domain.Block
	Units []domain.Unit
}

// docGroupUnits puts the directory's units under their blocks, in the blocks'
// order, with the units of no (or an unknown) block last. keep filters units.
func docGroupUnits(d *app.Directory, keep func(*domain.Unit) bool) []docUnitGroup {
	idx := map[int64]int{}
	groups := make([]docUnitGroup, 0, len(d.Blocks)+1)
	for _, b := range d.Blocks {
		idx[b.ID] = len(groups)
		groups = append(groups, docUnitGroup{Block: b})
	}
	rest := docUnitGroup{Block: domain.Block{Name: "Chưa xếp khối"}}
	for i := range d.Units {
		u := &d.Units[i]
		if keep != nil && !keep(u) {
			continue
		}
		if g, ok := idx[u.BlockID]; ok {
			groups[g].Units = append(groups[g].Units, *u)
		} else {
			rest.Units = append(rest.Units, *u)
		}
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.Units) > 0 {
			out = append(out, g)
		}
	}
	if len(rest.Units) > 0 {
		out = append(out, rest)
	}
	return out
}

// ---- Meetings ----

type docMeetingListData struct {
	Meetings []domain.Meeting
	Pager    Pager
	BlockID  int64
	Year     string
	Period   string
	Query    string
}

func (s *Server) meetingList(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	d := docMeetingListData{BlockID: docQueryID(r, "block"), Year: strings.TrimSpace(q.Get("year")),
		Period: q.Get("period"), Query: strings.TrimSpace(q.Get("q"))}
	f := store.MeetingFilter{BlockID: d.BlockID, Period: domain.PeriodKind(d.Period), Query: d.Query}
	if y, err := strconv.Atoi(d.Year); err == nil {
		f.Year = y
	}
	page, per, off := pageParams(r, 20)
	f.Limit, f.Offset = per, off
	ms, total, err := s.svc.Meetings(r.Context(), u, f)
	if err != nil {
		return err
	}
	d.Meetings, d.Pager = ms, newPager(r, page, per, total)
	return s.render(w, r, http.StatusOK, "meetings", &view{Title: "Hội nghị giao ban", Nav: "meetings", Dir: dir, Data: d})
}

// docMeetingForm is the meeting form with what the user typed.
type docMeetingForm struct {
	M        domain.Meeting
	New      bool
	Date     string
	PeriodNo string
	Year     string
	Bridge   string
	Groups   []docUnitGroup
}

func (s *Server) renderMeetingForm(w http.ResponseWriter, r *http.Request, code int, msg string, f *docMeetingForm) error {
	dir, err := s.svc.Directory(r.Context(), userOf(r))
	if err != nil {
		return err
	}
	f.Groups = docGroupUnits(dir, func(u *domain.Unit) bool { return u.Active || docHasID(f.M.UnitIDs, u.ID) })
	title := "Sửa hội nghị"
	if f.New {
		title = "Thêm hội nghị"
	}
	return s.render(w, r, code, "meeting_form", &view{Title: title, Nav: "meetings", Dir: dir, Error: msg, Data: f})
}

func docHasID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func docNewMeetingForm(m *domain.Meeting) *docMeetingForm {
	f := &docMeetingForm{M: *m, Date: m.Date.String(), Bridge: strings.Join(m.BridgePoints, "\n")}
	if m.PeriodNo != 0 {
		f.PeriodNo = strconv.Itoa(m.PeriodNo)
	}
	if m.PeriodYear != 0 {
		f.Year = strconv.Itoa(m.PeriodYear)
	}
	return f
}

// docReadMeeting fills m and f from the posted form and returns the first
// input error; f always holds every field as typed.
func docReadMeeting(r *http.Request, m *domain.Meeting, f *docMeetingForm) error {
	var fe docErrs
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("%w: biểu mẫu không đọc được", domain.ErrInvalid)
	}
	m.Title = r.PostFormValue("title")
	m.Period = domain.PeriodKind(r.PostFormValue("period"))
	m.Time = strings.TrimSpace(r.PostFormValue("time"))
	m.Place = r.PostFormValue("place")
	m.Online = r.PostFormValue("online") == "1"
	m.Chair = r.PostFormValue("chair")
	m.Attendees = r.PostFormValue("attendees")
	m.Agenda = r.PostFormValue("agenda")
	f.Date, f.PeriodNo, f.Year, f.Bridge = r.PostFormValue("date"), r.PostFormValue("period_no"), r.PostFormValue("year"), r.PostFormValue("bridge")
	m.BridgePoints = docLines(f.Bridge)
	var err error
	m.BlockID, err = formID(r, "block_id")
	fe.keep(err)
	m.UnitIDs, err = formIDs(r, "unit_ids")
	fe.keep(err)
	m.Date, err = domain.ParseDate(f.Date)
	if err != nil {
		fe.keep(fmt.Errorf("Ngày họp: %w", err))
	}
	m.PeriodNo, err = docNumber(r, "period_no", "Số kỳ")
	fe.keep(err)
	m.PeriodYear, err = docNumber(r, "year", "Năm")
	fe.keep(err)
	m.Version, err = docNumber(r, "version", "Phiên bản")
	fe.keep(err)
	f.M = *m
	return fe.err
}

func (s *Server) meetingNew(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.CheckManage(userOf(r)); err != nil {
		return err
	}
	today := s.svc.Today()
	m := &domain.Meeting{Period: domain.PeriodMonth, PeriodNo: int(today.Month), PeriodYear: today.Year, Date: today, Time: "07:30",
		BlockID: docQueryID(r, "block")}
	f := docNewMeetingForm(m)
	f.New = true
	return s.renderMeetingForm(w, r, http.StatusOK, "", f)
}

func (s *Server) meetingCreate(w http.ResponseWriter, r *http.Request) error {
	m := &domain.Meeting{}
	f := &docMeetingForm{New: true}
	err := docReadMeeting(r, m, f)
	if err == nil {
		err = s.svc.CreateMeeting(r.Context(), userOf(r), m)
	}
	if docFormFailed(err) {
		return s.renderMeetingForm(w, r, httpx.Status(err), httpx.Message(err), f)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/meetings/%d", m.ID), "Đã thêm hội nghị")
}

type docMeetingShowData struct {
	M       *domain.Meeting
	Notices []domain.Notice
}

func (s *Server) meetingShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	u := userOf(r)
	m, err := s.svc.Meeting(r.Context(), u, id)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	ns, _, err := s.svc.Notices(r.Context(), u, store.NoticeFilter{MeetingID: id, Limit: 100})
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "meeting", &view{Title: m.Title, Nav: "meetings", Dir: dir, Data: docMeetingShowData{M: m, Notices: ns}})
}

func (s *Server) meetingEdit(w http.ResponseWriter, r *http.Request) error {
	id, u, err := s.manageID(r)
	if err != nil {
		return err
	}
	m, err := s.svc.Meeting(r.Context(), u, id)
	if err != nil {
		return err
	}
	return s.renderMeetingForm(w, r, http.StatusOK, "", docNewMeetingForm(m))
}

func (s *Server) meetingUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	m := &domain.Meeting{ID: id}
	f := &docMeetingForm{}
	err = docReadMeeting(r, m, f)
	if err == nil {
		err = s.svc.UpdateMeeting(r.Context(), userOf(r), m)
	}
	if docFormFailed(err) {
		return s.renderMeetingForm(w, r, httpx.Status(err), httpx.Message(err), f)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/meetings/%d", id), "Đã lưu hội nghị")
}

// ---- Notices ----

// docKindOption is one choice of a section's kind.
type docKindOption struct {
	Value domain.SectionKind
	Label string
}

// docSectionKinds are the kinds of a notice's body parts, in form order.
var docSectionKinds = []docKindOption{
	{domain.SectionAssessment, "Đánh giá kết quả"},
	{domain.SectionAnswers, "Giải quyết đề xuất, kiến nghị"},
	{domain.SectionTasks, "Nhiệm vụ"},
	{domain.SectionOther, "Khác"},
}

// docSignerAuthorities are the usual first lines of a signature block (Nghị định 30/2020).
var docSignerAuthorities = []string{"KT. CHỦ TỊCH", "TL. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG"}

// docSignerTitles are the usual second lines.
var docSignerTitles = []string{"PHÓ CHỦ TỊCH", "CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"}

type docNoticeListData struct {
	Notices   []domain.Notice
	Meetings  []domain.Meeting
	Pager     Pager
	MeetingID int64
	State     string
	Query     string
}

func (s *Server) noticeList(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	q := r.URL.Query()
	d := docNoticeListData{MeetingID: docQueryID(r, "meeting"), State: q.Get("state"), Query: strings.TrimSpace(q.Get("q"))}
	page, per, off := pageParams(r, 20)
	ns, total, err := s.svc.Notices(r.Context(), u, store.NoticeFilter{MeetingID: d.MeetingID, State: domain.NoticeState(d.State),
		Query: d.Query, Limit: per, Offset: off})
	if err != nil {
		return err
	}
	if d.Meetings, _, err = s.svc.Meetings(r.Context(), u, store.MeetingFilter{Limit: 200}); err != nil {
		return err
	}
	d.Notices, d.Pager = ns, newPager(r, page, per, total)
	return s.render(w, r, http.StatusOK, "notices", &view{Title: "Thông báo kết luận", Nav: "notices", Data: d})
}

// docNoticeForm is the draft form with what the user typed.
type docNoticeForm struct {
	N           domain.Notice
	New         bool
	IssuedOn    string
	Recipients  string
	Rows        []domain.Section
	Meetings    []domain.Meeting
	Kinds       []docKindOption
	Authorities []string
	Titles      []string
}

func docNewNoticeForm(n *domain.Notice) *docNoticeForm {
	return &docNoticeForm{N: *n, IssuedOn: n.IssuedOn.String(), Recipients: strings.Join(n.Recipients, "\n")}
}

func (s *Server) renderNoticeForm(w http.ResponseWriter, r *http.Request, code int, msg string, f *docNoticeForm) error {
	var err error
	if f.Meetings, _, err = s.svc.Meetings(r.Context(), userOf(r), store.MeetingFilter{Limit: 200}); err != nil {
		return err
	}
	// Existing sections and two empty rows (three at least), so that parts
	// are added without JavaScript: an empty row is dropped on save.
	f.Rows = append([]domain.Section(nil), f.N.Sections...)
	for i := 0; i < 2 || len(f.Rows) < 3; i++ {
		f.Rows = append(f.Rows, domain.Section{Kind: domain.SectionOther})
	}
	if len(f.N.Sections) == 0 && len(f.Rows) == 3 {
		f.Rows[0].Kind, f.Rows[1].Kind, f.Rows[2].Kind = domain.SectionAssessment, domain.SectionAnswers, domain.SectionTasks
	}
	f.Kinds, f.Authorities, f.Titles = docSectionKinds, docSignerAuthorities, docSignerTitles
	title := "Sửa dự thảo thông báo"
	if f.New {
		title = "Soạn thông báo kết luận"
	}
	return s.render(w, r, code, "notice_form", &view{Title: title, Nav: "notices", Error: msg, Data: f})
}

// docReadNotice fills n and f from the posted form. Sections keep their ids only
// when they are among existing, so tasks stay attached and no other notice's
// section can be claimed; a row with neither heading nor body is dropped.
func docReadNotice(r *http.Request, n *domain.Notice, f *docNoticeForm, existing []domain.Section) error {
	var fe docErrs
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("%w: biểu mẫu không đọc được", domain.ErrInvalid)
	}
	n.Number = r.PostFormValue("number")
	n.Symbol = r.PostFormValue("symbol")
	n.Place = r.PostFormValue("place")
	n.Title = r.PostFormValue("title")
	n.SignerAuthority = r.PostFormValue("signer_authority")
	n.SignerTitle = r.PostFormValue("signer_title")
	n.SignerName = r.PostFormValue("signer_name")
	f.IssuedOn, f.Recipients = r.PostFormValue("issued_on"), r.PostFormValue("recipients")
	n.Recipients = docLines(f.Recipients)
	var err error
	n.MeetingID, err = formID(r, "meeting_id")
	fe.keep(err)
	if n.IssuedOn, err = domain.ParseDate(f.IssuedOn); err != nil {
		fe.keep(fmt.Errorf("Ngày ban hành: %w", err))
	}
	n.Version, err = docNumber(r, "version", "Phiên bản")
	fe.keep(err)
	known := map[int64]bool{}
	for _, sec := range existing {
		known[sec.ID] = true
	}
	ids, kinds, bodies := r.PostForm["sec_id"], r.PostForm["sec_kind"], r.PostForm["sec_body"]
	at := func(xs []string, i int) string {
		if i < len(xs) {
			return xs[i]
		}
		return ""
	}
	n.Sections = nil
	for i, heading := range r.PostForm["sec_heading"] {
		body := at(bodies, i)
		if strings.TrimSpace(heading) == "" && strings.TrimSpace(body) == "" {
			continue
		}
		sec := domain.Section{Kind: domain.SectionKind(at(kinds, i)), Heading: heading, Body: body}
		if id, err := strconv.ParseInt(at(ids, i), 10, 64); err == nil && known[id] {
			sec.ID = id
		}
		n.Sections = append(n.Sections, sec)
	}
	f.N = *n
	return fe.err
}

func (s *Server) noticeNew(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	if err := s.svc.CheckManage(u); err != nil {
		return err
	}
	dir, err := s.svc.Directory(r.Context(), u)
	if err != nil {
		return err
	}
	n := &domain.Notice{Symbol: "TB-UBND", Place: dir.Org.Place, SignerAuthority: "KT. CHỦ TỊCH", SignerTitle: "PHÓ CHỦ TỊCH",
		Recipients: []string{"Lưu: VT."}}
	if id := docQueryID(r, "meeting"); id != 0 {
		m, err := s.svc.Meeting(r.Context(), u, id)
		if err != nil {
			return err
		}
		n.MeetingID = m.ID
		if m.Chair != "" {
			n.Title = "Kết luận của " + m.Chair + " tại " + m.Title
		}
	}
	f := docNewNoticeForm(n)
	f.New = true
	return s.renderNoticeForm(w, r, http.StatusOK, "", f)
}

func (s *Server) noticeCreate(w http.ResponseWriter, r *http.Request) error {
	n := &domain.Notice{}
	f := &docNoticeForm{New: true}
	err := docReadNotice(r, n, f, nil)
	if err == nil {
		err = s.svc.CreateNotice(r.Context(), userOf(r), n)
	}
	if docFormFailed(err) {
		return s.renderNoticeForm(w, r, httpx.Status(err), httpx.Message(err), f)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/notices/%d", n.ID), "Đã lưu dự thảo thông báo")
}

// errDocIssuedReadOnly answers an attempt to edit an issued notice in place.
var errDocIssuedReadOnly = fmt.Errorf("%w: thông báo đã ban hành không sửa trực tiếp được; hãy bấm «Đính chính» để tạo bản đính chính (dự thảo phiên bản mới)", domain.ErrInvalid)

// withDraftNotice loads the notice of the path for a manager to edit and hands
// it to edit. An issued notice is never edited in place: the notice page is
// shown instead, with errDocIssuedReadOnly (422).
func (s *Server) withDraftNotice(w http.ResponseWriter, r *http.Request, edit func(u *domain.User, n *domain.Notice) error) error {
	id, u, err := s.manageID(r)
	if err != nil {
		return err
	}
	n, err := s.svc.Notice(r.Context(), u, id)
	if err != nil {
		return err
	}
	if n.State != domain.NoticeDraft {
		return s.showNotice(w, r, http.StatusUnprocessableEntity, n, httpx.Message(errDocIssuedReadOnly))
	}
	return edit(u, n)
}

func (s *Server) noticeEdit(w http.ResponseWriter, r *http.Request) error {
	return s.withDraftNotice(w, r, func(_ *domain.User, n *domain.Notice) error {
		return s.renderNoticeForm(w, r, http.StatusOK, "", docNewNoticeForm(n))
	})
}

func (s *Server) noticeUpdate(w http.ResponseWriter, r *http.Request) error {
	return s.withDraftNotice(w, r, func(u *domain.User, old *domain.Notice) error {
		n := &domain.Notice{ID: old.ID}
		f := &docNoticeForm{}
		err := docReadNotice(r, n, f, old.Sections)
		if err == nil {
			err = s.svc.UpdateNotice(r.Context(), u, n)
		}
		if docFormFailed(err) {
			return s.renderNoticeForm(w, r, httpx.Status(err), httpx.Message(err), f)
		}
		if err != nil {
			return err
		}
		return redirect(w, r, fmt.Sprintf("/notices/%d", old.ID), "Đã lưu dự thảo thông báo")
	})
}

// docNotice is a notice laid out as the official document, with what the
// page shows beside it.
type docNotice struct {
	N          *domain.Notice
	Meeting    *domain.Meeting
	Superior   string
	OrgName    string
	DateLine   string
	Sections   []docSection
	Recipients []string
	Versions   []domain.Notice
	Newer      *domain.Notice // the version that corrected this one
	Tasks      []store.TaskRow
	TaskTotal  int
}

type docSection struct {
	Heading string
	Paras   []string
}

// docDateLine writes "Lâm Thao, ngày 05 tháng 02 năm 2023" as Decree
// 30/2020/NĐ-CP wants it: days below 10 and months 1 and 2 with a leading zero.
// A draft without a date keeps blanks to fill in by hand.
func docDateLine(place string, d domain.Date) string {
	prefix := ""
	if place != "" {
		prefix = place + ", "
	}
	if d.IsZero() {
		return prefix + "ngày\u00a0\u00a0\u00a0\u00a0 tháng\u00a0\u00a0\u00a0\u00a0 năm\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
	}
	day, month := strconv.Itoa(d.Day), strconv.Itoa(int(d.Month))
	if d.Day < 10 {
		day = "0" + day
	}
	if d.Month < 3 {
		month = "0" + month
	}
	return fmt.Sprintf("%sngày %s tháng %s năm %d", prefix, day, month, d.Year)
}

// docRecipientLine prints one "Nơi nhận" line with the dash documents use.
func docRecipientLine(s string) string {
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "–") {
		return s
	}
	return "- " + s
}

func (s *Server) noticeShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	n, err := s.svc.Notice(r.Context(), userOf(r), id)
	if err != nil {
		return err
	}
	return s.showNotice(w, r, http.StatusOK, n, "")
}

// showNotice renders the notice page with status code and an optional error.
func (s *Server) showNotice(w http.ResponseWriter, r *http.Request, code int, n *domain.Notice, msg string) error {
	ctx, u := r.Context(), userOf(r)
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	d := docNotice{N: n, Superior: strings.ToUpper(dir.Org.Superior), OrgName: strings.ToUpper(dir.Org.Name)}
	place := n.Place
	if place == "" {
		place = dir.Org.Place
	}
	d.DateLine = docDateLine(place, n.IssuedOn)
	for _, sec := range n.Sections {
		d.Sections = append(d.Sections, docSection{Heading: sec.Heading, Paras: docLines(sec.Body)})
	}
	for _, rc := range n.Recipients {
		d.Recipients = append(d.Recipients, docRecipientLine(rc))
	}
	if n.MeetingID != 0 {
		if d.Meeting, err = s.svc.Meeting(ctx, u, n.MeetingID); err != nil && !app.IsNotFound(err) {
			return err
		}
	}
	if d.Versions, err = s.svc.NoticeVersions(ctx, u, n.ID); err != nil {
		return err
	}
	for i := range d.Versions {
		if d.Versions[i].SupersedesID == n.ID {
			d.Newer = &d.Versions[i]
		}
	}
	if d.Tasks, d.TaskTotal, err = s.svc.Tasks(ctx, u, store.TaskFilter{NoticeID: n.ID, Limit: 200}); err != nil {
		return err
	}
	title := "Thông báo " + n.Code()
	if n.Number == "" {
		title = "Thông báo (dự thảo)"
	}
	return s.render(w, r, code, "notice", &view{Title: title, Nav: "notices", Dir: dir, Error: msg, Data: d})
}

// showNoticeRefused shows notice id again, as it now stands, with the message
// and status of err: an action on it that the user can correct was refused.
func (s *Server) showNoticeRefused(w http.ResponseWriter, r *http.Request, id int64, err error) error {
	n, nerr := s.svc.Notice(r.Context(), userOf(r), id)
	if nerr != nil {
		return nerr
	}
	return s.showNotice(w, r, httpx.Status(err), n, httpx.Message(err))
}

func (s *Server) noticeIssue(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	version, err := docNumber(r, "version", "Phiên bản")
	if err == nil {
		_, err = s.svc.IssueNotice(r.Context(), userOf(r), id, version)
	}
	if docFormFailed(err) {
		return s.showNoticeRefused(w, r, id, err)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/notices/%d", id), "Đã ban hành thông báo")
}

func (s *Server) noticeCorrect(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	n, err := s.svc.CorrectNotice(r.Context(), userOf(r), id)
	if docFormFailed(err) {
		return s.showNoticeRefused(w, r, id, err)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/notices/%d/edit", n.ID),
		fmt.Sprintf("Đã tạo bản đính chính (phiên bản %d, dự thảo). Sửa nội dung rồi ban hành để thay thế bản cũ.", n.Revision))
}
