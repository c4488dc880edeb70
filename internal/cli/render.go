package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"giaoban/internal/config"
	"giaoban/internal/docs"
	"giaoban/internal/importer"
)

// maxRenderJSON is the largest JSON file render reads.
const maxRenderJSON = 50 << 20

// Render lays out notices read by the importer (`giaoban extract` output:
// one JSON object or an array) as Decree 30/2020/NĐ-CP prescribes:
// `giaoban render [--format docx|pdf] FILE.json -o OUT`. With several
// notices OUT is a folder and each notice gets its own file.
func Render(ctx context.Context, args []string, env config.Env, stdin io.Reader, stdout, stderr io.Writer) error {
	cfg, err := config.ParseRender(args, env, stderr)
	if err != nil {
		return err
	}
	data, err := readInput(cfg.File, stdin, maxRenderJSON)
	if err != nil {
		return err
	}
	if len(data) > maxRenderJSON {
		return fmt.Errorf("%s lớn hơn giới hạn %d MB", cfg.File, maxRenderJSON>>20)
	}
	imported, err := ParseImportJSON(data)
	if err != nil {
		return fmt.Errorf("%s: %w", cfg.File, err)
	}
	var printer *docs.Printer
	if cfg.Format == "pdf" {
		path, err := docs.FindChromium(cfg.Chromium)
		if err != nil {
			return err
		}
		printer = &docs.Printer{ExecPath: path}
		defer printer.Close()
	}
	targets := outputNames(imported, cfg.Out, cfg.Format)
	if len(imported) > 1 {
		if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
			return fmt.Errorf("không tạo được thư mục %s: %w", cfg.Out, err)
		}
	}
	for i, doc := range imported {
		d, err := docs.NoticeFromImport(doc)
		if err != nil {
			return fmt.Errorf("văn bản %d (%s): %w", i+1, doc.Source, err)
		}
		if cfg.Superior != "" {
			d.Superior = cfg.Superior
		}
		if cfg.Issuer != "" {
			d.Issuer = cfg.Issuer
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
