package web

import (
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/store"
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

// importPasteName is the file name pasted text is read under.
const importPasteName = "van-ban-dan.txt"

// splitMarker, alone on a line of a task's text, splits the task there.
const splitMarker = "---"

// importRecentMeetings is how many recent meetings the review page offers to
// attach the notice to.
const importRecentMeetings = 30

// --- Upload ------------------------------------------------------------------

type importUploadData struct {
	Text  string
	MaxMB string
}

func (s *Server) importForm(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.CheckManage(userOf(r)); err != nil {
		return err
	}
	return s.renderImportUpload(w, r, http.StatusOK, "", "")
}

func (s *Server) renderImportUpload(w http.ResponseWriter, r *http.Request, code int, text, msg string) error {
	mb := strconv.FormatFloat(float64(s.svc.Options().MaxUpload)/(1<<20), 'f', -1, 64)
	d := &importUploadData{Text: text, MaxMB: mb}
	return s.render(w, r, code, "import", &view{Title: "Nhập văn bản", Nav: "import", Error: msg, Data: d})
}

// errNoImportInput is the answer to a form sent with neither a file nor text.
var errNoImportInput = fmt.Errorf("%w: hãy chọn một tệp hoặc dán nội dung văn bản vào ô bên dưới", domain.ErrInvalid)

func (s *Server) importUpload(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	if err := s.svc.CheckManage(u); err != nil {
		return err
	}
	limit := s.svc.Options().MaxUpload
	name, data, err := readImportInput(r, limit)
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
		return s.renderImportUpload(w, r, statusOf(err), text, importMessage(err))
	}
	if err != nil {
		return err
	}
	sd := &app.SavedDraft{Draft: *d}
	if err := s.svc.SaveImportDraft(ctx, u, sd); err != nil {
		return err
	}
	flash := fmt.Sprintf("Đã đọc %d nhiệm vụ từ %s. Hãy kiểm tra, sửa nếu cần rồi bấm “Xác nhận nhập”.", len(d.Tasks), d.Source)
	return redirect(w, r, importReviewURL(sd.ID, r), flash)
}

// readImportInput returns the uploaded file, or else the pasted text, reading
// at most limit+1 bytes so that the service reports a file above the limit.
func readImportInput(r *http.Request, limit int64) (string, []byte, error) {
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
		return "", nil, errNoImportInput
	}
	return importPasteName, []byte(text), nil
}

// importMessage is userMessage without the generic prefix the service puts
// before the importer's own Vietnamese sentence.
func importMessage(err error) string {
	msg := userMessage(err)
	for _, sentinel := range []error{domain.ErrInvalid, domain.ErrTooLarge} {
		msg = strings.TrimPrefix(msg, sentinel.Error()+": ")
	}
	return msg
}

// --- The review form ---------------------------------------------------------

// importReview is the review form as typed, kept as text so that a bad value
// is shown back as it was. Its tasks are the draft's tasks, in order.
type importReview struct {
	Version int
	Notice  importNoticeForm
	Tasks   []importTaskForm
}

type importNoticeForm struct {
	Number, Symbol, Place, IssuedOn, Title   string
	SignerAuthority, SignerTitle, SignerName string
	Recipients                               string // one per line
	MeetingDate, Chair                       string
	Block, Meeting                           int64
}

type importTaskForm struct {
	N                   int // the task's number, from 1
	Text                string
	Lead, Support       []int64
	LeadAdd, SupportAdd string   // names typed to add, separated by ";"
	ULead, USupport     []string // names that match no unit of the directory
	Kind                string   // a value of importDeadlineKinds
	Date, Day, Event    string
	Refs                string // one per line
	Key, Skip, Merge    bool
	Section             string // shown when it changes from the task before
	Marked              bool   // the source text has a mark for the task
	NoLead              bool   // will not be stored: no lead unit
	First               bool
}

// Recurring reports whether the chosen deadline recurs, and so needs its day.
func (t importTaskForm) Recurring() bool {
	_, ok := importEvery[t.Kind]
	return ok
}

// importKind is one choice of the deadline select.
type importKind struct{ Value, Label string }

// importDeadlineKinds are the deadline choices; the recurring kind comes with
// its period so that one select says it all.
// The options carry no value attribute (the page has one select per task and
// must stay light): the browser sends the label, which importKindOf maps back.
// The stylesheet knows "none" as the first option.
var importDeadlineKinds = []importKind{
	{"none", "thường xuyên"}, {"date", "trước ngày"}, {"month", "trong tháng"}, {"quarter", "trong quý"},
	{"monthly", "hàng tháng"}, {"quarterly", "hàng quý"}, {"yearly", "hàng năm"}, {"event", "sau sự kiện"},
}

// importKindOf maps a posted deadline choice, label or value, to its value.
func importKindOf(posted string) string {
	posted = strings.TrimSpace(posted)
	for _, k := range importDeadlineKinds {
		if posted == k.Label || posted == k.Value {
			return k.Value
		}
	}
	return posted
}

var importEvery = map[string]domain.Every{"monthly": domain.EveryMonth, "quarterly": domain.EveryQuarter, "yearly": domain.EveryYear}

// reviewOfDraft fills the form from a stored draft.
func reviewOfDraft(sd *app.SavedDraft) *importReview {
	d := &sd.Draft
	n := d.Notice
	f := &importReview{Version: sd.Version, Notice: importNoticeForm{Number: n.Number, Symbol: n.Symbol, Place: n.Place,
		IssuedOn: n.IssuedOn.String(), Title: n.Title, SignerAuthority: n.SignerAuthority, SignerTitle: n.SignerTitle,
		SignerName: n.SignerName, Recipients: strings.Join(n.Recipients, "\n"), MeetingDate: d.MeetingDate.String(),
		Chair: d.Chair, Meeting: n.MeetingID}}
	for i, t := range d.Tasks {
		tf := importTaskForm{N: i + 1, Text: t.Text, Lead: t.Lead, Support: t.Support, ULead: t.UnresolvedLead,
			USupport: t.UnresolvedSupport, Refs: strings.Join(t.LegalRefs, "\n"), Key: t.Key, Skip: t.Skip}
		dl := t.Deadline
		tf.Kind, tf.Date = string(dl.Kind), dl.Date.String()
		switch dl.Kind {
		case domain.DeadlineRecurring:
			for k, e := range importEvery {
				if e == dl.Every {
					tf.Kind = k
				}
			}
			tf.Day = strconv.Itoa(dl.Day)
		case domain.DeadlineEvent:
			tf.Event, tf.Date = dl.Event, dl.EventDate.String()
		case "":
			tf.Kind = string(domain.DeadlineNone)
		}
		f.Tasks = append(f.Tasks, tf)
	}
	return f
}

// readImportReview reads the posted review form of draft sd. A form made from
// another version of the draft (a second tab saved meanwhile) is a conflict:
// its tasks may no longer be the draft's.
func readImportReview(r *http.Request, sd *app.SavedDraft) (*importReview, error) {
	version, err := formInt(r, "version", 0)
	if err != nil {
		return nil, err
	}
	count, err := formInt(r, "tasks", -1)
	if err != nil {
		return nil, err
	}
	if version != sd.Version || count != len(sd.Draft.Tasks) {
		return nil, domain.ErrConflict
	}
	v := r.PostFormValue
	f := &importReview{Version: version, Notice: importNoticeForm{Number: v("number"), Symbol: v("symbol"), Place: v("place"),
		IssuedOn: v("issued_on"), Title: v("title"), SignerAuthority: v("signer_authority"), SignerTitle: v("signer_title"),
		SignerName: v("signer_name"), Recipients: v("recipients"), MeetingDate: v("meeting_date"), Chair: v("chair")}}
	var errs []error
	if f.Notice.Block, err = formID(r, "block"); err != nil {
		errs = append(errs, err)
	}
	if f.Notice.Meeting, err = formID(r, "meeting"); err != nil {
		errs = append(errs, err)
	}
	for n := 1; n <= count; n++ {
		k := "_" + strconv.Itoa(n)
		t := importTaskForm{N: n, Text: v("text" + k), LeadAdd: v("lead_add" + k), SupportAdd: v("sup_add" + k),
			ULead: r.PostForm["ulead"+k], USupport: r.PostForm["usup"+k], Kind: importKindOf(v("dl" + k)), Date: v("date" + k),
			Day: v("day" + k), Event: v("event" + k), Refs: v("refs" + k), Key: v("key"+k) != "", Skip: v("skip"+k) != "",
			Merge: n > 1 && v("merge"+k) != ""}
		if t.Lead, err = formIDs(r, "lead"+k); err != nil {
			errs = append(errs, err)
		}
		if t.Support, err = formIDs(r, "sup"+k); err != nil {
			errs = append(errs, err)
		}
		f.Tasks = append(f.Tasks, t)
	}
	return f, errors.Join(errs...)
}

// applyImportReview turns the typed form into sd's draft: dates parsed, typed
// unit names looked up in the directory (unknown ones kept as unresolved),
// tasks split at "---" lines and merged into the task above when asked. sd is
// changed only when everything could be read.
func (s *Server) applyImportReview(r *http.Request, f *importReview, sd *app.SavedDraft) error {
	d := sd.Draft
	n := d.Notice
	nf := f.Notice
	trim := strings.TrimSpace
	n.Number, n.Symbol, n.Place, n.Title = trim(nf.Number), trim(nf.Symbol), trim(nf.Place), trim(nf.Title)
	n.SignerAuthority, n.SignerTitle, n.SignerName = trim(nf.SignerAuthority), trim(nf.SignerTitle), trim(nf.SignerName)
	n.Recipients = importLines(nf.Recipients)
	n.MeetingID = nf.Meeting
	var err error
	if n.IssuedOn, err = domain.ParseDate(nf.IssuedOn); err != nil {
		return fmt.Errorf("ngày ban hành: %w", err)
	}
	if d.MeetingDate, err = domain.ParseDate(nf.MeetingDate); err != nil {
		return fmt.Errorf("ngày họp: %w", err)
	}
	d.Chair = trim(nf.Chair)
	var tasks []app.ImportTask
	for i, tf := range f.Tasks {
		old := sd.Draft.Tasks[i]
		t := app.ImportTask{Text: strings.ReplaceAll(tf.Text, "\r\n", "\n"), Lead: tf.Lead, Support: tf.Support,
			LegalRefs: importLines(tf.Refs), Section: old.Section, Key: tf.Key, Skip: tf.Skip, Start: old.Start, End: old.End}
		for _, name := range tf.ULead {
			t.UnresolvedLead = appendName(t.UnresolvedLead, name)
		}
		for _, name := range tf.USupport {
			t.UnresolvedSupport = appendName(t.UnresolvedSupport, name)
		}
		if t.Lead, t.UnresolvedLead, err = s.addTypedUnits(r, tf.LeadAdd, t.Lead, t.UnresolvedLead); err != nil {
			return err
		}
		if t.Support, t.UnresolvedSupport, err = s.addTypedUnits(r, tf.SupportAdd, t.Support, t.UnresolvedSupport); err != nil {
			return err
		}
		if t.Deadline, err = tf.deadline(old.Deadline); err != nil {
			return fmt.Errorf("nhiệm vụ %d: %w", tf.N, err)
		}
		pieces := splitTask(d.SourceText, t)
		if tf.Merge && len(tasks) > 0 {
			mergeTask(d.SourceText, &tasks[len(tasks)-1], pieces[0])
			pieces = pieces[1:]
		}
		tasks = append(tasks, pieces...)
	}
	d.Notice, d.Tasks = n, tasks
	d.Unresolved = nil
	for _, t := range tasks {
		for _, name := range append(slices.Clone(t.UnresolvedLead), t.UnresolvedSupport...) {
			d.Unresolved = appendName(d.Unresolved, name)
		}
	}
	sd.Draft = d
	return nil
}

// deadline reads the typed deadline; a date that is missing is left for the
// confirmation to report, a date that is not one is an error now.
func (t importTaskForm) deadline(old domain.Deadline) (domain.Deadline, error) {
	day, err := domain.ParseDate(t.Date)
	if err != nil {
		return old, err
	}
	switch t.Kind {
	case "", string(domain.DeadlineNone):
		return domain.Deadline{Kind: domain.DeadlineNone}, nil
	case string(domain.DeadlineDate):
		return domain.Deadline{Kind: domain.DeadlineDate, Date: day}, nil
	case string(domain.DeadlineMonth):
		return domain.Deadline{Kind: domain.DeadlineMonth, Date: day}, nil
	case string(domain.DeadlineQuarter):
		return domain.Deadline{Kind: domain.DeadlineQuarter, Date: day}, nil
	case string(domain.DeadlineEvent):
		d := domain.Deadline{Kind: domain.DeadlineEvent, Event: strings.TrimSpace(t.Event), EventDate: day}
		if old.Kind == domain.DeadlineEvent {
			d.EventDays = old.EventDays
		}
		return d, nil
	}
	every, ok := importEvery[t.Kind]
	if !ok {
		return old, fmt.Errorf("%w: hãy chọn loại thời hạn", domain.ErrInvalid)
	}
	d := domain.Deadline{Kind: domain.DeadlineRecurring, Every: every, Day: 31, Date: day}
	if v := strings.TrimSpace(t.Day); v != "" {
		if d.Day, err = strconv.Atoi(v); err != nil {
			return old, fmt.Errorf("%w: ngày đến hạn trong kỳ %q không phải là số", domain.ErrInvalid, v)
		}
	}
	return d, nil
}

// addTypedUnits looks up the names typed in an "add a unit" box (separated by
// ";" or new lines, since unit names hold commas) the way the importer does.
func (s *Server) addTypedUnits(r *http.Request, typed string, ids []int64, unresolved []string) ([]int64, []string, error) {
	for _, name := range strings.FieldsFunc(typed, func(c rune) bool { return c == ';' || c == '\n' || c == '\r' }) {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		unit, err := s.svc.ResolveUnitName(r.Context(), userOf(r), name)
		if errors.Is(err, domain.ErrNotFound) {
			unresolved = appendName(unresolved, name)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		if !slices.Contains(ids, unit.ID) {
			ids = append(ids, unit.ID)
		}
	}
	return ids, unresolved, nil
}

func appendName(names []string, name string) []string {
	name = strings.TrimSpace(name)
	if name == "" || slices.Contains(names, name) {
		return names
	}
	return append(names, name)
}

// importLines splits a textarea into its non-blank lines.
func importLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// --- Splitting, merging and marking tasks in the source text -----------------

// validSpan reports whether [start, end) is a non-empty part of src.
func validSpan(src string, start, end int) bool {
	return start >= 0 && start < end && end <= len(src)
}

// splitTask cuts t at the lines of its text that hold only "---". Each piece
// keeps t's units, deadline and flags. The pieces share t's span of the source
// text when each piece after the first is found there (by its first words);
// otherwise the first piece keeps the span and the others have none.
func splitTask(src string, t app.ImportTask) []app.ImportTask {
	var parts []string
	var cur []string
	for _, l := range strings.Split(t.Text, "\n") {
		if strings.TrimSpace(l) == splitMarker {
			parts = append(parts, strings.TrimSpace(strings.Join(cur, "\n")))
			cur = nil
			continue
		}
		cur = append(cur, l)
	}
	parts = append(parts, strings.TrimSpace(strings.Join(cur, "\n")))
	parts = slices.DeleteFunc(parts, func(p string) bool { return p == "" })
	if len(parts) <= 1 {
		t.Text = strings.Join(parts, "")
		return []app.ImportTask{t}
	}
	out := make([]app.ImportTask, len(parts))
	for i, p := range parts {
		c := t
		c.Text, c.Start, c.End = p, 0, 0
		c.Lead, c.Support = slices.Clone(t.Lead), slices.Clone(t.Support)
		c.UnresolvedLead, c.UnresolvedSupport = slices.Clone(t.UnresolvedLead), slices.Clone(t.UnresolvedSupport)
		c.LegalRefs = slices.Clone(t.LegalRefs)
		out[i] = c
	}
	if !validSpan(src, t.Start, t.End) {
		return out
	}
	cuts := []int{t.Start}
	for _, p := range parts[1:] {
		from := cuts[len(cuts)-1] + 1
		at := findWords(src[from:t.End], p)
		if at < 0 {
			out[0].Start, out[0].End = t.Start, t.End
			return out
		}
		cuts = append(cuts, from+at)
	}
	cuts = append(cuts, t.End)
	for i := range out {
		start, end := cuts[i], cuts[i+1]
		end = start + len(strings.TrimRight(src[start:end], " \t\r\n"))
		out[i].Start, out[i].End = start, end
	}
	return out
}

// findWords returns where the first words of text stand in hay, whatever
// the spacing and line breaks between them, or -1.
func findWords(hay, text string) int {
	words := strings.Fields(text)
	if len(words) > 5 {
		words = words[:5]
	}
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(strings.Join(words, `\s+`))
	if err != nil {
		return -1
	}
	loc := re.FindStringIndex(hay)
	if loc == nil {
		return -1
	}
	return loc[0]
}

// mergeTask adds b to a: texts joined, units and references united, a's
// deadline kept unless it has none, the span stretched over both.
func mergeTask(src string, a *app.ImportTask, b app.ImportTask) {
	a.Text = strings.TrimSpace(a.Text + "\n" + b.Text)
	for _, id := range b.Lead {
		if !slices.Contains(a.Lead, id) {
			a.Lead = append(a.Lead, id)
		}
	}
	for _, id := range b.Support {
		if !slices.Contains(a.Support, id) {
			a.Support = append(a.Support, id)
		}
	}
	for _, name := range b.UnresolvedLead {
		a.UnresolvedLead = appendName(a.UnresolvedLead, name)
	}
	for _, name := range b.UnresolvedSupport {
		a.UnresolvedSupport = appendName(a.UnresolvedSupport, name)
	}
	for _, ref := range b.LegalRefs {
		a.LegalRefs = appendName(a.LegalRefs, ref)
	}
	if a.Deadline.Kind == "" || a.Deadline.Kind == domain.DeadlineNone {
		a.Deadline = b.Deadline
	}
	a.Key = a.Key || b.Key
	a.Skip = a.Skip && b.Skip
	switch {
	case validSpan(src, a.Start, a.End) && validSpan(src, b.Start, b.End):
		a.Start, a.End = min(a.Start, b.Start), max(a.End, b.End)
	case validSpan(src, b.Start, b.End):
		a.Start, a.End = b.Start, b.End
	}
}

// markSource returns src as HTML with task n's span [Start, End) wrapped in
// <mark id="t{n}">, and which tasks got a mark. Every slice of src is escaped
// here. Spans that are empty, out of range or overlap an earlier one are left
// unmarked; offsets inside a UTF-8 sequence move to its edge so that no
// character is cut in two.
func markSource(src string, tasks []app.ImportTask) (template.HTML, []bool) {
	type span struct{ n, start, end int }
	var spans []span
	for i, t := range tasks {
		start, end := t.Start, t.End
		if !validSpan(src, start, end) {
			continue
		}
		for start > 0 && !utf8.RuneStart(src[start]) {
			start--
		}
		for end < len(src) && !utf8.RuneStart(src[end]) {
			end++
		}
		spans = append(spans, span{i + 1, start, end})
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	marked := make([]bool, len(tasks))
	var b strings.Builder
	b.Grow(len(src) + len(src)/8 + 64*len(spans))
	pos := 0
	for _, sp := range spans {
		if sp.start < pos {
			continue
		}
		b.WriteString(html.EscapeString(src[pos:sp.start]))
		class := ""
		if tasks[sp.n-1].Skip {
			class = ` class="im-off"`
		}
		fmt.Fprintf(&b, `<mark id="t%d"%s><a href=#f%d>%d</a>`, sp.n, class, sp.n, sp.n)
		b.WriteString(html.EscapeString(src[sp.start:sp.end]))
		b.WriteString("</mark>")
		marked[sp.n-1] = true
		pos = sp.end
	}
	b.WriteString(html.EscapeString(src[pos:]))
	return template.HTML(b.String()), marked
}

// --- Review page -------------------------------------------------------------

type importMeetingOption struct {
	ID    int64
	Label string
}

type importReviewData struct {
	ID         int64
	Source     string
	Format     string
	Text       template.HTML
	F          *importReview
	Unresolved []string
	Meetings   []importMeetingOption
	Kinds      []importKind
	NoLead     int
	Skipped    int
}

// importReviewURL is the review page of draft id, keeping the block chosen on
// the form (the draft itself has no place for it).
func importReviewURL(id int64, r *http.Request) string {
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

// loadImportDraft loads the draft of the {id} in the path; it is the service
// that refuses users other than the Office and admins.
func (s *Server) loadImportDraft(r *http.Request) (*app.SavedDraft, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.ImportDraftByID(r.Context(), userOf(r), id)
}

func (s *Server) importReview(w http.ResponseWriter, r *http.Request) error {
	sd, err := s.loadImportDraft(r)
	if err != nil {
		return err
	}
	return s.renderImportReview(w, r, http.StatusOK, sd, nil, "")
}

// renderImportReview shows draft sd with the typed form f, or with the
// draft's own values when f is nil.
func (s *Server) renderImportReview(w http.ResponseWriter, r *http.Request, code int, sd *app.SavedDraft, f *importReview, msg string) error {
	ctx, u := r.Context(), userOf(r)
	dir, err := s.svc.Directory(ctx, u)
	if err != nil {
		return err
	}
	if f == nil {
		f = reviewOfDraft(sd)
		f.Notice.Block = importBlockChoice(r, dir, sd.Draft.Tasks)
	}
	text, marked := markSource(sd.Draft.SourceText, sd.Draft.Tasks)
	d := &importReviewData{ID: sd.ID, Source: sd.Draft.Source, Format: sd.Draft.Format, Text: text, F: f,
		Unresolved: sd.Draft.Unresolved, Kinds: importDeadlineKinds}
	section := ""
	for i := range f.Tasks {
		t := &f.Tasks[i]
		if i < len(sd.Draft.Tasks) {
			if sec := sd.Draft.Tasks[i].Section; sec != section {
				t.Section, section = sec, sec
			}
			t.Marked = marked[i]
		}
		t.First = i == 0
		t.NoLead = len(t.Lead) == 0 && !t.Skip
		if t.NoLead {
			d.NoLead++
		}
		if t.Skip {
			d.Skipped++
		}
	}
	ms, _, err := s.svc.Meetings(ctx, u, store.MeetingFilter{Limit: importRecentMeetings})
	if err != nil {
		return err
	}
	seen := false
	for _, m := range ms {
		d.Meetings = append(d.Meetings, importMeetingOption{m.ID, meetingOptionLabel(&m)})
		seen = seen || m.ID == f.Notice.Meeting
	}
	if f.Notice.Meeting != 0 && !seen {
		m, err := s.svc.Meeting(ctx, u, f.Notice.Meeting)
		switch {
		case err == nil:
			d.Meetings = append(d.Meetings, importMeetingOption{m.ID, meetingOptionLabel(m)})
		case !app.IsNotFound(err):
			return err
		}
	}
	return s.render(w, r, code, "import_review", &view{Title: "Kiểm tra văn bản nhập", Nav: "import", Error: msg, Dir: dir, Data: d})
}

func meetingOptionLabel(m *domain.Meeting) string {
	title := m.Title
	if utf8.RuneCountInString(title) > 70 {
		title = string([]rune(title)[:70]) + "…"
	}
	return title + " (" + m.Date.VN() + ")"
}

// importBlockChoice is the block asked for on the form or in the URL, else the
// block most of the lead units belong to.
func importBlockChoice(r *http.Request, dir *app.Directory, tasks []app.ImportTask) int64 {
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

// saveImportReview reads the posted review form into sd and stores the draft.
// The form is returned, even with an error, so that it can be shown again.
func (s *Server) saveImportReview(r *http.Request, sd *app.SavedDraft) (*importReview, error) {
	f, err := readImportReview(r, sd)
	if err != nil {
		return f, err
	}
	if err := s.applyImportReview(r, f, sd); err != nil {
		return f, err
	}
	return f, s.svc.SaveImportDraft(r.Context(), userOf(r), sd)
}

// importReviewError shows the review page again for an error the user can act
// on: after a conflict, the draft as stored now; otherwise the form as typed
// (or, when f is nil, as stored). Other errors are returned.
func (s *Server) importReviewError(w http.ResponseWriter, r *http.Request, sd *app.SavedDraft, f *importReview, err error) error {
	if errors.Is(err, domain.ErrConflict) {
		fresh, lerr := s.svc.ImportDraftByID(r.Context(), userOf(r), sd.ID)
		if lerr != nil {
			return lerr
		}
		return s.renderImportReview(w, r, http.StatusConflict, fresh, nil, userMessage(err))
	}
	if isFormError(err) {
		return s.renderImportReview(w, r, statusOf(err), sd, f, userMessage(err))
	}
	return err
}

func (s *Server) importSave(w http.ResponseWriter, r *http.Request) error {
	sd, err := s.loadImportDraft(r)
	if err != nil {
		return err
	}
	if f, err := s.saveImportReview(r, sd); err != nil {
		return s.importReviewError(w, r, sd, f, err)
	}
	return redirect(w, r, importReviewURL(sd.ID, r), "Đã lưu chỉnh sửa. Văn bản chưa được nhập cho đến khi bạn bấm “Xác nhận nhập”.")
}

func (s *Server) importConfirm(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	sd, err := s.loadImportDraft(r)
	if err != nil {
		return err
	}
	f, err := s.saveImportReview(r, sd)
	if err != nil {
		return s.importReviewError(w, r, sd, f, err)
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
	res, err := s.svc.ConfirmSavedDraft(ctx, u, sd, meetingID, blockID)
	if err != nil {
		// The corrections are saved: the page shows the stored draft.
		return s.importReviewError(w, r, sd, nil, err)
	}
	flash := fmt.Sprintf("Đã nhập %d nhiệm vụ (%d có thời hạn cụ thể). Thông báo đang ở dạng dự thảo: kiểm tra rồi ban hành.", res.Tasks, res.WithDue)
	if res.Unassigned > 0 {
		flash += fmt.Sprintf(" %d nhiệm vụ chưa có đơn vị chủ trì nên không được nhập.", res.Unassigned)
	}
	return redirect(w, r, fmt.Sprintf("/notices/%d", res.NoticeID), flash)
}

// importAddUnit adds an unknown name (uname) to the directory, as a new unit
// (add=new: named unew, or uname when empty, in block ublock) or as an alias of
// unit uunit (add=alias), then resolves the draft's names again. Posted from
// the review form, it saves the corrections first; the unit fields may also
// come alone.
func (s *Server) importAddUnit(w http.ResponseWriter, r *http.Request) error {
	ctx, u := r.Context(), userOf(r)
	sd, err := s.loadImportDraft(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	if _, ok := r.PostForm["tasks"]; ok {
		if f, err := s.saveImportReview(r, sd); err != nil {
			return s.importReviewError(w, r, sd, f, err)
		}
	}
	name := strings.TrimSpace(r.PostFormValue("uname"))
	var flash string
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
		flash = fmt.Sprintf("Đã thêm đơn vị “%s” vào danh mục.", unit.Name)
	case action == "alias":
		var unitID int64
		if unitID, err = formID(r, "uunit"); err == nil && unitID == 0 {
			err = fmt.Errorf("%w: hãy chọn đơn vị mà “%s” là tên gọi khác", domain.ErrInvalid, name)
		}
		if err == nil {
			err = s.svc.AddAlias(ctx, u, unitID, name)
		}
		flash = fmt.Sprintf("Đã ghi “%s” là tên gọi khác của đơn vị trong danh mục.", name)
		if err == nil {
			if unit, rerr := s.svc.ResolveUnitName(ctx, u, name); rerr == nil {
				flash = fmt.Sprintf("Đã ghi “%s” là tên gọi khác của %s.", name, unit.Name)
			}
		}
	default:
		err = fmt.Errorf("%w: hãy chọn thêm đơn vị mới hoặc ghi là tên gọi khác", domain.ErrInvalid)
	}
	if err != nil {
		return s.importReviewError(w, r, sd, nil, err)
	}
	if err := s.svc.ResolveDraftUnits(ctx, u, sd); err != nil {
		return s.importReviewError(w, r, sd, nil, err)
	}
	if err := s.svc.SaveImportDraft(ctx, u, sd); err != nil {
		return s.importReviewError(w, r, sd, nil, err)
	}
	return redirect(w, r, importReviewURL(sd.ID, r), flash)
}
