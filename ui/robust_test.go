package ui

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"dossier/corpus"
	"dossier/corpus/actors"
	"dossier/corpus/article"
)

// randomKeys is the keys the randomized test presses.
var randomKeys = []string{
	"enter", "esc", "tab", "shift+tab", "backspace", "ctrl+o", "alt+right", "L", "H",
	"up", "down", "j", "k", "g", "G", "pgdown", "pgup", "ctrl+d", "ctrl+u", "space",
	"/", "e", "u", "?", "a", "p", "s", "n", "N", "]", "[", "c", "x", "left", "right",
	"F", "ctrl+f",
}

// TestRandomKeysAndSizes presses random keys, clicks and turns the wheel
// at random terminal sizes from 20×5 to 400×120, and checks that every
// screen fits the terminal exactly and nothing panics.
func TestRandomKeysAndSizes(t *testing.T) {
	c := seedCorpus(t)
	ready := sharedSearch(t, c)
	rounds := 40
	if testing.Short() {
		rounds = 8
	}
	for round := range rounds {
		rng := rand.New(rand.NewPCG(uint64(round), 7))
		m := ready(NewFromCorpus(c, testTheme()))
		var log []string
		for range 120 {
			msg := randomMsg(rng)
			log = append(log, describe(msg))
			m = safeUpdate(t, m, msg, log)
			if m.width > 0 {
				checkScreen(t, m, log)
			}
			if t.Failed() {
				return
			}
		}
	}
}

// sharedSearch opens full-text search on c once for the test and returns
// a function that gives it to a model of c.
func sharedSearch(t *testing.T, c *corpus.Corpus) func(Model) Model {
	t.Helper()
	msg, ok := openSearcher(c)().(searcherMsg)
	if !ok || msg.err != nil {
		t.Fatalf("search did not open: %v", msg.err)
	}
	t.Cleanup(func() { msg.searcher.Close() })
	return func(m Model) Model {
		return update(m, msg)
	}
}

// randomMsg picks a size change, a mouse event or a key.
func randomMsg(rng *rand.Rand) tea.Msg {
	switch n := rng.IntN(20); {
	case n == 0:
		return tea.WindowSizeMsg{Width: 20 + rng.IntN(381), Height: 5 + rng.IntN(116)}
	case n == 1:
		buttons := []tea.MouseButton{tea.MouseButtonLeft, tea.MouseButtonWheelUp, tea.MouseButtonWheelDown}
		return tea.MouseMsg{X: rng.IntN(200), Y: rng.IntN(60), Action: tea.MouseActionPress, Button: buttons[rng.IntN(len(buttons))]}
	default:
		return keyMsg(randomKeys[rng.IntN(len(randomKeys))])
	}
}

// describe names a message for the failure log.
func describe(msg tea.Msg) string {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return strings.Join([]string{"size", itoa(msg.Width), itoa(msg.Height)}, " ")
	case tea.MouseMsg:
		return "mouse " + msg.String() + " " + itoa(msg.X) + "," + itoa(msg.Y)
	case tea.KeyMsg:
		return msg.String()
	}
	return "?"
}

// itoa formats an int.
func itoa(n int) string {
	return fmtInt(n)
}

// fmtInt formats an int without fmt, for the log.
func fmtInt(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return fmtInt(n/10) + string(rune('0'+n%10))
}

// safeUpdate runs one message, failing the test with the log on a panic.
func safeUpdate(t *testing.T, m Model, msg tea.Msg, log []string) (out Model) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic %v after %s", r, strings.Join(log, ", "))
		}
	}()
	return update(m, msg)
}

// checkScreen checks that the screen is exactly the terminal's size.
func checkScreen(t *testing.T, m Model, log []string) {
	t.Helper()
	var view string
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("View panicked: %v after %s", r, strings.Join(log, ", "))
			}
		}()
		view = m.View()
	}()
	lines := strings.Split(view, "\n")
	if len(lines) != m.height {
		t.Fatalf("%d lines on a %d×%d terminal after %s", len(lines), m.width, m.height, strings.Join(log, ", "))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > m.width {
			t.Fatalf("line %d is %d wide on a %d×%d terminal after %s:\n%s", i, w, m.width, m.height, strings.Join(log, ", "), view)
		}
	}
}

// TestEverySizeRenders draws the main screens at sizes from 20×5 to
// 400×120.
func TestEverySizeRenders(t *testing.T) {
	c := seedCorpus(t)
	ready := sharedSearch(t, c)
	kamilov := []string{"F", "K", "a", "m", "i", "l", "o", "v", "enter"}
	journeys := [][]string{nil, {"enter"}, {"enter", "tab", "j"}, {"enter", "tab", "j", "enter"}, {"a"}, {"?"},
		{"F"}, kamilov, append(slices.Clone(kamilov), "enter"), {"F", "z", "q", "enter"}}
	for w := 20; w <= 400; w += 19 {
		for h := 5; h <= 120; h += 23 {
			for _, keys := range journeys {
				m := ready(NewFromCorpus(c, testTheme()))
				log := []string{"size " + fmtInt(w) + " " + fmtInt(h)}
				m = safeUpdate(t, m, tea.WindowSizeMsg{Width: w, Height: h}, log)
				for _, k := range keys {
					log = append(log, k)
					m = safeUpdate(t, m, keyMsg(k), log)
				}
				checkScreen(t, m, log)
			}
		}
	}
}

func TestTooSmall(t *testing.T) {
	m := newSeedModel(t, 20, 5)
	if !screenHas(m, "Terminal too") {
		t.Errorf("no too-small message at 20×5:\n%s", m.View())
	}
}

// hostile is text that tries to drive the terminal: OSC 52 (clipboard),
// OSC 8 (hyperlink), OSC 0 (window title), CSI 2J (clear screen), a C1
// CSI and a bell.
const hostile = "Pwn\x1b]52;c;ZXZpbA==\x07ed \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ \x1b]0;title\x07 \x1b[2Jclear \u009b2J\a"

// TestNoEscapeSequencesReachTheScreen feeds a file full of terminal
// escape sequences through the loader and an article built with them
// directly, and checks that none reaches any screen.
func TestNoEscapeSequencesReachTheScreen(t *testing.T) {
	dir := t.TempDir()
	body := "Title: " + hostile + "\nSource: Evil\x1b]0;x\x07 Wire\n\n" + hostile + " said Peter Burian.\n\nPeter Burian " + hostile + "\n"
	if err := os.WriteFile(filepath.Join(dir, "hostile.txt"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	loaded := corpus.Load(t.Context(), []string{dir}, corpus.Options{})
	direct := &article.Article{ID: "direct", Path: "direct.txt", Title: hostile, Source: hostile, Date: "2020-01-01",
		Byline: []string{hostile}, Dateline: hostile,
		Paragraphs: []article.Paragraph{{Text: hostile}, {Kind: article.Subheading, Text: hostile}, {Kind: article.Caption, Text: hostile}},
		Comments:   []article.Comment{{Author: hostile, Date: hostile, Text: hostile}}}
	directCorpus := &corpus.Corpus{
		Articles: []*article.Article{direct},
		Actors:   []actors.Actor{{ID: "person/pwn", Name: hostile, Kind: actors.Person, Aliases: []string{hostile}, Roles: []string{hostile}, Articles: []string{"direct"}}},
		Mentions: [][]actors.Mention{{{Actor: "person/pwn", Start: 0, End: 3, Text: "Pwn"}}},
	}
	for name, c := range map[string]*corpus.Corpus{"loaded": loaded, "direct": directCorpus} {
		t.Run(name, func(t *testing.T) {
			if len(c.Articles) != 1 {
				t.Fatalf("%d articles, want 1", len(c.Articles))
			}
			m := withSearch(t, NewFromCorpus(c, testTheme()))
			screens := map[string]string{}
			for _, size := range [][2]int{{120, 40}, {60, 20}} {
				m = update(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				screens["list"] = m.View()
				m = press(m, "enter", "c")
				screens["reader"] = m.View()
				m = press(m, "G")
				screens["comments"] = m.View()
				m = press(m, "tab", "tab", "enter")
				screens["actor view"] = m.View()
				m = press(m, "a")
				screens["actor index"] = m.View()
				m = press(m, "esc", "esc", "esc")
				m = press(typeText(press(m, "F", "ctrl+u"), "link"), "enter")
				screens["search"] = m.View()
				m = press(m, "enter")
				screens["search hit"] = m.View()
				m = press(m, "backspace", "esc")
			}
			for screen, v := range screens {
				if strings.ContainsAny(v, "\x1b\x07\u009b") || strings.Contains(v, "52;") || strings.Contains(v, "evil.example") {
					t.Errorf("%s: control sequence on screen: %q", screen, v)
				}
			}
		})
	}
}
