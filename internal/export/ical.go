package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"giaoban/internal/app"
	"giaoban/internal/domain"
)

// MIMECalendar is the media type of an iCalendar feed.
const MIMECalendar = "text/calendar; charset=utf-8"

// maxLine is RFC 5545's limit of a content line, in octets, without its CRLF.
const maxLine = 75

// WriteCalendar writes feed as an iCalendar (RFC 5545) object: one all-day
// event per task on its effective due day, titled with the task and, when it
// is late or done, its standing first. baseURL (no trailing slash) makes each
// event's link to its task page. Only w's errors are returned.
func WriteCalendar(w io.Writer, feed *app.CalendarFeed, baseURL string) error {
	c := &icalWriter{w: bufio.NewWriter(w)}
	name := feed.Name
	if feed.Unit != "" {
		name += " – " + feed.Unit
	}
	name += " (" + feed.Org.Name + ")"
	c.prop("BEGIN", "VCALENDAR")
	c.prop("VERSION", "2.0")
	c.prop("PRODID", "-//giaoban//Lich han nhiem vu//VI")
	c.prop("CALSCALE", "GREGORIAN")
	c.prop("METHOD", "PUBLISH")
	c.prop("NAME", text(name))
	c.prop("X-WR-CALNAME", text(name))
	c.prop("X-WR-TIMEZONE", "Asia/Ho_Chi_Minh")
	c.prop("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
	c.prop("X-PUBLISHED-TTL", "PT1H")
	stamp := utcStamp(feed.Now)
	for _, t := range feed.Tasks {
		c.prop("BEGIN", "VEVENT")
		c.prop("UID", fmt.Sprintf("task-%d-%d@giaoban", feed.Org.ID, t.ID))
		modified := stamp
		if !t.LastUpdateAt.IsZero() {
			modified = utcStamp(t.LastUpdateAt)
		}
		c.prop("DTSTAMP", modified)
		c.prop("LAST-MODIFIED", modified)
		c.prop("DTSTART;VALUE=DATE", icalDate(t.DueOn))
		c.prop("DTEND;VALUE=DATE", icalDate(t.DueOn.AddDays(1)))
		c.prop("SUMMARY", text(eventSummary(t)))
		c.prop("DESCRIPTION", text(eventDescription(t)))
		c.prop("CATEGORIES", text(t.Status.Label()))
		c.prop("URL", fmt.Sprintf("%s/tasks/%d", baseURL, t.ID))
		c.prop("TRANSP", "TRANSPARENT")
		c.prop("END", "VEVENT")
	}
	c.prop("END", "VCALENDAR")
	if c.err != nil {
		return c.err
	}
	return c.w.Flush()
}

// eventSummary is the event's title: the standing of a late or finished
// task first, then its text cut to a calendar's width.
func eventSummary(t app.ExportTask) string {
	prefix := ""
	switch t.Status {
	case domain.StatusOverdue:
		prefix = fmt.Sprintf("[QUÁ HẠN %d ngày] ", t.DaysOverdue)
	case domain.StatusDueSoon:
		prefix = "[Sắp đến hạn] "
	case domain.StatusDoneOnTime, domain.StatusDoneLate:
		prefix = "[Đã hoàn thành] "
	}
	s := strings.Join(strings.Fields(t.Text), " ")
	if utf8.RuneCountInString(s) > 160 {
		s = string([]rune(s)[:159]) + "…"
	}
	return prefix + s
}

// eventDescription is the event's body: the whole task and what a reader
// needs beside it.
func eventDescription(t app.ExportTask) string {
	lines := []string{t.Text, "", "Tình trạng: " + t.Status.Label()}
	if t.Leads != "" {
		lines = append(lines, "Đơn vị chủ trì: "+t.Leads)
	}
	if t.Supports != "" {
		lines = append(lines, "Đơn vị phối hợp: "+t.Supports)
	}
	if t.NoticeCode != "" {
		ref := "Văn bản giao: Thông báo số " + t.NoticeCode
		if !t.NoticeDate.IsZero() {
			ref += " ngày " + t.NoticeDate.VN()
		}
		lines = append(lines, ref)
	}
	lines = append(lines, "Thời hạn: "+t.Deadline.Describe())
	if note := taskNote(t); note != "" {
		lines = append(lines, strings.Split(note, "\n")...)
	}
	lines = append(lines, "Tình hình thực hiện: "+progress(t))
	return strings.Join(lines, "\n")
}

// icalDate is a DATE value: 20230315.
func icalDate(d domain.Date) string { return fmt.Sprintf("%04d%02d%02d", d.Year, d.Month, d.Day) }

// utcStamp is a DATE-TIME value in UTC: 20230301T020000Z.
func utcStamp(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// text escapes a TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma
// and line breaks.
func text(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\n', '\r':
			b.WriteString(`\n`)
		default:
			if r < 0x20 && r != '\t' || r == 0x7f {
				continue // control characters are not allowed in a TEXT value
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// icalWriter writes content lines, each ended by CRLF and folded so that no
// line is longer than 75 octets, never inside a UTF-8 sequence.
type icalWriter struct {
	w   *bufio.Writer
	err error
}

// prop writes "name:value"; name may carry parameters ("DTSTART;VALUE=DATE")
// and value must already be escaped.
func (c *icalWriter) prop(name, value string) {
	if c.err != nil {
		return
	}
	line := name + ":" + value
	var b strings.Builder
	n := 0
	for i := 0; i < len(line); {
		_, size := utf8.DecodeRuneInString(line[i:])
		if line[i] == '\\' && i+1 < len(line) {
			// Keep an escape ("\n", "\,") on one line: unfolding restores a
			// split one, but some calendar programs do not.
			_, next := utf8.DecodeRuneInString(line[i+1:])
			size += next
		}
		if n+size > maxLine {
			b.WriteString("\r\n ")
			n = 1 // the space that marks a folded line counts
		}
		b.WriteString(line[i : i+size])
		n += size
		i += size
	}
	b.WriteString("\r\n")
	_, c.err = c.w.WriteString(b.String())
}
