package domain

import (
	"fmt"
	"time"
)

// DeadlineKind is how a task's time limit (thời hạn) is expressed.
type DeadlineKind string

// The kinds of deadline the notices use.
const (
	DeadlineNone      DeadlineKind = "none"      // thường xuyên: no date
	DeadlineDate      DeadlineKind = "date"      // trước ngày 15/7/2023
	DeadlineMonth     DeadlineKind = "month"     // trong tháng 9/2023: the month's last day
	DeadlineQuarter   DeadlineKind = "quarter"   // trong quý III/2024: the quarter's last day
	DeadlineRecurring DeadlineKind = "recurring" // hàng tháng, hàng quý: the next due day is computed
	DeadlineEvent     DeadlineKind = "event"     // ngay sau khi UBND tỉnh ban hành kế hoạch: dated once the event happens
)

// Every is the period of a recurring deadline.
type Every string

// Recurring periods.
const (
	EveryMonth   Every = "month"
	EveryQuarter Every = "quarter"
	EveryYear    Every = "year"
)

// Deadline is a task's time limit as the notice states it.
type Deadline struct {
	Kind DeadlineKind `json:"kind"`
	// Date is the day for DeadlineDate, any day of the month for DeadlineMonth and
	// of the quarter for DeadlineQuarter, and the first occurrence for DeadlineRecurring.
	Date Date `json:"date"`
	// Every and Day describe a recurring deadline: due on day Day (clamped to the
	// month's end) of each month, or of each period's last month.
	Every Every `json:"every,omitempty"`
	Day   int   `json:"day,omitempty"`
	// Event describes what the task waits for; EventDate is set once it happened
	// and the task is then due EventDays days later.
	Event     string `json:"event,omitempty"`
	EventDate Date   `json:"event_date"`
	EventDays int    `json:"event_days,omitempty"`
}

// Validate returns a Vietnamese message for a deadline that cannot be tracked.
func (d Deadline) Validate() error {
	switch d.Kind {
	case DeadlineNone, "":
		return nil
	case DeadlineDate, DeadlineMonth, DeadlineQuarter:
		if !d.Date.Valid() {
			return fmt.Errorf("%w: thời hạn cần một ngày hợp lệ", ErrInvalid)
		}
	case DeadlineRecurring:
		if d.Every != EveryMonth && d.Every != EveryQuarter && d.Every != EveryYear {
			return fmt.Errorf("%w: thời hạn định kỳ cần chọn hàng tháng, hàng quý hoặc hàng năm", ErrInvalid)
		}
		if d.Day < 1 || d.Day > 31 {
			return fmt.Errorf("%w: ngày đến hạn trong kỳ phải từ 1 đến 31", ErrInvalid)
		}
		if !d.Date.IsZero() && !d.Date.Valid() {
			return fmt.Errorf("%w: ngày bắt đầu định kỳ không hợp lệ", ErrInvalid)
		}
	case DeadlineEvent:
		if d.Event == "" {
			return fmt.Errorf("%w: thời hạn theo sự kiện cần mô tả sự kiện", ErrInvalid)
		}
		if !d.EventDate.IsZero() && !d.EventDate.Valid() {
			return fmt.Errorf("%w: ngày xảy ra sự kiện không hợp lệ", ErrInvalid)
		}
		if d.EventDays < 0 || d.EventDays > 3650 {
			return fmt.Errorf("%w: số ngày sau sự kiện không hợp lệ", ErrInvalid)
		}
	default:
		return fmt.Errorf("%w: loại thời hạn %q không được hỗ trợ", ErrInvalid, d.Kind)
	}
	return nil
}

// Due is the day the deadline falls on, given that every occurrence of a
// recurring deadline up to (and including) reportedThrough has been reported.
// It is the zero Date when there is no date yet (none, or an event that has not
// happened).
func (d Deadline) Due(reportedThrough Date) Date {
	switch d.Kind {
	case DeadlineDate:
		return d.Date
	case DeadlineMonth:
		return MonthEnd(d.Date.Year, d.Date.Month)
	case DeadlineQuarter:
		return QuarterEnd(d.Date.Year, (int(d.Date.Month)-1)/3+1)
	case DeadlineRecurring:
		from := d.Date
		if !reportedThrough.IsZero() && !reportedThrough.Before(from) {
			from = reportedThrough.AddDays(1)
		}
		return d.NextOccurrence(from)
	case DeadlineEvent:
		if d.EventDate.IsZero() {
			return Date{}
		}
		return d.EventDate.AddDays(d.EventDays)
	}
	return Date{}
}

// NextOccurrence is the first due day of a recurring deadline on or after from.
func (d Deadline) NextOccurrence(from Date) Date {
	if from.IsZero() {
		return Date{}
	}
	step := 1
	switch d.Every {
	case EveryQuarter:
		step = 3
	case EveryYear:
		step = 12
	}
	y, m := from.Year, from.Month
	if step > 1 {
		// The period's last month: March, June, September, December for quarters;
		// December for years.
		m = time.Month(((int(m)-1)/step + 1) * step)
	}
	for i := 0; i < 4; i++ {
		day := d.Day
		if n := DaysIn(y, m); day > n {
			day = n
		}
		c := Date{y, m, day}
		if !c.Before(from) {
			return c
		}
		m += time.Month(step)
		for m > 12 {
			m -= 12
			y++
		}
	}
	return Date{}
}

// Describe is the deadline in the words of a notice ("trước ngày 15/07/2023").
func (d Deadline) Describe() string {
	switch d.Kind {
	case DeadlineDate:
		return "trước ngày " + d.Date.VN()
	case DeadlineMonth:
		return fmt.Sprintf("trong tháng %d/%d", d.Date.Month, d.Date.Year)
	case DeadlineQuarter:
		return fmt.Sprintf("trong quý %s/%d", Roman((int(d.Date.Month)-1)/3+1), d.Date.Year)
	case DeadlineRecurring:
		switch d.Every {
		case EveryQuarter:
			return fmt.Sprintf("hàng quý (ngày %d tháng cuối quý)", d.Day)
		case EveryYear:
			return fmt.Sprintf("hàng năm (ngày %d/12)", d.Day)
		}
		return fmt.Sprintf("hàng tháng (ngày %d)", d.Day)
	case DeadlineEvent:
		s := "sau khi " + d.Event
		if !d.EventDate.IsZero() {
			s += fmt.Sprintf(" (sự kiện ngày %s, hạn %d ngày)", d.EventDate.VN(), d.EventDays)
		}
		return s
	}
	return "thường xuyên"
}

// Roman writes 1–12 as Roman numerals, as quarter and section numbers are printed.
func Roman(n int) string {
	r := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}
	if n >= 1 && n < len(r) {
		return r[n]
	}
	return fmt.Sprint(n)
}
