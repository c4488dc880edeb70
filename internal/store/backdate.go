package store

import "time"

// At returns a view of tx whose clock reads at: rows it stamps (a report's
// created_at, a task's last_update_at) carry that instant. It exists for
// entering history — a completion reported on paper months ago — and shares
// tx's transaction, so it commits or rolls back with it.
func (tx *Tx) At(at time.Time) *Tx {
	c := *tx
	c.now = func() time.Time { return at }
	return &c
}
