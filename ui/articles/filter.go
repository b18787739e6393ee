package articles

import (
	"strings"

	"github.com/charmbracelet/bubbles/list"

	"dossier/corpus/actors"
	"dossier/ui/catalog"
	"dossier/ui/filtering"
)

// filter matches the query against the articles of one order: each word
// against an article's title, source and date, and, failing those, against
// the names and aliases of the actors it names. Every actor's names are
// searched once per query, not once for each article that names the
// actor, so that a keystroke reads the corpus's actors once and a few
// bytes of each article, not every article's list of names.
type filter struct {
	items      []list.Item // the order the list shows, as the list's targets
	cat        *catalog.Catalog
	actorNames []string // each actor's lower-case names and aliases, one a line
}

// match is a list.FilterFunc for the filter's order: targets are the own
// text of its items, in that order. An article matches when it, or one of
// its actors, holds every word of term; the matched characters of its
// title are reported. Articles keep their order.
func (f filter) match(term string, targets []string) []list.Rank {
	if len(targets) != len(f.items) {
		return filtering.Match(term, targets)
	}
	words := filtering.Words(term)
	alive := make([]int, len(targets))
	for i := range alive {
		alive[i] = i
	}
	for _, w := range words {
		alive = f.keep(alive, targets, w)
	}
	anywhere := func(int) bool { return true }
	ranks := make([]list.Rank, 0, len(alive))
	for _, i := range alive {
		r, _ := filtering.MatchOwn(words, targets[i], anywhere)
		r.Index = i
		ranks = append(ranks, r)
	}
	return ranks
}

// keep is the items among alive, in order, whose own text or actors hold
// word w.
func (f filter) keep(alive []int, targets []string, w string) []int {
	var kept, missing []int
	for _, i := range alive {
		if strings.Contains(targets[i], w) {
			kept = append(kept, i)
		} else {
			missing = append(missing, i)
		}
	}
	if len(missing) == 0 || f.cat == nil {
		return kept
	}
	return mergeOrdered(kept, f.namedIn(missing, w))
}

// namedIn is the items among missing, in order, that name an actor with a
// name or alias holding word w. It walks either the actors of those items
// or the articles of the matching actors, whichever is shorter.
func (f filter) namedIn(missing []int, w string) []int {
	holds, appearances := f.holding(w)
	casts := 0
	for _, i := range missing {
		casts += len(f.items[i].(item).cast)
	}
	if appearances < casts {
		return f.namedViaActors(missing, holds)
	}
	return f.namedViaCasts(missing, holds)
}

// holding says which actors have a name or alias holding word w, and in
// how many articles they appear in all.
func (f filter) holding(w string) ([]bool, int) {
	holds := make([]bool, len(f.actorNames))
	appearances := 0
	for a, names := range f.actorNames {
		if strings.Contains(names, w) {
			holds[a] = true
			appearances += len(f.cat.Appearances(a))
		}
	}
	return holds, appearances
}

// namedViaCasts is the items among missing that name an actor holds marks,
// found by walking each item's actors.
func (f filter) namedViaCasts(missing []int, holds []bool) []int {
	var out []int
	for _, i := range missing {
		for _, n := range f.items[i].(item).cast {
			if holds[n.Actor] {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// namedViaActors is the items among missing that name an actor holds
// marks, found by walking the articles of the marked actors.
func (f filter) namedViaActors(missing []int, holds []bool) []int {
	named := make([]bool, len(f.cat.Articles))
	for a, h := range holds {
		if !h {
			continue
		}
		for _, ap := range f.cat.Appearances(a) {
			named[ap.Article] = true
		}
	}
	var out []int
	for _, i := range missing {
		if named[f.items[i].(item).index] {
			out = append(out, i)
		}
	}
	return out
}

// mergeOrdered merges two increasing lists of distinct items.
func mergeOrdered(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0] < b[0] {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// lowerNames is the lower-case names and aliases of each actor, one a
// line.
func lowerNames(all []actors.Actor) []string {
	out := make([]string, len(all))
	for i, a := range all {
		names := append([]string{a.Name}, a.Aliases...)
		out[i] = strings.ToLower(strings.Join(names, "\n"))
	}
	return out
}
