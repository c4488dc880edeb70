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
