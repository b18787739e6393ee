//go:build unix

package corpus

import (
	"io/fs"
	"os"
	"syscall"
)

// fileKey identifies a folder on disk whatever path leads to it.
type fileKey struct{ dev, ino uint64 }

// keyOf returns the identity of a file from its info.
func keyOf(info fs.FileInfo) (fileKey, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{dev: uint64(st.Dev), ino: st.Ino}, true
}

// readOnlyFlags open a file for reading only, without blocking should a
// named pipe take its place between the check and the open.
const readOnlyFlags = os.O_RDONLY | syscall.O_NONBLOCK
