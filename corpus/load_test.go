package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dossier/corpus/article"
	"dossier/corpus/textdecode"
)

// sample is a small well-formed article.
const sample = "A headline for the test\n\nThe ministers met for three hours on Tuesday to discuss trade, security and the future of the agreement.\n"

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

// ids lists the ids of a corpus's articles.
func ids(c *Corpus) []string {
	var out []string
	for _, a := range c.Articles {
		out = append(out, a.ID)
	}
	return out
}

// loadTimeout bounds every load in the tests: a hang fails the test instead
// of blocking the run. It is a hang guard, not a speed test: generous
// enough for the race detector on a busy two-core machine.
const loadTimeout = 3 * time.Minute

// loadWithin loads paths with opts (names left out, they are not what these
// tests check) and fails the test if loading does not finish in time.
func loadWithin(t *testing.T, opts Options, paths ...string) *Corpus {
	t.Helper()
	opts.SkipNames = true
	done := make(chan *Corpus, 1)
	go func() { done <- Load(context.Background(), paths, opts) }()
	select {
	case c := <-done:
		return c
	case <-time.After(loadTimeout):
		t.Fatalf("loading %v did not finish within %v", paths, loadTimeout)
		return nil
	}
}

// hasWarning reports a warning naming path whose reason contains reason.
func hasWarning(c *Corpus, path, reason string) bool {
	return countWarnings(c, path, reason) > 0
}

// countWarnings counts the warnings naming path whose reason contains
// reason.
func countWarnings(c *Corpus, path, reason string) int {
	n := 0
	for _, w := range c.Warnings {
		if w.Path == path && strings.Contains(w.Reason, reason) {
			n++
		}
	}
	return n
}

// expectOnly fails unless the corpus holds exactly the articles with the
// given ids, in order.
func expectOnly(t *testing.T, c *Corpus, want ...string) {
	t.Helper()
	if got := ids(c); !slices.Equal(got, want) {
		t.Errorf("loaded %v, want %v; warnings: %v", got, want, c.Warnings)
	}
}

// expectWarning fails unless the corpus has a warning naming path with
// reason in its text, and checks that the warning prints as one line.
func expectWarning(t *testing.T, c *Corpus, path, reason string) {
	t.Helper()
	if !hasWarning(c, path, reason) {
		t.Errorf("no warning %q for %s; warnings: %v", reason, path, c.Warnings)
	}
	for _, w := range c.Warnings {
		if s := w.String(); strings.Contains(s, "\n") || !strings.HasPrefix(s, w.Path+": ") {
			t.Errorf("warning %q is not one \"PATH: REASON\" line", s)
		}
	}
}

// swap sets *v to x for the duration of the test.
func swap[T any](t *testing.T, v *T, x T) {
	old := *v
	*v = x
	t.Cleanup(func() { *v = old })
}

func TestLoadSeeds(t *testing.T) {
	c := loadWithin(t, Options{})
	expectOnly(t, c, "000_a634051a37437216", "001_08c1d9b984531f62", "002_c1351128c69d2ca1", "003_4c5cdc814c745246", "004_8959b7928b4aac6e")
	if len(c.Warnings) > 0 {
		t.Errorf("warnings: %v", c.Warnings)
	}
	for _, a := range c.Articles {
		if a.Path != "seeds/"+a.ID+".txt" || a.Title == "" || a.Encoding == "" {
			t.Errorf("article %q: path %q, title %q, encoding %q", a.ID, a.Path, a.Title, a.Encoding)
		}
	}
}

func TestLoadSeedsWithNames(t *testing.T) {
	c := Load(context.Background(), nil, Options{})
	if len(c.Articles) != 5 || len(c.Mentions) != len(c.Articles) {
		t.Errorf("%d articles, %d mention lists", len(c.Articles), len(c.Mentions))
	}
}

func TestLoadUniqueIDs(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  map[string]string // id → path under the folder
	}{
		{name: "no clash", files: []string{"a.txt", "b.md"},
			want: map[string]string{"a": "a.txt", "b": "b.md"}},
		{name: "same name in two folders", files: []string{"x/a.txt", "y/a.txt"},
			want: map[string]string{"a": "x/a.txt", "a-2": "y/a.txt"}},
		{name: "same name, other extension", files: []string{"a.md", "a.txt", "a"},
			want: map[string]string{"a": "a", "a-2": "a.md", "a-3": "a.txt"}},
		{name: "suffix taken by a real file", files: []string{"x/a.txt", "y/a.txt", "z/a.md", "a-2.txt"},
			want: map[string]string{"a-2": "a-2.txt", "a": "x/a.txt", "a-3": "y/a.txt", "a-4": "z/a.md"}},
		{name: "suffix taken by a later file", files: []string{"x/a.txt", "y/a.txt", "z/a-2.txt"},
			want: map[string]string{"a": "x/a.txt", "a-3": "y/a.txt", "a-2": "z/a-2.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tt.files {
				write(t, dir, map[string]string{f: sample})
			}
			c := loadWithin(t, Options{}, dir)
			got := map[string]string{}
			for _, a := range c.Articles {
				rel, _ := filepath.Rel(dir, a.Path)
				got[a.ID] = filepath.ToSlash(rel)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("ids = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestLoadBadContent covers files that are read but hold no article: each
// gets a warning naming it, and the good file beside it still loads.
func TestLoadBadContent(t *testing.T) {
	tests := []struct {
		name, content, reason string
	}{
		{"empty", "", "empty file, skipped"},
		{"blank", "\n \r\n\t\n", "empty file, skipped"},
		{"binary zip", "PK\x03\x04\x14\x00\x00\x00\x08\x00" + strings.Repeat("\x00\x01\x02", 50), "binary content, skipped"},
		{"binary nul", "abc\x00\x00\x00def\x00\x00", "binary content, skipped"},
		{"byte order mark only", "\xef\xbb\xbf", "no text, skipped"},
		{"too large", strings.Repeat("word ", 300), "larger than 1 KiB, skipped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, map[string]string{"good.txt": sample, "bad.txt": tt.content})
			c := loadWithin(t, Options{MaxFileSize: 1 << 10}, dir)
			expectWarning(t, c, filepath.Join(dir, "bad.txt"), tt.reason)
			expectOnly(t, c, "good")
		})
	}
}

// TestLoadDefaultSizeLimit checks the 20 MiB default with a sparse file, so
// that nothing that large is written or read.
func TestLoadDefaultSizeLimit(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"good.txt": sample, "big.txt": ""})
	big := filepath.Join(dir, "big.txt")
	if err := os.Truncate(big, DefaultMaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	c := loadWithin(t, Options{}, dir)
	expectWarning(t, c, big, "larger than 20 MiB, skipped")
	expectOnly(t, c, "good")
}

// TestReadLimitedGrowth checks that the read itself stops at the limit when
// the size found by Stat was wrong, as for a file that grows meanwhile.
// Files under /proc report a size of 0 but have content.
func TestReadLimitedGrowth(t *testing.T) {
	const p = "/proc/self/status"
	if info, err := os.Stat(p); err != nil || info.Size() != 0 {
		t.Skip("no /proc file that under-reports its size")
	}
	_, err := readLimited(p, 16)
	if err == nil || describe(err) != "larger than 16 bytes, skipped" {
		t.Errorf("err = %v", err)
	}
	raw, err := readLimited(p, 1<<20)
	if err != nil || len(raw) == 0 {
		t.Errorf("read %d bytes, err %v", len(raw), err)
	}
}

// TestLoadReadError covers a file that cannot be read whatever the
// privileges the test runs with (root reads mode-000 files), by injecting a
// failing read for one file.
func TestLoadReadError(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"good.txt": sample, "secret.txt": sample, "flaky.txt": sample})
	secret, flaky := filepath.Join(dir, "secret.txt"), filepath.Join(dir, "flaky.txt")
	swap(t, &readFile, func(p string, limit int64) ([]byte, error) {
		switch p {
		case secret:
			return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}
		case flaky:
			return nil, &fs.PathError{Op: "read", Path: p, Err: errors.New("input/output error")}
		}
		return readLimited(p, limit)
	})
	c := loadWithin(t, Options{}, dir)
	expectWarning(t, c, secret, "permission denied, skipped")
	expectWarning(t, c, flaky, "read: input/output error, skipped")
	expectOnly(t, c, "good")
}

// TestLoadParserPanic checks that a panic while parsing one file becomes a
// warning and the other files still load.
func TestLoadParserPanic(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"good.txt": sample, "boom.txt": "BOOM\n\n" + sample})
	swap(t, &parse, func(text string) *article.Article {
		if strings.HasPrefix(text, "BOOM") {
			panic("index out of range")
		}
		return article.Parse(text)
	})
	c := loadWithin(t, Options{Workers: 1}, dir)
	expectWarning(t, c, filepath.Join(dir, "boom.txt"), "parser failed: index out of range")
	expectOnly(t, c, "good")
}

// TestStreamEvents checks the events of a stream: each an article or a
// warning, progress never showing more done than found nor going back,
// and a last event with discovery over and every file done.
func TestStreamEvents(t *testing.T) {
	dir := t.TempDir()
	for i := range 200 {
		write(t, dir, map[string]string{fmt.Sprintf("d%d/%03d.txt", i%7, i): sample})
	}
	write(t, dir, map[string]string{"empty.txt": ""})
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			var last Progress
			articles, warnings := 0, 0
			for ev := range Stream(context.Background(), []string{dir, filepath.Join(dir, "missing")}, Options{Workers: workers, SkipNames: true}) {
				if (ev.Article == nil) == (ev.Warning == nil) {
					t.Fatalf("event %+v is not exactly one of article and warning", ev)
				}
				p := ev.Progress
				if p.Done > p.Total || p.Done < last.Done || p.Total < last.Total || p.Bytes < last.Bytes {
					t.Fatalf("progress %+v after %+v", p, last)
				}
				if ev.Article != nil {
					articles++
				} else {
					warnings++
				}
				last = p
			}
			if articles != 200 || warnings != 2 {
				t.Errorf("%d articles, %d warnings", articles, warnings)
			}
			if last.Done != 201 || last.Total != 201 || last.Walking || last.Bytes != int64(200*len(sample)) {
				t.Errorf("final progress %+v", last)
			}
		})
	}
}

// TestStreamCancel checks that cancelling stops the stream, closes its
// channel and leaves no goroutine behind.
func TestStreamCancel(t *testing.T) {
	dir := t.TempDir()
	for i := range 500 {
		write(t, dir, map[string]string{fmt.Sprintf("%03d.txt", i): sample})
	}
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	events := Stream(ctx, []string{dir}, Options{Workers: 2, SkipNames: true})
	<-events
	cancel()
	deadline := time.After(10 * time.Second)
	received := 1
	for open := true; open; {
		select {
		case _, open = <-events:
			received++
		case <-deadline:
			t.Fatal("stream not closed after cancel")
		}
	}
	if received > 100 {
		t.Errorf("%d events after cancelling", received)
	}
	for wait := time.Now(); runtime.NumGoroutine() > before; time.Sleep(10 * time.Millisecond) {
		if time.Since(wait) > 5*time.Second {
			t.Fatalf("%d goroutines left running", runtime.NumGoroutine()-before)
		}
	}
}

// bbcDir is the BBC dataset beside the repository, used when present.
const bbcDir = "../../shared/data/bbc"

// TestLoadBBC loads the 2,225 real BBC articles: every title is the first
// line of the decoded file, and the one Latin-1 file decodes without
// mojibake.
func TestLoadBBC(t *testing.T) {
	if _, err := os.Stat(bbcDir); err != nil {
		t.Skip("BBC dataset not present")
	}
	c := loadWithin(t, Options{}, bbcDir)
	if len(c.Articles) != 2225 || len(c.Warnings) > 0 {
		t.Fatalf("loaded %d articles, warnings %v", len(c.Articles), c.Warnings)
	}
	for _, a := range c.Articles {
		if !utf8.ValidString(a.Text()) {
			t.Errorf("%s: invalid UTF-8", a.Path)
		}
		if want := firstLine(t, a.Path); a.Title != want {
			t.Errorf("%s: title %q, want the first line %q", a.Path, a.Title, want)
		}
		if strings.HasSuffix(a.Path, "sport/199.txt") && (!strings.Contains(a.Text(), "£") || strings.ContainsAny(a.Text(), "ÃÂ")) {
			t.Errorf("%s decoded with mojibake", a.Path)
		}
	}
}

// firstLine is the first non-blank line of a decoded file, white space
// folded as the parser folds it.
func firstLine(t *testing.T, p string) string {
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	text, _, err := textdecode.Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.SplitSeq(text, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			return strings.Join(f, " ")
		}
	}
	return ""
}
