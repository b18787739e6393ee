package corpus

import (
	"context"
	"os"
	"path/filepath"

	"dossier/corpus/article"
	"dossier/corpus/index"
)

// ErrQuery is wrapped by the error of a search query that cannot be
// understood, such as one with an unclosed quote; its message says why,
// in words for the user.
var ErrQuery = index.ErrQuery

// Hit is one article matching a full-text search.
type Hit struct {
	// ArticleID and Path name the article in the corpus.
	ArticleID, Path string
	// Score ranks the hits, higher first (BM25).
	Score float64
	// Matches are the byte offsets of the matching words and phrases in
	// the article's Text(), in order, for highlighting and moving between
	// them.
	Matches [][2]int
	// Snippet is the passage around the first match on one line, with
	// "…" where it was cut, and SnippetMatches the matches' byte offsets
	// in it.
	Snippet        string
	SnippetMatches [][2]int
}

// Searcher finds articles by the words of their text.
type Searcher interface {
	// Search returns the articles whose text holds every word and "quoted
	// phrase" of query, best first, at most limit of them. Case and
	// accents do not matter and nothing in the query is an operator; a
	// query with an unclosed quote or no words gives an error wrapping
	// ErrQuery.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
	// Close releases the searcher's index.
	Close() error
}

// Searcher opens full-text search over the corpus's articles: through the
// persistent index the corpus was loaded through, or else through an
// index built in memory now, which takes a while for a large corpus.
func (c *Corpus) Searcher() (Searcher, error) {
	s := &searcher{byPath: make(map[string]*article.Article, len(c.Articles))}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	for _, a := range c.Articles {
		s.byPath[absPath(cwd, a.Path)] = a
	}
	if c.index != "" {
		if s.x, err = index.Open(c.index); err == nil {
			return s, nil
		}
	}
	if s.x, err = index.OpenMemory(); err != nil {
		return nil, err
	}
	if err := s.fill(); err != nil {
		s.x.Close()
		return nil, err
	}
	return s, nil
}

// searcher searches an index and names the hits after the corpus's
// articles.
type searcher struct {
	x      *index.Index
	byPath map[string]*article.Article // by absolute path
}

// fill writes every article of the corpus into the searcher's index.
func (s *searcher) fill() error {
	w := s.x.Writer()
	for p, a := range s.byPath {
		if err := w.Put(index.Record{Path: p, Hash: []byte{}, Article: a}); err != nil {
			return err
		}
	}
	return w.Close()
}

// Search implements Searcher. Hits on files that are no longer part of
// the corpus are left out.
func (s *searcher) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	found, err := s.x.Search(ctx, query, limit)
	if err != nil {
		return nil, err
	}
	hits := make([]Hit, 0, len(found))
	for _, h := range found {
		a := s.byPath[h.Path]
		if a == nil {
			continue
		}
		hits = append(hits, Hit{ArticleID: a.ID, Path: a.Path, Score: h.Score, Matches: h.Matches,
			Snippet: h.Snippet, SnippetMatches: h.SnippetMatches})
	}
	return hits, nil
}

// Close implements Searcher.
func (s *searcher) Close() error {
	return s.x.Close()
}

// absPath makes a path found by discovery absolute from cwd; the seeds'
// paths are kept as they are.
func absPath(cwd, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(cwd, p)
}
