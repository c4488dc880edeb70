package web

import (
	"errors"
	"fmt"
	"html"
	"html/template"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"giaoban/internal/app"
	"giaoban/internal/domain"
	"giaoban/internal/importer"
)

// The import review form: the draft notice and its tasks as the review page
// shows them, kept as typed, and turned back into the draft when posted;
// and the source text with each task's part highlighted. The rules that
// reshape the tasks (splitting, merging, spans) are the service's.

// reviewForm is the review form as typed, kept as text so that a bad value
// is shown back as it was. Its tasks are the draft's tasks, in order.
type reviewForm struct {
	Version int
	Notice  reviewNotice
	Tasks   []reviewTask
	// NewText is the task being added, and NewStart, NewEnd its span in
	// the source text (byte offsets, empty when typed).
	NewText, NewStart, NewEnd string
}

type reviewNotice struct {
	Number, Symbol, Place, IssuedOn, Title   string
	Issuer, Superior                         string
	SignerAuthority, SignerTitle, SignerName string
	Recipients                               string // one per line
	MeetingDate, Chair                       string
	Block, Meeting                           int64
}

// missing names the notice's parts the form has empty, in the order of
// the document; body tells whether the body was read into sections.
func (n reviewNotice) missing(body bool) []string {
	var out []string
	for _, f := range []struct {
		name  string
		empty bool
	}{
		{"cơ quan ban hành", n.Issuer == ""}, {"số", n.Number == ""}, {"ký hiệu", n.Symbol == ""}, {"địa danh", n.Place == ""},
		{"ngày ban hành", n.IssuedOn == ""}, {"trích yếu", strings.TrimSpace(n.Title) == ""}, {"nội dung", !body},
		{"nơi nhận", strings.TrimSpace(n.Recipients) == ""}, {"thẩm quyền ký", n.SignerAuthority == "" && n.SignerTitle == ""},
		{"người ký", n.SignerName == ""},
	} {
		if f.empty {
			out = append(out, f.name)
		}
	}
	return out
}

type reviewTask struct {
	N                   int // the task's number, from 1
	Text                string
	Lead, Support       []int64
	LeadAdd, SupportAdd string   // names typed to add, separated by ";"
	ULead, USupport     []string // names that match no unit of the directory
	Kind                string   // a value of deadlineChoices
	Date, Day, Event    string
	Refs                string // one per line
	Key, Skip, Merge    bool
	Section             string // shown when it changes from the task before
	Marked              bool   // the source text has a mark for the task
	// Groups the text names as lead or support: the form may only drop
	// them; confirming asks what becomes of a task led by groups alone.
	LeadGroups, SupportGroups []int64
	NoLead                    bool // no lead unit: confirming asks what to do with it
	First                     bool
	Conf                      importer.Confidence // how sure the importer is
	Unsure                    bool                // the importer guessed: check first
	Added                     bool                // added by the Office
}

// Recurring reports whether the chosen deadline recurs, and so needs its day.
func (t reviewTask) Recurring() bool {
	_, ok := everyOfChoice[t.Kind]
	return ok
}

// deadlineChoice is one choice of the deadline select.
type deadlineChoice struct{ Value, Label string }

// deadlineChoices are the deadline choices; the recurring kind comes with
// its period so that one select says it all.
// The options carry no value attribute (the page has one select per task and
// must stay light): the browser sends the label, which deadlineChoiceOf maps back.
// The stylesheet knows "none" as the first option.
var deadlineChoices = []deadlineChoice{
	{"none", "thường xuyên"}, {"date", "trước ngày"}, {"month", "trong tháng"}, {"quarter", "trong quý"},
	{"monthly", "hàng tháng"}, {"quarterly", "hàng quý"}, {"yearly", "hàng năm"}, {"event", "sau sự kiện"},
}

// deadlineChoiceOf maps a posted deadline choice, label or value, to its value.
func deadlineChoiceOf(posted string) string {
	posted = strings.TrimSpace(posted)
	for _, k := range deadlineChoices {
		if posted == k.Label || posted == k.Value {
			return k.Value
		}
	}
	return posted
}

var everyOfChoice = map[string]domain.Every{"monthly": domain.EveryMonth, "quarterly": domain.EveryQuarter, "yearly": domain.EveryYear}

// reviewOfDraft fills the form from a stored draft.
func reviewOfDraft(sd *app.SavedDraft) *reviewForm {
	d := &sd.Draft
	n := d.Notice
	f := &reviewForm{Version: sd.Version, Notice: reviewNotice{Number: n.Number, Symbol: n.Symbol, Place: n.Place,
		IssuedOn: n.IssuedOn.String(), Title: n.Title, Issuer: n.Issuer, Superior: n.Superior, SignerAuthority: n.SignerAuthority, SignerTitle: n.SignerTitle,
		SignerName: n.SignerName, Recipients: strings.Join(n.Recipients, "\n"), MeetingDate: d.MeetingDate.String(),
		Chair: d.Chair, Meeting: n.MeetingID}}
	for i, t := range d.Tasks {
		tf := reviewTask{N: i + 1, Text: t.Text, Lead: t.Lead, Support: t.Support, ULead: t.UnresolvedLead,
			USupport: t.UnresolvedSupport, Refs: strings.Join(t.LegalRefs, "\n"), Key: t.Key, Skip: t.Skip,
			LeadGroups: t.LeadGroups, SupportGroups: t.SupportGroups}
		dl := t.Deadline
		tf.Kind, tf.Date = string(dl.Kind), dl.Date.String()
		switch dl.Kind {
		case domain.DeadlineRecurring:
			for k, e := range everyOfChoice {
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

// readReview reads the posted review form of draft sd. A form made from
// another version of the draft (a second tab saved meanwhile) is a
// conflict: the form is still read whole and returned with the error, so
// that the page shows it again as typed.
func readReview(r *http.Request, sd *app.SavedDraft) (*reviewForm, error) {
	version, err := formInt(r, "version", "Phiên bản", 0)
	if err != nil {
		return nil, err
	}
	count, err := formInt(r, "tasks", "Số nhiệm vụ", -1)
	if err != nil || count < 0 || count > maxReviewTasks {
		return nil, fmt.Errorf("%w: số nhiệm vụ của biểu mẫu không hợp lệ", domain.ErrInvalid)
	}
	var conflict error
	if version != sd.Version || count != len(sd.Draft.Tasks) {
		conflict = domain.ErrConflict
	}
	v := r.PostFormValue
	f := &reviewForm{Version: version, Notice: reviewNotice{Number: v("number"), Symbol: v("symbol"), Place: v("place"),
		IssuedOn: v("issued_on"), Title: v("title"), Issuer: v("issuer"), Superior: v("superior"), SignerAuthority: v("signer_authority"), SignerTitle: v("signer_title"),
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
		t := reviewTask{N: n, Text: v("text" + k), LeadAdd: v("lead_add" + k), SupportAdd: v("sup_add" + k),
			ULead: r.PostForm["ulead"+k], USupport: r.PostForm["usup"+k], Kind: deadlineChoiceOf(v("dl" + k)), Date: v("date" + k),
			Day: v("day" + k), Event: v("event" + k), Refs: v("refs" + k), Key: v("key"+k) != "", Skip: v("skip"+k) != "",
			Merge: n > 1 && v("merge"+k) != ""}
		if t.Lead, err = formIDs(r, "lead"+k); err != nil {
			errs = append(errs, err)
		}
		if t.Support, err = formIDs(r, "sup"+k); err != nil {
			errs = append(errs, err)
		}
		if t.LeadGroups, err = formIDs(r, "lgrp"+k); err != nil {
			errs = append(errs, err)
		}
		if t.SupportGroups, err = formIDs(r, "sgrp"+k); err != nil {
			errs = append(errs, err)
		}
		f.Tasks = append(f.Tasks, t)
	}
	f.NewText, f.NewStart, f.NewEnd = v("new_text"), v("new_start"), v("new_end")
	if conflict != nil {
		return f, conflict
	}
	return f, errors.Join(errs...)
}

// maxReviewTasks bounds the tasks a posted review form may claim to hold.
const maxReviewTasks = 5000

// applyReview turns the typed form into sd's draft: dates parsed, typed
// unit names looked up in the directory (unknown ones kept as unresolved),
// and the tasks revised by the service's rules (split at "---" lines, merged
// into the task above when asked). sd is changed only when everything could
// be read.
func (s *Server) applyReview(r *http.Request, f *reviewForm, sd *app.SavedDraft) error {
	d := sd.Draft
	n := d.Notice
	nf := f.Notice
	trim := strings.TrimSpace
	n.Number, n.Symbol, n.Place, n.Title = trim(nf.Number), trim(nf.Symbol), trim(nf.Place), trim(nf.Title)
	n.Issuer, n.Superior = trim(nf.Issuer), trim(nf.Superior)
	n.SignerAuthority, n.SignerTitle, n.SignerName = trim(nf.SignerAuthority), trim(nf.SignerTitle), trim(nf.SignerName)
	n.Recipients = lines(nf.Recipients)
	n.MeetingID = nf.Meeting
	var err error
	if n.IssuedOn, err = domain.ParseDate(nf.IssuedOn); err != nil {
		return fmt.Errorf("ngày ban hành: %w", err)
	}
	if d.MeetingDate, err = domain.ParseDate(nf.MeetingDate); err != nil {
		return fmt.Errorf("ngày họp: %w", err)
	}
	d.Chair = trim(nf.Chair)
	revised := make([]app.RevisedTask, len(f.Tasks))
	for i, tf := range f.Tasks {
		old := sd.Draft.Tasks[i]
		t := old
		t.Text, t.Lead, t.Support = strings.ReplaceAll(tf.Text, "\r\n", "\n"), tf.Lead, tf.Support
		t.UnresolvedLead, t.UnresolvedSupport, t.LegalRefs = tf.ULead, tf.USupport, lines(tf.Refs)
		t.Key, t.Skip = tf.Key, tf.Skip
		// The form only drops groups: it cannot name one the draft lacks.
		t.LeadGroups, t.SupportGroups = kept(tf.LeadGroups, old.LeadGroups), kept(tf.SupportGroups, old.SupportGroups)
		if t.Lead, t.UnresolvedLead, err = s.addTypedUnits(r, tf.LeadAdd, t.Lead, t.UnresolvedLead); err != nil {
			return err
		}
		if t.Support, t.UnresolvedSupport, err = s.addTypedUnits(r, tf.SupportAdd, t.Support, t.UnresolvedSupport); err != nil {
			return err
		}
		if t.Deadline, err = tf.deadline(old.Deadline); err != nil {
			return fmt.Errorf("nhiệm vụ %d: %w", tf.N, err)
		}
		t.Checked(&old)
		revised[i] = app.RevisedTask{ImportTask: t, Merge: tf.Merge}
	}
	d.Notice = n
	d.ReviseTasks(revised)
	sd.Draft = d
	return nil
}

// kept is the ids of posted that are among allowed, in the order posted.
func kept(posted, allowed []int64) []int64 {
	var out []int64
	for _, id := range posted {
		if slices.Contains(allowed, id) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// deadline reads the typed deadline; a date that is missing is left for the
// confirmation to report, a date that is not one is an error now.
func (t reviewTask) deadline(old domain.Deadline) (domain.Deadline, error) {
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
	every, ok := everyOfChoice[t.Kind]
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
// ";" or new lines, since unit names hold commas) the way the importer does;
// a name it does not know joins unresolved.
func (s *Server) addTypedUnits(r *http.Request, typed string, ids []int64, unresolved []string) ([]int64, []string, error) {
	for _, name := range strings.FieldsFunc(typed, func(c rune) bool { return c == ';' || c == '\n' || c == '\r' }) {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		unit, err := s.svc.ResolveUnitName(r.Context(), userOf(r), name)
		if errors.Is(err, domain.ErrNotFound) {
			unresolved = append(unresolved, name)
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

// markSource returns src as HTML with task n's span [Start, End) wrapped in
// <mark id="t{n}">, and which tasks got a mark. Every slice of src is escaped
// here. Spans that are empty, out of range or overlap an earlier one are left
// unmarked; offsets inside a UTF-8 sequence move to its edge so that no
// character is cut in two.
func markSource(src string, tasks []app.ImportTask) (template.HTML, []bool) {
	type span struct{ n, start, end int }
	var spans []span
	for i, t := range tasks {
		if !t.HasSpan(src) {
			continue
		}
		start, end := t.Start, t.End
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

// confidenceLabels say in a few words which rule read each part of a task.
var confidenceLabels = map[string]string{
	// Boundaries.
	"item": "mục, gạch đầu dòng", "directive": "đoạn “Giao…”, “Yêu cầu…”", "paragraph": "đoạn văn", "named": "câu nêu đơn vị",
	"directs": "câu chỉ đạo, không nêu đơn vị", "list": "ý sau câu dẫn", "verb": "đoán theo động từ", "added": "Văn phòng thêm",
	// Units.
	"heading": "theo tiêu đề mục", "closing": "theo câu “Giao…” cuối mục", "lead_in": "theo câu dẫn", "previous": "theo câu trước",
	"none": "không thấy", "fuzzy": "khớp gần đúng danh mục", "unresolved": "chưa có trong danh mục", "group": "nhóm đơn vị",
	// Deadlines.
	"date": "ngày ghi rõ", "period": "theo tháng, quý, năm", "recurring": "định kỳ", "event": "theo sự kiện", "open": "không có hạn cuối",
	"unread": "có từ chỉ thời gian chưa đọc được",
	// Any part the Office changed.
	"office": "Văn phòng đã sửa",
}

// unitsLabels are the units rules worded for units ("nêu trong câu").
var unitsLabels = map[string]string{"named": "nêu trong câu", "none": "không thấy đơn vị"}

// deadlineLabels are the deadline rules worded for deadlines.
var deadlineLabels = map[string]string{"none": "không có", "office": "Văn phòng đã sửa"}

// confidenceClasses are the classes that colour each level.
var confidenceClasses = map[string]string{importer.Sure: "h", importer.Likely: "m", importer.Guess: "l"}

// ConfidenceLine is the line under a task's heading saying how sure the
// importer is of its boundaries, units and deadline: the sure parts
// together, then each part that is less sure with the rule that read it.
// The page shows a line for each of its forty-odd tasks, so the markup
// stays short.
func (t reviewTask) ConfidenceLine() template.HTML {
	c := t.Conf
	if c.Boundary == "" {
		return ""
	}
	parts := []struct {
		name, level, rule string
		own               map[string]string
	}{
		{"ranh giới", c.Boundary, c.BoundaryRule, nil},
		{"đơn vị", c.Units, c.UnitsRule, unitsLabels},
		{"thời hạn", c.Deadline, c.DeadlineRule, deadlineLabels},
	}
	var sure []string
	for _, p := range parts {
		if p.level == importer.Sure {
			sure = append(sure, p.name)
		}
	}
	var b strings.Builder
	b.WriteString(`<p class=cf>`)
	if len(sure) > 0 {
		fmt.Fprintf(&b, `<i class=h>%s: chắc</i>`, capitalizeFirst(strings.Join(sure, ", ")))
	}
	for _, p := range parts {
		if p.level == importer.Sure {
			continue
		}
		label, ok := p.own[p.rule]
		if !ok {
			label = confidenceLabels[p.rule]
		}
		fmt.Fprintf(&b, `<i class=%s>%s: %s</i>`, confidenceClasses[p.level], capitalizeFirst(p.name), html.EscapeString(label))
	}
	b.WriteString(`</p>`)
	return template.HTML(b.String())
}

// capitalizeFirst upper-cases the first letter of s.
func capitalizeFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
