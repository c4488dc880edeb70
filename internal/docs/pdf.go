package docs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium is returned (wrapped) when no Chromium is installed to print PDFs.
var ErrNoChromium = errors.New("không tìm thấy Chromium để in PDF (cài bằng: apt-get install chromium; hoặc đặt GIAOBAN_CHROMIUM=đường dẫn)")

// FindChromium returns the path of Chromium: path when it names a program
// (ErrNoChromium when it does not), else, for an empty path,
// /usr/bin/chromium or chromium-browser on the PATH, else ErrNoChromium.
func FindChromium(path string) (string, error) {
	if path != "" {
		found, err := exec.LookPath(path)
		if err != nil {
			return "", fmt.Errorf("%w: %s", ErrNoChromium, path)
		}
		return found, nil
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "chromium", "chromium-browser"} {
		if found, err := exec.LookPath(p); err == nil {
			return found, nil
		}
	}
	return "", ErrNoChromium
}

// MIMEPDF is the media type of a PDF file.
const MIMEPDF = "application/pdf"

// Printer prints documents to PDF with one headless Chromium, started on
// the first call and kept until Close. It is safe for concurrent use: each
// document is printed in its own tab.
type Printer struct {
	// ExecPath is Chromium's path (the commands take it from
	// internal/config); empty means the usual places (FindChromium).
	ExecPath string
	// Timeout bounds one document; 0 means 60 seconds.
	Timeout time.Duration

	mu      sync.Mutex
	browser context.Context
	cancel  func()
	tmp     string
}

// start launches the browser once.
func (p *Printer) start() (context.Context, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.browser != nil {
		return p.browser, nil
	}
	path, err := FindChromium(p.ExecPath)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "giaoban-pdf-")
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Flag("headless", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(filepath.Join(tmp, "profile")),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	if err := chromedp.Do(bctx); err != nil {
		cancelBrowser()
		cancelAlloc()
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("khởi động Chromium (%s): %w", path, err)
	}
	p.browser, p.tmp = bctx, tmp
	p.cancel = func() { cancelBrowser(); cancelAlloc() }
	return bctx, nil
}

// Close stops the browser and removes its files.
func (p *Printer) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cancel != nil {
		p.cancel()
		p.cancel, p.browser = nil, nil
	}
	if p.tmp != "" {
		err := os.RemoveAll(p.tmp)
		p.tmp = ""
		return err
	}
	return nil
}

// PDF prints d as an A4 PDF laid out by WriteHTML, fonts embedded. ctx
// bounds the print; it does not stop the browser.
func (p *Printer) PDF(ctx context.Context, w io.Writer, d Document) error {
	var page bytes.Buffer
	if err := WriteHTML(&page, d); err != nil {
		return err
	}
	data, err := p.PrintHTML(ctx, page.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// PrintHTML prints an HTML page whose CSS sets its @page size, and returns
// the PDF.
func (p *Printer) PrintHTML(ctx context.Context, html []byte) ([]byte, error) {
	bctx, err := p.start()
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(p.tmp, "doc-*.html")
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(html); err != nil {
		f.Close()
		return nil, fmt.Errorf("pdf: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	timeout := p.Timeout
	if timeout == 0 {
		timeout = 60 * time.Second
	}
	tab, closeTab := chromedp.NewContext(bctx)
	defer closeTab()
	// The tab must stop when the caller's ctx does, but a tab context derived
	// from ctx would end the whole browser on the first cancel.
	stop := context.AfterFunc(ctx, closeTab)
	defer stop()
	tctx, cancel := context.WithTimeout(tab, timeout)
	defer cancel()
	u := url.URL{Scheme: "file", Path: f.Name()}
	if err := chromedp.Do(tctx,
		chromedp.Navigate(u.String()),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			// Print only once the fonts are loaded, or the first page may
			// come out in a fallback font.
			_, err := chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)(ctx, t)
			return err
		}),
	); err != nil {
		return nil, fmt.Errorf("in PDF: %w", err)
	}
	pdf, err := chromedp.Run(tctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFMargin(0)))
	if err != nil {
		return nil, fmt.Errorf("in PDF: %w", err)
	}
	return pdf, nil
}
