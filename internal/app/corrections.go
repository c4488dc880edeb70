package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// Corrections. A correction is a document of its own — a Thông báo đính
// chính, or a notice that replaces the corrected one — with its own number
// and date, referring to the notice it corrects. Its tasks that stand for
// tasks of the corrected notice (OriginID) are proposed changes: they never
// count, the corrected tasks keep their values until the Office confirms
// each change, and a confirmed change is written onto the task itself, so
// that no task ever counts twice and its reports stay with it.

// correctable loads notice id for a correction: issued, not superseded, and
// without a correction still in draft.
func (s *Service) correctable(ctx context.Context, actor *domain.User, id int64) (*domain.Notice, error) {
	if id == 0 {
		return nil, invalid("chưa chọn thông báo được đính chính")
	}
	old, err := s.st.Notice(ctx, actor.OrgID, id)
	if err != nil {
		return nil, invalid("thông báo được đính chính không tồn tại")
	}
	if old.State != domain.NoticeIssued {
		return nil, invalid("chỉ đính chính được thông báo đã ban hành và chưa bị thay thế (số %s đang ở trạng thái «%s»)", old.Code(), old.State.Label())
	}
	fixes, err := s.st.NoticeCorrections(ctx, actor.OrgID, id)
	if err != nil {
		return nil, err
	}
	for _, c := range fixes {
		if c.State == domain.NoticeDraft {
			return nil, invalid("thông báo số %s đang có một văn bản đính chính chưa ban hành (/notices/%d): hãy hoàn thành văn bản đó trước", old.Code(), c.ID)
		}
	}
	return old, nil
}

// CorrectNotice starts a correction of issued notice id as a new draft of
// kind (a Thông báo đính chính or a replacing notice): without number or
// date of its own yet, its text prefilled — the replaced text, or the
// wording of a correction — and each task of the corrected notice copied as
// a proposed change to edit (admin or Office).
func (s *Service) CorrectNotice(ctx context.Context, actor *domain.User, id int64, kind domain.CorrectionKind) (*domain.Notice, error) {
	if err := needManage(actor); err != nil {
		return nil, err
	}
	if !kind.Valid() {
		return nil, invalid("hãy chọn loại văn bản: thông báo đính chính hoặc thông báo thay thế")
	}
	old, err := s.correctable(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	ref := fmt.Sprintf("Thông báo số %s ngày %s của %s", old.Code(), old.IssuedOn.VN(), dir.Org.Name)
	n := domain.Notice{MeetingID: old.MeetingID, Symbol: old.Symbol, Place: old.Place, Issuer: old.Issuer, Superior: old.Superior, SignerAuthority: old.SignerAuthority,
		SignerTitle: old.SignerTitle, SignerName: old.SignerName, Recipients: old.Recipients, Correction: kind}
	if kind == domain.CorrectionReplace {
		n.Title = old.Title
		for _, sec := range old.Sections {
			sec.ID = 0
			n.Sections = append(n.Sections, sec)
		}
		n.Sections = append(n.Sections, domain.Section{Kind: domain.SectionOther,
			Body: "Thông báo này thay thế " + ref + " (" + old.Title + ")."})
	} else {
		n.Title = "Đính chính " + ref
		n.Sections = []domain.Section{{Kind: domain.SectionOther, Body: strings.Join([]string{
			"Do sơ suất trong quá trình soạn thảo, " + ref + " (" + old.Title + ") có sai sót. Nay đính chính như sau:",
			"Tại …, đã ghi: «…».",
			"Nay sửa lại là: «…».",
			"Các nội dung khác của " + ref + " giữ nguyên.",
		}, "\n")}}
	}
	if err := s.createCorrection(ctx, actor, old, &n, nil); err != nil {
		return nil, err
	}
	return &n, nil
}

// createCorrection stores n as a draft correcting old, with proposed
// changes: the given tasks (an imported correction's, paired with old's
// tasks by pairTasks) or, when proposals is nil, a copy of each of old's
// counted tasks. The caller checked old with correctable.
func (s *Service) createCorrection(ctx context.Context, actor *domain.User, old *domain.Notice, n *domain.Notice, proposals []*domain.Task) error {
	if n.Correction == "" {
		n.Correction = domain.CorrectionReplace
	}
	n.State, n.Revision, n.SupersedesID = domain.NoticeDraft, old.Revision+1, old.ID
	if err := s.validateNotice(ctx, actor, n); err != nil {
		return err
	}
	type copied struct {
		t     *domain.Task
		block int64
		sec   int // index of its section in n's body; -1: none
	}
	var tasks []copied
	blocks := map[int64]int64{}
	originals, err := s.allTasks(ctx, store.TaskFilter{OrgID: actor.OrgID, NoticeID: old.ID, Today: s.Today(), SoonDays: s.opt.SoonDays})
	if err != nil {
		return err
	}
	for _, o := range originals {
		blocks[o.ID] = o.BlockID
	}
	if proposals == nil {
		secIndex := map[int64]int{}
		for i, sec := range old.Sections {
			secIndex[sec.ID] = i
		}
		for _, o := range originals {
			t := o.Task
			t.ID, t.Version, t.OriginID, t.NoticeID, t.SectionID = 0, 0, o.ID, 0, 0
			t.DoneOn, t.Percent, t.ReportedUntil, t.ExtendedTo = domain.Date{}, 0, domain.Date{}, domain.Date{}
			t.LastUpdateAt, t.CreatedAt = o.CreatedAt, o.CreatedAt
			sec := -1
			if i, ok := secIndex[o.SectionID]; ok && n.Correction == domain.CorrectionReplace {
				sec = i // the replacing text keeps the corrected one's sections in order
			}
			t.Refresh()
			tasks = append(tasks, copied{&t, o.BlockID, sec})
		}
	} else {
		for _, t := range proposals {
			tasks = append(tasks, copied{t, blocks[t.OriginID], -1})
		}
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateNotice(ctx, n); err != nil {
			return err
		}
		if err := tx.Audit(ctx, actor, "correct", "notice", n.ID, map[string]any{"corrects": old.ID, "kind": n.Correction}, n); err != nil {
			return err
		}
		for _, c := range tasks {
			c.t.OrgID, c.t.NoticeID = actor.OrgID, n.ID
			if c.sec >= 0 && c.sec < len(n.Sections) {
				c.t.SectionID = n.Sections[c.sec].ID
			}
			action := "create"
			if c.t.OriginID != 0 {
				action = "propose_change"
			}
			if err := tx.CreateTask(ctx, c.t, c.block, actor.ID); err != nil {
				return err
			}
			if err := tx.Audit(ctx, actor, action, "task", c.t.ID, nil, c.t); err != nil {
				return err
			}
		}
		return nil
	})
}

// FieldChange is one field a proposed change alters, as the page shows it.
type FieldChange struct {
	Field    string // "Nội dung", "Thời hạn", ...
	Old, New string
}

// TaskChange is a proposed change of a correction beside the task it changes.
type TaskChange struct {
	Proposal store.TaskRow
	Original store.TaskRow
	Fields   []FieldChange // empty: it changes nothing
}

// taskChanges lists what proposal p changes of task o, field by field.
func taskChanges(dir *Directory, p, o *domain.Task) []FieldChange {
	var out []FieldChange
	add := func(field, old, new string) {
		if old != new {
			out = append(out, FieldChange{field, old, new})
		}
	}
	deadline := func(t *domain.Task) string {
		d := t.Deadline
		d.EventDate = domain.Date{} // the day an event happened is follow-up, not the notice's text
		return d.Describe()
	}
	units := func(ids, groups []int64) string {
		names := []string{}
		for _, n := range []string{dir.UnitNames(sorted(ids)), dir.GroupNames(sorted(groups))} {
			if n != "" {
				names = append(names, n)
			}
		}
		if len(names) == 0 {
			return "—"
		}
		return strings.Join(names, ", ")
	}
	yes := func(b bool) string {
		if b {
			return "có"
		}
		return "không"
	}
	add("Nội dung", strings.TrimSpace(o.Text), strings.TrimSpace(p.Text))
	add("Thời hạn", deadline(o), deadline(p))
	add("Đơn vị chủ trì", units(o.Lead, o.LeadGroups), units(p.Lead, p.LeadGroups))
	add("Đơn vị phối hợp", units(o.Support, o.SupportGroups), units(p.Support, p.SupportGroups))
	add("Sản phẩm đầu ra", o.ExpectedProduct, p.ExpectedProduct)
	add("Lĩnh vực", dir.SectorName(o.SectorID), dir.SectorName(p.SectorID))
	add("Nhiệm vụ trọng tâm", yes(o.Key), yes(p.Key))
	add("Văn bản căn cứ", strings.Join(o.LegalRefs, "; "), strings.Join(p.LegalRefs, "; "))
	return out
}

func sorted(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// NoticeChanges lists the proposed changes of notice id with the tasks they
// change (admin or Office).
func (s *Service) NoticeChanges(ctx context.Context, actor *domain.User, id int64) ([]TaskChange, error) {
	if err := needManage(actor); err != nil {
		return nil, err
	}
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	rows, err := s.allTasks(ctx, store.TaskFilter{OrgID: actor.OrgID, NoticeID: id, WithDrafts: true, Today: s.Today(), SoonDays: s.opt.SoonDays})
	if err != nil {
		return nil, err
	}
	var out []TaskChange
	for _, p := range rows {
		if p.OriginID == 0 {
			continue
		}
		o, err := s.st.Task(ctx, actor.OrgID, p.OriginID, s.Today(), s.opt.SoonDays)
		if err != nil {
			return nil, err
		}
		out = append(out, TaskChange{Proposal: p, Original: *o, Fields: taskChanges(dir, &p.Task, &o.Task)})
	}
	return out, nil
}

// TaskChangeOf is the proposed change task id stands for, or nil when it is
// not one (admin or Office).
func (s *Service) TaskChangeOf(ctx context.Context, actor *domain.User, id int64) (*TaskChange, error) {
	p, err := s.getTask(ctx, &s.st.Queries, actor, id)
	if err != nil {
		return nil, err
	}
	if p.OriginID == 0 || !actor.CanManage() {
		return nil, nil
	}
	dir, err := s.Directory(ctx, actor)
	if err != nil {
		return nil, err
	}
	o, err := s.st.Task(ctx, actor.OrgID, p.OriginID, s.Today(), s.opt.SoonDays)
	if err != nil {
		return nil, err
	}
	return &TaskChange{Proposal: *p, Original: *o, Fields: taskChanges(dir, &p.Task, &o.Task)}, nil
}

// dropUnchangedProposals deletes, in tx, the proposed changes of notice n
// that change nothing, and says how many.
func (s *Service) dropUnchangedProposals(ctx context.Context, tx *store.Tx, actor *domain.User, n *domain.Notice) (int, error) {
	if n.SupersedesID == 0 {
		return 0, nil
	}
	changes, err := s.NoticeChanges(ctx, actor, n.ID)
	if err != nil {
		return 0, err
	}
	dropped := 0
	for _, c := range changes {
		if len(c.Fields) == 0 {
			if err := tx.DeleteTask(ctx, actor.OrgID, c.Proposal.ID, c.Proposal.Version); err != nil {
				return 0, err
			}
			dropped++
		}
	}
	return dropped, nil
}

// proposal loads the proposed change id of an issued correction for the
// Office to decide on, with the task it changes.
func (s *Service) proposal(ctx context.Context, tx *store.Tx, actor *domain.User, id int64, version int) (*store.TaskRow, *store.TaskRow, error) {
	p, err := s.getTask(ctx, &tx.Queries, actor, id)
	if err != nil {
		return nil, nil, err
	}
	if err := needManage(actor); err != nil {
		return nil, nil, err
	}
	if p.OriginID == 0 {
		return nil, nil, invalid("nhiệm vụ này không phải là thay đổi theo văn bản đính chính")
	}
	if p.Version != version {
		return nil, nil, domain.ErrConflict
	}
	n, err := tx.Notice(ctx, actor.OrgID, p.NoticeID)
	if err != nil {
		return nil, nil, err
	}
	if n.State == domain.NoticeDraft {
		return nil, nil, invalid("văn bản đính chính chưa ban hành: hãy ban hành rồi xác nhận từng thay đổi")
	}
	o, err := tx.Task(ctx, actor.OrgID, p.OriginID, s.Today(), s.opt.SoonDays)
	if err != nil {
		return nil, nil, err
	}
	return p, o, nil
}

// ConfirmTaskChange applies proposed change id (at version) to the task it
// changes: text, deadline, units, groups and the other fields of the
// notice's text become the correction's, the task moves to the correcting
// notice and keeps its reports, and the proposal is gone (admin or Office).
func (s *Service) ConfirmTaskChange(ctx context.Context, actor *domain.User, id int64, version int) (*domain.Task, error) {
	var out domain.Task
	err := s.tx(ctx, func(tx *store.Tx) error {
		p, o, err := s.proposal(ctx, tx, actor, id, version)
		if err != nil {
			return err
		}
		before := o.Task
		t := o.Task
		t.Text, t.Deadline, t.ExpectedProduct, t.SectorID, t.Key, t.LegalRefs = p.Text, p.Deadline, p.ExpectedProduct, p.SectorID, p.Key, p.LegalRefs
		t.Lead, t.Support, t.LeadGroups, t.SupportGroups = p.Lead, p.Support, p.LeadGroups, p.SupportGroups
		t.Deadline.EventDate = o.Deadline.EventDate
		t.NoticeID, t.SectionID = p.NoticeID, p.SectionID
		if err := t.Validate(); err != nil {
			return err
		}
		t.Refresh()
		if err := tx.UpdateTask(ctx, &t, o.BlockID); err != nil {
			return err
		}
		if err := tx.DeleteTask(ctx, actor.OrgID, p.ID, p.Version); err != nil {
			return err
		}
		out = t
		return tx.Audit(ctx, actor, "confirm_change", "task", t.ID, before, map[string]any{"task": t, "proposal": p.ID, "notice": p.NoticeID})
	})
	return &out, err
}

// DiscardTaskChange drops proposed change id (at version): the task keeps
// its values (admin or Office).
func (s *Service) DiscardTaskChange(ctx context.Context, actor *domain.User, id int64, version int) error {
	return s.tx(ctx, func(tx *store.Tx) error {
		p, o, err := s.proposal(ctx, tx, actor, id, version)
		if err != nil {
			return err
		}
		if err := tx.DeleteTask(ctx, actor.OrgID, p.ID, p.Version); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "discard_change", "task", o.ID, p.Task, map[string]any{"proposal": p.ID, "notice": p.NoticeID})
	})
}
