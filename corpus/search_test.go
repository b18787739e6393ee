package corpus

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestCorpusSearcher(t *testing.T) {
	dir := copySeeds(t, t.TempDir(), 1)
	cacheDir := t.TempDir()
	Load(context.Background(), []string{dir}, Options{CacheDir: cacheDir})
	tests := []struct {
		name string
		opts Options
	}{
		{"through the index", Options{CacheDir: cacheDir}},
		{"in memory", Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Load(context.Background(), []string{dir}, tt.opts)
			s, err := c.Searcher()
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			hits, err := s.Search(context.Background(), `"security cooperation" stockholm`, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != 1 || hits[0].ArticleID != "000_a634051a37437216" {
				t.Fatalf("hits %+v, want the first seed", hits)
			}
			text := c.Articles[0].Text()
			for _, m := range hits[0].Matches {
				if got := strings.ToLower(text[m[0]:m[1]]); got != "security cooperation" && got != "stockholm" {
					t.Errorf("match %q", got)
				}
			}
			if _, err := s.Search(context.Background(), `"security`, 10); !errors.Is(err, ErrQuery) {
				t.Errorf("unclosed quote gave %v, want an ErrQuery", err)
			}
		})
	}
}
