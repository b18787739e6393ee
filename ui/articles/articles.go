// Package articles is the article list pane: every article of the corpus
// with its source, date and number of actors, filterable over titles,
// sources, dates and actor names, in one of three orders.
package articles

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus/article"
	"dossier/ui/catalog"
	"dossier/ui/display"
	"dossier/ui/filtering"
	"dossier/ui/keys"
	"dossier/ui/theme"
)

// Name identifies the list in filter results.
const Name = "articles"

// Model is the article list pane.
type Model struct {
	keys     keys.KeyMap
	list     filtering.List
	delegate list.DefaultDelegate
	sort     Sort
	chosen   bool // the user has moved the cursor, so it follows their article
	orders   [sortCount][]list.Item
	pos      [sortCount]map[*article.Article]int
	cat      *catalog.Catalog // the resolved corpus, or nil
	names    []string         // each actor's lower-case names, for the filter
}

// New returns an empty article list.
func New(k keys.KeyMap, t theme.Theme) Model {
	d := filtering.NewDelegate(t)
	m := Model{keys: k, delegate: d, list: filtering.NewList(k, t, d)}
	m.list.SetStatusBarItemName("article", "articles")
	m.updateTitle()
	return m
}

// Append adds articles that have just loaded, before actors are resolved.
func (m *Model) Append(as []*article.Article) tea.Cmd {
	batch := make([]item, len(as))
	for i, a := range as {
		batch[i] = newItem(a, -1, nil)
	}
	for s := range sortCount {
		m.orders[s] = merge(m.orders[s], batch, s)
		m.pos[s] = positions(m.orders[s])
	}
	return m.refresh()
}

// Listing is the articles of a resolved corpus, ready to show in every
// order. It is built off the event loop with NewListing.
type Listing struct {
	orders [sortCount][]list.Item
	pos    [sortCount]map[*article.Article]int
	cat    *catalog.Catalog
	names  []string
}

// NewListing describes the articles of cat, with their actors, in every
// order.
func NewListing(cat *catalog.Catalog) Listing {
	all := make([]item, len(cat.Articles))
	for i, a := range cat.Articles {
		all[i] = newItem(a, i, cat.Cast(i))
	}
	l := Listing{cat: cat, names: lowerNames(cat.Actors)}
	for s := range sortCount {
		l.orders[s] = merge(nil, all, s)
		l.pos[s] = positions(l.orders[s])
	}
	return l
}

// SetListing replaces the articles with those of the resolved corpus.
func (m *Model) SetListing(l Listing) tea.Cmd {
	m.orders, m.pos, m.cat, m.names = l.orders, l.pos, l.cat, l.names
	return m.refresh()
}

// refresh shows the current order, keeping the selected article selected
// once the user has chosen one; until then the cursor stays on the first
// article, however the articles stream in.
func (m *Model) refresh() tea.Cmd {
	selected := m.Selected()
	m.list.Filter = newFilter(m.orders[m.sort], m.cat, m.names).match
	cmd := m.list.SetItems(m.orders[m.sort])
	if m.chosen {
		m.selectArticle(selected)
	} else {
		m.list.Select(0)
	}
	m.updateTitle()
	return filtering.Route(cmd, Name, m.list.FilterValue())
}

// positions maps each article to its place in an order.
func positions(order []list.Item) map[*article.Article]int {
	pos := make(map[*article.Article]int, len(order))
	for i, it := range order {
		pos[it.(item).article] = i
	}
	return pos
}

// updateTitle shows the number of articles and the order in the title.
func (m *Model) updateTitle() {
	m.list.Title = fmt.Sprintf("Articles (%d) · by %s", len(m.orders[m.sort]), m.sort)
}

// Len is the number of articles.
func (m Model) Len() int {
	return len(m.orders[m.sort])
}

// Position is the place of article a in the current order, from 1, or 0.
func (m Model) Position(a *article.Article) int {
	if i, ok := m.pos[m.sort][a]; ok {
		return i + 1
	}
	return 0
}

// Visible is the number of articles the filter lets through.
func (m Model) Visible() int {
	return len(m.list.VisibleItems())
}

// Selected is the article under the cursor, or nil.
func (m Model) Selected() *article.Article {
	if it, ok := m.list.SelectedItem().(item); ok {
		return it.article
	}
	return nil
}

// SelectArticle moves the cursor to article a when it is visible.
func (m *Model) SelectArticle(a *article.Article) {
	if a != nil {
		m.chosen = true
	}
	m.selectArticle(a)
}

// selectArticle moves the cursor to article a when it is visible.
func (m *Model) selectArticle(a *article.Article) {
	if a == nil {
		return
	}
	if !m.list.IsFiltered() {
		if i, ok := m.pos[m.sort][a]; ok {
			m.list.Select(i)
		}
		return
	}
	for i, it := range m.list.VisibleItems() {
		if it.(item).article == a {
			m.list.Select(i)
			return
		}
	}
}

// SettingFilter reports whether the filter is being typed, when every key
// goes to the list.
func (m Model) SettingFilter() bool {
	return m.list.SettingFilter()
}

// Filter is the filter applied or being typed.
func (m Model) Filter() string {
	return m.list.FilterValue()
}

// SortOrder is the current order.
func (m Model) SortOrder() Sort {
	return m.sort
}

// SetSize sets the pane's size.
func (m *Model) SetSize(width, height int) {
	m.list.SetSize(max(width, 0), max(height, 0))
}

// Update handles the sort key, filter results and the list's own keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case filtering.ResultsMsg:
		if msg.List == Name {
			m.list = filtering.Apply(m.list, msg)
		}
		return m, nil
	case tea.KeyMsg:
		if !m.list.SettingFilter() && key.Matches(msg, m.keys.Sort) {
			m.sort = (m.sort + 1) % sortCount
			return m, m.refresh()
		}
	}
	before := m.list.Index()
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	if m.list.Index() != before {
		m.chosen = true
	}
	return m, filtering.Route(cmd, Name, m.list.FilterValue())
}

// Click selects the article drawn at row y of the pane.
func (m *Model) Click(y int) bool {
	i, ok := filtering.ItemAt(m.list, y, m.delegate.Height(), m.delegate.Spacing())
	if ok {
		m.list.Select(i)
		m.chosen = true
	}
	return ok
}

// Scroll moves the cursor by n items, for the mouse wheel.
func (m *Model) Scroll(n int) {
	m.chosen = m.chosen || n != 0
	filtering.Move(&m.list, n)
}

// View draws the pane.
func (m Model) View() string {
	return m.list.View()
}

// item is one article in the list, with everything the list shows and
// filters on computed once.
type item struct {
	article  *article.Article
	title    string
	desc     string
	own      string // the lower-case title, source and date, one a line
	index    int    // the article's index in the catalog, or -1
	cast     []catalog.Named
	titleKey string
	source   string
}

// newItem describes article a, at index in the catalog with the actors
// it names, or at -1 before the actors are resolved.
func newItem(a *article.Article, index int, cast []catalog.Named) item {
	title := clean(a.Title, "(untitled)")
	source := clean(a.Source, "")
	var parts []string
	for _, s := range []string{source, clean(a.Date, "")} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "source and date unknown")
	}
	if index >= 0 {
		parts = append(parts, display.Count(len(cast), "actor", "actors"))
	}
	lower := strings.ToLower(title)
	return item{
		article:  a,
		title:    title,
		desc:     strings.Join(parts, " · "),
		own:      lower + "\n" + strings.ToLower(source) + "\n" + a.Date,
		index:    index,
		cast:     cast,
		titleKey: lower,
		source:   strings.ToLower(source),
	}
}

// Title is the article's title.
func (i item) Title() string { return i.title }

// Description is the source, date and number of actors.
func (i item) Description() string { return i.desc }

// FilterValue is the lower-case title, source and date the filter
// matches, with the names of the article's actors.
func (i item) FilterValue() string { return i.own }

// clean strips control characters and line breaks from article text, and
// falls back when it is empty.
func clean(s, fallback string) string {
	s = display.Line(s)
	if s == "" {
		return fallback
	}
	return s
}
