package theme

import (
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func TestHighlights(t *testing.T) {
	tests := []struct {
		name    string
		style   string
		noColor bool
		profile termenv.Profile
		mention string
		current string
	}{
		{"no colours in tests", Dark, false, termenv.Ascii, "", ""},
		{"NO_COLOR underlines", Dark, true, termenv.Ascii, "\x1b[4m", "\x1b[7m"},
		{"colour background", Dark, false, termenv.TrueColor, "\x1b[48;2;92;75;0m", "\x1b[7m"},
		{"light background", Light, false, termenv.ANSI256, "\x1b[48;5;222m", "\x1b[7m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, c := highlights(tt.style, tt.noColor, tt.profile)
			if m.On != tt.mention || c.On != tt.current {
				t.Errorf("highlights %q, %q; want %q, %q", m.On, c.On, tt.mention, tt.current)
			}
			if (m.On == "") != (m.Off == "") {
				t.Errorf("unbalanced highlight %+v", m)
			}
		})
	}
}

func TestGlamourStyle(t *testing.T) {
	tests := []struct {
		style   string
		noColor bool
		want    string
	}{
		{Dark, false, Dark}, {Light, false, Light}, {NoTTY, false, NoTTY}, {Dark, true, NoTTY},
	}
	for _, tt := range tests {
		if got := glamourStyle(tt.style, tt.noColor); got != tt.want {
			t.Errorf("glamourStyle(%s, %v) = %s, want %s", tt.style, tt.noColor, got, tt.want)
		}
	}
}

func TestCursor(t *testing.T) {
	th := New("dark", false)
	tests := []struct {
		selected bool
		marker   string
		style    lipgloss.Style
	}{
		{true, "› ", th.Selected},
		{false, "  ", th.Normal},
	}
	for _, tt := range tests {
		marker, style := th.Cursor(tt.selected)
		if marker != tt.marker || style.Render("x") != tt.style.Render("x") {
			t.Errorf("Cursor(%v) = %q, %q; want %q, %q", tt.selected, marker, style.Render("x"), tt.marker, tt.style.Render("x"))
		}
	}
}
