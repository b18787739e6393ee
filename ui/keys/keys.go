// Package keys declares every key binding of the reader once, with the help
// text that bubbles/help shows for it.
package keys

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds the bindings of the reader, global ones first, then those of
// each pane.
type KeyMap struct {
	// Global.
	Quit        key.Binding
	Help        key.Binding
	NextPane    key.Binding
	PrevPane    key.Binding
	Back        key.Binding
	Forward     key.Binding
	Escape      key.Binding
	ActorIndex  key.Binding
	TogglePanel key.Binding
	NextArticle key.Binding
	PrevArticle key.Binding
	Search      key.Binding

	// Moving in lists and text.
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	HalfUp   key.Binding
	HalfDown key.Binding
	Top      key.Binding
	Bottom   key.Binding

	// Lists.
	Open        key.Binding
	Filter      key.Binding
	ClearFilter key.Binding
	AcceptInput key.Binding
	CancelInput key.Binding
	Sort        key.Binding

	// Reading pane.
	NextMention key.Binding
	PrevMention key.Binding
	Comments    key.Binding
	NextHit     key.Binding
	PrevHit     key.Binding

	// Search pane.
	RunSearch key.Binding
	EditQuery key.Binding

	// Actor panel.
	Fold key.Binding
}

// Default returns the reader's bindings: vim keys and arrows, / to filter,
// ? for help, q to quit and esc to back out.
func Default() KeyMap {
	return KeyMap{
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		NextPane:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Back:        key.NewBinding(key.WithKeys("backspace", "ctrl+o", "alt+left", "H"), key.WithHelp("backspace/ctrl+o/H", "back")),
		Forward:     key.NewBinding(key.WithKeys("alt+right", "L"), key.WithHelp("L/alt+→", "forward")),
		Escape:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back out")),
		ActorIndex:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "all actors")),
		TogglePanel: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "actor panel")),
		NextArticle: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next article naming actor")),
		PrevArticle: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous article naming actor")),
		Search:      key.NewBinding(key.WithKeys("F", "ctrl+f"), key.WithHelp("F", "full-text search")),

		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "f", " "), key.WithHelp("pgdn/f/space", "page down")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u", "u"), key.WithHelp("ctrl+u", "half page up")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d", "d"), key.WithHelp("ctrl+d", "half page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),

		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		AcceptInput: key.NewBinding(key.WithKeys("enter", "up", "down"), key.WithHelp("enter", "apply filter")),
		CancelInput: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel filter")),
		Sort:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),

		NextMention: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next mention")),
		PrevMention: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous mention")),
		Comments:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "show/hide comments")),
		NextHit:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next hit")),
		PrevHit:     key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous hit")),

		RunSearch: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "search")),
		EditQuery: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "edit the query")),

		Fold: key.NewBinding(key.WithKeys("enter", " "), key.WithHelp("enter/space", "unfold group")),
	}
}
