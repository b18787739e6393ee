package reader

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

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
	// BodyStart and BodyLines are the range of Lines that holds the body.
	BodyStart, BodyLines int
}

// Render renders doc with glamour at width columns in the given glamour
// standard style and locates its mentions; mentions is the number of the
// article's mentions. The parts are rendered apart and stacked, so that
// mentions are looked for in the body only; only the title is wrapped by
// glamour, the rest comes wrapped.
func Render(doc Document, mentions, width int, style string) (Rendered, error) {
	wrapping, err := newRenderer(style, max(width, 1))
	if err != nil {
		return Rendered{}, err
	}
	flowing, err := newRenderer(style, 0)
	if err != nil {
		return Rendered{}, err
	}
	var parts [4][]string
	for i, md := range []string{doc.Title, doc.Meta, doc.Body, doc.Comments} {
		r := flowing
		if i == 0 {
			r = wrapping
		}
		if parts[i], err = renderPart(r, md); err != nil {
			return Rendered{}, err
		}
	}
	lines, bodyStart := []string{""}, 0
	for i, part := range parts {
		if len(part) == 0 {
			continue
		}
		if i > 0 && len(lines) > 1 {
			lines = append(lines, "")
		}
		if i == 2 {
			bodyStart = len(lines)
		}
		lines = append(lines, part...)
	}
	return Rendered{Lines: lines, Spans: locate(lines, bodyStart, len(parts[2]), doc.Words, mentions),
		BodyStart: bodyStart, BodyLines: len(parts[2])}, nil
}

// newRenderer makes a glamour renderer for a style that wraps at width, or
// not at all when width is 0.
func newRenderer(style string, width int) (*glamour.TermRenderer, error) {
	return glamour.NewTermRenderer(
		glamour.WithStandardStyle(style),
		glamour.WithWordWrap(width),
		glamour.WithColorProfile(lipgloss.ColorProfile()),
	)
}

// renderPart renders one part of a document and returns its lines without
// the blank lines glamour puts around a document.
func renderPart(r *glamour.TermRenderer, md string) ([]string, error) {
	if strings.TrimSpace(md) == "" {
		return nil, nil
	}
	out, err := r.Render(md)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(out, "\n")
	for len(lines) > 0 && isBlank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && isBlank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return lines, nil
}

// isBlank reports a rendered line with nothing visible on it.
func isBlank(line string) bool {
	return strings.TrimSpace(ansi.Strip(line)) == ""
}

// locate finds the mentions' words, in reading order, in the body's lines
// (count lines from first) and returns, for each mention, the spans of its
// words. A word glamour split at a hyphen across two lines is found in
// its pieces; a word not found is skipped without losing the place.
func locate(lines []string, first, count int, words []Word, mentions int) [][]Span {
	spans := make([][]Span, mentions)
	body := newPlainText(lines[first : first+count])
	at := 0
	for _, w := range words {
		found, next := body.find(w.Text, at)
		if len(found) == 0 || w.Owner < 0 || w.Owner >= mentions {
			continue
		}
		for _, f := range found {
			f.Line += first
			spans[w.Owner] = append(spans[w.Owner], f)
		}
		at = next
	}
	return spans
}

// plainText is rendered lines with their escape sequences taken out, as
// one string to search, and the way back to lines and byte offsets.
type plainText struct {
	text string
	line []int // line of each byte of text
	raw  []int // offset in its line of each byte of text
}

// newPlainText strips the lines' escape sequences, joining them with
// newlines.
func newPlainText(lines []string) plainText {
	var p plainText
	var b strings.Builder
	for i, line := range lines {
		for j := 0; j < len(line); {
			if n := escapeLength(line[j:]); n > 0 {
				j += n
				continue
			}
			b.WriteByte(line[j])
			p.line, p.raw = append(p.line, i), append(p.raw, j)
			j++
		}
		b.WriteByte('\n')
		p.line, p.raw = append(p.line, i), append(p.raw, len(line))
	}
	p.text = b.String()
	return p
}

// escapeLength is the length of the escape sequence starting s, or 0:
// a CSI sequence up to its final byte, an OSC string up to BEL or ST, or
// ESC and one character.
func escapeLength(s string) int {
	if len(s) < 2 || s[0] != 0x1b {
		return 0
	}
	switch s[1] {
	case '[':
		for i := 2; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	case ']':
		for i := 2; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	}
	return 2
}

// find looks for word from byte at and returns the spans it covers and
// where the search should go on.
func (p plainText) find(word string, at int) ([]Span, int) {
	pieces := p.index(word, at)
	if pieces == nil {
		return nil, at
	}
	return p.spans(pieces), pieces[len(pieces)-1][1]
}

// findWhole is find for a whole word: an occurrence inside a longer word
// (such as "co" in "could") is passed over.
func (p plainText) findWhole(word string, at int) ([]Span, int) {
	for from := at; from < len(p.text); {
		pieces := p.index(word, from)
		if pieces == nil {
			break
		}
		start, end := pieces[0][0], pieces[len(pieces)-1][1]
		if !wordRuneBefore(p.text, start) && !wordRuneAfter(p.text, end) {
			return p.spans(pieces), end
		}
		from = start + 1
	}
	return nil, at
}

// index looks for word from byte at and returns the byte ranges of the
// text it covers: one, or one per piece of a word split at a hyphen
// across lines; nil when it is not found.
func (p plainText) index(word string, at int) [][2]int {
	if i := strings.Index(p.text[at:], word); i >= 0 {
		return [][2]int{{at + i, at + i + len(word)}}
	}
	head, tail, ok := strings.Cut(word, "-")
	if !ok || head == "" || tail == "" {
		return nil
	}
	first := p.index(head+"-", at)
	if first == nil {
		return nil
	}
	next := first[len(first)-1][1]
	if !strings.HasPrefix(strings.TrimLeft(p.text[next:], " \n"), tail) {
		return nil
	}
	rest := p.index(tail, next)
	if rest == nil {
		return nil
	}
	return append(first, rest...)
}

// wordRuneBefore reports whether a letter or digit ends s[:i].
func wordRuneBefore(s string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(s[:i])
	return n > 0 && isWordRune(r)
}

// wordRuneAfter reports whether a letter or digit starts s[i:].
func wordRuneAfter(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	return n > 0 && isWordRune(r)
}

// isWordRune reports whether r is part of a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// spans turns byte ranges of the plain text into spans, one per line
// each range touches.
func (p plainText) spans(ranges [][2]int) []Span {
	var out []Span
	for _, r := range ranges {
		out = append(out, p.lineSpans(r[0], r[1])...)
	}
	return out
}

// lineSpans turns a range of the plain text into one span per line.
func (p plainText) lineSpans(start, end int) []Span {
	var out []Span
	for i := start; i < end; i++ {
		if p.text[i] == '\n' {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Line == p.line[i] {
			out[n-1].End = p.raw[i] + 1
			continue
		}
		out = append(out, Span{Line: p.line[i], Start: p.raw[i], End: p.raw[i] + 1})
	}
	return out
}

// Find locates phrases in the body, each a list of words as they read,
// in reading order, and returns the spans of each phrase's words: nil for
// a phrase whose first word is not found. Words are matched whole, and a
// word split at a hyphen across lines is found in its pieces; a word not
// found is skipped without losing the place.
func (r Rendered) Find(phrases [][]string) [][]Span {
	out := make([][]Span, len(phrases))
	if r.BodyLines == 0 || r.BodyStart+r.BodyLines > len(r.Lines) {
		return out
	}
	body := newPlainText(r.Lines[r.BodyStart : r.BodyStart+r.BodyLines])
	at := 0
	for k, words := range phrases {
		for i, w := range words {
			found, next := body.findWhole(w, at)
			if len(found) == 0 && i == 0 {
				break
			}
			for _, f := range found {
				f.Line += r.BodyStart
				out[k] = append(out[k], f)
			}
			at = next
		}
	}
	return out
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
	return paint(r.Lines, r.Spans, mentions, current, mark, cur)
}

// HighlightFound returns the lines with every phrase of found (as Find
// returns them) marked by mark and the current one (an index in found, or
// -1) by current. Lines without a highlight are shared with r.
func (r Rendered) HighlightFound(found [][]Span, current int, mark, cur theme.Highlight) []string {
	all := make([]int, len(found))
	for i := range all {
		all[i] = i
	}
	return paint(r.Lines, found, all, current, mark, cur)
}

// paint returns lines with the spans of the marked groups (indexes in
// spans) set in mark, and the current group's in cur.
func paint(lines []string, spans [][]Span, marked []int, current int, mark, cur theme.Highlight) []string {
	type cut struct {
		start, end int
		h          theme.Highlight
	}
	byLine := map[int][]cut{}
	for _, k := range marked {
		if k < 0 || k >= len(spans) {
			continue
		}
		h := mark
		if k == current {
			h = cur
		}
		for _, s := range mergeSpans(spans[k]) {
			byLine[s.Line] = append(byLine[s.Line], cut{s.Start, s.End, h})
		}
	}
	lines = slices.Clone(lines)
	for i, cuts := range byLine {
		slices.SortFunc(cuts, func(a, b cut) int { return b.start - a.start })
		line := lines[i]
		for _, c := range cuts {
			if c.h.On == "" || c.end > len(line) || !utf8.ValidString(line[c.start:c.end]) {
				continue
			}
			line = line[:c.start] + c.h.On + reassert(line[c.start:c.end], c.h.On) + c.h.Off + line[c.end:]
		}
		lines[i] = line
	}
	return lines
}

// reassert turns a highlight on again after every escape sequence in s,
// since glamour may reset the styles between two words of one highlight.
func reassert(s, on string) string {
	if !strings.Contains(s, "\x1b") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if n := escapeLength(s[i:]); n > 0 {
			b.WriteString(s[i:i+n] + on)
			i += n
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
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
