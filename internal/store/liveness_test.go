package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/store/storetest"
)

// TestDraftLiveness follows a notice's tasks through its states: a draft's
// tasks are in no list or count; issuing brings them in, with the counters,
// in the same transaction; moving them to a replacing notice keeps them
// counted once; superseding takes out what is left; a proposed change never
// counts; only what does not count may be deleted.
func TestDraftLiveness(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		orgID, unitID := seedOrg(t, st)
		today := domain.MustDate("2024-02-15")
		n := &domain.Notice{OrgID: orgID, Title: "Kết luận", State: domain.NoticeDraft}
		var tasks []*domain.Task
		must(t, st.Transact(ctx, func(tx *store.Tx) error {
			if err := tx.CreateNotice(ctx, n); err != nil {
				return err
			}
			for i, due := range []string{"2024-01-10", "2024-02-20", "2024-06-01"} {
				task := &domain.Task{OrgID: orgID, NoticeID: n.ID, Text: "Việc " + due, Lead: []int64{unitID},
					Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate(due)}}
				if i == 2 {
					task.DoneOn = domain.MustDate("2024-02-01")
				}
				task.Refresh()
				if err := tx.CreateTask(ctx, task, 0, 0); err != nil {
					return err
				}
				tasks = append(tasks, task)
			}
			direct := &domain.Task{OrgID: orgID, Text: "Giao trực tiếp", Lead: []int64{unitID}}
			return tx.CreateTask(ctx, direct, 0, 0)
		}))
		figures := func(name string, want int) {
			t.Helper()
			checkCounters(t, st)
			for _, f := range []store.TaskFilter{{}, {UnitID: unitID}, {VisibleTo: unitID}, {Query: "viec"}} {
				f.OrgID, f.Today, f.SoonDays, f.Limit = orgID, today, 7, 50
				_, total, err := st.Tasks(ctx, f)
				must(t, err)
				counts, err := st.StatusCounts(ctx, f)
				must(t, err)
				sum := 0
				for _, c := range counts {
					sum += c
				}
				exact, err := st.ExactStatusCounts(ctx, f)
				must(t, err)
				got := map[string]int{}
				for s, c := range counts {
					got[string(s)] = c
				}
				if f.Query == "" && (total != want || sum != want) || f.Query != "" && total != want-1 || !reflect.DeepEqual(got, exact) {
					t.Errorf("%s %+v: list %d, counts %v (exact %v), want %d", name, f, total, counts, exact, want)
				}
			}
			units, err := st.StatsByUnit(ctx, store.TaskFilter{OrgID: orgID, Today: today, SoonDays: 7})
			must(t, err)
			if len(units) != 1 || units[0].Assigned != want {
				t.Errorf("%s: unit table %+v, want %d assigned", name, units, want)
			}
		}
		figures("draft", 1)
		must(t, st.Transact(ctx, func(tx *store.Tx) error { return tx.SetNoticeState(ctx, n, domain.NoticeIssued) }))
		figures("issued", 4)

		// A replacing notice takes the tasks over; the replaced one is superseded.
		n2 := &domain.Notice{OrgID: orgID, Title: "Kết luận (thay thế)", State: domain.NoticeDraft, SupersedesID: n.ID, Correction: domain.CorrectionReplace}
		proposal := &domain.Task{OrgID: orgID, Text: "Việc đề xuất sửa", Lead: []int64{unitID}, OriginID: tasks[0].ID}
		must(t, st.Transact(ctx, func(tx *store.Tx) error {
			if err := tx.CreateNotice(ctx, n2); err != nil {
				return err
			}
			proposal.NoticeID = n2.ID
			return tx.CreateTask(ctx, proposal, 0, 0)
		}))
		figures("correction drafted", 4)
		must(t, st.Transact(ctx, func(tx *store.Tx) error {
			if err := tx.SetNoticeState(ctx, n2, domain.NoticeIssued); err != nil {
				return err
			}
			if err := tx.MoveNoticeTasks(ctx, orgID, n.ID, n2.ID); err != nil {
				return err
			}
			return tx.SetNoticeState(ctx, n, domain.NoticeSuperseded)
		}))
		figures("replaced", 4)
		row, err := st.Task(ctx, orgID, tasks[0].ID, today, 7)
		must(t, err)
		if row.NoticeID != n2.ID || !row.Live {
			t.Errorf("moved task: notice %d live %v, want %d and counted", row.NoticeID, row.Live, n2.ID)
		}
		p, err := st.Task(ctx, orgID, proposal.ID, today, 7)
		must(t, err)
		if p.Live {
			t.Error("a proposed change counts")
		}
		// Superseding a notice that still holds tasks takes them out.
		must(t, st.Transact(ctx, func(tx *store.Tx) error { return tx.SetNoticeState(ctx, n2, domain.NoticeSuperseded) }))
		figures("superseded", 1)

		// Only what does not count is deleted.
		err = st.Transact(ctx, func(tx *store.Tx) error { return tx.DeleteTask(ctx, orgID, proposal.ID, p.Version) })
		must(t, err)
		must(t, st.Transact(ctx, func(tx *store.Tx) error { return tx.SetNoticeState(ctx, n2, domain.NoticeIssued) }))
		err = st.Transact(ctx, func(tx *store.Tx) error { return tx.DeleteTask(ctx, orgID, tasks[1].ID, row.Version) })
		if !errors.Is(err, domain.ErrConflict) {
			t.Errorf("deleting a counted task: %v, want refused", err)
		}
		figures("issued again", 4)
	})
}
