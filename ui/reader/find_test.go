package reader

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"dossier/corpus/article"
	"dossier/ui/keys"
	"dossier/ui/theme"
)

// findArticle has hyphenated words, a phrase in a caption and one in
// Markdown-looking syntax, and words that hold others ("could", "co").
var findArticle = &article.Article{
	Title: "Security co-operation in Central Asia",
	Paragraphs: []article.Paragraph{
		{Text: "Officials could not agree, but security co-operation with Kamilov's ministry went on in Zürich and Tashkent."},
		{Kind: article.Subheading, Text: "Kamilov speaks"},
		{Text: "Kamilov said the *European Union* would co-operate on border security co-operation, and the U.S.-led talks resumed."},
		{Kind: article.Caption, Text: "Border guards train in Bishkek under the security co-operation programme."},
	},
}

// occurrences is the byte ranges of every occurrence of each phrase as
// whole words in text, in reading order, as a search returns them.
func occurrences(text string, phrases ...string) [][2]int {
	var out [][2]int
	for at := 0; at < len(text); at++ {
		for _, p := range phrases {
			if strings.HasPrefix(text[at:], p) && !wordRuneBefore(text, at) && !wordRuneAfter(text, at+len(p)) {
				out = append(out, [2]int{at, at + len(p)})
				at += len(p) - 1
				break
			}
		}
	}
	return out
}

// wordsOf is what the reader looks for: the words of each range.
func wordsOf(text string, ranges [][2]int) [][]string {
	out := make([][]string, len(ranges))
	for i, r := range ranges {
		out[i] = strings.Fields(text[r[0]:r[1]])
	}
	return out
}

// TestFindHits checks that search hits are found where their words were
// rendered, in the body only, at several widths and in every style.
func TestFindHits(t *testing.T) {
	text := findArticle.Text()
	tests := []struct {
		name    string
		phrases []string
		want    int
	}{
		{"multi-word phrase with a hyphen", []string{"security co-operation"}, 3},
		{"a word in a subheading and the body", []string{"Kamilov"}, 3},
		{"a word held in others", []string{"co"}, 4},
		{"a phrase inside Markdown syntax", []string{"European Union"}, 1},
		{"accents and a hyphenated abbreviation", []string{"Zürich", "U.S.-led"}, 2},
		{"two terms at once", []string{"security co-operation", "Tashkent"}, 4},
	}
	for _, tt := range tests {
		hits := occurrences(text, tt.phrases...)
		if len(hits) != tt.want {
			t.Fatalf("%s: %d occurrences in the text, want %d", tt.name, len(hits), tt.want)
		}
		words := wordsOf(text, hits)
		for _, style := range []string{theme.NoTTY, theme.Dark} {
			for _, width := range []int{14, 22, 37, 60, 100} {
				r, err := Render(BuildDocument(findArticle, nil, false, "c", width), 0, width, style)
				if err != nil {
					t.Fatal(err)
				}
				found := r.Find(words)
				for k, spans := range found {
					checkFound(t, r, spans, text[hits[k][0]:hits[k][1]], tt.name, style, width)
				}
			}
		}
	}
}

// checkFound checks that spans read as want, below the title.
func checkFound(t *testing.T, r Rendered, spans []Span, want, name, style string, width int) {
	t.Helper()
	var got []string
	for _, s := range spans {
		if s.Line < r.BodyStart || s.Line >= r.BodyStart+r.BodyLines {
			t.Errorf("%s, %s at %d: %q found outside the body, on line %d", name, style, width, want, s.Line)
		}
		got = append(got, ansi.Strip(r.Lines[s.Line][s.Start:s.End]))
	}
	if g := strings.ReplaceAll(strings.Join(got, " "), "- ", "-"); g != want {
		t.Errorf("%s, %s at %d: %q found as %q", name, style, width, want, g)
	}
	if len(spans) == 0 {
		return
	}
	first, last := spans[0], spans[len(spans)-1]
	if wordRuneBefore(ansi.Strip(r.Lines[first.Line][:first.Start]), len(ansi.Strip(r.Lines[first.Line][:first.Start]))) ||
		wordRuneAfter(ansi.Strip(r.Lines[last.Line][last.End:]), 0) {
		t.Errorf("%s, %s at %d: %q found inside a longer word: %q", name, style, width, want, ansi.Strip(r.Lines[first.Line]))
	}
}

func TestFindSkipsWhatIsNotThere(t *testing.T) {
	r, err := Render(BuildDocument(findArticle, nil, false, "c", 40), 0, 40, theme.NoTTY)
	if err != nil {
		t.Fatal(err)
	}
	found := r.Find([][]string{{"Nowhere"}, {"Bishkek"}, {"programme", "missing"}})
	if len(found[0]) != 0 || len(found[1]) != 1 || len(found[2]) != 1 {
		t.Errorf("found %v, want nothing, then Bishkek, then programme alone", found)
	}
}

// TestHighlightAcrossAReset checks that a highlight spanning a reset
// glamour put between two words covers both.
func TestHighlightAcrossAReset(t *testing.T) {
	r := Rendered{Lines: []string{"think interest\x1b[0m\x1b[38;5;252m rates"}}
	found := [][]Span{{{0, 6, 14}, {0, 30, 35}}}
	got := r.HighlightFound(found, -1, theme.Highlight{On: "<", Off: ">"}, theme.Highlight{})
	if want := "think <interest\x1b[0m<\x1b[38;5;252m< rates>"; got[0] != want {
		t.Errorf("got %q, want %q", got[0], want)
	}
}

func TestHighlightFound(t *testing.T) {
	r := Rendered{Lines: []string{"a security co-", "operation b"}}
	found := [][]Span{{{0, 2, 10}, {0, 11, 14}, {1, 0, 9}}}
	mark, cur := theme.Highlight{On: "<", Off: ">"}, theme.Highlight{On: "[", Off: "]"}
	if got := strings.Join(r.HighlightFound(found, -1, mark, cur), "|"); got != "a <security co->|<operation> b" {
		t.Errorf("marked %q", got)
	}
	if got := strings.Join(r.HighlightFound(found, 0, mark, cur), "|"); got != "a [security co-]|[operation] b" {
		t.Errorf("current %q", got)
	}
}

// TestHitsInTheReader opens an article with search hits: n and N move
// between them, wrapping around, the current one stays on screen after a
// resize, and opening another article drops them.
func TestHitsInTheReader(t *testing.T) {
	text := findArticle.Text()
	hits := occurrences(text, "security co-operation")
	m := New(keys.Default(), theme.New(theme.NoTTY, false))
	m.SetSize(30, 6)
	m = deliver(m, m.Open(findArticle, nil, 0, -1))
	m.ShowHits(Hits{Query: `"security co-operation"`, Matches: hits})
	m.GotoHit(0)
	steps := []struct {
		key  string
		want int
	}{{"n", 1}, {"n", 2}, {"n", 0}, {"N", 2}, {"N", 1}}
	for _, s := range steps {
		m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s.key)})
		if m.Hits().Current != s.want {
			t.Fatalf("%s: hit %d, want %d", s.key, m.Hits().Current, s.want)
		}
	}
	m = deliver(m, m.SetSize(24, 6))
	if m.Hits().Current != 1 || !strings.Contains(m.View(), "security") {
		t.Errorf("after a resize: hit %d, screen:\n%s", m.Hits().Current, m.View())
	}
	other := &article.Article{Title: "Other", Paragraphs: []article.Paragraph{{Text: "Nothing to see."}}}
	m = deliver(m, m.Open(other, nil, 0, -1))
	if m.Hits().Active() {
		t.Error("opening another article kept the hits")
	}
}

// deliver runs a render command and hands its rendering to the pane.
func deliver(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	m, _ = m.Update(cmd())
	return m
}
