package app_test

import (
	"fmt"
	"strings"
	"testing"

	"giaoban/internal/app"
	"giaoban/internal/domain"
)

func TestSplitAndMergeTasks(t *testing.T) {
	src := "- Giao Phòng Y tế kiểm tra\n\nan toàn thực phẩm. Báo cáo   kết quả\nvề UBND huyện."
	task := app.ImportTask{Text: "Giao Phòng Y tế kiểm tra an toàn thực phẩm.\n---\nBáo cáo kết quả về UBND huyện.", Lead: []int64{2},
		Deadline: domain.Deadline{Kind: domain.DeadlineDate, Date: domain.MustDate("2023-04-30")}, Start: 0, End: len(src)}
	d := &app.ImportDraft{SourceText: src}
	d.ReviseTasks([]app.RevisedTask{{ImportTask: task}})
	parts := d.Tasks
	if len(parts) != 2 {
		t.Fatalf("split into %d parts, want 2", len(parts))
	}
	if got := src[parts[0].Start:parts[0].End]; got != "- Giao Phòng Y tế kiểm tra\n\nan toàn thực phẩm." {
		t.Errorf("first part's span %q", got)
	}
	if got := src[parts[1].Start:parts[1].End]; got != "Báo cáo   kết quả\nvề UBND huyện." {
		t.Errorf("second part's span %q", got)
	}
	if parts[1].Text != "Báo cáo kết quả về UBND huyện." || parts[1].Lead[0] != 2 || parts[1].Deadline != task.Deadline {
		t.Errorf("second part %+v", parts[1])
	}
	parts[1].Lead = append(parts[1].Lead, 3)
	if len(parts[0].Lead) != 1 {
		t.Error("the parts share their unit lists")
	}
	// A piece that cannot be found leaves the whole span to the first.
	lost := &app.ImportDraft{SourceText: src}
	lost.ReviseTasks([]app.RevisedTask{{ImportTask: app.ImportTask{Text: "Giao Phòng Y tế\n---\nMột câu không có trong văn bản", Start: 0, End: len(src)}}})
	if l := lost.Tasks; l[0].Start != 0 || l[0].End != len(src) || l[1].End != 0 {
		t.Errorf("unfound piece: spans %d-%d and %d-%d", l[0].Start, l[0].End, l[1].Start, l[1].End)
	}
	one := &app.ImportDraft{SourceText: src}
	one.ReviseTasks([]app.RevisedTask{{ImportTask: app.ImportTask{Text: "Không tách\n---\n"}}})
	if len(one.Tasks) != 1 || one.Tasks[0].Text != "Không tách" {
		t.Errorf("an empty piece made a task: %+v", one.Tasks)
	}

	a := parts[0]
	a.Deadline = domain.Deadline{Kind: domain.DeadlineNone}
	d.ReviseTasks([]app.RevisedTask{{ImportTask: a}, {ImportTask: parts[1], Merge: true}})
	if len(d.Tasks) != 1 {
		t.Fatalf("merged into %d tasks, want 1", len(d.Tasks))
	}
	if m := d.Tasks[0]; m.Start != 0 || m.End != len(src) || !strings.Contains(m.Text, "Báo cáo") || m.Deadline.Kind != domain.DeadlineDate ||
		fmt.Sprint(m.Lead) != "[2 3]" {
		t.Errorf("merged %+v", m)
	}
}

// TestReviseTasks checks what the review screen's corrections make of a
// draft's tasks: the order, the texts, the units, the unresolved names the
// screen lists, and the spans it highlights.
func TestReviseTasks(t *testing.T) {
	src := "1. Giao Phòng Y tế kiểm tra bếp ăn. 2. Giao Phòng Nội vụ rà soát biên chế."
	i2 := strings.Index(src, "2.")
	first := app.ImportTask{Text: "Giao Phòng Y tế kiểm tra bếp ăn.", Lead: []int64{1}, Start: 0, End: i2 - 1,
		UnresolvedSupport: []string{" Trạm Y tế xã ", "Trạm Y tế xã", ""}, LegalRefs: []string{"Luật An toàn thực phẩm"}}
	second := app.ImportTask{Text: "Giao Phòng Nội vụ rà soát biên chế.", UnresolvedLead: []string{"Phòng Nội vụ"}, Start: i2, End: len(src),
		Deadline: domain.Deadline{Kind: domain.DeadlineMonth, Date: domain.MustDate("2023-05-01")}, Key: true,
		LegalRefs: []string{"Luật An toàn thực phẩm", "Nghị định 62/2020"}}
	tests := []struct {
		name       string
		revised    []app.RevisedTask
		texts      []string
		lead       string // the lead ids of each task
		unresolved []string
		spans      string // each task's span as start-end
	}{
		{"unchanged", []app.RevisedTask{{ImportTask: first}, {ImportTask: second}},
			[]string{first.Text, second.Text}, "[[1] []]", []string{"Trạm Y tế xã", "Phòng Nội vụ"},
			fmt.Sprintf("[0-%d %d-%d]", i2-1, i2, len(src))},
		{"a merge on the first task is ignored", []app.RevisedTask{{ImportTask: first, Merge: true}},
			[]string{first.Text}, "[[1]]", []string{"Trạm Y tế xã"}, fmt.Sprintf("[0-%d]", i2-1)},
		{"merged into the task above", []app.RevisedTask{{ImportTask: first}, {ImportTask: second, Merge: true}},
			[]string{first.Text + "\n" + second.Text}, "[[1]]", []string{"Phòng Nội vụ", "Trạm Y tế xã"},
			fmt.Sprintf("[0-%d]", len(src))},
		{"split, then the second piece merged back", []app.RevisedTask{
			{ImportTask: app.ImportTask{Text: "Giao Phòng Y tế kiểm tra bếp ăn.\n---\nGiao Phòng Nội vụ rà soát biên chế.", Lead: []int64{1}, Start: 0, End: len(src)}},
			{ImportTask: app.ImportTask{Text: "Việc thêm", Lead: []int64{2, 1}}, Merge: true}},
			[]string{"Giao Phòng Y tế kiểm tra bếp ăn.", "Giao Phòng Nội vụ rà soát biên chế.\nViệc thêm"}, "[[1] [1 2]]", nil,
			// The second piece is found by its first words, after its number.
			fmt.Sprintf("[0-%d %d-%d]", i2+2, i2+3, len(src))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &app.ImportDraft{SourceText: src, Unresolved: []string{"tên cũ"}}
			d.ReviseTasks(tt.revised)
			var texts []string
			var lead, spans []string
			for _, task := range d.Tasks {
				texts = append(texts, task.Text)
				lead = append(lead, fmt.Sprint(task.Lead))
				spans = append(spans, fmt.Sprintf("%d-%d", task.Start, task.End))
			}
			if fmt.Sprintf("%q", texts) != fmt.Sprintf("%q", tt.texts) {
				t.Errorf("texts %q, want %q", texts, tt.texts)
			}
			if got := "[" + strings.Join(lead, " ") + "]"; got != tt.lead {
				t.Errorf("lead units %s, want %s", got, tt.lead)
			}
			if fmt.Sprint(d.Unresolved) != fmt.Sprint(tt.unresolved) {
				t.Errorf("unresolved %q, want %q", d.Unresolved, tt.unresolved)
			}
			if got := "[" + strings.Join(spans, " ") + "]"; got != tt.spans {
				t.Errorf("spans %s, want %s", got, tt.spans)
			}
		})
	}
	// Merging keeps the first deadline unless it has none, and each reference once.
	d := &app.ImportDraft{SourceText: src}
	d.ReviseTasks([]app.RevisedTask{{ImportTask: first}, {ImportTask: second, Merge: true}})
	if m := d.Tasks[0]; m.Deadline != second.Deadline || !m.Key || fmt.Sprint(m.LegalRefs) != "[Luật An toàn thực phẩm Nghị định 62/2020]" {
		t.Errorf("merged task %+v", m)
	}
}

func TestImportTaskHasSpan(t *testing.T) {
	src := "Giao Phòng Y tế"
	for _, tt := range []struct {
		start, end int
		want       bool
	}{{0, len(src), true}, {3, 4, true}, {4, 4, false}, {5, 4, false}, {-1, 3, false}, {0, len(src) + 1, false}} {
		task := app.ImportTask{Start: tt.start, End: tt.end}
		if got := task.HasSpan(src); got != tt.want {
			t.Errorf("span %d-%d: %v, want %v", tt.start, tt.end, got, tt.want)
		}
	}
}
