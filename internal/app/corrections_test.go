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

// issuedNotice creates and issues a notice numbered number on day with one
// task per text (led by unit 1, due dues[i]).
func issuedNotice(t *testing.T, a *apptest.App, number, day string, texts, dues []string) (*domain.Notice, []*domain.Task) {
	t.Helper()
	ctx := context.Background()
	n := &domain.Notice{Title: "Kết luận của Phó Chủ tịch tại Hội nghị giao ban", Number: number, Symbol: "TB-UBND", IssuedOn: domain.MustDate(day),
		SignerName: "Ngô Đức Sáu", Sections: []domain.Section{{Kind: domain.SectionTasks, Heading: "Nhiệm vụ", Body: strings.Join(texts, "\n")}}}
	apptest.Must(t, a.Service.CreateNotice(ctx, a.Office, n))
	var tasks []*domain.Task
	for i, text := range texts {
		tasks = append(tasks, a.Task(app.TaskInput{NoticeID: n.ID, SectionID: n.Sections[0].ID, Text: text,
			Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate(dues[i])}}))
	}
	_, err := a.Service.IssueNotice(ctx, a.Office, n.ID, n.Version)
	apptest.Must(t, err)
	n, err = a.Service.Notice(ctx, a.Office, n.ID)
	apptest.Must(t, err)
	return n, tasks
}

// TestDuplicateNotices: a notice the organisation has — same number, symbol
// and day, or for an unnumbered text the same text — is stopped with a
// message naming it, whether created or imported; the user goes on only by
// saying it corrects that notice.
func TestDuplicateNotices(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		svc := a.Service
		old, _ := issuedNotice(t, a, "12", "2023-02-23", []string{"Giao Phòng Giáo dục và Đào tạo rà soát trường chuẩn"}, []string{"2023-12-25"})

		// Same number and date.
		again := &domain.Notice{Title: "Kết luận khác", Number: "12", Symbol: "tb-ubnd", IssuedOn: domain.MustDate("2023-02-23")}
		err := svc.CreateNotice(ctx, a.Office, again)
		var dup *app.DuplicateNoticeError
		if !errors.As(err, &dup) || !errors.Is(err, domain.ErrDuplicate) || dup.Existing.ID != old.ID || !dup.SameNumber || !dup.CanCorrect ||
			!strings.Contains(err.Error(), "số 12/TB-UBND ngày 23/02/2023") || !strings.Contains(err.Error(), "đính chính") {
			t.Fatalf("same number and date: %v", err)
		}
		// The same number another day, or another number, is another notice.
		for _, n := range []*domain.Notice{
			{Title: "Kết luận", Number: "12", Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-02-24")},
			{Title: "Kết luận", Number: "13", Symbol: "TB-UBND", IssuedOn: domain.MustDate("2023-02-23")},
		} {
			apptest.Must(t, svc.CreateNotice(ctx, a.Office, n))
		}

		// Same text without number: the notice imported twice, or the text of
		// one already entered, a letterhead more or less.
		body := strings.Repeat("Giao Phòng Y tế chủ trì kiểm tra an toàn thực phẩm tại các bếp ăn tập thể trên địa bàn huyện. ", 3) +
			"Phòng Giáo dục và Đào tạo phối hợp tuyên truyền đến học sinh, phụ huynh về phòng chống ngộ độc thực phẩm trong dịp hè."
		first := &domain.Notice{Title: "Kết luận về an toàn thực phẩm", Sections: []domain.Section{{Body: body}}}
		apptest.Must(t, svc.CreateNotice(ctx, a.Office, first))
		reread := &domain.Notice{Title: "Thông báo", Sections: []domain.Section{{Body: "UBND HUYỆN THỬ\nTHÔNG BÁO\n" + body + "\nNơi nhận: Lưu VT."}}}
		if err := svc.CreateNotice(ctx, a.Office, reread); !errors.As(err, &dup) || dup.Existing.ID != first.ID || dup.SameNumber || dup.CanCorrect {
			t.Fatalf("same text, unnumbered: %v (a draft cannot be corrected, only opened)", err)
		}
		other := &domain.Notice{Title: "Thông báo", Sections: []domain.Section{{Body: strings.Repeat("Giao Phòng Văn hóa và Thông tin chủ trì tổ chức các hoạt động văn hóa, thể thao mừng Xuân. ", 3) +
			"Phòng Giáo dục và Đào tạo phối hợp tuyên truyền đến học sinh, phụ huynh về phòng chống ngộ độc thực phẩm trong dịp hè."}}}
		apptest.Must(t, svc.CreateNotice(ctx, a.Office, other))

		// Imported: the same text read twice is refused the second time.
		d, err := svc.ExtractNotice(ctx, a.Office, "tb.txt", []byte(sampleNotice), 1<<20)
		apptest.Must(t, err)
		d.Tasks[2].Decision = app.DecideSkip
		res, err := svc.ConfirmImport(ctx, a.Office, d, 0, a.Block.ID)
		apptest.Must(t, err)
		d2, err := svc.ExtractNotice(ctx, a.Office, "tb.txt", []byte(sampleNotice), 1<<20)
		apptest.Must(t, err)
		d2.Tasks[2].Decision = app.DecideSkip
		if _, err := svc.ConfirmImport(ctx, a.Office, d2, 0, a.Block.ID); !errors.As(err, &dup) || dup.Existing.ID != res.NoticeID {
			t.Fatalf("the same file imported again: %v", err)
		}
		_, total, err := svc.Notices(ctx, a.Office, store.NoticeFilter{})
		apptest.Must(t, err)
		if total != 6 {
			t.Errorf("%d notices, want 6: nothing stored by a refused duplicate", total)
		}

		// A correction allowed: said so, it becomes a correction of the notice found.
		again.SupersedesID, again.Correction = old.ID, domain.CorrectionReplace
		apptest.Must(t, svc.CreateNotice(ctx, a.Office, again))
		if again.State != domain.NoticeDraft || again.SupersedesID != old.ID || again.Revision != 2 || again.Correction != domain.CorrectionReplace {
			t.Errorf("the correction: %+v", again)
		}
		changes, err := svc.NoticeChanges(ctx, a.Office, again.ID)
		apptest.Must(t, err)
		if len(changes) != 1 || len(changes[0].Fields) != 0 {
			t.Errorf("the correction's tasks: %+v, want the one task copied, unchanged", changes)
		}
		// A second correction while the first is a draft is refused.
		if _, err := svc.CorrectNotice(ctx, a.Office, old.ID, domain.CorrectionErratum); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("a second correction while one is drafted: %v", err)
		}
	})
}

// TestCorrections follows both kinds of correction: each is a document with
// its own number and date; a changed deadline shows old → new and applies
// only when confirmed; no task counts twice; the list never shows two live
// notices under one number; an imported replacing text pairs its tasks with
// the corrected ones.
func TestCorrections(t *testing.T) {
	apptest.Each(t, func(t *testing.T, a *apptest.App) {
		ctx := context.Background()
		svc := a.Service
		total := func() int {
			d, err := svc.Dashboard(ctx, a.Leader, store.TaskFilter{})
			apptest.Must(t, err)
			return d.Total
		}
		old, tasks := issuedNotice(t, a, "12", "2023-02-23",
			[]string{"Tổng kết năm học và báo cáo UBND huyện", "Kiểm tra cơ sở vật chất các trường"}, []string{"2026-12-25", "2023-06-30"})
		if total() != 2 {
			t.Fatalf("%d tasks before the correction", total())
		}

		// An erratum: its own draft, tasks copied as proposals that do not count.
		fix, err := svc.CorrectNotice(ctx, a.Office, old.ID, domain.CorrectionErratum)
		apptest.Must(t, err)
		if fix.Number != "" || !fix.IssuedOn.IsZero() || !strings.HasPrefix(fix.Title, "Đính chính Thông báo số 12/TB-UBND ngày 23/02/2023") {
			t.Errorf("erratum draft: number %q date %s title %q", fix.Number, fix.IssuedOn, fix.Title)
		}
		changes, err := svc.NoticeChanges(ctx, a.Office, fix.ID)
		apptest.Must(t, err)
		if len(changes) != 2 || total() != 2 {
			t.Fatalf("%d proposals, %d tasks counted; want 2 and 2", len(changes), total())
		}
		var p store.TaskRow
		for _, c := range changes {
			if c.Original.ID == tasks[0].ID {
				p = c.Proposal
			}
		}
		_, err = svc.UpdateTask(ctx, a.Office, p.ID, app.TaskInput{NoticeID: fix.ID, Text: p.Text, Lead: p.Lead, Version: p.Version,
			Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2026-12-31")}})
		apptest.Must(t, err)

		// Its own number: not the corrected one's.
		fix, err = svc.Notice(ctx, a.Office, fix.ID)
		apptest.Must(t, err)
		fix.Number, fix.IssuedOn, fix.SignerName = "12", domain.MustDate("2023-03-01"), "Ngô Đức Sáu"
		apptest.Must(t, svc.UpdateNotice(ctx, a.Office, fix))
		if _, err := svc.IssueNotice(ctx, a.Office, fix.ID, fix.Version); !errors.Is(err, domain.ErrInvalid) || !strings.Contains(err.Error(), "số của riêng nó") {
			t.Fatalf("issuing an erratum under the corrected number: %v", err)
		}
		fix.Number = "15"
		apptest.Must(t, svc.UpdateNotice(ctx, a.Office, fix))
		_, err = svc.IssueNotice(ctx, a.Office, fix.ID, fix.Version)
		apptest.Must(t, err)

		// The unchanged proposal is gone; the changed one waits, the task keeps 25/12 and counts once.
		changes, err = svc.NoticeChanges(ctx, a.Office, fix.ID)
		apptest.Must(t, err)
		if len(changes) != 1 || len(changes[0].Fields) != 1 || changes[0].Fields[0].Field != "Thời hạn" ||
			changes[0].Fields[0].Old != "trước ngày 25/12/2026" || changes[0].Fields[0].New != "trước ngày 31/12/2026" {
			t.Fatalf("after issue: %+v", changes)
		}
		if total() != 2 {
			t.Errorf("%d tasks counted, want 2", total())
		}
		cur, err := svc.Task(ctx, a.Unit1User, tasks[0].ID)
		apptest.Must(t, err)
		if cur.DueOn != domain.MustDate("2026-12-25") {
			t.Errorf("before confirmation the task is due %s, want the old 25/12/2026", cur.DueOn.VN())
		}
		if _, err := svc.Task(ctx, a.Unit1User, changes[0].Proposal.ID); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("the unit sees the proposal: %v", err)
		}
		if _, err := svc.ConfirmTaskChange(ctx, a.Leader, changes[0].Proposal.ID, changes[0].Proposal.Version); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("a leader confirms: %v", err)
		}
		confirmed, err := svc.ConfirmTaskChange(ctx, a.Office, changes[0].Proposal.ID, changes[0].Proposal.Version)
		apptest.Must(t, err)
		if confirmed.ID != tasks[0].ID || confirmed.DueOn != domain.MustDate("2026-12-31") || confirmed.NoticeID != fix.ID {
			t.Errorf("confirmed: task %d due %s notice %d", confirmed.ID, confirmed.DueOn, confirmed.NoticeID)
		}
		if total() != 2 {
			t.Errorf("%d tasks counted after confirming, want 2", total())
		}
		if o, _ := svc.Notice(ctx, a.Office, old.ID); o.State != domain.NoticeIssued {
			t.Errorf("an erratum left the corrected notice %s, want still issued", o.State)
		}

		// A replacing notice: the old one superseded, its tasks taken over, one live row per number.
		rep, err := svc.CorrectNotice(ctx, a.Office, old.ID, domain.CorrectionReplace)
		apptest.Must(t, err)
		rep.Number, rep.IssuedOn = "12", domain.MustDate("2023-03-05")
		apptest.Must(t, svc.UpdateNotice(ctx, a.Office, rep))
		changes, err = svc.NoticeChanges(ctx, a.Office, rep.ID)
		apptest.Must(t, err)
		if len(changes) != 1 {
			t.Fatalf("%d proposals in the replacing notice, want the one task left on the old notice", len(changes))
		}
		if err := svc.DiscardTaskChange(ctx, a.Office, changes[0].Proposal.ID, changes[0].Proposal.Version); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("deciding on a change before the correction is issued: %v", err)
		}
		_, err = svc.IssueNotice(ctx, a.Office, rep.ID, rep.Version)
		apptest.Must(t, err)
		if o, _ := svc.Notice(ctx, a.Office, old.ID); o.State != domain.NoticeSuperseded {
			t.Errorf("replaced notice is %s", o.State)
		}
		moved, err := svc.Task(ctx, a.Office, tasks[1].ID)
		apptest.Must(t, err)
		if moved.NoticeID != rep.ID || total() != 2 {
			t.Errorf("task of the replaced notice: notice %d, %d counted", moved.NoticeID, total())
		}
		live, _, err := svc.Notices(ctx, a.Viewer, store.NoticeFilter{State: domain.NoticeIssued})
		apptest.Must(t, err)
		seen := map[string]bool{}
		for _, n := range live {
			key := n.Code() + n.IssuedOn.String()[:4]
			if seen[key] {
				t.Errorf("two live notices numbered %s", n.Code())
			}
			seen[key] = true
		}

		// An imported replacing text: its tasks pair with the corrected ones.
		imp, tasks2 := issuedNotice(t, a, "20", "2023-04-01", []string{
			"Giao Phòng Giáo dục và Đào tạo chủ trì, Phòng Y tế phối hợp tham mưu kế hoạch y tế trường học",
			"Giao Phòng Y tế kiểm tra an toàn thực phẩm tại các trường học"}, []string{"2023-03-20", "2023-04-30"})
		d, err := svc.ExtractNotice(ctx, a.Office, "tb.txt", []byte(sampleNotice), 1<<20)
		apptest.Must(t, err)
		d.CorrectionOf, d.Correction = imp.ID, domain.CorrectionReplace
		d.Tasks[2].Decision = app.DecideSkip
		res, err := svc.ConfirmImport(ctx, a.Office, d, 0, a.Block.ID)
		apptest.Must(t, err)
		changes, err = svc.NoticeChanges(ctx, a.Office, res.NoticeID)
		apptest.Must(t, err)
		paired := map[int64]bool{}
		for _, c := range changes {
			paired[c.Original.ID] = true
		}
		if !paired[tasks2[0].ID] || !paired[tasks2[1].ID] || len(changes) != 2 {
			t.Errorf("imported correction: %d proposals, pairs %v; want both tasks paired", len(changes), paired)
		}
		if total() != 4 {
			t.Errorf("%d tasks counted with an imported correction in draft, want 4", total())
		}
	})
}
