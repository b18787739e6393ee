// Package corpus loads a corpus of article files, from paths on disk or from
// the embedded seeds, and parses each into an article. It knows nothing of
// the terminal: it streams articles and warnings to whoever shows them.
package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"dossier/corpus/actors"
	"dossier/corpus/article"
	"dossier/corpus/ner"
	"dossier/corpus/textdecode"
	"dossier/seeds"
)

// DefaultMaxFileSize is the size above which a file is skipped.
const DefaultMaxFileSize = 20 << 20

// Options tune loading; the zero value is ready to use.
type Options struct {
	// Workers is the number of files read and parsed at once; 0 means one
	// per core.
	Workers int
	// MaxFileSize skips larger files with a warning; 0 means 20 MiB.
	MaxFileSize int64
	// SkipNames leaves out name extraction and actor resolution, for uses
	// that need only the articles' text and metadata.
	SkipNames bool
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
// (exactly one is set) with the progress after it.
type Event struct {
	Article  *article.Article
	Warning  *Warning
	Progress Progress
	// Names are the names the tagger found in the article's text.
	Names    []ner.Entity
	fileDone bool // the event ends the loading of one found file
}

// Corpus is a fully loaded collection: articles sorted by path with unique
// ids, and the warnings met while loading.
type Corpus struct {
	Articles []*article.Article
	Warnings []Warning
	// Actors are the people, organisations and places of the corpus, and
	// Mentions[i] the occurrences of actors in Articles[i]'s text.
	Actors   []actors.Actor
	Mentions [][]actors.Mention
}

// job is one file to load: where to report it from and how to read it.
type job struct {
	path      string
	read      func() ([]byte, error)
	skipNames bool
}

// Stream loads paths concurrently, sending each article as soon as it is
// parsed. With no paths it loads the embedded seeds. The channel is closed
// when every file is done or ctx is cancelled.
func Stream(ctx context.Context, paths []string, opts Options) <-chan Event {
	opts = opts.withDefaults()
	st := &streamState{jobs: make(chan job, opts.Workers*4), results: make(chan Event, opts.Workers*4), skipNames: opts.SkipNames}
	st.walking.Store(true)
	var wg sync.WaitGroup
	wg.Add(1 + opts.Workers)
	go func() {
		defer wg.Done()
		defer close(st.jobs)
		defer st.walking.Store(false)
		st.discover(ctx, paths, opts)
	}()
	for range opts.Workers {
		go func() {
			defer wg.Done()
			for j := range st.jobs {
				ev := loadFile(j)
				ev.fileDone = true
				if !send(ctx, st.results, ev) {
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(st.results)
	}()
	out := make(chan Event, opts.Workers*4)
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

// count stamps each result with the progress and passes it on; a last event
// carries the final progress.
func (st *streamState) count(ctx context.Context, out chan<- Event) {
	defer close(out)
	var p Progress
	for ev := range st.results {
		if ev.fileDone {
			p.Done++
		}
		p.Bytes += ev.Progress.Bytes
		p.Total = int(st.total.Load())
		p.Walking = st.walking.Load()
		ev.Progress = p
		if !send(ctx, out, ev) {
			for range st.results {
			}
			return
		}
	}
	p.Total, p.Walking = int(st.total.Load()), false
	send(ctx, out, Event{Progress: p})
}

// loadFile reads, decodes and parses one file, turning any failure, even a
// panic in the parser, into a warning.
func loadFile(j job) (ev Event) {
	defer func() {
		if r := recover(); r != nil {
			ev = warn(j.path, fmt.Sprintf("parser failed: %v", r))
		}
	}()
	raw, err := j.read()
	if err != nil {
		return warn(j.path, err.Error())
	}
	if len(bytesTrimSpace(raw)) == 0 {
		return warn(j.path, "empty file, skipped")
	}
	text, enc, err := textdecode.Decode(raw)
	if errors.Is(err, textdecode.ErrBinary) {
		return warn(j.path, "binary content, skipped")
	} else if err != nil {
		return warn(j.path, "cannot decode: "+err.Error())
	}
	a := article.Parse(text)
	a.Path, a.Encoding = j.path, enc
	a.ID = strings.TrimSuffix(path.Base(filepath.ToSlash(j.path)), path.Ext(j.path))
	var names []ner.Entity
	if !j.skipNames {
		if names, err = extractNames(a.Text()); err != nil {
			return warn(j.path, err.Error())
		}
	}
	return Event{Article: a, Names: names, Progress: Progress{Bytes: int64(len(raw))}}
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

// bytesTrimSpace trims ASCII white space, enough to tell an empty file.
func bytesTrimSpace(b []byte) []byte {
	return []byte(strings.TrimSpace(string(b[:min(len(b), 4096)])))
}

// warn makes a warning event.
func warn(p, reason string) Event {
	return Event{Warning: &Warning{Path: p, Reason: reason}}
}

// Load runs Stream to completion and returns the corpus, articles sorted by
// path with unique ids.
func Load(ctx context.Context, paths []string, opts Options) *Corpus {
	c := &Corpus{}
	names := map[*article.Article][]ner.Entity{}
	for ev := range Stream(ctx, paths, opts) {
		switch {
		case ev.Article != nil:
			c.Articles = append(c.Articles, ev.Article)
			names[ev.Article] = ev.Names
		case ev.Warning != nil:
			c.Warnings = append(c.Warnings, *ev.Warning)
		}
	}
	slices.SortFunc(c.Articles, func(a, b *article.Article) int { return strings.Compare(a.Path, b.Path) })
	slices.SortStableFunc(c.Warnings, func(a, b Warning) int { return strings.Compare(a.Path, b.Path) })
	uniqueIDs(c.Articles)
	docs := make([]actors.Doc, len(c.Articles))
	for i, a := range c.Articles {
		docs[i] = actors.Doc{ID: a.ID, Text: a.Text(), Entities: names[a]}
	}
	if !opts.SkipNames {
		c.Actors, c.Mentions = actors.Resolve(docs)
	}
	return c
}

// uniqueIDs gives every article a distinct id: the first keeps its file
// name, later ones get "-2", "-3"…, skipping suffixes already taken.
func uniqueIDs(articles []*article.Article) {
	taken := make(map[string]bool, len(articles))
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

// readLimited reads a regular file without ever blocking on a pipe or
// device, and at most limit bytes.
func readLimited(p string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(p, readOnlyFlags, 0)
	if err != nil {
		return nil, cleanErr(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, cleanErr(err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s), skipped", fileKind(info.Mode()))
	}
	if info.Size() > limit {
		return nil, tooLarge(limit)
	}
	raw, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, cleanErr(err)
	}
	if int64(len(raw)) > limit {
		return nil, tooLarge(limit)
	}
	return raw, nil
}

// tooLarge is the error for a file over the size limit.
func tooLarge(limit int64) error {
	return fmt.Errorf("larger than %d MiB, skipped", limit>>20)
}

// cleanErr drops the path from an os error, since warnings name it already.
func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// fileKind names a non-regular file mode for warnings.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m.IsDir():
		return "folder"
	default:
		return "special file"
	}
}

// seedJobs lists the embedded seed files.
func seedJobs() []job {
	entries, _ := fs.ReadDir(seeds.FS, ".")
	var jobs []job
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !isArticleName(name) {
			continue
		}
		jobs = append(jobs, job{path: path.Join(seeds.Dir, name), read: func() ([]byte, error) { return seeds.FS.ReadFile(name) }})
	}
	return jobs
}
