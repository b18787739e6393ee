package corpus

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"dossier/corpus/index"
	"dossier/seeds"
)

// copySeeds writes the embedded seed articles into dir, each copies times
// under distinct names, and returns dir.
func copySeeds(t testing.TB, dir string, copies int) string {
	t.Helper()
	entries, err := fs.ReadDir(seeds.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		data, err := seeds.FS.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		for i := range copies {
			files[filepath.Join(string(rune('a'+i%26))+strings.Repeat("x", i/26), e.Name())] = string(data)
		}
	}
	write(t, dir, files)
	return dir
}

// exportOf loads paths with opts and returns the export and the warnings.
func exportOf(t *testing.T, opts Options, paths ...string) (string, []Warning) {
	t.Helper()
	c := Load(context.Background(), paths, opts)
	var buf bytes.Buffer
	if err := WriteExport(&buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.String(), c.Warnings
}

// countReads counts the files read from disk until the test ends.
func countReads(t *testing.T) *atomic.Int64 {
	t.Helper()
	var n atomic.Int64
	saved := readFile
	readFile = func(p string, limit int64) ([]byte, error) {
		n.Add(1)
		return saved(p, limit)
	}
	t.Cleanup(func() { readFile = saved })
	return &n
}

func TestIndexRoundTrip(t *testing.T) {
	dir := copySeeds(t, t.TempDir(), 2)
	cacheDir := t.TempDir()
	want, _ := exportOf(t, Options{}, dir)
	reads := countReads(t)
	tests := []struct {
		name  string
		reads int64
	}{
		{"first open builds the index", 10},
		{"second open reads nothing", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reads.Store(0)
			got, warnings := exportOf(t, Options{CacheDir: cacheDir}, dir)
			if got != want {
				t.Errorf("export through the index differs from the export without it")
			}
			if len(warnings) != 0 {
				t.Errorf("warnings: %v", warnings)
			}
			if reads.Load() != tt.reads {
				t.Errorf("%d files read, want %d", reads.Load(), tt.reads)
			}
		})
	}
}

func TestIndexFollowsChanges(t *testing.T) {
	dir := copySeeds(t, t.TempDir(), 2)
	cacheDir := t.TempDir()
	exportOf(t, Options{CacheDir: cacheDir}, dir)
	seed, err := seeds.FS.ReadFile("000_a634051a37437216.txt")
	if err != nil {
		t.Fatal(err)
	}
	touched := filepath.Join(dir, "b", "001_08c1d9b984531f62.txt")
	later := time.Now().Add(time.Hour)
	steps := []struct {
		name   string
		change func() error
		reads  int64
	}{
		{"added", func() error {
			return os.WriteFile(filepath.Join(dir, "a", "new.txt"), []byte("An added headline\n\nRuslan Kazakbaev visited Bishkek on Monday for talks.\n"), 0o644)
		}, 1},
		{"changed", func() error {
			return os.WriteFile(filepath.Join(dir, "a", "000_a634051a37437216.txt"), bytes.Replace(seed, []byte("France"), []byte("Italy"), 1), 0o644)
		}, 1},
		{"touched but the same", func() error { return os.Chtimes(touched, later, later) }, 1},
		{"removed", func() error { return os.Remove(filepath.Join(dir, "b", "000_a634051a37437216.txt")) }, 0},
		{"emptied", func() error { return os.WriteFile(filepath.Join(dir, "a", "new.txt"), nil, 0o644) }, 1},
	}
	reads := countReads(t)
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if err := st.change(); err != nil {
				t.Fatal(err)
			}
			reads.Store(0)
			got, gotWarnings := exportOf(t, Options{CacheDir: cacheDir}, dir)
			if reads.Load() != st.reads {
				t.Errorf("%d files read, want %d", reads.Load(), st.reads)
			}
			want, wantWarnings := exportOf(t, Options{}, dir)
			if got != want {
				t.Errorf("export through the index differs from the export without it")
			}
			if len(gotWarnings) != len(wantWarnings) {
				t.Errorf("warnings %v, want %v", gotWarnings, wantWarnings)
			}
		})
	}
}

func TestDamagedIndexIsRebuilt(t *testing.T) {
	dir := copySeeds(t, t.TempDir(), 3)
	want, _ := exportOf(t, Options{}, dir)
	tests := []struct {
		name   string
		damage func(p string) error
	}{
		{"truncated", func(p string) error { return os.Truncate(p, 6000) }},
		{"junk", func(p string) error { return os.WriteFile(p, bytes.Repeat([]byte("junk"), 10000), 0o644) }},
		{"empty", func(p string) error { return os.WriteFile(p, nil, 0o644) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cacheDir := t.TempDir()
			exportOf(t, Options{CacheDir: cacheDir}, dir)
			p, err := IndexPath(cacheDir, []string{dir})
			if err != nil {
				t.Fatal(err)
			}
			if err := tt.damage(p); err != nil {
				t.Fatal(err)
			}
			got, warnings := exportOf(t, Options{CacheDir: cacheDir}, dir)
			if got != want {
				t.Errorf("export after damage differs from the export without an index")
			}
			if tt.name != "empty" && (len(warnings) != 1 || !strings.Contains(warnings[0].Reason, "rebuilding")) {
				t.Errorf("warnings %v, want one about rebuilding the index", warnings)
			}
			for _, w := range warnings {
				if strings.Contains(w.String(), "\n") {
					t.Errorf("warning on several lines: %q", w)
				}
			}
			if again, warnings := exportOf(t, Options{CacheDir: cacheDir}, dir); again != want || len(warnings) != 0 {
				t.Errorf("rebuilt index: same export %v, warnings %v", again == want, warnings)
			}
		})
	}
}

func TestIndexPath(t *testing.T) {
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	base, _ := IndexPath("/cache", []string{"a", "b"})
	tests := []struct {
		name  string
		paths []string
		same  bool
	}{
		{"reordered and repeated", []string{"b", "a", "./b/"}, true},
		{"absolute", []string{filepath.Join(cwd, "a"), filepath.Join(cwd, "b")}, true},
		{"another set", []string{"a"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := IndexPath("/cache", tt.paths)
			if err != nil {
				t.Fatal(err)
			}
			if (p == base) != tt.same || filepath.Dir(p) != "/cache" {
				t.Errorf("IndexPath(%v) = %s, base %s", tt.paths, p, base)
			}
		})
	}
}

// killEnv names the corpus and cache folders a re-executed test binary
// indexes before it is killed.
const killEnv = "DOSSIER_TEST_INDEX_AND_WAIT"

// TestMain lets the test binary act as an indexing process for
// TestKilledWhileIndexing.
func TestMain(m *testing.M) {
	if dirs := os.Getenv(killEnv); dirs != "" {
		corpusDir, cacheDir, _ := strings.Cut(dirs, string(os.PathListSeparator))
		Load(context.Background(), []string{corpusDir}, Options{CacheDir: cacheDir})
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestKilledWhileIndexing(t *testing.T) {
	dir := copySeeds(t, t.TempDir(), 40)
	cacheDir := t.TempDir()
	p, err := IndexPath(cacheDir, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	exportOf(t, Options{CacheDir: cacheDir}, dir)
	copySeeds(t, dir, 200)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), killEnv+"="+dir+string(os.PathListSeparator)+cacheDir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitForWrites(t, p+"-wal", cmd)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("indexing process ended before it was killed (%v); the corpus is too small", err)
	}
	if n := countRecords(t, p); n < 200 {
		t.Errorf("the index held %d records after the kill, fewer than the 200 of the open before", n)
	}
	want, _ := exportOf(t, Options{}, dir)
	got, warnings := exportOf(t, Options{CacheDir: cacheDir}, dir)
	if got != want {
		t.Error("export after a killed indexing differs from the export without an index")
	}
	if len(warnings) != 0 {
		t.Errorf("warnings after a killed indexing: %v", warnings)
	}
	if n := countRecords(t, p); n != 1000 {
		t.Errorf("index after reopening holds %d records, want 1000", n)
	}
}

// countRecords opens the index at p and counts its records.
func countRecords(t *testing.T, p string) int {
	t.Helper()
	x, err := index.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	n := 0
	if err := x.Scan(context.Background(), func(index.Record) { n++ }); err != nil {
		t.Fatal(err)
	}
	return n
}

// waitForWrites waits until the index's write-ahead log holds a committed
// transaction or more, failing the test if the process ends first.
func waitForWrites(t *testing.T, wal string, cmd *exec.Cmd) {
	t.Helper()
	deadline := time.Now().Add(loadTimeout)
	for time.Now().Before(deadline) {
		if info, err := os.Stat(wal); err == nil && info.Size() > 0 {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill()
	t.Fatal("the indexing process wrote nothing in time")
}
