package benchcorpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestMake(t *testing.T) {
	src := t.TempDir()
	for _, name := range []string{"a/001.txt", "a/002.txt", "b/001.txt", "README.TXT", "b/notes.csv"} {
		p := filepath.Join(src, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("text of "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		n     int
		files int
	}{
		{"none", 0, 0},
		{"fewer than the source", 2, 2},
		{"several rounds over folders", 2*PerFolder + 7, 2*PerFolder + 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := Make(dir, src, tt.n); err != nil {
				t.Fatal(err)
			}
			names := map[string]bool{}
			err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					if names[d.Name()] {
						t.Errorf("file name %s used twice", d.Name())
					}
					names[d.Name()] = true
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(names) != tt.files {
				t.Errorf("%d files, want %d", len(names), tt.files)
			}
		})
	}
}

func TestMakeMissingSource(t *testing.T) {
	if err := Make(t.TempDir(), filepath.Join(t.TempDir(), "absent"), 3); err == nil {
		t.Error("no error for a missing source folder")
	}
}
