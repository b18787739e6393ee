package ui

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/actors"
	"dossier/corpus/article"
	"dossier/ui/search"
)

// BenchmarkStartup measures the reader from its start on the seeds: the
// first frame (drawn while the files load), the frame once the five
// articles are listed, and the frame once the actors are resolved.
func BenchmarkStartup(b *testing.B) {
	seedCorpus(b) // warm the tagger model up
	b.Run("first-frame", func(b *testing.B) {
		for b.Loop() {
			ctx, cancel := context.WithCancel(context.Background())
			m := update(New(corpus.Stream(ctx, nil, corpus.Options{}), testTheme()), tea.WindowSizeMsg{Width: 120, Height: 40})
			_ = m.View()
			cancel()
		}
	})
	b.Run("articles-listed", func(b *testing.B) {
		for b.Loop() {
			m := startUntil(b, func(m Model) bool { return m.list.Len() == 5 })
			_ = m.View()
		}
	})
	b.Run("actors-resolved", func(b *testing.B) {
		for b.Loop() {
			m := startUntil(b, func(m Model) bool { return m.cat != nil })
			_ = m.View()
		}
	})
}

// startUntil starts the reader on a stream of the seeds and runs its
// commands, oldest first, until done holds.
func startUntil(b *testing.B, done func(Model) bool) Model {
	ctx, cancel := context.WithCancel(context.Background())
	b.Cleanup(cancel)
	m := update(New(corpus.Stream(ctx, nil, corpus.Options{}), testTheme()), tea.WindowSizeMsg{Width: 120, Height: 40})
	queue := []tea.Cmd{m.Init()}
	for len(queue) > 0 && !done(m) {
		cmd := queue[0]
		queue = queue[1:]
		if cmd == nil {
			continue
		}
		switch msg := cmd().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			next, more := m.Update(msg)
			m, queue = next.(Model), append(queue, more)
		}
	}
	if !done(m) {
		b.Fatal("the reader stopped before the condition held")
	}
	return m
}

// BenchmarkFilterKeystroke measures one keystroke while filtering a list
// of 10,000 articles: the key, the filter over every article, the results
// and the frame.
func BenchmarkFilterKeystroke(b *testing.B) {
	m := update(NewFromCorpus(syntheticCorpus(b, 10_000), testTheme()), tea.WindowSizeMsg{Width: 120, Height: 40})
	m = typeText(press(m, "/"), "ka")
	keys := []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune("m")}, keyMsg("backspace")}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		m = update(m, keys[i%2])
		_ = m.View()
		i++
	}
	b.StopTimer()
	if n := m.list.Visible(); n == 0 || n == 10_000 {
		b.Fatalf("the filter let %d of 10000 articles through", n)
	}
}

// BenchmarkScrollKeystroke measures one keystroke scrolling a long article
// (about 130 kB) with an actor's mentions highlighted: the key and the
// frame.
func BenchmarkScrollKeystroke(b *testing.B) {
	c := longArticleCorpus(b, 40)
	m := update(NewFromCorpus(c, testTheme()), tea.WindowSizeMsg{Width: 120, Height: 40})
	m = press(m, "enter", "tab", "j", "tab", "tab")
	if m.focus != readerPane || m.reader.Article() == nil {
		b.Fatal("the long article is not open in the reader")
	}
	lines := m.reader.TotalLines()
	down, up := keyMsg("j"), keyMsg("k")
	b.ResetTimer()
	i := 0
	for b.Loop() {
		k := down
		if i/lines%2 == 1 {
			k = up
		}
		m = update(m, k)
		_ = m.View()
		i++
	}
	b.ReportMetric(float64(lines), "lines")
}

// BenchmarkSearch measures one full-text query over 10,000 articles
// through Corpus.Searcher, as the search pane runs it. The seeds, and so
// their clones, are never indexed on disk, so the searcher builds its
// index in memory: open-in-memory times that, which the reader does once
// off the event loop when the corpus has loaded.
func BenchmarkSearch(b *testing.B) {
	c := syntheticCorpus(b, 10_000)
	b.Run("open-in-memory", func(b *testing.B) {
		for b.Loop() {
			s, err := c.Searcher()
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
	s, err := c.Searcher()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	queries := []struct {
		name, query string
	}{
		{"word", "Kamilov"},
		{"phrase", `"security co-operation"`},
		{"words", "border security terrorism"},
		{"none", "zzzzqx"},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			var hits []corpus.Hit
			for b.Loop() {
				if hits, err = s.Search(context.Background(), q.query, search.Limit); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(hits)), "hits")
		})
	}
}

// syntheticCorpus clones the seeds into n articles with distinct ids and
// paths, keeping their mentions.
func syntheticCorpus(tb testing.TB, n int) *corpus.Corpus {
	return clonedCorpus(seedCorpus(tb), n)
}

// clonedCorpus cycles base's articles into n with distinct ids, paths and
// titles, keeping their mentions, and lists every clone among the articles
// of each actor its original names, so that actors are named in as many
// articles as in a real corpus of n articles.
func clonedCorpus(base *corpus.Corpus, n int) *corpus.Corpus {
	out := &corpus.Corpus{Articles: make([]*article.Article, 0, n), Mentions: make([][]actors.Mention, 0, n)}
	clones := make(map[string][]string, len(base.Articles))
	for i := range n {
		src := base.Articles[i%len(base.Articles)]
		a := *src
		a.ID, a.Path = fmt.Sprintf("%s-%06d", src.ID, i), fmt.Sprintf("synthetic/%06d/%s", i, src.Path)
		a.Title = fmt.Sprintf("%s (%d)", src.Title, i)
		out.Articles = append(out.Articles, &a)
		out.Mentions = append(out.Mentions, base.Mentions[i%len(base.Articles)])
		clones[src.ID] = append(clones[src.ID], a.ID)
	}
	out.Actors = make([]actors.Actor, len(base.Actors))
	for i, actor := range base.Actors {
		actor.Articles = nil
		for _, id := range base.Actors[i].Articles {
			actor.Articles = append(actor.Articles, clones[id]...)
		}
		out.Actors[i] = actor
	}
	return out
}

// bbcDir is the BBC news corpus (2,225 files) that the keystroke
// benchmarks cycle into 10,000 and 100,000 articles.
const bbcDir = "../../shared/data/bbc"

var (
	bbcOnce sync.Once
	bbc     *corpus.Corpus
)

// bbcCorpus loads the BBC corpus once for all benchmarks, or skips the
// benchmark when it is absent.
func bbcCorpus(b *testing.B) *corpus.Corpus {
	b.Helper()
	if _, err := os.Stat(bbcDir); err != nil {
		b.Skipf("the BBC corpus is absent: %v", err)
	}
	bbcOnce.Do(func() { bbc = corpus.Load(context.Background(), []string{bbcDir}, corpus.Options{}) })
	if len(bbc.Articles) == 0 || len(bbc.Actors) == 0 {
		b.Fatalf("the BBC corpus loaded %d articles and %d actors", len(bbc.Articles), len(bbc.Actors))
	}
	return bbc
}

// keystrokeSizes are the corpus sizes of the keystroke benchmarks.
var keystrokeSizes = []struct {
	name string
	n    int
}{{"10k", 10_000}, {"100k", 100_000}}

// bbcModels holds the reader on each cloned BBC corpus, built once.
var bbcModels = map[int]Model{}

// bbcModel is the reader at 120×40 on the BBC corpus cycled into n
// articles, on the main screen with nothing open.
func bbcModel(b *testing.B, n int) Model {
	b.Helper()
	if m, ok := bbcModels[n]; ok {
		return m
	}
	m := update(NewFromCorpus(clonedCorpus(bbcCorpus(b), n), testTheme()), tea.WindowSizeMsg{Width: 120, Height: 40})
	bbcModels[n] = m
	return m
}

// eachSize runs a keystroke benchmark on the BBC corpus cycled into every
// size, starting from the model setup returns.
func eachSize(b *testing.B, setup func(*testing.B, Model) Model, bench func(*testing.B, Model)) {
	for _, size := range keystrokeSizes {
		b.Run(size.name, func(b *testing.B) {
			m := setup(b, bbcModel(b, size.n))
			b.ResetTimer()
			bench(b, m)
		})
	}
}

// cycleKeys sends keys in turn, each followed by a frame, and returns the
// model.
func cycleKeys(b *testing.B, m Model, keys ...tea.KeyMsg) Model {
	i := 0
	for b.Loop() {
		m = update(m, keys[i%len(keys)])
		_ = m.View()
		i++
	}
	return m
}

// sweepKeys sends down for sweep keystrokes, then up for as many, and so
// on, each followed by a frame, and returns the model.
func sweepKeys(b *testing.B, m Model, down, up tea.KeyMsg, sweep int) Model {
	i := 0
	for b.Loop() {
		k := down
		if i/sweep%2 == 1 {
			k = up
		}
		m = update(m, k)
		_ = m.View()
		i++
	}
	return m
}

// firstKeys types the first key of a filter, each of letters in turn, and
// a frame; the backspace that empties the filter again is not timed.
func firstKeys(b *testing.B, m Model, letters string) {
	backspace := keyMsg("backspace")
	i := 0
	for b.Loop() {
		m = update(m, keyMsg(string(letters[i%len(letters)])))
		_ = m.View()
		b.StopTimer()
		m = update(m, backspace)
		b.StartTimer()
		i++
	}
}

// noSetup starts a benchmark from the reader as it is.
func noSetup(_ *testing.B, m Model) Model { return m }

// BenchmarkListKeystroke measures one keystroke in the article list of the
// BBC corpus cycled into 10,000 and 100,000 articles: a key typed into the
// filter (the filter over every article, its results and the frame),
// moving the cursor a line or a page at a time through the list, and
// changing its order.
func BenchmarkListKeystroke(b *testing.B) {
	b.Run("filter", func(b *testing.B) {
		eachSize(b, func(b *testing.B, m Model) Model {
			return typeText(press(m, "/"), "blai")
		}, func(b *testing.B, m Model) {
			m = cycleKeys(b, m, keyMsg("r"), keyMsg("backspace"))
			b.StopTimer()
			if n := m.list.Visible(); n == 0 || n == m.list.Len() {
				b.Fatalf("the filter let %d of %d articles through", n, m.list.Len())
			}
		})
	})
	b.Run("filter-first-key", func(b *testing.B) {
		eachSize(b, func(b *testing.B, m Model) Model {
			return press(m, "/")
		}, func(b *testing.B, m Model) {
			firstKeys(b, m, "bmstaeo")
		})
	})
	b.Run("down", func(b *testing.B) {
		eachSize(b, noSetup, func(b *testing.B, m Model) {
			sweepKeys(b, m, keyMsg("j"), keyMsg("k"), 200)
		})
	})
	b.Run("pgdown", func(b *testing.B) {
		eachSize(b, noSetup, func(b *testing.B, m Model) {
			sweepKeys(b, m, keyMsg("pgdown"), keyMsg("pgup"), 50)
		})
	})
	b.Run("sort", func(b *testing.B) {
		eachSize(b, noSetup, func(b *testing.B, m Model) {
			cycleKeys(b, m, keyMsg("s"))
		})
	})
	b.Run("filtered-down", func(b *testing.B) {
		eachSize(b, func(b *testing.B, m Model) Model {
			return press(typeText(press(m, "/"), "blair"), "enter")
		}, func(b *testing.B, m Model) {
			sweepKeys(b, m, keyMsg("j"), keyMsg("k"), 200)
		})
	})
}

// openIndex opens the actor index.
func openIndex(b *testing.B, m Model) Model {
	m = press(m, "a")
	if m.screen != indexScreen {
		b.Fatal("the actor index did not open")
	}
	return m
}

// BenchmarkIndexKeystroke measures one keystroke in the actor index of
// the BBC corpus cycled into 10,000 and 100,000 articles: moving a line or
// a page at a time, and a key typed into its filter.
func BenchmarkIndexKeystroke(b *testing.B) {
	b.Run("down", func(b *testing.B) {
		eachSize(b, openIndex, func(b *testing.B, m Model) {
			sweepKeys(b, m, keyMsg("j"), keyMsg("k"), 200)
		})
	})
	b.Run("pgdown", func(b *testing.B) {
		eachSize(b, openIndex, func(b *testing.B, m Model) {
			sweepKeys(b, m, keyMsg("pgdown"), keyMsg("pgup"), 50)
		})
	})
	b.Run("filter", func(b *testing.B) {
		eachSize(b, func(b *testing.B, m Model) Model {
			return typeText(press(openIndex(b, m), "/"), "blai")
		}, func(b *testing.B, m Model) {
			m = cycleKeys(b, m, keyMsg("r"), keyMsg("backspace"))
			b.StopTimer()
			if n := m.actorIndex.Visible(); n == 0 || n == m.actorIndex.Len() {
				b.Fatalf("the filter let %d of %d actors through", n, m.actorIndex.Len())
			}
		})
	})
}

// BenchmarkActorKeystroke measures the keystrokes that follow an actor
// through the BBC corpus cycled into 10,000 and 100,000 articles: opening
// the most widely named actor from the index (enter; the esc back is not
// timed), moving in its actor view, and jumping from the reader to the
// next article that names the actor selected in the panel (]).
func BenchmarkActorKeystroke(b *testing.B) {
	b.Run("open", func(b *testing.B) {
		eachSize(b, openIndex, func(b *testing.B, m Model) {
			enter, esc := keyMsg("enter"), keyMsg("esc")
			var articles int
			for b.Loop() {
				m = update(m, enter)
				_ = m.View()
				b.StopTimer()
				articles = len(m.cat.Appearances(m.actorView.Actor()))
				m = update(m, esc)
				b.StartTimer()
			}
			b.ReportMetric(float64(articles), "articles")
		})
	})
	b.Run("view-down", func(b *testing.B) {
		eachSize(b, func(b *testing.B, m Model) Model {
			m = press(openIndex(b, m), "enter")
			if m.screen != actorScreen {
				b.Fatal("the actor view did not open")
			}
			return m
		}, func(b *testing.B, m Model) {
			sweepKeys(b, m, keyMsg("j"), keyMsg("k"), 200)
		})
	})
	b.Run("next-article", func(b *testing.B) {
		eachSize(b, openWithActor, func(b *testing.B, m Model) {
			cycleKeys(b, m, keyMsg("]"))
		})
	})
}

// openWithActor opens the first article of the list with the first actor
// of its panel selected, and focuses the reader.
func openWithActor(b *testing.B, m Model) Model {
	m = press(m, "enter", "tab", "j", "tab", "tab")
	if m.focus != readerPane || m.reader.Article() == nil {
		b.Fatal("no article is open in the reader")
	}
	if _, ok := m.panel.Selected(); !ok {
		b.Fatal("no actor is selected in the panel")
	}
	return m
}

// BenchmarkReaderKeystroke measures one keystroke scrolling an article of
// the BBC corpus cycled into 10,000 and 100,000 articles, with an actor's
// mentions highlighted: the key and the frame.
func BenchmarkReaderKeystroke(b *testing.B) {
	b.Run("scroll", func(b *testing.B) {
		eachSize(b, openWithActor, func(b *testing.B, m Model) {
			sweepKeys(b, m, keyMsg("j"), keyMsg("k"), max(m.reader.TotalLines(), 1))
		})
	})
}

// longArticleCorpus is one article made of the seeds' paragraphs repeated
// times times, with their mentions moved along.
func longArticleCorpus(tb testing.TB, times int) *corpus.Corpus {
	seeds := seedCorpus(tb)
	long := &article.Article{ID: "long", Path: "long.txt", Title: "A long article", Source: "Synthetic", Date: "2020-01-01"}
	var mentions []actors.Mention
	offset := 0
	for range times {
		for i, a := range seeds.Articles {
			if offset > 0 {
				offset += len("\n\n")
			}
			for _, mention := range seeds.Mentions[i] {
				mention.Start += offset
				mention.End += offset
				mentions = append(mentions, mention)
			}
			long.Paragraphs = append(long.Paragraphs, a.Paragraphs...)
			offset += len(a.Text())
		}
	}
	if long.Text()[mentions[len(mentions)-1].Start:mentions[len(mentions)-1].End] != mentions[len(mentions)-1].Text {
		tb.Fatal("mentions moved to the wrong place")
	}
	return &corpus.Corpus{Articles: []*article.Article{long}, Actors: seeds.Actors, Mentions: [][]actors.Mention{mentions}}
}
