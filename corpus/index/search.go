package index

import (
	"context"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrQuery is wrapped by the errors of search queries that cannot be
// understood, such as an unbalanced quote; the message says why.
var ErrQuery = errors.New("search")

// Hit is one article that matches a search.
type Hit struct {
	// Path is the absolute path of the article's file.
	Path string
	// Score ranks the hits, higher first (BM25).
	Score float64
	// Matches are the byte offsets of the matching words and phrases in
	// the article's text, in order.
	Matches [][2]int
	// Snippet is the passage around the first match, on one line, with
	// "…" where it was cut; SnippetMatches are the matches' byte offsets in
	// it.
	Snippet        string
	SnippetMatches [][2]int
}

// Highlight markers: the cleaned text of an article never holds control
// characters, so these cannot be confused with its own bytes.
const (
	markOpen  = "\x01"
	markClose = "\x02"
)

// search finds the best matches of an FTS5 query, highlighting the
// matches in each text. The inner query lets FTS5 sort by rank and stop at
// the limit before the texts are highlighted.
const search = `
SELECT f.path, -h.score, h.marked FROM (
	SELECT rowid, rank AS score, highlight(fts, 0, char(1), char(2)) AS marked
	FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT ?
) h JOIN files f ON f.id = h.rowid ORDER BY h.score, f.path`

// Search returns the articles whose text matches query, best first, at
// most limit of them. A query is words and "quoted phrases", all of which
// must occur; letters match whatever their case and accents, and nothing
// in it is an operator.
func (x *Index) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	match, err := ftsQuery(query)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		return nil, nil
	}
	rows, err := x.db.QueryContext(ctx, search, match, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var (
			h      Hit
			marked string
		)
		if err := rows.Scan(&h.Path, &h.Score, &marked); err != nil {
			return nil, err
		}
		text, matches := unmark(marked)
		h.Matches = matches
		h.Snippet, h.SnippetMatches = snippet(text, matches)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// ftsQuery turns a user's query into an FTS5 query: every word and every
// quoted phrase becomes an FTS5 string, so that quotes, operators (AND,
// OR, NOT, NEAR), column filters and stars are only text. Terms without a
// letter or digit are dropped, since they match nothing.
func ftsQuery(query string) (string, error) {
	if strings.Count(query, `"`)%2 != 0 {
		return "", errors.Join(ErrQuery, errors.New(`search: a quote (") is not closed`))
	}
	var terms []string
	for i, part := range strings.Split(query, `"`) {
		if i%2 == 1 {
			terms = appendTerm(terms, part)
			continue
		}
		for _, w := range strings.Fields(part) {
			terms = appendTerm(terms, w)
		}
	}
	if len(terms) == 0 {
		return "", errors.Join(ErrQuery, errors.New("search: no words to look for"))
	}
	return strings.Join(terms, " "), nil
}

// appendTerm adds a word or phrase to an FTS5 query as a string, if it
// holds anything to match.
func appendTerm(terms []string, term string) []string {
	if !strings.ContainsFunc(term, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
		return terms
	}
	return append(terms, `"`+strings.ReplaceAll(strings.Join(strings.Fields(term), " "), `"`, `""`)+`"`)
}

// unmark removes the highlight markers from a text, returning the text and
// the byte offsets of the highlighted stretches.
func unmark(marked string) (string, [][2]int) {
	var (
		b       strings.Builder
		matches [][2]int
	)
	b.Grow(len(marked))
	for marked != "" {
		i := strings.IndexAny(marked, markOpen+markClose)
		if i < 0 {
			b.WriteString(marked)
			break
		}
		b.WriteString(marked[:i])
		if marked[i] == markOpen[0] {
			matches = append(matches, [2]int{b.Len(), b.Len()})
		} else if n := len(matches); n > 0 {
			matches[n-1][1] = b.Len()
		}
		marked = marked[i+1:]
	}
	return b.String(), matches
}

// Snippet sizes: how much text to show before and after the first match.
const (
	snippetBefore = 60
	snippetAfter  = 160
)

// snippet cuts the passage around the first match out of text, widened to
// whole words, on one line, with the matches' offsets in it.
func snippet(text string, matches [][2]int) (string, [][2]int) {
	if len(matches) == 0 {
		return "", nil
	}
	start := wordStart(text, max(matches[0][0]-snippetBefore, 0), matches[0][0])
	end := wordEnd(text, min(matches[0][1]+snippetAfter, len(text)), matches[0][1])
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "…"
	}
	if end < len(text) {
		suffix = "…"
	}
	passage := oneLine.Replace(text[start:end])
	var in [][2]int
	for _, m := range matches {
		if m[0] >= start && m[1] <= end {
			in = append(in, [2]int{m[0] - start + len(prefix), m[1] - start + len(prefix)})
		}
	}
	return prefix + passage + suffix, in
}

// oneLine turns line breaks and tabs into spaces, byte for byte.
var oneLine = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ")

// wordStart moves at back to the start of the word it falls in, but not
// past limit, and onto a character boundary.
func wordStart(text string, at, limit int) int {
	for at > 0 && at < limit && !utf8.RuneStart(text[at]) {
		at++
	}
	if at == 0 {
		return 0
	}
	if i := strings.IndexAny(text[at:limit], " \n"); i >= 0 {
		return at + i + 1
	}
	return at
}

// wordEnd moves at forward to the end of the word it falls in, but not
// before limit, and onto a character boundary.
func wordEnd(text string, at, limit int) int {
	if at >= len(text) {
		return len(text)
	}
	if i := strings.LastIndexAny(text[limit:at], " \n"); i >= 0 {
		return limit + i
	}
	for at < len(text) && !utf8.RuneStart(text[at]) {
		at++
	}
	return at
}
