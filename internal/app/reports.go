package app

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// Upload is one file joined to a report.
type Upload struct {
	Name        string
	ContentType string
	Data        []byte
}

// ReportInput is a progress or completion report.
type ReportInput struct {
	Body       string
	Percent    int
	Completion bool
	Files      []Upload
}

// AddReport files a report on a task by a unit that leads or supports it (or
// the Office). A completion report, allowed to the lead unit and the Office,
// sets the day the task was done; on a recurring task it closes the current
// period instead and the next due day follows.
func (s *Service) AddReport(ctx context.Context, actor *domain.User, taskID int64, in ReportInput) (*domain.Report, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	var atts []domain.Attachment
	var data [][]byte
	var total int64
	for _, f := range in.Files {
		if len(f.Data) == 0 && f.Name == "" {
			continue
		}
		name, err := cleanText("Tên tệp", filepath.Base(strings.ReplaceAll(f.Name, "\\", "/")), true, 200)
		if err != nil {
			return nil, err
		}
		if !allowedTypes[strings.ToLower(filepath.Ext(name))] {
			return nil, invalid("tệp %q không thuộc loại được phép (pdf, doc, docx, xls, xlsx, odt, ods, jpg, png, txt, zip, rar)", name)
		}
		total += int64(len(f.Data))
		if total > s.opt.MaxUpload {
			return nil, fmt.Errorf("%w: tệp đính kèm vượt quá %d MB", domain.ErrTooLarge, s.opt.MaxUpload>>20)
		}
		atts = append(atts, domain.Attachment{Name: name, ContentType: http.DetectContentType(f.Data), Size: int64(len(f.Data))})
		data = append(data, f.Data)
	}
	return s.fileReport(ctx, actor, taskID, in, atts, data, time.Time{})
}

// fileReport is AddReport's and RecordReportOn's common rule: who may report,
// who may declare completion, and what a report changes on the task. A zero
// at means now; otherwise the report, the task's last update and a completion
// day are those of at, and the audit entry says the history was entered late.
func (s *Service) fileReport(ctx context.Context, actor *domain.User, taskID int64, in ReportInput, atts []domain.Attachment, data [][]byte, at time.Time) (*domain.Report, error) {
	body, err := cleanText("Nội dung báo cáo", in.Body, true, 20000)
	if err != nil {
		return nil, err
	}
	if in.Percent < 0 || in.Percent > 100 {
		return nil, invalid("tiến độ phải từ 0 đến 100%%")
	}
	day := s.Today()
	if !at.IsZero() {
		day = domain.DateOf(at)
	}
	r := &domain.Report{TaskID: taskID, UnitID: actor.UnitID, UserID: actor.ID, UserName: actor.FullName, Body: body,
		Percent: in.Percent, Completion: in.Completion, Attachments: atts}
	err = s.tx(ctx, func(tx *store.Tx) error {
		cur, err := s.lockedTask(ctx, tx, actor, taskID)
		if err != nil {
			return err
		}
		if actor.Role == domain.RoleUnit && !cur.InvolvesUnit(actor.UnitID) || actor.Role == domain.RoleLeader || actor.Role == domain.RoleViewer {
			return domain.ErrForbidden
		}
		if !cur.Live {
			return invalid("nhiệm vụ này chưa được theo dõi (thuộc thông báo chưa ban hành, hoặc là thay đổi đính chính chưa xác nhận): chưa nhận báo cáo")
		}
		if in.Completion && !(leads(actor, &cur.Task) || actor.CanManage()) {
			return fmt.Errorf("%w: chỉ đơn vị chủ trì hoặc Văn phòng báo cáo hoàn thành", domain.ErrForbidden)
		}
		before := cur.Task
		t := cur.Task
		switch {
		case in.Completion && !t.DoneOn.IsZero():
			return invalid("nhiệm vụ đã được báo cáo hoàn thành")
		case in.Completion && t.Deadline.Kind == domain.DeadlineRecurring:
			// A period report closes the current period; the next one is due next.
			r.Period = t.DueOn
			t.ReportedUntil = t.DueOn
			t.Percent = 0
		case in.Completion:
			t.DoneOn = day
			r.Percent = 100
			t.Percent = 100
		case r.Percent > t.Percent:
			t.Percent = r.Percent
		}
		t.Refresh()
		w, action := tx, "report"
		if !at.IsZero() {
			w, action = tx.At(at), "report_backdated"
		}
		if err := w.CreateReport(ctx, r, data); err != nil {
			return err
		}
		// A report is the unit's update: it sets the time the dashboard counts from.
		t.LastUpdateAt = w.Now()
		if err := w.UpdateTask(ctx, &t, cur.BlockID); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, action, "task", t.ID, before,
			map[string]any{"task": t, "report": r.Body, "completion": r.Completion, "day": day.String()})
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// Attachment returns a report's file if the actor may see its task.
func (s *Service) Attachment(ctx context.Context, actor *domain.User, id int64) (*domain.Attachment, []byte, error) {
	a, taskID, data, err := s.st.AttachmentData(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.getTask(ctx, &s.st.Queries, actor, taskID); err != nil {
		return nil, nil, err
	}
	return a, data, nil
}
