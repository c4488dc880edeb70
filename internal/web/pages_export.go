package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"giaoban/internal/app"
	"giaoban/internal/docs"
	"giaoban/internal/domain"
	"giaoban/internal/export"
	"giaoban/internal/httpx"
	"giaoban/internal/store"
)

// The files offices take away: the task list and the per-unit summary as
// Excel workbooks under the filters of the page they came from, the
// stocktake report as .docx or .xlsx, a notice as .docx or PDF, and the
// secret calendar links (iCalendar) of due days. Every file is built in
// memory first, so that an error never leaves half a download.

// sendFile answers with a finished file as an attachment named name.
func sendFile(w http.ResponseWriter, contentType, name string, data []byte) error {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", contentDisposition(name))
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Cache-Control", "private, no-store")
	_, err := w.Write(data)
	return err
}

// contentDisposition names a download: an ASCII fallback for old browsers and
// the UTF-8 name (RFC 6266 / 5987) that current ones use.
func contentDisposition(name string) string {
	var ascii, enc strings.Builder
	for _, c := range name {
		if c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			ascii.WriteByte('_')
		} else {
			ascii.WriteRune(c)
		}
	}
	for _, b := range []byte(name) {
		if b < 0x80 && (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || strings.IndexByte("!#$&+-.^_`|~", b) >= 0) {
			enc.WriteByte(b)
		} else {
			fmt.Fprintf(&enc, "%%%02X", b)
		}
	}
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, ascii.String(), enc.String())
}

// describeFilter says in Vietnamese which tasks f selects, for the line under
// an exported list's title.
func (s *Server) describeFilter(r *http.Request, dir *app.Directory, f store.TaskFilter) []string {
	ctx, u := r.Context(), userOf(r)
	var out []string
	if len(f.Statuses) > 0 {
		var ls []string
		for _, st := range f.Statuses {
			ls = append(ls, st.Label())
		}
		out = append(out, "Tình trạng: "+strings.Join(ls, ", "))
	}
	if f.UnitID != 0 {
		role := "chủ trì hoặc phối hợp"
		if f.LeadOnly {
			role = "chủ trì"
		}
		out = append(out, fmt.Sprintf("Đơn vị %s: %s", role, dir.UnitName(f.UnitID)))
	} else if !u.SeesAll() {
		out = append(out, "Đơn vị: "+dir.UnitName(u.UnitID))
	}
	if f.BlockID != 0 {
		out = append(out, "Khối: "+dir.BlockName(f.BlockID))
	}
	if f.SectorID != 0 {
		out = append(out, "Lĩnh vực: "+dir.SectorName(f.SectorID))
	}
	if f.MeetingID != 0 {
		if m, err := s.svc.Meeting(ctx, u, f.MeetingID); err == nil {
			out = append(out, "Hội nghị: "+m.Title)
		}
	}
	if f.NoticeID != 0 {
		if n, err := s.svc.Notice(ctx, u, f.NoticeID); err == nil && n.Code() != "" {
			out = append(out, "Thông báo số "+n.Code())
		}
	}
	switch {
	case !f.DueFrom.IsZero() && !f.DueTo.IsZero():
		out = append(out, "Thời hạn từ "+f.DueFrom.VN()+" đến "+f.DueTo.VN())
	case !f.DueFrom.IsZero():
		out = append(out, "Thời hạn từ "+f.DueFrom.VN())
	case !f.DueTo.IsZero():
		out = append(out, "Thời hạn đến "+f.DueTo.VN())
	}
	if f.Key {
		out = append(out, "Nhiệm vụ trọng tâm")
	}
	if f.Query != "" {
		out = append(out, "Từ khóa: “"+f.Query+"”")
	}
	return out
}

// taskExport sends the task list under the list page's filters, every
// matching task the user may see (up to app.ExportLimit), as .xlsx.
func (s *Server) taskExport(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	f, err := readTaskFilter(r)
	if err != nil {
		return err
	}
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	list, err := s.svc.ExportTasks(ctx, u, f, 0)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := export.WriteTasks(&buf, export.TaskList{Filters: s.describeFilter(r, dir, f), TaskExport: list}); err != nil {
		return err
	}
	return sendFile(w, export.MIMEXLSX, "danh-sach-nhiem-vu-"+fileDate(list.Today)+".xlsx", buf.Bytes())
}

// dashboardExport sends the dashboard's per-unit table under its filters and
// in its order, as .xlsx.
func (s *Server) dashboardExport(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	f, err := readTaskFilter(r)
	if err != nil {
		return err
	}
	// As on the dashboard, the table counts every bucket of every unit.
	f.Statuses, f.UnitID, f.LeadOnly, f.NoticeID, f.Query = nil, 0, false, 0, ""
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	dash, err := s.svc.Dashboard(ctx, u, f)
	if err != nil {
		return err
	}
	lines := make([]unitLine, len(dash.Units))
	for i, ur := range dash.Units {
		lines[i] = unitLine{UnitRow: ur, Since: s.svc.DaysSince(ur.LastUpdate)}
	}
	less, ok := unitSorts[r.URL.Query().Get("sort")]
	if !ok {
		less = unitSorts["overdue"]
	}
	sort.SliceStable(lines, func(i, j int) bool { return less(&lines[i], &lines[j]) })
	rows := make([]app.UnitRow, len(lines))
	for i := range lines {
		rows[i] = lines[i].UnitRow
	}
	today := s.svc.Today()
	var buf bytes.Buffer
	if err := export.WriteUnits(&buf, export.UnitSummary{Org: dir.Org, Today: today, Filters: s.describeFilter(r, dir, f), Units: rows,
		Tasks: dash.Total, Unresolved: dash.Unresolved}); err != nil {
		return err
	}
	return sendFile(w, export.MIMEXLSX, "tong-hop-theo-don-vi-"+fileDate(today)+".xlsx", buf.Bytes())
}

// fileDate is a day for a file name: 20230301.
func fileDate(d domain.Date) string { return strings.ReplaceAll(d.String(), "-", "") }

// --- Stocktake report -------------------------------------------------------

type stocktakeForm struct {
	Block int64
	Since string
	// The signature block of the .docx: authority line, position and name.
	SignerAuthority, SignerTitle, SignerName string
}

// readSigner reads the stocktake form's signature fields, with the usual
// TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH when left empty.
func readSigner(r *http.Request, f *stocktakeForm) {
	q := r.URL.Query()
	field := func(name, def string) string {
		v := strings.TrimSpace(q.Get(name))
		if v == "" {
			return def
		}
		return shorten(v, 120)
	}
	f.SignerAuthority = field("signer_authority", "TM. ỦY BAN NHÂN DÂN")
	f.SignerTitle = field("signer_title", "CHỦ TỊCH")
	f.SignerName = field("signer_name", "")
}

// stocktakePage shows the stocktake form: a block and a first issue day, then
// a download as .docx or .xlsx.
func (s *Server) stocktakePage(w http.ResponseWriter, r *http.Request) error {
	today := s.svc.Today()
	block, _ := formID(r, "block") // a bad block is refused on download
	form := stocktakeForm{Block: block, Since: r.URL.Query().Get("since")}
	readSigner(r, &form)
	if form.Since == "" {
		form.Since = domain.NewDate(today.Year, time.January, 1).String()
	}
	return s.renderStocktake(w, r, http.StatusOK, form, "")
}

func (s *Server) renderStocktake(w http.ResponseWriter, r *http.Request, code int, form stocktakeForm, msg string) error {
	dir, err := s.svc.Directory(r.Context(), userOf(r))
	if err != nil {
		return err
	}
	return s.render(w, r, code, "stocktake", &view{Title: "Báo cáo tình hình thực hiện kết luận", Nav: "home", Dir: dir, Error: msg, Data: form})
}

// stocktakeDownload sends the stocktake report as .docx or .xlsx (by the
// path's extension); a bad block or day shows the form again.
func (s *Server) stocktakeDownload(w http.ResponseWriter, r *http.Request) error {
	form, data, err := s.stocktakeData(r)
	if isFormError(err) {
		return s.renderStocktake(w, r, httpx.Status(err), form, httpx.Message(err))
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	name := "bao-cao-thuc-hien-ket-luan-" + fileDate(data.Today)
	if strings.HasSuffix(r.URL.Path, ".xlsx") {
		if err := export.WriteStocktake(&buf, data); err != nil {
			return err
		}
		return sendFile(w, export.MIMEXLSX, name+".xlsx", buf.Bytes())
	}
	d := docs.Stocktake(data.Org, data)
	d.Signature = docs.Signature{Authority: form.SignerAuthority, Title: form.SignerTitle, Name: form.SignerName}
	if err := docs.WriteDOCX(&buf, d); err != nil {
		return err
	}
	return sendFile(w, docs.MIMEDOCX, name+".docx", buf.Bytes())
}

// stocktakeData reads the stocktake form and gathers the report.
func (s *Server) stocktakeData(r *http.Request) (stocktakeForm, *app.StocktakeData, error) {
	form := stocktakeForm{Since: r.URL.Query().Get("since")}
	readSigner(r, &form)
	var err error
	if form.Block, err = formID(r, "block"); err != nil {
		return form, nil, err
	}
	since, err := domain.ParseDate(form.Since)
	if err != nil {
		return form, nil, fmt.Errorf("thông báo ban hành từ ngày: %w", err)
	}
	data, err := s.svc.Stocktake(r.Context(), userOf(r), form.Block, since)
	return form, data, err
}

// --- Notice documents -------------------------------------------------------

// noticeFileName is "TB-12-TB-UBND" for notice 12/TB-UBND, or
// "TB-du-thao-7" for a draft without a number.
func noticeFileName(n *domain.Notice) string {
	if n.Number == "" {
		return fmt.Sprintf("TB-du-thao-%d", n.ID)
	}
	var b strings.Builder
	for _, r := range "TB-" + n.Number + "-" + n.Symbol {
		switch {
		case r == 'đ':
			b.WriteRune('d')
		case r == 'Đ':
			b.WriteRune('D')
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.'):
			b.WriteRune(r)
		case r == '/' || r == ' ':
			b.WriteRune('-')
		case r >= 0x80 && unicode.IsLetter(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// noticeDocument lays out the notice of the path as the decree prescribes.
func (s *Server) noticeDocument(r *http.Request) (*domain.Notice, docs.Document, error) {
	ctx, u := r.Context(), userOf(r)
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, docs.Document{}, err
	}
	n, err := s.svc.Notice(ctx, u, id)
	if err != nil {
		return nil, docs.Document{}, err
	}
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return nil, docs.Document{}, err
	}
	return n, docs.NoticeFromDomain(dir.Org, *n), nil
}

// noticeDOCX sends a notice as a Word file.
func (s *Server) noticeDOCX(w http.ResponseWriter, r *http.Request) error {
	n, doc, err := s.noticeDocument(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := docs.WriteDOCX(&buf, doc); err != nil {
		return err
	}
	return sendFile(w, docs.MIMEDOCX, noticeFileName(n)+".docx", buf.Bytes())
}

// errPrintUnavailable is shown when no PDF could be printed.
const errPrintUnavailable = "Máy chủ chưa in được bản PDF lúc này (Chromium chưa được cài đặt hoặc không chạy được). " +
	"Bạn có thể tải bản Word (.docx) rồi in hoặc lưu PDF từ Word; nếu cần bản PDF, hãy báo quản trị hệ thống."

// noticePDF prints a notice to PDF with the site's printer; when it cannot,
// the answer is 503 with a Vietnamese message.
func (s *Server) noticePDF(w http.ResponseWriter, r *http.Request) error {
	n, doc, err := s.noticeDocument(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := s.printer.PDF(r.Context(), &buf, doc); err != nil {
		if r.Context().Err() != nil {
			return r.Context().Err()
		}
		msg := errPrintUnavailable
		switch {
		case errors.Is(err, docs.ErrPrinterBusy):
			msg = httpx.Sentence(docs.ErrPrinterBusy.Error())
		case !errors.Is(err, docs.ErrNoChromium):
			s.log.Error("print notice", "notice", n.ID, "err", err)
		}
		w.Header().Set("Retry-After", "60")
		return s.render(w, r, http.StatusServiceUnavailable, "error", &view{Title: "Chưa in được PDF", Error: msg, Data: http.StatusServiceUnavailable})
	}
	return sendFile(w, docs.MIMEPDF, noticeFileName(n)+".pdf", buf.Bytes())
}

// --- Calendar links ---------------------------------------------------------

type calendarData struct {
	Links   []calendarLine
	NewURL  string // the link just made, shown once
	Base    string
	UnitID  int64
	Name    string
	SeesAll bool
}

type calendarLine struct {
	store.CalendarToken
	Unit string
}

// baseURL is the address this request reached the server at, for links that
// leave the browser (calendar feeds and their events).
func (s *Server) baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || s.secure || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (s *Server) calendarPage(w http.ResponseWriter, r *http.Request) error {
	return s.renderCalendars(w, r, http.StatusOK, "", "", calendarData{})
}

func (s *Server) renderCalendars(w http.ResponseWriter, r *http.Request, code int, msg, secret string, d calendarData) error {
	ctx, u := r.Context(), userOf(r)
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	links, err := s.svc.CalendarLinks(ctx, u)
	if err != nil {
		return err
	}
	for _, l := range links {
		d.Links = append(d.Links, calendarLine{CalendarToken: l, Unit: dir.UnitName(l.UnitID)})
	}
	d.Base, d.SeesAll = s.baseURL(r), u.SeesAll()
	if secret != "" {
		d.NewURL = d.Base + "/cal/" + secret + ".ics"
	}
	return s.render(w, r, code, "calendars", &view{Title: "Lịch hạn nhiệm vụ", Dir: dir, Error: msg, Data: d})
}

func (s *Server) calendarCreate(w http.ResponseWriter, r *http.Request) error {
	d := calendarData{Name: r.PostFormValue("name")}
	unitID, err := formID(r, "unit")
	if err == nil {
		d.UnitID = unitID
		var secret string
		if secret, err = s.svc.CreateCalendarLink(r.Context(), userOf(r), d.Name, unitID); err == nil {
			return s.renderCalendars(w, r, http.StatusOK, "", secret, calendarData{})
		}
	}
	if isFormError(err) {
		return s.renderCalendars(w, r, httpx.Status(err), httpx.Message(err), "", d)
	}
	return err
}

func (s *Server) calendarRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.RevokeCalendarLink(r.Context(), userOf(r), id); err != nil {
		return err
	}
	return redirect(w, r, "/account/calendars", flashCalendarRevoked)
}

// calendarFeed serves /cal/{token}.ics without a session: the secret in the
// path is the credential. Anything but a live secret is 404.
func (s *Server) calendarFeed(w http.ResponseWriter, r *http.Request) {
	secret, ok := strings.CutSuffix(r.PathValue("file"), ".ics")
	if !ok {
		http.Error(w, httpx.Message(domain.ErrNotFound), http.StatusNotFound)
		return
	}
	feed, err := s.svc.CalendarFeed(r.Context(), secret)
	if err != nil {
		if httpx.Status(err) == http.StatusInternalServerError {
			s.log.Error("calendar feed", "err", err)
		}
		http.Error(w, httpx.Message(err), httpx.Status(err))
		return
	}
	var buf bytes.Buffer
	if err := export.WriteCalendar(&buf, feed, s.baseURL(r)); err != nil {
		s.log.Error("calendar feed", "err", err)
		http.Error(w, httpx.Message(err), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", export.MIMECalendar)
	h.Set("Content-Disposition", `inline; filename="giaoban.ics"`)
	h.Set("Cache-Control", "private, max-age=300")
	h.Set("Referrer-Policy", "no-referrer")
	w.Write(buf.Bytes()) //nolint:errcheck // the client has gone
}
