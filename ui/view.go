package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"dossier/corpus"
	"dossier/ui/display"
	"dossier/ui/search"
)

// View draws the whole screen: the body and the footer.
func (m Model) View() string {
	if m.width == 0 || m.height == 0 {
		return ""
	}
	if m.tooSmall() {
		return m.tooSmallView()
	}
	return m.bodyView() + "\n" + m.footerView()
}

// tooSmallView says the terminal is too small, as far as it fits.
func (m Model) tooSmallView() string {
	msg := fmt.Sprintf("Terminal too small (%d×%d). dossier needs at least %d×%d.", m.width, m.height, minWidth, minHeight)
	wrapped := lipgloss.NewStyle().Width(m.width).Render(msg)
	return fit(lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, wrapped), m.width, m.height)
}

// bodyHeight is the number of lines above the footer.
func (m Model) bodyHeight() int {
	return max(m.height-m.footerHeight(), 0)
}

// footerHeight is the number of lines of the footer: the status line and
// the help.
func (m Model) footerHeight() int {
	return 1 + lipgloss.Height(m.helpView())
}

// bodyView draws the screen above the footer.
func (m Model) bodyView() string {
	body := m.bodyHeight()
	switch {
	case m.screen == actorScreen:
		return m.frame(m.actorView.View(), m.width, body, true)
	case m.screen == indexScreen:
		return m.frame(m.actorIndex.View(), m.width, body, true)
	case m.screen == searchScreen:
		return m.frame(m.search.View(), m.width, body, true)
	case m.isEmpty():
		return m.frame(m.theme.Message.Render(m.emptyMessage()), m.width, body, true)
	}
	var cols []string
	for _, b := range m.boxes(body) {
		cols = append(cols, m.frame(m.paneView(b.pane), b.w, b.h, b.pane == m.focus))
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, cols...)
}

// isEmpty reports whether loading is over and found no article.
func (m Model) isEmpty() bool {
	return !m.loading && !m.resolving && m.list.Len() == 0
}

// emptyMessage explains an empty corpus.
func (m Model) emptyMessage() string {
	msg := "No articles found. dossier reads .txt, .text and .md files and text files without an extension, in the folders given and below them."
	if n := len(m.warnings); n > 0 {
		msg += fmt.Sprintf(" %s skipped; the reasons are printed when you quit.", display.Count(n, "file was", "files were"))
	}
	return msg
}

// paneView draws the inside of a pane.
func (m Model) paneView(p pane) string {
	switch p {
	case listPane:
		return m.list.View()
	case readerPane:
		return m.reader.View()
	default:
		return m.panel.View()
	}
}

// frame draws content in a w×h box with a border, heavier when focused.
func (m Model) frame(content string, w, h int, focused bool) string {
	style := m.theme.BlurredPane
	if focused {
		style = m.theme.FocusedPane
	}
	if w < 2 || h < 2 {
		return fit("", w, h)
	}
	return style.Render(fit(content, w-2, h-2))
}

// footerView draws the status line and the help.
func (m Model) footerView() string {
	left := m.theme.Status.Render(display.Line(m.statusText()))
	right := m.loadingView()
	gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		left = ansi.Truncate(left, max(m.width-ansi.StringWidth(right)-1, 0), "…")
		gap = max(m.width-ansi.StringWidth(left)-ansi.StringWidth(right), 0)
	}
	status := ansi.Truncate(left+strings.Repeat(" ", gap)+right, m.width, "")
	return status + "\n" + m.helpView()
}

// helpView is the short or full help, fitted to the width and to the
// height left once the body has minBody lines.
func (m Model) helpView() string {
	lines := strings.Split(m.help.View(m), "\n")
	lines = lines[:min(len(lines), max(m.height-1-minBody, 1))]
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, m.width, "…")
	}
	return strings.Join(lines, "\n")
}

// statusText says where the reader is: the article, the filter, the
// selected actor, or a one-off message.
func (m Model) statusText() string {
	if m.status != "" {
		return m.status
	}
	var parts []string
	switch m.screen {
	case actorScreen:
		if a := m.actorView.Actor(); a >= 0 && m.cat != nil {
			parts = append(parts, "Actor: "+m.cat.Actors[a].Name)
		}
	case indexScreen:
		parts = append(parts, "Actor index")
		if f := m.actorIndex.Filter(); f != "" {
			parts = append(parts, fmt.Sprintf("filter %q", f))
		}
	case searchScreen:
		parts = append(parts, "Full-text search")
		if q := m.search.Query(); q != "" {
			parts = append(parts, search.Quote(q))
		}
	default:
		parts = m.mainStatus()
	}
	return strings.Join(parts, " · ")
}

// maxQueryWidth bounds the query shown in the footer, so that the number
// of the hit stays in sight.
const maxQueryWidth = 30

// mainStatus describes the main screen: article, filter and actor.
func (m Model) mainStatus() []string {
	var parts []string
	a := m.reader.Article()
	if a == nil || m.focus == listPane {
		a = m.list.Selected()
	}
	if pos := m.list.Position(a); pos > 0 {
		parts = append(parts, fmt.Sprintf("Article %d of %d", pos, m.list.Len()))
	} else {
		parts = append(parts, display.Count(m.list.Len(), "article", "articles"))
	}
	if m.reader.Article() != nil && m.focus != listPane {
		parts = append(parts, fmt.Sprintf("%d%%", m.reader.ScrollPercent()))
	}
	if f := m.list.Filter(); f != "" {
		parts = append(parts, fmt.Sprintf("filter %q", f))
	}
	if h := m.reader.Hits(); h.Active() {
		query := ansi.Truncate(search.Quote(h.Query), maxQueryWidth, "…")
		return append(parts, fmt.Sprintf("search %s · hit %d of %d", query, h.Current+1, len(h.Matches)))
	}
	if n, ok := m.panel.Selected(); ok && m.reader.Article() != nil {
		actor := "Actor: " + m.cat.Actors[n.Actor].Name
		if cur := m.reader.Current(); cur >= 0 {
			actor += fmt.Sprintf(" (mention %d of %d)", cur+1, n.Count)
		} else {
			actor += fmt.Sprintf(" (%s)", display.Count(n.Count, "mention", "mentions"))
		}
		parts = append(parts, actor)
	}
	return parts
}

// loadingView shows loading progress, resolution or skipped files.
func (m Model) loadingView() string {
	switch {
	case m.loading:
		p := m.progress
		percent := 0.0
		if p.Total > 0 {
			percent = float64(p.Done) / float64(p.Total)
		}
		return m.theme.Status.Render(loadingLabel(p, m.loadTime)) + m.bar.ViewAs(percent)
	case m.resolving:
		return m.theme.Status.Render("resolving actors…")
	case len(m.warnings) > 0:
		return m.theme.Warning.Render(display.Count(len(m.warnings), "file skipped", "files skipped"))
	}
	return ""
}

// loadingLabel says how many files of how many found are loaded, and how
// fast, elapsed after loading started; "+" marks a total that may grow.
func loadingLabel(p corpus.Progress, elapsed time.Duration) string {
	more := ""
	if p.Walking {
		more = "+"
	}
	label := fmt.Sprintf("loading %d/%d%s files", p.Done, p.Total, more)
	if p.Done > 0 && elapsed > 0 {
		label += fmt.Sprintf(" · %.0f files/s", float64(p.Done)/elapsed.Seconds())
	}
	return label + " "
}

// ShortHelp is the footer's help: the keys of the focused pane and the
// most useful global ones. It makes Model a help.KeyMap.
func (m Model) ShortHelp() []key.Binding {
	k := m.keys
	if m.screen == searchScreen {
		return m.searchHelp()
	}
	if m.inputActive() {
		return []key.Binding{k.AcceptInput, k.CancelInput}
	}
	switch m.screen {
	case actorScreen:
		return []key.Binding{k.Up, k.Down, k.Open, k.Escape, k.Back, k.Help, k.Quit}
	case indexScreen:
		return []key.Binding{k.Up, k.Down, k.Filter, k.Open, k.Escape, k.Help, k.Quit}
	}
	switch m.focus {
	case readerPane:
		next := k.NextMention
		if m.reader.Hits().Active() {
			next = k.NextHit
		}
		return []key.Binding{k.Down, next, k.NextArticle, k.Comments, k.NextPane, k.Back, k.Help, k.Quit}
	case panelPane:
		return []key.Binding{k.Down, k.Open, k.NextArticle, k.PrevArticle, k.NextPane, k.Back, k.Help, k.Quit}
	}
	return []key.Binding{k.Down, k.Open, k.Filter, k.Search, k.Sort, k.NextPane, k.ActorIndex, k.Help, k.Quit}
}

// searchHelp is the footer's help in the search pane.
func (m Model) searchHelp() []key.Binding {
	k := m.keys
	if m.search.Typing() {
		return []key.Binding{k.RunSearch, k.Escape}
	}
	return []key.Binding{k.Up, k.Down, k.Open, k.EditQuery, k.Escape, k.Back, k.Help, k.Quit}
}

// FullHelp is every key, by group, shown by the help key.
func (m Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom},
		{k.Open, k.Filter, k.ClearFilter, k.Sort, k.Comments, k.NextMention, k.PrevMention},
		{k.NextArticle, k.PrevArticle, k.ActorIndex, k.Search, k.Fold, k.TogglePanel},
		{k.NextPane, k.PrevPane, k.Back, k.Forward, k.Escape, k.Help, k.Quit},
	}
}
