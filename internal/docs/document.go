// Package docs lays out Vietnamese administrative documents — conclusion
// notices (thông báo kết luận) and reports (báo cáo) — as Decree
// 30/2020/NĐ-CP, Appendix I prescribes, and writes them as DOCX
// (WordprocessingML) or, through headless Chromium, as PDF.
//
// A Document is built from a stored notice (NoticeFromDomain), from the
// importer's JSON (NoticeFromImport) or from the stocktake the service
// gathers (Stocktake); WriteDOCX, WriteHTML and Printer.PDF render it. It
// lays out only: it reads no database and decides nothing about tasks (the
// service gathers what a document states).
package docs

import "giaoban/internal/domain"

// Document is one administrative document, in the parts the decree names.
// Text may be NFC or NFD; it is written out in NFC.
type Document struct {
	// Superior is the body above the issuer (cơ quan chủ quản), printed in
	// capitals on the letterhead's first line; empty when there is none.
	Superior string
	// Issuer is the issuing body (cơ quan ban hành), printed in bold capitals.
	Issuer string
	// Number is the document's number ("12"); empty leaves room to write
	// it in by hand, as offices do before registration.
	Number string
	// Symbol is the document's symbol ("TB-UBND").
	Symbol string
	// Place is the place name of the place-and-date line ("Lâm Thao").
	Place string
	// Date is the issue date; the zero Date leaves day and month blank.
	Date domain.Date
	// Year is printed when Date is zero; 0 leaves the year blank too.
	Year int
	// Type is the document type printed above the summary ("THÔNG BÁO").
	Type string
	// Summary is the summary of contents (trích yếu); "\n" forces a line break.
	Summary string
	// Body is the content in order.
	Body []Block
	// Recipients are the "Nơi nhận" entries without the leading "- " and the
	// final punctuation; the archive entry ("Lưu: VT, TH") is printed last
	// and added when missing.
	Recipients []string
	// Signature is the signature block.
	Signature Signature
}

// Signature is the signature block: the authority lines (quyền hạn, chức
// vụ) and the signer's name.
type Signature struct {
	// Authority is the first line ("KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"),
	// or the only one when the signer signs in their own right.
	Authority string
	// Title is the signer's position ("PHÓ CHỦ TỊCH"); may be empty.
	Title string
	// Name is the signer's full name; empty leaves the space blank.
	Name string
}

// BlockKind is what a body block is.
type BlockKind int

// Block kinds.
const (
	// Paragraph is running text, justified with a first-line indent; a
	// bullet keeps its "- " or "+ " as text, as the documents print them.
	Paragraph BlockKind = iota
	// Heading is a bold paragraph kept with the next one.
	Heading
	// TableBlock is a table with borders and a repeated header row.
	TableBlock
)

// Block is one part of the body.
type Block struct {
	Kind  BlockKind
	Text  string // Paragraph and Heading
	Table *Table // TableBlock
}

// Table is a bordered table whose header row repeats on every page.
type Table struct {
	Columns []Column
	Rows    [][]string
	// Total, when set, is a last row printed in bold (a totals line).
	Total []string
}

// Column is one table column.
type Column struct {
	Title string
	// Weight is the column's share of the table width (relative to the
	// other columns' weights).
	Weight int
	// Center centres the column's cells (numbers, dates).
	Center bool
}

// Para returns a paragraph block.
func Para(text string) Block { return Block{Kind: Paragraph, Text: text} }

// Head returns a heading block.
func Head(text string) Block { return Block{Kind: Heading, Text: text} }

// Tab returns a table block.
func Tab(t *Table) Block { return Block{Kind: TableBlock, Table: t} }
