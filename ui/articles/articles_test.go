package articles

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus/article"
	"dossier/ui/keys"
	"dossier/ui/theme"
)

func TestCursorWhileArticlesStreamIn(t *testing.T) {
	older := &article.Article{Path: "old", Title: "Old", Date: "2001-01-01"}
	newer := &article.Article{Path: "new", Title: "New", Date: "2020-01-01"}
	newest := &article.Article{Path: "newest", Title: "Newest", Date: "2024-01-01"}
	tests := []struct {
		name string
		move bool
		want *article.Article
	}{
		{"untouched cursor stays on the first article", false, newest},
		{"a chosen article stays chosen", true, older},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(keys.Default(), theme.New("notty", true))
			m.SetSize(40, 20)
			m.Append([]*article.Article{newer, older})
			if tt.move {
				m, _ = m.Update(tea.KeyMsg{Type: tea.KeyDown})
				if m.Selected() != older {
					t.Fatalf("cursor on %v after down", m.Selected().Title)
				}
			}
			m.Append([]*article.Article{newest})
			if got := m.Selected(); got != tt.want {
				t.Errorf("selected %q, want %q", got.Title, tt.want.Title)
			}
		})
	}
}
