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

// Printer prints documents to PDF with one headless Chromium per process:
// started on the first print, shared by all prints (each in its own tab),
// started again when it has died, with at most MaxConcurrent prints at once
// and each bounded by Timeout. It is the one way giaoban prints a PDF:
// `giaoban serve` makes one for the whole process and hands it to the pages
// (web.Options.Printer) and to anything else that prints; Close stops the
// browser. It is safe for concurrent use.
type Printer struct {
	// ExecPath is Chromium's path (the commands take it from
	// internal/config); empty means the usual places (FindChromium).
	ExecPath string
	// Timeout bounds one document, waiting for a turn included; 0 means 60
	// seconds.
	Timeout time.Duration
	// MaxConcurrent bounds the documents printed at once (each tab holds
	// tens of megabytes); 0 means 2. A print beyond waits for a turn.
	MaxConcurrent int

	mu      sync.Mutex
	browser context.Context
	cancel  func()
	tmp     string
	starts  int
	slots   chan struct{}
	closed  bool
}

// ErrPrinterBusy is returned (wrapped) when a print waited its whole timeout
// for a turn.
var ErrPrinterBusy = errors.New("máy chủ đang in nhiều văn bản cùng lúc; vui lòng thử lại sau ít phút")

// ErrPrinterClosed is returned by a print after Close.
var ErrPrinterClosed = errors.New("pdf: printer closed")

func (p *Printer) timeout() time.Duration {
	if p.Timeout > 0 {
		return p.Timeout
	}
	return 60 * time.Second
}

// turn waits for one of the MaxConcurrent turns and returns its release.
func (p *Printer) turn(ctx context.Context) (func(), error) {
	p.mu.Lock()
	if p.slots == nil {
		n := p.MaxConcurrent
		if n <= 0 {
			n = 2
		}
		p.slots = make(chan struct{}, n)
	}
	slots := p.slots
	p.mu.Unlock()
	select {
	case slots <- struct{}{}:
		return func() { <-slots }, nil
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("%w: %w", ErrPrinterBusy, ctx.Err())
		}
		return nil, ctx.Err()
	}
}

// live returns the running browser, starting it when there is none or the
// last one died (its context ends when the process exits), and the folder
// its pages are written to.
func (p *Printer) live() (context.Context, string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, "", ErrPrinterClosed
	}
	if p.browser != nil && p.browser.Err() == nil {
		return p.browser, p.tmp, nil
	}
	p.stopLocked()
	path, err := FindChromium(p.ExecPath)
	if err != nil {
		return nil, "", err
	}
	tmp, err := os.MkdirTemp("", "giaoban-pdf-")
	if err != nil {
		return nil, "", fmt.Errorf("pdf: %w", err)
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
		return nil, "", fmt.Errorf("khởi động Chromium (%s): %w", path, err)
	}
	p.browser, p.tmp, p.starts = bctx, tmp, p.starts+1
	p.cancel = func() { cancelBrowser(); cancelAlloc() }
	return bctx, tmp, nil
}

// stopLocked stops the browser, if any, and removes its files.
func (p *Printer) stopLocked() {
	if p.cancel != nil {
		p.cancel()
		p.cancel, p.browser = nil, nil
	}
	if p.tmp != "" {
		os.RemoveAll(p.tmp)
		p.tmp = ""
	}
}

// Starts is how many times a browser was started: 1 after any number of
// prints with one browser, more when one died and was replaced.
func (p *Printer) Starts() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.starts
}

// Close stops the browser and removes its files; later prints fail with
// ErrPrinterClosed.
func (p *Printer) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	p.stopLocked()
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
// the PDF. A browser that died (or was killed) since the last print is
// replaced first; one that dies during this print fails this print only.
func (p *Printer) PrintHTML(ctx context.Context, html []byte) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, p.timeout())
	defer cancel()
	release, err := p.turn(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	bctx, tmp, err := p.live()
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(tmp, "doc-*.html")
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
	tab, closeTab := chromedp.NewContext(bctx)
	defer closeTab()
	// The tab must stop when the caller's ctx (or the timeout) does, but a
	// tab context derived from ctx would end the whole browser on the first
	// cancel.
	stop := context.AfterFunc(ctx, closeTab)
	defer stop()
	u := url.URL{Scheme: "file", Path: f.Name()}
	if err := chromedp.Do(tab,
		chromedp.Navigate(u.String()),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			// Print only once the fonts are loaded, or the first page may
			// come out in a fallback font.
			_, err := chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)(ctx, t)
			return err
		}),
	); err != nil {
		return nil, p.printError(ctx, err)
	}
	pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFMargin(0)))
	if err != nil {
		return nil, p.printError(ctx, err)
	}
	return pdf, nil
}

// printError says why a print failed: its time ran out, or the browser.
func (p *Printer) printError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("in PDF quá thời gian cho phép (%v): %w", p.timeout(), ctx.Err())
	}
	return fmt.Errorf("in PDF: %w", err)
}
