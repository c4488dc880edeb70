package app

import (
	"context"
	"time"

	"giaoban/internal/domain"
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
	if at.After(s.Now()) {
		return nil, invalid("ngày báo cáo không được ở tương lai")
	}
	if len(in.Files) > 0 {
		return nil, invalid("báo cáo nhập lại không kèm tệp")
	}
	return s.fileReport(ctx, actor, taskID, in, nil, nil, at)
}

// CreateTaskOn records a task entered from paper after the fact, as made at
// the earlier instant at (its creation and last-update time); the audit entry
// is written at the real time as "create_backdated". at may not lie in the
// future.
func (s *Service) CreateTaskOn(ctx context.Context, actor *domain.User, in TaskInput, at time.Time) (*domain.Task, error) {
	if at.After(s.Now()) {
		return nil, invalid("ngày tạo không được ở tương lai")
	}
	return s.createTask(ctx, actor, in, at)
}
