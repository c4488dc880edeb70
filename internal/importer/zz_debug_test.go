package importer

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	f := os.Getenv("ZZ")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	text, _, _, _ := DecodeInput(f, data, Options{})
	lines := joinLines(splitSegments(text), true)
	doc := &Document{}
	ti, bs := parseHeader(doc, lines)
	fmt.Println("title", ti, "bodyStart", bs, doc.Title)
	for i, l := range lines {
		s := l.text
		if len(s) > 110 {
			s = s[:110]
		}
		fmt.Printf("%3d k%d L%d e%v %q\n", i, l.kind, l.level, l.emph, s)
	}
}
