package reader

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"dossier/corpus/actors"
	"dossier/corpus/article"
	"dossier/corpus/textdecode"
	"dossier/ui/display"
)

// Document is an article as Markdown in parts rendered one after the
// other: the title, the metadata line, the body, and the reader comments.
// All but the title are wrapped here, at the width they are made for, and
// rendered by glamour without wrapping: glamour's own wrappers measure
// styled text differently and strand single words on lines of their own.
// Words lists the words of the body's mentions in reading order; they are
// found again in the rendered body, so the Markdown carries no markers.
type Document struct {
	Title, Meta, Body, Comments string
	Words                       []Word
}

// Word is one word of a mention, as it reads once rendered, and the index
// of its mention among the article's mentions.
type Word struct {
	Owner int
	Text  string
}

// BuildDocument writes article a as Markdown: the title as a heading, a
// metadata line, the body with subheadings as headings and captions as
// quotes, then the reader comments, listed when showComments is true and
// otherwise folded into a line that names expandKey. Every string from the
// article is stripped of control characters and has its Markdown syntax
// escaped, so it renders literally.
func BuildDocument(a *article.Article, mentions []actors.Mention, showComments bool, expandKey string, width int) Document {
	doc := Document{Title: "# " + escapeLine(a.Title, "(untitled)") + "\n"}
	if meta := metadata(a); meta != "" {
		doc.Meta = wrapStyled(meta, textWidth(width, 0), "*") + "\n"
	}
	body, comments := docBuilder{width: width}, docBuilder{width: width}
	body.body(a.Paragraphs, mentions)
	comments.comments(a.Comments, showComments, expandKey)
	doc.Body, doc.Comments, doc.Words = body.String(), comments.String(), body.words
	return doc
}

// docBuilder accumulates Markdown and the words of its mentions.
type docBuilder struct {
	strings.Builder
	words []Word
	width int // the width the document is rendered at
}

// Indents of the rendered text: glamour's document margins, and the bar
// of a quote inside them.
const (
	marginIndent = 4
	quoteIndent  = 3
)

// textWidth is the width text can take inside the document's margins and
// indent more columns.
func textWidth(width, indent int) int {
	return max(width-marginIndent-indent, 1)
}

// wrapEscaped wraps plain text at width columns itself, escapes each line
// and joins them with Markdown hard breaks. glamour wraps text again with
// two wrappers that measure styled text differently, which strands single
// words on lines of their own; text that already fits is left alone.
func wrapEscaped(s string, width int) string {
	return wrapStyled(s, width, "")
}

// wrapStyled is wrapEscaped with every line set in emphasis (mark "*" or
// "**"), so that each line is a span of its own; in the plain style the
// marks are printed, so they count in the width.
func wrapStyled(s string, width int, mark string) string {
	lines := wrapWords(strings.Fields(textdecode.StripControls(s)), max(width-2*len(mark), 1))
	for i, l := range lines {
		lines[i] = mark + escape(l) + mark
	}
	return strings.Join(lines, "  \n")
}

// wrapWords fills lines of at most width columns with words, greedily; a
// word wider than that has a line of its own.
func wrapWords(words []string, width int) []string {
	var lines []string
	var line strings.Builder
	used := 0
	for _, w := range words {
		ww := ansi.StringWidth(w)
		if used > 0 && used+1+ww > width {
			lines = append(lines, line.String())
			line.Reset()
			used = 0
		}
		if used > 0 {
			line.WriteByte(' ')
			used++
		}
		line.WriteString(w)
		used += ww
	}
	if used > 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// metadata joins the known source, section, date, byline and dateline,
// as plain text.
func metadata(a *article.Article) string {
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(textdecode.StripControls(s)); s != "" {
			parts = append(parts, s)
		}
	}
	add(a.Source)
	add(a.Section)
	add(a.Date)
	if len(a.Byline) > 0 {
		add("By " + strings.Join(a.Byline, ", "))
	}
	add(a.Dateline)
	return strings.Join(parts, " · ")
}

// body writes the paragraphs, listing the words of each mention. Mention
// offsets count in the article's Text, where paragraphs are separated by
// a blank line.
func (b *docBuilder) body(paragraphs []article.Paragraph, mentions []actors.Mention) {
	offset, next := 0, 0
	for _, p := range paragraphs {
		end := offset + len(p.Text)
		for next < len(mentions) && mentions[next].Start < offset {
			next++
		}
		first := next
		for next < len(mentions) && mentions[next].End <= end {
			next++
		}
		indent := 0
		if p.Kind == article.Caption {
			indent = quoteIndent
		}
		line := b.paragraph(p.Text, offset, first, mentions[first:next], textWidth(b.width, indent))
		offset = end + len("\n\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		switch p.Kind {
		case article.Subheading:
			b.WriteString("## " + strings.ReplaceAll(line, "  \n", "\n\n## ") + "\n\n")
		case article.Caption:
			b.WriteString("> " + line + "\n\n")
		default:
			b.WriteString(line + "\n\n")
		}
	}
}

// paragraph wraps and escapes one paragraph that starts at offset in the
// article's text and lists the words of its mentions; first is the index
// of the first of them.
func (b *docBuilder) paragraph(text string, offset, first int, mentions []actors.Mention, width int) string {
	at := 0
	for k, m := range mentions {
		start := m.Start - offset
		if start < at {
			continue
		}
		for _, word := range strings.Fields(textdecode.StripControls(text[start : m.End-offset])) {
			b.words = append(b.words, Word{Owner: first + k, Text: word})
		}
		at = m.End - offset
	}
	return wrapEscaped(text, width)
}

// comments writes the reader comments section, if there are comments.
func (b *docBuilder) comments(comments []article.Comment, show bool, expandKey string) {
	if len(comments) == 0 {
		return
	}
	b.WriteString(fmt.Sprintf("---\n\n## Reader comments (%d)\n\n", len(comments)))
	if !show {
		them := map[bool]string{true: "it", false: "them"}[len(comments) == 1]
		note := fmt.Sprintf("%s folded — press %s to show %s.", display.Count(len(comments), "comment", "comments"), expandKey, them)
		b.WriteString(wrapStyled(note, textWidth(b.width, 0), "*") + "\n\n")
		return
	}
	for _, c := range comments {
		head := strings.TrimSpace(c.Author)
		if head == "" {
			head = "Anonymous"
		}
		if date := strings.TrimSpace(c.Date); date != "" {
			head += " · " + date
		}
		b.WriteString(wrapStyled(head, textWidth(b.width, 0), "**") + "\n\n")
		for _, para := range strings.Split(c.Text, "\n") {
			if line := wrapEscaped(para, textWidth(b.width, quoteIndent)); line != "" {
				b.WriteString("> " + line + "\n>\n")
			}
		}
		b.WriteString("\n")
	}
}

// escapeLine escapes s as one line of Markdown, falling back when empty.
func escapeLine(s, fallback string) string {
	if s = strings.TrimSpace(escape(s)); s == "" {
		return fallback
	}
	return s
}

// escape makes text literal Markdown: control characters are removed, line breaks and tabs become spaces, the characters
// of Markdown syntax are backslash-escaped (those glamour unescapes), and
// "&" and "~", which glamour cannot unescape, become entities that it
// decodes. So "#", "*", "_", "[x](y)", "<html>" and the like render as
// written.
func escape(s string) string {
	s = textdecode.StripControls(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case r == '&':
			b.WriteString("&amp;")
		case r == '~':
			b.WriteString("&#126;")
		case strings.ContainsRune(markdownSyntax, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// markdownSyntax is the characters escaped with a backslash: those that
// glamour turns back into themselves.
const markdownSyntax = "\\`*_{}[]<>()#+-.!|"
