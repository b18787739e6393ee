package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"dossier/corpus"
	"dossier/corpus/benchcorpus"
)

// bbcDir is the dataset the benchmark corpora are copied from.
const bbcDir = "../shared/data/bbc"

// scaleSizes are the corpus sizes of BenchmarkScale.
var scaleSizes = []struct {
	name  string
	files int
}{{"10k", 10_000}, {"100k", 100_000}}

// corpora holds the benchmark corpora made so far, by size, under the
// temporary folder TestMain removes.
var corpora sync.Map

// benchCorpus returns a folder of n article files copied from the BBC
// dataset, made once per run; it skips the benchmark without the dataset.
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	if _, err := os.Stat(bbcDir); err != nil {
		b.Skip("BBC dataset not present")
	}
	build := sync.OnceValues(func() (string, error) {
		dir := filepath.Join(os.Getenv("XDG_CACHE_HOME"), fmt.Sprintf("corpus-%d", n))
		return dir, benchcorpus.Make(dir, bbcDir, n)
	})
	once, _ := corpora.LoadOrStore(n, build)
	dir, err := once.(func() (string, error))()
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

// freshCache returns an empty cache folder.
func freshCache(b *testing.B) string {
	dir, err := os.MkdirTemp(os.Getenv("XDG_CACHE_HOME"), "bench-")
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

// openTimes loads a corpus through the index in cacheDir as the reader
// would, and reports when the first article arrived, when the last did
// (every file indexed) and when the actors were resolved.
func openTimes(b *testing.B, dir, cacheDir string) (first, all, actors time.Duration) {
	opts := corpus.Options{CacheDir: cacheDir}
	start := time.Now()
	c := corpus.NewCollector(opts)
	for ev := range corpus.Stream(context.Background(), []string{dir}, opts) {
		if ev.Article != nil && first == 0 {
			first = time.Since(start)
		}
		c.Add(ev)
	}
	all = time.Since(start)
	if len(c.Finish().Actors) == 0 {
		b.Fatal("no actors")
	}
	return first, all, time.Since(start)
}

// BenchmarkScale measures a large corpus end to end on this machine: the
// first open (index built), the second (index read), export, search, and
// the peak memory of a first export. Run one size at a time:
//
//	go test -run=^$ -bench=Scale/100k -benchtime=1x -timeout=60m .
func BenchmarkScale(b *testing.B) {
	for _, size := range scaleSizes {
		b.Run(size.name, func(b *testing.B) {
			dir := benchCorpus(b, size.files)
			b.Run("open-first", func(b *testing.B) { benchOpen(b, dir, false) })
			b.Run("open-again", func(b *testing.B) { benchOpen(b, dir, true) })
			b.Run("export-first", func(b *testing.B) { benchExport(b, dir, false) })
			b.Run("export-again", func(b *testing.B) { benchExport(b, dir, true) })
			b.Run("search", func(b *testing.B) { benchSearch(b, dir) })
			b.Run("export-first-rss", func(b *testing.B) { benchRSS(b, dir) })
		})
	}
}

// benchOpen times opening dir through a new index, or through one built
// beforehand when again is set.
func benchOpen(b *testing.B, dir string, again bool) {
	var first, all, actors time.Duration
	for b.Loop() {
		b.StopTimer()
		cacheDir := freshCache(b)
		if again {
			openTimes(b, dir, cacheDir)
		}
		b.StartTimer()
		first, all, actors = openTimes(b, dir, cacheDir)
	}
	b.ReportMetric(first.Seconds(), "s-first-article")
	b.ReportMetric(all.Seconds(), "s-all-articles")
	b.ReportMetric(actors.Seconds(), "s-actors")
}

// benchExport times `dossier export` of dir through a new index, or
// through one built beforehand when again is set.
func benchExport(b *testing.B, dir string, again bool) {
	for b.Loop() {
		b.StopTimer()
		cacheDir := freshCache(b)
		if again {
			openTimes(b, dir, filepath.Join(cacheDir, "dossier"))
		}
		b.StartTimer()
		exportTo(b, io.Discard, dir, cacheDir)
	}
}

// exportTo runs `dossier export dir` with its indexes in cacheDir.
func exportTo(b *testing.B, w io.Writer, dir, cacheDir string) {
	b.Setenv("XDG_CACHE_HOME", cacheDir)
	if code := run([]string{"export", dir}, w, io.Discard); code != 0 {
		b.Fatalf("export exited %d", code)
	}
}

// searchQueries are typical queries: a common word, a rarer one, a phrase
// and a phrase with a word.
var searchQueries = []string{"government", "broadband", `"prime minister"`, `"tony blair" election`}

// benchSearch times full-text queries through the index of dir.
func benchSearch(b *testing.B, dir string) {
	cacheDir := freshCache(b)
	c := corpus.Load(context.Background(), []string{dir}, corpus.Options{CacheDir: cacheDir})
	s, err := c.Searcher()
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		for _, q := range searchQueries {
			hits, err := s.Search(context.Background(), q, 20)
			if err != nil || len(hits) == 0 {
				b.Fatalf("search %q: %d hits, %v", q, len(hits), err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(searchQueries)), "ms/query")
}

// rssEnv asks a re-executed test binary to export the corpus folder it
// names, with its indexes in a new cache folder.
const rssEnv = "DOSSIER_BENCH_EXPORT"

// benchRSS runs a first export of dir in a child process and reports its
// peak resident memory, as the child measured it: the rusage of a child
// started from this process counts this process's own peak too, which
// the benchmarks before have raised, since Linux keeps the peak of the
// memory a child shared with its parent until it ran its own program.
func benchRSS(b *testing.B, dir string) {
	var peakKB int64
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), rssEnv+"="+dir, "XDG_CACHE_HOME="+freshCache(b))
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			b.Fatal(err)
		}
		if peakKB, err = strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64); err != nil {
			b.Fatalf("the child reported %q as its peak memory", out)
		}
	}
	b.ReportMetric(float64(peakKB)/1024, "MB-peak-RSS")
}

// exportForRSS is the child side of benchRSS: it exports the corpus as
// main would, memory limit included, prints its peak resident memory in
// kB and exits.
func exportForRSS(dir string) {
	limitMemory(os.Getenv("GOMEMLIMIT"))
	code := run([]string{"export", dir}, io.Discard, os.Stderr)
	peak, err := peakRSS()
	if err != nil {
		fmt.Fprintln(os.Stderr, "peak memory:", err)
		code = 1
	}
	fmt.Println(peak)
	os.Exit(code)
}

// peakRSS is this process's peak resident memory in kB: the VmHWM line
// of /proc/self/status, so Linux only.
func peakRSS() (int64, error) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
		}
	}
	return 0, errors.New("no VmHWM in /proc/self/status")
}
