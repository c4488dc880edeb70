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
	"unicode/utf8"

	"giaoban/internal/app"
	"giaoban/internal/domain"
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
}

type reviewNotice struct {
	Number, Symbol, Place, IssuedOn, Title   string
	SignerAuthority, SignerTitle, SignerName string
	Recipients                               string // one per line
	MeetingDate, Chair                       string
	Block, Meeting                           int64
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
	// Groups the text names as lead or support: kept from the draft (the
	// form does not edit them); the task waits for units once stored.
	LeadGroups, SupportGroups []int64
	NoLead                    bool // will not be stored: no lead unit
	First                     bool
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
		IssuedOn: n.IssuedOn.String(), Title: n.Title, SignerAuthority: n.SignerAuthority, SignerTitle: n.SignerTitle,
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
// another version of the draft (a second tab saved meanwhile) is a conflict:
// its tasks may no longer be the draft's.
func readReview(r *http.Request, sd *app.SavedDraft) (*reviewForm, error) {
	version, err := formInt(r, "version", "Phiên bản", 0)
	if err != nil {
		return nil, err
	}
	count, err := formInt(r, "tasks", "Số nhiệm vụ", -1)
	if err != nil {
		return nil, err
	}
	if version != sd.Version || count != len(sd.Draft.Tasks) {
		return nil, domain.ErrConflict
	}
	v := r.PostFormValue
	f := &reviewForm{Version: version, Notice: reviewNotice{Number: v("number"), Symbol: v("symbol"), Place: v("place"),
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
		f.Tasks = append(f.Tasks, t)
	}
	return f, errors.Join(errs...)
}

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
		t := app.ImportTask{Text: strings.ReplaceAll(tf.Text, "\r\n", "\n"), Lead: tf.Lead, Support: tf.Support,
			UnresolvedLead: tf.ULead, UnresolvedSupport: tf.USupport, LegalRefs: lines(tf.Refs), Section: old.Section,
			Key: tf.Key, Skip: tf.Skip, Start: old.Start, End: old.End, LeadGroups: old.LeadGroups, SupportGroups: old.SupportGroups}
		if t.Lead, t.UnresolvedLead, err = s.addTypedUnits(r, tf.LeadAdd, t.Lead, t.UnresolvedLead); err != nil {
			return err
		}
		if t.Support, t.UnresolvedSupport, err = s.addTypedUnits(r, tf.SupportAdd, t.Support, t.UnresolvedSupport); err != nil {
			return err
		}
		if t.Deadline, err = tf.deadline(old.Deadline); err != nil {
			return fmt.Errorf("nhiệm vụ %d: %w", tf.N, err)
		}
		revised[i] = app.RevisedTask{ImportTask: t, Merge: tf.Merge}
	}
	d.Notice = n
	d.ReviseTasks(revised)
	sd.Draft = d
	return nil
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
