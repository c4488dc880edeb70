package app

import (
	"context"
	"sort"
	"time"

	"giaoban/internal/auth"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// Calendar links are secret URLs a calendar program (Outlook, Google
// Calendar, a phone) subscribes to without logging in, so the secret is the
// only credential: it is stored hashed, shown once, and revocable.

// calendarPrefix marks calendar secrets, so that one pasted in the wrong
// place is recognisable.
const calendarPrefix = "cal_"

// CalendarDoneDays is how far back a calendar keeps completed tasks; open
// tasks stay whatever their age.
const CalendarDoneDays = 90

// CalendarLimit is the most events one feed holds.
const CalendarLimit = 5000

// CreateCalendarLink makes a secret calendar link for the actor and returns
// its secret, which is shown once and never stored. A unit user's link
// always shows their unit's tasks; anyone else may narrow it to unitID
// (0: every task they see). An unknown unit or a bad name is domain.ErrInvalid.
func (s *Service) CreateCalendarLink(ctx context.Context, actor *domain.User, name string, unitID int64) (string, error) {
	if err := needUser(actor); err != nil {
		return "", err
	}
	name, err := cleanText("Tên liên kết lịch", name, false, 100)
	if err != nil {
		return "", err
	}
	if name == "" {
		name = "Lịch hạn nhiệm vụ"
	}
	if !actor.SeesAll() {
		unitID = actor.UnitID
	}
	if unitID != 0 {
		dir, err := s.Directory(ctx, actor)
		if err != nil {
			return "", err
		}
		if dir.Unit(unitID) == nil {
			return "", invalid("đơn vị không có trong danh mục")
		}
	}
	secret, err := auth.NewToken()
	if err != nil {
		return "", err
	}
	secret = calendarPrefix + secret
	err = s.tx(ctx, func(tx *store.Tx) error {
		id, err := tx.CreateCalendarToken(ctx, actor.ID, unitID, name, auth.HashToken(secret))
		if err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "create", "calendar_link", id, nil, map[string]any{"name": name, "unit_id": unitID})
	})
	if err != nil {
		return "", err
	}
	return secret, nil
}

// CalendarLinks lists the actor's calendar links, revoked ones included.
func (s *Service) CalendarLinks(ctx context.Context, actor *domain.User) ([]store.CalendarToken, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	return s.st.CalendarTokens(ctx, actor.ID)
}

// RevokeCalendarLink revokes one of the actor's live calendar links; another
// user's link, or one already revoked, is domain.ErrNotFound.
func (s *Service) RevokeCalendarLink(ctx context.Context, actor *domain.User, id int64) error {
	if err := needUser(actor); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *store.Tx) error {
		if err := tx.RevokeCalendarToken(ctx, actor.ID, id); err != nil {
			return err
		}
		return tx.Audit(ctx, actor, "revoke", "calendar_link", id, nil, nil)
	})
}

// CalendarFeed is what one calendar link shows.
type CalendarFeed struct {
	Org   domain.Org
	User  domain.User
	Unit  string // the unit the link is narrowed to; "" for none
	Name  string // the link's name
	Today domain.Date
	Now   time.Time
	// Tasks are those with a due day: every open one, and those completed in
	// the last CalendarDoneDays days, by due day.
	Tasks []ExportTask
}

// CalendarFeed returns the feed of a calendar secret: the tasks its owner may
// see today (a unit user: their unit's tasks), narrowed to the link's unit.
// An unknown or revoked secret, or one whose owner is disabled, is
// domain.ErrNotFound, so that a feed's existence is not revealed.
func (s *Service) CalendarFeed(ctx context.Context, secret string) (*CalendarFeed, error) {
	if secret == "" {
		return nil, domain.ErrNotFound
	}
	hash := auth.HashToken(secret)
	u, link, err := s.st.CalendarByToken(ctx, hash)
	if err != nil {
		return nil, err
	}
	if err := s.tx(ctx, func(tx *store.Tx) error { return tx.TouchCalendarToken(ctx, link.ID) }); err != nil {
		return nil, err
	}
	dir, err := s.Directory(ctx, u)
	if err != nil {
		return nil, err
	}
	feed := &CalendarFeed{Org: dir.Org, User: *u, Unit: dir.UnitName(link.UnitID), Name: link.Name, Today: s.Today(), Now: s.Now()}
	open := store.TaskFilter{UnitID: link.UnitID, Sort: store.SortDue,
		Statuses: []domain.Status{domain.StatusOverdue, domain.StatusDueSoon, domain.StatusOpen}}
	done := store.TaskFilter{UnitID: link.UnitID, Sort: store.SortDue, DueFrom: feed.Today.AddDays(-CalendarDoneDays),
		Statuses: []domain.Status{domain.StatusDoneOnTime, domain.StatusDoneLate}}
	for _, f := range []store.TaskFilter{open, done} {
		list, err := s.ExportTasks(ctx, u, f, CalendarLimit-len(feed.Tasks))
		if err != nil {
			return nil, err
		}
		for _, t := range list.Tasks {
			if !t.DueOn.IsZero() {
				feed.Tasks = append(feed.Tasks, t)
			}
		}
		if len(feed.Tasks) >= CalendarLimit {
			break
		}
	}
	sort.SliceStable(feed.Tasks, func(i, j int) bool {
		if c := feed.Tasks[i].DueOn.Compare(feed.Tasks[j].DueOn); c != 0 {
			return c < 0
		}
		return feed.Tasks[i].ID < feed.Tasks[j].ID
	})
	return feed, nil
}
