package articles

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/list"

	"dossier/corpus"
	"dossier/corpus/actors"
	"dossier/corpus/article"
	"dossier/ui/catalog"
	"dossier/ui/filtering"
)

// TestFilter checks that the filter lets through, and highlights, the
// same articles as matching each article's title, source, date and
// actors' names as one text.
func TestFilter(t *testing.T) {
	f := testFilter()
	targets := make([]string, len(f.items))
	whole := make([]string, len(f.items))
	for i, it := range f.items {
		targets[i] = it.FilterValue()
		whole[i] = targets[i] + "\n" + castNames(t, f.cat, it.(item).article)
	}
	for _, term := range []string{"", "blair", "BLAIR paris", "gordon", "mr blair", "bbc 2005-03", "brown budget", "élec", "paris", "tony paris", "o", "z", "  "} {
		t.Run(term, func(t *testing.T) {
			got, want := f.match(term, targets), filtering.Match(term, whole)
			if !slices.EqualFunc(got, want, func(a, b list.Rank) bool {
				return a.Index == b.Index && slices.Equal(a.MatchedIndexes, b.MatchedIndexes)
			}) {
				t.Errorf("match(%q) = %v, want %v", term, got, want)
			}
		})
	}
}

// testFilter is the filter of four articles by title: Blair and Paris in
// the first, Brown and Blair in the second, Paris in the third, no actor
// in the fourth.
func testFilter() filter {
	cat := catalog.New(&corpus.Corpus{
		Articles: []*article.Article{
			{ID: "a", Path: "a", Title: "Blair visits Paris", Source: "BBC", Date: "2005-03-01"},
			{ID: "b", Path: "b", Title: "Budget day", Source: "BBC", Date: "2005-03-16"},
			{ID: "c", Path: "c", Title: "Élections", Source: "Le Monde", Date: "2005-05-29"},
			{ID: "d", Path: "d", Title: "Untold", Date: ""},
		},
		Actors: []actors.Actor{
			{ID: "person/blair", Name: "Tony Blair", Aliases: []string{"Mr Blair"}},
			{ID: "person/brown", Name: "Gordon Brown"},
			{ID: "place/paris", Name: "Paris"},
		},
		Mentions: [][]actors.Mention{
			{{Actor: "person/blair"}, {Actor: "place/paris"}},
			{{Actor: "person/brown"}, {Actor: "person/blair"}},
			{{Actor: "place/paris"}},
			nil,
		},
	})
	listing := NewListing(cat)
	return newFilter(listing.orders[ByTitle], cat, listing.names)
}

// TestNamedIn checks that both ways of finding the articles whose actors
// hold a word find the same ones.
func TestNamedIn(t *testing.T) {
	f := testFilter()
	all := make([]int, len(f.items))
	for i := range all {
		all[i] = i
	}
	for _, w := range []string{"blair", "mr b", "paris", "o", "zed", "é"} {
		t.Run(w, func(t *testing.T) {
			holds := f.holding(w)
			viaCasts, viaActors := f.namedViaCasts(all, holds), f.namedViaActors(all, holds)
			if !slices.Equal(viaCasts, viaActors) {
				t.Errorf("via casts %v, via actors %v", viaCasts, viaActors)
			}
		})
	}
}

// castNames is the lower-case names and aliases of the actors article a
// names, one a line.
func castNames(t *testing.T, cat *catalog.Catalog, a *article.Article) string {
	t.Helper()
	i, ok := cat.ArticleIndex(a)
	if !ok {
		t.Fatalf("article %s not in the catalog", a.ID)
	}
	var names []string
	for _, n := range cat.Cast(i) {
		actor := cat.Actors[n.Actor]
		names = append(names, strings.ToLower(actor.Name))
		for _, alias := range actor.Aliases {
			names = append(names, strings.ToLower(alias))
		}
	}
	return strings.Join(names, "\n")
}

// TestLowerNames checks the names the filter searches for each actor.
func TestLowerNames(t *testing.T) {
	got := lowerNames([]actors.Actor{{Name: "Tony Blair", Aliases: []string{"Mr Blair"}}, {Name: "ÉDF"}})
	if want := []string{"tony blair\nmr blair", "édf"}; !slices.Equal(got, want) {
		t.Errorf("lowerNames = %q, want %q", got, want)
	}
}

// TestFilterAsTheUserTypes checks that a filter answering a run of
// queries, each narrowing, widening or repeating the ones before, over
// enough articles to be split between goroutines, lets through and
// highlights what a fresh filter does.
func TestFilterAsTheUserTypes(t *testing.T) {
	var arts []*article.Article
	var mentions [][]actors.Mention
	for i := range 3 * minPart {
		arts = append(arts, &article.Article{ID: fmt.Sprint(i), Path: fmt.Sprint(i),
			Title: fmt.Sprintf("Story %d of %s", i, []string{"Blair", "Brown", "budget", "Paris"}[i%4]), Source: "BBC"})
		mentions = append(mentions, []actors.Mention{{Actor: []string{"person/blair", "person/brown", "place/paris"}[i%3]}})
	}
	cat := catalog.New(&corpus.Corpus{Articles: arts, Mentions: mentions, Actors: []actors.Actor{
		{ID: "person/blair", Name: "Tony Blair"}, {ID: "person/brown", Name: "Gordon Brown"}, {ID: "place/paris", Name: "Paris"}}})
	listing := NewListing(cat)
	typing := newFilter(listing.orders[ByTitle], cat, listing.names)
	targets := make([]string, len(typing.items))
	for i, it := range typing.items {
		targets[i] = it.FilterValue()
	}
	for _, term := range []string{"b", "bl", "bla", "blai", "blair", "blai", "blair 1", "blair 12", "blair 1", "b", "", "o", "ord", "gordon", "paris 7"} {
		want := newFilter(typing.items, cat, listing.names).match(term, targets)
		got := typing.match(term, targets)
		if !slices.EqualFunc(got, want, func(a, b list.Rank) bool {
			return a.Index == b.Index && slices.Equal(a.MatchedIndexes, b.MatchedIndexes)
		}) {
			t.Errorf("after typing, match(%q) gives %d articles, a fresh filter %d", term, len(got), len(want))
		}
		if term == "blair 12" && (len(want) == 0 || len(want) >= minPart) {
			t.Errorf("match(%q) lets %d of %d through: the case tests nothing", term, len(want), len(targets))
		}
	}
}

func TestNarrows(t *testing.T) {
	tests := []struct {
		words, earlier []string
		want           bool
	}{
		{[]string{"blair"}, []string{"blai"}, true},
		{[]string{"blair", "paris"}, []string{"blair"}, true},
		{[]string{"blair"}, []string{"blair", "paris"}, false},
		{[]string{"bla"}, []string{"blai"}, false},
		{[]string{"xblairx"}, []string{"lai"}, true},
		{nil, nil, true},
		{[]string{"a"}, nil, true},
	}
	for _, tt := range tests {
		if got := narrows(tt.words, tt.earlier); got != tt.want {
			t.Errorf("narrows(%q, %q) = %v, want %v", tt.words, tt.earlier, got, tt.want)
		}
	}
}
