package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// readFile reads one file found on disk, at most limit bytes. It is a
// variable so that tests can inject failures whatever their privileges.
var readFile = readLimited

// readLimited reads a regular file without ever blocking on a pipe or
// device, and without reading more than limit+1 bytes even if the file grows
// after its size was checked. The file is opened read-only.
func readLimited(p string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(p, readOnlyFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, notRegular(info.Mode())
	}
	if info.Size() > limit {
		return nil, tooLarge(limit)
	}
	raw, err := readAtMost(f, limit+1, info.Size())
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > limit {
		return nil, tooLarge(limit)
	}
	return raw, nil
}

// readAtMost reads r to its end or to n bytes, whichever comes first,
// sizing the buffer from the expected size hint.
func readAtMost(r io.Reader, n, hint int64) ([]byte, error) {
	buf := make([]byte, 0, min(max(hint, 0), n)+1)
	lr := io.LimitReader(r, n)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		k, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+k]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// reason is an error whose text is a warning's whole reason, ready to show.
type reason string

// Error returns the reason.
func (r reason) Error() string { return string(r) }

// notRegular is the reason a pipe, device, socket or other special file is
// skipped.
func notRegular(m fs.FileMode) reason {
	return reason("not a regular file (" + fileKind(m) + "), skipped")
}

// tooLarge is the reason a file over the size limit is skipped.
func tooLarge(limit int64) reason {
	return reason("larger than " + formatSize(limit) + ", skipped")
}

// formatSize writes a byte count in the largest binary unit that divides it.
func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// fileKind names a non-regular file mode for warnings.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	case m.IsDir():
		return "folder"
	default:
		return "special file"
	}
}

// describe words an error met while reading a file or folder for a
// warning line.
func describe(err error) string {
	var r reason
	switch {
	case errors.As(err, &r):
		return string(r)
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied, skipped"
	case isLinkLoop(err):
		return "symlink loop, skipped"
	}
	return cleanErr(err).Error() + ", skipped"
}

// cleanErr drops the path from an os error, since warnings name it already.
func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
