package reader

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"dossier/corpus/actors"
	"dossier/corpus/article"
	"dossier/ui/theme"
)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
}

// renderText renders an article at width 60 in the notty style and returns
// its text.
func renderText(t *testing.T, a *article.Article, mentions []actors.Mention, comments bool) (string, Rendered) {
	t.Helper()
	r, err := Render(BuildDocument(a, mentions, comments, "c", 60), len(mentions), 60, theme.NoTTY)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(r.Lines, "\n"), r
}

// TestMarkdownRendersLiterally checks that text that looks like Markdown
// or HTML is shown as written.
func TestMarkdownRendersLiterally(t *testing.T) {
	tests := []string{
		"# not a heading",
		"a *starred* and _underscored_ word",
		"a [x](y) link",
		"<html> and <b>bold</b>",
		"1. not a list",
		"- not a bullet",
		"> not a quote",
		"a | table | row",
		"`code` and ~~struck~~",
		"AT&T and &amp; as written",
		`a back\slash`,
		"---",
	}
	for _, text := range tests {
		t.Run(text, func(t *testing.T) {
			a := &article.Article{Title: "T", Paragraphs: []article.Paragraph{{Text: text}}}
			got, _ := renderText(t, a, nil, false)
			if !strings.Contains(got, text) {
				t.Errorf("%q rendered as:\n%s", text, got)
			}
		})
	}
}

func TestDocumentLayout(t *testing.T) {
	a := &article.Article{
		Title: "Floods hit the capital", Source: "Metro Wire", Section: "World", Date: "2021-03-05",
		Byline: []string{"Ann Lee", "Bo Chan"}, Dateline: "LONDON",
		Paragraphs: []article.Paragraph{
			{Text: "Rain fell."}, {Kind: article.Subheading, Text: "Aftermath"}, {Kind: article.Caption, Text: "A flooded street."},
		},
		Comments: []article.Comment{{Author: "reader1", Date: "2021-03-06", Text: "Terrible."}},
	}
	tests := []struct {
		name     string
		comments bool
		want     []string
		absent   []string
	}{
		{"folded comments", false,
			[]string{"# Floods hit the capital", "Metro Wire · World · 2021-03-05 · By Ann Lee, Bo Chan", "LONDON", "1 comment folded — press c to show it.", "## Aftermath", "A flooded street.", "Reader comments (1)", "press c to show"},
			[]string{"Terrible."}},
		{"unfolded comments", true, []string{"reader1 · 2021-03-06", "Terrible."}, []string{"press c to show"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := renderText(t, a, nil, tt.comments)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in:\n%s", w, got)
				}
			}
			for _, w := range tt.absent {
				if strings.Contains(got, w) {
					t.Errorf("unexpected %q in:\n%s", w, got)
				}
			}
		})
	}
}

// TestMentionSpans checks that every mention is found where its words
// were rendered, at several widths.
func TestMentionSpans(t *testing.T) {
	text1 := "Foreign Minister Abdulaziz Kamilov met the EU envoy (Peter Burian) in Tashkent on Friday."
	text2 := "Kamilov said the *European Union* would help."
	a := &article.Article{Title: "Talks", Paragraphs: []article.Paragraph{{Text: text1}, {Text: text2}}}
	full := a.Text()
	var mentions []actors.Mention
	for _, name := range []string{"Abdulaziz Kamilov", "EU", "Peter Burian", "Tashkent"} {
		i := strings.Index(full, name)
		mentions = append(mentions, actors.Mention{Start: i, End: i + len(name), Text: name})
	}
	for _, name := range []string{"Kamilov", "European Union"} {
		i := len(text1) + 2 + strings.Index(text2, name)
		mentions = append(mentions, actors.Mention{Start: i, End: i + len(name), Text: name})
	}
	for _, width := range []int{12, 25, 40, 80} {
		r, err := Render(BuildDocument(a, mentions, false, "c", width), len(mentions), width, theme.NoTTY)
		if err != nil {
			t.Fatal(err)
		}
		for k, m := range mentions {
			var words []string
			for _, s := range r.Spans[k] {
				words = append(words, r.Lines[s.Line][s.Start:s.End])
			}
			if got := strings.Join(words, " "); got != m.Text {
				t.Errorf("width %d: mention %q found as %q", width, m.Text, got)
			}
		}
	}
}

// TestMentionsDoNotChangeWrapping checks that an article wraps the same
// with and without mentions, in every style, margins included.
func TestMentionsDoNotChangeWrapping(t *testing.T) {
	text := "France and Uzbekistan need to strengthen security cooperation, French Foreign Minister Jean-Marc Ayrault told Reuters on Saturday during a visit to the Central Asian nation."
	a := &article.Article{Title: "Jean-Marc Ayrault in Uzbekistan", Paragraphs: []article.Paragraph{{Text: text}}}
	var mentions []actors.Mention
	for _, name := range []string{"France", "Uzbekistan", "Jean-Marc Ayrault", "Reuters", "Central Asian"} {
		i := strings.Index(text, name)
		mentions = append(mentions, actors.Mention{Start: i, End: i + len(name), Text: name})
	}
	for _, style := range []string{theme.NoTTY, "dark", "light"} {
		for _, width := range []int{20, 33, 47, 61, 80} {
			plain, err := Render(BuildDocument(a, nil, false, "c", width), 0, width, style)
			if err != nil {
				t.Fatal(err)
			}
			marked, err := Render(BuildDocument(a, mentions, false, "c", width), len(mentions), width, style)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(plain.Lines, "\n") != strings.Join(marked.Lines, "\n") {
				t.Errorf("%s at %d: lines differ with mentions:\n%s\n---\n%s", style, width, strings.Join(plain.Lines, "\n"), strings.Join(marked.Lines, "\n"))
			}
			for k, m := range mentions {
				var words []string
				for _, s := range marked.Spans[k] {
					words = append(words, ansi.Strip(marked.Lines[s.Line][s.Start:s.End]))
				}
				if got := strings.Join(words, " "); strings.ReplaceAll(got, "- ", "-") != m.Text {
					t.Errorf("%s at %d: mention %q found as %q", style, width, m.Text, got)
				}
			}
			if marked.FirstLine(0) <= 2 {
				t.Errorf("%s at %d: first mention on line %d, in the title", style, width, marked.FirstLine(0))
			}
		}
	}
}

// TestColourDoesNotChangeWrapping checks that styled output breaks lines
// where plain output does, and never strands a word on a line of its own.
func TestColourDoesNotChangeWrapping(t *testing.T) {
	a := &article.Article{
		Title: "Talks", Source: "Reuters", Date: "2017-04-15", Byline: []string{"Mukhammadsharif Mamatkulov", "Olzhas Auyezov"}, Dateline: "TASHKENT",
		Paragraphs: []article.Paragraph{
			{Text: "TASHKENT (Reuters) - France and Uzbekistan need to strengthen security cooperation in order to combat jihadist groups and prevent violent attacks, French Foreign Minister Jean-Marc Ayrault told Reuters on Saturday during a visit to the Central Asian nation."},
			{Kind: article.Caption, Text: "Participants are shown in Bishkek June 8 at the fourth High Level Political and Security Dialogue between the EU and Central Asian countries. [Asker Sultanov]"},
		},
	}
	defer lipgloss.SetColorProfile(termenv.Ascii)
	for _, style := range []string{"dark", "light"} {
		for width := 30; width <= 90; width += 7 {
			lipgloss.SetColorProfile(termenv.Ascii)
			plain, err := Render(BuildDocument(a, nil, false, "c", width), 0, width, style)
			if err != nil {
				t.Fatal(err)
			}
			lipgloss.SetColorProfile(termenv.TrueColor)
			styled, err := Render(BuildDocument(a, nil, false, "c", width), 0, width, style)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range styled.Lines {
				got = append(got, ansi.Strip(l))
			}
			var want []string
			for _, l := range plain.Lines {
				want = append(want, ansi.Strip(l))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s at %d: styled lines differ:\n%s\n---\n%s", style, width, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			for _, l := range got {
				if w := strings.Fields(l); len(w) == 1 && len(w[0]) <= 3 {
					t.Errorf("%s at %d: stranded word %q", style, width, l)
				}
			}
		}
	}
}

func TestHighlight(t *testing.T) {
	r := Rendered{
		Lines: []string{"a Peter Burian said", "and Burian"},
		Spans: [][]Span{{{0, 2, 7}, {0, 8, 14}}, {{1, 4, 10}}},
	}
	mark, cur := theme.Highlight{On: "<", Off: ">"}, theme.Highlight{On: "[", Off: "]"}
	tests := []struct {
		name     string
		mentions []int
		current  int
		want     []string
	}{
		{"none", nil, -1, []string{"a Peter Burian said", "and Burian"}},
		{"both, words joined", []int{0, 1}, -1, []string{"a <Peter Burian> said", "and <Burian>"}},
		{"current", []int{0, 1}, 1, []string{"a <Peter Burian> said", "and [Burian]"}},
		{"out of range ignored", []int{5}, 5, []string{"a Peter Burian said", "and Burian"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.Highlight(tt.mentions, tt.current, mark, cur)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if r.Lines[0] != "a Peter Burian said" {
		t.Error("Highlight changed the rendering")
	}
}
