package ui

import "testing"

func TestHistory(t *testing.T) {
	at := func(offset int) location { return location{offset: offset} }
	tests := []struct {
		name  string
		run   func(h *history) (location, bool)
		want  int
		ok    bool
		after int // entries left
	}{
		{"back at the start", func(h *history) (location, bool) { return h.back(at(0)) }, 0, false, 1},
		{"back after a jump saves where we were", func(h *history) (location, bool) {
			h.push(at(5), at(9))
			return h.back(at(12))
		}, 5, true, 2},
		{"forward after back returns to the saved place", func(h *history) (location, bool) {
			h.push(at(5), at(9))
			h.back(at(12))
			return h.forward(at(6))
		}, 12, true, 2},
		{"a jump drops the forward entries", func(h *history) (location, bool) {
			h.push(at(1), at(2))
			h.push(at(2), at(3))
			h.back(at(3))
			h.back(at(2))
			h.push(at(1), at(7))
			return h.forward(at(7))
		}, 0, false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHistory(at(0))
			got, ok := tt.run(&h)
			if ok != tt.ok || ok && got.offset != tt.want || len(h.entries) != tt.after {
				t.Errorf("got %d, %v with %d entries; want %d, %v with %d", got.offset, ok, len(h.entries), tt.want, tt.ok, tt.after)
			}
		})
	}
}

func TestLayout(t *testing.T) {
	tests := []struct {
		name      string
		width     int
		focus     pane
		showPanel bool
		want      []pane
	}{
		{"wide: three columns", 160, readerPane, false, []pane{listPane, readerPane, panelPane}},
		{"wide from 120", 120, listPane, false, []pane{listPane, readerPane, panelPane}},
		{"medium: list and reader", 100, readerPane, false, []pane{listPane, readerPane}},
		{"medium: panel toggled", 100, readerPane, true, []pane{panelPane, readerPane}},
		{"narrow: the focused pane", 60, panelPane, true, []pane{panelPane}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Model{width: tt.width, height: 30, focus: tt.focus, showPanel: tt.showPanel}
			boxes := m.boxes(28)
			var got []pane
			x := 0
			for _, b := range boxes {
				got = append(got, b.pane)
				if b.x != x || b.w <= 0 {
					t.Errorf("box %+v does not follow at column %d", b, x)
				}
				x += b.w
			}
			if x != tt.width {
				t.Errorf("boxes cover %d columns, want %d", x, tt.width)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("panes %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("panes %v, want %v", got, tt.want)
				}
			}
		})
	}
}
