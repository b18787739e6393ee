package corpus

import (
	"crypto/sha256"
	"fmt"
	"io"
	"slices"
	"strings"

	"dossier/corpus/actors"
	"dossier/corpus/article"
	"dossier/corpus/index"
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
	stored    map[*article.Article]*index.StoredNames // names the index keeps, decoded when needed
	hashes    map[*article.Article][]byte
	index     string // the index every article came through, or ""
	unindexed bool   // some article did not come through the index
}

// NewCollector returns an empty collector for a stream loaded with opts.
func NewCollector(opts Options) *Collector {
	return &Collector{skipNames: opts.SkipNames, names: map[*article.Article][]ner.Entity{},
		stored: map[*article.Article]*index.StoredNames{}, hashes: map[*article.Article][]byte{}}
}

// Add keeps the article or warning of one event.
func (c *Collector) Add(ev Event) {
	switch {
	case ev.Article != nil:
		c.articles = append(c.articles, ev.Article)
		switch {
		case c.skipNames:
		case ev.storedNames != nil:
			c.stored[ev.Article] = ev.storedNames
		default:
			c.names[ev.Article] = ev.Names
		}
		c.noteIndex(ev)
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
	if c.index != "" && !c.unindexed {
		out.index = c.index
	}
	if !c.skipNames {
		out.Actors, out.Mentions = c.resolve(out)
	}
	c.names, c.stored, c.hashes = nil, nil, nil
	return out
}

// noteIndex keeps the index an event's article came through and its
// content hash, or notes that it came through none.
func (c *Collector) noteIndex(ev Event) {
	switch {
	case ev.index == "" || ev.hash == nil || (c.index != "" && c.index != ev.index):
		c.unindexed = true
	default:
		c.index = ev.index
		c.hashes[ev.Article] = ev.hash
	}
}

// resolve finds the actors of the corpus, or takes them from the index
// when it resolved the very same articles before, and stores a new
// resolution there. The index is an accelerator only: when it cannot be
// read or written the actors are resolved as without it.
func (c *Collector) resolve(out *Corpus) ([]actors.Actor, [][]actors.Mention) {
	if out.index == "" {
		return resolveActors(out.Articles, c.takeNames())
	}
	key := c.resolutionKey(out.Articles)
	x, err := index.Open(out.index)
	if err != nil {
		return resolveActors(out.Articles, c.takeNames())
	}
	defer x.Close()
	if r, ok, err := x.Resolution(key); err == nil && ok && len(r.Mentions) == len(out.Articles) {
		return r.Actors, r.Mentions
	}
	as, ms := resolveActors(out.Articles, c.takeNames())
	x.SetResolution(key, index.Resolution{Actors: as, Mentions: ms})
	return as, ms
}

// takeNames hands over the names of the articles, decoding those the
// index kept, and forgets them, so that the resolution can let go of each
// article's names once it has used them.
func (c *Collector) takeNames() map[*article.Article][]ner.Entity {
	names := c.names
	for a, s := range c.stored {
		names[a] = s.Decode()
	}
	c.names, c.stored = nil, nil
	return names
}

// resolutionKey identifies what actor resolution depends on: the index
// version and each article's id and content, in order.
func (c *Collector) resolutionKey(articles []*article.Article) []byte {
	h := sha256.New()
	io.WriteString(h, index.Version())
	for _, a := range articles {
		fmt.Fprintf(h, "\x00%s\x00%x", a.ID, c.hashes[a])
	}
	return h.Sum(nil)
}
