package web

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strconv"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
	"giaoban/internal/textfold"
)

// The import pages. An Office user uploads a notice file or pastes its text
// (GET/POST /import); the service reads it into a draft kept in the database.
// The review page (GET/POST /import/{id}) shows the source text beside one
// form holding the notice and its tasks; the user corrects them, teaches the
// directory the unit names it did not know (POST /import/{id}/units) and
// confirms (POST /import/{id}/confirm). Only the confirmation stores the
// notice and its tasks. Every button of the review page posts the whole form,
// so no correction is lost whichever one is pressed.

// pastedName is the file name pasted text is read under.
const pastedName = "van-ban-dan.txt"

// recentMeetings is how many recent meetings the review page offers to
// attach the notice to.
const recentMeetings = 30

// --- Upload ------------------------------------------------------------------

type uploadData struct {
	Text  string
	MaxMB string
}

func (s *Server) importForm(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.CheckManage(userOf(r)); err != nil {
		return err
	}
	return s.renderUpload(w, r, http.StatusOK, "", "")
}

func (s *Server) renderUpload(w http.ResponseWriter, r *http.Request, code int, text, msg string) error {
	mb := strconv.FormatFloat(float64(s.svc.Options().MaxUpload)/(1<<20), 'f', -1, 64)
	d := &uploadData{Text: text, MaxMB: mb}
	return s.render(w, r, code, "import", &view{Title: "Nhập văn bản", Nav: "import", Error: msg, Data: d})
}

// errNoSource is the answer to a form sent with neither a file nor text.
var errNoSource = fmt.Errorf("%w: hãy chọn một tệp hoặc dán nội dung văn bản vào ô bên dưới", domain.ErrInvalid)

func (s *Server) importUpload(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	if err := s.svc.CheckManage(u); err != nil {
		return err
	}
	limit := s.svc.Options().MaxUpload
	name, data, err := readNoticeSource(r, limit)
	var d *app.ImportDraft
	if err == nil {
		d, err = s.svc.ExtractNotice(ctx, u, name, data, limit)
	}
	if isFormError(err) {
		text := r.PostFormValue("text")
		if int64(len(text)) > limit {
			// Sending a text above the limit back over a slow link helps nobody.
			text = ""
		}
		return s.renderUpload(w, r, httpx.Status(err), text, httpx.Message(err))
	}
	if err != nil {
		return err
	}
	sd := &app.SavedDraft{Draft: *d}
	if err := s.svc.SaveImportDraft(ctx, u, sd); err != nil {
		return err
	}
	return redirect(w, r, reviewURL(sd.ID, r), flashImportRead, len(d.Tasks))
}

// readNoticeSource returns the uploaded file, or else the pasted text, reading
// at most limit+1 bytes so that the service reports a file above the limit.
func readNoticeSource(r *http.Request, limit int64) (string, []byte, error) {
	f, h, err := r.FormFile("file")
	switch {
	case err == nil:
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, limit+1))
		if err != nil {
			return "", nil, fmt.Errorf("read upload: %w", err)
		}
		return h.Filename, data, nil
	case errors.Is(err, http.ErrMissingFile), errors.Is(err, http.ErrNotMultipart):
	default:
		return "", nil, err
	}
	text := r.PostFormValue("text")
	if strings.TrimSpace(text) == "" {
		return "", nil, errNoSource
	}
	return pastedName, []byte(text), nil
}

// --- Review page -------------------------------------------------------------

type reviewData struct {
	ID         int64
	Source     string
	Format     string
	Text       template.HTML
	F          *reviewForm
	Unresolved []unresolvedName
	Meetings   []meetingOption
	Kinds      []deadlineChoice
	NoLead     int
	Skipped    int
	Unsure     []int    // numbers of the tasks the importer guessed at
	Missing    []string // the notice's parts the source lacks (or the form left empty)
	Sections   []sectionOutline
	OrgName    string // the letterhead printed when the notice has none
}

// unresolvedName is a name no unit or group of the directory has, and
// whether its words make it a group's ("Các đơn vị có liên quan").
type unresolvedName struct {
	Name  string
	Group bool
}

// sectionOutline is one section of the notice's body as read: its heading
// (empty for the opening or the closing) and how many paragraphs it holds.
type sectionOutline struct {
	Heading string
	Paras   int
}

// reviewURL is the review page of draft id, keeping the block chosen on
// the form (the draft itself has no place for it).
func reviewURL(id int64, r *http.Request) string {
	u := fmt.Sprintf("/import/%d", id)
	if _, ok := r.PostForm["block"]; ok {
		bid, err := formID(r, "block")
		if err != nil {
			bid = 0
		}
		u += "?block=" + strconv.FormatInt(bid, 10)
	}
	return u
}

// loadDraft loads the draft of the {id} in the path; it is the service
// that refuses users other than the Office and admins.
func (s *Server) loadDraft(r *http.Request) (*app.SavedDraft, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.ImportDraftByID(r.Context(), userOf(r), id)
}

func (s *Server) importReview(w http.ResponseWriter, r *http.Request) error {
	sd, err := s.loadDraft(r)
	if err != nil {
		return err
	}
	if sd.Confirmed() {
		return s.renderRecord(w, r, http.StatusOK, sd, "")
	}
	return s.renderReview(w, r, http.StatusOK, sd, nil, "")
}

// renderReview shows draft sd with the typed form f, or with the
// draft's own values when f is nil.
func (s *Server) renderReview(w http.ResponseWriter, r *http.Request, code int, sd *app.SavedDraft, f *reviewForm, msg string) error {
	ctx, u := r.Context(), userOf(r)
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	if f == nil {
		f = reviewOfDraft(sd)
		f.Notice.Block = blockChoice(r, dir, sd.Draft.Tasks)
	}
	text, marked := markSource(sd.Draft.SourceText, sd.Draft.Tasks)
	d := &reviewData{ID: sd.ID, Source: sd.Draft.Source, Format: sd.Draft.Format, Text: text, F: f,
		Kinds: deadlineChoices, OrgName: dir.Org.Name}
	for _, n := range sd.Draft.Unresolved {
		d.Unresolved = append(d.Unresolved, unresolvedName{Name: n, Group: app.LooksLikeGroup(n, "")})
	}
	for _, sec := range sd.Draft.Notice.Sections {
		d.Sections = append(d.Sections, sectionOutline{Heading: sec.Heading, Paras: len(lines(sec.Body))})
	}
	d.Missing = f.Notice.missing(len(d.Sections) > 0)
	section := ""
	for i := range f.Tasks {
		t := &f.Tasks[i]
		if i < len(sd.Draft.Tasks) {
			dt := &sd.Draft.Tasks[i]
			if sec := dt.Section; sec != section {
				t.Section, section = sec, sec
			}
			t.Marked = marked[i]
			t.Conf, t.Unsure, t.Added = dt.Confidence, dt.Uncertain() && !t.Skip, dt.Added
		}
		t.First = i == 0
		t.NoLead = len(t.Lead) == 0 && !t.Skip
		if t.NoLead {
			d.NoLead++
		}
		if t.Skip {
			d.Skipped++
		}
		if t.Unsure {
			d.Unsure = append(d.Unsure, t.N)
		}
	}
	if d.Meetings, err = s.meetingOptions(r, recentMeetings, f.Notice.Meeting); err != nil {
		return err
	}
	return s.render(w, r, code, "import_review", &view{Title: "Kiểm tra văn bản nhập", Nav: "import", Error: msg, Dir: dir, Data: d})
}

// blockChoice is the block asked for on the form or in the URL, else the
// block most of the lead units belong to.
func blockChoice(r *http.Request, dir *app.Directory, tasks []app.ImportTask) int64 {
	if err := r.ParseForm(); err == nil {
		if _, ok := r.Form["block"]; ok {
			if id, err := formID(r, "block"); err == nil {
				return id
			}
			return 0
		}
	}
	count := map[int64]int{}
	for _, t := range tasks {
		for _, id := range t.Lead {
			if unit := dir.Unit(id); unit != nil && unit.BlockID != 0 {
				count[unit.BlockID]++
			}
		}
	}
	var best int64
	for _, b := range dir.Blocks {
		if count[b.ID] > count[best] {
			best = b.ID
		}
	}
	return best
}

// saveReview reads the posted review form into sd and stores the draft.
// The form is returned, even with an error, so that it can be shown again.
func (s *Server) saveReview(r *http.Request, sd *app.SavedDraft) (*reviewForm, error) {
	f, err := readReview(r, sd)
	if err != nil {
		return f, err
	}
	if err := s.applyReview(r, f, sd); err != nil {
		return f, err
	}
	return f, s.svc.SaveImportDraft(r.Context(), userOf(r), sd)
}

// reviewError shows the review page again for an error the user can act
// on, with the form as typed (or, when f is nil, as stored). After a
// conflict (another tab saved the draft meanwhile) the typed form is shown
// over the stored draft when it still has the same tasks, so that saving
// again keeps what was typed; otherwise the stored draft is shown. A
// confirmed draft shows its record. Other errors are returned.
func (s *Server) reviewError(w http.ResponseWriter, r *http.Request, sd *app.SavedDraft, f *reviewForm, err error) error {
	if errors.Is(err, domain.ErrConflict) {
		fresh, lerr := s.svc.ImportDraftByID(r.Context(), userOf(r), sd.ID)
		if lerr != nil {
			return lerr
		}
		if fresh.Confirmed() {
			return s.renderRecord(w, r, http.StatusConflict, fresh, httpx.Message(app.ErrImportConfirmed))
		}
		msg := httpx.Message(err)
		if f != nil && len(f.Tasks) == len(fresh.Draft.Tasks) {
			f.Version = fresh.Version
			msg = "Bản nháp vừa được lưu ở một trang khác. Những gì bạn sửa vẫn còn dưới đây: xem lại rồi bấm “Lưu chỉnh sửa” để ghi lên bản đó."
		} else {
			f = nil
		}
		return s.renderReview(w, r, http.StatusConflict, fresh, f, msg)
	}
	if isFormError(err) {
		return s.renderReview(w, r, httpx.Status(err), sd, f, httpx.Message(err))
	}
	return err
}

func (s *Server) importSave(w http.ResponseWriter, r *http.Request) error {
	sd, err := s.loadDraft(r)
	if err != nil {
		return err
	}
	if f, err := s.saveReview(r, sd); err != nil {
		return s.reviewError(w, r, sd, f, err)
	}
	return redirect(w, r, reviewURL(sd.ID, r), flashImportSaved)
}

// importAddTask adds a task to the draft: the span of the source text the
// user selected (new_start, new_end, with its words in new_text) or the
// words typed in new_text. The review form posted with it is saved too.
func (s *Server) importAddTask(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	sd, err := s.loadDraft(r)
	if err != nil {
		return err
	}
	f, err := readReview(r, sd)
	if err == nil {
		err = s.applyReview(r, f, sd)
	}
	if err != nil {
		return s.reviewError(w, r, sd, f, err)
	}
	offset := func(name string) int {
		n, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue(name)))
		if err != nil {
			return -1
		}
		return n
	}
	at, err := s.svc.AddTask(ctx, u, &sd.Draft, f.NewText, offset("new_start"), offset("new_end"))
	if err == nil {
		err = s.svc.SaveImportDraft(ctx, u, sd)
	}
	if err != nil {
		if isFormError(err) && !errors.Is(err, domain.ErrConflict) {
			// The typed corrections are shown, not lost; none is stored yet.
			return s.renderReview(w, r, httpx.Status(err), sd, f, httpx.Message(err))
		}
		return s.reviewError(w, r, sd, f, err)
	}
	return redirect(w, r, fmt.Sprintf("%s#f%d", reviewURL(sd.ID, r), at+1), flashImportTaskAdded, at+1)
}

// importAddUnit adds an unknown name (uname) to the directory, as a new unit
// (add=new: named unew, or uname when empty, in block ublock), as a group
// (add=group) or as an alias of unit uunit, or of the unit named
// uunit_name (add=alias), then resolves the draft's names again. Posted from
// the review form, it saves the corrections first; the unit fields may also
// come alone.
func (s *Server) importAddUnit(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	sd, err := s.loadDraft(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	if _, ok := r.PostForm["tasks"]; ok {
		if f, err := s.saveReview(r, sd); err != nil {
			return s.reviewError(w, r, sd, f, err)
		}
	}
	name := strings.TrimSpace(r.PostFormValue("uname"))
	var flash flashKey
	switch action := r.PostFormValue("add"); {
	case name == "":
		err = fmt.Errorf("%w: không rõ tên đơn vị cần thêm vào danh mục", domain.ErrInvalid)
	case action == "new":
		unit := &domain.Unit{Name: strings.TrimSpace(r.PostFormValue("unew"))}
		if unit.Name == "" {
			unit.Name = name
		}
		if textfold.Fold(unit.Name) != textfold.Fold(name) {
			// Named otherwise in the directory, it still answers to the name the notice used.
			unit.Aliases = []string{name}
		}
		if unit.BlockID, err = formID(r, "ublock"); err == nil {
			err = s.svc.CreateUnit(ctx, u, unit)
		}
		flash = flashImportUnitAdded
	case action == "alias":
		var unitID int64
		unitID, err = formID(r, "uunit")
		if typed := strings.TrimSpace(r.PostFormValue("uunit_name")); err == nil && unitID == 0 && typed != "" {
			// The unit typed by its name (the field suggests the directory's).
			var unit *domain.Unit
			if unit, err = s.svc.ResolveUnitName(ctx, u, typed); err == nil {
				unitID = unit.ID
			} else if errors.Is(err, domain.ErrNotFound) {
				err = fmt.Errorf("%w: danh mục không có đơn vị “%s”", domain.ErrInvalid, typed)
			}
		}
		if err == nil && unitID == 0 {
			err = fmt.Errorf("%w: hãy chọn đơn vị mà “%s” là tên gọi khác", domain.ErrInvalid, name)
		}
		if err == nil {
			err = s.svc.AddAlias(ctx, u, unitID, name)
		}
		flash = flashImportAliasAdded
	case action == "group":
		// A collective name ("Các đơn vị có liên quan"): a group, its members
		// guessed from its words; the Office may edit it in the directory.
		var dir *app.Directory
		if dir, err = s.svc.Directory(ctx, u); err == nil {
			g := app.GroupFromName(name, dir)
			err = s.svc.CreateGroup(ctx, u, &g)
			flash = flashImportGroupAdded
		}
	default:
		err = fmt.Errorf("%w: hãy chọn thêm đơn vị mới, nhóm đơn vị hoặc ghi là tên gọi khác", domain.ErrInvalid)
	}
	if err != nil {
		return s.reviewError(w, r, sd, nil, err)
	}
	if err := s.svc.ResolveDraftUnits(ctx, u, sd); err != nil {
		return s.reviewError(w, r, sd, nil, err)
	}
	if err := s.svc.SaveImportDraft(ctx, u, sd); err != nil {
		return s.reviewError(w, r, sd, nil, err)
	}
	return redirect(w, r, reviewURL(sd.ID, r), flash)
}
