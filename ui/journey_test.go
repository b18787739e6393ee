package ui

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/actors"
	"dossier/corpus/article"
)

// TestJumpBetweenArticlesOfAnActor follows the journey of a new user: open
// an article, select an actor in the panel, jump with ] to the other
// article that names it, land at the mention, and come back.
func TestJumpBetweenArticlesOfAnActor(t *testing.T) {
	c := seedCorpus(t)
	tests := []struct {
		actor, name string
	}{
		{"person/abdulaziz-kamilov", "Abdulaziz Kamilov"},
		{"person/peter-burian", "Peter Burian"},
		{"organisation/european-union", "European Union"},
		{"organisation/border-management-programme-in-central-asia", "Border Management Programme in Central Asia"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var articles []string
			for _, a := range c.Actors {
				if a.ID == tt.actor {
					articles = a.Articles
				}
			}
			if len(articles) < 2 {
				t.Fatalf("%s is named in %v, want two articles or more", tt.actor, articles)
			}
			from := articleByID(t, c, articles[0])
			m := openArticle(t, newSeedModel(t, 120, 40), from)
			m = selectActor(t, m, tt.actor)
			m = press(m, "j", "k") // scroll nowhere, keep the selection
			startOffset := m.reader.Offset()

			m = press(m, "]")
			to := m.reader.Article()
			if to == from || !slices.Contains(articles, to.ID) {
				t.Fatalf("] opened %s, want another of %v", to.ID, articles)
			}
			if m.panel.SelectedID() != tt.actor || m.reader.Current() != 0 {
				t.Errorf("after ], actor %q at mention %d, want %q at mention 0", m.panel.SelectedID(), m.reader.Current(), tt.actor)
			}
			assertMentionOnScreen(t, m)
			if !screenHas(m, "Actor: "+tt.name, "(mention 1 of") {
				t.Errorf("footer does not show the actor and mention:\n%s", m.View())
			}

			m = press(m, "backspace")
			if m.reader.Article() != from || m.reader.Offset() != startOffset || m.panel.SelectedID() != tt.actor {
				t.Errorf("back: article %s offset %d actor %s, want %s %d %s",
					m.reader.Article().ID, m.reader.Offset(), m.panel.SelectedID(), from.ID, startOffset, tt.actor)
			}
			m = press(m, "L")
			if m.reader.Article() != to {
				t.Errorf("forward: article %s, want %s", m.reader.Article().ID, to.ID)
			}
		})
	}
}

// assertMentionOnScreen checks that the reader shows the current mention.
func assertMentionOnScreen(t *testing.T, m Model) {
	t.Helper()
	cur := m.reader.Current()
	n, _ := m.panel.Selected()
	i, _ := m.currentArticle()
	mentions := m.cat.MentionsOf(i, n.Actor)
	if cur < 0 || cur >= len(mentions) {
		t.Fatalf("no current mention (%d of %d)", cur, len(mentions))
	}
	text := m.cat.Mentions[i][mentions[cur]].Text
	first := strings.Fields(text)[0]
	if !strings.Contains(m.reader.View(), first) {
		t.Errorf("the reading pane does not show the mention %q:\n%s", text, m.reader.View())
	}
}

func TestMentionsNextAndPrevious(t *testing.T) {
	c := seedCorpus(t)
	m := openArticle(t, newSeedModel(t, 120, 40), articleByID(t, c, "000_a634051a37437216"))
	m = selectActor(t, m, "person/jean-marc-ayrault")
	n, _ := m.panel.Selected()
	tests := []struct {
		key  string
		want int
	}{
		{"n", 0}, {"n", 1}, {"N", 0}, {"N", n.Count - 1}, {"n", 0},
	}
	m = press(m, "tab", "tab") // to the reader
	for i, tt := range tests {
		m = press(m, tt.key)
		if m.reader.Current() != tt.want {
			t.Fatalf("step %d (%s): mention %d, want %d", i, tt.key, m.reader.Current(), tt.want)
		}
		assertMentionOnScreen(t, m)
	}
}

func TestActorViewOpensArticleAtMention(t *testing.T) {
	c := seedCorpus(t)
	m := openArticle(t, newSeedModel(t, 120, 40), articleByID(t, c, "001_08c1d9b984531f62"))
	m = selectActor(t, m, "person/peter-burian")
	m = press(m, "enter")
	if m.screen != actorScreen || !screenHas(m, "Peter Burian", "Also written: Burian", "Named in 2 articles") {
		t.Fatalf("actor view not shown:\n%s", m.View())
	}
	m = press(m, "j", "enter")
	if m.screen != mainScreen || m.reader.Article().ID != "002_c1351128c69d2ca1" || m.reader.Current() != 0 {
		t.Fatalf("enter in the actor view opened %v at mention %d", m.reader.Article().ID, m.reader.Current())
	}
	assertMentionOnScreen(t, m)
	m = press(m, "backspace")
	if m.screen != actorScreen || m.actorView.Cursor() != 1 {
		t.Errorf("back did not return to the actor view at its cursor: screen %d cursor %d", m.screen, m.actorView.Cursor())
	}
	m = press(m, "esc")
	if m.screen != mainScreen || m.reader.Article().ID != "001_08c1d9b984531f62" {
		t.Errorf("esc did not back out of the actor view")
	}
}

func TestActorIndex(t *testing.T) {
	m := newSeedModel(t, 100, 30)
	m = press(m, "a")
	if m.screen != indexScreen || !screenHas(m, "Actors (", "Central Asia") {
		t.Fatalf("actor index not shown:\n%s", m.View())
	}
	m = press(m, "/")
	m = typeText(m, "bomca")
	m = press(m, "enter")
	if !screenHas(m, "Border Management Programme in Central Asia") || screenHas(m, "Uzbekistan") {
		t.Fatalf("filter on an alias failed:\n%s", m.View())
	}
	m = press(m, "enter")
	if m.screen != actorScreen || !screenHas(m, "Border Management Programme in Central Asia", "BOMCA") {
		t.Fatalf("enter did not open the actor view:\n%s", m.View())
	}
	m = press(m, "esc")
	if m.screen != indexScreen || m.actorIndex.Filter() != "bomca" {
		t.Errorf("esc did not return to the filtered index")
	}
	m = press(m, "esc")
	if m.screen != indexScreen || m.actorIndex.Filter() != "" {
		t.Errorf("esc did not clear the index's filter")
	}
	m = press(m, "esc")
	if m.screen != mainScreen {
		t.Errorf("esc did not leave the index")
	}
}

func TestFilterArticles(t *testing.T) {
	tests := []struct {
		query string
		want  int
	}{
		{"kamilov", 2},         // an actor's name
		{"tass", 1},            // a source
		{"2016-12", 1},         // a date
		{"tass uzbekistan", 1}, // every word, anywhere
		{"reuters tass", 0},
		{"no such thing", 0},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			m := press(newSeedModel(t, 120, 40), "/")
			m = typeText(m, tt.query)
			if got := m.list.Visible(); got != tt.want {
				t.Errorf("%q matches %d articles, want %d", tt.query, got, tt.want)
			}
			if !screenHas(m, "Filter: "+tt.query) {
				t.Errorf("filter input not shown:\n%s", m.View())
			}
		})
	}
}

func TestSortCycles(t *testing.T) {
	m := newSeedModel(t, 120, 40)
	for _, want := range []string{"by title", "by source", "by date"} {
		m = press(m, "s")
		if !screenHas(m, want) {
			t.Errorf("sort key did not switch to %s:\n%s", want, m.View())
		}
	}
}

func TestCommentsFoldAndUnfold(t *testing.T) {
	c := seedCorpus(t)
	m := openArticle(t, newSeedModel(t, 120, 40), articleByID(t, c, "002_c1351128c69d2ca1"))
	m = press(m, "G")
	if !screenHas(m, "Reader comments (3)", "folded") {
		t.Fatalf("comments not folded at the end:\n%s", m.View())
	}
	m = press(m, "c", "G")
	if screenHas(m, "folded") || !strings.Contains(m.reader.View(), "Reader comments (3)") {
		t.Errorf("c did not unfold the comments:\n%s", m.View())
	}
}

func TestMouse(t *testing.T) {
	m := newSeedModel(t, 120, 40)
	m = press(m, "down")
	second := m.list.Selected()
	m = press(m, "up")
	click := func(m Model, x, y int) Model {
		return update(m, tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	}
	wheel := func(m Model, x, y int) Model {
		return update(m, tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	}
	m = click(m, 5, 5) // border, title, first item (2 lines), spacing
	if m.list.Selected() != second {
		t.Fatalf("click on the second item selected %v", m.list.Selected().Title)
	}
	m = press(m, "enter")
	m = wheel(m, 60, 10)
	if m.reader.Offset() == 0 {
		t.Error("the wheel over the reader did not scroll it")
	}
	m = click(m, 100, 4) // the panel's second row
	if m.focus != panelPane || m.panel.SelectedID() == "" {
		t.Errorf("click on the panel: focus %d, actor %q", m.focus, m.panel.SelectedID())
	}
}

func TestResizeRewraps(t *testing.T) {
	m := press(newSeedModel(t, 120, 40), "enter")
	narrow := m.reader.TotalLines()
	m = update(m, tea.WindowSizeMsg{Width: 240, Height: 40})
	if wide := m.reader.TotalLines(); wide >= narrow {
		t.Errorf("%d lines at 240 columns, %d at 120: not re-wrapped", wide, narrow)
	}
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if m.reader.TotalLines() != narrow {
		t.Errorf("back at 120 columns: %d lines, want %d", m.reader.TotalLines(), narrow)
	}
}

func TestPanel(t *testing.T) {
	c := seedCorpus(t)
	m := openArticle(t, newSeedModel(t, 120, 40), articleByID(t, c, "000_a634051a37437216"))
	if !screenHas(m, "People (4)", "Places (12) ▸") || screenHas(m, "Tashkent  ") {
		t.Fatalf("places should be folded:\n%s", m.panel.View())
	}
	m = selectActor(t, m, "place/tashkent")
	if !screenHas(m, "Places (12) ▾", "Actor: Tashkent") {
		t.Errorf("places not unfolded to select Tashkent:\n%s", m.View())
	}
}

func TestArticleWithoutActors(t *testing.T) {
	c := &corpus.Corpus{Articles: []*article.Article{{ID: "x", Path: "x.txt", Title: "Quiet day", Paragraphs: []article.Paragraph{{Text: "Nothing happened."}}}},
		Mentions: [][]actors.Mention{nil}}
	m := update(NewFromCorpus(c, testTheme()), tea.WindowSizeMsg{Width: 120, Height: 30})
	m = press(m, "enter", "tab", "]")
	if !screenHas(m, "This article names no people", "Nothing happened.", "Select an actor in the panel first.") {
		t.Errorf("no empty-panel message:\n%s", m.View())
	}
}

// TestBurstOfKeys checks that characters arriving in one message, as when
// a script sends keys, each act as a key.
func TestBurstOfKeys(t *testing.T) {
	m := newSeedModel(t, 120, 40)
	m = update(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/kamil")})
	if !m.list.SettingFilter() || m.list.Filter() != "kamil" || m.list.Visible() != 2 {
		t.Errorf("burst not split: filtering %v, filter %q, %d visible", m.list.SettingFilter(), m.list.Filter(), m.list.Visible())
	}
}
