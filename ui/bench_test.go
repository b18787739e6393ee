package ui

import (
	"context"
	"fmt"
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
	seeds := seedCorpus(tb)
	out := &corpus.Corpus{Actors: seeds.Actors}
	for i := range n {
		src := seeds.Articles[i%len(seeds.Articles)]
		a := *src
		a.ID, a.Path = fmt.Sprintf("%s-%05d", src.ID, i), fmt.Sprintf("synthetic/%05d/%s", i, src.Path)
		a.Title = fmt.Sprintf("%s (%d)", src.Title, i)
		out.Articles = append(out.Articles, &a)
		out.Mentions = append(out.Mentions, seeds.Mentions[i%len(seeds.Articles)])
	}
	return out
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
