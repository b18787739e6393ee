package ui

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/corpus/article"
	"dossier/ui/theme"
)

// TestMain fixes the colour profile so that screens hold no escape
// sequences and golden files are the same on every machine.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

var (
	seedsOnce sync.Once
	seeds     *corpus.Corpus
)

// seedCorpus loads the embedded seeds once for all tests.
func seedCorpus(tb testing.TB) *corpus.Corpus {
	tb.Helper()
	seedsOnce.Do(func() { seeds = corpus.Load(context.Background(), nil, corpus.Options{}) })
	if len(seeds.Articles) != 5 {
		tb.Fatalf("%d seed articles, want 5", len(seeds.Articles))
	}
	return seeds
}

// testTheme is a fixed theme without colours.
func testTheme() theme.Theme {
	return theme.New(theme.NoTTY, false)
}

// newSeedModel is the reader on the seeds at the given size, with
// full-text search open.
func newSeedModel(tb testing.TB, w, h int) Model {
	tb.Helper()
	return update(withSearch(tb, NewFromCorpus(seedCorpus(tb), testTheme())), tea.WindowSizeMsg{Width: w, Height: h})
}

// withSearch opens full-text search on the model's corpus, as its Init
// command does, and closes it at the end of the test.
func withSearch(tb testing.TB, m Model) Model {
	tb.Helper()
	m = runCmd(m, m.Init())
	if m.searcher == nil {
		tb.Fatalf("search did not open: %v", m.searchErr)
	}
	tb.Cleanup(func() { m.Close() })
	return m
}

// update runs one message through the model, then the commands it
// returns, synchronously.
func update(m Model, msg tea.Msg) Model {
	next, cmd := m.Update(msg)
	return runCmd(next.(Model), cmd)
}

// runCmd runs a command and feeds its messages back into the model.
func runCmd(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	switch msg := cmd().(type) {
	case nil, tea.QuitMsg:
		return m
	case tea.BatchMsg:
		for _, c := range msg {
			m = runCmd(m, c)
		}
		return m
	default:
		return update(m, msg)
	}
}

// press sends keys to the model, each named as bubbletea names it
// ("enter", "tab", "j", …).
func press(m Model, names ...string) Model {
	for _, n := range names {
		m = update(m, keyMsg(n))
	}
	return m
}

// typeText sends each rune of s as a key.
func typeText(m Model, s string) Model {
	for _, r := range s {
		m = update(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return m
}

// keyMsg builds the key message bubbletea would send for a key name.
func keyMsg(name string) tea.KeyMsg {
	special := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"backspace": tea.KeyBackspace, "ctrl+o": tea.KeyCtrlO, "up": tea.KeyUp, "down": tea.KeyDown,
		"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd,
		"ctrl+d": tea.KeyCtrlD, "ctrl+u": tea.KeyCtrlU, "left": tea.KeyLeft, "right": tea.KeyRight,
		"space": tea.KeySpace, "ctrl+f": tea.KeyCtrlF,
	}
	if t, ok := special[name]; ok {
		return tea.KeyMsg{Type: t}
	}
	if name == "alt+right" {
		return tea.KeyMsg{Type: tea.KeyRight, Alt: true}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// articleByID finds a seed article.
func articleByID(tb testing.TB, c *corpus.Corpus, id string) *article.Article {
	tb.Helper()
	for _, a := range c.Articles {
		if a.ID == id {
			return a
		}
	}
	tb.Fatalf("no article %s", id)
	return nil
}

// openArticle moves the list's cursor to article a and opens it.
func openArticle(tb testing.TB, m Model, a *article.Article) Model {
	tb.Helper()
	m = press(m, "home")
	for range m.list.Len() {
		if m.list.Selected() == a {
			return press(m, "enter")
		}
		m = press(m, "down")
	}
	tb.Fatalf("article %s not in the list", a.ID)
	return m
}

// selectActor focuses the panel and moves its cursor to actor id.
func selectActor(tb testing.TB, m Model, id string) Model {
	tb.Helper()
	for m.focus != panelPane {
		m = press(m, "tab")
	}
	m = press(m, "home")
	for range 200 {
		if m.panel.SelectedID() == id {
			return m
		}
		if m.panel.OnFoldedGroup() {
			m = press(m, "enter")
		}
		m = press(m, "down")
	}
	tb.Fatalf("actor %s not in the panel", id)
	return m
}

// screenHas reports whether the screen shows every string.
func screenHas(m Model, want ...string) bool {
	v := m.View()
	for _, w := range want {
		if !strings.Contains(v, w) {
			return false
		}
	}
	return true
}
