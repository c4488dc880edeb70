package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"giaoban/internal/docs"
	"giaoban/internal/importer"
)

const renderUsage = "cách dùng: giaoban render [--format docx|pdf] TỆP.json -o ĐẦU_RA"

// Render lays out notices read by the importer (`giaoban extract` output:
// one JSON object or an array) as Decree 30/2020/NĐ-CP prescribes:
// `giaoban render [--format docx|pdf] FILE.json -o OUT`. With several
// notices OUT is a folder and each notice gets its own file.
func Render(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "", "docx or pdf (default: from the output's extension, else docx)")
	out := fs.String("o", "", "output file, or folder for several notices")
	superior := fs.String("superior", "", "superior body printed on the letterhead, instead of the JSON's")
	issuer := fs.String("issuer", "", "issuing body printed on the letterhead, instead of the JSON's")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 || *out == "" {
		return errors.New(renderUsage)
	}
	switch *format {
	case "":
		*format = "docx"
		if strings.EqualFold(filepath.Ext(*out), ".pdf") {
			*format = "pdf"
		}
	case "docx", "pdf":
	default:
		return fmt.Errorf("định dạng %q không hỗ trợ: chọn docx hoặc pdf", *format)
	}
	data, err := readInput(files[0], stdin)
	if err != nil {
		return err
	}
	imported, err := ParseImportJSON(data)
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	var printer *docs.Printer
	if *format == "pdf" {
		if _, err := docs.FindChromium(); err != nil {
			return err
		}
		printer = &docs.Printer{}
		defer printer.Close()
	}
	targets := outputNames(imported, *out, *format)
	if len(imported) > 1 {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return fmt.Errorf("không tạo được thư mục %s: %w", *out, err)
		}
	}
	for i, doc := range imported {
		d, err := docs.NoticeFromImport(doc)
		if err != nil {
			return fmt.Errorf("văn bản %d (%s): %w", i+1, doc.Source, err)
		}
		if *superior != "" {
			d.Superior = *superior
		}
		if *issuer != "" {
			d.Issuer = *issuer
		}
		var buf bytes.Buffer
		if printer != nil {
			err = printer.PDF(ctx, &buf, d)
		} else {
			err = docs.WriteDOCX(&buf, d)
		}
		if err != nil {
			return fmt.Errorf("văn bản %d (%s): %w", i+1, doc.Source, err)
		}
		if err := os.WriteFile(targets[i], buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("không ghi được %s: %w", targets[i], err)
		}
		fmt.Fprintln(stdout, targets[i])
	}
	return nil
}

// parseInterleaved parses flags that may come before or after the
// positional arguments ("FILE.json -o OUT").
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		data, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("không đọc được dữ liệu vào: %w", err)
		}
		return data, nil
	}
	return readLimited(name, 50<<20)
}

// ParseImportJSON reads the importer's JSON: one object or an array of
// them. Its errors are in Vietnamese and give the line and column.
func ParseImportJSON(data []byte) ([]importer.Document, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, errors.New("tệp JSON rỗng")
	}
	var out []importer.Document
	var err error
	if trimmed[0] == '[' {
		err = json.Unmarshal(trimmed, &out)
	} else {
		var one importer.Document
		err = json.Unmarshal(trimmed, &one)
		out = []importer.Document{one}
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(trimmed, syn.Offset-1)
		return nil, fmt.Errorf("JSON không hợp lệ ở dòng %d, cột %d: %v", line, col, syn)
	case errors.As(err, &typ):
		line, col := position(trimmed, typ.Offset-1)
		return nil, fmt.Errorf("JSON sai kiểu ở dòng %d, cột %d: trường %q phải là %s, không phải %s", line, col, typ.Field, typ.Type, typ.Value)
	case err != nil:
		return nil, fmt.Errorf("JSON không hợp lệ: %w", err)
	case len(out) == 0:
		return nil, errors.New("mảng JSON không có văn bản nào")
	}
	for i, d := range out {
		if d.Title == "" && len(d.Tasks) == 0 {
			return nil, fmt.Errorf("văn bản thứ %d không có trích yếu (title) lẫn nhiệm vụ (tasks): không phải kết quả của giaoban extract?", i+1)
		}
	}
	return out, nil
}

// position turns a byte offset into a 1-based line and column. The json
// package's offsets count the bytes read, the culprit included.
func position(data []byte, offset int64) (line, col int) {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = len(before) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// outputNames is the file for each document: out itself for one, else one
// file in the folder out per document, named after its source.
func outputNames(list []importer.Document, out, format string) []string {
	if len(list) == 1 {
		return []string{out}
	}
	seen := map[string]bool{}
	names := make([]string, len(list))
	for i, d := range list {
		base := strings.TrimSuffix(filepath.Base(d.Source), filepath.Ext(d.Source))
		if base == "" || base == "." || base == "-" || base == "stdin" || base == string(filepath.Separator) {
			base = "thong-bao"
		}
		name := base
		for n := 2; seen[name]; n++ {
			name = base + "-" + strconv.Itoa(n)
		}
		seen[name] = true
		names[i] = filepath.Join(out, name+"."+format)
	}
	return names
}
