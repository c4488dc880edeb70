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
	Unresolved []string
	Meetings   []meetingOption
	Kinds      []deadlineChoice
	NoLead     int
	Skipped    int
	// Dup is the notice the organisation already has when confirming was
	// refused as a duplicate: the page offers to import it as its correction.
	Dup *app.DuplicateNoticeError
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
	return s.renderReview(w, r, http.StatusOK, sd, nil, "")
}

// renderReview shows draft sd with the typed form f, or with the
// draft's own values when f is nil.
func (s *Server) renderReview(w http.ResponseWriter, r *http.Request, code int, sd *app.SavedDraft, f *reviewForm, msg string) error {
	return s.renderReviewDup(w, r, code, sd, f, msg, nil)
}

// renderReviewDup is renderReview naming, when dup is not nil, the notice
// the draft duplicates.
func (s *Server) renderReviewDup(w http.ResponseWriter, r *http.Request, code int, sd *app.SavedDraft, f *reviewForm, msg string, dup *app.DuplicateNoticeError) error {
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
		Unresolved: sd.Draft.Unresolved, Kinds: deadlineChoices, Dup: dup}
	section := ""
	for i := range f.Tasks {
		t := &f.Tasks[i]
		if i < len(sd.Draft.Tasks) {
			if sec := sd.Draft.Tasks[i].Section; sec != section {
				t.Section, section = sec, sec
			}
			t.Marked = marked[i]
			t.LeadGroups, t.SupportGroups = sd.Draft.Tasks[i].LeadGroups, sd.Draft.Tasks[i].SupportGroups
		}
		t.First = i == 0
		t.NoLead = len(t.Lead) == 0 && len(t.LeadGroups) == 0 && !t.Skip
		if t.NoLead {
			d.NoLead++
		}
		if t.Skip {
			d.Skipped++
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
// on: after a conflict, the draft as stored now; otherwise the form as typed
// (or, when f is nil, as stored). Other errors are returned.
func (s *Server) reviewError(w http.ResponseWriter, r *http.Request, sd *app.SavedDraft, f *reviewForm, err error) error {
	if errors.Is(err, domain.ErrConflict) {
		fresh, lerr := s.svc.ImportDraftByID(r.Context(), userOf(r), sd.ID)
		if lerr != nil {
			return lerr
		}
		return s.renderReview(w, r, http.StatusConflict, fresh, nil, httpx.Message(err))
	}
	if isFormError(err) {
		var dup *app.DuplicateNoticeError
		errors.As(err, &dup)
		return s.renderReviewDup(w, r, httpx.Status(err), sd, f, httpx.Message(err), dup)
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

func (s *Server) importConfirm(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	sd, err := s.loadDraft(r)
	if err != nil {
		return err
	}
	f, err := s.saveReview(r, sd)
	if err != nil {
		return s.reviewError(w, r, sd, f, err)
	}
	meetingID, blockID := f.Notice.Meeting, f.Notice.Block
	if meetingID != 0 && blockID == 0 {
		// Tasks of an existing meeting belong to its block unless told otherwise.
		m, err := s.svc.Meeting(ctx, u, meetingID)
		switch {
		case err == nil:
			blockID = m.BlockID
		case !app.IsNotFound(err):
			return err
		}
	}
	if r.PostFormValue("is_correction") == "1" {
		// The user says the notice corrects the one a refused confirmation named.
		if sd.Draft.CorrectionOf, err = formID(r, "corrects_id"); err != nil {
			return s.reviewError(w, r, sd, nil, err)
		}
		sd.Draft.Correction = domain.CorrectionKind(r.PostFormValue("correction"))
	}
	res, err := s.svc.ConfirmSavedDraft(ctx, u, sd, meetingID, blockID)
	if err != nil {
		// The corrections are saved: the page shows the stored draft.
		return s.reviewError(w, r, sd, nil, err)
	}
	if res.Unassigned > 0 {
		return redirect(w, r, fmt.Sprintf("/notices/%d", res.NoticeID), flashImportedSkipped, res.Tasks, res.WithDue, res.Unassigned)
	}
	return redirect(w, r, fmt.Sprintf("/notices/%d", res.NoticeID), flashImported, res.Tasks, res.WithDue)
}

// importAddUnit adds an unknown name (uname) to the directory, as a new unit
// (add=new: named unew, or uname when empty, in block ublock) or as an alias of
// unit uunit (add=alias), then resolves the draft's names again. Posted from
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
		if unitID, err = formID(r, "uunit"); err == nil && unitID == 0 {
			err = fmt.Errorf("%w: hãy chọn đơn vị mà “%s” là tên gọi khác", domain.ErrInvalid, name)
		}
		if err == nil {
			err = s.svc.AddAlias(ctx, u, unitID, name)
		}
		flash = flashImportAliasAdded
	default:
		err = fmt.Errorf("%w: hãy chọn thêm đơn vị mới hoặc ghi là tên gọi khác", domain.ErrInvalid)
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
