package app

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"giaoban/internal/domain"
	"giaoban/internal/importer"
	"giaoban/internal/store"
)

// Import drafts kept in the database: between the review screen's round
// trips, and once confirmed as the import's read-only record.

// SavedDraft is an import draft kept in the database between the review
// screen's round trips and, once confirmed, as the import's record.
type SavedDraft struct {
	ID      int64
	Version int
	Draft   ImportDraft
	// NoticeID is the notice the confirmed import stored (0 before), and
	// ConfirmedAt when: the draft is then read-only.
	NoticeID    int64
	ConfirmedAt time.Time
}

// Confirmed reports whether the draft was confirmed and is now the
// import's read-only record.
func (sd *SavedDraft) Confirmed() bool { return sd.NoticeID != 0 }

// ErrImportConfirmed refuses a change to a confirmed import; it is a
// domain.ErrConflict.
var ErrImportConfirmed error = confirmedError{}

type confirmedError struct{}

func (confirmedError) Error() string {
	return "Văn bản này đã được nhập: trang này là bản ghi của lần nhập và không sửa được nữa (sửa thông báo và nhiệm vụ trên trang của chúng)."
}

func (confirmedError) Is(target error) bool { return target == domain.ErrConflict }

// SaveImportDraft stores a new draft (ID 0) or the corrected version of one
// (optimistic locking on Version). A confirmed draft is refused.
func (s *Service) SaveImportDraft(ctx context.Context, actor *domain.User, sd *SavedDraft) error {
	if err := needManage(actor); err != nil {
		return err
	}
	if sd.Confirmed() {
		return ErrImportConfirmed
	}
	b, err := json.Marshal(sd.Draft)
	if err != nil {
		return fmt.Errorf("save import draft: %w", err)
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		row := &store.ImportDraftRow{ID: sd.ID, OrgID: actor.OrgID, UserID: actor.ID, Source: sd.Draft.Source, Data: string(b), Version: sd.Version}
		if sd.ID == 0 {
			if err := tx.CreateImportDraft(ctx, row); err != nil {
				return err
			}
		} else if err := tx.UpdateImportDraft(ctx, row); err != nil {
			return err
		}
		sd.ID, sd.Version = row.ID, row.Version
		return nil
	})
}

// ImportDraftByID loads a stored draft, or the record of a confirmed
// import, of the actor's organisation.
func (s *Service) ImportDraftByID(ctx context.Context, actor *domain.User, id int64) (*SavedDraft, error) {
	if err := needManage(actor); err != nil {
		return nil, err
	}
	row, err := s.st.ImportDraft(ctx, actor.OrgID, id)
	if err != nil {
		return nil, err
	}
	sd := &SavedDraft{ID: row.ID, Version: row.Version, NoticeID: row.NoticeID, ConfirmedAt: row.ConfirmedAt}
	if err := json.Unmarshal([]byte(row.Data), &sd.Draft); err != nil {
		return nil, fmt.Errorf("load import draft %d: %w", id, err)
	}
	return sd, nil
}

// ImportOfNotice returns the id of the import record a notice was stored
// by, or 0 for a notice entered otherwise (admin or Office).
func (s *Service) ImportOfNotice(ctx context.Context, actor *domain.User, noticeID int64) (int64, error) {
	if err := needManage(actor); err != nil {
		return 0, err
	}
	return s.st.ImportDraftOfNotice(ctx, actor.OrgID, noticeID)
}

// ConfirmSavedDraft stores the reviewed draft (see ConfirmImport) and, in
// the same transaction, keeps the draft as the import's read-only record:
// what was read, what was decided, and which notice and tasks it became.
// A draft another tab saved or confirmed meanwhile is a conflict, and
// nothing is stored.
func (s *Service) ConfirmSavedDraft(ctx context.Context, actor *domain.User, sd *SavedDraft, meetingID, blockID int64) (*ImportResult, error) {
	if sd.Confirmed() {
		return nil, ErrImportConfirmed
	}
	var version int
	res, err := s.confirmImport(ctx, actor, &sd.Draft, meetingID, blockID, func(tx *store.Tx, res *ImportResult) error {
		b, err := json.Marshal(sd.Draft)
		if err != nil {
			return fmt.Errorf("save import record: %w", err)
		}
		row := &store.ImportDraftRow{ID: sd.ID, OrgID: actor.OrgID, Data: string(b), Version: sd.Version, NoticeID: res.NoticeID}
		if err := tx.ConfirmImportDraft(ctx, row); err != nil {
			return err
		}
		version = row.Version
		return tx.Audit(ctx, actor, "confirm", "import", sd.ID, nil, map[string]any{"NoticeID": res.NoticeID, "tasks": res.Tasks,
			"expanded": res.Expanded, "waiting": res.Waiting, "unassigned": res.Unassigned, "skipped": res.Skipped})
	})
	if err != nil {
		return nil, err
	}
	sd.NoticeID, sd.Version, sd.ConfirmedAt = res.NoticeID, version, s.Now()
	return res, nil
}

// ResolveDraftUnits resolves the draft's unresolved names again, after the
// Office added units or aliases to the directory. It fails only when the
// directory cannot be read.
func (s *Service) ResolveDraftUnits(ctx context.Context, actor *domain.User, sd *SavedDraft) error {
	r, err := s.UnitResolver(ctx, actor)
	if err != nil {
		return err
	}
	d := &sd.Draft
	units := draftUnits{r: r}
	for i := range d.Tasks {
		t := &d.Tasks[i]
		had := len(t.UnresolvedLead)
		t.UnresolvedLead, t.Lead, t.LeadGroups = units.resolve(t.UnresolvedLead, t.Lead, t.LeadGroups)
		t.UnresolvedSupport, t.Support, t.SupportGroups = units.resolve(t.UnresolvedSupport, t.Support, t.SupportGroups)
		if len(t.UnresolvedLead) < had {
			// The Office named the unit: what it said is sure.
			t.Confidence.UnitsRule, t.Confidence.Units = "office", importer.Sure
			t.rateUnits()
		}
	}
	d.Unresolved = units.unresolved
	return nil
}
