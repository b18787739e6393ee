// Package panel is the actor panel: the people and organisations of the
// article being read, then its places in a group folded by default, each
// with its number of mentions here and of articles in the corpus. The
// actor under the cursor is the selected actor, whose mentions the reading
// pane highlights.
package panel

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"dossier/corpus/actors"
	"dossier/ui/catalog"
	"dossier/ui/display"
	"dossier/ui/keys"
	"dossier/ui/theme"
)

// row is one line of the panel: a group heading or an actor.
type row struct {
	heading string // a group heading when not empty
	places  bool   // the heading of the folded places group
	named   catalog.Named
}

// Model is the actor panel.
type Model struct {
	keys     keys.KeyMap
	theme    theme.Theme
	width    int
	height   int
	cat      *catalog.Catalog
	article  int // index in the catalog, or -1
	cast     []catalog.Named
	unfolded bool
	rows     []row
	cursor   int
	top      int
	note     string // shown instead of rows when there is no cast
}

// New returns an empty panel.
func New(k keys.KeyMap, t theme.Theme) Model {
	return Model{keys: k, theme: t, article: -1, note: "Open an article to see the people and organisations it names."}
}

// SetNote empties the panel and shows a message instead, such as while
// actors are being resolved.
func (m *Model) SetNote(note string) {
	m.cat, m.article, m.cast, m.rows, m.note = nil, -1, nil, nil, note
}

// Show lists the actors of article i of cat, with the cursor on actor id
// when the article names it, or on the first actor.
func (m *Model) Show(cat *catalog.Catalog, i int, id string) {
	m.cat, m.article, m.cast = cat, i, cat.Cast(i)
	m.unfolded, m.cursor, m.top = false, 0, 0
	m.note = ""
	if len(m.cast) == 0 {
		m.note = "This article names no people, organisations or places."
	}
	m.layout()
	if !m.SelectID(id) {
		m.cursor = m.firstSelectable()
	}
}

// layout builds the rows from the cast.
func (m *Model) layout() {
	groups := []struct {
		kind, title string
	}{{actors.Person, "People"}, {actors.Organisation, "Organisations"}, {actors.Place, "Places"}}
	m.rows = m.rows[:0]
	for _, g := range groups {
		var members []row
		for _, n := range m.cast {
			if m.cat.Actors[n.Actor].Kind == g.kind {
				members = append(members, row{named: n})
			}
		}
		if len(members) == 0 {
			continue
		}
		places := g.kind == actors.Place
		m.rows = append(m.rows, row{heading: fmt.Sprintf("%s (%d)", g.title, len(members)), places: places})
		if !places || m.unfolded {
			m.rows = append(m.rows, members...)
		}
	}
}

// firstSelectable is the first actor row, or the first row.
func (m Model) firstSelectable() int {
	for i, r := range m.rows {
		if r.heading == "" {
			return i
		}
	}
	return 0
}

// SelectID moves the cursor to actor id, unfolding the places if needed.
func (m *Model) SelectID(id string) bool {
	if m.cat == nil || id == "" {
		return false
	}
	a, ok := m.cat.ActorIndex(id)
	if !ok {
		return false
	}
	if !m.unfolded && m.cat.Actors[a].Kind == actors.Place {
		m.unfolded = true
		m.layout()
	}
	for i, r := range m.rows {
		if r.heading == "" && r.named.Actor == a {
			m.cursor = i
			m.scroll()
			return true
		}
	}
	return false
}

// Selected is the actor under the cursor: its index in the catalog, or
// false on a heading or in an empty panel.
func (m Model) Selected() (catalog.Named, bool) {
	if m.cursor < 0 || m.cursor >= len(m.rows) || m.rows[m.cursor].heading != "" {
		return catalog.Named{}, false
	}
	return m.rows[m.cursor].named, true
}

// SelectedID is the id of the selected actor, or "".
func (m Model) SelectedID() string {
	if n, ok := m.Selected(); ok {
		return m.cat.Actors[n.Actor].ID
	}
	return ""
}

// OnFoldedGroup reports whether the cursor is on the places heading.
func (m Model) OnFoldedGroup() bool {
	return m.cursor >= 0 && m.cursor < len(m.rows) && m.rows[m.cursor].places
}

// ToggleFold folds or unfolds the places.
func (m *Model) ToggleFold() {
	m.unfolded = !m.unfolded
	m.layout()
	m.cursor = min(m.cursor, max(len(m.rows)-1, 0))
	m.scroll()
}

// SetSize sets the pane's size.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.scroll()
}

// Update moves the cursor.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || len(m.rows) == 0 {
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.Move(-1)
	case key.Matches(k, m.keys.Down):
		m.Move(1)
	case key.Matches(k, m.keys.Top):
		m.Move(-len(m.rows))
	case key.Matches(k, m.keys.Bottom):
		m.Move(len(m.rows))
	case key.Matches(k, m.keys.PageUp, m.keys.HalfUp):
		m.Move(-max(m.listHeight()-1, 1))
	case key.Matches(k, m.keys.PageDown, m.keys.HalfDown):
		m.Move(max(m.listHeight()-1, 1))
	}
	return m, nil
}

// Move moves the cursor by n rows, skipping headings other than the places
// one.
func (m *Model) Move(n int) {
	if len(m.rows) == 0 {
		return
	}
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	c := m.cursor
	for ; n > 0; n-- {
		next := c + dir
		for next >= 0 && next < len(m.rows) && m.rows[next].heading != "" && !m.rows[next].places {
			next += dir
		}
		if next < 0 || next >= len(m.rows) {
			break
		}
		c = next
	}
	m.cursor = c
	m.scroll()
}

// Click moves the cursor to the row drawn at line y of the pane.
func (m *Model) Click(y int) bool {
	i := m.top + y - 1
	if y < 1 || i < 0 || i >= len(m.rows) {
		return false
	}
	if m.rows[i].heading != "" && !m.rows[i].places {
		return false
	}
	m.cursor = i
	m.scroll()
	return true
}

// listHeight is the number of rows shown below the title.
func (m Model) listHeight() int {
	return max(m.height-1, 0)
}

// scroll keeps the cursor on screen.
func (m *Model) scroll() {
	h := m.listHeight()
	if h == 0 {
		m.top = 0
		return
	}
	if m.cursor < m.top {
		m.top = m.cursor
	}
	if m.cursor >= m.top+h {
		m.top = m.cursor - h + 1
	}
	m.top = max(0, min(m.top, len(m.rows)-h))
}

// View draws the pane.
func (m Model) View() string {
	lines := []string{m.titleView()}
	if len(m.rows) == 0 {
		lines = append(lines, lipgloss.NewStyle().Width(max(m.width, 1)).Render(m.theme.Message.Render(m.note)))
	}
	end := min(m.top+m.listHeight(), len(m.rows))
	for i := m.top; i < end; i++ {
		lines = append(lines, m.rowView(m.rows[i], i == m.cursor))
	}
	return lipgloss.NewStyle().Width(m.width).Height(m.height).MaxWidth(m.width).MaxHeight(m.height).
		Render(strings.Join(lines, "\n"))
}

// titleView draws the title and, when there is room, what the counts of
// each row mean.
func (m Model) titleView() string {
	title, legend := "Actors", "here · articles"
	if gap := m.width - len(title) - len(legend); gap > 0 && len(m.rows) > 0 {
		return m.theme.PaneTitle.Render(title) + strings.Repeat(" ", gap) + m.theme.Dim.Render(legend)
	}
	return m.theme.PaneTitle.Render(ansi.Truncate(title, m.width, "…"))
}

// rowView draws one row.
func (m Model) rowView(r row, selected bool) string {
	cursor, _ := m.theme.Cursor(selected)
	if r.heading != "" {
		h := r.heading
		if r.places {
			h += map[bool]string{true: " ▾", false: " ▸"}[m.unfolded]
		}
		return ansi.Truncate(cursor+m.theme.Heading.Render(h), m.width, "…")
	}
	a := m.cat.Actors[r.named.Actor]
	counts := fmt.Sprintf(" %d · %d", r.named.Count, len(m.cat.Appearances(r.named.Actor)))
	name := display.Line(a.Name)
	room := m.width - ansi.StringWidth(cursor) - ansi.StringWidth(counts)
	if room < 4 {
		return ansi.Truncate(m.style(selected).Render(cursor+name), m.width, "…")
	}
	name = ansi.Truncate(name, room, "…")
	pad := strings.Repeat(" ", max(room-ansi.StringWidth(name), 0))
	return m.style(selected).Render(cursor+name) + pad + m.theme.Dim.Render(counts)
}

// style is the style of an actor row.
func (m Model) style(selected bool) lipgloss.Style {
	if selected {
		return m.theme.Selected
	}
	return m.theme.Normal
}
