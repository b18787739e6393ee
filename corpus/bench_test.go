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

// benchmarkLoad loads the BBC dataset with the given options, reporting
// MB/s.
func benchmarkLoad(b *testing.B, opts Options) {
	if _, err := os.Stat(bbcDir); err != nil {
		b.Skip("BBC dataset not present")
	}
	b.SetBytes(corpusBytes(b, bbcDir))
	for b.Loop() {
		c := Load(context.Background(), []string{bbcDir}, opts)
		if len(c.Articles) == 0 {
			b.Fatal("nothing loaded")
		}
	}
}

// BenchmarkLoad reads, decodes and parses the BBC dataset on every core.
func BenchmarkLoad(b *testing.B) { benchmarkLoad(b, Options{SkipNames: true}) }

// BenchmarkLoadSerial does the same with one worker, the baseline for the
// parallel speed-up.
func BenchmarkLoadSerial(b *testing.B) { benchmarkLoad(b, Options{Workers: 1, SkipNames: true}) }

// BenchmarkPipeline runs the whole pipeline on every core: read, decode,
// parse, extract names and resolve actors.
func BenchmarkPipeline(b *testing.B) { benchmarkLoad(b, Options{}) }
