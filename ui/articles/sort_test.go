package articles

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/list"

	"dossier/corpus/article"
	"dossier/ui/catalog"
)

func TestSortOrders(t *testing.T) {
	arts := []*article.Article{
		{Path: "a", Title: "Beta", Source: "Zed", Date: "2020-01-02"},
		{Path: "b", Title: "alpha", Source: "", Date: ""},
		{Path: "c", Title: "Gamma", Source: "Ant", Date: "2021-05-01"},
		{Path: "d", Title: "Delta", Source: "Ant", Date: "2019"},
	}
	tests := []struct {
		sort Sort
		want []string
	}{
		{ByDate, []string{"c", "a", "d", "b"}},   // newest first, unknown last
		{ByTitle, []string{"b", "a", "d", "c"}},  // case does not matter
		{BySource, []string{"c", "d", "a", "b"}}, // then newest first; unknown last
	}
	for _, tt := range tests {
		t.Run(tt.sort.String(), func(t *testing.T) {
			// Merge in two batches, as articles arrive while loading.
			first, second := items(arts[:2]), items(arts[2:])
			order := merge(merge(nil, first, tt.sort), second, tt.sort)
			if got := paths(order); !slices.Equal(got, tt.want) {
				t.Errorf("order %v, want %v", got, tt.want)
			}
		})
	}
}

// items describes articles.
func items(arts []*article.Article) []item {
	out := make([]item, len(arts))
	for i, a := range arts {
		out[i] = newItem(a, -1, nil)
	}
	return out
}

// paths lists the paths of an order.
func paths(order []list.Item) []string {
	var out []string
	for _, it := range order {
		out = append(out, it.(item).article.Path)
	}
	return out
}

func TestItemText(t *testing.T) {
	tests := []struct {
		name           string
		a              article.Article
		actors         int
		title, desc    string
		filterContains string
	}{
		{"full", article.Article{Title: "Floods", Source: "Metro", Date: "2021-03-05"}, 3, "Floods", "Metro · 2021-03-05 · 3 actors", "floods\nmetro\n2021-03-05"},
		{"unknown", article.Article{}, 1, "(untitled)", "source and date unknown · 1 actor", "(untitled)"},
		{"before resolution", article.Article{Title: "T\x1b]0;x\x07itle"}, -1, "Title", "source and date unknown", "title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			index := 0
			if tt.actors < 0 {
				index = -1
			}
			it := newItem(&tt.a, index, make([]catalog.Named, max(tt.actors, 0)))
			if it.Title() != tt.title || it.Description() != tt.desc || !strings.Contains(it.FilterValue(), tt.filterContains) {
				t.Errorf("got %q / %q / %q", it.Title(), it.Description(), it.FilterValue())
			}
		})
	}
}
