package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

const sampleNotice = `UBND HUYỆN THỬ
VĂN PHÒNG
Số: 15/TB-VP
Thử, ngày 05 tháng 3 năm 2023
THÔNG BÁO
Kết luận của Phó Chủ tịch UBND huyện tại Hội nghị giao ban khối Văn hóa - Xã hội
Ngày 01/3/2023, Phó Chủ tịch UBND huyện Nguyễn Văn A đã chủ trì Hội nghị giao ban khối Văn hóa - Xã hội. Phó Chủ tịch UBND huyện kết luận như sau:
1. Nhiệm vụ trong thời gian tới
- Giao Phòng GD&ĐT chủ trì, Phòng Y tế phối hợp tham mưu kế hoạch y tế trường học, hoàn thành trước ngày 20/3/2023.
- Giao Phòng Y tế kiểm tra an toàn thực phẩm tại các trường học trong tháng 4/2023.
- Giao Phòng Tài nguyên và Môi trường rà soát hồ sơ đất trường học.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Trần Thị B
`

func TestImportNotice(t *testing.T) {
	apptest.Each(t, func(t *testing.T, f *apptest.App) {
		ctx := context.Background()
		if _, err := f.Service.ExtractNotice(ctx, f.Unit1User, "tb.txt", []byte(sampleNotice), 1<<20); !errors.Is(err, domain.ErrForbidden) {
			t.Fatalf("unit user extracting: %v", err)
		}
		d, err := f.Service.ExtractNotice(ctx, f.Office, "tb.txt", []byte(sampleNotice), 1<<20)
		apptest.Must(t, err)
		if len(d.Tasks) != 3 {
			t.Fatalf("extracted %d tasks, want 3: %+v", len(d.Tasks), d.Tasks)
		}
		first := d.Tasks[0]
		if len(first.Lead) != 1 || first.Lead[0] != f.Unit1.ID || len(first.Support) != 1 || first.Support[0] != f.Unit2.ID {
			t.Errorf("first task lead %v support %v: the alias Phòng GD&ĐT should resolve to unit %d", first.Lead, first.Support, f.Unit1.ID)
		}
		if first.Deadline.Kind != domain.DeadlineDate || first.Deadline.Date != domain.MustDate("2023-03-20") {
			t.Errorf("first deadline %+v", first.Deadline)
		}
		if d.Tasks[1].Deadline.Kind != domain.DeadlineMonth {
			t.Errorf("second deadline %+v, want month", d.Tasks[1].Deadline)
		}
		if len(d.Unresolved) != 1 || !strings.Contains(d.Unresolved[0], "Tài nguyên") {
			t.Errorf("unresolved = %v", d.Unresolved)
		}
		if d.Notice.SignerName != "Trần Thị B" || d.MeetingDate != domain.MustDate("2023-03-01") {
			t.Errorf("signer %q meeting %s", d.Notice.SignerName, d.MeetingDate)
		}
		// The task without a lead unit is never dropped silently: confirming
		// asks what to do with it, and stores nothing until told.
		if plan := d.Plan(mustDir(t, f)); plan.Stored != 2 || plan.Undecided != 1 || len(plan.Asks) != 1 || plan.Asks[0] != 2 {
			t.Errorf("plan before deciding %+v, want 2 stored and task 3 asked about", plan)
		}
		if _, err := f.Service.ConfirmImport(ctx, f.Office, d, 0, f.Block.ID); !errors.Is(err, domain.ErrInvalid) || !strings.Contains(err.Error(), "nhiệm vụ 3") {
			t.Fatalf("confirming without deciding for task 3: %v", err)
		}
		if _, total, _ := f.Service.Notices(ctx, f.Office, store.NoticeFilter{}); total != 0 {
			t.Fatalf("a refused confirmation stored %d notices", total)
		}
		d.Tasks[2].Decision = app.DecideUnassigned
		if plan := d.Plan(mustDir(t, f)); plan.Stored != 3 || plan.Unassigned != 1 || plan.Undecided != 0 {
			t.Errorf("plan after deciding %+v", plan)
		}
		res, err := f.Service.ConfirmImport(ctx, f.Office, d, 0, f.Block.ID)
		apptest.Must(t, err)
		if res.Tasks != 3 || res.WithDue != 2 || res.Unassigned != 1 || res.MeetingID == 0 {
			t.Fatalf("import result %+v", res)
		}
		// Imported as a draft: nobody but the Office sees its tasks until it is issued.
		if _, total, err := f.Service.Tasks(ctx, f.Unit1User, store.TaskFilter{NoticeID: res.NoticeID}); err != nil || total != 0 {
			t.Fatalf("unit 1 sees %d tasks of the draft (%v)", total, err)
		}
		n, err := f.Service.Notice(ctx, f.Office, res.NoticeID)
		apptest.Must(t, err)
		_, err = f.Service.IssueNotice(ctx, f.Office, n.ID, n.Version)
		apptest.Must(t, err)
		// Once issued, the lead-less task waits for the Office to name its units.
		waiting, total, err := f.Service.UnresolvedTasks(ctx, f.Office, store.TaskFilter{Limit: 10})
		apptest.Must(t, err)
		if total != 1 || !strings.Contains(waiting[0].Text, "rà soát hồ sơ đất") || waiting[0].ID != d.Tasks[2].TaskID {
			t.Errorf("tasks waiting for units: %d %+v, want the lead-less one", total, waiting)
		}
		rows, total, err := f.Service.Tasks(ctx, f.Unit1User, store.TaskFilter{NoticeID: res.NoticeID})
		apptest.Must(t, err)
		if total != 1 || rows[0].DueOn != domain.MustDate("2023-03-20") {
			t.Fatalf("unit 1 sees %d imported tasks", total)
		}
		// Resolving again after the Office added the unit finds it.
		d, err = f.Service.ExtractNotice(ctx, f.Office, "tb.txt", []byte(sampleNotice), 1<<20)
		apptest.Must(t, err)
		sd := &app.SavedDraft{Draft: *d}
		apptest.Must(t, f.Service.CreateUnit(ctx, f.Office, &domain.Unit{Name: "Phòng Tài nguyên và Môi trường"}))
		apptest.Must(t, f.Service.ResolveDraftUnits(ctx, f.Office, sd))
		if third := sd.Draft.Tasks[2]; len(sd.Draft.Unresolved) != 0 || len(third.Lead) != 1 || len(third.UnresolvedLead) != 0 {
			t.Errorf("after adding the unit: unresolved %v, third task lead %v unresolved %v", sd.Draft.Unresolved, third.Lead, third.UnresolvedLead)
		}
		// Bad input: binary data gets a Vietnamese message and stores nothing.
		if _, err := f.Service.ExtractNotice(ctx, f.Office, "x.txt", []byte{0, 1, 2, 3, 0, 0, 0xff}, 1<<20); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("binary input: %v", err)
		}
		if _, err := f.Service.ExtractNotice(ctx, f.Office, "x.txt", []byte(strings.Repeat("a", 2000)), 1000); !errors.Is(err, domain.ErrTooLarge) {
			t.Errorf("oversized input: %v", err)
		}
	})
}

func mustDir(t *testing.T, f *apptest.App) *app.Directory {
	t.Helper()
	dir, err := f.Service.Directory(context.Background(), f.Office)
	apptest.Must(t, err)
	return dir
}
