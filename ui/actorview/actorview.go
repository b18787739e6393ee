// Package actorview is the actor view: an actor's canonical name, kind,
// aliases and roles, and every article that mentions it with the sentence
// of its first mention there.
package actorview

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"dossier/ui/catalog"
	"dossier/ui/display"
	"dossier/ui/filtering"
	"dossier/ui/keys"
	"dossier/ui/theme"
)

// Name identifies the view's list in filter results.
const Name = "actorview"

// Model is the actor view.
type Model struct {
	theme  theme.Theme
	width  int
	height int
	cat    *catalog.Catalog
	actor  int
	list   filtering.List
}

// New returns an empty actor view.
func New(k keys.KeyMap, t theme.Theme) Model {
	l := filtering.NewList(k, t, delegate{theme: t})
	l.SetShowTitle(true)
	l.SetFilteringEnabled(false)
	return Model{theme: t, list: l, actor: -1}
}

// Show shows actor a of cat with the cursor on its appearance number
// cursor.
func (m *Model) Show(cat *catalog.Catalog, a, cursor int) {
	m.cat, m.actor = cat, a
	apps := cat.Appearances(a)
	items := make([]list.Item, len(apps))
	for i, ap := range apps {
		items[i] = item{cat: cat, appearance: ap}
	}
	m.list.SetItems(items)
	m.list.Title = fmt.Sprintf("Named in %s", display.Count(len(apps), "article", "articles"))
	m.list.Select(cursor)
	m.SetSize(m.width, m.height)
}

// Actor is the index of the actor shown, or -1.
func (m Model) Actor() int {
	return m.actor
}

// Cursor is the index of the selected appearance.
func (m Model) Cursor() int {
	return m.list.Index()
}

// Selected is the selected appearance.
func (m Model) Selected() (catalog.Appearance, bool) {
	if it, ok := m.list.SelectedItem().(item); ok {
		return it.appearance, true
	}
	return catalog.Appearance{}, false
}

// SetSize sets the view's size.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.list.SetSize(m.width, max(m.height-lipgloss.Height(m.header()), 0))
}

// Update moves the cursor.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

// Click selects the article drawn at row y of the view.
func (m *Model) Click(y int) bool {
	i, ok := filtering.ItemAt(m.list, y-lipgloss.Height(m.header()), itemHeight, 1)
	if ok {
		m.list.Select(i)
	}
	return ok
}

// Scroll moves the cursor by n items.
func (m *Model) Scroll(n int) {
	filtering.Move(&m.list, n)
}

// header draws the actor's name, kind, aliases and roles.
func (m Model) header() string {
	if m.cat == nil || m.actor < 0 {
		return ""
	}
	a := m.cat.Actors[m.actor]
	lines := []string{
		m.theme.PaneTitle.Render(display.Line(a.Name)) + m.theme.Dim.Render(" · "+a.Kind),
		field(m.theme, "Also written", a.Aliases),
		field(m.theme, "Roles", a.Roles),
		"",
	}
	w := lipgloss.NewStyle().Width(max(m.width, 1))
	for i, l := range lines {
		lines[i] = w.Render(l)
	}
	return strings.Join(lines, "\n")
}

// field draws a labelled list of names.
func field(t theme.Theme, label string, values []string) string {
	cleaned := make([]string, 0, len(values))
	for _, v := range values {
		cleaned = append(cleaned, display.Line(v))
	}
	text := strings.Join(cleaned, ", ")
	if text == "" {
		text = "—"
	}
	return t.Dim.Render(label+": ") + text
}

// View draws the view.
func (m Model) View() string {
	if m.cat == nil || m.actor < 0 {
		return ""
	}
	return lipgloss.NewStyle().Width(m.width).Height(m.height).MaxWidth(m.width).MaxHeight(m.height).
		Render(m.header() + "\n" + m.list.View())
}

// itemHeight is the number of lines of one article in the list.
const itemHeight = 2

// item is one article naming the actor. What it shows is worked out when
// it is drawn, so that showing an actor named in thousands of articles
// does not describe every one of them.
type item struct {
	cat        *catalog.Catalog
	appearance catalog.Appearance
}

// title is the article's title, or a stand-in.
func (i item) title() string {
	if t := display.Line(i.cat.Articles[i.appearance.Article].Title); t != "" {
		return t
	}
	return "(untitled)"
}

// details is the article's source and date, as far as known, and the
// number of mentions of the actor.
func (i item) details() string {
	a := i.cat.Articles[i.appearance.Article]
	var parts []string
	for _, s := range []string{display.Line(a.Source), display.Line(a.Date)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	parts = append(parts, display.Count(i.appearance.Count, "mention", "mentions"))
	return strings.Join(parts, " · ")
}

// context is the sentence of the actor's first mention in the article.
func (i item) context() catalog.Context {
	ap := i.appearance
	c := catalog.KWIC(i.cat.Articles[ap.Article].Text(), i.cat.Mentions[ap.Article][ap.First])
	return catalog.Context{
		Before:  strings.TrimLeft(display.Spaced(c.Before), " "),
		Keyword: display.Line(c.Keyword),
		After:   strings.TrimRight(display.Spaced(c.After), " "),
	}
}

// FilterValue is the article's title.
func (i item) FilterValue() string { return i.title() }

// delegate draws an article as its title and details, then the sentence of
// the first mention with the keyword set off.
type delegate struct {
	theme theme.Theme
}

// Height is the number of lines of an item.
func (d delegate) Height() int { return itemHeight }

// Spacing is the number of blank lines between items.
func (d delegate) Spacing() int { return 1 }

// Update does nothing: the actor view handles keys.
func (d delegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

// Render draws one item.
func (d delegate) Render(w io.Writer, m list.Model, index int, it list.Item) {
	i, ok := it.(item)
	if !ok {
		return
	}
	width := m.Width()
	cursor, style := d.theme.Cursor(index == m.Index())
	title := ansi.Truncate(cursor+style.Render(i.title())+d.theme.Dim.Render(" — "+i.details()), width, "…")
	fmt.Fprintf(w, "%s\n%s", title, d.kwic(i.context(), width))
}

// kwic draws a keyword in context on one line of width columns, with the
// keyword about a third of the way in.
func (d delegate) kwic(c catalog.Context, width int) string {
	room := width - 4
	if room <= 0 {
		return ""
	}
	keyword := ansi.Truncate(c.Keyword, room, "…")
	left := max((room-ansi.StringWidth(keyword))/3, 0)
	before := c.Before
	if ansi.StringWidth(before) > left {
		before = "…" + ansi.TruncateLeft(before, ansi.StringWidth(before)-left+1, "")
	}
	right := max(room-ansi.StringWidth(before)-ansi.StringWidth(keyword), 0)
	after := ansi.Truncate(c.After, right, "…")
	return "    " + d.theme.Dim.Render(before) + d.theme.Keyword.Render(keyword) + d.theme.Dim.Render(after)
}
