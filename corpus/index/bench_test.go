package index

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"dossier/corpus/article"
)

// bbcDir is the dataset the writer benchmark takes its articles from.
const bbcDir = "../../../shared/data/bbc"

// bbcRecords parses the BBC dataset into n records with distinct paths,
// cycling through its files; it skips the benchmark without the dataset.
func bbcRecords(b *testing.B, n int) ([]Record, int64) {
	files, _ := filepath.Glob(filepath.Join(bbcDir, "*", "*.txt"))
	if len(files) == 0 {
		b.Skip("BBC dataset not present")
	}
	articles := make([]*article.Article, len(files))
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		articles[i] = article.Parse(string(raw))
	}
	records := make([]Record, n)
	var size int64
	for i := range records {
		a := articles[i%len(articles)]
		records[i] = Record{Path: fmt.Sprintf("/bench/%06d.txt", i), Size: int64(len(a.Text())), Hash: []byte{byte(i)}, Article: a}
		size += int64(len(a.Text()))
	}
	return records, size
}

// BenchmarkWriter stores 10,000 BBC articles in a new index, as a first
// open does: records, text and the full-text index.
func BenchmarkWriter(b *testing.B) {
	records, size := bbcRecords(b, 10_000)
	b.SetBytes(size)
	for b.Loop() {
		b.StopTimer()
		x, err := Open(filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		w := x.Writer()
		for _, r := range records {
			if err := w.Put(r); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		x.Close()
	}
}
