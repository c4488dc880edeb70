package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/config"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

func TestReportStocktake(t *testing.T) {
	ctx := context.Background()
	a := apptest.New(t, store.SQLite, apptest.Bare(), apptest.At(time.Now()),
		apptest.WithOrg(domain.Org{Name: "UBND xã Hưng Điền", Level: "xã", Place: "Hưng Điền"}))
	svc, admin, must, dsn := a.Service, a.Admin, a.Must, a.DSN
	unit := &domain.Unit{Name: "Công chức Văn hóa - Xã hội"}
	must(svc.CreateUnit(ctx, admin, unit))
	n := &domain.Notice{Title: "Kết luận giao ban tháng 2", Number: "7", Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-02-23"), SignerName: "Lê Văn A"}
	must(svc.CreateNotice(ctx, admin, n))
	_, err := svc.IssueNotice(ctx, admin, n.ID, n.Version)
	must(err)
	_, err = svc.CreateTask(ctx, admin, app.TaskInput{NoticeID: n.ID, Text: "Rà soát hộ nghèo", Lead: []int64{unit.ID},
		Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-03-31")}})
	must(err)

	out := filepath.Join(t.TempDir(), "bc.docx")
	var stdout, stderr bytes.Buffer
	err = Report(ctx, []string{"stocktake", "--db", dsn, "--since", "2023-01-01", "-o", out, "--signer-name", "Lê Văn A"}, config.OSEnv, &stdout, &stderr)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "1 thông báo, 1 nhiệm vụ, 1 quá hạn") {
		t.Errorf("summary = %q", stdout.String())
	}
	doc := documentXML(t, out)
	for _, want := range []string{"BÁO CÁO", "ỦY BAN NHÂN DÂN", "XÃ HƯNG ĐIỀN", "Rà soát hộ nghèo", "7/TB-UBND", "Lê Văn A", "TM. ỦY BAN NHÂN DÂN"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if err := Report(ctx, []string{"stocktake", "--db", dsn, "--since", "31/2/2023", "-o", out}, config.OSEnv, &stdout, &stderr); err == nil ||
		!strings.Contains(err.Error(), "--since") {
		t.Errorf("a bad --since: err = %v", err)
	}
	if err := Report(ctx, []string{"monthly"}, config.OSEnv, &stdout, &stderr); err == nil || !strings.Contains(err.Error(), "cách dùng") {
		t.Errorf("an unknown report: err = %v", err)
	}
}
