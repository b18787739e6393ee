package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/corpus"
	"dossier/corpus/article"
	"dossier/ui/actorindex"
	"dossier/ui/actorview"
	"dossier/ui/articles"
	"dossier/ui/catalog"
	"dossier/ui/display"
	"dossier/ui/filtering"
	"dossier/ui/keys"
	"dossier/ui/panel"
	"dossier/ui/reader"
	"dossier/ui/search"
	"dossier/ui/theme"
)

// maxBatch bounds the number of loading events handled in one update, so
// that the screen keeps refreshing while a large corpus loads.
const maxBatch = 512

// Model is the root of the reader: it routes messages to the panes, owns
// the focus, the layout, the history of jumps and the footer.
type Model struct {
	keys  keys.KeyMap
	theme theme.Theme
	help  help.Model

	width, height int
	screen        screen
	focus         pane
	showPanel     bool // at medium widths, the panel takes the list's place

	list       articles.Model
	reader     reader.Model
	panel      panel.Model
	actorView  actorview.Model
	actorIndex actorindex.Model
	search     search.Model

	events    <-chan corpus.Event
	collector *corpus.Collector
	loading   bool
	resolving bool
	progress  corpus.Progress
	bar       progress.Model
	loadStart time.Time     // when loading started
	loadTime  time.Duration // how long loading took up to the last event
	cat       *catalog.Catalog
	warnings  []corpus.Warning

	corpus    *corpus.Corpus  // the resolved corpus
	searcher  corpus.Searcher // full-text search, once opened
	searchErr error           // why search could not be opened

	history history
	status  string // a one-off message, cleared by the next key
}

// eventsMsg carries the loading events read since the last one; done is
// true when the stream is over.
type eventsMsg struct {
	events []corpus.Event
	done   bool
}

// resolvedMsg carries the resolved corpus and everything built from it
// off the event loop.
type resolvedMsg struct {
	corpus  *corpus.Corpus
	cat     *catalog.Catalog
	listing articles.Listing
	actors  []list.Item
}

// searcherMsg carries the searcher opened on the resolved corpus, with
// its articles by id, or why it could not be opened.
type searcherMsg struct {
	searcher corpus.Searcher
	articles map[string]*article.Article
	err      error
}

// New returns the reader for a corpus that is loading: it shows articles
// as they arrive on events and resolves the actors when the stream ends.
func New(events <-chan corpus.Event, t theme.Theme) Model {
	m := newModel(t)
	m.events, m.loading, m.loadStart = events, true, time.Now()
	m.collector = corpus.NewCollector(corpus.Options{})
	m.panel.SetNote("Actors appear once the corpus has loaded.")
	return m
}

// NewFromCorpus returns the reader for a corpus already loaded.
func NewFromCorpus(c *corpus.Corpus, t theme.Theme) Model {
	m := newModel(t)
	m.warnings = c.Warnings
	m.applyResolved(resolve(c))
	return m
}

// newModel builds the panes.
func newModel(t theme.Theme) Model {
	k := keys.Default()
	h := help.New()
	h.Styles.ShortKey, h.Styles.FullKey = t.Heading, t.Heading
	h.Styles.ShortDesc, h.Styles.FullDesc = t.Dim, t.Dim
	m := Model{
		keys: k, theme: t, help: h,
		list: articles.New(k, t), reader: reader.New(k, t), panel: panel.New(k, t),
		actorView: actorview.New(k, t), actorIndex: actorindex.New(k, t), search: search.New(k, t),
		bar: progress.New(progress.WithoutPercentage(), progress.WithSolidFill(t.BarColor())),
	}
	m.history = newHistory(m.here())
	return m
}

// Init starts reading the loading stream, or opens full-text search on a
// corpus already loaded unless it is open.
func (m Model) Init() tea.Cmd {
	switch {
	case m.events != nil:
		return readEvents(m.events)
	case m.searcher == nil:
		return openSearcher(m.corpus)
	}
	return nil
}

// openSearcher opens full-text search on a resolved corpus, off the event
// loop: without a persistent index that means indexing every article.
func openSearcher(c *corpus.Corpus) tea.Cmd {
	if c == nil {
		return nil
	}
	return func() tea.Msg {
		s, err := c.Searcher()
		byID := make(map[string]*article.Article, len(c.Articles))
		for _, a := range c.Articles {
			byID[a.ID] = a
		}
		return searcherMsg{searcher: s, articles: byID, err: err}
	}
}

// Close releases full-text search; call it once the program has ended.
func (m Model) Close() error {
	if m.searcher == nil {
		return nil
	}
	return m.searcher.Close()
}

// readEvents waits for the next loading events and returns them with any
// others already waiting, up to maxBatch.
func readEvents(events <-chan corpus.Event) tea.Cmd {
	return func() tea.Msg {
		ev, ok := <-events
		if !ok {
			return eventsMsg{done: true}
		}
		batch := []corpus.Event{ev}
		for len(batch) < maxBatch {
			select {
			case ev, ok := <-events:
				if !ok {
					return eventsMsg{events: batch, done: true}
				}
				batch = append(batch, ev)
			default:
				return eventsMsg{events: batch}
			}
		}
		return eventsMsg{events: batch}
	}
}

// resolveCmd finishes the corpus and indexes it, off the event loop.
func resolveCmd(c *corpus.Collector) tea.Cmd {
	return func() tea.Msg {
		return resolve(c.Finish())
	}
}

// resolve indexes a finished corpus for the panes.
func resolve(c *corpus.Corpus) resolvedMsg {
	cat := catalog.New(c)
	return resolvedMsg{corpus: c, cat: cat, listing: articles.NewListing(cat), actors: actorindex.Items(cat)}
}

// Update routes one message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		return m, m.resize()
	case eventsMsg:
		return m, m.addEvents(msg)
	case resolvedMsg:
		return m, tea.Batch(m.applyResolved(msg), openSearcher(msg.corpus))
	case searcherMsg:
		m.searcher, m.searchErr = msg.searcher, msg.err
		m.search.SetSearcher(msg.searcher, msg.articles)
		return m, nil
	case search.ResultsMsg:
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(msg)
		return m, cmd
	case reader.RenderedMsg:
		var cmd tea.Cmd
		m.reader, cmd = m.reader.Update(msg)
		return m, cmd
	case filtering.ResultsMsg:
		var c1, c2 tea.Cmd
		m.list, c1 = m.list.Update(msg)
		m.actorIndex, c2 = m.actorIndex.Update(msg)
		return m, tea.Batch(c1, c2)
	case tea.KeyMsg:
		if runes := splitRunes(msg); runes != nil {
			return m.handleKeys(runes)
		}
		m.status = ""
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m, m.handleMouse(msg)
	}
	return m, nil
}

// splitRunes splits a burst of typed characters, which the terminal may
// deliver as one key message (keys sent by a script, or typed fast), into
// one message per character, so that each works as a key. It returns nil
// for any other key and for pastes.
func splitRunes(msg tea.KeyMsg) []tea.KeyMsg {
	if msg.Type != tea.KeyRunes || msg.Paste || len(msg.Runes) < 2 {
		return nil
	}
	keys := make([]tea.KeyMsg, len(msg.Runes))
	for i, r := range msg.Runes {
		keys[i] = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}
	}
	return keys
}

// handleKeys handles keys one after the other.
func (m Model) handleKeys(keys []tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	var model tea.Model = m
	for _, k := range keys {
		var cmd tea.Cmd
		model, cmd = model.Update(k)
		cmds = append(cmds, cmd)
	}
	return model, tea.Batch(cmds...)
}

// addEvents takes in a batch of loading events.
func (m *Model) addEvents(msg eventsMsg) tea.Cmd {
	var loaded []*article.Article
	for _, ev := range msg.events {
		m.collector.Add(ev)
		m.progress = ev.Progress
		m.loadTime = time.Since(m.loadStart)
		if ev.Article != nil {
			loaded = append(loaded, ev.Article)
		}
		if ev.Warning != nil {
			m.warnings = append(m.warnings, *ev.Warning)
		}
	}
	var cmds []tea.Cmd
	if len(loaded) > 0 {
		cmds = append(cmds, m.list.Append(loaded))
		if m.history.at == 0 && m.reader.Article() == nil {
			m.history = newHistory(m.here())
		}
	}
	if msg.done {
		m.loading, m.resolving = false, true
		m.panel.SetNote("Resolving the actors of the corpus…")
		cmds = append(cmds, resolveCmd(m.collector))
	} else {
		cmds = append(cmds, readEvents(m.events))
	}
	return tea.Batch(cmds...)
}

// applyResolved switches to the resolved corpus: actors, counts and the
// article list with actor names.
func (m *Model) applyResolved(msg resolvedMsg) tea.Cmd {
	m.cat, m.resolving, m.corpus = msg.cat, false, msg.corpus
	m.warnings = msg.corpus.Warnings
	cmds := []tea.Cmd{m.list.SetListing(msg.listing), m.actorIndex.SetItems(msg.actors)}
	if a := m.reader.Article(); a != nil {
		if i, ok := m.cat.ArticleIndex(a); ok {
			cmds = append(cmds, m.reader.UpdateMentions(m.cat.Mentions[i]))
			m.panel.Show(m.cat, i, "")
			m.syncSelection(-1)
		}
	} else {
		m.panel.SetNote("Open an article to see the people and organisations it names.")
	}
	if m.history.at == 0 {
		m.history = newHistory(m.here())
	}
	return tea.Batch(cmds...)
}

// resize gives every pane its size for the current terminal.
func (m *Model) resize() tea.Cmd {
	m.help.Width = m.width
	m.bar.Width = max(min(m.width/4, 30), 4)
	body := m.bodyHeight()
	var cmd tea.Cmd
	for p := range paneCount {
		w, h := m.paneSize(p, body)
		switch p {
		case listPane:
			m.list.SetSize(w, h)
		case readerPane:
			cmd = m.reader.SetSize(w, h)
		case panelPane:
			m.panel.SetSize(w, h)
		}
	}
	m.actorView.SetSize(max(m.width-2, 0), max(body-2, 0))
	m.actorIndex.SetSize(max(m.width-2, 0), max(body-2, 0))
	m.search.SetSize(max(m.width-2, 0), max(body-2, 0))
	return cmd
}

// paneSize is the inner size of pane p: its box when visible, or the one
// it would have when shown, less the border.
func (m Model) paneSize(p pane, body int) (int, int) {
	shown := m
	shown.focus, shown.showPanel = p, p == panelPane
	for _, b := range shown.boxes(body) {
		if b.pane == p {
			return max(b.w-2, 0), max(b.h-2, 0)
		}
	}
	return 0, 0
}

// here is the present location, for the history.
func (m Model) here() location {
	loc := location{
		screen: m.screen, focus: m.focus, showPanel: m.showPanel,
		listed: m.list.Selected(), article: m.reader.Article(), offset: m.reader.Offset(),
		actor: m.panel.SelectedID(), mention: m.reader.Current(),
		viewActor: m.actorView.Actor(), viewAt: m.actorView.Cursor(), indexAt: m.actorIndex.Cursor(),
		searchAt: m.search.Cursor(), hits: m.reader.Hits(),
	}
	return loc
}

// jump records a move in the history: change moves, and returns its
// command.
func (m *Model) jump(change func() tea.Cmd) tea.Cmd {
	here := m.here()
	cmd := change()
	m.history.push(here, m.here())
	return cmd
}

// goBack returns to the previous location.
func (m *Model) goBack() tea.Cmd {
	loc, ok := m.history.back(m.here())
	if !ok {
		m.status = "Nothing to go back to."
		return nil
	}
	return m.restore(loc)
}

// goForward returns to the next location.
func (m *Model) goForward() tea.Cmd {
	loc, ok := m.history.forward(m.here())
	if !ok {
		m.status = "Nothing to go forward to."
		return nil
	}
	return m.restore(loc)
}

// restore puts the reader back at loc.
func (m *Model) restore(loc location) tea.Cmd {
	m.screen, m.focus, m.showPanel = loc.screen, loc.focus, loc.showPanel
	m.list.SelectArticle(loc.listed)
	var cmd tea.Cmd
	if loc.article != nil {
		cmd = m.show(loc.article, loc.actor, loc.offset, -1)
		m.syncSelection(loc.mention)
		if loc.hits.Active() {
			m.reader.ShowHits(loc.hits)
		}
	}
	if loc.screen == actorScreen && m.cat != nil && loc.viewActor >= 0 {
		m.actorView.Show(m.cat, loc.viewActor, loc.viewAt)
	}
	if loc.screen == indexScreen {
		m.actorIndex.SetCursor(loc.indexAt)
	}
	if loc.screen == searchScreen {
		m.search.SetCursor(loc.searchAt)
	}
	return tea.Batch(cmd, m.resize())
}

// show opens article a in the reader with actor id selected in the panel,
// scrolled to offset or, when mention is not negative, to that mention.
func (m *Model) show(a *article.Article, id string, offset, mention int) tea.Cmd {
	i, ok := -1, false
	if m.cat != nil {
		i, ok = m.cat.ArticleIndex(a)
	}
	if !ok {
		return m.reader.Open(a, nil, offset, -1)
	}
	cmd := m.reader.Open(a, m.cat.Mentions[i], offset, mention)
	m.panel.Show(m.cat, i, id)
	return cmd
}

// currentArticle is the catalog index of the article being read.
func (m Model) currentArticle() (int, bool) {
	if m.cat == nil || m.reader.Article() == nil {
		return 0, false
	}
	return m.cat.ArticleIndex(m.reader.Article())
}

// syncSelection highlights the mentions of the panel's selected actor in
// the reader, with the current one at index current of them (or none),
// in place of any search hits.
func (m *Model) syncSelection(current int) {
	m.reader.ClearHits()
	i, ok := m.currentArticle()
	n, selected := m.panel.Selected()
	if !ok || !selected {
		m.reader.Select(nil, -1)
		return
	}
	m.reader.Select(m.cat.MentionsOf(i, n.Actor), current)
}

// openListed opens the article under the list's cursor.
func (m *Model) openListed() tea.Cmd {
	a := m.list.Selected()
	if a == nil {
		return nil
	}
	return m.jump(func() tea.Cmd {
		cmd := m.show(a, m.panel.SelectedID(), 0, -1)
		m.syncSelection(-1)
		m.setFocus(readerPane)
		return cmd
	})
}

// stepArticle opens the next (dir 1) or previous (dir -1) article that
// names the selected actor in the list's order, at its first mention.
func (m *Model) stepArticle(dir int) tea.Cmd {
	i, ok := m.currentArticle()
	n, selected := m.panel.Selected()
	if !ok || !selected {
		m.status = "Select an actor in the panel first."
		return nil
	}
	ap, found := m.cat.Step(n.Actor, i, dir, func(article int) int { return m.list.Position(m.cat.Articles[article]) })
	if !found {
		m.status = display.Line(m.cat.Actors[n.Actor].Name) + " is named in no other article."
		return nil
	}
	return m.openAppearance(n.Actor, ap)
}

// openAppearance opens an article at the first mention of an actor.
func (m *Model) openAppearance(actor int, ap catalog.Appearance) tea.Cmd {
	id := m.cat.Actors[actor].ID
	return m.jump(func() tea.Cmd {
		m.screen = mainScreen
		if m.focus == listPane {
			m.setFocus(readerPane)
		}
		cmd := m.show(m.cat.Articles[ap.Article], id, 0, ap.First)
		m.list.SelectArticle(m.cat.Articles[ap.Article])
		m.syncSelection(0)
		return tea.Batch(cmd, m.resize())
	})
}

// openActor shows the actor view of an actor, with the cursor on the
// article being read when it names the actor.
func (m *Model) openActor(actor int) tea.Cmd {
	cursor := 0
	if i, ok := m.currentArticle(); ok {
		for k, ap := range m.cat.Appearances(actor) {
			if ap.Article == i {
				cursor = k
			}
		}
	}
	return m.jump(func() tea.Cmd {
		m.screen = actorScreen
		m.actorView.Show(m.cat, actor, cursor)
		return m.resize()
	})
}

// openIndex shows the actor index.
func (m *Model) openIndex() tea.Cmd {
	if m.cat == nil {
		m.status = "Actors appear once the corpus has loaded."
		return nil
	}
	return m.jump(func() tea.Cmd {
		m.screen = indexScreen
		return m.resize()
	})
}

// openSearch shows the search pane with its query line ready for typing,
// or says why search is not available yet.
func (m *Model) openSearch() tea.Cmd {
	switch {
	case m.searchErr != nil:
		m.status = "Full-text search is unavailable: " + m.searchErr.Error()
	case !m.search.Ready():
		m.status = "Search is available once the corpus has loaded."
	case m.screen == searchScreen:
		return m.search.Focus()
	default:
		return m.jump(func() tea.Cmd {
			m.screen = searchScreen
			return tea.Batch(m.search.Focus(), m.resize())
		})
	}
	return nil
}

// openResult opens the article of a search result in the focused reading
// pane at its first hit, with every hit highlighted.
func (m *Model) openResult(r search.Result) tea.Cmd {
	return m.jump(func() tea.Cmd {
		m.screen = mainScreen
		m.setFocus(readerPane)
		cmd := m.show(r.Article, m.panel.SelectedID(), 0, -1)
		m.list.SelectArticle(r.Article)
		m.syncSelection(-1)
		m.reader.ShowHits(reader.Hits{Query: m.search.Query(), Matches: r.Hit.Matches})
		m.reader.GotoHit(0)
		return tea.Batch(cmd, m.resize())
	})
}

// leaveSearch backs out of the search pane: back in the history, or to the
// main screen when there is nothing to go back to.
func (m *Model) leaveSearch() tea.Cmd {
	if loc, ok := m.history.back(m.here()); ok {
		return m.restore(loc)
	}
	m.screen = mainScreen
	return m.resize()
}

// setFocus focuses pane p; at medium widths focusing the panel or the list
// shows it in the left column.
func (m *Model) setFocus(p pane) {
	m.focus = p
	switch p {
	case panelPane:
		m.showPanel = true
	case listPane:
		m.showPanel = false
	}
}

// cycleFocus moves the focus to the next (dir 1) or previous pane.
func (m *Model) cycleFocus(dir int) tea.Cmd {
	m.setFocus((m.focus + pane(dir) + paneCount) % paneCount)
	return m.resize()
}

// inputActive reports whether a filter is being typed, when keys go to it.
func (m Model) inputActive() bool {
	switch m.screen {
	case mainScreen:
		return m.focus == listPane && m.list.SettingFilter()
	case indexScreen:
		return m.actorIndex.SettingFilter()
	case searchScreen:
		return m.search.Typing()
	}
	return false
}

// handleKey handles one key press: global keys first, then those of the
// screen and the focused pane.
func (m Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if msg.String() == "ctrl+c" {
		return m, tea.Quit
	}
	if m.inputActive() {
		if m.screen == searchScreen {
			return m.handleSearchKey(msg)
		}
		return m.toFocused(msg)
	}
	switch {
	case key.Matches(msg, m.keys.Quit):
		return m, tea.Quit
	case key.Matches(msg, m.keys.Help):
		m.help.ShowAll = !m.help.ShowAll
		return m, m.resize()
	case key.Matches(msg, m.keys.Back):
		return m, m.goBack()
	case key.Matches(msg, m.keys.Forward):
		return m, m.goForward()
	case key.Matches(msg, m.keys.ActorIndex):
		return m, m.openIndex()
	case key.Matches(msg, m.keys.Search):
		return m, m.openSearch()
	case key.Matches(msg, m.keys.Escape) && m.help.ShowAll:
		m.help.ShowAll = false
		return m, m.resize()
	}
	switch m.screen {
	case actorScreen:
		return m.handleActorKey(msg)
	case indexScreen:
		return m.handleIndexKey(msg)
	case searchScreen:
		return m.handleSearchKey(msg)
	}
	return m.handleMainKey(msg)
}

// handleMainKey handles a key on the main screen.
func (m Model) handleMainKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.NextPane):
		return m, m.cycleFocus(1)
	case key.Matches(msg, m.keys.PrevPane):
		return m, m.cycleFocus(-1)
	case key.Matches(msg, m.keys.TogglePanel):
		m.showPanel = !m.showPanel
		if m.showPanel && m.focus == listPane {
			m.focus = panelPane
		} else if !m.showPanel && m.focus == panelPane {
			m.focus = listPane
		}
		return m, m.resize()
	case key.Matches(msg, m.keys.NextArticle) && m.focus != listPane:
		return m, m.stepArticle(1)
	case key.Matches(msg, m.keys.PrevArticle) && m.focus != listPane:
		return m, m.stepArticle(-1)
	case key.Matches(msg, m.keys.Escape) && m.focus != listPane:
		m.setFocus(listPane)
		return m, m.resize()
	}
	switch m.focus {
	case listPane:
		if key.Matches(msg, m.keys.Open) {
			return m, m.openListed()
		}
	case panelPane:
		if key.Matches(msg, m.keys.Fold) && m.panel.OnFoldedGroup() {
			m.panel.ToggleFold()
			return m, nil
		}
		if n, ok := m.panel.Selected(); ok && key.Matches(msg, m.keys.Open) {
			return m, m.openActor(n.Actor)
		}
	}
	return m.toFocused(msg)
}

// handleActorKey handles a key in the actor view.
func (m Model) handleActorKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Escape):
		return m, m.goBack()
	case key.Matches(msg, m.keys.Open):
		if ap, ok := m.actorView.Selected(); ok {
			return m, m.openAppearance(m.actorView.Actor(), ap)
		}
		return m, nil
	}
	var cmd tea.Cmd
	m.actorView, cmd = m.actorView.Update(msg)
	return m, cmd
}

// handleIndexKey handles a key in the actor index.
func (m Model) handleIndexKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Escape) && m.actorIndex.Filter() == "":
		return m, m.goBack()
	case key.Matches(msg, m.keys.Open):
		if a, ok := m.actorIndex.Selected(); ok {
			return m, m.openActor(a)
		}
		return m, nil
	}
	return m.toFocused(msg)
}

// handleSearchKey handles a key in the search pane: esc backs out unless
// it returns from editing the query to the results, enter opens a result.
func (m Model) handleSearchKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Escape) && !(m.search.Typing() && m.search.HasResults()):
		return m, m.leaveSearch()
	case key.Matches(msg, m.keys.Open) && !m.search.Typing():
		if r, ok := m.search.Selected(); ok {
			return m, m.openResult(r)
		}
		return m, nil
	}
	return m.toFocused(msg)
}

// toFocused passes a message to the focused pane and keeps the reader's
// highlights in step with the panel's selection.
func (m Model) toFocused(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case m.screen == indexScreen:
		m.actorIndex, cmd = m.actorIndex.Update(msg)
	case m.screen == actorScreen:
		m.actorView, cmd = m.actorView.Update(msg)
	case m.screen == searchScreen:
		m.search, cmd = m.search.Update(msg)
	case m.focus == listPane:
		m.list, cmd = m.list.Update(msg)
	case m.focus == readerPane:
		m.reader, cmd = m.reader.Update(msg)
	case m.focus == panelPane:
		before := m.panel.SelectedID()
		m.panel, cmd = m.panel.Update(msg)
		if m.panel.SelectedID() != before {
			m.syncSelection(-1)
		}
	}
	return m, cmd
}
