package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestIsArticleName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"a.txt", true}, {"b.TXT", true}, {"c.text", true}, {"d.md", true}, {"e.Md", true},
		{"no-extension", true}, {"2021.05.03.txt", true},
		{"f.pdf", false}, {"g.json", false}, {"h.html", false}, {"i.", false},
		{".hidden.txt", false}, {".hidden", false},
		{"README.TXT", false}, {"readme.md", false}, {"README", false}, {"LICENSE", false},
		{"Licence.txt", false}, {"COPYING", false}, {"CHANGELOG.md", false},
		{"README-first.txt", true}, {"licensed.txt", true},
	}
	for _, tt := range tests {
		if got := isArticleName(tt.name); got != tt.want {
			t.Errorf("isArticleName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestLoadSelectsArticleFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"a.txt": sample, "b.TXT": sample, "c.text": sample, "d.md": sample, "e": sample,
		"f.pdf": sample, "g.json": "{}", ".hidden.txt": sample, ".git/config.txt": sample,
		".cache/sub/x.txt": sample, "README.TXT": sample, "LICENSE": sample, "sub/readme.md": sample,
		"sub/deeper/h.txt": sample,
	})
	c := loadWithin(t, Options{}, dir)
	expectOnly(t, c, "a", "b", "c", "d", "e", "h")
	if len(c.Warnings) > 0 {
		t.Errorf("warnings: %v", c.Warnings)
	}
}

// TestLoadNamedFiles checks that files named on the command line are loaded
// whatever their name: the user asked for them.
func TestLoadNamedFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"f.pdf": sample, ".hidden.txt": sample, "README.TXT": sample})
	var paths []string
	for _, name := range []string{"f.pdf", ".hidden.txt", "README.TXT"} {
		paths = append(paths, filepath.Join(dir, name))
	}
	c := loadWithin(t, Options{}, paths...)
	expectOnly(t, c, ".hidden", "README", "f")
}

// TestLoadReportsPaths checks that paths are reported as discovered: the
// argument joined with the path inside it, not made absolute.
func TestLoadReportsPaths(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"x/a.txt": sample, "x/sub/b.md": sample, "work/.keep": ""})
	t.Chdir(filepath.Join(dir, "work"))
	c := loadWithin(t, Options{}, "../x", "../x/a.txt")
	var got []string
	for _, a := range c.Articles {
		got = append(got, filepath.ToSlash(a.Path))
	}
	if fmt.Sprint(got) != "[../x/a.txt ../x/a.txt ../x/sub/b.md]" {
		t.Errorf("paths %v", got)
	}
}

func TestLoadMissingPath(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"good.txt": sample})
	missing := filepath.Join(dir, "missing")
	c := loadWithin(t, Options{}, missing, dir)
	expectWarning(t, c, missing, "no such file or folder")
	expectOnly(t, c, "good")
}

// TestLoadWalkError checks that a folder that cannot be listed is warned
// about and the rest of the walk goes on. The failure is injected, since
// root can list any folder.
func TestLoadWalkError(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a/good.txt": sample, "b/hidden-away.txt": sample, "c/also-good.txt": sample})
	locked := filepath.Join(dir, "b")
	swap(t, &readDir, func(p string) ([]fs.DirEntry, error) {
		if p == locked {
			return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}
		}
		return readDirSorted(p)
	})
	c := loadWithin(t, Options{}, dir)
	expectWarning(t, c, locked, "permission denied, folder skipped")
	expectOnly(t, c, "good", "also-good")
}

// TestLoadManyFiles loads a folder of 50,000 small files.
func TestLoadManyFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 50,000 files")
	}
	dir := t.TempDir()
	const n = 50000
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(sample), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	c := loadWithin(t, Options{}, dir)
	if len(c.Articles) != n || len(c.Warnings) > 0 {
		t.Errorf("loaded %d articles, %d warnings", len(c.Articles), len(c.Warnings))
	}
	if c.Articles[n-1].ID != fmt.Sprintf("%05d", n-1) {
		t.Errorf("last id %q", c.Articles[n-1].ID)
	}
	t.Logf("loaded %d files in %v", n, time.Since(start))
}
