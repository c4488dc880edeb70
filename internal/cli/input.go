package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// readInput reads the file name, or standard input when name is "-", taking
// at most limit+1 bytes: enough for the importer, or the caller, to tell an
// input over limit without reading all of it.
func readInput(name string, stdin io.Reader, limit int64) ([]byte, error) {
	if name == "-" {
		if stdin == nil {
			return nil, errors.New("không có đầu vào chuẩn")
		}
		data, err := io.ReadAll(io.LimitReader(stdin, limit+1))
		if err != nil {
			return nil, fmt.Errorf("không đọc được đầu vào chuẩn: %w", err)
		}
		return data, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("không mở được tệp %s: %w", name, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s là thư mục, không phải tệp", name)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("không đọc được tệp %s: %w", name, err)
	}
	return data, nil
}
