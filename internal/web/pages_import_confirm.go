package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/httpx"
)

// Confirming an import, in two steps, and the import's record. "Xác nhận
// nhập" on the review saves the form and shows what would be stored — how
// many tasks, with which leads — asking what to do with each task that has
// no lead unit. Nothing is stored until that page's own button; its
// choices are saved with the draft first, so that a refused confirmation
// (bad input, a duplicate, a conflict, a database error) loses nothing.
// Once confirmed, GET /import/{id} shows the import's read-only record.

// confirmData is the confirmation step of draft ID.
type confirmData struct {
	ID      int64
	Version int
	Source  string
	Title   string
	Meeting int64
	Block   int64
	Plan    app.ImportPlan
	Asks    []askItem
	Dup     *app.DuplicateNoticeError // the notice this one duplicates, after a refusal
	Total   int
}

// askItem is one task without a lead unit and the choices for it.
type askItem struct {
	N       int
	Text    string
	Groups  string // the lead groups' names
	Members string // the units the groups expand to
	Why     string // why the default choice is the one suggested
	Choices []choiceItem
	// Picker picks the lead units (DecideUnit) in place of the choices.
	Picker unitPicker
}

// choiceItem is one radio button of an askItem.
type choiceItem struct {
	Value   app.Decision
	Label   string
	Checked bool
}

// importConfirm is the confirmation step: posted from the review form it
// saves the form and shows the plan; posted from the plan (step=decide) it
// records the choices and, with final=1, stores the notice and its tasks.
func (s *Server) importConfirm(w http.ResponseWriter, r *http.Request) error {
	sd, err := s.loadDraft(r)
	if err != nil {
		return err
	}
	if sd.Confirmed() {
		return s.renderRecord(w, r, http.StatusConflict, sd, httpx.Message(app.ErrImportConfirmed))
	}
	if r.PostFormValue("step") == "decide" {
		return s.importDecide(w, r, sd)
	}
	f, err := s.saveReview(r, sd)
	if err != nil {
		return s.reviewError(w, r, sd, f, err)
	}
	return s.renderConfirm(w, r, http.StatusOK, sd, f.Notice.Meeting, f.Notice.Block, "", nil)
}

// importDecide reads the choices of the confirmation step into the draft,
// saves it and, when final is asked, confirms it.
func (s *Server) importDecide(w http.ResponseWriter, r *http.Request, sd *app.SavedDraft) error {
	ctx, u := r.Context(), userOf(r)
	meetingID, err := formID(r, "meeting")
	if err != nil {
		return s.renderConfirm(w, r, httpx.Status(err), sd, 0, 0, httpx.Message(err), nil)
	}
	blockID, err := formID(r, "block")
	if err != nil {
		return s.renderConfirm(w, r, httpx.Status(err), sd, meetingID, 0, httpx.Message(err), nil)
	}
	version, err := formInt(r, "version", "Phiên bản", 0)
	if err != nil {
		return s.renderConfirm(w, r, httpx.Status(err), sd, meetingID, blockID, httpx.Message(err), nil)
	}
	d := &sd.Draft
	var badPick error
	for i := range d.Tasks {
		t := &d.Tasks[i]
		if !t.NeedsDecision() {
			continue
		}
		k := "_" + strconv.Itoa(i+1)
		if v, ok := r.PostForm["dec"+k]; ok {
			t.Decision = app.Decision(v[0])
		}
		picked, err := formIDs(r, "pick"+k)
		if err != nil && badPick == nil {
			badPick = err
		}
		switch {
		case len(picked) > 0 && t.Decision != app.DecideSkip:
			// Units picked are the leads the Office wants, whatever else is ticked.
			t.Pick, t.Decision = picked, app.DecideUnit
		case len(picked) == 0 && t.Decision == app.DecideUnit:
			// The units were unticked: the task is asked about again.
			t.Pick, t.Decision = nil, ""
		default:
			t.Pick = nil
		}
	}
	if badPick != nil {
		return s.renderConfirm(w, r, httpx.Status(badPick), sd, meetingID, blockID, httpx.Message(badPick), nil)
	}
	d.CorrectionOf, d.Correction = 0, ""
	if r.PostFormValue("is_correction") == "1" {
		// The user says the notice corrects the one a refused confirmation named.
		if d.CorrectionOf, err = formID(r, "corrects_id"); err != nil {
			return s.renderConfirm(w, r, httpx.Status(err), sd, meetingID, blockID, httpx.Message(err), nil)
		}
		d.Correction = domain.CorrectionKind(r.PostFormValue("correction"))
	}
	if version != sd.Version {
		// Another tab saved the draft since this page was shown: the choices
		// are shown again over it, to be confirmed once more.
		return s.renderConfirm(w, r, http.StatusConflict, sd, meetingID, blockID, httpx.Message(domain.ErrConflict), nil)
	}
	if err := s.svc.SaveImportDraft(ctx, u, sd); err != nil {
		if errors.Is(err, domain.ErrConflict) {
			fresh, lerr := s.svc.ImportDraftByID(ctx, u, sd.ID)
			if lerr != nil {
				return lerr
			}
			return s.renderConfirm(w, r, http.StatusConflict, fresh, meetingID, blockID, httpx.Message(err), nil)
		}
		return s.renderConfirm(w, r, httpx.Status(err), sd, meetingID, blockID, httpx.Message(err), nil)
	}
	if r.PostFormValue("final") != "1" {
		return s.renderConfirm(w, r, http.StatusOK, sd, meetingID, blockID, "", nil)
	}
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
	res, err := s.svc.ConfirmSavedDraft(ctx, u, sd, meetingID, blockID)
	if err != nil {
		// Nothing is stored; the draft keeps every correction and choice.
		var dup *app.DuplicateNoticeError
		errors.As(err, &dup)
		if errors.Is(err, domain.ErrConflict) && dup == nil {
			if fresh, lerr := s.svc.ImportDraftByID(ctx, u, sd.ID); lerr == nil {
				if fresh.Confirmed() {
					return s.renderRecord(w, r, http.StatusConflict, fresh, httpx.Message(app.ErrImportConfirmed))
				}
				sd = fresh
			}
		}
		if httpx.Status(err) == http.StatusInternalServerError {
			s.log.Error("confirm import", "draft", sd.ID, "err", err)
		}
		return s.renderConfirm(w, r, httpx.Status(err), sd, meetingID, blockID, httpx.Message(err), dup)
	}
	to := fmt.Sprintf("/notices/%d", res.NoticeID)
	switch waiting := res.Waiting + res.Unassigned; {
	case waiting > 0 && res.Skipped > 0:
		return redirect(w, r, to, flashImportedBoth, res.Tasks, res.WithDue, waiting, res.Skipped)
	case waiting > 0:
		return redirect(w, r, to, flashImportedWaiting, res.Tasks, res.WithDue, waiting)
	case res.Skipped > 0:
		return redirect(w, r, to, flashImportedSkipped, res.Tasks, res.WithDue, res.Skipped)
	}
	return redirect(w, r, to, flashImported, res.Tasks, res.WithDue)
}

// renderConfirm shows the confirmation step of draft sd: the counts that
// confirming would store, with the choices made so far (or suggested).
func (s *Server) renderConfirm(w http.ResponseWriter, r *http.Request, code int, sd *app.SavedDraft, meetingID, blockID int64,
	msg string, dup *app.DuplicateNoticeError) error {
	dir, err := s.svc.Directory(r.Context(), userOf(r))
	if err != nil {
		return err
	}
	d := &confirmData{ID: sd.ID, Version: sd.Version, Source: sd.Draft.Source, Title: sd.Draft.Notice.Title,
		Meeting: meetingID, Block: blockID, Dup: dup, Total: len(sd.Draft.Tasks)}
	// The counts follow the choices shown: those made, else those suggested.
	shown := sd.Draft
	shown.Tasks = append([]app.ImportTask(nil), sd.Draft.Tasks...)
	shown.DecideDefaults(dir)
	d.Plan = shown.Plan(dir)
	for _, i := range d.Plan.Asks {
		t := &shown.Tasks[i]
		a := askItem{N: i + 1, Text: shorten(t.Text, 400), Groups: dir.GroupNames(t.LeadGroups), Members: dir.UnitNames(t.Members(dir))}
		_, a.Why = t.Suggestion(dir)
		a.Picker = pickUnits(dir, fmt.Sprintf("pick_%d", i+1), "Đơn vị chủ trì", t.Pick, activeOrChosen(t.Pick))
		a.Picker.Hint = "Đơn vị chọn ở đây chủ trì nhiệm vụ, thay cho lựa chọn ở trên (trừ “Không nhập”)."
		for _, c := range t.Choices(dir) {
			a.Choices = append(a.Choices, choiceItem{Value: c, Label: c.Label(), Checked: c == t.Decision})
		}
		d.Asks = append(d.Asks, a)
	}
	title := "Xác nhận nhập: " + sd.Draft.Source
	return s.render(w, r, code, "import_confirm", &view{Title: title, Nav: "import", Error: msg, Dir: dir, Data: d})
}

// recordData is the record of a confirmed import.
type recordData struct {
	ID        int64
	Source    string
	Text      template.HTML
	Notice    *domain.Notice // nil when the user may no longer see it
	Confirmed time.Time
	Tasks     []recordTask
	Stored    int
	Skipped   int
	Sections  []sectionOutline
}

// recordTask is one task of the import as it was confirmed.
type recordTask struct {
	N        int
	Text     string
	TaskID   int64
	Decision string
	Marked   bool
}

// renderRecord shows the read-only record of confirmed import sd: the
// source text, the notice it became and, for each task read, the task it
// became or that it was left out.
func (s *Server) renderRecord(w http.ResponseWriter, r *http.Request, code int, sd *app.SavedDraft, msg string) error {
	ctx, u := r.Context(), userOf(r)
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	text, marked := markSource(sd.Draft.SourceText, sd.Draft.Tasks)
	d := &recordData{ID: sd.ID, Source: sd.Draft.Source, Text: text, Confirmed: sd.ConfirmedAt}
	n, err := s.svc.Notice(ctx, u, sd.NoticeID)
	switch {
	case err == nil:
		d.Notice = n
	case !app.IsNotFound(err):
		return err
	}
	for _, sec := range sd.Draft.Notice.Sections {
		d.Sections = append(d.Sections, sectionOutline{Heading: sec.Heading, Paras: len(lines(sec.Body))})
	}
	for i, t := range sd.Draft.Tasks {
		rt := recordTask{N: i + 1, Text: shorten(t.Text, 300), TaskID: t.TaskID, Marked: marked[i]}
		switch {
		case !t.NeedsDecision():
		case t.Decision == app.DecideUnit:
			rt.Decision = "Giao cho " + dir.UnitNames(t.Pick)
		default:
			rt.Decision = t.Decision.Label()
		}
		if t.TaskID != 0 {
			d.Stored++
		} else {
			d.Skipped++
		}
		d.Tasks = append(d.Tasks, rt)
	}
	return s.render(w, r, code, "import_record", &view{Title: "Bản ghi nhập văn bản: " + sd.Draft.Source, Nav: "import", Error: msg, Data: d})
}
