// Command giaoban runs the meeting-conclusion follow-up system and its tools.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"giaoban/internal/cli"
	"giaoban/internal/config"
)

const usage = `giaoban: theo dõi thực hiện kết luận hội nghị giao ban

Cách dùng:
  giaoban serve [--db sqlite:data/giaoban.db | --db postgres://...] [--addr 127.0.0.1:8080] [--demo]
  giaoban extract [TỆP...]     đọc thông báo kết luận (.txt, .docx, .pdf, .html) và in JSON
  giaoban import [--db ...] [--as NGƯỜI_DÙNG] [--add-units] TỆP...   nhập thông báo vào cơ sở dữ liệu
  giaoban render [--format docx|pdf] TỆP.json -o ĐẦU_RA   in lại thông báo (JSON của extract) theo thể thức Nghị định 30/2020/NĐ-CP
  giaoban report stocktake [--db ...] [--block ID] --since 2023-01-01 -o BÁO_CÁO.docx   báo cáo tình hình thực hiện kết luận
  giaoban jobs run snapshot [--db ...]   chạy ngay một lần việc chụp số liệu trạng thái hằng ngày
  giaoban backup [--db ...] -o TỆP   sao lưu cơ sở dữ liệu đang chạy (cả tệp đính kèm)
  giaoban restore [--db ...] TỆP     khôi phục bản sao lưu vào một cơ sở dữ liệu trống
  giaoban help
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	env := config.OSEnv
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "serve":
		err = cli.Serve(ctx, args, env, os.Stdout, os.Stderr)
	case "import":
		err = cli.Import(ctx, args, env, os.Stdout, os.Stderr)
	case "extract":
		err = cli.Extract(args, env, os.Stdin, os.Stdout, os.Stderr)
	case "render":
		err = cli.Render(ctx, args, env, os.Stdin, os.Stdout, os.Stderr)
	case "report":
		err = cli.Report(ctx, args, env, os.Stdout, os.Stderr)
	case "jobs":
		err = cli.Jobs(ctx, args, env, os.Stdout, os.Stderr)
	case "backup":
		err = cli.Backup(ctx, args, env, os.Stdout, os.Stderr)
	case "restore":
		err = cli.Restore(ctx, args, env, os.Stdout, os.Stderr)
	case "help", "-h", "--help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "giaoban: lệnh không rõ %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "giaoban:", err)
		os.Exit(1)
	}
}
