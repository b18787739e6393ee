package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"runtime"
	"sync/atomic"

	json "github.com/goccy/go-json"

	"dossier/corpus/article"
)

// ExportVersion is the version of the export format that WriteExport prints
// (see the contract in shared/contract/export.md).
const ExportVersion = 1

// Export is the machine-readable view of a corpus that `dossier export`
// prints. Field order and names follow the export contract exactly.
type Export struct {
	Version  int             `json:"version"`
	Articles []ExportArticle `json:"articles"`
	Actors   []ExportActor   `json:"actors"`
}

// ExportArticle is one article of the export.
type ExportArticle struct {
	ID       string          `json:"id"`
	Path     string          `json:"path"`
	Title    string          `json:"title"`
	Source   string          `json:"source"`
	Section  string          `json:"section"`
	Date     string          `json:"date"`
	Byline   []string        `json:"byline"`
	Dateline string          `json:"dateline"`
	Text     string          `json:"text"`
	Comments []ExportComment `json:"comments"`
	Mentions []ExportMention `json:"mentions"`
}

// ExportComment is one reader comment.
type ExportComment struct {
	Author string `json:"author"`
	Date   string `json:"date"`
	Text   string `json:"text"`
}

// ExportMention is one occurrence of an actor in an article's text, by byte
// offsets into that text.
type ExportMention struct {
	Actor string `json:"actor"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// ExportActor is one person, organisation or place of the corpus.
type ExportActor struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Aliases  []string `json:"aliases"`
	Roles    []string `json:"roles"`
	Articles []string `json:"articles"`
}

// NewExport builds the export of a loaded corpus, in article order. Lists
// are never nil, so they print as [] rather than null.
func NewExport(c *Corpus) Export {
	e := Export{Version: ExportVersion, Articles: make([]ExportArticle, 0, len(c.Articles)), Actors: exportActors(c)}
	for i := range c.Articles {
		e.Articles = append(e.Articles, exportArticleAt(c, i))
	}
	return e
}

// exportActors converts the actors of a corpus.
func exportActors(c *Corpus) []ExportActor {
	out := make([]ExportActor, 0, len(c.Actors))
	for _, a := range c.Actors {
		out = append(out, ExportActor{ID: a.ID, Name: a.Name, Kind: a.Kind,
			Aliases: nonNil(a.Aliases), Roles: nonNil(a.Roles), Articles: nonNil(a.Articles)})
	}
	return out
}

// exportArticleAt converts the i-th article of a corpus with its mentions.
func exportArticleAt(c *Corpus, i int) ExportArticle {
	ea := exportArticle(c.Articles[i])
	if i < len(c.Mentions) {
		for _, m := range c.Mentions[i] {
			ea.Mentions = append(ea.Mentions, ExportMention(m))
		}
	}
	return ea
}

// exportArticle converts one parsed article.
func exportArticle(a *article.Article) ExportArticle {
	comments := make([]ExportComment, 0, len(a.Comments))
	for _, c := range a.Comments {
		comments = append(comments, ExportComment(c))
	}
	byline := append([]string{}, a.Byline...)
	return ExportArticle{
		ID: a.ID, Path: a.Path, Title: a.Title, Source: a.Source, Section: a.Section,
		Date: a.Date, Byline: byline, Dateline: a.Dateline, Text: a.Text(),
		Comments: comments, Mentions: []ExportMention{},
	}
}

// WriteExport prints the export of c as indented JSON, without escaping
// HTML characters, so that text reads as it does in the articles: the
// bytes json.Encoder gives for NewExport(c) with a two-space indent.
//
// The articles are encoded in chunks on every core and written in order
// as they are ready, so that memory holds a few chunks of JSON rather than
// the whole document.
func WriteExport(w io.Writer, c *Corpus) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprintf(bw, "{\n  \"version\": %d,\n  \"articles\": ", ExportVersion)
	err := writeList(bw, len(c.Articles), func(i int) any { return exportArticleAt(c, i) })
	if err != nil {
		return err
	}
	bw.WriteString(",\n  \"actors\": ")
	actors := exportActors(c)
	if err := writeList(bw, len(actors), func(i int) any { return actors[i] }); err != nil {
		return err
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// exportChunk is the number of list items encoded together.
const exportChunk = 256

// writeList writes a JSON list of n items, as nested two levels deep in
// the export, encoding chunks of items concurrently.
func writeList(w *bufio.Writer, n int, item func(i int) any) error {
	if n == 0 {
		_, err := w.WriteString("[]")
		return err
	}
	w.WriteString("[\n")
	chunks := (n + exportChunk - 1) / exportChunk
	workers := runtime.GOMAXPROCS(0)
	results := make([]chan []byte, chunks)
	for k := range results {
		results[k] = make(chan []byte, 1)
	}
	var next atomic.Int64
	errs := make(chan error, workers)
	for range workers {
		go func() {
			for k := int(next.Add(1)) - 1; k < chunks; k = int(next.Add(1)) - 1 {
				buf, err := encodeItems(item, k*exportChunk, min((k+1)*exportChunk, n))
				if err != nil {
					errs <- err
					return
				}
				results[k] <- buf
			}
		}()
	}
	for k := range results {
		select {
		case buf := <-results[k]:
			if k > 0 {
				w.WriteString(",\n")
			}
			w.Write(buf)
		case err := <-errs:
			return err
		}
	}
	_, err := w.WriteString("\n  ]")
	return err
}

// encodeItems encodes items from to to, each indented as a list item of
// the export, separated by commas. It uses goccy/go-json, which gives the
// bytes encoding/json gives (a test and a fuzz target compare them) about
// six times faster: encoding took several seconds of a 100k export.
func encodeItems(item func(i int) any, from, to int) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	for i := from; i < to; i++ {
		if i > from {
			buf.WriteString(",\n")
		}
		buf.WriteString("    ")
		if err := enc.Encode(item(i)); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1)
	}
	return buf.Bytes(), nil
}

// nonNil returns list, or an empty list for nil so it prints as [].
func nonNil(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}
