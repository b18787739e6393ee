// Package display holds the small text helpers every pane uses to show
// article text, names and counts safely on one line.
package display

import (
	"fmt"
	"strings"

	"dossier/corpus/textdecode"
)

// Line strips control characters and escape sequences from s and
// collapses its white space, line breaks included, to single spaces.
func Line(s string) string {
	return strings.Join(strings.Fields(textdecode.StripControls(s)), " ")
}

// Spaced is Line keeping one space at either end where s had white space,
// so that the pieces of a keyword in context or a snippet join as they did.
func Spaced(s string) string {
	s = textdecode.StripControls(s)
	out := Line(s)
	if out == "" {
		return strings.Repeat(" ", min(len(s)-len(strings.TrimSpace(s)), 1))
	}
	if strings.TrimLeft(s, " \n\t") != s {
		out = " " + out
	}
	if strings.TrimRight(s, " \n\t") != s {
		out += " "
	}
	return out
}

// Count gives "1 article" or "3 articles".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
