// Package actorindex is the actor index: every actor of the corpus, most
// widely named first, filterable by name and alias.
package actorindex

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/ui/catalog"
	"dossier/ui/display"
	"dossier/ui/filtering"
	"dossier/ui/keys"
	"dossier/ui/theme"
)

// Name identifies the index in filter results.
const Name = "actorindex"

// Model is the actor index.
type Model struct {
	list     filtering.List
	delegate list.DefaultDelegate
}

// New returns an empty actor index.
func New(k keys.KeyMap, t theme.Theme) Model {
	d := filtering.NewDelegate(t)
	l := filtering.NewList(k, t, d)
	l.Title = "Actors"
	l.SetStatusBarItemName("actor", "actors")
	return Model{list: l, delegate: d}
}

// Items is the actors of cat, most widely named first, ready for SetItems.
// It is meant to run off the event loop.
func Items(cat *catalog.Catalog) []list.Item {
	items := make([]list.Item, len(cat.Actors))
	for i, a := range cat.Actors {
		names := []string{display.Line(a.Name)}
		for _, alias := range a.Aliases {
			names = append(names, display.Line(alias))
		}
		n := len(cat.Appearances(i))
		desc := a.Kind + " · " + display.Count(n, "article", "articles")
		if len(a.Aliases) > 0 {
			desc += " · also " + strings.Join(names[1:], ", ")
		}
		items[i] = item{actor: i, name: names[0], desc: desc, articles: n,
			filter: strings.ToLower(strings.Join(names, "\n"))}
	}
	slices.SortStableFunc(items, func(a, b list.Item) int {
		x, y := a.(item), b.(item)
		return cmp.Or(cmp.Compare(y.articles, x.articles), strings.Compare(x.name, y.name))
	})
	return items
}

// SetItems lists the actors built by Items.
func (m *Model) SetItems(items []list.Item) tea.Cmd {
	m.list.Title = fmt.Sprintf("Actors (%d) · by number of articles", len(items))
	return filtering.Route(m.list.SetItems(items), Name, m.list.FilterValue())
}

// Selected is the index in the catalog of the actor under the cursor.
func (m Model) Selected() (int, bool) {
	if it, ok := m.list.SelectedItem().(item); ok {
		return it.actor, true
	}
	return 0, false
}

// Len is the number of actors.
func (m Model) Len() int {
	return len(m.list.Items())
}

// Visible is the number of actors the filter lets through.
func (m Model) Visible() int {
	return len(m.list.VisibleItems())
}

// Cursor is the position of the cursor among the visible actors.
func (m Model) Cursor() int {
	return m.list.Index()
}

// SetCursor moves the cursor.
func (m *Model) SetCursor(i int) {
	m.list.Select(i)
}

// SettingFilter reports whether the filter is being typed.
func (m Model) SettingFilter() bool {
	return m.list.SettingFilter()
}

// Filter is the filter applied or being typed.
func (m Model) Filter() string {
	return m.list.FilterValue()
}

// SetSize sets the index's size.
func (m *Model) SetSize(width, height int) {
	m.list.SetSize(max(width, 0), max(height, 0))
}

// Update handles filter results and the list's keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if res, ok := msg.(filtering.ResultsMsg); ok {
		if res.List == Name {
			m.list = filtering.Apply(m.list, res)
		}
		return m, nil
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, filtering.Route(cmd, Name, m.list.FilterValue())
}

// Click selects the actor drawn at row y.
func (m *Model) Click(y int) bool {
	i, ok := filtering.ItemAt(m.list, y, m.delegate.Height(), m.delegate.Spacing())
	if ok {
		m.list.Select(i)
	}
	return ok
}

// Scroll moves the cursor by n items.
func (m *Model) Scroll(n int) {
	filtering.Move(&m.list, n)
}

// View draws the index.
func (m Model) View() string {
	return m.list.View()
}

// item is one actor.
type item struct {
	actor    int
	name     string
	desc     string
	filter   string
	articles int
}

// Title is the actor's canonical name.
func (i item) Title() string { return i.name }

// Description is the kind, number of articles and aliases.
func (i item) Description() string { return i.desc }

// FilterValue is the lower-case names the filter matches.
func (i item) FilterValue() string { return i.filter }
