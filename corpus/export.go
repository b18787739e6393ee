package corpus

import (
	"encoding/json"
	"io"

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
	e := Export{Version: ExportVersion, Articles: make([]ExportArticle, 0, len(c.Articles)), Actors: make([]ExportActor, 0, len(c.Actors))}
	for i, a := range c.Articles {
		ea := exportArticle(a)
		if i < len(c.Mentions) {
			for _, m := range c.Mentions[i] {
				ea.Mentions = append(ea.Mentions, ExportMention(m))
			}
		}
		e.Articles = append(e.Articles, ea)
	}
	for _, a := range c.Actors {
		e.Actors = append(e.Actors, ExportActor{ID: a.ID, Name: a.Name, Kind: a.Kind,
			Aliases: nonNil(a.Aliases), Roles: nonNil(a.Roles), Articles: nonNil(a.Articles)})
	}
	return e
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
// HTML characters, so that text reads as it does in the articles.
func WriteExport(w io.Writer, c *Corpus) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(NewExport(c))
}

// nonNil returns list, or an empty list for nil so it prints as [].
func nonNil(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}
