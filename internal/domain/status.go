package domain

// Status is a task's standing, always computed from its dates and reports,
// never typed in. The buckets are those the Government Office reports in.
type Status string

// The status buckets.
const (
	StatusDoneOnTime Status = "done_on_time" // đã hoàn thành đúng hạn
	StatusDoneLate   Status = "done_late"    // đã hoàn thành quá hạn
	StatusOpen       Status = "open"         // đang thực hiện trong hạn
	StatusDueSoon    Status = "due_soon"     // đang thực hiện, sắp đến hạn
	StatusOverdue    Status = "overdue"      // đang thực hiện quá hạn
)

// Statuses lists the buckets in the order pages show them.
var Statuses = []Status{StatusOverdue, StatusDueSoon, StatusOpen, StatusDoneLate, StatusDoneOnTime}

// Label is the Vietnamese name of the bucket.
func (s Status) Label() string {
	switch s {
	case StatusDoneOnTime:
		return "Đã hoàn thành đúng hạn"
	case StatusDoneLate:
		return "Đã hoàn thành quá hạn"
	case StatusOpen:
		return "Đang thực hiện trong hạn"
	case StatusDueSoon:
		return "Sắp đến hạn"
	case StatusOverdue:
		return "Đang thực hiện quá hạn"
	}
	return string(s)
}

// Done reports whether the bucket is one of the two completed ones.
func (s Status) Done() bool { return s == StatusDoneOnTime || s == StatusDoneLate }

// ParseStatus accepts a bucket's code; ok is false for anything else.
func ParseStatus(s string) (Status, bool) {
	for _, st := range Statuses {
		if string(st) == s {
			return st, true
		}
	}
	return "", false
}

// ComputeStatus is the one rule for a task's bucket. due is the effective due day
// (after approved extensions; zero when the task has none), done the day its
// completion was reported (zero while open), today the current day in
// Asia/Ho_Chi_Minh, and soonDays the window of "sắp đến hạn" (0 turns it off).
//
// A task is on time when done on or before its due day; open tasks are overdue
// from the day after the due day. The SQL in the storage layer mirrors this
// function (StatusSQL) and a test keeps the two in step.
func ComputeStatus(due, done, today Date, soonDays int) Status {
	if !done.IsZero() {
		if due.IsZero() || !done.After(due) {
			return StatusDoneOnTime
		}
		return StatusDoneLate
	}
	if due.IsZero() {
		return StatusOpen
	}
	if due.Before(today) {
		return StatusOverdue
	}
	if soonDays > 0 && due.Sub(today) < soonDays {
		return StatusDueSoon
	}
	return StatusOpen
}

// DaysOverdue is how many days past due an open task is, or a done task was when
// finished; 0 when it is not late.
func DaysOverdue(due, done, today Date) int {
	if due.IsZero() {
		return 0
	}
	end := today
	if !done.IsZero() {
		end = done
	}
	if n := end.Sub(due); n > 0 {
		return n
	}
	return 0
}
