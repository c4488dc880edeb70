package app

import (
	"context"
	"regexp"
	"slices"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

var clock = regexp.MustCompile(`^([01]?\d|2[0-3])[:hg]([0-5]\d)$`)

func (s *Service) validateMeeting(ctx context.Context, actor *domain.User, m *domain.Meeting) error {
	var err error
	m.OrgID = actor.OrgID
	if m.Title, err = cleanText("Tên hội nghị", m.Title, true, 500); err != nil {
		return err
	}
	if !m.Date.Valid() {
		return invalid("ngày họp không hợp lệ")
	}
	if m.Time != "" {
		if !clock.MatchString(m.Time) {
			return invalid("giờ họp %q không hợp lệ (ví dụ 07:30)", m.Time)
		}
	}
	valid := false
	for _, p := range domain.PeriodKinds {
		valid = valid || p == m.Period
	}
	if !valid {
		return invalid("kỳ giao ban không hợp lệ")
	}
	if m.PeriodYear == 0 {
		m.PeriodYear = m.Date.Year
	}
	limits := map[domain.PeriodKind]int{domain.PeriodMonth: 12, domain.PeriodQuarter: 4, domain.PeriodHalf: 2}
	if max, ok := limits[m.Period]; ok && (m.PeriodNo < 1 || m.PeriodNo > max) {
		return invalid("số kỳ phải từ 1 đến %d", max)
	}
	if _, ok := limits[m.Period]; !ok {
		m.PeriodNo = 0
	}
	for _, f := range []struct {
		name string
		v    *string
		max  int
	}{{"Địa điểm", &m.Place, 500}, {"Chủ trì", &m.Chair, 300}, {"Thành phần", &m.Attendees, 20000}, {"Chương trình", &m.Agenda, 20000}} {
		if *f.v, err = cleanText(f.name, *f.v, false, f.max); err != nil {
			return err
		}
	}
	units, err := s.st.Units(ctx, actor.OrgID)
	if err != nil {
		return err
	}
	known := map[int64]bool{}
	for _, u := range units {
		known[u.ID] = true
	}
	for _, id := range m.UnitIDs {
		if !known[id] {
			return invalid("đơn vị dự họp không tồn tại")
		}
	}
	if len(m.GroupIDs) > 0 {
		groups, err := s.st.Groups(ctx, actor.OrgID)
		if err != nil {
			return err
		}
		for _, id := range m.GroupIDs {
			if !slices.ContainsFunc(groups, func(g domain.Group) bool { return g.ID == id }) {
				return invalid("nhóm đơn vị dự họp không tồn tại")
			}
		}
	}
	if m.BlockID != 0 {
		if err := s.checkBlock(ctx, actor.OrgID, m.BlockID); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) checkBlock(ctx context.Context, orgID, id int64) error {
	bs, err := s.st.Blocks(ctx, orgID)
	if err != nil {
		return err
	}
	for _, b := range bs {
		if b.ID == id {
			return nil
		}
	}
	return invalid("khối không tồn tại")
}

// CreateMeeting records a meeting (admin or Office).
func (s *Service) CreateMeeting(ctx context.Context, actor *domain.User, m *domain.Meeting) error {
	if err := needManage(actor); err != nil {
		return err
	}
	if err := s.validateMeeting(ctx, actor, m); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateMeeting(ctx, m); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "create", "meeting", m.ID, nil, m)
	})
}

// UpdateMeeting saves a meeting under optimistic locking (admin or Office).
func (s *Service) UpdateMeeting(ctx context.Context, actor *domain.User, m *domain.Meeting) error {
	if err := needManage(actor); err != nil {
		return err
	}
	before, err := s.st.Meeting(ctx, actor.OrgID, m.ID)
	if err != nil {
		return err
	}
	if err := s.validateMeeting(ctx, actor, m); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.UpdateMeeting(ctx, m); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "update", "meeting", m.ID, before, m)
	})
}

// Meeting returns one meeting; every signed-in user may read meetings.
func (s *Service) Meeting(ctx context.Context, actor *domain.User, id int64) (*domain.Meeting, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	return s.st.Meeting(ctx, actor.OrgID, id)
}

// Meetings lists meetings of the actor's organisation.
func (s *Service) Meetings(ctx context.Context, actor *domain.User, f store.MeetingFilter) ([]domain.Meeting, int, error) {
	if err := needUser(actor); err != nil {
		return nil, 0, err
	}
	f.OrgID = actor.OrgID
	return s.st.Meetings(ctx, f)
}
