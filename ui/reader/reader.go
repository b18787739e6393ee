// Package reader is the reading pane: an article rendered with glamour at
// the pane's width in a scrolling viewport, with the mentions of the
// selected actor highlighted. Rendering runs as a tea.Cmd and is cached per
// article, width and comment folding.
package reader

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"dossier/corpus/actors"
	"dossier/corpus/article"
	"dossier/corpus/textdecode"
	"dossier/ui/keys"
	"dossier/ui/theme"
)

// cacheSize bounds the number of renderings kept.
const cacheSize = 48

// renderKey identifies one rendering of an article.
type renderKey struct {
	article  *article.Article
	width    int
	mentions int
	comments bool
}

// RenderedMsg delivers a rendering made by a render command.
type RenderedMsg struct {
	key      renderKey
	rendered Rendered
	err      error
}

// Model is the reading pane.
type Model struct {
	keys   keys.KeyMap
	theme  theme.Theme
	view   viewport.Model
	width  int
	height int

	article  *article.Article
	mentions []actors.Mention
	comments bool

	shown    renderKey
	rendered *Rendered
	cache    *cache
	err      error

	selected []int // indexes in mentions of the selected actor's mentions
	current  int   // index in selected of the current mention, or -1

	// hits are the search hits shown in place of the selected mentions,
	// words their words and found where they are in the rendering.
	hits  Hits
	words [][]string
	found [][]Span

	// pendingOffset, pendingMention and pendingHit are applied once the
	// rendering in progress arrives: a scroll position, or a mention or a
	// hit to scroll to.
	pendingOffset  int
	pendingMention int
	pendingHit     int
}

// Hits are the matches of a full-text search in the article shown: the
// query, the matches' byte offsets in the article's Text() in order, and
// the index of the current one.
type Hits struct {
	Query   string
	Matches [][2]int
	Current int
}

// Active reports whether there are hits to show.
func (h Hits) Active() bool {
	return len(h.Matches) > 0
}

// New returns an empty reading pane.
func New(k keys.KeyMap, t theme.Theme) Model {
	vp := viewport.New(0, 0)
	vp.KeyMap = viewport.KeyMap{
		PageDown: k.PageDown, PageUp: k.PageUp, HalfPageUp: k.HalfUp, HalfPageDown: k.HalfDown,
		Up: k.Up, Down: k.Down,
	}
	return Model{keys: k, theme: t, view: vp, cache: newCache(), current: -1, pendingMention: -1, pendingHit: -1}
}

// Article is the article shown, or nil.
func (m Model) Article() *article.Article {
	return m.article
}

// Offset is the scroll position: the first line shown.
func (m Model) Offset() int {
	if m.rendered == nil || m.shown != m.wanted() {
		return m.pendingOffset
	}
	return m.view.YOffset
}

// Current is the index in the selection of the current mention, or -1.
func (m Model) Current() int {
	return m.current
}

// SetSize sets the pane's size and re-renders at the new width.
func (m *Model) SetSize(width, height int) tea.Cmd {
	m.width, m.height = max(width, 0), max(height, 0)
	m.view.Width, m.view.Height = m.width, m.height
	if m.article == nil || m.rendered == nil || m.shown.width == m.width {
		m.view.SetYOffset(m.view.YOffset)
		return nil
	}
	m.pendingOffset, m.pendingMention, m.pendingHit = m.keepPosition()
	return m.refresh()
}

// keepPosition says where to scroll after re-wrapping: to the current hit
// or mention, or to the same share of the text.
func (m Model) keepPosition() (offset, mention, hit int) {
	if m.hits.Active() {
		return 0, -1, m.hits.Current
	}
	if m.current >= 0 && m.current < len(m.selected) {
		return 0, m.selected[m.current], -1
	}
	if total := m.view.TotalLineCount(); total > 0 && m.rendered != nil {
		return m.view.YOffset * len(m.rendered.Lines) / total, -1, -1
	}
	return 0, -1, -1
}

// Open shows article a with its mentions, scrolled to offset, or to the
// mention of index mention when it is not negative. Opening another
// article drops the search hits.
func (m *Model) Open(a *article.Article, mentions []actors.Mention, offset, mention int) tea.Cmd {
	if a != m.article {
		m.comments = false
		m.setHits(Hits{})
	}
	m.article, m.mentions, m.err = a, mentions, nil
	m.pendingOffset, m.pendingMention, m.pendingHit = offset, mention, -1
	return m.refresh()
}

// Hits are the search hits shown, if any.
func (m Model) Hits() Hits {
	return m.hits
}

// ShowHits highlights the hits of a search in the article shown, in place
// of the selected actor's mentions, until ClearHits or another article is
// opened; n and N then move between them. It does not scroll: see
// GotoHit.
func (m *Model) ShowHits(h Hits) {
	if m.article == nil {
		return
	}
	m.setHits(h)
	m.locateHits()
	m.highlight()
}

// ClearHits stops showing search hits and shows the selected mentions
// again.
func (m *Model) ClearHits() {
	if !m.hits.Active() {
		return
	}
	m.setHits(Hits{})
	m.highlight()
}

// GotoHit makes hit i the current one and scrolls to it, or will once the
// article is rendered.
func (m *Model) GotoHit(i int) {
	if i < 0 || i >= len(m.hits.Matches) {
		return
	}
	m.hits.Current = i
	if !m.ready() {
		m.pendingHit = i
		return
	}
	m.highlight()
	m.scrollToLine(firstLine(m.found, i))
}

// setHits keeps hits and the words of each match in the article's text.
func (m *Model) setHits(h Hits) {
	m.hits, m.words, m.found = h, nil, nil
	if !h.Active() {
		return
	}
	text := m.article.Text()
	m.words = make([][]string, len(h.Matches))
	for i, r := range h.Matches {
		if r[0] >= 0 && r[0] <= r[1] && r[1] <= len(text) {
			m.words[i] = strings.Fields(textdecode.StripControls(text[r[0]:r[1]]))
		}
	}
}

// locateHits finds the hits' words in the rendering shown.
func (m *Model) locateHits() {
	m.found = nil
	if m.hits.Active() && m.ready() {
		m.found = m.rendered.Find(m.words)
	}
}

// ready reports whether the rendering shown is the one wanted.
func (m Model) ready() bool {
	return m.rendered != nil && m.shown == m.wanted()
}

// UpdateMentions replaces the mentions of the article shown, once the
// actors are resolved.
func (m *Model) UpdateMentions(mentions []actors.Mention) tea.Cmd {
	if m.article == nil {
		return nil
	}
	m.mentions = mentions
	m.pendingOffset, m.pendingMention = m.view.YOffset, -1
	return m.refresh()
}

// Select highlights the given mentions (indexes in the article's
// mentions), with current (an index in them, or -1) as the current one.
func (m *Model) Select(mentions []int, current int) {
	m.selected, m.current = mentions, current
	m.highlight()
}

// GotoMention makes the current mention the one at index i of the
// selection and scrolls to it.
func (m *Model) GotoMention(i int) {
	if i < 0 || i >= len(m.selected) {
		return
	}
	m.current = i
	m.highlight()
	m.scrollTo(m.selected[i])
}

// wanted is the rendering the pane should show.
func (m Model) wanted() renderKey {
	return renderKey{article: m.article, width: m.width, mentions: len(m.mentions), comments: m.comments}
}

// refresh shows the wanted rendering from the cache, or returns the
// command that makes it.
func (m *Model) refresh() tea.Cmd {
	k := m.wanted()
	if r, ok := m.cache.get(k); ok {
		m.show(k, r)
		return nil
	}
	a, mentions, comments := m.article, m.mentions, m.comments
	expandKey, style := m.keys.Comments.Help().Key, m.theme.Glamour
	return func() tea.Msg {
		doc := BuildDocument(a, mentions, comments, expandKey, k.width)
		r, err := Render(doc, k.mentions, k.width, style)
		return RenderedMsg{key: k, rendered: r, err: err}
	}
}

// show puts a rendering in the viewport and applies the pending position.
func (m *Model) show(k renderKey, r Rendered) {
	m.shown, m.rendered = k, &r
	m.locateHits()
	if m.pendingHit >= 0 && m.pendingHit < len(m.hits.Matches) {
		m.hits.Current = m.pendingHit
	}
	m.highlight()
	switch {
	case m.pendingHit >= 0:
		m.scrollToLine(firstLine(m.found, m.hits.Current))
	case m.pendingMention >= 0:
		m.scrollTo(m.pendingMention)
	default:
		m.view.SetYOffset(m.pendingOffset)
	}
	m.pendingOffset, m.pendingMention, m.pendingHit = 0, -1, -1
}

// highlight refreshes the viewport's content with the search hits marked,
// or else the selection.
func (m *Model) highlight() {
	if m.rendered == nil {
		return
	}
	if m.hits.Active() {
		lines := m.rendered.HighlightFound(m.found, m.hits.Current, m.theme.Mention, m.theme.Current)
		m.view.SetContent(strings.Join(lines, "\n"))
		return
	}
	current := -1
	if m.current >= 0 && m.current < len(m.selected) {
		current = m.selected[m.current]
	}
	lines := m.rendered.Highlight(m.selected, current, m.theme.Mention, m.theme.Current)
	m.view.SetContent(strings.Join(lines, "\n"))
}

// scrollTo scrolls so that mention k sits in the upper third of the pane.
func (m *Model) scrollTo(k int) {
	if m.rendered == nil {
		return
	}
	m.scrollToLine(m.rendered.FirstLine(k))
}

// scrollToLine scrolls so that a line sits in the upper third of the pane;
// a negative line is left alone.
func (m *Model) scrollToLine(line int) {
	if line >= 0 {
		m.view.SetYOffset(line - m.height/3)
	}
}

// firstLine is the line where found phrase k starts, or -1.
func firstLine(found [][]Span, k int) int {
	if k < 0 || k >= len(found) || len(found[k]) == 0 {
		return -1
	}
	return found[k][0].Line
}

// Update handles scrolling keys and mouse wheel, the comments toggle,
// moving between mentions, and arriving renderings.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case RenderedMsg:
		if msg.err != nil {
			m.err = msg.err
			return m, nil
		}
		m.cache.put(msg.key, msg.rendered)
		if msg.key == m.wanted() {
			m.show(msg.key, msg.rendered)
		}
		return m, nil
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		var cmd tea.Cmd
		m.view, cmd = m.view.Update(msg)
		return m, cmd
	}
	return m, nil
}

// handleKey handles one key press.
func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch {
	case m.article == nil:
		return m, nil
	case m.hits.Active() && key.Matches(msg, m.keys.NextHit):
		m.stepHit(1)
	case m.hits.Active() && key.Matches(msg, m.keys.PrevHit):
		m.stepHit(-1)
	case key.Matches(msg, m.keys.NextMention):
		m.stepMention(1)
	case key.Matches(msg, m.keys.PrevMention):
		m.stepMention(-1)
	case key.Matches(msg, m.keys.Comments):
		m.pendingOffset, m.pendingMention = m.view.YOffset, -1
		m.comments = !m.comments
		return m, m.refresh()
	case key.Matches(msg, m.keys.Top):
		m.view.GotoTop()
	case key.Matches(msg, m.keys.Bottom):
		m.view.GotoBottom()
	default:
		var cmd tea.Cmd
		m.view, cmd = m.view.Update(msg)
		return m, cmd
	}
	return m, nil
}

// stepMention moves to the next (dir 1) or previous (dir -1) mention of
// the selected actor, wrapping around.
func (m *Model) stepMention(dir int) {
	n := len(m.selected)
	if n == 0 {
		return
	}
	i := m.current + dir
	if m.current < 0 && dir < 0 {
		i = n - 1
	}
	m.GotoMention((i%n + n) % n)
}

// stepHit moves to the next (dir 1) or previous (dir -1) search hit,
// wrapping around.
func (m *Model) stepHit(dir int) {
	n := len(m.hits.Matches)
	m.GotoHit(((m.hits.Current+dir)%n + n) % n)
}

// TotalLines is the number of lines of the rendered article.
func (m Model) TotalLines() int {
	return m.view.TotalLineCount()
}

// ScrollPercent is how far the article is scrolled, from 0 to 100.
func (m Model) ScrollPercent() int {
	return int(m.view.ScrollPercent() * 100)
}

// View draws the pane.
func (m Model) View() string {
	box := lipgloss.NewStyle().Width(m.width).Height(m.height).MaxWidth(m.width).MaxHeight(m.height)
	switch {
	case m.article == nil:
		return box.Render(m.theme.Message.Render("Select an article and press enter to read it."))
	case m.err != nil:
		return box.Render(m.theme.Warning.Render(fmt.Sprintf("Cannot render this article: %v", m.err)))
	case m.rendered == nil:
		return box.Render(m.theme.Message.Render("Rendering…"))
	}
	return m.view.View()
}
