package search

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/article"
	"dossier/ui/keys"
	"dossier/ui/theme"
)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
}

var (
	seedsOnce sync.Once
	seeds     *corpus.Corpus
	searcher  corpus.Searcher
	seedsErr  error
)

// seedSearcher opens search over the embedded seeds once for all tests.
func seedSearcher(t *testing.T) (corpus.Searcher, map[string]*article.Article) {
	t.Helper()
	seedsOnce.Do(func() {
		seeds = corpus.Load(context.Background(), nil, corpus.Options{SkipNames: true})
		searcher, seedsErr = seeds.Searcher()
	})
	if seedsErr != nil {
		t.Fatal(seedsErr)
	}
	byID := map[string]*article.Article{}
	for _, a := range seeds.Articles {
		byID[a.ID] = a
	}
	return searcher, byID
}

// newPane is a search pane over s, 100×30, ready for a query.
func newPane(s corpus.Searcher, articles map[string]*article.Article) Model {
	m := New(keys.Default(), theme.New(theme.NoTTY, false))
	m.SetSearcher(s, articles)
	m.SetSize(100, 30)
	m.Focus()
	return m
}

// send runs one message through the pane, then the commands it returns,
// synchronously.
func send(m Model, msg tea.Msg) Model {
	m, cmd := m.Update(msg)
	for cmd != nil {
		switch next := cmd().(type) {
		case ResultsMsg:
			m, cmd = m.Update(next)
		case tea.BatchMsg:
			for _, c := range next {
				m = runOne(m, c)
			}
			cmd = nil
		default:
			cmd = nil
		}
	}
	return m
}

// runOne runs one command of a batch.
func runOne(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	if msg, ok := cmd().(ResultsMsg); ok {
		return send(m, msg)
	}
	return m
}

// search types a query and presses enter.
func search(m Model, query string) Model {
	m.input.SetValue("")
	for _, r := range query {
		m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return send(m, tea.KeyMsg{Type: tea.KeyEnter})
}

func TestSearchPane(t *testing.T) {
	s, articles := seedSearcher(t)
	tests := []struct {
		query   string
		want    []string
		results int
		typing  bool
	}{
		{"Kamilov", []string{`2 articles for "Kamilov" · best first`, "Uzbekistan sees no need", "France urges closer security",
			"TASS · --10-22 · 2 matches", "Foreign Minister Abdulaziz Kamilov told Russian reporters"}, 2, false},
		{`"security co-operation"`, []string{`2 articles for "security co-operation"`, "history of security co-operation with Central Asia",
			"EU to reinforce security"}, 2, false},
		{"KAMILOV tashkent", []string{`2 articles for "KAMILOV tashkent"`, "Tashkent believes that", "TASHKENT (Reuters)"}, 2, false},
		{"zzzzqx", []string{`No article holds "zzzzqx".`}, 0, true},
		{`"security co-operation`, []string{`Cannot search for that: a quote (") is not closed.`}, 0, true},
		{`  " " `, []string{"Cannot search for that: no words to look for."}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			m := search(newPane(s, articles), tt.query)
			view := m.View()
			for _, w := range tt.want {
				if !strings.Contains(view, w) {
					t.Errorf("the pane does not show %q:\n%s", w, view)
				}
			}
			if got := len(m.list.Items()); got != tt.results {
				t.Errorf("%d results, want %d", got, tt.results)
			}
			if m.Typing() != tt.typing {
				t.Errorf("typing %v after the search, want %v", m.Typing(), tt.typing)
			}
			if m.Query() != tt.query {
				t.Errorf("query %q, want %q", m.Query(), tt.query)
			}
		})
	}
}

func TestSearchPaneKeys(t *testing.T) {
	s, articles := seedSearcher(t)
	m := search(newPane(s, articles), "Kamilov")
	first, ok := m.Selected()
	if !ok || first.Article.ID != "004_8959b7928b4aac6e" || len(first.Hit.Matches) != 2 {
		t.Fatalf("best result %+v, want the TASS article with 2 matches", first)
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	if r, _ := m.Selected(); r.Article.ID != "000_a634051a37437216" || m.Cursor() != 1 {
		t.Errorf("j selected %s at %d", r.Article.ID, m.Cursor())
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
	if !m.Typing() {
		t.Fatal("/ did not return to the query")
	}
	for _, r := range " zzz" {
		m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	m = send(m, tea.KeyMsg{Type: tea.KeyEsc})
	if m.Typing() || m.input.Value() != "Kamilov" || len(m.list.Items()) != 2 {
		t.Errorf("esc: typing %v, query %q, %d results; want the results of Kamilov back", m.Typing(), m.input.Value(), len(m.list.Items()))
	}
}

func TestStaleResultsAreDropped(t *testing.T) {
	s, articles := seedSearcher(t)
	m := newPane(s, articles)
	m.input.SetValue("Kamilov")
	m, first := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m.Focus()
	m.input.SetValue("zzzzqx")
	m, second := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m = send(m, second())
	m = send(m, first())
	if len(m.list.Items()) != 0 || !strings.Contains(m.View(), "No article holds") {
		t.Errorf("the results of an older query replaced the latest:\n%s", m.View())
	}
}

// failing is a searcher whose searches fail.
type failing struct{}

func (failing) Search(context.Context, string, int) ([]corpus.Hit, error) {
	return nil, errors.New("disk I/O error")
}

func (failing) Close() error { return nil }

func TestSearchFailure(t *testing.T) {
	m := search(newPane(failing{}, nil), "Kamilov")
	if !strings.Contains(m.View(), "The search failed: disk I/O error") {
		t.Errorf("no failure message:\n%s", m.View())
	}
}

func TestSnippetPieces(t *testing.T) {
	tests := []struct {
		name    string
		snippet string
		matches [][2]int
		want    string
	}{
		{"marked", "…said Kamilov on Friday…", [][2]int{{8, 15}}, "…said [Kamilov] on Friday…"},
		{"control characters stripped", "a\x1b[2Jb Kamilov\x07 c", [][2]int{{7, 14}}, "ab [Kamilov] c"},
		{"bad offsets ignored", "Kamilov said", [][2]int{{5, 2}, {0, 99}}, "Kamilov said"},
		{"line breaks flattened", "one\n\ntwo three", [][2]int{{5, 8}}, "one [two] three"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			for _, p := range pieces(tt.snippet, tt.matches) {
				if p.match {
					b.WriteString("[" + p.text + "]")
				} else {
					b.WriteString(p.text)
				}
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}
