//go:build unix

package corpus

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadSpecialFiles checks that pipes, devices and sockets are never
// opened for reading: each is warned about (when it has an article's name
// or is named on the command line) and the good file still loads. A hang
// on the pipe fails the test through loadWithin's time limit.
func TestLoadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"good.txt": sample})
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "ignored.fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	nullLink := filepath.Join(dir, "null.txt")
	if err := os.Symlink("/dev/null", nullLink); err != nil {
		t.Fatal(err)
	}
	c := loadWithin(t, Options{}, dir, "/dev/null", fifo)
	expectWarning(t, c, fifo, "not a regular file (named pipe), skipped")
	if n := countWarnings(c, fifo, "named pipe"); n != 2 {
		t.Errorf("%d warnings for the pipe found by walking and named", n)
	}
	expectWarning(t, c, sock, "not a regular file (socket), skipped")
	expectWarning(t, c, "/dev/null", "not a regular file (character device), skipped")
	expectWarning(t, c, nullLink, "not a regular file (character device), skipped")
	if len(c.Warnings) != 5 {
		t.Errorf("warnings: %v", c.Warnings)
	}
	expectOnly(t, c, "good")
}

// TestReadLimitedRecheck checks the second line of defence: should a pipe
// replace a file between the walk and the read, the open does not block
// and the read refuses it.
func TestReadLimitedRecheck(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := readLimited(fifo, 1<<20)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || describe(err) != "not a regular file (named pipe), skipped" {
			t.Errorf("err = %v", err)
		}
	case <-time.After(loadTimeout):
		t.Fatal("reading a named pipe blocked")
	}
}

func TestLoadSymlinks(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	write(t, outside, map[string]string{"far.txt": sample, "folder/deep.txt": sample})
	write(t, dir, map[string]string{"a/one.txt": sample})
	links := map[string]string{
		"a/file-link.txt": filepath.Join(outside, "far.txt"),
		"a/folder-link":   filepath.Join(outside, "folder"),
		"a/broken.txt":    filepath.Join(dir, "nowhere.txt"),
		"a/broken.jpg":    filepath.Join(dir, "nowhere.jpg"),
		"a/ping.txt":      "pong.txt",
		"a/pong.txt":      "ping.txt",
	}
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	gone := filepath.Join(outside, "gone-link")
	if err := os.Symlink(filepath.Join(outside, "nowhere"), gone); err != nil {
		t.Fatal(err)
	}
	c := loadWithin(t, Options{}, dir, gone)
	expectOnly(t, c, "file-link", "deep", "one")
	expectWarning(t, c, filepath.Join(dir, "a", "broken.txt"), "broken symlink, skipped")
	expectWarning(t, c, filepath.Join(dir, "a", "ping.txt"), "symlink loop, skipped")
	expectWarning(t, c, filepath.Join(dir, "a", "pong.txt"), "symlink loop, skipped")
	expectWarning(t, c, gone, "broken symlink, skipped")
	if len(c.Warnings) != 4 {
		t.Errorf("warnings: %v", c.Warnings)
	}
}

func TestLoadSymlinkLoops(t *testing.T) {
	tests := []struct {
		name  string
		links map[string]string // link → target, relative to its folder
		loops []string          // where a loop is warned about, once each
	}{
		{name: "link to its parent", links: map[string]string{"a/up": ".."},
			loops: []string{"a/up"}},
		{name: "link to itself", links: map[string]string{"a/self": "."},
			loops: []string{"a/self"}},
		{name: "two folders linking to each other", links: map[string]string{"a/to-b": "../b", "b/to-a": "../a"},
			loops: []string{"a/to-b/to-a"}},
		{name: "link from deeper to the root", links: map[string]string{"b/deeper/root": "../.."},
			loops: []string{"b/deeper/root"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			root := filepath.Join(dir, "root")
			write(t, root, map[string]string{"a/one.txt": sample, "b/two.txt": sample})
			for link, target := range tt.links {
				if err := os.MkdirAll(filepath.Dir(filepath.Join(root, link)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
					t.Fatal(err)
				}
			}
			c := loadWithin(t, Options{}, root)
			expectOnly(t, c, "one", "two")
			for _, loop := range tt.loops {
				if n := countWarnings(c, filepath.Join(root, loop), "symlink loop, skipped"); n != 1 {
					t.Errorf("%d loop warnings for %s; warnings: %v", n, loop, c.Warnings)
				}
			}
			if len(c.Warnings) != len(tt.loops) {
				t.Errorf("warnings: %v", c.Warnings)
			}
		})
	}
}

// TestLoadUnreadable uses real permissions; root reads and lists anything,
// so there the sub-tests skip and TestLoadReadError and TestLoadWalkError
// cover the same paths by injection.
func TestLoadUnreadable(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"good.txt": sample, "secret.txt": sample, "locked/inside.txt": sample})
	secret, locked := filepath.Join(dir, "secret.txt"), filepath.Join(dir, "locked")
	if err := os.Chmod(secret, 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	if _, err := os.ReadFile(secret); err == nil {
		t.Skip("running with privileges that read mode-000 files; see TestLoadReadError and TestLoadWalkError")
	}
	c := loadWithin(t, Options{}, dir)
	expectWarning(t, c, secret, "permission denied, skipped")
	expectWarning(t, c, locked, "permission denied, folder skipped")
	expectOnly(t, c, "good")
}

// TestLoadNeverWrites loads a folder holding every kind of bad input and
// checks that every file is left as it was: mode, size and time of change.
func TestLoadNeverWrites(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"a.txt": sample, "b.txt": "caf\xe9\r\n" + sample, "c/d.md": sample, "e.txt": "",
		"f.txt": "\x00\x01\x02\x03", "g.txt": "\xff\xfeh\x00i\x00\n\x00", "secret.txt": sample,
	})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..", filepath.Join(dir, "c", "up")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "secret.txt"), 0o400); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	loadWithin(t, Options{}, dir)
	if after := snapshot(t, dir); after != before {
		t.Errorf("corpus changed:\n%s\n%s", before, after)
	}
}

// snapshot describes every file under dir: path, mode, size, modification
// time.
func snapshot(t *testing.T, dir string) string {
	var b strings.Builder
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %v %d %d\n", p, info.Mode(), info.Size(), info.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
