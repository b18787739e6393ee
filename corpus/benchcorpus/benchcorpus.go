// Package benchcorpus makes large corpora for benchmarks by copying the
// articles of a source folder (the BBC dataset in ../shared/data/bbc) over
// and over under distinct names.
package benchcorpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// PerFolder is the number of files Make writes into each folder, so that no
// folder grows huge.
const PerFolder = 1000

// source is one article file of the source folder.
type source struct {
	name string // category and file name, "business-001"
	data []byte
}

// Make writes n article files under dir by cycling through the .txt files
// of src (read once, in name order). File k goes to folder k/PerFolder and
// is named after its round through src and its source file,
// "r003-business-001.txt", so that every file name is distinct.
func Make(dir, src string, n int) error {
	if n < 0 {
		return fmt.Errorf("benchcorpus: negative count %d", n)
	}
	files, err := readSources(src)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("benchcorpus: no .txt files under %s", src)
	}
	for k := range n {
		f := files[k%len(files)]
		name := fmt.Sprintf("r%03d-%s.txt", k/len(files), f.name)
		p := filepath.Join(dir, fmt.Sprintf("%04d", k/PerFolder), name)
		if k%PerFolder == 0 {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// readSources reads the .txt files under src, sorted by path, naming each
// after its path with separators turned into dashes.
func readSources(src string) ([]source, error) {
	var out []source
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".txt" || strings.EqualFold(d.Name(), "README.TXT") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		name := strings.ReplaceAll(strings.TrimSuffix(rel, ".txt"), string(filepath.Separator), "-")
		out = append(out, source{name: name, data: data})
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("benchcorpus: source %s not found", src)
	}
	slices.SortFunc(out, func(a, b source) int { return strings.Compare(a.name, b.name) })
	return out, err
}
