package importer

import (
	"embed"
	"path"
	"testing"
)

//go:embed testdata/seeds/*.txt
var seedFS embed.FS

// seedDoc is one embedded seed notice.
type seedDoc struct {
	name string
	data []byte
}

// loadSeeds reads the embedded seed notices.
func loadSeeds(tb testing.TB) []seedDoc {
	tb.Helper()
	entries, err := seedFS.ReadDir("testdata/seeds")
	if err != nil {
		tb.Fatal(err)
	}
	var out []seedDoc
	for _, e := range entries {
		b, err := seedFS.ReadFile(path.Join("testdata/seeds", e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, seedDoc{e.Name(), b})
	}
	return out
}

// BenchmarkExtractSeeds extracts every seed notice per iteration and
// reports documents per second.
func BenchmarkExtractSeeds(b *testing.B) {
	seeds := loadSeeds(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range seeds {
			if _, err := Extract(s.name, s.data, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(seeds))/b.Elapsed().Seconds(), "docs/sec")
}
