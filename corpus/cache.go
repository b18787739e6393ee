package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"dossier/corpus/index"
)

// DefaultCacheDir is the folder of dossier's indexes: "dossier" in the
// user's cache directory (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on
// Linux, ~/Library/Caches on macOS, %LocalAppData% on Windows).
func DefaultCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "dossier"), nil
}

// IndexPath is the index file under cacheDir of the corpus read from
// paths: its name comes from the set of the paths made absolute and
// cleaned, so the same folders give the same index in any order and from
// any working directory.
func IndexPath(cacheDir string, paths []string) (string, error) {
	roots := make([]string, 0, len(paths))
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", err
		}
		roots = append(roots, abs)
	}
	slices.Sort(roots)
	roots = slices.Compact(roots)
	sum := sha256.Sum256([]byte(strings.Join(roots, "\x00")))
	return filepath.Join(cacheDir, fmt.Sprintf("index-%x.db", sum[:8])), nil
}

// cache is the persistent index behind one Stream: the records it held
// when the stream began, the files found since, and the writer goroutine
// that stores what changed.
type cache struct {
	path   string
	cwd    string
	x      *index.Index
	stored map[string]index.Record // by absolute path, read-only once loaded
	seen   map[string]bool         // absolute paths found, written by discovery only
	writes chan func(*index.Writer) error
	done   chan struct{}
}

// newCache prepares the index of the corpus at paths under dir; nothing is
// read until open.
func newCache(dir string, paths []string) (*cache, error) {
	p, err := IndexPath(dir, paths)
	if err != nil {
		return nil, err
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	return &cache{path: p, cwd: cwd, seen: map[string]bool{}}, nil
}

// open opens the index and loads its records, rebuilding a damaged index
// and starting the writer. Problems are reported through warn; when the
// index cannot be used at all, open returns false and the stream goes on
// without it.
func (c *cache) open(ctx context.Context, warn func(p, reason string) bool) bool {
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		warn(c.path, "cannot create the index folder ("+cleanErr(err).Error()+"), loading without the index")
		return false
	}
	x, stored, err := openAndScan(ctx, c.path)
	if errors.Is(err, index.ErrCorrupt) {
		warn(c.path, "index damaged ("+err.Error()+"), rebuilding it")
		if err = index.Remove(c.path); err == nil {
			x, stored, err = openAndScan(ctx, c.path)
		}
	}
	if err != nil {
		if ctx.Err() == nil {
			warn(c.path, "index unavailable ("+err.Error()+"), loading without it")
		}
		return false
	}
	c.x, c.stored = x, stored
	c.writes, c.done = make(chan func(*index.Writer) error, 256), make(chan struct{})
	go c.write(warn)
	return true
}

// openAndScan opens the index at p and reads all its records.
func openAndScan(ctx context.Context, p string) (*index.Index, map[string]index.Record, error) {
	x, err := index.Open(p)
	if err != nil {
		return nil, nil, err
	}
	stored := map[string]index.Record{}
	if err := x.Scan(ctx, func(r index.Record) { stored[r.Path] = r }); err != nil {
		x.Close()
		return nil, nil, err
	}
	return x, stored, nil
}

// write applies the queued changes until the queue is closed, then closes
// the index. After a failed write it reports once and drops the rest,
// since what was committed before stays valid.
func (c *cache) write(warn func(p, reason string) bool) {
	defer close(c.done)
	w := c.x.Writer()
	var failed error
	for change := range c.writes {
		if failed == nil {
			failed = change(w)
		}
	}
	if failed == nil {
		failed = w.Close()
	}
	if err := c.x.Close(); failed == nil {
		failed = err
	}
	if failed != nil {
		warn(c.path, "could not update the index ("+failed.Error()+")")
	}
}

// abs is the absolute form of a path found by discovery.
func (c *cache) abs(p string) string {
	return absPath(c.cwd, p)
}

// see records that discovery found the file at p.
func (c *cache) see(p string) {
	c.seen[c.abs(p)] = true
}

// load loads the file of j through the index: an unchanged file (same
// size and modification time, or else same content) comes from its
// record; any other is read and parsed, and its record stored.
func (c *cache) load(ctx context.Context, j job) Event {
	abs := c.abs(j.path)
	info, statErr := os.Stat(j.path)
	r, known := c.stored[abs]
	if known && statErr == nil && info.Size() == r.Size && info.ModTime().UnixNano() == r.ModTime {
		return c.event(j.path, r)
	}
	raw, err := j.read()
	if err != nil {
		c.queue(ctx, func(w *index.Writer) error { return w.Delete(abs) })
		return warn(j.path, describe(err))
	}
	sum := sha256.Sum256(raw)
	if statErr != nil {
		return withHash(parseRaw(j.path, raw, j.skipNames), sum[:])
	}
	size, mtime := info.Size(), info.ModTime().UnixNano()
	if known && bytes.Equal(r.Hash, sum[:]) {
		c.queue(ctx, func(w *index.Writer) error { return w.Touch(abs, size, mtime) })
		return c.event(j.path, r)
	}
	ev := withHash(parseRaw(j.path, raw, j.skipNames), sum[:])
	if ev.Article == nil {
		c.queue(ctx, func(w *index.Writer) error { return w.Delete(abs) })
		return ev
	}
	a := *ev.Article
	a.ID, a.Path = "", ""
	rec := index.Record{Path: abs, Size: size, ModTime: mtime, Hash: sum[:], Article: &a, Names: ev.Names}
	c.queue(ctx, func(w *index.Writer) error { return w.Put(rec) })
	return ev
}

// event makes the event of a file whose record is up to date, with a copy
// of the stored article so that a file found twice gives two articles.
func (c *cache) event(p string, r index.Record) Event {
	a := *r.Article
	a.ID, a.Path = fileID(p), p
	return Event{Article: &a, Progress: Progress{Bytes: r.Size}, hash: r.Hash, storedNames: &r.StoredNames}
}

// withHash notes the content hash of a file's article on its event.
func withHash(ev Event, hash []byte) Event {
	if ev.Article != nil {
		ev.hash = hash
	}
	return ev
}

// queue hands a change to the writer unless ctx is cancelled first.
func (c *cache) queue(ctx context.Context, change func(*index.Writer) error) {
	select {
	case c.writes <- change:
	case <-ctx.Done():
	}
}

// finish removes the records of files no longer found, when discovery
// went through to the end, and waits for the writer to commit and close
// the index.
func (c *cache) finish(ctx context.Context, complete bool) {
	if complete {
		for p := range c.stored {
			if !c.seen[p] {
				c.queue(ctx, func(w *index.Writer) error { return w.Delete(p) })
			}
		}
	}
	close(c.writes)
	<-c.done
}
