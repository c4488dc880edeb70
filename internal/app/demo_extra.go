package app

import (
	"context"
	"fmt"
	"time"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// RecordReportOn files a report that was made at an earlier instant at, as
// when an office enters follow-up history kept on paper (and the demo data).
// It follows AddReport's rules — who may report, who may declare completion —
// except that the report, the task's last update and, for a completion, the
// day the task was done are those of at rather than today. at may not lie in
// the future. The audit entry is written at the real time, with action
// "report_backdated" and the day recorded, so the log shows that history was
// entered after the fact.
func (s *Service) RecordReportOn(ctx context.Context, actor *domain.User, taskID int64, in ReportInput, at time.Time) (*domain.Report, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	if at.After(s.opt.Now()) {
		return nil, invalid("ngày báo cáo không được ở tương lai")
	}
	if len(in.Files) > 0 {
		return nil, invalid("báo cáo nhập lại không kèm tệp")
	}
	body, err := cleanText("Nội dung báo cáo", in.Body, true, 20000)
	if err != nil {
		return nil, err
	}
	if in.Percent < 0 || in.Percent > 100 {
		return nil, invalid("tiến độ phải từ 0 đến 100%%")
	}
	day := domain.DateOf(at)
	r := &domain.Report{TaskID: taskID, UnitID: actor.UnitID, UserID: actor.ID, UserName: actor.FullName, Body: body,
		Percent: in.Percent, Completion: in.Completion}
	err = s.tx(ctx, func(tx *store.Tx) error {
		cur, err := s.getTask(ctx, &tx.Queries, actor, taskID)
		if err != nil {
			return err
		}
		if actor.Role == domain.RoleUnit && !cur.InvolvesUnit(actor.UnitID) || actor.Role == domain.RoleLeader || actor.Role == domain.RoleViewer {
			return domain.ErrForbidden
		}
		if in.Completion && !(leads(actor, &cur.Task) || actor.CanManage()) {
			return fmt.Errorf("%w: chỉ đơn vị chủ trì hoặc Văn phòng báo cáo hoàn thành", domain.ErrForbidden)
		}
		before := cur.Task
		t := cur.Task
		if in.Completion {
			if !t.DoneOn.IsZero() {
				return invalid("nhiệm vụ đã được báo cáo hoàn thành")
			}
			if t.Deadline.Kind == domain.DeadlineRecurring {
				r.Period = t.DueOn
				t.ReportedUntil = t.DueOn
				t.Percent = 0
			} else {
				t.DoneOn = day
				r.Percent = 100
				t.Percent = 100
			}
		} else if r.Percent > t.Percent {
			t.Percent = r.Percent
		}
		t.Refresh()
		past := tx.At(at)
		if err := past.CreateReport(ctx, r, nil); err != nil {
			return err
		}
		if err := past.UpdateTask(ctx, &t, cur.BlockID); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "report_backdated", "task", t.ID, before,
			map[string]any{"task": t, "report": r.Body, "completion": r.Completion, "day": day.String()})
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}
