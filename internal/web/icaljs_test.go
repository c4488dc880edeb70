package web

import (
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"giaoban/internal/apptest"
	"giaoban/internal/store"
)

// icalJS finds the ical.js package (the parser Mozilla's calendar uses),
// installed from npm by .ci/run into GIAOBAN_ICALJS. Without it the test is
// skipped on a developer's machine and fails in CI.
func icalJS(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("GIAOBAN_ICALJS")
	if dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "dist", "ical.es5.cjs")); err == nil {
			if _, err := exec.LookPath("node"); err == nil {
				return dir
			}
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("ical.js not found: set GIAOBAN_ICALJS to an npm-installed ical.js (see .ci/run)")
	}
	t.Skip("ical.js not installed (npm install ical.js; GIAOBAN_ICALJS=…/node_modules/ical.js)")
	return ""
}

// TestCalendarFeedInICalJS parses a feed with a real calendar library.
func TestCalendarFeedInICalJS(t *testing.T) {
	lib := icalJS(t)
	e := newExportFixture(apptest.New(t, store.SQLite), Options{})
	anon := e.anon()
	path := newCalendarLink(t, e.login("lanhdao"), url.Values{})
	_, data := anon.getResp(path)
	file := filepath.Join(t.TempDir(), "feed.ics")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
const ICAL = require(process.argv[1] + "/dist/ical.es5.cjs");
const text = require("fs").readFileSync(process.argv[2], "utf8");
const cal = new ICAL.Component(ICAL.parse(text));
const out = cal.getAllSubcomponents("vevent").map(c => {
  const ev = new ICAL.Event(c);
  return {uid: ev.uid, summary: ev.summary, start: ev.startDate.toString(), allDay: ev.startDate.isDate,
          days: ev.endDate.subtractDate(ev.startDate).days, url: c.getFirstPropertyValue("url")};
});
console.log(JSON.stringify({name: cal.getFirstPropertyValue("x-wr-calname"), events: out}));`
	out, err := exec.Command("node", "-e", script, lib, file).CombinedOutput()
	if err != nil {
		t.Fatalf("ical.js could not parse the feed: %v\n%s", err, out)
	}
	var got struct {
		Name   string
		Events []struct {
			UID, Summary, Start, URL string
			AllDay                   bool
			Days                     int
		}
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(got.Events) != 2 {
		t.Fatalf("ical.js reads %d events, want 2: %s", len(got.Events), out)
	}
	var starts []string
	for _, ev := range got.Events {
		starts = append(starts, ev.Start)
		if !ev.AllDay || ev.Days != 1 || ev.UID == "" || !strings.HasPrefix(ev.URL, e.srv.URL+"/tasks/") {
			t.Errorf("event %+v: want an all-day, one-day event with a UID and the task's link", ev)
		}
	}
	sort.Strings(starts)
	want := []string{e.late.DueOn.String(), e.open.DueOn.String()}
	sort.Strings(want)
	if strings.Join(starts, ",") != strings.Join(want, ",") {
		t.Errorf("event days %v, want the tasks' due days %v", starts, want)
	}
	// Vietnamese survives the round trip, folding and escaping included.
	summaries := got.Events[0].Summary + "\n" + got.Events[1].Summary
	if !strings.Contains(summaries, textLate) || !strings.Contains(summaries, "[QUÁ HẠN") {
		t.Errorf("summaries %q lack the overdue task's text %q", summaries, textLate)
	}
	if got.Name == "" {
		t.Errorf("calendar has no name")
	}
}
