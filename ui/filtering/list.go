package filtering

import (
	"fmt"

	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/paginator"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// arabicFormat is the page number format of bubbles' paginator.
const arabicFormat = "%d/%d"

// List is a bubbles list whose pagination costs the same however many
// pages it has. The list draws one dot per page, by concatenating the dots
// one at a time, and only then, when they are wider than the list, draws
// "page/pages" instead: with thousands of pages, every frame and every
// resize built and measured megabytes of dots. List works out beforehand
// which of the two the list would draw and makes the paginator draw that
// directly, so that the screen is the same, dot for dot and escape for
// escape.
type List struct {
	list.Model
}

// SetItems replaces the items.
func (l *List) SetItems(items []list.Item) tea.Cmd {
	cmd := l.Model.SetItems(items)
	l.fitPagination()
	return cmd
}

// SetSize sets the list's size.
func (l *List) SetSize(width, height int) {
	l.Model.SetSize(width, height)
	l.fitPagination()
}

// Update handles a message.
func (l List) Update(msg tea.Msg) (List, tea.Cmd) {
	var cmd tea.Cmd
	l.Model, cmd = l.Model.Update(msg)
	l.fitPagination()
	return l, cmd
}

// View draws the list.
func (l List) View() string {
	l.fitPagination()
	return l.Model.View()
}

// fitPagination sets the paginator to the form the list would draw for
// its current pages: the dots when they fit in its width, else the page
// numbers, which the list colours when they fit and so the paginator
// must colour itself.
func (l *List) fitPagination() {
	p := &l.Paginator
	p.Type, p.ArabicFormat = paginator.Dots, arabicFormat
	if dotsWidth(*p) <= l.Width() {
		return
	}
	p.Type = paginator.Arabic
	if ansi.StringWidth(fmt.Sprintf(arabicFormat, p.Page+1, p.TotalPages)) <= l.Width() {
		p.ArabicFormat = l.Styles.ArabicPagination.Render(arabicFormat)
	}
}

// dotsWidth is the width of the paginator's dots, one per page, without
// drawing them.
func dotsWidth(p paginator.Model) int {
	if p.TotalPages <= 0 {
		return 0
	}
	return ansi.StringWidth(p.ActiveDot) + (p.TotalPages-1)*ansi.StringWidth(p.InactiveDot)
}
