package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"dossier/corpus/article"
)

// write creates files under dir: name → content.
func write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const sample = "A headline for the test\n\nThe ministers met for three hours on Tuesday to discuss trade, security and the future of the agreement.\n"

// ids lists the ids of a corpus's articles.
func ids(c *Corpus) []string {
	var out []string
	for _, a := range c.Articles {
		out = append(out, a.ID)
	}
	return out
}

// loadWithin loads paths and fails the test if loading takes longer than a
// generous bound, so that a hang shows as a failure instead of a stuck run.
func loadWithin(t *testing.T, paths ...string) *Corpus {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c := Load(ctx, paths, Options{})
	if ctx.Err() != nil {
		t.Fatal("loading did not finish")
	}
	return c
}

// hasWarning reports a warning naming path whose reason contains reason.
func hasWarning(c *Corpus, path, reason string) bool {
	return slices.ContainsFunc(c.Warnings, func(w Warning) bool {
		return w.Path == path && strings.Contains(w.Reason, reason)
	})
}

func TestLoadSeeds(t *testing.T) {
	c := loadWithin(t)
	want := []string{"000_a634051a37437216", "001_08c1d9b984531f62", "002_c1351128c69d2ca1", "003_4c5cdc814c745246", "004_8959b7928b4aac6e"}
	if got := ids(c); !slices.Equal(got, want) || len(c.Warnings) > 0 {
		t.Fatalf("ids %v, warnings %v", got, c.Warnings)
	}
	if c.Articles[0].Path != "seeds/000_a634051a37437216.txt" {
		t.Errorf("path %q", c.Articles[0].Path)
	}
}

func TestLoadSelectsArticleFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"a.txt": sample, "b.TXT": sample, "c.text": sample, "d.md": sample, "e": sample,
		"f.pdf": sample, "g.json": "{}", ".hidden.txt": sample, ".git/config.txt": sample,
		"README.TXT": sample, "LICENSE": sample, "sub/deeper/h.txt": sample,
	})
	c := loadWithin(t, dir)
	want := []string{"a", "b", "c", "d", "e", "h"}
	if got := ids(c); !slices.Equal(got, want) {
		t.Errorf("ids = %v, want %v", got, want)
	}
	if len(c.Warnings) > 0 {
		t.Errorf("warnings: %v", c.Warnings)
	}
	named := loadWithin(t, filepath.Join(dir, "f.pdf"))
	if len(named.Articles) != 1 {
		t.Errorf("a file named on the command line is loaded whatever its extension")
	}
}

func TestLoadUniqueIDs(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"x/a.txt": sample, "y/a.txt": sample, "z/a.md": sample, "a-2.txt": sample})
	c := loadWithin(t, dir)
	got := map[string]string{}
	for _, a := range c.Articles {
		if _, dup := got[a.ID]; dup {
			t.Fatalf("duplicate id %q", a.ID)
		}
		got[a.ID] = filepath.ToSlash(strings.TrimPrefix(a.Path, dir))
	}
	want := map[string]string{"a-2": "/a-2.txt", "a": "/x/a.txt", "a-3": "/y/a.txt", "a-4": "/z/a.md"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("ids = %v, want %v", got, want)
	}
}

func TestLoadBadInput(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"good.txt": sample, "empty.txt": "", "blank.txt": "\n \n", "binary.txt": "PK\x03\x04\x00\x00\x00"})
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("word ", (DefaultMaxFileSize/5)+10)), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "broken.txt")); err != nil {
		t.Fatal(err)
	}
	c := loadWithin(t, dir, "/dev/null", filepath.Join(dir, "missing"))
	cases := []struct{ path, reason string }{
		{filepath.Join(dir, "empty.txt"), "empty file"},
		{filepath.Join(dir, "blank.txt"), "empty file"},
		{filepath.Join(dir, "binary.txt"), "binary"},
		{big, "larger than 20 MiB"},
		{fifo, "not a regular file (named pipe)"},
		{filepath.Join(dir, "broken.txt"), "broken link"},
		{"/dev/null", "not a regular file (device)"},
		{filepath.Join(dir, "missing"), "no such file"},
	}
	for _, tc := range cases {
		if !hasWarning(c, tc.path, tc.reason) {
			t.Errorf("no warning %q for %s; warnings: %v", tc.reason, tc.path, c.Warnings)
		}
	}
	if got := ids(c); !slices.Equal(got, []string{"good"}) {
		t.Errorf("loaded %v, want only the good file", got)
	}
}

func TestLoadUnreadable(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"good.txt": sample, "secret.txt": sample})
	secret := filepath.Join(dir, "secret.txt")
	if err := os.Chmod(secret, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadFile(secret); err == nil {
		t.Skip("running with privileges that read mode-000 files; the error path is covered by TestLoadReadError")
	}
	c := loadWithin(t, dir)
	if !hasWarning(c, secret, "permission denied") || len(c.Articles) != 1 {
		t.Errorf("articles %v, warnings %v", ids(c), c.Warnings)
	}
}

// TestLoadReadError covers a read failure whatever the privileges the test
// runs with, by giving the loader a reader that fails.
func TestLoadReadError(t *testing.T) {
	ev := loadFile(job{path: "x.txt", read: func() ([]byte, error) { return nil, errors.New("open: permission denied") }})
	if ev.Warning == nil || ev.Warning.String() != "x.txt: open: permission denied" {
		t.Errorf("event %+v", ev)
	}
}

func TestLoadSymlinkLoops(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a/one.txt": sample, "b/two.txt": sample})
	links := map[string]string{"a/up": "..", "a/to-b": "../b", "b/to-a": "../a", "a/self": "."}
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	c := loadWithin(t, dir)
	if got := ids(c); !slices.Equal(got, []string{"one", "two"}) {
		t.Errorf("loaded %v, want each file once", got)
	}
	if !hasWarning(c, filepath.Join(dir, "a", "up"), "symlink loop") {
		t.Errorf("no loop warning; warnings: %v", c.Warnings)
	}
}

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
	c := loadWithin(t, dir)
	if len(c.Articles) != n || len(c.Warnings) > 0 {
		t.Errorf("loaded %d articles, %d warnings", len(c.Articles), len(c.Warnings))
	}
}

// TestLoadNeverWrites checks that loading leaves every file as it was.
func TestLoadNeverWrites(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": sample, "b.txt": "caf\xe9\r\n" + sample, "c/d.md": sample, "e.txt": ""})
	before := snapshot(t, dir)
	loadWithin(t, dir)
	if after := snapshot(t, dir); after != before {
		t.Errorf("corpus changed:\n%s\n%s", before, after)
	}
}

// snapshot describes every file under dir: path, mode, size, mtime.
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

func TestStreamProgressAndCancel(t *testing.T) {
	dir := t.TempDir()
	for i := range 200 {
		write(t, dir, map[string]string{fmt.Sprintf("%03d.txt", i): sample})
	}
	var last Progress
	for ev := range Stream(context.Background(), []string{dir}, Options{Workers: 3}) {
		if ev.Progress.Done > ev.Progress.Total {
			t.Fatalf("progress %+v: more done than found", ev.Progress)
		}
		last = ev.Progress
	}
	if last.Done != 200 || last.Total != 200 || last.Walking {
		t.Errorf("final progress %+v", last)
	}
	ctx, cancel := context.WithCancel(context.Background())
	events := Stream(ctx, []string{dir}, Options{Workers: 2})
	<-events
	cancel()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case _, ok := <-events:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("stream not closed after cancel")
		}
	}
}

// bbcDir is the BBC dataset beside the repository, used when present.
const bbcDir = "../../shared/data/bbc"

// TestLoadBBC loads the 2,225 real BBC articles: every title is the file's
// first line and the one Latin-1 file decodes without mojibake.
func TestLoadBBC(t *testing.T) {
	if _, err := os.Stat(bbcDir); err != nil {
		t.Skip("BBC dataset not present")
	}
	c := loadWithin(t, bbcDir)
	if len(c.Articles) != 2225 || len(c.Warnings) > 0 {
		t.Fatalf("loaded %d articles, warnings %v", len(c.Articles), c.Warnings)
	}
	mismatched := 0
	for _, a := range c.Articles {
		if !utf8.ValidString(a.Text()) || a.Title == "" {
			t.Errorf("%s: title %q", a.Path, a.Title)
		}
		if a.Title != firstLine(t, a) {
			mismatched++
		}
		if strings.HasSuffix(a.Path, "sport/199.txt") && (!strings.Contains(a.Text(), "£") || strings.ContainsAny(a.Text(), "ÃÂ")) {
			t.Errorf("%s decoded with mojibake", a.Path)
		}
	}
	if mismatched > 2 {
		t.Errorf("%d titles differ from the file's first line", mismatched)
	}
}

// firstLine is the first non-blank line of an article's file, spaces folded.
func firstLine(t *testing.T, a *article.Article) string {
	raw, err := os.ReadFile(a.Path)
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.SplitSeq(string(raw), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			return strings.Join(f, " ")
		}
	}
	return ""
}
