package catalog

import (
	"slices"
	"testing"

	"dossier/corpus"
	"dossier/corpus/actors"
	"dossier/corpus/article"
)

// testCatalog is three articles: Ann in 0 and 2, Bob in 1 and 2, Cal in 2.
func testCatalog() *Catalog {
	m := func(actor string) actors.Mention { return actors.Mention{Actor: actor} }
	return New(&corpus.Corpus{
		Articles: []*article.Article{{ID: "a"}, {ID: "b"}, {ID: "c"}},
		Actors: []actors.Actor{
			{ID: "person/ann", Name: "Ann", Aliases: []string{"A. N."}},
			{ID: "person/bob", Name: "Bob"},
			{ID: "person/cal", Name: "Cal"},
		},
		Mentions: [][]actors.Mention{
			{m("person/ann"), m("person/ann")},
			{m("person/bob")},
			{m("person/cal"), m("person/bob"), m("person/ann"), m("person/bob"), m("person/unknown")},
		},
	})
}

func TestCast(t *testing.T) {
	c := testCatalog()
	tests := []struct {
		article int
		want    []Named
	}{
		{0, []Named{{Actor: 0, Count: 2, First: 0}}},
		{1, []Named{{Actor: 1, Count: 1, First: 0}}},
		{2, []Named{{Actor: 1, Count: 2, First: 1}, {Actor: 0, Count: 1, First: 2}, {Actor: 2, Count: 1, First: 0}}},
	}
	for _, tt := range tests {
		if got := c.Cast(tt.article); !slices.Equal(got, tt.want) {
			t.Errorf("Cast(%d) = %v, want %v", tt.article, got, tt.want)
		}
	}
	if got := c.MentionsOf(2, 1); !slices.Equal(got, []int{1, 3}) {
		t.Errorf("MentionsOf(2, bob) = %v", got)
	}
}

func TestStep(t *testing.T) {
	c := testCatalog()
	tests := []struct {
		name                string
		actor, article, dir int
		want                int
		ok                  bool
	}{
		{"next", 0, 0, 1, 2, true},
		{"next wraps", 0, 2, 1, 0, true},
		{"previous wraps", 0, 0, -1, 2, true},
		{"previous", 1, 2, -1, 1, true},
		{"from an article not naming the actor", 0, 1, 1, 2, true},
		{"backwards from an article not naming the actor", 0, 1, -1, 0, true},
		{"named only here", 2, 2, 1, 0, false},
	}
	inOrder := func(article int) int { return article }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := c.Step(tt.actor, tt.article, tt.dir, inOrder)
			if ok != tt.ok || ok && got.Article != tt.want {
				t.Errorf("Step = %v, %v; want article %d, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestStepFollowsTheListOrder checks that jumps go through an actor's
// articles in the order the list shows, not the corpus's.
func TestStepFollowsTheListOrder(t *testing.T) {
	c := testCatalog()
	reversed := func(article int) int { return len(c.Articles) - article }
	tests := []struct {
		name               string
		article, dir, want int
	}{
		{"next in the list is earlier in the corpus", 2, 1, 0},
		{"next wraps to the top of the list", 0, 1, 2},
		{"previous in the list", 0, -1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, ok := c.Step(0, tt.article, tt.dir, reversed); !ok || got.Article != tt.want {
				t.Errorf("Step = %v, %v; want article %d", got, ok, tt.want)
			}
		})
	}
}

func TestKWIC(t *testing.T) {
	text := "First sentence. Then Ann Lee spoke!\nNew line here. Last one"
	tests := []struct {
		name       string
		start, end int
		want       Context
	}{
		{"middle sentence", 21, 28, Context{Before: "Then ", Keyword: "Ann Lee", After: " spoke!"}},
		{"first sentence", 0, 5, Context{Keyword: "First", After: " sentence."}},
		{"after a line break", 36, 39, Context{Keyword: "New", After: " line here."}},
		{"last, unfinished", 56, 59, Context{Before: "Last ", Keyword: "one"}},
		{"bad offsets", 50, 99, Context{Keyword: "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := KWIC(text, actors.Mention{Start: tt.start, End: tt.end, Text: "x"})
			if tt.name != "bad offsets" {
				tt.want.Keyword = text[tt.start:tt.end]
			}
			if got != tt.want {
				t.Errorf("KWIC = %+v, want %+v", got, tt.want)
			}
		})
	}
}
