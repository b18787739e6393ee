package filtering

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// TestListPagination checks that List draws exactly what a bubbles list
// draws, escape sequences included: dots, coloured page numbers, and page
// numbers too wide for the list, on the first, a middle and the last page.
func TestListPagination(t *testing.T) {
	profile := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.TrueColor)
	t.Cleanup(func() { lipgloss.SetColorProfile(profile) })
	tests := []struct {
		name          string
		items, width  int
		height, pages int
	}{
		{"one page", 3, 30, 20, 1},
		{"dots", 14, 30, 10, 14},
		{"dots just fit", 30, 30, 10, 30},
		{"numbers", 31, 30, 10, 31},
		{"numbers as wide as the list", 3000, 6, 10, 3000},
		{"numbers wider than the list", 3000, 8, 10, 3000},
	}
	for _, tt := range tests {
		for _, page := range []string{"first", "middle", "last"} {
			t.Run(fmt.Sprintf("%s/%s", tt.name, page), func(t *testing.T) {
				items := make([]list.Item, tt.items)
				for i := range items {
					items[i] = word(fmt.Sprint(i))
				}
				plain := list.New(items, list.NewDefaultDelegate(), 0, 0)
				plain.SetSize(tt.width, tt.height)
				fitted := List{list.New(nil, list.NewDefaultDelegate(), 0, 0)}
				fitted.SetItems(items)
				fitted.SetSize(tt.width, tt.height)
				if plain.Paginator.TotalPages != tt.pages {
					t.Fatalf("%d pages, want %d", plain.Paginator.TotalPages, tt.pages)
				}
				to := map[string]int{"first": 0, "middle": tt.items / 2, "last": tt.items - 1}[page]
				plain.Select(to)
				fitted.Select(to)
				if got, want := fitted.View(), plain.View(); got != want {
					t.Errorf("List draws\n%q\nwant\n%q", got, want)
				}
			})
		}
	}
}
