// Package filtering holds what the reader's filterable lists share: a fast
// filter that matches every word of the query as a substring of
// precomputed lower-case text, and the routing of a list's asynchronous
// filter results back to the list that asked for them.
package filtering

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"dossier/ui/keys"
	"dossier/ui/theme"
)

// Match is a list.FilterFunc. Each target must be lower case; its first
// line is the item's title, where the matched characters are reported for
// highlighting. An item matches when it contains every word of term. Items
// keep their order.
func Match(term string, targets []string) []list.Rank {
	words := Words(term)
	ranks := []list.Rank{}
	var buf []int
	for i, t := range targets {
		r, more, ok := MatchOwn(words, t, nil, buf)
		if ok {
			buf = more
			r.Index = i
			ranks = append(ranks, r)
		}
	}
	return ranks
}

// Words is the lower-case words of a query, each of which an item must
// contain to match.
func Words(term string) []string {
	return strings.Fields(strings.ToLower(term))
}

// MatchOwn matches words against an item's own lower-case text, whose
// first line is its title, where the matched characters are reported. A
// word the text lacks may be found elsewhere, where elsewhere(k) says
// whether word k is; nil means nowhere. A word holds no line break, so it
// matches within one line of the text or elsewhere, never across the two.
//
// The matched characters are appended to buf, and the rank's list is the
// part of it they take, so that ranking many items allocates a few
// growing buffers rather than a list for each; MatchOwn returns buf with
// them.
func MatchOwn(words []string, own string, elsewhere func(word int) bool, buf []int) (list.Rank, []int, bool) {
	var r list.Rank
	start := len(buf)
	titleEnd := strings.IndexByte(own, '\n')
	if titleEnd < 0 {
		titleEnd = len(own)
	}
	for k, w := range words {
		at := strings.Index(own, w)
		if at < 0 {
			if elsewhere == nil || !elsewhere(k) {
				return r, buf[:start], false
			}
			continue
		}
		if at+len(w) <= titleEnd {
			first := utf8.RuneCountInString(own[:at])
			for j := range utf8.RuneCountInString(w) {
				buf = append(buf, first+j)
			}
		}
	}
	if len(buf) > start {
		r.MatchedIndexes = buf[start:len(buf):len(buf)]
	}
	return r, buf, true
}

// ResultsMsg carries the filter results of one list for one query.
type ResultsMsg struct {
	List    string
	Query   string
	Matches list.FilterMatchesMsg
}

// Route wraps the commands a list returned so that its filter results come
// back as a ResultsMsg naming the list and the query they answer; other
// messages pass unchanged.
func Route(cmd tea.Cmd, listName, query string) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		switch msg := cmd().(type) {
		case list.FilterMatchesMsg:
			return ResultsMsg{List: listName, Query: query, Matches: msg}
		case tea.BatchMsg:
			routed := make(tea.BatchMsg, len(msg))
			for i, c := range msg {
				routed[i] = Route(c, listName, query)
			}
			return routed
		default:
			return msg
		}
	}
}

// Apply gives a list the results meant for it when they answer its current
// query, and drops stale ones.
func Apply(l List, msg ResultsMsg) List {
	if msg.Query != l.FilterValue() {
		return l
	}
	l, _ = l.Update(msg.Matches)
	return l
}

// NewList returns a bubbles list drawn with the theme and driven by the
// reader's key bindings; the reader handles quitting and help itself.
func NewList(k keys.KeyMap, t theme.Theme, delegate list.ItemDelegate) List {
	l := List{list.New(nil, delegate, 0, 0)}
	off := key.NewBinding(key.WithDisabled())
	l.KeyMap = list.KeyMap{
		CursorUp: k.Up, CursorDown: k.Down, PrevPage: k.PageUp, NextPage: k.PageDown,
		GoToStart: k.Top, GoToEnd: k.Bottom, Filter: k.Filter, ClearFilter: k.ClearFilter,
		CancelWhileFiltering: k.CancelInput, AcceptWhileFiltering: k.AcceptInput,
		ShowFullHelp: off, CloseFullHelp: off, Quit: off, ForceQuit: off,
	}
	l.Filter = Match
	l.SetShowStatusBar(false)
	l.SetShowHelp(false)
	l.DisableQuitKeybindings()
	l.Styles.TitleBar = t.Normal
	l.Styles.Title = t.PaneTitle
	l.Styles.NoItems = t.Message
	l.FilterInput.Prompt = "Filter: "
	l.FilterInput.PromptStyle = t.PaneTitle
	l.FilterInput.Cursor.SetMode(cursor.CursorStatic)
	return l
}

// NewDelegate returns a two-line item delegate drawn with the theme.
func NewDelegate(t theme.Theme) list.DefaultDelegate {
	d := list.NewDefaultDelegate()
	d.Styles.NormalDesc = d.Styles.NormalDesc.Inherit(t.Dim)
	return d
}

// ItemAt is the index, among the visible items, of the item drawn at row y
// of a list whose title takes one row, or false when y is not on an item.
func ItemAt(l List, y, itemHeight, spacing int) (int, bool) {
	y-- // the title row
	if y < 0 {
		return 0, false
	}
	step := itemHeight + spacing
	if y%step >= itemHeight {
		return 0, false
	}
	i := l.Paginator.Page*l.Paginator.PerPage + y/step
	return i, i < len(l.VisibleItems()) && y/step < l.Paginator.PerPage
}

// Move moves a list's cursor by n items, down when n is positive, for the
// mouse wheel.
func Move(l *List, n int) {
	for ; n > 0; n-- {
		l.CursorDown()
	}
	for ; n < 0; n++ {
		l.CursorUp()
	}
}
