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

// NoticeFromDomain lays out a stored notice: its letterhead (the one it was
// printed with, else the organisation's), number, date, title and signature
// block, and its sections in order — each heading bold, each line of a
// section's body a paragraph, bullets kept as printed. A part the notice
// lacks (number, day, signer, recipients) is printed as a marked blank
// (Blank), never left silently empty.
func NoticeFromDomain(org domain.Org, n domain.Notice) Document {
	d := Document{
		Number: n.Number, Symbol: n.Symbol, Place: n.Place, Date: n.IssuedOn,
		Type: NoticeType, Summary: n.Title, Recipients: n.Recipients,
		Signature: Signature{Authority: n.SignerAuthority, Title: n.SignerTitle, Name: n.SignerName},
	}
	d.Superior, d.Issuer = Letterhead(org, n)
	if d.Place == "" {
		d.Place = org.Place
	}
	for _, s := range n.Sections {
		if h := strings.TrimSpace(s.Heading); h != "" {
			d.Body = append(d.Body, Head(h))
		}
		d.Body = append(d.Body, bodyBlocks(s.Body)...)
	}
	markBlanks(&d)
	return d
}

// Blank marks a part of a document its source lacks: "Số: …/TB-UBND",
// "ngày … tháng … năm 2023", a signature without a name.
const Blank = "…"

// markBlanks puts Blank where a notice lacks its number, its summary, its
// recipients or its signature.
func markBlanks(d *Document) {
	if strings.TrimSpace(d.Number) == "" && strings.TrimSpace(d.Symbol) == "" {
		d.Number = Blank
	}
	if strings.TrimSpace(d.Summary) == "" {
		d.Summary = Blank
	}
	if len(d.Recipients) == 0 {
		d.Recipients = []string{Blank}
	}
	if strings.TrimSpace(d.Signature.Authority) == "" && strings.TrimSpace(d.Signature.Title) == "" {
		d.Signature.Authority = Blank
	}
	if strings.TrimSpace(d.Signature.Name) == "" {
		d.Signature.Name = Blank
	}
}

// Letterhead is the superior and issuing bodies printed at the top of
// notice n of org: those n was printed with, when it keeps them (an
// imported notice); otherwise the organisation's, where a symbol whose
// last part is VP ("TB-VP") is issued by the organisation's Office (Văn
// phòng), so that the organisation becomes the superior body.
func Letterhead(org domain.Org, n domain.Notice) (superior, issuer string) {
	if strings.TrimSpace(n.Issuer) != "" {
		return n.Superior, IssuerName(n.Issuer)
	}
	parts := strings.Split(strings.ToUpper(strings.TrimSpace(n.Symbol)), "-")
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
// place, date, title, recipients and signature come from the JSON. The body
// is the notice's own sections, as printed, when the JSON has them;
// otherwise an opening sentence naming the meeting's date and chair, then
// the tasks grouped under their section headings (numbered 1., 1.1., ...),
// each a "- " line with its deadline as printed, then the usual closing
// sentence. A part the JSON lacks is printed as a marked blank (Blank). A
// date of the JSON that is not a real day is an error naming its field.
func NoticeFromImport(doc importer.Document) (Document, error) {
	d := Document{Type: NoticeType, Place: doc.Place, Summary: strings.TrimSpace(doc.Title), Recipients: doc.Recipients}
	switch parts := strings.Split(doc.IssuingBody, " - "); {
	case doc.Issuer != "":
		d.Superior, d.Issuer = doc.Superior, IssuerName(doc.Issuer)
	case len(parts) > 1:
		d.Superior, d.Issuer = strings.Join(parts[:len(parts)-1], " - "), parts[len(parts)-1]
	default:
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
	if doc.SignerAuthority != "" || doc.SignerPosition != "" {
		d.Signature.Authority = strings.ReplaceAll(doc.SignerAuthority, " / ", "/")
		d.Signature.Title = strings.ReplaceAll(doc.SignerPosition, " / ", "/")
	} else if parts := strings.Split(doc.SignerTitle, "/"); len(parts) > 0 {
		d.Signature.Authority = parts[0]
		d.Signature.Title = strings.Join(parts[1:], "/")
	}
	if doc.Signer != nil {
		d.Signature.Name = *doc.Signer
	}
	if len(doc.Sections) > 0 {
		for _, sec := range doc.Sections {
			if h := strings.TrimSpace(strings.TrimSpace(sec.Number) + " " + strings.TrimSpace(sec.Heading)); h != "" {
				d.Body = append(d.Body, Head(h))
			}
			d.Body = append(d.Body, bodyBlocks(strings.Join(sec.Paragraphs, "\n"))...)
		}
		markBlanks(&d)
		return d, nil
	}
	if d.Summary == "" {
		d.Summary = "Kết luận hội nghị giao ban"
		if chair != "" {
			d.Summary = "Kết luận của " + chair + " tại hội nghị giao ban"
		}
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
	markBlanks(&d)
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
