package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
)

func TestDashboard(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		// Yte's tasks were last touched 20 days ago; today is 1 March 2023.
		today := e.Clock.Now()
		e.Clock.Set(today.AddDate(0, 0, -20))
		e.task("Nhiệm vụ y tế quá hạn lâu", []int64{e.Unit2.ID}, dateDeadline("2023-02-05"))
		e.Clock.Set(today)
		e.task("Nhiệm vụ giáo dục quá hạn ít", []int64{e.Unit1.ID}, dateDeadline("2023-02-25"))
		e.task("Nhiệm vụ giáo dục còn hạn", []int64{e.Unit1.ID}, dateDeadline("2023-05-01"))
		done := e.task("Nhiệm vụ giáo dục đã xong", []int64{e.Unit1.ID}, dateDeadline("2023-03-10"))
		_, err := e.Service.AddReport(ctx, e.Unit1User, done.ID, app.ReportInput{Body: "Xong", Completion: true})
		apptest.Must(t, err)

		leader := e.login("lanhdao")
		code, body, _ := leader.get("/")
		if code != http.StatusOK {
			t.Fatalf("dashboard: %d", code)
		}
		for _, want := range []string{`<b>4</b>Tổng số nhiệm vụ`, `<b>2</b>Đang thực hiện quá hạn`, `<b>1</b>Đã hoàn thành đúng hạn`,
			`href="/tasks?status=overdue"`, "<svg", "tk-stale"} {
			if !strings.Contains(body, want) {
				t.Errorf("dashboard lacks %q", want)
			}
		}
		long, short := strings.Index(body, "Nhiệm vụ y tế quá hạn lâu"), strings.Index(body, "Nhiệm vụ giáo dục quá hạn ít")
		if long < 0 || short < 0 || long > short {
			t.Errorf("the most overdue task is not listed first (%d, %d)", long, short)
		}
		if !strings.Contains(body, "<b>24</b>") {
			t.Errorf("24 days overdue not shown for the 5 February task")
		}
		// The unit table sorts by last update: yte (20 days) before gddt.
		_, body, _ = leader.get("/?sort=last_update")
		table := body[strings.Index(body, `class="tk-units"`):]
		if y, g := strings.Index(table, "Phòng Y tế"), strings.Index(table, "Phòng Giáo dục và Đào tạo"); y < 0 || g < 0 || y > g {
			t.Errorf("sort=last_update: Phòng Y tế (20 days) should come first")
		}
		_, body, _ = leader.get("/?sort=name")
		table = body[strings.Index(body, `class="tk-units"`):]
		if y, g := strings.Index(table, "Phòng Y tế"), strings.Index(table, "Phòng Giáo dục và Đào tạo"); y < 0 || g < 0 || g > y {
			t.Errorf("sort=name: Phòng Giáo dục và Đào tạo should come first")
		}
		// A period filter narrows the counts.
		if _, body, _ := leader.get("/?from=2023-02-20&to=2023-03-31"); !strings.Contains(body, `<b>2</b>Tổng số nhiệm vụ`) {
			t.Errorf("due-date filter not applied to the counts")
		}
		if code, body, _ := leader.get("/?from=31/02/2023"); code != http.StatusUnprocessableEntity || !strings.Contains(body, "không có trên lịch") {
			t.Errorf("bad filter date: %d", code)
		}
		// A unit sees its own figures only.
		_, body, _ = e.login("gddt").get("/")
		if strings.Contains(body, "Nhiệm vụ y tế quá hạn lâu") || !strings.Contains(body, `<b>3</b>Tổng số nhiệm vụ`) {
			t.Errorf("gddt's dashboard shows another unit's task or wrong totals")
		}
	})
}
