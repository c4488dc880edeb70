package importer

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
)

// RunExtract implements "giaoban extract [FILE...]": it extracts each file
// (standard input when no file or "-" is given) and prints one JSON array
// with one object per document. Files that cannot be read are reported on
// stderr in Vietnamese; the other documents are still printed and a
// non-nil error is returned.
func RunExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	opt := Options{}
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Cách dùng: giaoban extract [--max-mb 50] [TỆP...]\nĐọc thông báo kết luận (.txt, .docx, .pdf, .html) và in mảng JSON; không có tệp thì đọc từ đầu vào chuẩn.")
		fs.PrintDefaults()
	}
	maxMB := fs.Int("max-mb", int(DefaultMaxBytes>>20), "tệp lớn hơn số MB này bị từ chối (GIAOBAN_EXTRACT_MAX_MB)")
	if v, err := strconv.Atoi(os.Getenv("GIAOBAN_EXTRACT_MAX_MB")); err == nil {
		*maxMB = v
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if *maxMB < 1 {
		return fmt.Errorf("--max-mb phải từ 1 trở lên")
	}
	opt.MaxBytes = int64(*maxMB) << 20
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	docs := []*Document{}
	var failed []string
	for _, f := range files {
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
		return fmt.Errorf("có %d tệp không xử lý được: %w", len(failed), errors.New(fmt.Sprint(failed)))
	}
	return nil
}

// extractFile reads and extracts one file ("-" is standard input).
func extractFile(name string, stdin io.Reader, opt Options) (*Document, error) {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	var data []byte
	var err error
	if name == "-" {
		if stdin == nil {
			return nil, fmt.Errorf("không có đầu vào chuẩn: %w", ErrEmpty)
		}
		data, err = io.ReadAll(io.LimitReader(stdin, limit+1))
		if err != nil {
			return nil, fmt.Errorf("không đọc được đầu vào chuẩn: %w", err)
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("không mở được tệp %s: %w", name, err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, fmt.Errorf("%s là thư mục, không phải tệp: %w", name, ErrFormat)
		}
		data, err = io.ReadAll(io.LimitReader(f, limit+1))
		if err != nil {
			return nil, fmt.Errorf("không đọc được tệp %s: %w", name, err)
		}
	}
	return Extract(name, data, opt)
}
