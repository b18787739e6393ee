package reader

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/lipgloss"

	"dossier/ui/theme"
)

// Span is where one marked word landed in the rendered lines: a line and
// byte offsets in it.
type Span struct {
	Line, Start, End int
}

// Rendered is an article rendered at one width: its lines, free of the
// mention markers, and where each mention's words are.
type Rendered struct {
	Lines []string
	// Spans[k] holds the words of the article's k-th mention.
	Spans [][]Span
}

// Render renders doc with glamour at width columns in the given glamour
// standard style and locates its mentions; mentions is the number of the
// article's mentions.
func Render(doc Document, mentions, width int, style string) (Rendered, error) {
	r, err := glamour.NewTermRenderer(
		glamour.WithStandardStyle(style),
		glamour.WithWordWrap(max(width, 1)),
		glamour.WithColorProfile(lipgloss.ColorProfile()),
	)
	if err != nil {
		return Rendered{}, err
	}
	out, err := r.Render(doc.Markdown)
	if err != nil {
		return Rendered{}, err
	}
	return locate(out, doc.Owners, mentions), nil
}

// locate splits glamour's output into lines, removes the markers and
// records the span of each marked word under the mention that owns it.
func locate(out string, owners []int, mentions int) Rendered {
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	r := Rendered{Lines: lines, Spans: make([][]Span, mentions)}
	pair := 0
	for i, line := range lines {
		if !strings.ContainsRune(line, markStart) && !strings.ContainsRune(line, markEnd) {
			continue
		}
		var b strings.Builder
		start := -1
		for _, c := range line {
			switch c {
			case markStart:
				start = b.Len()
			case markEnd:
				if start >= 0 && pair < len(owners) && owners[pair] < mentions {
					r.Spans[owners[pair]] = append(r.Spans[owners[pair]], Span{Line: i, Start: start, End: b.Len()})
				}
				pair++
				start = -1
			default:
				b.WriteRune(c)
			}
		}
		lines[i] = b.String()
	}
	return r
}

// FirstLine is the line where mention k starts, or -1 when it is not in
// the rendering.
func (r Rendered) FirstLine(k int) int {
	if k < 0 || k >= len(r.Spans) || len(r.Spans[k]) == 0 {
		return -1
	}
	return r.Spans[k][0].Line
}

// Highlight returns the lines with the given mentions marked by mark and
// the current one (an index in r.Spans, or -1) by current. Lines without a
// highlight are shared with r.
func (r Rendered) Highlight(mentions []int, current int, mark, cur theme.Highlight) []string {
	type cut struct {
		start, end int
		h          theme.Highlight
	}
	byLine := map[int][]cut{}
	for _, k := range mentions {
		if k < 0 || k >= len(r.Spans) {
			continue
		}
		h := mark
		if k == current {
			h = cur
		}
		for _, s := range mergeSpans(r.Spans[k]) {
			byLine[s.Line] = append(byLine[s.Line], cut{s.Start, s.End, h})
		}
	}
	lines := slices.Clone(r.Lines)
	for i, cuts := range byLine {
		slices.SortFunc(cuts, func(a, b cut) int { return b.start - a.start })
		line := lines[i]
		for _, c := range cuts {
			if c.h.On == "" || c.end > len(line) || !utf8.ValidString(line[c.start:c.end]) {
				continue
			}
			line = line[:c.start] + c.h.On + line[c.start:c.end] + c.h.Off + line[c.end:]
		}
		lines[i] = line
	}
	return lines
}

// mergeSpans joins the words of one mention that share a line into one
// span, so that the spaces between them are highlighted too.
func mergeSpans(spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && out[n-1].Line == s.Line && s.Start >= out[n-1].End {
			out[n-1].End = s.End
			continue
		}
		out = append(out, s)
	}
	return out
}
