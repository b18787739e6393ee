package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestSearchJourney searches the seeds, opens the best result at its
// first hit, moves between the hits, goes back to the results and
// forward again, and leaves hit mode by selecting an actor.
func TestSearchJourney(t *testing.T) {
	m := press(newSeedModel(t, 120, 40), "F")
	if m.screen != searchScreen || !m.search.Typing() || !screenHas(m, "Search: ") {
		t.Fatalf("F did not open the search pane:\n%s", m.View())
	}
	m = press(typeText(m, "Kamilov"), "enter")
	if !screenHas(m, `2 articles for "Kamilov"`, "Uzbekistan sees no need", "France urges closer security",
		"Abdulaziz Kamilov told Russian reporters", `Full-text search · "Kamilov"`) {
		t.Fatalf("results not shown:\n%s", m.View())
	}
	m = press(m, "enter")
	if m.screen != mainScreen || m.reader.Article().ID != "004_8959b7928b4aac6e" {
		t.Fatalf("enter did not open the best result:\n%s", m.View())
	}
	steps := []struct {
		key    string
		footer string
	}{
		{"", `search "Kamilov" · hit 1 of 2`},
		{"n", `search "Kamilov" · hit 2 of 2`},
		{"n", `search "Kamilov" · hit 1 of 2`},
		{"N", `search "Kamilov" · hit 2 of 2`},
	}
	for _, s := range steps {
		if s.key != "" {
			m = press(m, s.key)
		}
		if !screenHas(m, s.footer, "Kamilov") || !strings.Contains(m.reader.View(), "Kamilov") {
			t.Fatalf("after %q: want %q and the hit on screen:\n%s", s.key, s.footer, m.View())
		}
	}
	m = press(m, "backspace")
	if m.screen != searchScreen || m.search.Typing() || m.search.Cursor() != 0 || !screenHas(m, "Uzbekistan sees no need") {
		t.Fatalf("back did not return to the results:\n%s", m.View())
	}
	m = press(m, "L")
	if m.reader.Article().ID != "004_8959b7928b4aac6e" || !screenHas(m, "hit 2 of 2") {
		t.Fatalf("forward did not return to the second hit:\n%s", m.View())
	}
	m = selectActor(t, m, "person/shavkat-mirziyoyev")
	if m.reader.Hits().Active() || !screenHas(m, "Actor: Shavkat Mirziyoyev") {
		t.Errorf("selecting an actor kept the hits:\n%s", m.View())
	}
}

// TestSearchOpensAPhrase opens an article found by a hyphenated phrase:
// the reader scrolls to the phrase.
func TestSearchOpensAPhrase(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {50, 16}} {
		m := press(newSeedModel(t, size[0], size[1]), "F")
		m = press(typeText(m, `"security co-operation"`), "enter")
		if !screenHas(m, `2 articles for "security co-operation"`) {
			t.Fatalf("%v: results not shown:\n%s", size, m.View())
		}
		m = press(m, "j", "enter")
		if h := m.reader.Hits(); h.Current != 0 || len(h.Matches) != 1 || size[0] >= 80 && !screenHas(m, `search "security co-operation" · hit 1 of 1`) {
			t.Errorf("%v: footer does not show the hit:\n%s", size, m.View())
		}
		if v := m.reader.View(); !strings.Contains(v, "Security") || !strings.Contains(v, "co-operation") {
			t.Errorf("%v: the hit is not on screen:\n%s", size, v)
		}
	}
}

func TestSearchMessages(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  string
	}{
		{"no results", "zzzzqx", `No article holds "zzzzqx".`},
		{"unclosed quote", `"security co-operation`, `Cannot search for that: a quote (") is not closed.`},
		{"no words", `""`, "Cannot search for that: no words to look for."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := press(typeText(press(newSeedModel(t, 80, 24), "ctrl+f"), tt.query), "enter")
			if m.screen != searchScreen || !m.search.Typing() || !screenHas(m, tt.want) {
				t.Fatalf("want %q and the query line ready:\n%s", tt.want, m.View())
			}
			m = press(m, "esc")
			if m.screen != mainScreen {
				t.Errorf("esc did not back out of the search pane:\n%s", m.View())
			}
		})
	}
}

func TestSearchBeforeTheCorpusHasLoaded(t *testing.T) {
	m := update(NewFromCorpus(seedCorpus(t), testTheme()), tea.WindowSizeMsg{Width: 120, Height: 40})
	m = press(m, "F")
	if m.screen != mainScreen || !screenHas(m, "Search is available once the corpus has loaded.") {
		t.Errorf("no message before search is ready:\n%s", m.View())
	}
}
