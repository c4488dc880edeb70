package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"giaoban/internal/config"
	"giaoban/internal/importer"
)

// Extract implements `giaoban extract [--max-mb 50] [FILE...]`: it extracts
// each file (standard input when no file or "-" is given) and prints one
// JSON array with one object per document (../shared/eval/SCHEMA.md). Files
// that cannot be read are reported on stderr in Vietnamese; the other
// documents are still printed and an error is returned. No database is
// needed.
func Extract(args []string, env config.Env, stdin io.Reader, stdout, stderr io.Writer) error {
	cfg, err := config.ParseExtract(args, env, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	opt := importer.Options{MaxBytes: int64(cfg.MaxMB) << 20}
	docs := []*importer.Document{}
	var failed []string
	for _, f := range cfg.Files {
		doc, err := extractFile(f, stdin, opt)
		if err != nil {
			fmt.Fprintf(stderr, "giaoban extract: lỗi với tệp %s: %v\n", f, err)
			failed = append(failed, f)
			continue
		}
		docs = append(docs, doc)
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(docs); err != nil {
		return fmt.Errorf("không ghi được kết quả JSON: %w", err)
	}
	if len(failed) > 0 {
		return fmt.Errorf("có %d tệp không xử lý được: %v", len(failed), failed)
	}
	return nil
}

// extractFile reads and extracts one file ("-" is standard input).
func extractFile(name string, stdin io.Reader, opt importer.Options) (*importer.Document, error) {
	data, err := readInput(name, stdin, opt.MaxBytes)
	if err != nil {
		return nil, err
	}
	return importer.Extract(name, data, opt)
}
