package app

import (
	"context"
	"fmt"
	"sort"

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
		{"Chức vụ người ký", &n.SignerTitle, 200}, {"Người ký", &n.SignerName, 200}, {"Cơ quan ban hành", &n.Issuer, 300},
		{"Cơ quan chủ quản", &n.Superior, 300}} {
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
	if n.Correction != "" && !n.Correction.Valid() {
		return invalid("loại văn bản đính chính %q không hợp lệ", n.Correction)
	}
	return nil
}

// CreateNotice saves a new draft notice (admin or Office). A notice the
// organisation already has — same number, symbol and issue day, or for an
// unnumbered text the same text — is refused with a *DuplicateNoticeError
// naming it, unless n says it corrects a notice (SupersedesID and
// Correction set): then it is made a correction of that notice.
func (s *Service) CreateNotice(ctx context.Context, actor *domain.User, n *domain.Notice) error {
	if err := needManage(actor); err != nil {
		return err
	}
	if n.SupersedesID != 0 || n.Correction != "" {
		old, err := s.correctable(ctx, actor, n.SupersedesID)
		if err != nil {
			return err
		}
		return s.createCorrection(ctx, actor, old, n, nil)
	}
	n.State, n.Revision, n.SupersedesID, n.Correction = domain.NoticeDraft, 1, 0, ""
	if err := s.validateNotice(ctx, actor, n); err != nil {
		return err
	}
	if err := s.refuseDuplicate(ctx, actor, n, true); err != nil {
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
// never edited in place: a correction is a document of its own. A draft may
// not become a copy of another notice (see CreateNotice).
func (s *Service) UpdateNotice(ctx context.Context, actor *domain.User, n *domain.Notice) error {
	if err := needManage(actor); err != nil {
		return err
	}
	before, err := s.st.Notice(ctx, actor.OrgID, n.ID)
	if err != nil {
		return err
	}
	if before.State != domain.NoticeDraft {
		return invalid("thông báo đã ban hành không sửa trực tiếp được; hãy làm văn bản đính chính")
	}
	n.State, n.Revision, n.SupersedesID, n.Correction = before.State, before.Revision, before.SupersedesID, before.Correction
	if err := s.validateNotice(ctx, actor, n); err != nil {
		return err
	}
	if err := s.refuseDuplicate(ctx, actor, n, false); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.UpdateNotice(ctx, n); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "update", "notice", n.ID, before, n)
	})
}

// IssueNotice issues a draft (number, symbol, date and signer required). Its
// number may not be that of another issued notice of the same year, so that
// no list shows two live notices under one number. Its tasks start to count.
// Issuing a correction drops the proposed changes that change nothing and
// keeps the others for the Office to confirm one by one
// (ConfirmTaskChange); a replacing notice supersedes the one it corrects and
// takes over its tasks, so follow-up goes on without a break.
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
	if err := s.refuseNumberInUse(ctx, actor, n); err != nil {
		return nil, err
	}
	err = s.tx(ctx, func(tx *store.Tx) error {
		dropped, err := s.dropUnchangedProposals(ctx, tx, actor, n)
		if err != nil {
			return err
		}
		if err := tx.SetNoticeState(ctx, n, domain.NoticeIssued); err != nil {
			return err
		}
		if n.SupersedesID != 0 && n.Correction == domain.CorrectionReplace {
			old, err := tx.Notice(ctx, actor.OrgID, n.SupersedesID)
			if err != nil {
				return err
			}
			if err := tx.MoveNoticeTasks(ctx, actor.OrgID, old.ID, n.ID); err != nil {
				return err
			}
			if err := tx.SetNoticeState(ctx, old, domain.NoticeSuperseded); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, actor, "issue", "notice", n.ID, nil, map[string]any{"code": n.Code(), "revision": n.Revision,
			"corrects": n.SupersedesID, "correction": n.Correction, "unchanged_proposals_dropped": dropped})
	})
	return n, err
}

// refuseNumberInUse refuses to issue n under the number and symbol of
// another issued notice of the same year (the one a replacing notice
// replaces aside: it is superseded at the same time).
func (s *Service) refuseNumberInUse(ctx context.Context, actor *domain.User, n *domain.Notice) error {
	same, err := s.st.NoticesNumbered(ctx, actor.OrgID, n.Number, n.Symbol, n.IssuedOn.Year, domain.NoticeIssued)
	if err != nil {
		return err
	}
	for _, o := range same {
		if o.ID == n.ID || (n.Correction == domain.CorrectionReplace && o.ID == n.SupersedesID) {
			continue
		}
		return fmt.Errorf("%w: số %s năm %d đã dùng cho thông báo đã ban hành ngày %s «%s» (/notices/%d); văn bản đính chính phải có số của riêng nó",
			domain.ErrInvalid, o.Code(), n.IssuedOn.Year, o.IssuedOn.VN(), o.Title, o.ID)
	}
	return nil
}

// Notice returns one notice. Every signed-in user may read issued notices;
// a draft is the Office's working copy, unknown to others.
func (s *Service) Notice(ctx context.Context, actor *domain.User, id int64) (*domain.Notice, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	n, err := s.st.Notice(ctx, actor.OrgID, id)
	if err != nil {
		return nil, err
	}
	if n.State == domain.NoticeDraft && !actor.CanManage() {
		return nil, fmt.Errorf("notice %d: %w", id, domain.ErrNotFound)
	}
	return n, nil
}

// Notices lists notices of the actor's organisation (drafts only for those
// who write them).
func (s *Service) Notices(ctx context.Context, actor *domain.User, f store.NoticeFilter) ([]domain.Notice, int, error) {
	if err := needUser(actor); err != nil {
		return nil, 0, err
	}
	f.OrgID = actor.OrgID
	f.NoDrafts = !actor.CanManage()
	return s.st.Notices(ctx, f)
}

// NoticeTasks lists the tasks of notice id. The Office and admin see all of
// them, a draft's and the proposed changes of a correction included — the
// one place where tasks that do not count are shown; others see what counts.
func (s *Service) NoticeTasks(ctx context.Context, actor *domain.User, id int64, limit int) ([]store.TaskRow, int, error) {
	if _, err := s.Notice(ctx, actor, id); err != nil {
		return nil, 0, err
	}
	f := store.TaskFilter{NoticeID: id, Sort: store.SortCreated, Limit: limit}
	s.scope(actor, &f)
	f.WithDrafts = actor.CanManage()
	return s.st.Tasks(ctx, f)
}

// NoticeVersions lists the notice id belongs to with every correction of
// it (and of those), oldest first; drafts only for those who write them.
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
	for i := 0; i < len(chain); i++ {
		next, err := s.st.NoticeCorrections(ctx, actor.OrgID, chain[i].ID)
		if err != nil {
			return nil, err
		}
		for _, c := range next {
			if c.State != domain.NoticeDraft || actor.CanManage() {
				chain = append(chain, c)
			}
		}
	}
	sort.SliceStable(chain, func(i, j int) bool { return chain[i].ID < chain[j].ID })
	return chain, nil
}
