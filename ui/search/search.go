// Package search is the full-text search pane: a query line, then the
// articles whose text holds every word and "quoted phrase" of the query,
// best first, each with the passage of its first match.
package search

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"dossier/corpus"
	"dossier/corpus/article"
	"dossier/ui/display"
	"dossier/ui/filtering"
	"dossier/ui/keys"
	"dossier/ui/theme"
)

// Limit is the largest number of articles a search lists.
const Limit = 200

// headerHeight is the number of lines above the results: the query line
// and a blank line.
const headerHeight = 2

// hint is shown before the first search.
const hint = `Type words or "quoted phrases" and press enter: articles holding all of them are listed, best first. Case and accents do not matter.`

// Model is the search pane.
type Model struct {
	keys     keys.KeyMap
	theme    theme.Theme
	input    textinput.Model
	list     filtering.List
	searcher corpus.Searcher
	articles map[string]*article.Article

	typing    bool   // keys go to the query line
	query     string // the query of the results shown
	seq       int    // searches started, so that stale results are dropped
	searching bool
	message   string // why no result is listed
	width     int
	height    int
}

// Result is one listed article and how it matched.
type Result struct {
	Article *article.Article
	Hit     corpus.Hit
}

// ResultsMsg carries the results of one search.
type ResultsMsg struct {
	seq   int
	query string
	hits  []corpus.Hit
	err   error
}

// New returns a search pane with no searcher yet.
func New(k keys.KeyMap, t theme.Theme) Model {
	in := textinput.New()
	in.Prompt = "Search: "
	in.PromptStyle = t.PaneTitle
	in.Placeholder = `words or "a phrase"`
	in.PlaceholderStyle = t.Dim
	in.Cursor.SetMode(cursor.CursorStatic)
	l := filtering.NewList(k, t, delegate{theme: t})
	l.SetFilteringEnabled(false)
	return Model{keys: k, theme: t, input: in, list: l}
}

// SetSearcher makes the pane search with s; articles are the corpus's
// articles by id, to list the hits.
func (m *Model) SetSearcher(s corpus.Searcher, articles map[string]*article.Article) {
	m.searcher, m.articles = s, articles
}

// Ready reports whether the pane has a searcher.
func (m Model) Ready() bool {
	return m.searcher != nil
}

// Focus starts editing the query.
func (m *Model) Focus() tea.Cmd {
	m.typing = true
	m.input.CursorEnd()
	return m.input.Focus()
}

// Typing reports whether keys go to the query line.
func (m Model) Typing() bool {
	return m.typing
}

// HasResults reports whether results are listed.
func (m Model) HasResults() bool {
	return len(m.list.Items()) > 0
}

// Query is the query of the results shown, or being searched.
func (m Model) Query() string {
	return m.query
}

// Selected is the result under the cursor.
func (m Model) Selected() (Result, bool) {
	if it, ok := m.list.SelectedItem().(item); ok {
		return Result{Article: it.article, Hit: it.hit}, true
	}
	return Result{}, false
}

// Cursor is the position of the cursor among the results.
func (m Model) Cursor() int {
	return m.list.Index()
}

// SetCursor moves the cursor and stops editing the query.
func (m *Model) SetCursor(i int) {
	m.list.Select(i)
	if m.HasResults() {
		m.stopTyping()
	}
}

// SetSize sets the pane's size.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.input.Width = max(m.width-len(m.input.Prompt)-1, 1)
	m.list.SetSize(m.width, max(m.height-headerHeight, 0))
}

// Update handles the results of a search and keys: those of the query
// line while typing, else those of the list.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case ResultsMsg:
		return m, m.receive(msg)
	case tea.KeyMsg:
		if m.typing {
			return m.handleTyping(msg)
		}
		if key.Matches(msg, m.keys.EditQuery) {
			return m, m.Focus()
		}
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

// handleTyping handles a key on the query line: enter searches, esc
// returns to the results listed.
func (m Model) handleTyping(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.RunSearch):
		return m, m.run()
	case key.Matches(msg, m.keys.Escape):
		if m.HasResults() {
			m.input.SetValue(m.query)
			m.stopTyping()
		}
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

// stopTyping hands the keys to the list.
func (m *Model) stopTyping() {
	m.typing = false
	m.input.Blur()
}

// run starts searching for the query typed, in a command.
func (m *Model) run() tea.Cmd {
	if m.searcher == nil {
		m.message = "Search is available once the corpus has loaded."
		return nil
	}
	m.seq++
	m.query, m.searching, m.message = m.input.Value(), true, ""
	m.stopTyping()
	s, seq, query := m.searcher, m.seq, m.query
	return func() tea.Msg {
		hits, err := s.Search(context.Background(), query, Limit)
		return ResultsMsg{seq: seq, query: query, hits: hits, err: err}
	}
}

// receive lists the results of the latest search, or says why there are
// none and returns to the query line.
func (m *Model) receive(msg ResultsMsg) tea.Cmd {
	if msg.seq != m.seq {
		return nil
	}
	m.searching = false
	items := make([]list.Item, 0, len(msg.hits))
	for _, h := range msg.hits {
		if a := m.articles[h.ArticleID]; a != nil {
			items = append(items, newItem(a, h))
		}
	}
	m.list.Title = title(len(items), msg.query)
	cmd := m.list.SetItems(items)
	m.list.Select(0)
	switch {
	case msg.err != nil:
		m.message = errorMessage(msg.err)
	case len(items) == 0:
		m.message = fmt.Sprintf("No article holds %s.", Quote(msg.query))
	default:
		return cmd
	}
	return tea.Batch(cmd, m.Focus())
}

// title heads the results.
func title(n int, query string) string {
	if n >= Limit {
		return fmt.Sprintf("The %d best articles for %s", n, Quote(query))
	}
	return fmt.Sprintf("%s for %s · best first", display.Count(n, "article", "articles"), Quote(query))
}

// errorMessage explains a failed search: a query that cannot be
// understood in the searcher's own words, anything else as a failure.
func errorMessage(err error) string {
	if errors.Is(err, corpus.ErrQuery) {
		lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
		return "Cannot search for that: " + strings.TrimPrefix(lines[len(lines)-1], "search: ") + "."
	}
	return "The search failed: " + display.Line(err.Error())
}

// Click selects the result drawn at row y of the pane.
func (m *Model) Click(y int) bool {
	i, ok := filtering.ItemAt(m.list, y-headerHeight, itemHeight, itemSpacing)
	if ok {
		m.list.Select(i)
		m.stopTyping()
	}
	return ok
}

// Scroll moves the cursor by n results.
func (m *Model) Scroll(n int) {
	filtering.Move(&m.list, n)
}

// View draws the query line, then the results or a message.
func (m Model) View() string {
	head := m.input.View() + "\n\n"
	switch {
	case m.searching:
		return head + m.theme.Message.Render("Searching…")
	case m.message != "":
		return head + m.wrap(m.theme.Warning, m.message)
	case !m.HasResults():
		return head + m.wrap(m.theme.Message, hint)
	}
	return head + m.list.View()
}

// wrap renders a message in a style, wrapped to the pane's width.
func (m Model) wrap(style lipgloss.Style, msg string) string {
	return style.Width(max(m.width, 1)).Render(msg)
}

// Quote is how a query is shown: on one line, in double quotes unless it
// has its own.
func Quote(q string) string {
	q = display.Line(q)
	if strings.Contains(q, `"`) {
		return q
	}
	return `"` + q + `"`
}
