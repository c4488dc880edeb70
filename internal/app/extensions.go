package app

import (
	"context"
	"fmt"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// Extension returns one extension request if the actor may see its task;
// otherwise, or when there is no such request, domain.ErrNotFound.
func (s *Service) Extension(ctx context.Context, actor *domain.User, id int64) (*domain.Extension, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	e, err := s.st.Extension(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := s.getTask(ctx, &s.st.Queries, actor, e.TaskID); err != nil {
		return nil, err
	}
	return e, nil
}

// RequestExtension asks to move a task's deadline; only its lead unit may ask,
// one request at a time.
func (s *Service) RequestExtension(ctx context.Context, actor *domain.User, taskID int64, newDue domain.Date, reason string) (*domain.Extension, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	reason, err := cleanText("Lý do gia hạn", reason, true, 5000)
	if err != nil {
		return nil, err
	}
	if !newDue.Valid() {
		return nil, invalid("ngày đề nghị gia hạn không hợp lệ")
	}
	var e *domain.Extension
	err = s.tx(ctx, func(tx *store.Tx) error {
		cur, err := s.lockedTask(ctx, tx, actor, taskID)
		if err != nil {
			return err
		}
		if !leads(actor, &cur.Task) {
			return fmt.Errorf("%w: chỉ đơn vị chủ trì được đề nghị gia hạn", domain.ErrForbidden)
		}
		if !cur.DoneOn.IsZero() {
			return invalid("nhiệm vụ đã hoàn thành")
		}
		if !cur.DueOn.IsZero() && !newDue.After(cur.DueOn) {
			return invalid("ngày gia hạn phải sau thời hạn hiện tại (%s)", cur.DueOn.VN())
		}
		if newDue.Before(s.Today()) {
			return invalid("ngày gia hạn đã qua")
		}
		exts, err := tx.Extensions(ctx, taskID)
		if err != nil {
			return err
		}
		for _, x := range exts {
			if x.State == domain.ExtensionPending {
				return invalid("đã có một đề nghị gia hạn đang chờ duyệt")
			}
		}
		e = &domain.Extension{TaskID: taskID, UnitID: actor.UnitID, RequestedBy: actor.ID, Requester: actor.FullName,
			OldDue: cur.DueOn, NewDue: newDue, Reason: reason}
		if err := tx.CreateExtension(ctx, e); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "request", "extension", e.ID, nil, e)
	})
	return e, err
}

// DecideExtension approves or refuses a pending request (leader, Office or
// admin). An approval moves the task's due day; the history stays.
func (s *Service) DecideExtension(ctx context.Context, actor *domain.User, extID int64, approve bool, note string) error {
	if err := needUser(actor); err != nil {
		return err
	}
	if !actor.CanDecideExtensions() {
		return domain.ErrForbidden
	}
	note, err := cleanText("Ý kiến", note, false, 5000)
	if err != nil {
		return err
	}
	if !approve && note == "" {
		return invalid("Hãy ghi lý do không đồng ý gia hạn, để đơn vị biết cần làm gì tiếp")
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		e, err := tx.Extension(ctx, extID)
		if err != nil {
			return err
		}
		cur, err := s.lockedTask(ctx, tx, actor, e.TaskID)
		if err != nil {
			return err
		}
		e.DecidedBy, e.Note, e.State = actor.ID, note, domain.ExtensionRefused
		if approve {
			e.State = domain.ExtensionApproved
		}
		if err := tx.DecideExtension(ctx, e); err != nil {
			return err
		}
		if approve {
			before := cur.Task
			t := cur.Task
			t.ExtendedTo = e.NewDue
			t.Refresh()
			if err := tx.UpdateTask(ctx, &t, cur.BlockID); err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor, "extend", "task", t.ID, before, t); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, actor, string(e.State), "extension", e.ID, nil, e)
	})
}

// PendingExtensions lists requests waiting for the actor's decision.
func (s *Service) PendingExtensions(ctx context.Context, actor *domain.User) ([]domain.Extension, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	if !actor.CanDecideExtensions() {
		return nil, nil
	}
	return s.st.PendingExtensions(ctx, actor.OrgID)
}
