//go:build !unix

package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// fileKey identifies a folder on disk whatever path leads to it: without
// inode numbers, its absolute path with every link resolved.
type fileKey struct{ path string }

// keyOf returns the identity of the folder at p.
func keyOf(p string, _ fs.FileInfo) (fileKey, bool) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return fileKey{}, false
	}
	if real, err = filepath.Abs(real); err != nil {
		return fileKey{}, false
	}
	return fileKey{path: real}, true
}

// readOnlyFlags open a file for reading only.
const readOnlyFlags = os.O_RDONLY

// dirFlags open a folder for listing.
const dirFlags = os.O_RDONLY

// isLinkLoop reports the error of following too many symbolic links.
func isLinkLoop(err error) bool {
	return err != nil && strings.Contains(err.Error(), "too many levels of symbolic links")
}
