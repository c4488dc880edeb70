package web

import (
	"fmt"
	"strings"

	"giaoban/internal/app"
	"giaoban/internal/domain"
)

// The dashboard's two charts, drawn as SVG by the templates from the
// geometry computed here: each unit's completion as a stacked bar, and the
// number of overdue tasks over time.

// Chart geometry, in the SVG's own units (it scales to the page width).
const (
	chartLabelW = 250
	chartBarW   = 470
	chartRowH   = 22
)

// chartBar is one unit's stacked bar in the completion chart.
type chartBar struct {
	Y     int
	Label string
	Total int
	Segs  []chartSeg
}

type chartSeg struct {
	X, W  float64
	N     int
	Class string
}

type chart struct {
	Height int
	Bars   []chartBar
}

// completionChart draws each unit's tasks as one bar of 100 %, split into
// done on time, done late, open in time and overdue.
func completionChart(units []unitLine) chart {
	c := chart{Height: len(units)*chartRowH + 4}
	for i, u := range units {
		b := chartBar{Y: i*chartRowH + 2, Label: shorten(u.Name, 36), Total: u.Assigned}
		x := float64(chartLabelW)
		for _, part := range []struct {
			n     int
			class string
		}{{u.DoneOnTime, "done_on_time"}, {u.DoneLate, "done_late"}, {u.Open, "open"}, {u.Overdue, "overdue"}} {
			if part.n == 0 || u.Assigned == 0 {
				continue
			}
			w := float64(chartBarW) * float64(part.n) / float64(u.Assigned)
			b.Segs = append(b.Segs, chartSeg{X: x, W: w, N: part.n, Class: part.class})
			x += w
		}
		c.Bars = append(c.Bars, b)
	}
	return c
}

// Geometry of the overdue-over-time chart, in the SVG's own units.
const (
	trendLeft   = 44  // x of the value axis
	trendRight  = 760 // x of the last point
	trendTop    = 24  // y of the highest tick
	trendBottom = 170 // y of zero
	trendHeight = 196 // the whole drawing, month labels included
)

// trendChart is the dashboard's line chart of overdue tasks over time. Every
// point carries its value in text and the last one is set in bold and
// repeated in the caption, so that the chart reads the same printed in black
// and white.
type trendChart struct {
	Height  int
	Line    string // the points of the overdue line
	Area    string // the points of the area under it
	Ticks   []trendTick
	Dots    []trendDot
	Last    trendDot
	LastDay domain.Date
	Today   bool // the last point is today's
}

type trendTick struct{ Y, N int }

type trendDot struct {
	X, Y   int
	Bottom int // y of the axis, under which the label goes
	N      int
	Label  string // T1/2024 for a month, "Hôm nay" or the day for the newest point
	Last   bool
}

// overdueTrend draws the points of app.Service.OverdueTrend; nil when there
// are none.
func overdueTrend(points []app.TrendPoint, today domain.Date) *trendChart {
	if len(points) == 0 {
		return nil
	}
	top := 0
	for _, p := range points {
		top = max(top, p.Overdue)
	}
	step := niceStep(top)
	top = max((top+step-1)/step*step, step)
	c := &trendChart{Height: trendHeight}
	y := func(n int) int { return trendBottom - n*(trendBottom-trendTop)/top }
	for n := 0; n <= top; n += step {
		c.Ticks = append(c.Ticks, trendTick{Y: y(n), N: n})
	}
	var line []string
	for i, p := range points {
		x := (trendLeft + trendRight) / 2
		if len(points) > 1 {
			x = trendLeft + 16 + i*(trendRight-trendLeft-16)/(len(points)-1)
		}
		d := trendDot{X: x, Y: y(p.Overdue), Bottom: trendBottom, N: p.Overdue, Last: i == len(points)-1}
		switch {
		case p.Month:
			d.Label = fmt.Sprintf("T%d/%d", p.Day.Month, p.Day.Year)
		case p.Day == today:
			d.Label = "Hôm nay"
		default:
			d.Label = fmt.Sprintf("%d/%d", p.Day.Day, p.Day.Month)
		}
		c.Dots = append(c.Dots, d)
		line = append(line, fmt.Sprintf("%d,%d", d.X, d.Y))
	}
	first, last := c.Dots[0], c.Dots[len(c.Dots)-1]
	c.Line = strings.Join(line, " ")
	c.Area = fmt.Sprintf("%d,%d %s %d,%d", first.X, trendBottom, c.Line, last.X, trendBottom)
	c.Last, c.LastDay, c.Today = last, points[len(points)-1].Day, points[len(points)-1].Day == today
	return c
}

// niceStep is a tick spacing of 1, 2 or 5 times a power of ten that cuts
// 0..top into at most five steps.
func niceStep(top int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if top <= 5*m*p {
				return m * p
			}
		}
	}
}
