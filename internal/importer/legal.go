package importer

import (
	"fmt"
	"strings"
)

// legalTypes are the kinds of legal documents referred to in notices.
var legalTypes = []string{
	"quyết định", "nghị quyết", "nghị định", "thông tư liên tịch", "thông tư", "công văn", "kế hoạch",
	"chỉ thị", "thông báo", "văn bản", "luật", "hướng dẫn", "chương trình", "đề án", "công điện", "pháp lệnh",
}

// ParseLegalRefs finds references such as "Quyết định số 1300/QĐ-BYT ngày
// 09/3/2023 của Bộ Y tế" in text. A reference needs a number containing
// "/" so that plain words ("kế hoạch") are not taken for references.
func ParseLegalRefs(text string) []LegalRef {
	if strings.IndexByte(text, '/') < 0 {
		return nil
	}
	return legalRefs(text, tokenize(text))
}

// legalRefs implements ParseLegalRefs on the tokens of text.
func legalRefs(text string, toks []token) []LegalRef {
	var out []LegalRef
	for i := 0; i < len(toks); i++ {
		if !toks[i].word || !toks[i].upper {
			continue
		}
		n := matchAny(toks, i, legalTypes)
		if n == 0 {
			continue
		}
		typ := joinTokens(toks, i, i+n)
		j := i + n
		if j < len(toks) && toks[j].low == "số" {
			j++
		}
		if j >= len(toks) || !toks[j].word || !strings.Contains(toks[j].s, "/") || !toks[j].digit {
			continue
		}
		ref := LegalRef{Type: typ, Number: toks[j].s}
		j++
		if j < len(toks) && toks[j].low == "ngày" {
			rest := text[toks[j].end:]
			if y, m, d, cons, ok := parseDateAt(rest, 0); ok {
				ref.Date = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
				end := toks[j].end + cons
				for j < len(toks) && toks[j].start < end {
					j++
				}
			}
		}
		if j < len(toks) && toks[j].low == "của" {
			k := j + 1
			for k < len(toks) && toks[k].word && toks[k].low != "về" && toks[k].low != "và" && toks[k].low != "ngày" && k-j < 10 {
				k++
			}
			if k > j+1 {
				ref.Issuer = joinTokens(toks, j+1, k)
			}
			j = k
		}
		out = append(out, ref)
		i = j - 1
	}
	return out
}
