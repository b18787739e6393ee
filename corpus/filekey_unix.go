//go:build unix

package corpus

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// fileKey identifies a folder on disk whatever path leads to it: its device
// and inode numbers.
type fileKey struct{ dev, ino uint64 }

// keyOf returns the identity of the folder at p from its info (after
// links).
func keyOf(_ string, info fs.FileInfo) (fileKey, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{dev: uint64(st.Dev), ino: st.Ino}, true
}

// readOnlyFlags open a file for reading only, without blocking should a
// named pipe take its place between the check and the open.
const readOnlyFlags = os.O_RDONLY | syscall.O_NONBLOCK

// dirFlags open a folder for listing, failing rather than blocking should
// something else have taken its place.
const dirFlags = os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_DIRECTORY

// isLinkLoop reports the error of following too many symbolic links.
func isLinkLoop(err error) bool {
	return errors.Is(err, syscall.ELOOP)
}
