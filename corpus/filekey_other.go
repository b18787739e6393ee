//go:build !unix

package corpus

import (
	"io/fs"
	"os"
)

// fileKey identifies a folder on disk; without inode numbers it is unknown
// and link loops are caught by the system's own limit on link depth.
type fileKey struct{}

// keyOf reports that no identity is available on this platform.
func keyOf(fs.FileInfo) (fileKey, bool) { return fileKey{}, false }

// readOnlyFlags open a file for reading only.
const readOnlyFlags = os.O_RDONLY
