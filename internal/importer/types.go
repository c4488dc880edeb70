// Package importer reads conclusion notices ("Thông báo kết luận") of
// coordination meetings (hội nghị giao ban) and turns them into structured
// documents: metadata, the tasks the notice assigns, who leads (chủ trì) and
// who supports (phối hợp) each task, and its deadline.
//
// Its entry point is Extract, from a file's bytes to a Document. It reads
// and extracts only: no database, no files, no flags — `giaoban extract` in
// internal/cli opens the files and prints the JSON, and the service
// (internal/app) resolves unit names against the directory.
package importer

// DefaultMaxBytes is the default input size limit (50 MB).
const DefaultMaxBytes int64 = 50 << 20

// UnitName is one entry of a directory of known units: the canonical name
// and the aliases (abbreviations, variants) that refer to it.
type UnitName struct {
	// Name is the canonical name, e.g. "Bảo hiểm xã hội".
	Name string `json:"name"`
	// Aliases are other spellings, e.g. "BHXH", "BHXH huyện".
	Aliases []string `json:"aliases,omitempty"`
}

// Options configures Extract.
type Options struct {
	// MaxBytes is the input size limit; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Units is an optional directory of known units. When given, unit names
	// found in the notice are resolved to the directory's canonical names
	// and names that cannot be resolved are reported in
	// Document.Unresolved.
	Units []UnitName
	// PDFTimeoutSeconds bounds the pdftotext run; 0 means 60 seconds.
	PDFTimeoutSeconds int
}

// Meeting describes the meeting (giao ban) whose conclusions the notice
// records.
type Meeting struct {
	// Date is the ISO date of the meeting or nil.
	Date *string `json:"date"`
	// Chair is the name (without title) of the person who chaired the
	// meeting, or nil.
	Chair *string `json:"chair"`
	// ChairTitle is the chair's title when stated.
	ChairTitle string `json:"chair_title,omitempty"`
}

// Deadline describes when a task is due.
type Deadline struct {
	// Kind is one of "date", "month", "quarter", "recurring", "event",
	// "none".
	Kind string `json:"kind"`
	// Raw is the deadline wording as printed.
	Raw string `json:"raw,omitempty"`
	// Recurrence is "daily", "weekly", "monthly", "quarterly", "yearly" or
	// "regular" for recurring work.
	Recurrence string `json:"recurrence,omitempty"`
	// Event is the event the task is tied to ("sau khi ...").
	Event string `json:"event,omitempty"`
}

// LegalRef is a legal document referred to in a task ("Quyết định số
// 1300/QĐ-BYT ngày 09/3/2023 của Bộ Y tế").
type LegalRef struct {
	// Type is the kind of document ("Quyết định", "Công văn", ...).
	Type string `json:"type"`
	// Number is the number and symbol ("1300/QĐ-BYT").
	Number string `json:"number,omitempty"`
	// Date is the ISO issue date or empty.
	Date string `json:"date,omitempty"`
	// Issuer is the issuing body ("Bộ Y tế") or empty.
	Issuer string `json:"issuer,omitempty"`
}

// Task is one piece of work the notice directs someone to do.
type Task struct {
	// Text is the task's words, whitespace collapsed.
	Text string `json:"text"`
	// Lead lists the units that carry the task out (chủ trì).
	Lead []string `json:"lead"`
	// Support lists the units named to coordinate (phối hợp).
	Support []string `json:"support"`
	// Due is the ISO due date or nil.
	Due *string `json:"due"`
	// Deadline describes the deadline in more detail.
	Deadline Deadline `json:"deadline"`
	// LegalRefs are the legal documents the task refers to.
	LegalRefs []LegalRef `json:"legal_refs,omitempty"`
	// Section is the heading path the task sits under.
	Section []string `json:"section,omitempty"`
	// Key is true when the task is marked as a key task (trọng tâm).
	Key bool `json:"key,omitempty"`
	// Start and End are byte offsets into Document.SourceText of the text
	// the task came from.
	Start int `json:"start"`
	// End is the end byte offset (exclusive), see Start.
	End int `json:"end"`
	// Confidence says how sure the reading of the task is.
	Confidence Confidence `json:"confidence"`
}

// Confidence levels, from the rule that read a part of a task.
const (
	// Sure: a rule that seldom errs fired (a bullet under a directing
	// heading, a unit named as the directory names it, a date).
	Sure = "high"
	// Likely: a looser rule fired (a sentence with a direction verb, a
	// unit matched by its words, a month or a quarter).
	Likely = "medium"
	// Guess: the reading needs checking (a sentence taken for its verb
	// alone, a unit the directory does not know, words of time the
	// deadline parser did not read).
	Guess = "low"
)

// Confidence is how sure the importer is of a task's boundaries, units and
// deadline: each a level (Sure, Likely, Guess) with the name of the rule
// that decided it.
type Confidence struct {
	// Boundary is the level of where the task starts and ends.
	Boundary string `json:"boundary"`
	// BoundaryRule is the rule: "item" (a bullet or numbered item of a
	// structured notice), "directive" (a paragraph opening with "Giao",
	// "Yêu cầu", "Đề nghị"), "paragraph" (a paragraph read for its
	// wording), "named" (a sentence naming who acts), "directs" (a
	// sentence with direction wording but nobody named), "list" (an item
	// after a lead-in), "verb" (a sentence opening with a directive verb).
	BoundaryRule string `json:"boundary_rule"`
	// Units is the level of the lead units.
	Units string `json:"units"`
	// UnitsRule is the rule: "named" (in the task's words), "heading" (the
	// section's heading), "closing" (the section's closing "Giao X ..."),
	// "lead_in" (the sentence announcing the items), "previous" (the
	// sentence before), "none" (no lead found); with a directory,
	// "fuzzy" (a name matched by its words or an abbreviation) and
	// "unresolved" (a name the directory lacks) lower it.
	UnitsRule string `json:"units_rule"`
	// Deadline is the level of the deadline.
	Deadline string `json:"deadline"`
	// DeadlineRule is the rule: "date" (a day printed in the text),
	// "period" (a month, quarter, half year or end of year), "recurring",
	// "event", "open" (a horizon without an end), "none" (no words of
	// time) or "unread" (words of time the parser did not read).
	DeadlineRule string `json:"deadline_rule"`
}

// Section is one part of the notice's body as the source prints it: its
// number and heading (both empty for the opening paragraphs and for the
// closing one) and its lines in order, sub-headings and bullets with their
// own numbers and markers. The letterhead, the motto, the title, the
// recipients, the signature and page furniture are in no section.
type Section struct {
	// Number is the heading's number as printed ("2.", "II.", "a)").
	Number string `json:"number,omitempty"`
	// Heading is the heading's text after its number.
	Heading string `json:"heading,omitempty"`
	// Paragraphs are the section's lines, wrapped lines joined.
	Paragraphs []string `json:"paragraphs"`
	// Start and End are the byte offsets of the section in
	// Document.SourceText.
	Start int `json:"start"`
	// End is the end byte offset (exclusive), see Start.
	End int `json:"end"`
}

// Document is one extracted notice.
type Document struct {
	// Source is the base name of the input file ("-" or "stdin" for
	// standard input).
	Source string `json:"source"`
	// IssuedOn is the ISO issue date from the place-and-date line, or nil.
	IssuedOn *string `json:"issued_on"`
	// Meeting is the meeting date and chair.
	Meeting Meeting `json:"meeting"`
	// Signer is the name of the person who signed the notice, or nil.
	Signer *string `json:"signer"`
	// SignerTitle is the signature block's title lines ("KT. CHÁNH VĂN
	// PHÒNG / PHÓ CHÁNH VĂN PHÒNG").
	SignerTitle string `json:"signer_title,omitempty"`
	// Tasks are the tasks in document order.
	Tasks []Task `json:"tasks"`
	// Number is the number and symbol ("12/TB-UBND", "/TB-VP" when the
	// number is blank).
	Number string `json:"number,omitempty"`
	// Symbol is the symbol part of Number ("TB-UBND").
	Symbol string `json:"symbol,omitempty"`
	// Place is the place of the place-and-date line.
	Place string `json:"place,omitempty"`
	// IssuingBody is the letterhead's issuing body.
	IssuingBody string `json:"issuing_body,omitempty"`
	// Superior is the letterhead's body above the issuer (cơ quan chủ
	// quản: "UBND HUYỆN LÂM THAO" above "VĂN PHÒNG"), when it has one.
	Superior string `json:"superior,omitempty"`
	// Issuer is the letterhead's issuing body itself (its last line, or
	// two lines that name one body: "ỦY BAN NHÂN DÂN / HUYỆN CẨM THỦY").
	Issuer string `json:"issuer,omitempty"`
	// SignerAuthority is the signature block's authority lines ("KT. CHỦ
	// TỊCH", "TL. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"), joined by " / ".
	SignerAuthority string `json:"signer_authority,omitempty"`
	// SignerPosition is the signer's title below them ("PHÓ CHỦ TỊCH").
	SignerPosition string `json:"signer_position,omitempty"`
	// Sections are the body's parts in order (see Section).
	Sections []Section `json:"sections,omitempty"`
	// Title is the document title following "THÔNG BÁO".
	Title string `json:"title,omitempty"`
	// Recipients lists the "Nơi nhận" entries.
	Recipients []string `json:"recipients,omitempty"`
	// Format is the detected input format: txt, docx, pdf, html.
	Format string `json:"format,omitempty"`
	// Encoding is the detected text encoding: utf-8, utf-16, tcvn3, vni.
	Encoding string `json:"encoding,omitempty"`
	// Unresolved lists unit names that could not be resolved to the
	// directory given in Options.Units (or, without a directory,
	// abbreviations that could not be expanded).
	Unresolved []string `json:"unresolved_units,omitempty"`
	// SourceText is the normalised (NFC, Unicode) source text that task
	// offsets refer to. It is not part of the JSON output.
	SourceText string `json:"-"`
}
