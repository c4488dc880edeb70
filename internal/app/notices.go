package app

import (
	"context"
	"fmt"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

func (s *Service) validateNotice(ctx context.Context, actor *domain.User, n *domain.Notice) error {
	var err error
	n.OrgID = actor.OrgID
	if n.Title, err = cleanText("Trích yếu thông báo", n.Title, true, 1000); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		v    *string
		max  int
	}{{"Số", &n.Number, 20}, {"Ký hiệu", &n.Symbol, 50}, {"Địa danh", &n.Place, 100}, {"Thẩm quyền ký", &n.SignerAuthority, 100},
		{"Chức vụ người ký", &n.SignerTitle, 200}, {"Người ký", &n.SignerName, 200}} {
		if *f.v, err = cleanText(f.name, *f.v, false, f.max); err != nil {
			return err
		}
	}
	if !n.IssuedOn.IsZero() && !n.IssuedOn.Valid() {
		return invalid("ngày ban hành không hợp lệ")
	}
	for i := range n.Recipients {
		if n.Recipients[i], err = cleanText("Nơi nhận", n.Recipients[i], false, 300); err != nil {
			return err
		}
	}
	for i := range n.Sections {
		sec := &n.Sections[i]
		if sec.Heading, err = cleanText("Tiêu đề mục", sec.Heading, false, 1000); err != nil {
			return err
		}
		if sec.Body, err = cleanText("Nội dung mục", sec.Body, false, 100000); err != nil {
			return err
		}
		switch sec.Kind {
		case domain.SectionAssessment, domain.SectionAnswers, domain.SectionTasks, domain.SectionOther:
		case "":
			sec.Kind = domain.SectionOther
		default:
			return invalid("loại mục %q không hợp lệ", sec.Kind)
		}
	}
	if n.MeetingID != 0 {
		if _, err := s.st.Meeting(ctx, actor.OrgID, n.MeetingID); err != nil {
			return invalid("hội nghị không tồn tại")
		}
	}
	return nil
}

// CreateNotice saves a new draft notice (admin or Office).
func (s *Service) CreateNotice(ctx context.Context, actor *domain.User, n *domain.Notice) error {
	if err := needManage(actor); err != nil {
		return err
	}
	n.State, n.Revision, n.SupersedesID = domain.NoticeDraft, 1, 0
	if err := s.validateNotice(ctx, actor, n); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateNotice(ctx, n); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "create", "notice", n.ID, nil, n)
	})
}

// UpdateNotice saves a draft under optimistic locking. An issued notice is
// never edited in place: Correct makes a new version.
func (s *Service) UpdateNotice(ctx context.Context, actor *domain.User, n *domain.Notice) error {
	if err := needManage(actor); err != nil {
		return err
	}
	before, err := s.st.Notice(ctx, actor.OrgID, n.ID)
	if err != nil {
		return err
	}
	if before.State != domain.NoticeDraft {
		return invalid("thông báo đã ban hành không sửa trực tiếp được; hãy tạo bản đính chính")
	}
	n.State, n.Revision, n.SupersedesID = before.State, before.Revision, before.SupersedesID
	if err := s.validateNotice(ctx, actor, n); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.UpdateNotice(ctx, n); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "update", "notice", n.ID, before, n)
	})
}

// IssueNotice issues a draft (number and date required). Issuing a correction
// marks the version it corrects as superseded and moves its tasks to the new
// version, so follow-up goes on without a break.
func (s *Service) IssueNotice(ctx context.Context, actor *domain.User, id int64, version int) (*domain.Notice, error) {
	if err := needManage(actor); err != nil {
		return nil, err
	}
	n, err := s.st.Notice(ctx, actor.OrgID, id)
	if err != nil {
		return nil, err
	}
	if n.Version != version {
		return nil, domain.ErrConflict
	}
	if n.State != domain.NoticeDraft {
		return nil, invalid("thông báo này đã được ban hành")
	}
	if n.Number == "" || n.Symbol == "" || n.IssuedOn.IsZero() || n.SignerName == "" {
		return nil, invalid("cần nhập số, ký hiệu, ngày ban hành và người ký trước khi ban hành")
	}
	err = s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.SetNoticeState(ctx, n, domain.NoticeIssued); err != nil {
			return err
		}
		if n.SupersedesID != 0 {
			old, err := tx.Notice(ctx, actor.OrgID, n.SupersedesID)
			if err != nil {
				return err
			}
			if err := tx.SetNoticeState(ctx, old, domain.NoticeSuperseded); err != nil {
				return err
			}
			if err := tx.MoveNoticeTasks(ctx, old.ID, n.ID); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, actor, "issue", "notice", n.ID, nil, map[string]any{"code": n.Code(), "revision": n.Revision})
	})
	return n, err
}

// CorrectNotice starts a correction of an issued notice: a new draft that
// copies it, keeps a link to it, and leaves the issued text as it was.
func (s *Service) CorrectNotice(ctx context.Context, actor *domain.User, id int64) (*domain.Notice, error) {
	if err := needManage(actor); err != nil {
		return nil, err
	}
	old, err := s.st.Notice(ctx, actor.OrgID, id)
	if err != nil {
		return nil, err
	}
	if old.State != domain.NoticeIssued {
		return nil, invalid("chỉ đính chính được thông báo đã ban hành và chưa bị thay thế")
	}
	n := *old
	n.ID, n.State, n.Revision, n.SupersedesID, n.Version = 0, domain.NoticeDraft, old.Revision+1, old.ID, 0
	n.Sections = make([]domain.Section, len(old.Sections))
	for i, sec := range old.Sections {
		sec.ID = 0
		n.Sections[i] = sec
	}
	err = s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateNotice(ctx, &n); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "correct", "notice", n.ID, map[string]int64{"supersedes": old.ID}, &n)
	})
	return &n, err
}

// Notice returns one notice; every signed-in user may read notices.
func (s *Service) Notice(ctx context.Context, actor *domain.User, id int64) (*domain.Notice, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	return s.st.Notice(ctx, actor.OrgID, id)
}

// Notices lists notices of the actor's organisation.
func (s *Service) Notices(ctx context.Context, actor *domain.User, f store.NoticeFilter) ([]domain.Notice, int, error) {
	if err := needUser(actor); err != nil {
		return nil, 0, err
	}
	f.OrgID = actor.OrgID
	return s.st.Notices(ctx, f)
}

// NoticeVersions lists every version of the notice chain id belongs to, oldest first.
func (s *Service) NoticeVersions(ctx context.Context, actor *domain.User, id int64) ([]domain.Notice, error) {
	n, err := s.Notice(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	// Walk back to the first version, then forward through corrections.
	for n.SupersedesID != 0 {
		if n, err = s.st.Notice(ctx, actor.OrgID, n.SupersedesID); err != nil {
			return nil, fmt.Errorf("notice versions: %w", err)
		}
	}
	chain := []domain.Notice{*n}
	for {
		next, err := s.st.NoticeCorrection(ctx, actor.OrgID, chain[len(chain)-1].ID)
		if err != nil {
			return nil, err
		}
		if next == nil {
			return chain, nil
		}
		chain = append(chain, *next)
	}
}
