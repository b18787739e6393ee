// Package theme holds the reader's colours and styles. Colours adapt to
// dark and light terminals; with NO_COLOR only text attributes (bold,
// underline, reverse) are used, and with the Ascii colour profile nothing
// at all, which keeps test screens free of escape sequences.
package theme

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// The styles accepted by --style.
const (
	Auto  = "auto"
	Dark  = "dark"
	Light = "light"
	NoTTY = "notty"
)

// Styles lists the values of --style.
var Styles = []string{Auto, Dark, Light, NoTTY}

// Theme is the set of styles the panes draw with.
type Theme struct {
	// Glamour is the glamour standard style the reading pane renders with.
	Glamour string

	FocusedPane lipgloss.Style
	BlurredPane lipgloss.Style
	PaneTitle   lipgloss.Style
	Selected    lipgloss.Style
	Normal      lipgloss.Style
	Dim         lipgloss.Style
	Heading     lipgloss.Style
	Keyword     lipgloss.Style
	Status      lipgloss.Style
	Warning     lipgloss.Style
	Message     lipgloss.Style

	// Mention and Current are raw escape sequences that turn a mention's
	// highlight on and off without disturbing the styles glamour set
	// around it; empty when the profile has no colours and NO_COLOR is
	// not set (as in tests).
	Mention, Current Highlight
}

// Highlight is a pair of escape sequences around highlighted text.
type Highlight struct {
	On, Off string
}

// New returns the theme for a --style value (already resolved from Auto to
// Dark or Light) and the NO_COLOR setting, for the current lipgloss colour
// profile.
func New(style string, noColor bool) Theme {
	t := Theme{Glamour: glamourStyle(style, noColor)}
	accent := lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#B7A6FF"}
	dim := lipgloss.AdaptiveColor{Light: "#777777", Dark: "#8A8A8A"}
	warn := lipgloss.AdaptiveColor{Light: "#B3261E", Dark: "#FF8A80"}
	if noColor {
		accent, dim, warn = lipgloss.AdaptiveColor{}, lipgloss.AdaptiveColor{}, lipgloss.AdaptiveColor{}
	}
	t.FocusedPane = lipgloss.NewStyle().Border(lipgloss.ThickBorder()).BorderForeground(accent)
	t.BlurredPane = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(dim)
	t.PaneTitle = lipgloss.NewStyle().Bold(true).Foreground(accent)
	t.Selected = lipgloss.NewStyle().Bold(true).Foreground(accent)
	t.Normal = lipgloss.NewStyle()
	t.Dim = lipgloss.NewStyle().Foreground(dim)
	t.Heading = lipgloss.NewStyle().Bold(true)
	t.Keyword = lipgloss.NewStyle().Bold(true).Underline(true).Foreground(accent)
	t.Status = lipgloss.NewStyle().Foreground(dim)
	t.Warning = lipgloss.NewStyle().Foreground(warn)
	t.Message = lipgloss.NewStyle().Italic(true)
	t.Mention, t.Current = highlights(style, noColor, lipgloss.ColorProfile())
	return t
}

// glamourStyle picks the glamour standard style for a --style value.
func glamourStyle(style string, noColor bool) string {
	switch {
	case noColor || style == NoTTY:
		return NoTTY
	case style == Light:
		return Light
	default:
		return Dark
	}
}

// highlights returns the escape sequences that mark the selected actor's
// mentions and the current one.
func highlights(style string, noColor bool, profile termenv.Profile) (mention, current Highlight) {
	reverse := Highlight{On: "\x1b[7m", Off: "\x1b[27m"}
	switch {
	case noColor:
		return Highlight{On: "\x1b[4m", Off: "\x1b[24m"}, reverse
	case profile == termenv.Ascii:
		return Highlight{}, Highlight{}
	}
	bg := "#5C4B00"
	if style == Light {
		bg = "#FFE58A"
	}
	return Highlight{On: "\x1b[" + profile.Color(bg).Sequence(true) + "m", Off: "\x1b[49m"}, reverse
}

// BarColor is the colour of the loading progress bar.
func (t Theme) BarColor() string {
	if c, ok := t.PaneTitle.GetForeground().(lipgloss.AdaptiveColor); ok {
		if lipgloss.HasDarkBackground() {
			return c.Dark
		}
		return c.Light
	}
	return ""
}

// Cursor is the marker that starts a row of a list and the style of the
// row's main text: a pointer and the selected style for the row under the
// cursor, blank space and the normal style for the others, so that every
// pane marks its selected row alike.
func (t Theme) Cursor(selected bool) (string, lipgloss.Style) {
	if selected {
		return "› ", t.Selected
	}
	return "  ", t.Normal
}
