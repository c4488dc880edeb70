package web

import (
	"context"
	"database/sql"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/apptest"
	"giaoban/internal/domain"
	"giaoban/internal/store"
)

// reviewSample is a notice whose assessment holds a direction the importer
// leaves out (it reads no tasks there), one task naming a unit the
// directory lacks, one led by the communes and one by "the units
// concerned", a collective name nobody has entered yet.
const reviewSample = `UBND HUYỆN THỬ NGHIỆM
VĂN PHÒNG
Số: %d/TB-VP
Thử Nghiệm, ngày 05 tháng 3 năm 2023
THÔNG BÁO
Kết luận của Phó Chủ tịch UBND huyện tại Hội nghị giao ban khối Văn hóa - Xã hội
Ngày 01/3/2023, Phó Chủ tịch UBND huyện Nguyễn Văn A đã chủ trì Hội nghị giao ban khối Văn hóa - Xã hội. Phó Chủ tịch UBND huyện kết luận như sau:
1. Kết quả thực hiện nhiệm vụ tháng 2
Các đơn vị đã hoàn thành cơ bản nhiệm vụ được giao. Phòng Y tế cần báo cáo số liệu tiêm chủng trước ngày 15/3/2023.
2. Nhiệm vụ trong thời gian tới
- Giao Phòng GD&ĐT chủ trì, Phòng Y tế phối hợp tham mưu kế hoạch y tế trường học, hoàn thành trước ngày 20/3/2023.
- Giao Phòng Tài nguyên và Môi trường rà soát hồ sơ đất trường học.
- Giao UBND các xã, thị trấn rà soát hộ nghèo, hộ cận nghèo trước ngày 30/3/2023.
- Giao các đơn vị có liên quan tuyên truyền phòng chống dịch bệnh mùa hè.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Trần Thị B
`

// missedTask is the direction reviewSample's assessment holds.
const missedTask = "Phòng Y tế cần báo cáo số liệu tiêm chủng trước ngày 15/3/2023."

// communes adds two communes and the group "UBND các xã, thị trấn" that
// the directory makes of them; it returns the communes' ids.
func communes(t *testing.T, e *env) []int64 {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	for _, u := range []domain.Unit{{Name: "UBND xã Xuân Lũng", Kind: "xã"}, {Name: "UBND thị trấn Hùng Sơn", Kind: "thị trấn"}} {
		u.BlockID = e.Block.ID
		apptest.Must(t, e.Service.CreateUnit(ctx, e.Office, &u))
		ids = append(ids, u.ID)
	}
	dir, err := e.Service.Directory(ctx, e.Office)
	apptest.Must(t, err)
	g := app.GroupFromName("UBND các xã, thị trấn", dir)
	apptest.Must(t, e.Service.CreateGroup(ctx, e.Office, &g))
	return ids
}

// review is the review page of draft id and its form as the page fills it.
func review(t *testing.T, c *client, id int64) (string, url.Values) {
	t.Helper()
	path := fmt.Sprintf("/import/%d", id)
	code, page, _ := c.get(path)
	if code != http.StatusOK {
		t.Fatalf("review page: %d %s", code, errorOf(page))
	}
	return page, scrapeForm(t, page, path)
}

// taskNumber is the number of the review's task whose text holds words.
func taskNumber(t *testing.T, form url.Values, words string) int {
	t.Helper()
	n, _ := strconv.Atoi(form.Get("tasks"))
	for i := 1; i <= n; i++ {
		if strings.Contains(form.Get(fmt.Sprintf("text_%d", i)), words) {
			return i
		}
	}
	t.Fatalf("no task of the review holds %q", words)
	return 0
}

func TestImportAddTask(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		c := e.login("vanphong")
		id := pasteNotice(t, c, fmt.Sprintf(reviewSample, 15))
		path := fmt.Sprintf("/import/%d", id)
		page, form := review(t, c, id)
		if strings.Contains(page, `<mark id="t1"><a href=#f1>1</a>Phòng Y tế cần`) {
			t.Fatal("the importer read the assessment's direction: the test needs one it misses")
		}
		before, _ := strconv.Atoi(form.Get("tasks"))

		// Typed: the words are found in the source, the task takes its place
		// there (first), its units and deadline are read; an edit typed on the
		// form at the same time is kept.
		form.Set("text_1", form.Get("text_1")+" (đã sửa)")
		form.Set("new_text", missedTask)
		code, body, loc := c.post(path+"/tasks", form)
		if code != http.StatusSeeOther || !strings.HasSuffix(loc, "#f1") {
			t.Fatalf("add a typed task: %d → %q %s", code, loc, errorOf(body))
		}
		page, form = review(t, c, id)
		if n, _ := strconv.Atoi(form.Get("tasks")); n != before+1 || form.Get("text_1") != missedTask || !strings.HasSuffix(form.Get("text_2"), "(đã sửa)") {
			t.Fatalf("after adding: %d tasks, task 1 %q, task 2 %q", n, form.Get("text_1"), form.Get("text_2"))
		}
		wantIn(t, "review", page, `<mark id="t1"><a href=#f1>1</a>`+missedTask+`</mark>`, "(Văn phòng thêm)",
			fmt.Sprintf(`name=lead_1 value=%d checked`, e.Unit2.ID), `name=date_1 value="2023-03-15"`)

		// Typed words the source lacks: the task comes last, unmarked.
		extra := "Giao Phòng Giáo dục và Đào tạo tổng hợp ý kiến của các trường."
		form.Set("new_text", extra)
		if code, body, _ := c.post(path+"/tasks", form); code != http.StatusSeeOther {
			t.Fatalf("add a task the source lacks: %d %s", code, errorOf(body))
		}
		page, form = review(t, c, id)
		last, _ := strconv.Atoi(form.Get("tasks"))
		if form.Get(fmt.Sprintf("text_%d", last)) != extra || strings.Contains(page, fmt.Sprintf(`<mark id="t%d">`, last)) {
			t.Errorf("a task the source lacks: last is %q", form.Get(fmt.Sprintf("text_%d", last)))
		}

		// A selection (what import.js posts): the span's byte offsets and
		// its words; the span is marked as is.
		sd, err := e.Service.ImportDraftByID(ctx, e.Office, id)
		apptest.Must(t, err)
		sel := "Các đơn vị đã hoàn thành cơ bản nhiệm vụ được giao."
		start := strings.Index(sd.Draft.SourceText, sel)
		form.Set("new_text", sel)
		form.Set("new_start", strconv.Itoa(start))
		form.Set("new_end", strconv.Itoa(start+len(sel)))
		if code, body, _ := c.post(path+"/tasks", form); code != http.StatusSeeOther {
			t.Fatalf("add a selection: %d %s", code, errorOf(body))
		}
		page, form = review(t, c, id)
		wantIn(t, "review after a selection", page, `<a href=#f1>1</a>`+sel+`</mark>`)

		// Words of a task already: refused, not counted twice.
		form.Set("new_text", sel)
		code, body, _ = c.post(path+"/tasks", form)
		if code != http.StatusUnprocessableEntity || !strings.Contains(errorOf(body), "Đoạn này thuộc nhiệm vụ 1") {
			t.Errorf("adding a task's words again: %d %q, want 422", code, errorOf(body))
		}

		// Nothing chosen nor typed: said so, and the form kept as typed.
		form.Set("text_2", "Nội dung sửa dở")
		form.Set("new_text", "  ")
		form.Del("new_start")
		form.Del("new_end")
		code, body, _ = c.post(path+"/tasks", form)
		if code != http.StatusUnprocessableEntity || !strings.Contains(errorOf(body), "Hãy chọn một đoạn") || !strings.Contains(body, "Nội dung sửa dở</textarea>") {
			t.Errorf("adding nothing: %d %q, want 422 keeping the form", code, errorOf(body))
		}
	})
}

// TestImportLeadlessTasksKeptAndCounted: a task without a lead unit is
// marked on the review, and confirming counts and asks before storing
// anything; what the Office chose is what is stored.
func TestImportLeadlessTasksKeptAndCounted(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		c := e.login("vanphong")
		id := pasteNotice(t, c, fmt.Sprintf(reviewSample, 16))
		path := fmt.Sprintf("/import/%d", id)
		page, form := review(t, c, id)
		land := taskNumber(t, form, "hồ sơ đất")
		poor := taskNumber(t, form, "hộ nghèo")
		media := taskNumber(t, form, "tuyên truyền phòng chống")
		wantIn(t, "review", page, "3 chưa có đơn vị chủ trì", fmt.Sprintf(`Nhiệm vụ %d</a> <span class=im-bad>chưa có đơn vị chủ trì`, land))

		code, body, _ := c.post(path+"/confirm", form)
		if code != http.StatusOK {
			t.Fatalf("confirmation step: %d %s", code, errorOf(body))
		}
		wantIn(t, "confirmation step", body, "<b>4</b> nhiệm vụ sẽ được nhập", "<b>1</b> có đơn vị chủ trì", "<b>3</b> chưa xác định đơn vị chủ trì",
			"Nhiệm vụ chưa có đơn vị chủ trì (3)", fmt.Sprintf(`id="hoi%d"`, land), fmt.Sprintf(`id="hoi%d"`, poor), fmt.Sprintf(`id="hoi%d"`, media))
		if _, total, _ := e.Service.Notices(ctx, e.Office, store.NoticeFilter{}); total != 0 {
			t.Fatalf("the confirmation step stored %d notices", total)
		}

		// Choices: a unit for one task, another left out; the counts follow.
		step := scrapeForm(t, body, path+"/confirm")
		step.Set(fmt.Sprintf("pick_%d", land), strconv.FormatInt(e.Unit2.ID, 10))
		step.Set(fmt.Sprintf("dec_%d", media), string(app.DecideSkip))
		step.Set("final", "0")
		code, body, _ = c.post(path+"/confirm", step)
		if code != http.StatusOK {
			t.Fatalf("recount: %d %s", code, errorOf(body))
		}
		wantIn(t, "recounted", body, "<b>3</b> nhiệm vụ sẽ được nhập", "<b>2</b> có đơn vị chủ trì", "<b>1</b> chưa xác định đơn vị chủ trì", "<b>1</b> không nhập")

		step = scrapeForm(t, body, path+"/confirm")
		step.Set("final", "1")
		code, body, loc := c.post(path+"/confirm", step)
		if code != http.StatusSeeOther {
			t.Fatalf("confirm: %d %s", code, errorOf(body))
		}
		_, flash, _ := c.get(loc)
		wantIn(t, "flash", flash, "Đã nhập 3 nhiệm vụ", "1 nhiệm vụ chờ xác định đơn vị chủ trì", "1 nhiệm vụ không nhập")
		nid := idFrom(t, strings.SplitN(loc, "?", 2)[0])
		rows, total, err := e.Service.NoticeTasks(ctx, e.Office, nid, 50)
		apptest.Must(t, err)
		if total != 3 {
			t.Fatalf("%d tasks stored, want 3", total)
		}
		for _, r := range rows {
			switch {
			case strings.Contains(r.Text, "hồ sơ đất"):
				if len(r.Lead) != 1 || r.Lead[0] != e.Unit2.ID {
					t.Errorf("the task given a unit leads with %v", r.Lead)
				}
			case strings.Contains(r.Text, "hộ nghèo"):
				if len(r.Lead) != 0 || len(r.LeadGroups) != 0 {
					t.Errorf("the unassigned task leads with %v %v", r.Lead, r.LeadGroups)
				}
			case strings.Contains(r.Text, "tuyên truyền phòng chống"):
				t.Error("the task left out was stored")
			}
		}
		_, body, _ = c.get(path)
		wantIn(t, "record", body, "Không nhập nhiệm vụ này", "Nhập, chưa xác định đơn vị chủ trì", "Giao cho Phòng Y tế")

		// The audit log names the confirmation in Vietnamese, links the
		// import's record and the notice, and shows no field by its code.
		_, body, _ = e.login("admin").get("/admin/audit?entity=import")
		wantIn(t, "audit log", body, "Xác nhận nhập văn bản", `<option value="import" selected>Lần nhập văn bản</option>`,
			fmt.Sprintf(`<a href="%s">`, path), "<dt>Số nhiệm vụ không nhập</dt><dd>1</dd>", "<dt>Số nhiệm vụ chưa giao đơn vị</dt><dd>1</dd>",
			"<dt>Thông báo kết luận</dt>")
		for _, raw := range []string{">confirm<", "<dt>skipped</dt>", "<dt>waiting</dt>", "<dt>NoticeID</dt>", "<dt>notice</dt>"} {
			if strings.Contains(body, raw) {
				t.Errorf("the audit log shows %q", raw)
			}
		}
	})
}

// TestImportGroupExpansion: "UBND các xã, thị trấn" expands to every
// commune of the directory when the Office says so; an unknown collective
// name is added as a group from the review and its task kept waiting.
func TestImportGroupExpansion(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		members := communes(t, e)
		c := e.login("vanphong")
		id := pasteNotice(t, c, fmt.Sprintf(reviewSample, 17))
		path := fmt.Sprintf("/import/%d", id)
		page, form := review(t, c, id)
		poor := taskNumber(t, form, "hộ nghèo")
		if !strings.Contains(page, fmt.Sprintf("name=lgrp_%d", poor)) || !strings.Contains(page, "UBND các xã, thị trấn (nhóm)") {
			t.Fatal("the review does not show the task's group")
		}

		// "Các đơn vị có liên quan" is not a unit: added as a group.
		form.Set("uname", "Các đơn vị có liên quan")
		form.Set("add", "group")
		code, body, _ := c.post(path+"/units", form)
		if code != http.StatusSeeOther {
			t.Fatalf("add as group: %d %s", code, errorOf(body))
		}
		dir, err := e.Service.Directory(ctx, e.Office)
		apptest.Must(t, err)
		var related *domain.Group
		for i := range dir.Groups {
			if dir.Groups[i].Name == "Các đơn vị có liên quan" {
				related = &dir.Groups[i]
			}
		}
		if related == nil || !related.Open {
			t.Fatalf("the collective name is not an open group: %+v", related)
		}
		for _, u := range dir.Units {
			if u.Name == "Các đơn vị có liên quan" {
				t.Error("the collective name became a unit")
			}
		}
		page, form = review(t, c, id)
		media := taskNumber(t, form, "tuyên truyền phòng chống")
		if !strings.Contains(page, fmt.Sprintf("name=lgrp_%d value=%d checked", media, related.ID)) {
			t.Error("the task naming the units concerned does not lead with the new group")
		}

		// The confirmation offers to expand the communes' group, naming its
		// members, and keeps the open group waiting.
		code, body, _ = c.post(path+"/confirm", form)
		if code != http.StatusOK {
			t.Fatalf("confirmation step: %d %s", code, errorOf(body))
		}
		wantIn(t, "confirmation", body, "Đơn vị của nhóm: UBND xã Xuân Lũng, UBND thị trấn Hùng Sơn",
			fmt.Sprintf(`name="dec_%d" value="expand" checked`, poor), fmt.Sprintf(`name="dec_%d" value="wait" checked`, media),
			"<b>1</b> chia cho đơn vị của nhóm (2 lượt giao đơn vị)", "<b>1</b> giao cho nhóm, chờ xác định đơn vị",
			// Each default says why it is the default.
			"Gợi ý: Nhóm xác định rõ 2 đơn vị thành viên: mặc định chia cho cả 2 đơn vị.",
			"Gợi ý: «Các đơn vị có liên quan» là nhóm mở, không xác định hết thành viên")
		step := scrapeForm(t, body, path+"/confirm")
		step.Set("final", "1")
		if code, body, _ := c.post(path+"/confirm", step); code != http.StatusSeeOther {
			t.Fatalf("confirm: %d %s", code, errorOf(body))
		}
		sd, err := e.Service.ImportDraftByID(ctx, e.Office, id)
		apptest.Must(t, err)
		expanded, err := e.Service.Task(ctx, e.Office, sd.Draft.Tasks[poor-1].TaskID)
		apptest.Must(t, err)
		if fmt.Sprint(expanded.Lead) != fmt.Sprint(members) || len(expanded.LeadGroups) != 0 {
			t.Errorf("the expanded task leads with %v and groups %v, want the communes %v", expanded.Lead, expanded.LeadGroups, members)
		}
		waiting, err := e.Service.Task(ctx, e.Office, sd.Draft.Tasks[media-1].TaskID)
		apptest.Must(t, err)
		if len(waiting.Lead) != 0 || len(waiting.LeadGroups) != 1 || waiting.LeadGroups[0] != related.ID {
			t.Errorf("the waiting task leads with %v and groups %v", waiting.Lead, waiting.LeadGroups)
		}
	})
}

// failConfirmations makes the database refuse any notice whose title holds
// marker, as a database failing mid-confirmation would; the returned func
// lifts it.
func failConfirmations(t *testing.T, e *env, marker string) func() {
	t.Helper()
	var db *sql.DB
	var err error
	var install, lift []string
	if path, ok := strings.CutPrefix(e.DSN, "sqlite:"); ok {
		db, err = sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
		install = []string{`CREATE TRIGGER fail_notice BEFORE INSERT ON notices WHEN NEW.title LIKE '%` + marker + `%' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`}
		lift = []string{`DROP TRIGGER fail_notice`}
	} else {
		db, err = sql.Open("pgx", e.DSN)
		install = []string{`CREATE FUNCTION fail_notice() RETURNS trigger AS $$ BEGIN
			IF NEW.title LIKE '%` + marker + `%' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
			`CREATE TRIGGER fail_notice BEFORE INSERT ON notices FOR EACH ROW EXECUTE FUNCTION fail_notice()`}
		lift = []string{`DROP TRIGGER fail_notice ON notices`, `DROP FUNCTION fail_notice()`}
	}
	apptest.Must(t, err)
	t.Cleanup(func() { db.Close() })
	for _, q := range install {
		_, err := db.Exec(q)
		apptest.Must(t, err)
	}
	return func() {
		for _, q := range lift {
			_, err := db.Exec(q)
			apptest.Must(t, err)
		}
	}
}

// TestImportConfirmErrorsKeepEdits: a confirmation refused — bad input,
// a duplicate, a conflict with another tab, a database failure — stores
// nothing and loses none of the review's corrections nor the confirmation's
// choices; confirmed at last, the notice and tasks carry them.
func TestImportConfirmErrorsKeepEdits(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		c := e.login("vanphong")
		id := pasteNotice(t, c, fmt.Sprintf(reviewSample, 18))
		path := fmt.Sprintf("/import/%d", id)
		_, form := review(t, c, id)
		land := taskNumber(t, form, "hồ sơ đất")
		edited := form.Get("text_1") + " (đã sửa)"
		form.Set("text_1", edited)
		const marker = "LỖI-CSDL"
		form.Set("title", "Kết luận giao ban "+marker)
		stored := func() int {
			_, total, err := e.Service.Notices(ctx, e.Office, store.NoticeFilter{})
			apptest.Must(t, err)
			return total
		}
		keeps := func(what string) {
			t.Helper()
			_, f := review(t, c, id)
			if f.Get("text_1") != edited || !strings.Contains(f.Get("title"), "Kết luận giao ban") {
				t.Errorf("%s: the review lost its corrections: %q / %q", what, f.Get("text_1"), f.Get("title"))
			}
			if stored() != 0 {
				t.Errorf("%s: %d notices stored", what, stored())
			}
		}

		// Bad input on the review: shown again as typed, nothing saved.
		bad := cloneValues(form)
		bad.Set("issued_on", "31/02/2023")
		code, body, _ := c.post(path+"/confirm", bad)
		if code != http.StatusUnprocessableEntity || !strings.Contains(body, html.EscapeString(edited)+"</textarea>") || !strings.Contains(body, `value="31/02/2023"`) {
			t.Fatalf("bad date: %d %q, want 422 with the form as typed", code, errorOf(body))
		}

		code, body, _ = c.post(path+"/confirm", form)
		if code != http.StatusOK {
			t.Fatalf("confirmation step: %d %s", code, errorOf(body))
		}
		step := scrapeForm(t, body, path+"/confirm")
		step.Set(fmt.Sprintf("pick_%d", land), strconv.FormatInt(e.Unit2.ID, 10))
		step.Set("final", "1")
		picked := fmt.Sprintf(`name="pick_%d" value="%d" checked> Phòng Y tế`, land, e.Unit2.ID)

		// Bad input on the confirmation: a unit picked that is not one.
		wrong := cloneValues(step)
		wrong.Set(fmt.Sprintf("pick_%d", land), "999999")
		code, body, _ = c.post(path+"/confirm", wrong)
		if code != http.StatusUnprocessableEntity || !strings.Contains(errorOf(body), "không có trong danh mục") {
			t.Errorf("unknown unit: %d %q, want 422", code, errorOf(body))
		}
		keeps("bad input")

		// A database failure: the page says so and keeps the choices.
		step = scrapeForm(t, body, path+"/confirm")
		step.Set(fmt.Sprintf("pick_%d", land), strconv.FormatInt(e.Unit2.ID, 10))
		step.Set("final", "1")
		lift := failConfirmations(t, e, marker)
		code, body, _ = c.post(path+"/confirm", step)
		if code != http.StatusInternalServerError || !strings.Contains(errorOf(body), "Đã có lỗi trong hệ thống") || !strings.Contains(body, picked) {
			t.Errorf("database failure: %d %q, want 500 with the choices kept", code, errorOf(body))
		}
		keeps("database failure")
		lift()

		// A conflict: another tab saved the draft since the step was shown.
		step = scrapeForm(t, body, path+"/confirm")
		step.Set("final", "1")
		_, other := review(t, c, id)
		if code, body, _ := c.post(path, other); code != http.StatusSeeOther {
			t.Fatalf("the other tab's save: %d %s", code, errorOf(body))
		}
		code, body, _ = c.post(path+"/confirm", step)
		if code != http.StatusConflict || !strings.Contains(body, picked) {
			t.Errorf("conflict: %d %q, want 409 with the choices kept", code, errorOf(body))
		}
		keeps("conflict")

		// A duplicate: the same number and day issued meanwhile.
		dup := &domain.Notice{Title: "Kết luận đã có", Number: "18", Symbol: "TB-VP", IssuedOn: domain.MustDate("2023-03-05"), SignerName: "Trần Thị B"}
		apptest.Must(t, e.Service.CreateNotice(ctx, e.Office, dup))
		_, err := e.Service.IssueNotice(ctx, e.Office, dup.ID, dup.Version)
		apptest.Must(t, err)
		step = scrapeForm(t, body, path+"/confirm")
		step.Set("final", "1")
		code, body, _ = c.post(path+"/confirm", step)
		if code != http.StatusConflict || !strings.Contains(body, `name="is_correction"`) || !strings.Contains(body, picked) {
			t.Errorf("duplicate: %d %q, want 409 offering a correction, choices kept", code, errorOf(body))
		}
		_, f := review(t, c, id)
		if f.Get("text_1") != edited {
			t.Errorf("duplicate: the review lost its corrections")
		}

		// Said to be a correction, it goes through with every correction.
		step = scrapeForm(t, body, path+"/confirm")
		step.Set("final", "1")
		step.Set("is_correction", "1")
		code, body, loc := c.post(path+"/confirm", step)
		if code != http.StatusSeeOther {
			t.Fatalf("confirm at last: %d %s", code, errorOf(body))
		}
		n, err := e.Service.Notice(ctx, e.Office, idFrom(t, strings.SplitN(loc, "?", 2)[0]))
		apptest.Must(t, err)
		if n.SupersedesID != dup.ID || !strings.Contains(n.Title, marker) {
			t.Errorf("stored notice %+v", n)
		}
		sd, err := e.Service.ImportDraftByID(ctx, e.Office, id)
		apptest.Must(t, err)
		first, err := e.Service.Task(ctx, e.Office, sd.Draft.Tasks[0].TaskID)
		apptest.Must(t, err)
		if first.Text != edited {
			t.Errorf("task 1 stored as %q, want the corrected text", first.Text)
		}
		picked2, err := e.Service.Task(ctx, e.Office, sd.Draft.Tasks[land-1].TaskID)
		apptest.Must(t, err)
		if len(picked2.Lead) != 1 || picked2.Lead[0] != e.Unit2.ID {
			t.Errorf("the task given a unit leads with %v", picked2.Lead)
		}
	})
}
