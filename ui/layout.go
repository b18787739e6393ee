package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// The terminal widths at which the layout changes, and the smallest
// terminal the reader draws in.
const (
	wideWidth   = 120
	mediumWidth = 80
	minWidth    = 32
	minHeight   = 8
	minBody     = 3 // lines of the body that the full help leaves
)

// pane is one of the three panes of the main screen.
type pane int

// The panes, in the order tab moves focus through them.
const (
	listPane pane = iota
	readerPane
	panelPane
	paneCount
)

// screen is what fills the body: the panes, or a full-size view.
type screen int

// The screens.
const (
	mainScreen screen = iota
	actorScreen
	indexScreen
	searchScreen
)

// box is a pane's place on screen, border included.
type box struct {
	pane       pane
	x, y, w, h int
}

// contains reports whether the cell x, y is in the box.
func (b box) contains(x, y int) bool {
	return x >= b.x && x < b.x+b.w && y >= b.y && y < b.y+b.h
}

// tooSmall reports whether the terminal is below the minimum size.
func (m Model) tooSmall() bool {
	return m.width < minWidth || m.height < minHeight
}

// boxes lays out the visible panes of the main screen in a body of the
// given height: three columns when wide, the list or the panel beside the
// reader at medium widths, and the focused pane alone when narrow.
func (m Model) boxes(height int) []box {
	switch {
	case m.width >= wideWidth:
		listW := max(28, m.width*28/100)
		panelW := max(26, m.width*26/100)
		return []box{
			{listPane, 0, 0, listW, height},
			{readerPane, listW, 0, m.width - listW - panelW, height},
			{panelPane, m.width - panelW, 0, panelW, height},
		}
	case m.width >= mediumWidth:
		leftW := max(30, m.width*38/100)
		left := listPane
		if m.showPanel {
			left = panelPane
		}
		return []box{{left, 0, 0, leftW, height}, {readerPane, leftW, 0, m.width - leftW, height}}
	default:
		return []box{{m.focus, 0, 0, m.width, height}}
	}
}

// visible reports whether pane p is on screen.
func (m Model) visible(p pane) bool {
	for _, b := range m.boxes(m.bodyHeight()) {
		if b.pane == p {
			return true
		}
	}
	return false
}

// fit cuts or pads s to exactly w columns and h lines.
func fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		l = ansi.Truncate(l, w, "")
		if pad := w - ansi.StringWidth(l); pad > 0 {
			l += strings.Repeat(" ", pad)
		}
		lines[i] = l
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines, "\n")
}
