package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unit is one candidate paragraph of the file: a line, or several lines of a
// hard-wrapped paragraph joined back together.
type unit struct {
	text  string
	words int
}

func newUnit(text string) unit {
	return unit{text: text, words: countWords(text)}
}

// splitUnits cuts text into units. Blank lines separate blocks; inside a
// block each line is a unit unless the block looks hard-wrapped (several
// lines of similar, moderate width), in which case its lines are joined.
func splitUnits(text string) []unit {
	var units []unit
	var block []string
	flush := func() {
		for _, t := range joinWrapped(block) {
			units = append(units, newUnit(t))
		}
		block = block[:0]
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = collapseSpaces(line)
		if line == "" {
			flush()
			continue
		}
		block = append(block, line)
	}
	flush()
	return units
}

// wrapMin and wrapMax bound the width of lines that a hard-wrapping editor
// produces; paragraphs stored one per line are usually much longer.
const (
	wrapMin = 40
	wrapMax = 100
)

// joinWrapped returns the units of one block: its lines joined into
// paragraphs where a line was broken by hard wrapping.
func joinWrapped(lines []string) []string {
	if len(lines) < 2 {
		return append([]string(nil), lines...)
	}
	width := blockWidth(lines)
	var out []string
	cur := lines[0]
	for i, next := range lines[1:] {
		if isWrapBreak(lines[i], next, width) {
			cur += " " + next
			continue
		}
		out = append(out, cur)
		cur = next
	}
	return append(out, cur)
}

// blockWidth is the width in runes of the longest line of a block.
func blockWidth(lines []string) int {
	width := 0
	for _, l := range lines {
		width = max(width, utf8.RuneCountInString(l))
	}
	return width
}

// isWrapBreak reports whether line followed by next looks like one paragraph
// broken by hard wrapping: the block is of wrapping width, line fills most of
// it, and next is not a metadata line of its own.
func isWrapBreak(line, next string, width int) bool {
	if width < wrapMin || width > wrapMax {
		return false
	}
	n := utf8.RuneCountInString(line)
	if n < wrapMin || n*4 < width*3 {
		return false
	}
	if isMetaLine(next) || isMetaLine(line) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r) || !endsSentence(line)
}

// collapseSpaces trims a line and folds runs of white space to one space.
func collapseSpaces(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") && strings.IndexFunc(s, isOddSpace) < 0 {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isOddSpace reports white space other than the plain space.
func isOddSpace(r rune) bool {
	return r != ' ' && unicode.IsSpace(r)
}

// countWords counts white-space separated words.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
