package articles

import (
	"runtime"
	"slices"
	"strings"
	"sync"

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
// bytes of each article, not every article's list of names. The articles
// are split between the cores, and a query that narrows a recent one
// looks only at the articles that one let through.
type filter struct {
	items      []list.Item // the order the list shows, as the list's targets
	cat        *catalog.Catalog
	actorNames []string // each actor's lower-case names and aliases, one a line
	recent     *recentMatches
}

// newFilter returns the filter of one order of the articles.
func newFilter(items []list.Item, cat *catalog.Catalog, actorNames []string) filter {
	return filter{items: items, cat: cat, actorNames: actorNames, recent: &recentMatches{}}
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
	alive, exact := f.recent.start(words, len(targets))
	if !exact {
		alive = f.narrow(alive, targets, words)
		f.recent.remember(words, alive)
	}
	return f.ranks(alive, targets, words)
}

// narrow is the items among alive, in order, that hold every word.
func (f filter) narrow(alive []int, targets []string, words []string) []int {
	holds := make([][]bool, len(words))
	for k, w := range words {
		holds[k] = f.holding(w)
	}
	parts := inParts(len(alive), func(from, to int) []int {
		part := alive[from:to]
		for k, w := range words {
			part = f.keep(part, targets, w, holds[k])
		}
		return part
	})
	return slices.Concat(parts...)
}

// ranks ranks the items alive, which hold every word, with the matched
// characters of their titles, the first line of their targets.
func (f filter) ranks(alive []int, targets []string, words []string) []list.Rank {
	anywhere := func(int) bool { return true }
	out := make([]list.Rank, len(alive))
	inParts(len(alive), func(from, to int) []int {
		var buf []int
		for k := from; k < to; k++ {
			title, _, _ := strings.Cut(targets[alive[k]], "\n")
			out[k], buf, _ = filtering.MatchOwn(words, title, anywhere, buf)
			out[k].Index = alive[k]
		}
		return nil
	})
	return out
}

// inParts runs fn on consecutive ranges of n items, one for each core, at
// once, and returns their results in order.
func inParts[T any](n int, fn func(from, to int) T) []T {
	parts := min(runtime.GOMAXPROCS(0), max(1, n/minPart))
	out := make([]T, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { out[p] = fn(p*n/parts, (p+1)*n/parts) })
	}
	wg.Wait()
	return out
}

// minPart is the fewest items worth a goroutine of their own.
const minPart = 4096

// recentSize is the number of recent queries a filter remembers.
const recentSize = 8

// recentMatches remembers which articles the last few queries let
// through: a query that narrows one of them, as when the user types on,
// needs to look only at those, and one seen again, as after a backspace,
// is answered at once. Filters run in commands, perhaps several at once,
// so a lock guards it.
type recentMatches struct {
	mu      sync.Mutex
	queries []recentQuery // oldest first
}

// recentQuery is one remembered query: its words and the articles, by
// position in the order, that hold them all.
type recentQuery struct {
	words []string
	alive []int
}

// start returns the articles a query for words must look at: those of
// the narrowest remembered query it narrows, or all n. exact is true when
// the very same words were remembered, whose articles are the answer.
// The list returned must not be changed.
func (r *recentMatches) start(words []string, n int) (alive []int, exact bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, q := range r.queries {
		if slices.Equal(q.words, words) {
			return q.alive, true
		}
		if narrows(words, q.words) && (alive == nil || len(q.alive) < len(alive)) {
			alive = q.alive
		}
	}
	if alive == nil {
		alive = make([]int, n)
		for i := range alive {
			alive[i] = i
		}
	}
	return alive, false
}

// remember keeps the articles that hold words, forgetting the oldest
// query when full.
func (r *recentMatches) remember(words []string, alive []int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.queries) == recentSize {
		r.queries = slices.Delete(r.queries, 0, 1)
	}
	r.queries = append(r.queries, recentQuery{words: words, alive: alive})
}

// narrows reports whether every article holding all of words also holds
// all of earlier: each earlier word is part of one of words. An article
// holds a word when its own text or one of its actor's names contains it,
// so it then holds every part of that word too.
func narrows(words, earlier []string) bool {
	for _, e := range earlier {
		if !slices.ContainsFunc(words, func(w string) bool { return strings.Contains(w, e) }) {
			return false
		}
	}
	return true
}

// keep is the items among alive, in order, whose own text or actors hold
// word w.
func (f filter) keep(alive []int, targets []string, w string, holds []bool) []int {
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
	return mergeOrdered(kept, f.namedIn(missing, holds))
}

// namedIn is the items among missing, in order, that name an actor
// holds marks: one with a name or alias holding the word. It walks either
// the actors of those items or the articles of the marked actors,
// whichever is shorter.
func (f filter) namedIn(missing []int, holds []bool) []int {
	appearances, casts := 0, 0
	for a, h := range holds {
		if h {
			appearances += len(f.cat.Appearances(a))
		}
	}
	for _, i := range missing {
		casts += len(f.items[i].(item).cast)
	}
	if appearances < casts {
		return f.namedViaActors(missing, holds)
	}
	return f.namedViaCasts(missing, holds)
}

// holding says which actors have a name or alias holding word w; nil
// when the filter has no actors.
func (f filter) holding(w string) []bool {
	if f.cat == nil {
		return nil
	}
	holds := make([]bool, len(f.actorNames))
	for a, names := range f.actorNames {
		holds[a] = strings.Contains(names, w)
	}
	return holds
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
