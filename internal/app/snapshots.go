package app

import (
	"context"
	"fmt"
	"time"

	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// HistoryMonths is how many months back an organisation's first snapshots
// reach and the dashboard's "overdue over time" chart looks.
const HistoryMonths = 12

// SnapshotResult says what TakeSnapshots wrote.
type SnapshotResult struct {
	Day        domain.Date // the day of the snapshots taken
	Orgs       int         // organisations snapshotted
	Backfilled int         // of which had no history and got a year of it
}

// TakeSnapshots writes today's status snapshot of every organisation from
// the task counters, replacing one taken earlier today. An organisation
// without any snapshot first gets the ends of the HistoryMonths months before
// this one, reconstructed from its tasks (store.PastSnapshots says how
// closely), once. It is a system operation with no acting user, run by the
// job runner and by `giaoban jobs run snapshot`; running it again is harmless.
func (s *Service) TakeSnapshots(ctx context.Context) (SnapshotResult, error) {
	today := s.Today()
	res := SnapshotResult{Day: today}
	orgs, err := s.st.Orgs(ctx)
	if err != nil {
		return res, err
	}
	for _, o := range orgs {
		backfilled, err := s.snapshotOrg(ctx, o.ID, today)
		if err != nil {
			return res, fmt.Errorf("snapshot of organisation %d: %w", o.ID, err)
		}
		res.Orgs++
		if backfilled {
			res.Backfilled++
		}
	}
	return res, nil
}

// snapshotOrg writes the organisation's snapshot of today, and its history
// first when it has none; it reports whether it wrote the history.
func (s *Service) snapshotOrg(ctx context.Context, orgID int64, today domain.Date) (bool, error) {
	has, err := s.st.HasSnapshots(ctx, orgID)
	if err != nil {
		return false, err
	}
	var snaps []store.Snapshot
	if !has {
		if snaps, err = s.st.PastSnapshots(ctx, orgID, pastMonthEnds(today, HistoryMonths), s.opt.SoonDays); err != nil {
			return false, err
		}
	}
	counts, err := s.st.StatusCounts(ctx, store.TaskFilter{OrgID: orgID, Today: today, SoonDays: s.opt.SoonDays})
	if err != nil {
		return false, err
	}
	snaps = append(snaps, store.Snapshot{Day: today, Overdue: counts[domain.StatusOverdue], DueSoon: counts[domain.StatusDueSoon],
		Open: counts[domain.StatusOpen], DoneLate: counts[domain.StatusDoneLate], DoneOnTime: counts[domain.StatusDoneOnTime]})
	return !has, s.tx(ctx, func(tx *store.Tx) error { return tx.PutSnapshots(ctx, orgID, snaps) })
}

// pastMonthEnds is the last days of the n months before today's, oldest first.
func pastMonthEnds(today domain.Date, n int) []domain.Date {
	out := make([]domain.Date, 0, n)
	for i := n; i >= 1; i-- {
		y, m := addMonths(today.Year, today.Month, -i)
		out = append(out, domain.MonthEnd(y, m))
	}
	return out
}

// addMonths moves month m of year y by k months.
func addMonths(y int, m time.Month, k int) (int, time.Month) {
	i := y*12 + int(m) - 1 + k
	return i / 12, time.Month(i%12 + 1)
}

// TrendPoint is one point of the overdue-over-time chart: the snapshot of a
// month's last day, or of today.
type TrendPoint struct {
	store.Snapshot
	Month bool // the point stands for a past month (its last snapshot), not for today
}

// OverdueTrend is the organisation's history for the dashboard chart: the
// last snapshot of each of the HistoryMonths months before this one that has
// any, then the newest snapshot of this month. It reads status_snapshots
// only, an index range of about a year's rows. Unit users, who see only
// their unit's figures, get no points.
func (s *Service) OverdueTrend(ctx context.Context, actor *domain.User) ([]TrendPoint, error) {
	if err := needUser(actor); err != nil {
		return nil, err
	}
	if !actor.SeesAll() {
		return nil, nil
	}
	today := s.Today()
	y, m := addMonths(today.Year, today.Month, -HistoryMonths)
	snaps, err := s.st.Snapshots(ctx, actor.OrgID, domain.NewDate(y, m, 1), today)
	if err != nil {
		return nil, err
	}
	var out []TrendPoint
	for i, sn := range snaps {
		last := i+1 == len(snaps)
		if !last && snaps[i+1].Day.Year == sn.Day.Year && snaps[i+1].Day.Month == sn.Day.Month {
			continue // not the month's last snapshot
		}
		out = append(out, TrendPoint{Snapshot: sn, Month: sn.Day.Year != today.Year || sn.Day.Month != today.Month})
	}
	return out, nil
}
