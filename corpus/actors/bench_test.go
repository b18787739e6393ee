package actors_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"dossier/corpus"
	"dossier/corpus/actors"
	"dossier/corpus/ner"
)

// bbcDir is the BBC dataset beside the repository.
const bbcDir = "../../../shared/data/bbc"

// bbcDocs loads and tags the BBC articles once per test binary.
var bbcDocs = sync.OnceValues(func() ([]actors.Doc, error) {
	c := corpus.Load(context.Background(), []string{bbcDir}, corpus.Options{SkipNames: true})
	m, err := ner.Default()
	if err != nil {
		return nil, err
	}
	docs := make([]actors.Doc, len(c.Articles))
	var wg sync.WaitGroup
	for w := range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := w; i < len(docs); i += runtime.GOMAXPROCS(0) {
				a := c.Articles[i]
				docs[i] = actors.Doc{ID: a.ID, Text: a.Text(), Entities: m.Extract(a.Text())}
			}
		})
	}
	wg.Wait()
	return docs, nil
})

// replicated cycles the BBC articles to n docs with distinct ids, each
// with its own copy of its entities, as a corpus of n files would have.
func replicated(b *testing.B, n int) []actors.Doc {
	src, err := bbcDocs()
	if err != nil {
		b.Fatal(err)
	}
	if len(src) == 0 {
		b.Skip("BBC dataset not present")
	}
	docs := make([]actors.Doc, n)
	for k := range docs {
		d := src[k%len(src)]
		docs[k] = actors.Doc{ID: fmt.Sprintf("r%03d-%s", k/len(src), d.ID), Text: d.Text, Entities: slices.Clone(d.Entities)}
	}
	return docs
}

// liveHeap reads the heap the last collection found live.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// peakSampler records the largest live heap seen while it runs.
func peakSampler() (stop func() uint64) {
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		peak := liveHeap()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				result <- max(peak, liveHeap())
				return
			case <-t.C:
				peak = max(peak, liveHeap())
			}
		}
	}()
	return func() uint64 { close(done); return <-result }
}

// benchmarkResolve resolves n replicated BBC docs, reporting the processor
// time it takes (cpu-s/op) besides the wall time. Like the corpus loader,
// it keeps no reference to the docs once Resolve has them, so entities
// Resolve lets go of are freed.
func benchmarkResolve(b *testing.B, n int) {
	var cpu float64
	for b.Loop() {
		b.StopTimer()
		docs := replicated(b, n)
		runtime.GC()
		cpu0 := cpuTime()
		b.StartTimer()
		as, ms := actors.Resolve(docs)
		b.StopTimer()
		cpu += (cpuTime() - cpu0).Seconds()
		runtime.KeepAlive(as)
		runtime.KeepAlive(ms)
		b.StartTimer()
	}
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}

// benchmarkResolveHeap resolves n replicated BBC docs with the collector
// running after every 2% of heap growth, so that the live heap it reports
// after each cycle is sampled densely, and reports the peak live heap
// beyond the inputs (MB-peak) and what stays live in the result
// (MB-result). Its times are not meaningful. With keep, the docs stay
// referenced until the end, as by a caller that does not let go of them.
func benchmarkResolveHeap(b *testing.B, n int, keep bool) {
	defer debug.SetGCPercent(debug.SetGCPercent(2))
	var peak, kept float64
	for b.Loop() {
		b.StopTimer()
		docs := replicated(b, n)
		var held []actors.Doc // docs is dead once passed on, held not
		if keep {
			held = docs
		}
		runtime.GC()
		base := liveHeap()
		stop := peakSampler()
		b.StartTimer()
		as, ms := actors.Resolve(docs)
		b.StopTimer()
		p := stop()
		runtime.GC()
		peak += float64(p-base) / 1e6
		kept += float64(liveHeap()-base) / 1e6
		runtime.KeepAlive(held)
		runtime.KeepAlive(as)
		runtime.KeepAlive(ms)
		b.StartTimer()
	}
	b.ReportMetric(peak/float64(b.N), "MB-peak")
	b.ReportMetric(kept/float64(b.N), "MB-result")
}

// BenchmarkResolve20k resolves 20,000 docs cycled from the BBC dataset.
func BenchmarkResolve20k(b *testing.B) { benchmarkResolve(b, 20_000) }

// BenchmarkResolve100k resolves 100,000 docs, the size of the benchmark
// corpus of dossier export.
func BenchmarkResolve100k(b *testing.B) { benchmarkResolve(b, 100_000) }

// BenchmarkResolveHeap100k measures the live heap of resolving 100,000
// docs.
func BenchmarkResolveHeap100k(b *testing.B) { benchmarkResolveHeap(b, 100_000, false) }

// BenchmarkResolveHeapKept100k does the same while the docs stay
// referenced.
func BenchmarkResolveHeapKept100k(b *testing.B) { benchmarkResolveHeap(b, 100_000, true) }

// cpuTime is the processor time the process has used, user and system: on
// a shared machine it varies less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestMain(m *testing.M) {
	if _, err := os.Stat(bbcDir); err != nil {
		bbcDocs = func() ([]actors.Doc, error) { return nil, nil }
	}
	os.Exit(m.Run())
}
