package ui

import (
	"context"
	"fmt"
	"io"
	"slices"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"dossier/corpus"
	"dossier/ui/theme"
)

// Options configure the interactive reader.
type Options struct {
	// Style is one of theme.Styles: auto (the default) follows the
	// terminal's background, dark and light force one, notty turns off
	// colours and styling.
	Style string
	// NoColor turns colours off, as the NO_COLOR environment variable asks.
	NoColor bool
}

// ValidStyle reports whether s is a value of --style.
func ValidStyle(s string) bool {
	return slices.Contains(theme.Styles, s)
}

// Theme sets lipgloss up for the options and returns the matching theme.
// It queries the terminal for its background when the style is auto, so
// it must run before the program starts.
func Theme(opts Options) theme.Theme {
	style := opts.Style
	if style == "" || style == theme.Auto {
		style = theme.Light
		if lipgloss.HasDarkBackground() {
			style = theme.Dark
		}
	}
	noColor := opts.NoColor || style == theme.NoTTY
	if noColor {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
	lipgloss.SetHasDarkBackground(style != theme.Light)
	return theme.New(style, noColor)
}

// Run opens the reader full-screen on out while the corpus loads from
// events, and returns the loading warnings once the user quits, closing
// full-text search.
func Run(ctx context.Context, events <-chan corpus.Event, out io.Writer, opts Options) ([]corpus.Warning, error) {
	m := New(events, Theme(opts))
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithContext(ctx), tea.WithOutput(out))
	final, err := p.Run()
	fm, ok := final.(Model)
	if ok {
		fm.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("reader: %w", err)
	}
	if ok {
		return fm.warnings, nil
	}
	return nil, nil
}
