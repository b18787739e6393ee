// Package corpus loads a corpus of article files, from paths on disk or from
// the embedded seeds, and parses each into an article. It knows nothing of
// the terminal: it streams articles and warnings to whoever shows them.
package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"dossier/corpus/actors"
	"dossier/corpus/article"
	"dossier/corpus/index"
	"dossier/corpus/ner"
	"dossier/corpus/textdecode"
)

// DefaultMaxFileSize is the size above which a file is skipped when
// Options.MaxFileSize is 0: 20 MiB.
const DefaultMaxFileSize = 20 << 20

// Options tune loading; the zero value is ready to use.
type Options struct {
	// Workers is the number of files read and parsed at once; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// MaxFileSize skips larger files with a warning; 0 means 20 MiB.
	MaxFileSize int64
	// SkipNames leaves out name extraction and actor resolution, for uses
	// that need only the articles' text and metadata. It also leaves out
	// the index, which stores names.
	SkipNames bool
	// CacheDir, when set, is the folder of the persistent indexes (see
	// DefaultCacheDir): a corpus read from paths is loaded through its
	// index there, so that only the files added, changed or removed since
	// the last load are read and parsed, and its actors are resolved again
	// only when it changed. The embedded seeds never use an index.
	CacheDir string
}

// Warning is a file that was skipped or loaded with a problem: one line
// for the user.
type Warning struct {
	Path, Reason string
}

// String gives the warning as "PATH: REASON".
func (w Warning) String() string {
	return w.Path + ": " + w.Reason
}

// Progress counts files: Done of Total found so far. Walking is true while
// discovery goes on, so Total may still grow. Bytes is the size of the files
// done.
type Progress struct {
	Done, Total int
	Bytes       int64
	Walking     bool
}

// Event is one message of a loading stream: an article or a warning
// (exactly one is non-nil) with the progress after it.
type Event struct {
	Article  *article.Article
	Warning  *Warning
	Progress Progress
	// Names are the names the tagger found in the article's text, unless
	// the article came from the index, which keeps them encoded until the
	// actors are resolved.
	Names       []ner.Entity
	storedNames *index.StoredNames // the names as the index keeps them
	fileDone    bool               // the event ends the loading of one found file
	hash        []byte             // the digest of the article file's content, when indexed
	index       string             // the index file the article was loaded through
}

// Corpus is a fully loaded collection: articles sorted by path with unique
// ids, and the warnings met while loading, sorted by path.
type Corpus struct {
	Articles []*article.Article
	Warnings []Warning
	// Actors are the people, organisations and places of the corpus, and
	// Mentions[i] the occurrences of actors in Articles[i]'s text.
	Actors   []actors.Actor
	Mentions [][]actors.Mention
	// index is the index file the whole corpus was loaded through, or "".
	index string
}

// job is one file to load: where to report it from and how to read it.
type job struct {
	path      string
	read      func() ([]byte, error)
	skipNames bool
}

// parse is the article parser, a variable so that tests can make it fail.
var parse = article.Parse

// Stream loads paths concurrently, sending each article as soon as it is
// parsed. With no paths it loads the embedded seeds.
//
// One goroutine discovers the files and hands them through a small queue to
// Options.Workers goroutines that read, decode and parse them, so memory
// stays bounded whatever the size of the corpus. The channel is closed when
// every file is done, or soon after ctx is cancelled; the caller must read
// it to the end or cancel ctx. Each event is passed on when the next one is
// ready, so that the last event can carry the final progress: unless ctx is
// cancelled it has Progress.Walking false and Progress.Done equal to
// Progress.Total.
func Stream(ctx context.Context, paths []string, opts Options) <-chan Event {
	opts = opts.withDefaults()
	queue := opts.Workers * 4
	st := &streamState{jobs: make(chan job, queue), results: make(chan Event, queue), skipNames: opts.SkipNames}
	st.walking.Store(true)
	if opts.CacheDir != "" && len(paths) > 0 && !opts.SkipNames {
		st.cache, st.cacheErr = newCache(opts.CacheDir, paths)
	}
	var wg sync.WaitGroup
	wg.Add(1 + opts.Workers)
	go func() {
		defer wg.Done()
		defer close(st.jobs)
		defer st.walking.Store(false)
		st.openCache(ctx)
		st.discover(ctx, paths, opts)
	}()
	for range opts.Workers {
		go func() {
			defer wg.Done()
			st.work(ctx)
		}()
	}
	go func() {
		wg.Wait()
		if st.cache != nil {
			st.cache.finish(ctx, ctx.Err() == nil)
		}
		close(st.results)
	}()
	out := make(chan Event, queue)
	go st.count(ctx, out)
	return out
}

// streamState is shared by the stages of one Stream: discovery counts the
// files it finds before handing them to the workers, so that the progress
// never shows more files done than found.
type streamState struct {
	jobs      chan job
	results   chan Event
	total     atomic.Int64
	walking   atomic.Bool
	skipNames bool
	cache     *cache // nil when loading without an index
	cacheErr  error  // why the index could not be prepared
}

// openCache opens the stream's index before discovery starts, dropping it
// with a warning when it cannot be used.
func (st *streamState) openCache(ctx context.Context) {
	if st.cacheErr != nil {
		st.warn(ctx, "index", "unavailable ("+st.cacheErr.Error()+"), loading without it")
	}
	if st.cache != nil && !st.cache.open(ctx, func(p, reason string) bool { return st.warn(ctx, p, reason) }) {
		st.cache = nil
	}
}

// withDefaults fills the zero fields of opts.
func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = DefaultMaxFileSize
	}
	return o
}

// send delivers ev unless ctx is cancelled first.
func send(ctx context.Context, ch chan<- Event, ev Event) bool {
	select {
	case ch <- ev:
		return true
	case <-ctx.Done():
		return false
	}
}

// enqueue counts a found file and hands it to the workers.
func (st *streamState) enqueue(ctx context.Context, j job) bool {
	j.skipNames = st.skipNames
	if st.cache != nil {
		st.cache.see(j.path)
	}
	st.total.Add(1)
	select {
	case st.jobs <- j:
		return true
	case <-ctx.Done():
		return false
	}
}

// warn reports a discovery problem.
func (st *streamState) warn(ctx context.Context, p, reason string) bool {
	return send(ctx, st.results, warn(p, reason))
}

// work loads queued files until the queue is closed or ctx is cancelled.
func (st *streamState) work(ctx context.Context) {
	for j := range st.jobs {
		if ctx.Err() != nil {
			return
		}
		ev := st.load(ctx, j)
		ev.fileDone = true
		if !send(ctx, st.results, ev) {
			return
		}
	}
}

// count stamps each result with the progress after it and passes it on.
// It holds one event back, so that the last one can carry the final
// progress: discovery over and every found file done.
func (st *streamState) count(ctx context.Context, out chan<- Event) {
	defer close(out)
	var (
		p        Progress
		held     Event
		haveHeld bool
	)
	for ev := range st.results {
		if haveHeld && !send(ctx, out, held) {
			drain(st.results)
			return
		}
		if ev.fileDone {
			p.Done++
		}
		p.Bytes += ev.Progress.Bytes
		p.Total, p.Walking = int(st.total.Load()), st.walking.Load()
		ev.Progress = p
		held, haveHeld = ev, true
	}
	if haveHeld {
		held.Progress.Total, held.Progress.Walking = int(st.total.Load()), false
		send(ctx, out, held)
	}
}

// drain discards the rest of a channel until it is closed, so that the
// goroutines sending to it can finish.
func drain(ch <-chan Event) {
	for range ch {
	}
}

// load loads one file, through the index if the stream has one.
func (st *streamState) load(ctx context.Context, j job) Event {
	if st.cache == nil {
		return loadFile(j)
	}
	ev := st.cache.load(ctx, j)
	if ev.Article != nil {
		ev.index = st.cache.path
	}
	return ev
}

// loadFile reads, decodes and parses one file, turning any failure into a
// warning.
func loadFile(j job) Event {
	raw, err := j.read()
	if err != nil {
		return warn(j.path, describe(err))
	}
	return parseRaw(j.path, raw, j.skipNames)
}

// parseRaw decodes and parses the content of the file at p and finds the
// names in its text, turning any failure, even a panic in the parser, into
// a warning.
func parseRaw(p string, raw []byte, skipNames bool) (ev Event) {
	defer recoverParse(p, &ev)
	j := job{path: p, skipNames: skipNames}
	text, enc, problem := decode(raw)
	if problem != "" {
		return warn(j.path, problem)
	}
	a := parse(text)
	if a == nil {
		return warn(j.path, "parser failed: no article")
	}
	a.ID, a.Path, a.Encoding = fileID(j.path), j.path, enc
	var (
		names []ner.Entity
		err   error
	)
	if !j.skipNames {
		if names, err = extractNames(a.Text()); err != nil {
			return warn(j.path, err.Error())
		}
	}
	return Event{Article: a, Names: names, Progress: Progress{Bytes: int64(len(raw))}}
}

// recoverParse turns a panic while loading the file at p into a warning
// stored in *ev. It must be deferred.
func recoverParse(p string, ev *Event) {
	if r := recover(); r != nil {
		*ev = warn(p, fmt.Sprintf("parser failed: %v", r))
	}
}

// decode turns a file's bytes into text, or explains in problem why the
// file is skipped.
func decode(raw []byte) (text, encoding, problem string) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", "", "empty file, skipped"
	}
	text, encoding, err := textdecode.Decode(raw)
	switch {
	case errors.Is(err, textdecode.ErrBinary):
		return "", "", "binary content, skipped"
	case err != nil:
		return "", "", "cannot decode: " + err.Error() + ", skipped"
	case strings.TrimSpace(text) == "":
		return "", "", "no text, skipped"
	}
	return text, encoding, ""
}

// fileID is an article's id before clashes are resolved: its file name
// without the extension.
func fileID(p string) string {
	base := filepath.Base(p)
	if id := strings.TrimSuffix(base, filepath.Ext(base)); id != "" {
		return id
	}
	return base
}

// extractNames finds the names in an article's text with the embedded
// tagger model.
func extractNames(text string) ([]ner.Entity, error) {
	m, err := ner.Default()
	if err != nil {
		return nil, err
	}
	return m.Extract(text), nil
}

// warn makes a warning event.
func warn(p, reason string) Event {
	return Event{Warning: &Warning{Path: p, Reason: reason}}
}

// Load runs Stream to completion and returns the corpus: articles sorted
// by path with unique ids, and warnings sorted by path. When ctx is
// cancelled it returns what was loaded by then.
func Load(ctx context.Context, paths []string, opts Options) *Corpus {
	c := NewCollector(opts)
	for ev := range Stream(ctx, paths, opts) {
		c.Add(ev)
	}
	return c.Finish()
}

// resolveActors turns the names found in each article into the corpus's
// actors and their mentions, in article order.
//
// It empties names as it goes, so that only the docs handed to the
// resolution hold them.
func resolveActors(articles []*article.Article, names map[*article.Article][]ner.Entity) ([]actors.Actor, [][]actors.Mention) {
	docs := make([]actors.Doc, len(articles))
	for i, a := range articles {
		docs[i] = actors.Doc{ID: a.ID, Text: a.Text(), Entities: names[a]}
		delete(names, a)
	}
	return actors.Resolve(docs)
}

// uniqueIDs gives every article a distinct id: the first keeps its file
// name, later ones get "-2", "-3"…, skipping any suffixed id that another
// file already has as its own.
func uniqueIDs(articles []*article.Article) {
	taken := make(map[string]bool, len(articles)) // id → given out yet
	for _, a := range articles {
		taken[a.ID] = false
	}
	for _, a := range articles {
		if !taken[a.ID] {
			taken[a.ID] = true
			continue
		}
		for n := 2; ; n++ {
			id := a.ID + "-" + strconv.Itoa(n)
			if _, exists := taken[id]; !exists {
				a.ID = id
				taken[id] = true
				break
			}
		}
	}
}
