package search

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"dossier/corpus"
	"dossier/corpus/article"
	"dossier/ui/display"
	"dossier/ui/theme"
)

// The lines of one result and the blank lines between results.
const (
	itemHeight  = 3
	itemSpacing = 1
)

// item is one matching article.
type item struct {
	article *article.Article
	hit     corpus.Hit
	title   string
	details string
	snippet []piece
}

// piece is a stretch of a snippet, matching the query or not.
type piece struct {
	text  string
	match bool
}

// newItem describes one hit on article a.
func newItem(a *article.Article, h corpus.Hit) item {
	it := item{article: a, hit: h, title: display.Line(a.Title), snippet: pieces(h.Snippet, h.SnippetMatches)}
	if it.title == "" {
		it.title = "(untitled)"
	}
	var parts []string
	for _, s := range []string{display.Line(a.Source), display.Line(a.Date)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	parts = append(parts, display.Count(len(h.Matches), "match", "matches"))
	it.details = strings.Join(parts, " · ")
	return it
}

// pieces cuts a snippet at its matches, cleaning each piece of control
// characters; matches out of order or out of range are left unmarked.
func pieces(snippet string, matches [][2]int) []piece {
	var out []piece
	at := 0
	for _, m := range matches {
		if m[0] < at || m[1] > len(snippet) || m[0] >= m[1] ||
			!utf8.ValidString(snippet[at:m[0]]) || !utf8.ValidString(snippet[m[0]:m[1]]) {
			continue
		}
		out = appendPiece(out, snippet[at:m[0]], false)
		out = appendPiece(out, snippet[m[0]:m[1]], true)
		at = m[1]
	}
	return appendPiece(out, snippet[at:], false)
}

// appendPiece adds a cleaned piece of text, if anything is left of it.
func appendPiece(out []piece, s string, match bool) []piece {
	if s = display.Spaced(s); s != "" {
		out = append(out, piece{text: s, match: match})
	}
	return out
}

// FilterValue is the article's title.
func (i item) FilterValue() string { return i.title }

// delegate draws a result as its title, its source, date and number of
// matches, then its snippet with the matches set off.
type delegate struct {
	theme theme.Theme
}

// Height is the number of lines of a result.
func (d delegate) Height() int { return itemHeight }

// Spacing is the number of blank lines between results.
func (d delegate) Spacing() int { return itemSpacing }

// Update does nothing: the pane handles keys.
func (d delegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

// Render draws one result.
func (d delegate) Render(w io.Writer, m list.Model, index int, it list.Item) {
	i, ok := it.(item)
	if !ok {
		return
	}
	width := m.Width()
	cursor, style := d.theme.Cursor(index == m.Index())
	title := ansi.Truncate(cursor+style.Render(i.title), width, "…")
	details := ansi.Truncate("  "+d.theme.Dim.Render(i.details), width, "…")
	fmt.Fprintf(w, "%s\n%s\n%s", title, details, d.snippet(i.snippet, width))
}

// snippet draws the pieces of a snippet on one line of width columns,
// indented, with the first match at most a third of the way in.
func (d delegate) snippet(pieces []piece, width int) string {
	room := width - 2
	if room <= 0 {
		return ""
	}
	var b strings.Builder
	for k, p := range pieces {
		text, style := p.text, d.theme.Dim
		if p.match {
			style = d.theme.Keyword
		}
		if w := ansi.StringWidth(text); k == 0 && !p.match && w > room/3 {
			text = "…" + ansi.TruncateLeft(text, w-room/3+1, "")
		}
		b.WriteString(style.Render(text))
	}
	return "  " + ansi.Truncate(b.String(), room, "…")
}
