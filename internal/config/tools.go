package config

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/importer"
)

// The usage lines of the tools; a command given the wrong arguments answers
// with its line.
const (
	ImportUsage  = "cách dùng: giaoban import [--db DSN] [--as NGƯỜI_DÙNG] [--add-units] TỆP..."
	ExtractUsage = "Cách dùng: giaoban extract [--max-mb 50] [TỆP...]\nĐọc thông báo kết luận (.txt, .docx, .pdf, .html) và in mảng JSON; không có tệp thì đọc từ đầu vào chuẩn."
	RenderUsage  = "cách dùng: giaoban render [--format docx|pdf] TỆP.json -o ĐẦU_RA"
	ReportUsage  = "cách dùng: giaoban report stocktake [--db DSN] [--block ID] [--since 2023-01-01] -o BÁO_CÁO.docx"
	JobsUsage    = "cách dùng: giaoban jobs run snapshot [--db DSN] [--soon-days 7]"
)

// defaultMaxMB is the importer's size limit, in MB.
const defaultMaxMB = int(importer.DefaultMaxBytes >> 20)

// dbFlag adds --db and its twin GIAOBAN_DB.
func (f *flagSet) dbFlag(p *string) {
	f.string(p, "db", "DB", DefaultDB, "database: sqlite:PATH or postgres://…")
}

// Import is the configuration of `giaoban import`.
type Import struct {
	DB       string
	As       string // the importing user; "" for the organisation's first admin
	Org      int64  // the organisation; 0 for the first one
	Block    int64  // the block the imported tasks belong to
	AddUnits bool   // add unit names the directory lacks as new units
	MaxMB    int    // largest file
	Files    []string
}

// ParseImport reads `giaoban import`'s arguments.
func ParseImport(args []string, env Env, out io.Writer) (Import, error) {
	var c Import
	f := newFlagSet("import", env, out)
	f.dbFlag(&c.DB)
	f.string(&c.As, "as", "", "", "the user (Office or admin) recorded as importer; default: the organisation's first admin")
	f.int64(&c.Org, "org", "", 0, "the organisation (id) to import into; default: the first one")
	f.int64(&c.Block, "block", "", 0, "block id the imported tasks belong to")
	f.bool(&c.AddUnits, "add-units", "", false, "add unit names that match nothing in the directory as new units")
	f.int(&c.MaxMB, "max-mb", "", defaultMaxMB, "largest file in MB")
	var err error
	if c.Files, err = f.parse(args); err != nil {
		return c, err
	}
	if len(c.Files) == 0 {
		return c, errors.New(ImportUsage)
	}
	if err := checkDB(c.DB); err != nil {
		return c, err
	}
	return c, checkMB("max-mb", c.MaxMB)
}

// Extract is the configuration of `giaoban extract`.
type Extract struct {
	MaxMB int      // a larger file is refused
	Files []string // "-" or none: standard input
}

// ParseExtract reads `giaoban extract`'s arguments; -h prints its usage to
// out and answers flag.ErrHelp.
func ParseExtract(args []string, env Env, out io.Writer) (Extract, error) {
	c := Extract{}
	f := newFlagSet("extract", env, out)
	f.fs.Usage = func() {
		fmt.Fprintln(f.fs.Output(), ExtractUsage)
		f.fs.PrintDefaults()
	}
	f.int(&c.MaxMB, "max-mb", "EXTRACT_MAX_MB", defaultMaxMB, "tệp lớn hơn số MB này bị từ chối")
	var err error
	if c.Files, err = f.parse(args); err != nil {
		return c, err
	}
	if c.MaxMB < 1 {
		return c, errors.New("--max-mb phải từ 1 trở lên")
	}
	if len(c.Files) == 0 {
		c.Files = []string{"-"}
	}
	return c, nil
}

// Render is the configuration of `giaoban render`.
type Render struct {
	File     string // the importer's JSON; "-" for standard input
	Out      string // output file, or folder for several notices
	Format   string // docx or pdf
	Superior string // letterhead lines replacing the JSON's
	Issuer   string
	Chromium string // Chromium's path for PDF ("" to look in the usual places)
}

// ParseRender reads `giaoban render`'s arguments. Without --format the
// output's extension chooses, else docx.
func ParseRender(args []string, env Env, out io.Writer) (Render, error) {
	var c Render
	f := newFlagSet("render", env, out)
	f.string(&c.Format, "format", "", "", "docx or pdf (default: from the output's extension, else docx)")
	f.string(&c.Out, "o", "", "", "output file, or folder for several notices")
	f.string(&c.Superior, "superior", "", "", "superior body printed on the letterhead, instead of the JSON's")
	f.string(&c.Issuer, "issuer", "", "", "issuing body printed on the letterhead, instead of the JSON's")
	f.string(&c.Chromium, "chromium", "CHROMIUM", "", "Chromium's path, to print PDF")
	files, err := f.parse(args)
	if err != nil {
		return c, err
	}
	if len(files) != 1 || c.Out == "" {
		return c, errors.New(RenderUsage)
	}
	c.File = files[0]
	switch c.Format {
	case "":
		c.Format = "docx"
		if strings.EqualFold(filepath.Ext(c.Out), ".pdf") {
			c.Format = "pdf"
		}
	case "docx", "pdf":
	default:
		return c, fmt.Errorf("định dạng %q không hỗ trợ: chọn docx hoặc pdf", c.Format)
	}
	return c, nil
}

// Report is the configuration of `giaoban report stocktake`.
type Report struct {
	DB    string
	As    string // the user the report is drawn up as; "" for the first admin
	Block int64  // only this block's tasks; 0 for all
	Since domain.Date
	Out   string // the .docx to write
	// The signature block.
	SignerAuthority, SignerTitle, SignerName string
}

// ParseReport reads the arguments of `giaoban report stocktake` that follow
// the report's name.
func ParseReport(args []string, env Env, out io.Writer) (Report, error) {
	var c Report
	f := newFlagSet("report stocktake", env, out)
	f.dbFlag(&c.DB)
	f.string(&c.As, "as", "", "", "the user the report is drawn up as; default: the first admin")
	f.int64(&c.Block, "block", "", 0, "only the tasks of this block")
	var since string
	f.string(&since, "since", "", "", "notices issued on or after this day (2023-01-01 or 1/1/2023)")
	f.string(&c.Out, "o", "", "", "the .docx file to write")
	f.string(&c.SignerAuthority, "signer-authority", "", "TM. ỦY BAN NHÂN DÂN", "signature authority line")
	f.string(&c.SignerTitle, "signer-title", "", "CHỦ TỊCH", "signer's position")
	f.string(&c.SignerName, "signer-name", "", "", "signer's name")
	rest, err := f.parse(args)
	if err != nil {
		return c, err
	}
	if len(rest) > 0 || c.Out == "" {
		return c, errors.New(ReportUsage)
	}
	if c.Since, err = domain.ParseDate(since); err != nil {
		return c, fmt.Errorf("--since: %w", err)
	}
	return c, checkDB(c.DB)
}

// Jobs is the configuration of `giaoban jobs run NAME`.
type Jobs struct {
	DB       string
	SoonDays int // the "due soon" window the snapshot counts with
}

// ParseJobs reads the arguments of `giaoban jobs run NAME` that follow the
// job's name.
func ParseJobs(args []string, env Env, out io.Writer) (Jobs, error) {
	c := Jobs{}
	f := newFlagSet("jobs run", env, out)
	f.dbFlag(&c.DB)
	f.int(&c.SoonDays, "soon-days", "SOON_DAYS", DefaultServe().SoonDays, "days before a deadline a task counts as due soon")
	rest, err := f.parse(args)
	if err != nil {
		return c, err
	}
	if len(rest) > 0 {
		return c, errors.New(JobsUsage)
	}
	if err := checkDB(c.DB); err != nil {
		return c, err
	}
	return c, checkSoonDays(c.SoonDays)
}
