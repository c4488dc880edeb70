package app

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"giaoban/internal/domain"
	"giaoban/internal/store"
	"giaoban/internal/textfold"
)

// Duplicate notices. A notice is the same document as one the organisation
// has when both carry a number and their number, symbol and issue day are
// equal; when either has no number (a text read without it), when their
// texts are the same once folded and stripped of punctuation — the shorter
// found in the longer, so that a letterhead or a signature more or less
// does not hide it. Entering it again is stopped; the user may go on only
// by saying it corrects the one found.

// DuplicateNoticeError says that a notice being entered is one the
// organisation already has. It wraps domain.ErrDuplicate.
type DuplicateNoticeError struct {
	Existing domain.Notice
	// SameNumber is true when number, symbol and day matched; false when the text did.
	SameNumber bool
	// CanCorrect is true when the user may go on by entering it as a
	// correction of Existing (it is issued and not replaced).
	CanCorrect bool
}

func (e *DuplicateNoticeError) Error() string {
	what := "cùng số, ký hiệu và ngày ban hành"
	if !e.SameNumber {
		what = "cùng nội dung"
	}
	code := e.Existing.Code()
	if code == "" {
		code = "(chưa có số)"
	}
	msg := fmt.Sprintf("Đã có thông báo %s với văn bản này — số %s", what, code)
	if !e.Existing.IssuedOn.IsZero() {
		msg += " ngày " + e.Existing.IssuedOn.VN()
	}
	msg += fmt.Sprintf(" «%s» (%s). Văn bản không được nhập lần thứ hai", e.Existing.Title, strings.ToLower(e.Existing.State.Label()))
	if e.CanCorrect {
		return msg + "; nếu đây là văn bản đính chính hoặc thay thế thông báo đó, hãy đánh dấu «Đây là văn bản đính chính» rồi gửi lại (bấm lại nút vừa bấm)."
	}
	return msg + "; hãy mở thông báo đã có."
}

func (e *DuplicateNoticeError) Unwrap() error { return domain.ErrDuplicate }

// URL is the page of the notice found.
func (e *DuplicateNoticeError) URL() string { return fmt.Sprintf("/notices/%d", e.Existing.ID) }

// refuseDuplicate answers a *DuplicateNoticeError when the organisation
// already has notice n (n itself, and the notice it corrects, aside);
// correctable says whether the user may go on as a correction.
func (s *Service) refuseDuplicate(ctx context.Context, actor *domain.User, n *domain.Notice, correctable bool) error {
	d, same, err := s.findDuplicate(ctx, actor.OrgID, n)
	if err != nil || d == nil {
		return err
	}
	return &DuplicateNoticeError{Existing: *d, SameNumber: same, CanCorrect: correctable && d.State == domain.NoticeIssued}
}

// findDuplicate returns a notice of the organisation that is the same
// document as n, preferring one that is not superseded, and whether its
// number (rather than its text) matched.
func (s *Service) findDuplicate(ctx context.Context, orgID int64, n *domain.Notice) (*domain.Notice, bool, error) {
	cands, err := s.st.NoticeTexts(ctx, orgID, n.IssuedOn)
	if err != nil {
		return nil, false, err
	}
	text := noticeText(n)
	var found *domain.Notice
	same := false
	for i := range cands {
		c := &cands[i]
		if c.ID == n.ID || (n.SupersedesID != 0 && c.ID == n.SupersedesID) {
			continue
		}
		var match, byNumber bool
		switch {
		case n.Number != "" && c.Number != "":
			match = !n.IssuedOn.IsZero() && c.IssuedOn == n.IssuedOn && c.Number == n.Number && strings.EqualFold(c.Symbol, n.Symbol)
			byNumber = true
		default:
			match = sameText(text, noticeText(c))
		}
		if match && (found == nil || found.State == domain.NoticeSuperseded) {
			found, same = c, byNumber
		}
	}
	return found, same, nil
}

// noticeText is a notice's body as one text, or its title when it has no
// body: the body is what two entries of one document share (an imported
// text carries its title inside it).
func noticeText(n *domain.Notice) string {
	var parts []string
	for _, s := range n.Sections {
		parts = append(parts, s.Heading, s.Body)
	}
	if strings.TrimSpace(strings.Join(parts, "")) == "" {
		return n.Title
	}
	return strings.Join(parts, "\n")
}

// words folds text and keeps its words of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(textfold.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// shingles are the runs of four consecutive words of text.
func shingles(text string) map[string]bool {
	w := words(text)
	out := map[string]bool{}
	for i := 0; i+4 <= len(w); i++ {
		out[strings.Join(w[i:i+4], " ")] = true
	}
	return out
}

// minShingles is how long two texts must be before the shorter found in the
// longer makes them the same; shorter texts must be equal word for word.
const minShingles = 30

// sameText reports whether two notices' texts are the same document: equal
// word for word, or — both long enough — nine tenths of the shorter's runs
// of four words found in the longer.
func sameText(a, b string) bool {
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if strings.Join(wa, " ") == strings.Join(wb, " ") {
		return true
	}
	sa, sb := shingles(a), shingles(b)
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	if len(sa) < minShingles {
		return false
	}
	in := 0
	for k := range sa {
		if sb[k] {
			in++
		}
	}
	return in*10 >= len(sa)*9
}

// pairTasks pairs the tasks of an imported correction with the tasks of the
// notice it corrects, most alike first, each at most once: a pair shares at
// least half its words (folded). A paired new task becomes a proposed change
// of its original (OriginID); the others are new tasks.
func pairTasks(news []*domain.Task, olds []store.TaskRow) {
	type pair struct {
		n, o  int
		score float64
	}
	set := func(text string) map[string]bool {
		out := map[string]bool{}
		for _, w := range words(text) {
			out[w] = true
		}
		return out
	}
	oldSets := make([]map[string]bool, len(olds))
	for i := range olds {
		oldSets[i] = set(olds[i].Text)
	}
	var pairs []pair
	for i, t := range news {
		ns := set(t.Text)
		for j, os := range oldSets {
			common := 0
			for w := range ns {
				if os[w] {
					common++
				}
			}
			union := len(ns) + len(os) - common
			if union > 0 && float64(common)/float64(union) >= 0.5 {
				pairs = append(pairs, pair{i, j, float64(common) / float64(union)})
			}
		}
	}
	// Best pairs first; ties in task order.
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].score > pairs[j].score })
	usedN, usedO := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		if usedN[p.n] || usedO[p.o] {
			continue
		}
		usedN[p.n], usedO[p.o] = true, true
		news[p.n].OriginID = olds[p.o].ID
	}
}
