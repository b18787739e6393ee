package corpus

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"dossier/seeds"
)

// articleExts are the extensions of article files (compared in lower case);
// files without an extension are articles too.
var articleExts = map[string]bool{".txt": true, ".text": true, ".md": true}

// folderDocs are the base names (in lower case, without extension) of files
// that document a folder rather than hold an article, such as a dataset's
// README.TXT.
var folderDocs = map[string]bool{"readme": true, "license": true, "licence": true, "copying": true, "changelog": true}

// isArticleName reports whether a file found by walking is an article file:
// not hidden, with an article extension or none, and not a folder's
// documentation.
func isArticleName(name string) bool {
	if isHidden(name) {
		return false
	}
	ext := filepath.Ext(name)
	if ext != "" && !articleExts[strings.ToLower(ext)] {
		return false
	}
	return !folderDocs[strings.ToLower(strings.TrimSuffix(name, ext))]
}

// isHidden reports a dot file or folder.
func isHidden(name string) bool {
	return strings.HasPrefix(name, ".") && name != "." && name != ".."
}

// readDir lists a folder sorted by name. It is a variable so that tests can
// inject failures whatever their privileges.
var readDir = readDirSorted

// readDirSorted lists the folder at p, sorted by name, opening it so that
// it can never block. On error it returns the entries read so far.
func readDirSorted(p string) ([]fs.DirEntry, error) {
	f, err := os.OpenFile(p, dirFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries, err := f.ReadDir(-1)
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, err
}

// discover finds the files to load and hands them to the workers: the seeds
// when there are no paths, else each path, folders walked recursively.
func (st *streamState) discover(ctx context.Context, paths []string, opts Options) {
	if len(paths) == 0 {
		st.discoverSeeds(ctx)
		return
	}
	w := &walker{st: st, ctx: ctx, limit: opts.MaxFileSize, visited: map[fileKey]bool{}, stack: map[fileKey]bool{}}
	for _, p := range paths {
		if !w.root(p) {
			return
		}
	}
}

// discoverSeeds queues the embedded seed files, reported as "seeds/<name>".
func (st *streamState) discoverSeeds(ctx context.Context) {
	entries, err := fs.ReadDir(seeds.FS, ".")
	if err != nil {
		st.warn(ctx, seeds.Dir, describe(err))
		return
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !isArticleName(name) {
			continue
		}
		read := func() ([]byte, error) { return seeds.FS.ReadFile(name) }
		if !st.enqueue(ctx, job{path: path.Join(seeds.Dir, name), read: read}) {
			return
		}
	}
}

// walker walks folders, following symbolic links to files and folders but
// never twice into the same folder, so that link loops end.
type walker struct {
	st      *streamState
	ctx     context.Context
	limit   int64
	visited map[fileKey]bool // folders entered so far
	stack   map[fileKey]bool // folders on the current path
}

// warn reports a problem with the file or folder at p; it reports false
// when loading was cancelled.
func (w *walker) warn(p, reason string) bool {
	return w.st.warn(w.ctx, p, reason)
}

// root starts from one command-line path. A file named there is loaded
// whatever its name; only folders' contents are filtered. It reports false
// when loading was cancelled.
func (w *walker) root(p string) bool {
	info, err := os.Stat(p)
	if err != nil {
		return w.warn(p, describeStat(p, err))
	}
	switch {
	case info.IsDir():
		return w.dir(p, info)
	case info.Mode().IsRegular():
		return w.file(p)
	default:
		return w.warn(p, string(notRegular(info.Mode())))
	}
}

// dir walks one folder whose info (after links) is given. A folder already
// on the current path is a link loop, warned about; one entered before by
// another path is skipped silently.
func (w *walker) dir(p string, info fs.FileInfo) bool {
	if key, ok := keyOf(p, info); ok {
		if w.stack[key] {
			return w.warn(p, "symlink loop, skipped")
		}
		if w.visited[key] {
			return true
		}
		w.visited[key], w.stack[key] = true, true
		defer delete(w.stack, key)
	}
	entries, err := readDir(p)
	if err != nil && !w.warn(p, describeDir(err)) {
		return false
	}
	for _, e := range entries {
		if w.ctx.Err() != nil {
			return false
		}
		if isHidden(e.Name()) {
			continue
		}
		if !w.entry(filepath.Join(p, e.Name()), e) {
			return false
		}
	}
	return true
}

// entry handles one folder entry, resolving symbolic links.
func (w *walker) entry(p string, e fs.DirEntry) bool {
	mode := e.Type()
	if mode&fs.ModeSymlink != 0 {
		info, err := os.Stat(p)
		switch {
		case err != nil && isArticleName(e.Name()):
			return w.warn(p, describeStat(p, err))
		case err != nil:
			return true
		case info.IsDir():
			return w.dir(p, info)
		}
		mode = info.Mode().Type()
	} else if mode.IsDir() {
		info, err := e.Info()
		if err != nil {
			return w.warn(p, describe(err))
		}
		return w.dir(p, info)
	}
	switch {
	case !isArticleName(e.Name()):
		return true
	case !mode.IsRegular():
		return w.warn(p, string(notRegular(mode)))
	}
	return w.file(p)
}

// file queues one regular file for loading.
func (w *walker) file(p string) bool {
	limit := w.limit
	return w.st.enqueue(w.ctx, job{path: p, read: func() ([]byte, error) { return readFile(p, limit) }})
}

// describeStat words the error of following the path p, telling a broken
// link from a missing file.
func describeStat(p string, err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		if info, lerr := os.Lstat(p); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			return "broken symlink, skipped"
		}
	}
	return describe(err)
}

// describeDir words the error of listing a folder.
func describeDir(err error) string {
	if errors.Is(err, fs.ErrPermission) {
		return "permission denied, folder skipped"
	}
	return describe(err)
}
