package corpus

import (
	"slices"
	"strings"

	"dossier/corpus/article"
	"dossier/corpus/ner"
)

// Collector assembles a Corpus from the events of a Stream as they arrive,
// so that a reader can show articles while the rest still load and resolve
// the actors once they are all in. Add and Finish must not be called
// concurrently.
type Collector struct {
	skipNames bool
	articles  []*article.Article
	warnings  []Warning
	names     map[*article.Article][]ner.Entity
}

// NewCollector returns an empty collector for a stream loaded with opts.
func NewCollector(opts Options) *Collector {
	return &Collector{skipNames: opts.SkipNames, names: map[*article.Article][]ner.Entity{}}
}

// Add keeps the article or warning of one event.
func (c *Collector) Add(ev Event) {
	switch {
	case ev.Article != nil:
		c.articles = append(c.articles, ev.Article)
		if !c.skipNames {
			c.names[ev.Article] = ev.Names
		}
	case ev.Warning != nil:
		c.warnings = append(c.warnings, *ev.Warning)
	}
}

// Len is the number of articles added so far.
func (c *Collector) Len() int {
	return len(c.articles)
}

// Finish returns the corpus of everything added: articles sorted by path
// with unique ids, warnings sorted by path, and, unless names were skipped,
// the actors resolved across the whole corpus. It sets the final ids on the
// articles it was given and should be called once, after the last Add.
func (c *Collector) Finish() *Corpus {
	out := &Corpus{Articles: slices.Clone(c.articles), Warnings: slices.Clone(c.warnings)}
	slices.SortFunc(out.Articles, func(a, b *article.Article) int { return strings.Compare(a.Path, b.Path) })
	slices.SortStableFunc(out.Warnings, func(a, b Warning) int { return strings.Compare(a.Path, b.Path) })
	uniqueIDs(out.Articles)
	if !c.skipNames {
		out.Actors, out.Mentions = resolveActors(out.Articles, c.names)
	}
	return out
}
