package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dossier/corpus"
)

// TestMain keeps the command's indexes, and the benchmarks' corpora, in a
// temporary cache folder, never in the user's. A test binary re-executed
// by benchRSS exports a corpus instead.
func TestMain(m *testing.M) {
	if dir := os.Getenv(rssEnv); dir != "" {
		exportForRSS(dir)
	}
	dir, err := os.MkdirTemp("", "dossier-cache-")
	if err != nil {
		panic(err)
	}
	keepGoFolders()
	os.Setenv("XDG_CACHE_HOME", dir)
	os.Setenv("HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// keepGoFolders pins the go command's build and module caches to where
// they are now, so that the tests that build dossier with "go build" do not
// rebuild everything, or fetch modules, under the temporary home.
func keepGoFolders() {
	for _, name := range []string{"GOCACHE", "GOMODCACHE", "GOPATH"} {
		if os.Getenv(name) != "" {
			continue
		}
		out, err := exec.Command("go", "env", name).Output()
		if v := strings.TrimSpace(string(out)); err == nil && v != "" {
			os.Setenv(name, v)
		}
	}
}

func TestExportSameWithAndWithoutIndex(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"000_a634051a37437216.txt", "003_4c5cdc814c745246.txt"} {
		data, err := os.ReadFile(filepath.Join("seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		args []string
	}{
		{"without the index", []string{"export", "--no-cache", dir}},
		{"building the index", []string{"export", dir}},
		{"through the index", []string{"export", dir}},
	}
	var want string
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr); code != 0 || stderr.Len() > 0 {
				t.Fatalf("exit %d, stderr %q", code, stderr.String())
			}
			if i == 0 {
				want = stdout.String()
			} else if stdout.String() != want {
				t.Error("export differs from the export without the index")
			}
		})
	}
}

func TestHelpNamesTheCache(t *testing.T) {
	var stdout, stderr bytes.Buffer
	run([]string{"--help"}, &stdout, &stderr)
	dir, err := corpus.DefaultCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), dir) || !strings.Contains(stdout.String(), "--no-cache") {
		t.Errorf("help does not name the cache folder %s or --no-cache:\n%s", dir, stdout.String())
	}
}
