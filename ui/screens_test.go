package ui

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	"dossier/corpus"
)

// waitFor waits until the program's output contains every string.
func waitFor(t *testing.T, tm *teatest.TestModel, want ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
		for _, w := range want {
			if !bytes.Contains(out, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

// finalScreen quits the program and returns its last screen.
func finalScreen(t *testing.T, tm *teatest.TestModel) []byte {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return []byte(tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).View())
}

// TestScreens compares the list, the reading pane, the actor view and the
// search pane at 120×40 and 80×24 with the golden files in testdata/TestScreens; refresh
// them with go test ./ui/ -run TestScreens -update.
func TestScreens(t *testing.T) {
	screens := []struct {
		name string
		keys []string
		wait []string
	}{
		{"list", nil, nil},
		{"reader", []string{"enter"}, []string{"TASHKENT (Reuters)"}},
		{"actor-view", []string{"enter", "tab", "j", "enter"}, []string{"Named in 2 articles"}},
		{"search", []string{"F", "K", "a", "m", "i", "l", "o", "v", "enter"}, []string{`2 articles for "Kamilov"`}},
	}
	sizes := [][2]int{{120, 40}, {80, 24}}
	for _, s := range screens {
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s-%dx%d", s.name, size[0], size[1]), func(t *testing.T) {
				m := withSearch(t, NewFromCorpus(seedCorpus(t), testTheme()))
				tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(size[0], size[1]))
				waitFor(t, tm, "Articles (5)")
				for _, k := range s.keys {
					tm.Send(keyMsg(k))
				}
				waitFor(t, tm, s.wait...)
				teatest.RequireEqualOutput(t, finalScreen(t, tm))
			})
		}
	}
}

// TestJourneyOnScreen drives the program as a user would and checks what
// it draws: open an article, select an actor, jump to the next article
// naming it, go back and forward, search the text, open a result and move
// between its hits, go back, and filter the list.
func TestJourneyOnScreen(t *testing.T) {
	m := withSearch(t, NewFromCorpus(seedCorpus(t), testTheme()))
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	steps := []struct {
		keys []string
		want []string
	}{
		{nil, []string{"Articles (5) · by date", "France urges closer security"}},
		{[]string{"enter"}, []string{"TASHKENT (Reuters)", "Jean-Marc Ayrault"}},
		{[]string{"tab", "j"}, []string{"Actor: Abdulaziz Kamilov (1 mention)"}},
		{[]string{"]"}, []string{"Article 3 of 5", "Actor: Abdulaziz Kamilov (mention 1 of 2)", "Uzbekistan sees no need"}},
		{[]string{"backspace"}, []string{"Article 1 of 5", "Actor: Abdulaziz Kamilov (1 mention)"}},
		{[]string{"L"}, []string{"Article 3 of 5", "(mention 1 of 2)"}},
		{[]string{"ctrl+o"}, []string{"Article 1 of 5"}},
		{[]string{"F"}, []string{"Search: ", "Type words or"}},
		{[]string{"K", "a", "m", "i", "l", "o", "v", "enter"}, []string{`2 articles for "Kamilov" · best first`,
			"Uzbekistan sees no need", "Abdulaziz Kamilov told Russian reporters", "France urges closer security",
			"Abdulaziz Kamilov in Tashkent, said security"}},
		{[]string{"enter"}, []string{"Article 3 of 5", `search "Kamilov" · hit 1 of 2`}},
		{[]string{"n"}, []string{`search "Kamilov" · hit 2 of 2`}},
		{[]string{"backspace"}, []string{`Full-text search · "Kamilov"`}},
		{[]string{"esc"}, []string{"Article 1 of 5", "Actor: Abdulaziz Kamilov (1 mention)"}},
		{[]string{"esc", "/", "k", "a", "m", "i", "l"}, []string{"Filter: kamil"}},
		{[]string{"enter"}, []string{"Articles (5) · by date"}},
	}
	for i, s := range steps {
		for _, k := range s.keys {
			tm.Send(keyMsg(k))
		}
		t.Logf("step %d: %v", i, s.keys)
		waitFor(t, tm, s.want...)
	}
	final := string(finalScreen(t, tm))
	if !strings.Contains(final, `filter "kamil"`) {
		t.Errorf("the footer does not show the filter:\n%s", final)
	}
	for _, gone := range []string{"EU to reinforce", "Central Asia-EU Conference"} {
		if bytes.Contains([]byte(final), []byte(gone)) {
			t.Errorf("the filter left %q on screen:\n%s", gone, final)
		}
	}
}

// TestLoadingStream opens the reader on a stream of the seeds: the
// articles appear, then the actors once resolved.
func TestLoadingStream(t *testing.T) {
	tm := teatest.NewTestModel(t, New(stream(t), testTheme()), teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "Articles (5)")
	tm.Send(keyMsg("enter"))
	waitFor(t, tm, "People (", "here · articles")
	final := tm.FinalModel
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	m := final(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	defer m.Close()
	if m.cat == nil || m.loading || m.resolving {
		t.Errorf("loading did not finish: catalog %v, loading %v, resolving %v", m.cat != nil, m.loading, m.resolving)
	}
}

// TestEmptyCorpus shows a clear message for a folder without articles.
func TestEmptyCorpus(t *testing.T) {
	tm := teatest.NewTestModel(t, New(stream(t, t.TempDir()), testTheme()), teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "No articles found")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
}

// stream loads paths (the seeds when none) for the duration of the test.
func stream(t *testing.T, paths ...string) <-chan corpus.Event {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return corpus.Stream(ctx, paths, corpus.Options{})
}
