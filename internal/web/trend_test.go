package web

import (
	"context"
	"giaoban/internal/apptest"
	"regexp"
	"strings"
	"testing"
)

// TestDashboardOverdueTrend takes the snapshots of an organisation with
// tasks that fell overdue over the past months and reads the chart off the
// leader's dashboard: a small SVG with Vietnamese month labels whose last,
// bold value is today's overdue count, also written out beneath it.
func TestDashboardOverdueTrend(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		// today is 1 March 2023
		ctx := context.Background()
		leader := e.login("lanhdao")
		if _, body, _ := leader.get("/"); strings.Contains(body, "overdue-trend") {
			t.Error("the chart is drawn before any snapshot was taken")
		}
		// One task entered on 1 January and overdue since, one entered today
		// already overdue, one in time.
		today := e.Clock.Now()
		e.Clock.Set(today.AddDate(0, -2, 0))
		e.task("Nhiệm vụ quá hạn một", []int64{e.Unit1.ID}, dateDeadline("2022-12-15"))
		e.Clock.Set(today)
		e.task("Nhiệm vụ quá hạn hai", []int64{e.Unit2.ID}, dateDeadline("2023-02-10"))
		e.task("Nhiệm vụ còn hạn", []int64{e.Unit2.ID}, dateDeadline("2023-06-30"))
		res, err := e.Service.TakeSnapshots(ctx)
		apptest.Must(t, err)
		if res.Orgs != 1 || res.Backfilled != 1 {
			t.Fatalf("snapshots: %+v", res)
		}
		_, body, _ := leader.get("/")
		i := strings.Index(body, `<section class="card" id="overdue-trend">`)
		if i < 0 {
			t.Fatal("the dashboard lacks the overdue chart")
		}
		sec := body[i:]
		sec = sec[:strings.Index(sec, "</section>")]
		if !strings.Contains(sec, "Số nhiệm vụ quá hạn theo thời gian") {
			t.Error("the chart has no title")
		}
		svg := sec[strings.Index(sec, "<svg"):]
		svg = svg[:strings.Index(svg, "</svg>")+len("</svg>")]
		if len(svg) >= 5<<10 {
			t.Errorf("the chart's SVG weighs %d bytes, want under 5 KB", len(svg))
		}
		for _, want := range []string{">T3/2022<", ">T2/2023<", ">Hôm nay<"} {
			if !strings.Contains(svg, want) {
				t.Errorf("the chart lacks the label %q", want)
			}
		}
		// Today's point is the last and is labelled with its value, in bold.
		last := regexp.MustCompile(`font-weight="bold" class="tk-trend-last">(\d+)<`).FindStringSubmatch(svg)
		if last == nil || last[1] != "2" {
			t.Errorf("the last value label = %v, want 2", last)
		}
		if !strings.Contains(sec, "Hôm nay: <b>2</b> nhiệm vụ đang thực hiện quá hạn") {
			t.Error("the caption does not state today's overdue count")
		}
		if n := strings.Count(svg, "<circle"); n != 13 {
			t.Errorf("%d points, want 12 month ends and today", n)
		}
		// A unit user, who sees only their unit's figures, gets no chart.
		if _, body, _ := e.login("gddt").get("/"); strings.Contains(body, "overdue-trend") {
			t.Error("a unit user sees the organisation's chart")
		}
		// The month ends are 0 before January, then 1: the value labels, in
		// order, are ten 0s, one 1 (end of January), one 1 (end of
		// February) and today's 2.
		var values []string
		for _, m := range regexp.MustCompile(`dy="-8"[^>]*>(\d+)<`).FindAllStringSubmatch(svg, -1) {
			values = append(values, m[1])
		}
		if got, want := strings.Join(values, " "), strings.Repeat("0 ", 10)+"1 1 2"; got != want {
			t.Errorf("point values = %s, want %s", got, want)
		}
	})
}
