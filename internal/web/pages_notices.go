package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/docs"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

// The pages of conclusion notices (thông báo kết luận): list, the notice laid
// out as the official document, the draft form, issuing and correcting.
// Every rule lives in package app; the handlers read forms, call the service
// and choose the page to show.

// sectionKindOption is one choice of a section's kind.
type sectionKindOption struct {
	Value domain.SectionKind
	Label string
}

// sectionKinds are the kinds of a notice's body parts, in form order.
var sectionKinds = []sectionKindOption{
	{domain.SectionAssessment, "Đánh giá kết quả"},
	{domain.SectionAnswers, "Giải quyết đề xuất, kiến nghị"},
	{domain.SectionTasks, "Nhiệm vụ"},
	{domain.SectionOther, "Khác"},
}

// signerAuthorities are the usual first lines of a signature block (Nghị định 30/2020).
var signerAuthorities = []string{"KT. CHỦ TỊCH", "TL. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG"}

// signerTitles are the usual second lines.
var signerTitles = []string{"PHÓ CHỦ TỊCH", "CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"}

type noticeListData struct {
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
	meetingID, _ := formID(r, "meeting") // a filter that is not a number filters nothing
	d := noticeListData{MeetingID: meetingID, State: q.Get("state"), Query: strings.TrimSpace(q.Get("q"))}
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

// noticeForm is the draft form with what the user typed.
type noticeForm struct {
	N   domain.Notice
	New bool
	// Dup is the notice the organisation already has, when saving was
	// refused as a duplicate: the form then offers to enter it as a
	// correction of that notice.
	Dup         *app.DuplicateNoticeError
	IssuedOn    string
	Recipients  string
	Rows        []domain.Section
	Meetings    []domain.Meeting
	Kinds       []sectionKindOption
	Authorities []string
	Titles      []string
}

func noticeFormOf(n *domain.Notice) *noticeForm {
	return &noticeForm{N: *n, IssuedOn: n.IssuedOn.String(), Recipients: strings.Join(n.Recipients, "\n")}
}

func (s *Server) renderNoticeForm(w http.ResponseWriter, r *http.Request, code int, msg string, f *noticeForm) error {
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
	f.Kinds, f.Authorities, f.Titles = sectionKinds, signerAuthorities, signerTitles
	title := "Sửa dự thảo thông báo"
	if f.New {
		title = "Soạn thông báo kết luận"
	}
	return s.render(w, r, code, "notice_form", &view{Title: title, Nav: "notices", Error: msg, Data: f})
}

// readNotice fills n and f from the posted form. Sections keep their ids only
// when they are among existing, so tasks stay attached and no other notice's
// section can be claimed; a row with neither heading nor body is dropped.
func readNotice(r *http.Request, n *domain.Notice, f *noticeForm, existing []domain.Section) error {
	var fe formErrs
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("%w: biểu mẫu không đọc được", domain.ErrInvalid)
	}
	n.Number = r.PostFormValue("number")
	n.Symbol = r.PostFormValue("symbol")
	n.Place = r.PostFormValue("place")
	n.Issuer, n.Superior = r.PostFormValue("issuer"), r.PostFormValue("superior")
	n.Title = r.PostFormValue("title")
	n.SignerAuthority = r.PostFormValue("signer_authority")
	n.SignerTitle = r.PostFormValue("signer_title")
	n.SignerName = r.PostFormValue("signer_name")
	if r.PostFormValue("is_correction") == "1" {
		// The user says it corrects the notice a refused save named.
		var err error
		if n.SupersedesID, err = formID(r, "corrects_id"); err != nil {
			fe.keep(err)
		}
		n.Correction = domain.CorrectionKind(r.PostFormValue("correction"))
	}
	f.IssuedOn, f.Recipients = r.PostFormValue("issued_on"), r.PostFormValue("recipients")
	n.Recipients = lines(f.Recipients)
	var err error
	n.MeetingID, err = formID(r, "meeting_id")
	fe.keep(err)
	if n.IssuedOn, err = domain.ParseDate(f.IssuedOn); err != nil {
		fe.keep(fmt.Errorf("Ngày ban hành: %w", err))
	}
	n.Version, err = formInt(r, "version", "Phiên bản", 0)
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
	if id, _ := formID(r, "meeting"); id != 0 {
		m, err := s.svc.Meeting(r.Context(), u, id)
		if err != nil {
			return err
		}
		n.MeetingID = m.ID
		if m.Chair != "" {
			n.Title = "Kết luận của " + m.Chair + " tại " + m.Title
		}
	}
	f := noticeFormOf(n)
	f.New = true
	return s.renderNoticeForm(w, r, http.StatusOK, "", f)
}

func (s *Server) noticeCreate(w http.ResponseWriter, r *http.Request) error {
	n := &domain.Notice{}
	f := &noticeForm{New: true}
	err := readNotice(r, n, f, nil)
	if err == nil {
		err = s.svc.CreateNotice(r.Context(), userOf(r), n)
	}
	if isFormError(err) {
		errors.As(err, &f.Dup)
		return s.renderNoticeForm(w, r, httpx.Status(err), httpx.Message(err), f)
	}
	if err != nil {
		return err
	}
	flash := flashNoticeSaved
	switch {
	case n.SupersedesID != 0 && n.Correction == domain.CorrectionErratum:
		flash = flashErratumSaved
	case n.SupersedesID != 0:
		flash = flashReplacementSaved
	}
	return redirect(w, r, fmt.Sprintf("/notices/%d", n.ID), flash)
}

// errIssuedReadOnly answers an attempt to edit an issued notice in place.
var errIssuedReadOnly = fmt.Errorf("%w: thông báo đã ban hành không sửa trực tiếp được; hãy bấm «Đính chính» để tạo bản đính chính (dự thảo phiên bản mới)", domain.ErrInvalid)

// withDraftNotice loads the notice of the path for a manager to edit and hands
// it to edit. An issued notice is never edited in place: the notice page is
// shown instead, with errIssuedReadOnly (422).
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
		return s.showNotice(w, r, http.StatusUnprocessableEntity, n, httpx.Message(errIssuedReadOnly))
	}
	return edit(u, n)
}

func (s *Server) noticeEdit(w http.ResponseWriter, r *http.Request) error {
	return s.withDraftNotice(w, r, func(_ *domain.User, n *domain.Notice) error {
		return s.renderNoticeForm(w, r, http.StatusOK, "", noticeFormOf(n))
	})
}

func (s *Server) noticeUpdate(w http.ResponseWriter, r *http.Request) error {
	return s.withDraftNotice(w, r, func(u *domain.User, old *domain.Notice) error {
		n := &domain.Notice{ID: old.ID}
		f := &noticeForm{}
		err := readNotice(r, n, f, old.Sections)
		if err == nil {
			err = s.svc.UpdateNotice(r.Context(), u, n)
		}
		if isFormError(err) {
			errors.As(err, &f.Dup)
			return s.renderNoticeForm(w, r, httpx.Status(err), httpx.Message(err), f)
		}
		if err != nil {
			return err
		}
		return redirect(w, r, fmt.Sprintf("/notices/%d", old.ID), flashNoticeSaved)
	})
}

// noticeData is a notice laid out as the official document, with what the
// page shows beside it.
type noticeData struct {
	N          *domain.Notice
	Corrects   *domain.Notice   // the notice this one corrects
	Changes    []app.TaskChange // its proposed changes (Office only)
	Meeting    *domain.Meeting
	Superior   string
	OrgName    string
	DateLine   string
	Sections   []noticeSection
	Recipients []string
	Versions   []domain.Notice
	Newer      *domain.Notice // the version that corrected this one
	Tasks      []store.TaskRow
	TaskTotal  int
	ImportID   int64 // the record of the import that stored the notice (Office only)
}

type noticeSection struct {
	Heading string
	Paras   []string
}

// dateLine writes "Lâm Thao, ngày 05 tháng 02 năm 2023" as Decree
// 30/2020/NĐ-CP wants it: days below 10 and months 1 and 2 with a leading zero.
// A draft without a date marks its blanks to fill in by hand (docs.Blank).
func dateLine(place string, d domain.Date) string {
	return docs.DateLine(place, d, 0)
}

// recipientLine prints one "Nơi nhận" line with the dash documents use.
func recipientLine(s string) string {
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
	superior, issuer := dir.Org.Superior, dir.Org.Name
	if n.Issuer != "" {
		// Printed with a letterhead of its own (an imported notice).
		superior, issuer = docs.Letterhead(dir.Org, *n)
	}
	d := noticeData{N: n, Superior: strings.ToUpper(superior), OrgName: strings.ToUpper(issuer)}
	place := n.Place
	if place == "" {
		place = dir.Org.Place
	}
	d.DateLine = dateLine(place, n.IssuedOn)
	for _, sec := range n.Sections {
		d.Sections = append(d.Sections, noticeSection{Heading: sec.Heading, Paras: lines(sec.Body)})
	}
	for _, rc := range n.Recipients {
		d.Recipients = append(d.Recipients, recipientLine(rc))
	}
	if n.MeetingID != 0 {
		if d.Meeting, err = s.svc.Meeting(ctx, u, n.MeetingID); err != nil && !app.IsNotFound(err) {
			return err
		}
	}
	if d.Versions, err = s.svc.NoticeVersions(ctx, u, n.ID); err != nil {
		return err
	}
	if u.CanManage() {
		if d.ImportID, err = s.svc.ImportOfNotice(ctx, u, n.ID); err != nil {
			return err
		}
	}
	for i := range d.Versions {
		v := &d.Versions[i]
		if v.SupersedesID == n.ID && v.State != domain.NoticeDraft {
			d.Newer = v
		}
		if v.ID == n.SupersedesID {
			d.Corrects = v
		}
	}
	tasks, _, err := s.svc.NoticeTasks(ctx, u, n.ID, 200)
	if err != nil {
		return err
	}
	for _, t := range tasks {
		if t.OriginID == 0 {
			d.Tasks = append(d.Tasks, t)
		}
	}
	d.TaskTotal = len(d.Tasks)
	if u.CanManage() && n.SupersedesID != 0 {
		if d.Changes, err = s.svc.NoticeChanges(ctx, u, n.ID); err != nil {
			return err
		}
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
	version, err := formInt(r, "version", "Phiên bản", 0)
	if err == nil {
		_, err = s.svc.IssueNotice(r.Context(), userOf(r), id, version)
	}
	if isFormError(err) {
		return s.showNoticeRefused(w, r, id, err)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/notices/%d", id), flashNoticeIssued)
}

func (s *Server) noticeCorrect(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	n, err := s.svc.CorrectNotice(r.Context(), userOf(r), id, domain.CorrectionKind(r.PostFormValue("kind")))
	if isFormError(err) {
		return s.showNoticeRefused(w, r, id, err)
	}
	if err != nil {
		return err
	}
	flash := flashReplacementCreated
	if n.Correction == domain.CorrectionErratum {
		flash = flashErratumCreated
	}
	return redirect(w, r, fmt.Sprintf("/notices/%d/edit", n.ID), flash)
}
