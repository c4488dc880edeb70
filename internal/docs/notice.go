package docs

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"giaoban/internal/domain"
	"giaoban/internal/importer"
	"giaoban/internal/textfold"
)

// NoticeType is the document type of a conclusion notice.
const NoticeType = "THÔNG BÁO"

// NoticeFromDomain lays out a stored notice: the organisation's letterhead,
// the notice's number, date, title and signature block, and its sections in
// order — each heading bold, each line of a section's body a paragraph,
// bullets kept as printed.
//
// A symbol whose last part is VP ("TB-VP") is issued by the organisation's
// Office (Văn phòng), so the organisation becomes the superior body.
func NoticeFromDomain(org domain.Org, n domain.Notice) Document {
	d := Document{
		Number: n.Number, Symbol: n.Symbol, Place: n.Place, Date: n.IssuedOn,
		Type: NoticeType, Summary: n.Title, Recipients: n.Recipients,
		Signature: Signature{Authority: n.SignerAuthority, Title: n.SignerTitle, Name: n.SignerName},
	}
	d.Superior, d.Issuer = letterhead(org, n.Symbol)
	if d.Place == "" {
		d.Place = org.Place
	}
	for _, s := range n.Sections {
		if h := strings.TrimSpace(s.Heading); h != "" {
			d.Body = append(d.Body, Head(h))
		}
		d.Body = append(d.Body, bodyBlocks(s.Body)...)
	}
	return d
}

// letterhead is the superior and issuing bodies of a document of org with
// the given symbol.
func letterhead(org domain.Org, symbol string) (superior, issuer string) {
	parts := strings.Split(strings.ToUpper(strings.TrimSpace(symbol)), "-")
	if len(parts) > 1 && parts[len(parts)-1] == "VP" {
		return org.Name, "Văn phòng"
	}
	return org.Superior, IssuerName(org.Name)
}

// IssuerName writes an issuing body's name in full, as the letterhead must:
// a leading "UBND" or "HĐND" is expanded ("UBND huyện Lâm Thao" → "Ủy ban
// nhân dân huyện Lâm Thao"). Only the superior body may be abbreviated.
func IssuerName(name string) string {
	name = strings.TrimSpace(name)
	for abbr, full := range map[string]string{"UBND ": "Ủy ban nhân dân ", "HĐND ": "Hội đồng nhân dân "} {
		if len(name) > len(abbr) && strings.EqualFold(name[:len(abbr)], abbr) {
			return full + name[len(abbr):]
		}
	}
	return name
}

// numberedHeading matches a short numbered line ("2.1. Về Văn hóa", "II.
// KẾT QUẢ") that heads what follows.
var numberedHeading = regexp.MustCompile(`^(?:[IVX]+\.|\d+(?:\.\d+)*\.)\s+\S`)

// bodyBlocks splits a section body into paragraphs: one per non-blank line.
// Short numbered lines are headings.
func bodyBlocks(body string) []Block {
	var out []Block
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		line = strings.Join(strings.Fields(line), " ")
		switch {
		case line == "":
		case numberedHeading.MatchString(line) && utf8.RuneCountInString(line) <= 150 && !strings.HasSuffix(line, ";"):
			out = append(out, Head(line))
		default:
			out = append(out, Para(line))
		}
	}
	return out
}

// NoticeFromImport lays out a notice read by the importer, so that an old
// notice can be issued again in the prescribed layout. The letterhead, number,
// place, date, title, recipients and signature come from the JSON; the body is
// an opening sentence naming the meeting's date and chair, then the tasks
// grouped under their section headings (numbered 1., 1.1., ...), each a "- "
// line with its deadline as printed; then the usual closing sentence. A date
// of the JSON that is not a real day is an error naming its field.
func NoticeFromImport(doc importer.Document) (Document, error) {
	d := Document{Type: NoticeType, Place: doc.Place, Summary: strings.TrimSpace(doc.Title), Recipients: doc.Recipients}
	if parts := strings.Split(doc.IssuingBody, " - "); len(parts) > 1 {
		d.Superior, d.Issuer = strings.Join(parts[:len(parts)-1], " - "), parts[len(parts)-1]
	} else {
		d.Issuer = doc.IssuingBody
	}
	d.Number, d.Symbol = splitNumber(doc.Number, doc.Symbol)
	var err error
	if d.Date, err = domain.ParseOptionalDate(`trường "issued_on"`, doc.IssuedOn); err != nil {
		return Document{}, err
	}
	meetingDay, err := domain.ParseOptionalDate(`trường "meeting.date"`, doc.Meeting.Date)
	if err != nil {
		return Document{}, err
	}
	if d.Date.IsZero() {
		d.Year = meetingDay.Year
	}
	chair := ""
	if doc.Meeting.Chair != nil {
		chair = strings.TrimSpace(doc.Meeting.ChairTitle + " " + *doc.Meeting.Chair)
	}
	if d.Summary == "" {
		d.Summary = "Kết luận hội nghị giao ban"
		if chair != "" {
			d.Summary = "Kết luận của " + chair + " tại hội nghị giao ban"
		}
	}
	if parts := strings.Split(doc.SignerTitle, "/"); len(parts) > 0 {
		d.Signature.Authority = parts[0]
		d.Signature.Title = strings.Join(parts[1:], "/")
	}
	if doc.Signer != nil {
		d.Signature.Name = *doc.Signer
	}

	switch {
	case chair != "" && !meetingDay.IsZero():
		d.Body = append(d.Body, Para("Ngày "+meetingDay.VN()+", "+chair+" chủ trì hội nghị giao ban. Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, "+chair+" kết luận và giao nhiệm vụ như sau:"))
	case chair != "":
		d.Body = append(d.Body, Para(chair+" chủ trì hội nghị giao ban, kết luận và giao nhiệm vụ như sau:"))
	case !meetingDay.IsZero():
		d.Body = append(d.Body, Para("Hội nghị giao ban ngày "+meetingDay.VN()+" kết luận và giao nhiệm vụ như sau:"))
	}
	tasks, err := taskBlocks(doc.Tasks)
	if err != nil {
		return Document{}, err
	}
	d.Body = append(d.Body, tasks...)
	closing := "Trên đây là " + lowerFirst(strings.TrimSuffix(d.Summary, ".")) + ", thông báo để các cơ quan, đơn vị biết, thực hiện./."
	d.Body = append(d.Body, Para(closing))
	return d, nil
}

// splitNumber reads "12/TB-UBND" (or "/TB-VP" with the number blank).
func splitNumber(number, symbol string) (string, string) {
	number = strings.TrimSpace(number)
	if i := strings.Index(number, "/"); i >= 0 {
		if symbol == "" {
			symbol = number[i+1:]
		}
		number = number[:i]
	}
	return strings.TrimSpace(number), strings.TrimSpace(symbol)
}

// taskBlocks prints tasks under their section headings, in document order.
func taskBlocks(tasks []importer.Task) ([]Block, error) {
	var out []Block
	var path []string
	var counters []int
	for i, t := range tasks {
		common := 0
		for common < len(path) && common < len(t.Section) && path[common] == t.Section[common] {
			common++
		}
		counters = counters[:min(len(counters), common+1)]
		for lvl := common; lvl < len(t.Section); lvl++ {
			for len(counters) <= lvl {
				counters = append(counters, 0)
			}
			counters[lvl]++
			counters = counters[:lvl+1]
			var num []string
			for _, c := range counters {
				num = append(num, strconv.Itoa(c))
			}
			out = append(out, Head(strings.Join(num, ".")+". "+strings.TrimSpace(t.Section[lvl])))
		}
		path = t.Section
		due, err := domain.ParseOptionalDate(`trường "due"`, t.Due)
		if err != nil {
			return nil, fmt.Errorf("nhiệm vụ %d: %w", i+1, err)
		}
		out = append(out, Para("- "+taskLine(t, due)))
	}
	return out, nil
}

// taskLine is a task's text and, when the text does not print it, its
// deadline as the notice worded it (or its due day).
func taskLine(t importer.Task, due domain.Date) string {
	text := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t.Text), "-+*• "))
	note := ""
	switch raw := strings.TrimSpace(t.Deadline.Raw); {
	case raw != "" && !strings.Contains(textfold.Fold(text), textfold.Fold(raw)):
		note = "thời hạn: " + raw
	case raw == "" && !due.IsZero() && !strings.Contains(text, due.VN()):
		note = "thời hạn: trước ngày " + due.VN()
	}
	if note == "" {
		return text
	}
	return text + " (" + note + ")"
}

// lowerFirst lowers the first letter: "Kết luận của ..." → "kết luận của ...".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToLower(string(r)) + s[n:]
}
