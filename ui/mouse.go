package ui

import tea "github.com/charmbracelet/bubbletea"

// wheelStep is the number of items the mouse wheel moves in a list.
const wheelStep = 1

// handleMouse scrolls the pane under the pointer with the wheel, and
// focuses and selects with a click.
func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if m.tooSmall() || msg.Action != tea.MouseActionPress || msg.Y >= m.bodyHeight() {
		return nil
	}
	wheel := 0
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		wheel = -wheelStep
	case tea.MouseButtonWheelDown:
		wheel = wheelStep
	case tea.MouseButtonLeft:
	default:
		return nil
	}
	y := msg.Y - 1 // inside the border
	if m.screen != mainScreen {
		m.mouseOnView(wheel, y)
		return nil
	}
	for _, b := range m.boxes(m.bodyHeight()) {
		if b.contains(msg.X, msg.Y) {
			return m.mouseOnPane(b.pane, msg, wheel, y-b.y)
		}
	}
	return nil
}

// mouseOnView scrolls or clicks the actor view, the index or the search
// pane.
func (m *Model) mouseOnView(wheel, y int) {
	switch {
	case m.screen == actorScreen && wheel != 0:
		m.actorView.Scroll(wheel)
	case m.screen == actorScreen:
		m.actorView.Click(y)
	case m.screen == searchScreen && wheel != 0:
		m.search.Scroll(wheel)
	case m.screen == searchScreen:
		m.search.Click(y)
	case wheel != 0:
		m.actorIndex.Scroll(wheel)
	default:
		m.actorIndex.Click(y)
	}
}

// mouseOnPane scrolls or clicks one pane of the main screen; y is the row
// inside the pane.
func (m *Model) mouseOnPane(p pane, msg tea.MouseMsg, wheel, y int) tea.Cmd {
	if wheel == 0 && m.focus != p {
		m.setFocus(p)
	}
	switch p {
	case listPane:
		if wheel != 0 {
			m.list.Scroll(wheel)
		} else {
			m.list.Click(y)
		}
	case readerPane:
		var cmd tea.Cmd
		m.reader, cmd = m.reader.Update(msg)
		return cmd
	case panelPane:
		before := m.panel.SelectedID()
		if wheel != 0 {
			m.panel.Move(wheel)
		} else {
			m.panel.Click(y)
		}
		if m.panel.SelectedID() != before {
			m.syncSelection(-1)
		}
	}
	return nil
}
