package filtering

import (
	"slices"
	"testing"

	"github.com/charmbracelet/bubbles/list"
)

func TestMatch(t *testing.T) {
	targets := []string{"floods hit the capital\nmetro wire\nann lee", "élections à paris\nle monde\n", "nothing\n\n"}
	tests := []struct {
		term    string
		want    []int
		matched []int // of the first result
	}{
		{"floods", []int{0}, []int{0, 1, 2, 3, 4, 5}},
		{"HIT", []int{0}, []int{7, 8, 9}},
		{"ann metro", []int{0}, nil},
		{"paris", []int{1}, []int{12, 13, 14, 15, 16}},
		{"the", []int{0}, []int{11, 12, 13}},
		{"e", []int{0, 1}, []int{13}},
		{"floods monde", nil, nil},
		{"", []int{0, 1, 2}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.term, func(t *testing.T) {
			ranks := Match(tt.term, targets)
			var got []int
			for _, r := range ranks {
				got = append(got, r.Index)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("Match(%q) = %v, want %v", tt.term, got, tt.want)
			}
			if len(ranks) > 0 && !slices.Equal(ranks[0].MatchedIndexes, tt.matched) {
				t.Errorf("matched %v, want %v", ranks[0].MatchedIndexes, tt.matched)
			}
		})
	}
}

// word is a list item for tests.
type word string

func (w word) FilterValue() string { return string(w) }

func TestMove(t *testing.T) {
	tests := []struct {
		name     string
		from, by int
		want     int
	}{
		{"down", 0, 2, 2},
		{"up", 3, -2, 1},
		{"stops at the end", 2, 9, 4},
		{"stops at the top", 1, -5, 0},
		{"still", 2, 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := List{list.New([]list.Item{word("a"), word("b"), word("c"), word("d"), word("e")}, list.NewDefaultDelegate(), 20, 40)}
			l.Select(tt.from)
			Move(&l, tt.by)
			if l.Index() != tt.want {
				t.Errorf("index %d, want %d", l.Index(), tt.want)
			}
		})
	}
}
