package ner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jdkato/prose/v3"
)

// bbcSample reads BBC articles until about limit bytes, or skips.
func bbcSample(b *testing.B, limit int) string {
	return strings.Join(bbcArticles(b, limit), "\n\n") + "\n\n"
}

// bbcArticles reads BBC articles until about limit bytes in all, or skips.
func bbcArticles(b *testing.B, limit int) []string {
	files, _ := filepath.Glob("../../../shared/data/bbc/*/*.txt")
	if len(files) == 0 {
		b.Skip("BBC dataset not present")
	}
	var articles []string
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		articles = append(articles, string(raw))
		size += len(raw) + 2
		if size >= limit {
			break
		}
	}
	return articles
}

// ourRuns is how many times each iteration runs dossier's extraction over
// the sample, so that its few milliseconds are timed as reliably as
// prose's second.
const ourRuns = 10

// BenchmarkExtractVsProse runs dossier's extraction and prose v3's entity
// extraction, the library a Go user would otherwise reach for, on the same
// BBC text in each iteration, and reports both rates and their ratio. The
// model's weight table is built before timing starts, as it is once per
// process.
func BenchmarkExtractVsProse(b *testing.B) {
	text := bbcSample(b, 100<<10)
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	m.Extract(text)
	var ours, theirs time.Duration
	for b.Loop() {
		start := time.Now()
		for range ourRuns {
			m.Extract(text)
		}
		ours += time.Since(start) / ourRuns
		start = time.Now()
		doc, err := prose.NewDocument(text)
		if err != nil {
			b.Fatal(err)
		}
		_ = doc.Entities()
		theirs += time.Since(start)
	}
	mb := float64(len(text)) * float64(b.N) / 1e6
	b.ReportMetric(mb/ours.Seconds(), "dossier-MB/s")
	b.ReportMetric(mb/theirs.Seconds(), "prose-MB/s")
	b.ReportMetric(theirs.Seconds()/ours.Seconds(), "times-faster")
}

// BenchmarkExtractBBC measures extraction in MB/s over every BBC article,
// one Extract call per article as an index build makes them, so that the
// words seen vary as over a real corpus.
func BenchmarkExtractBBC(b *testing.B) {
	articles := bbcArticles(b, 1<<30)
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	m.Extract(articles[0])
	size := 0
	for _, a := range articles {
		size += len(a)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, a := range articles {
			m.Extract(a)
		}
	}
}
