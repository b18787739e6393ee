// Package catalog indexes a resolved corpus for the reader: which actors
// each article names and how often, and which articles name each actor.
// Everything is computed once, when the corpus is resolved, so that no
// keystroke does work that grows with the corpus.
package catalog

import (
	"cmp"
	"slices"
	"strings"

	"dossier/corpus"
	"dossier/corpus/actors"
	"dossier/corpus/article"
)

// Named is one actor of an article: its index in Catalog.Actors, how many
// times the article mentions it and the index of its first mention in the
// article's mentions.
type Named struct {
	Actor, Count, First int
}

// Appearance is one article that names an actor: the article's index in
// Catalog.Articles, the index of the actor's first mention in it and the
// number of mentions.
type Appearance struct {
	Article, First, Count int
}

// Catalog is a corpus with the indexes the reader needs.
type Catalog struct {
	Articles []*article.Article
	Actors   []actors.Actor
	Mentions [][]actors.Mention

	articleIndex map[*article.Article]int
	actorIndex   map[string]int
	cast         [][]Named
	appearances  [][]Appearance
	mentionActor [][]int
}

// New indexes a loaded corpus.
func New(c *corpus.Corpus) *Catalog {
	cat := &Catalog{
		Articles:     c.Articles,
		Actors:       c.Actors,
		Mentions:     make([][]actors.Mention, len(c.Articles)),
		articleIndex: make(map[*article.Article]int, len(c.Articles)),
		actorIndex:   make(map[string]int, len(c.Actors)),
		cast:         make([][]Named, len(c.Articles)),
		appearances:  make([][]Appearance, len(c.Actors)),
		mentionActor: make([][]int, len(c.Articles)),
	}
	copy(cat.Mentions, c.Mentions)
	for i, a := range c.Articles {
		cat.articleIndex[a] = i
	}
	for i, a := range c.Actors {
		cat.actorIndex[a.ID] = i
	}
	for i := range c.Articles {
		cat.indexArticle(i)
	}
	return cat
}

// indexArticle counts the actors of article i and records it under each.
func (c *Catalog) indexArticle(i int) {
	at := map[int]int{} // actor → position in cast
	var cast []Named
	mentionActor := make([]int, len(c.Mentions[i]))
	for j, m := range c.Mentions[i] {
		actor, ok := c.actorIndex[m.Actor]
		if !ok {
			mentionActor[j] = -1
			continue
		}
		mentionActor[j] = actor
		if k, seen := at[actor]; seen {
			cast[k].Count++
			continue
		}
		at[actor] = len(cast)
		cast = append(cast, Named{Actor: actor, Count: 1, First: j})
	}
	for _, n := range cast {
		c.appearances[n.Actor] = append(c.appearances[n.Actor], Appearance{Article: i, First: n.First, Count: n.Count})
	}
	slices.SortStableFunc(cast, func(a, b Named) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(c.Actors[a.Actor].Name, c.Actors[b.Actor].Name))
	})
	c.cast[i], c.mentionActor[i] = cast, mentionActor
}

// ArticleIndex finds an article in the catalog.
func (c *Catalog) ArticleIndex(a *article.Article) (int, bool) {
	i, ok := c.articleIndex[a]
	return i, ok
}

// ActorIndex finds an actor by id.
func (c *Catalog) ActorIndex(id string) (int, bool) {
	i, ok := c.actorIndex[id]
	return i, ok
}

// Cast is the actors article i names, most mentioned first.
func (c *Catalog) Cast(i int) []Named {
	return c.cast[i]
}

// Appearances is the articles that name actor a, in corpus order.
func (c *Catalog) Appearances(a int) []Appearance {
	return c.appearances[a]
}

// MentionsOf is the indexes, in article i's mentions, of the mentions of
// actor a.
func (c *Catalog) MentionsOf(i, a int) []int {
	var out []int
	for j, actor := range c.mentionActor[i] {
		if actor == a {
			out = append(out, j)
		}
	}
	return out
}

// Step finds the article that names actor a after article i (dir 1) or
// before it (dir -1) in the order place gives (an article's position in
// the list as the user sees it), wrapping around. It fails when no other
// article names the actor. It looks at the actor's articles only.
func (c *Catalog) Step(a, i, dir int, place func(article int) int) (Appearance, bool) {
	here := place(i)
	var best, wrap Appearance
	bestGap, wrapGap := -1, -1
	for _, ap := range c.appearances[a] {
		if ap.Article == i {
			continue
		}
		gap := dir * (place(ap.Article) - here)
		if gap > 0 && (bestGap < 0 || gap < bestGap) {
			best, bestGap = ap, gap
		}
		if gap < 0 && (wrapGap < 0 || -gap > wrapGap) {
			wrap, wrapGap = ap, -gap
		}
	}
	switch {
	case bestGap > 0:
		return best, true
	case wrapGap > 0:
		return wrap, true
	}
	return Appearance{}, false
}
