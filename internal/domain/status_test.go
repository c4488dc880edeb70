package domain

import (
	"errors"
	"testing"
	"time"
)

func d(s string) Date {
	if s == "" {
		return Date{}
	}
	return MustDate(s)
}

func TestComputeStatus(t *testing.T) {
	tests := []struct {
		name             string
		due, done, today string
		soon             int
		want             Status
	}{
		{"no deadline, open", "", "", "2023-03-01", 7, StatusOpen},
		{"no deadline, done", "", "2023-03-01", "2023-03-05", 7, StatusDoneOnTime},
		{"done on the due day is on time", "2023-03-15", "2023-03-15", "2023-04-01", 7, StatusDoneOnTime},
		{"done the day after is late", "2023-03-15", "2023-03-16", "2023-04-01", 7, StatusDoneLate},
		{"open on the due day is not overdue", "2023-03-15", "", "2023-03-15", 0, StatusOpen},
		{"open the day after the due day is overdue", "2023-03-15", "", "2023-03-16", 7, StatusOverdue},
		{"due in 6 days with a 7-day window is due soon", "2023-03-15", "", "2023-03-09", 7, StatusDueSoon},
		{"due in 7 days with a 7-day window is open", "2023-03-15", "", "2023-03-08", 7, StatusOpen},
		{"due today is due soon", "2023-03-15", "", "2023-03-15", 7, StatusDueSoon},
		{"window 0 turns due soon off", "2023-03-15", "", "2023-03-14", 0, StatusOpen},
		{"leap day", "2024-02-29", "", "2024-03-01", 7, StatusOverdue},
		{"year end", "2023-12-31", "2024-01-01", "2024-01-01", 7, StatusDoneLate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ComputeStatus(d(tt.due), d(tt.done), d(tt.today), tt.soon); got != tt.want {
				t.Errorf("ComputeStatus(due %s, done %s, today %s) = %s, want %s", tt.due, tt.done, tt.today, got, tt.want)
			}
		})
	}
}

func TestTodayIsVietnamese(t *testing.T) {
	tests := []struct {
		utc  string
		want string
	}{
		{"2023-03-15T16:59:59Z", "2023-03-15"}, // 23:59:59 in Hà Nội
		{"2023-03-15T17:00:00Z", "2023-03-16"}, // midnight in Hà Nội
		{"2023-12-31T17:00:00Z", "2024-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.utc, func(t *testing.T) {
			ts, _ := time.Parse(time.RFC3339, tt.utc)
			if got := Today(ts).String(); got != tt.want {
				t.Errorf("Today(%s) = %s, want %s", tt.utc, got, tt.want)
			}
		})
	}
	// A task due on 15/3 becomes overdue at midnight Hà Nội time, not UTC.
	due := d("2023-03-15")
	before, _ := time.Parse(time.RFC3339, "2023-03-15T16:59:00Z")
	after, _ := time.Parse(time.RFC3339, "2023-03-15T17:01:00Z")
	if s := ComputeStatus(due, Date{}, Today(before), 0); s != StatusOpen {
		t.Errorf("23:59 on the due day: %s", s)
	}
	if s := ComputeStatus(due, Date{}, Today(after), 0); s != StatusOverdue {
		t.Errorf("00:01 the next day: %s", s)
	}
}

func TestDeadlineDue(t *testing.T) {
	tests := []struct {
		name     string
		dl       Deadline
		reported string
		want     string
	}{
		{"none", Deadline{Kind: DeadlineNone}, "", ""},
		{"date", Deadline{Kind: DeadlineDate, Date: d("2023-07-15")}, "", "2023-07-15"},
		{"month: trong tháng 9/2023", Deadline{Kind: DeadlineMonth, Date: d("2023-09-01")}, "", "2023-09-30"},
		{"month: February of a leap year", Deadline{Kind: DeadlineMonth, Date: d("2024-02-10")}, "", "2024-02-29"},
		{"month: February of a common year", Deadline{Kind: DeadlineMonth, Date: d("2023-02-10")}, "", "2023-02-28"},
		{"quarter III/2024", Deadline{Kind: DeadlineQuarter, Date: d("2024-08-01")}, "", "2024-09-30"},
		{"quarter IV", Deadline{Kind: DeadlineQuarter, Date: d("2024-10-01")}, "", "2024-12-31"},
		{"monthly on the 20th, first period", Deadline{Kind: DeadlineRecurring, Every: EveryMonth, Day: 20, Date: d("2023-03-01")}, "", "2023-03-20"},
		{"monthly, first period already past its day", Deadline{Kind: DeadlineRecurring, Every: EveryMonth, Day: 20, Date: d("2023-03-25")}, "", "2023-04-20"},
		{"monthly, after reporting March", Deadline{Kind: DeadlineRecurring, Every: EveryMonth, Day: 20, Date: d("2023-03-01")}, "2023-03-20", "2023-04-20"},
		{"monthly on the 31st clamps to month end", Deadline{Kind: DeadlineRecurring, Every: EveryMonth, Day: 31, Date: d("2023-02-01")}, "", "2023-02-28"},
		{"monthly on the 31st after February", Deadline{Kind: DeadlineRecurring, Every: EveryMonth, Day: 31, Date: d("2023-02-01")}, "2023-02-28", "2023-03-31"},
		{"quarterly on the 15th of the quarter's last month", Deadline{Kind: DeadlineRecurring, Every: EveryQuarter, Day: 15, Date: d("2023-04-02")}, "", "2023-06-15"},
		{"quarterly after Q4 rolls into the next year", Deadline{Kind: DeadlineRecurring, Every: EveryQuarter, Day: 15, Date: d("2023-01-01")}, "2023-12-15", "2024-03-15"},
		{"yearly", Deadline{Kind: DeadlineRecurring, Every: EveryYear, Day: 15, Date: d("2023-01-01")}, "2023-12-15", "2024-12-15"},
		{"event not yet happened", Deadline{Kind: DeadlineEvent, Event: "UBND tỉnh ban hành kế hoạch"}, "", ""},
		{"event happened, 10 days after", Deadline{Kind: DeadlineEvent, Event: "UBND tỉnh ban hành kế hoạch", EventDate: d("2023-05-25"), EventDays: 10}, "", "2023-06-04"},
		{"event happened, immediately", Deadline{Kind: DeadlineEvent, Event: "x", EventDate: d("2023-05-25")}, "", "2023-05-25"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.dl.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			if got := tt.dl.Due(d(tt.reported)).String(); got != tt.want {
				t.Errorf("Due = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTaskRefreshWithExtension(t *testing.T) {
	tests := []struct {
		name     string
		dl       Deadline
		extended string
		want     string
	}{
		{"extension moves a date later", Deadline{Kind: DeadlineDate, Date: d("2023-07-15")}, "2023-08-15", "2023-08-15"},
		{"no extension", Deadline{Kind: DeadlineDate, Date: d("2023-07-15")}, "", "2023-07-15"},
		{"extension dates an undated task", Deadline{Kind: DeadlineNone}, "2023-08-15", "2023-08-15"},
		{"an earlier extension never shortens the deadline", Deadline{Kind: DeadlineDate, Date: d("2023-07-15")}, "2023-07-01", "2023-07-15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			task := Task{Deadline: tt.dl, ExtendedTo: d(tt.extended)}
			task.Refresh()
			if got := task.DueOn.String(); got != tt.want {
				t.Errorf("DueOn = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDeadlineValidate(t *testing.T) {
	bad := []Deadline{
		{Kind: DeadlineDate},
		{Kind: DeadlineDate, Date: Date{2023, 2, 30}},
		{Kind: DeadlineRecurring, Every: "week", Day: 1},
		{Kind: DeadlineRecurring, Every: EveryMonth, Day: 0},
		{Kind: DeadlineRecurring, Every: EveryMonth, Day: 32},
		{Kind: DeadlineEvent},
		{Kind: "someday"},
	}
	for _, dl := range bad {
		if err := dl.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("Validate(%+v) = %v, want ErrInvalid", dl, err)
		}
	}
}

// TestParseStored: a day already in the database is read whatever its
// year, so that no stored row becomes unreadable.
func TestParseStored(t *testing.T) {
	for in, ok := range map[string]bool{"1975-04-30": true, "2203-03-15": true, "2023-02-30": false, "15/7/2023": false, "": false} {
		if _, err := ParseStored(in); (err == nil) != ok {
			t.Errorf("ParseStored(%q) = %v, want ok=%v", in, err, ok)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"2023-07-15", "2023-07-15", true},
		{"15/7/2023", "2023-07-15", true},
		{"05/03/2023", "2023-03-05", true},
		{"15-7-2023", "2023-07-15", true},
		{"15.7.2023", "2023-07-15", true},
		{"", "", true},
		{"30/02/2023", "", false},
		{"29/02/2023", "", false},
		{"29/02/2024", "2024-02-29", true},
		{"2023-13-01", "", false},
		{"ngày mai", "", false},
		{"15/7", "", false},
		// A typing slip far from today is refused (years 1990–2100).
		{"15/3/2203", "", false},
		{"2203-03-15", "", false},
		{"31/12/1989", "", false},
		{"01/01/0023", "", false},
		{"1/1/1990", "1990-01-01", true},
		{"31/12/2100", "2100-12-31", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if (err == nil) != tt.ok {
				t.Fatalf("ParseDate(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrBadDate) {
				t.Errorf("error %v is not ErrBadDate", err)
			}
			if got.String() != tt.want {
				t.Errorf("ParseDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTaskValidate(t *testing.T) {
	tests := []struct {
		name string
		task Task
		ok   bool
	}{
		{"valid", Task{Text: "Làm báo cáo", Lead: []int64{1}}, true},
		{"empty text", Task{Text: "   ", Lead: []int64{1}}, false},
		{"no lead", Task{Text: "Làm báo cáo"}, false},
		{"lead also support", Task{Text: "Làm", Lead: []int64{1}, Support: []int64{1}}, false},
		{"non-UTF-8", Task{Text: "L\xe0m", Lead: []int64{1}}, false},
		{"bad percent", Task{Text: "Làm", Lead: []int64{1}, Percent: 101}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.task.Validate()
			if (err == nil) != tt.ok {
				t.Errorf("Validate = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}
