package corpus

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// corpusBytes is the total size of the article files under dir.
func corpusBytes(b *testing.B, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isArticleName(d.Name()) {
			info, _ := d.Info()
			n += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// benchmarkLoad reads, decodes and parses the BBC dataset with the given
// number of workers, reporting MB/s.
func benchmarkLoad(b *testing.B, workers int) {
	if _, err := os.Stat(bbcDir); err != nil {
		b.Skip("BBC dataset not present")
	}
	b.SetBytes(corpusBytes(b, bbcDir))
	for b.Loop() {
		c := Load(context.Background(), []string{bbcDir}, Options{Workers: workers})
		if len(c.Articles) == 0 {
			b.Fatal("nothing loaded")
		}
	}
}

// BenchmarkLoad loads the BBC dataset on every core.
func BenchmarkLoad(b *testing.B) { benchmarkLoad(b, 0) }

// BenchmarkLoadSerial loads it with one worker, the baseline for the
// parallel speed-up.
func BenchmarkLoadSerial(b *testing.B) { benchmarkLoad(b, 1) }
