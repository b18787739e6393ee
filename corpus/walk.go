package corpus

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// articleExts are the extensions of article files (compared in lower case);
// files without an extension are articles too.
var articleExts = map[string]bool{".txt": true, ".text": true, ".md": true}

// folderDocs are the base names of files that document a folder rather than
// hold an article, such as a dataset's README.TXT.
var folderDocs = map[string]bool{"readme": true, "license": true, "licence": true, "copying": true, "changelog": true}

// isArticleName reports whether a file found by walking is an article file.
func isArticleName(name string) bool {
	if isHidden(name) {
		return false
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext != "" && !articleExts[ext] {
		return false
	}
	return !folderDocs[strings.ToLower(strings.TrimSuffix(name, filepath.Ext(name)))]
}

// isHidden reports a dot file or folder.
func isHidden(name string) bool {
	return strings.HasPrefix(name, ".") && name != "." && name != ".."
}

// discover finds the files to load and hands them to the workers: the seeds
// when there are no paths, else each path, folders walked recursively.
func (st *streamState) discover(ctx context.Context, paths []string, opts Options) {
	if len(paths) == 0 {
		for _, j := range seedJobs() {
			if !st.enqueue(ctx, j) {
				return
			}
		}
		return
	}
	w := &walker{st: st, ctx: ctx, limit: opts.MaxFileSize, visited: map[fileKey]bool{}}
	for _, p := range paths {
		if !w.root(p) {
			return
		}
	}
}

// walker walks folders, following symbolic links but never twice into the
// same folder, so that link loops end.
type walker struct {
	st      *streamState
	ctx     context.Context
	limit   int64
	visited map[fileKey]bool // folders entered so far
	stack   map[fileKey]bool // folders on the current path
}

// root starts from one command-line path. It reports false when loading
// was cancelled.
func (w *walker) root(p string) bool {
	info, err := os.Stat(p)
	if err != nil {
		return w.st.warn(w.ctx, p, describe(err))
	}
	switch {
	case info.IsDir():
		w.stack = map[fileKey]bool{}
		return w.dir(p, info)
	case info.Mode().IsRegular():
		return w.file(p)
	default:
		return w.st.warn(w.ctx, p, "not a regular file ("+fileKind(info.Mode())+"), skipped")
	}
}

// dir walks one folder whose info (after links) is given.
func (w *walker) dir(p string, info fs.FileInfo) bool {
	key, ok := keyOf(info)
	if ok {
		if w.stack[key] {
			return w.st.warn(w.ctx, p, "symlink loop, skipped")
		}
		if w.visited[key] {
			return true
		}
		w.visited[key], w.stack[key] = true, true
		defer delete(w.stack, key)
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		if !w.st.warn(w.ctx, p, describe(err)) {
			return false
		}
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
	if mode.IsDir() {
		info, err := e.Info()
		if err != nil {
			return w.st.warn(w.ctx, p, describe(err))
		}
		return w.dir(p, info)
	}
	if mode&fs.ModeSymlink != 0 {
		info, err := os.Stat(p)
		if err != nil {
			return w.st.warn(w.ctx, p, describe(err))
		}
		if info.IsDir() {
			return w.dir(p, info)
		}
		mode = info.Mode().Type()
	}
	if !isArticleName(e.Name()) {
		return true
	}
	if !mode.IsRegular() {
		return w.st.warn(w.ctx, p, "not a regular file ("+fileKind(mode)+"), skipped")
	}
	return w.file(p)
}

// file queues one regular file for loading.
func (w *walker) file(p string) bool {
	limit := w.limit
	return w.st.enqueue(w.ctx, job{path: p, read: func() ([]byte, error) { return readLimited(p, limit) }})
}

// describe words a file-system error for a warning line.
func describe(err error) string {
	switch {
	case os.IsNotExist(err):
		return "no such file or folder (or a broken link)"
	case os.IsPermission(err):
		return "permission denied"
	}
	if strings.Contains(err.Error(), "too many levels of symbolic links") {
		return "symlink loop, skipped"
	}
	return cleanErr(err).Error()
}
