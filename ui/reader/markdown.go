package reader

import (
	"fmt"
	"strings"

	"dossier/corpus/actors"
	"dossier/corpus/article"
	"dossier/corpus/textdecode"
)

// The markers wrapped around each word of a mention in the Markdown given
// to glamour. Both are zero-width for glamour's wrapping and are not
// spaces, so a marked word wraps exactly as it would unmarked; they are
// removed from the rendered lines, leaving the positions of the mentions.
const (
	markStart = '\u200b'
	markEnd   = '\ufeff'
)

// Document is an article as Markdown, with the mention each marked word
// belongs to.
type Document struct {
	Markdown string
	// Owners[p] is the index, in the article's mentions, of the p-th
	// marked word.
	Owners []int
}

// BuildDocument writes article a as Markdown: the title as a heading, a
// metadata line, the body with subheadings as headings and captions as
// quotes, then the reader comments, listed when showComments is true and
// otherwise folded into a line that names expandKey. Every string from the
// article is stripped of control characters and has its Markdown syntax
// escaped, so it renders literally.
func BuildDocument(a *article.Article, mentions []actors.Mention, showComments bool, expandKey string) Document {
	var b docBuilder
	b.WriteString("# " + escapeLine(a.Title, "(untitled)") + "\n\n")
	if meta := metadata(a); meta != "" {
		b.WriteString("*" + meta + "*\n\n")
	}
	b.body(a.Paragraphs, mentions)
	b.comments(a.Comments, showComments, expandKey)
	return Document{Markdown: b.String(), Owners: b.owners}
}

// docBuilder accumulates Markdown and the owners of its marked words.
type docBuilder struct {
	strings.Builder
	owners []int
}

// metadata joins the known source, section, date, byline and dateline.
func metadata(a *article.Article) string {
	var parts []string
	add := func(s string) {
		if s = escapeLine(s, ""); s != "" {
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

// body writes the paragraphs, marking the words of each mention. Mention
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
		line := b.paragraph(p.Text, offset, first, mentions[first:next])
		offset = end + len("\n\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		switch p.Kind {
		case article.Subheading:
			b.WriteString("## " + line + "\n\n")
		case article.Caption:
			b.WriteString("> " + line + "\n\n")
		default:
			b.WriteString(line + "\n\n")
		}
	}
}

// paragraph escapes one paragraph that starts at offset in the article's
// text, marking its mentions; first is the index of the first of them.
func (b *docBuilder) paragraph(text string, offset, first int, mentions []actors.Mention) string {
	var out strings.Builder
	at := 0
	for k, m := range mentions {
		start, end := m.Start-offset, m.End-offset
		if start < at {
			continue
		}
		out.WriteString(escape(text[at:start]))
		for i, word := range strings.Fields(escape(text[start:end])) {
			if i > 0 {
				out.WriteByte(' ')
			}
			out.WriteString(string(markStart) + word + string(markEnd))
			b.owners = append(b.owners, first+k)
		}
		at = end
	}
	out.WriteString(escape(text[at:]))
	return strings.TrimLeft(out.String(), " ")
}

// comments writes the reader comments section, if there are comments.
func (b *docBuilder) comments(comments []article.Comment, show bool, expandKey string) {
	if len(comments) == 0 {
		return
	}
	b.WriteString(fmt.Sprintf("---\n\n## Reader comments (%d)\n\n", len(comments)))
	if !show {
		them := map[bool]string{true: "it", false: "them"}[len(comments) == 1]
		b.WriteString(fmt.Sprintf("*%s folded — press %s to show %s.*\n\n", plural(len(comments), "comment", "comments"), escapeLine(expandKey, ""), them))
		return
	}
	for _, c := range comments {
		head := escapeLine(c.Author, "Anonymous")
		if date := escapeLine(c.Date, ""); date != "" {
			head += " · " + date
		}
		b.WriteString("**" + head + "**\n\n")
		for _, para := range strings.Split(c.Text, "\n") {
			if line := escapeLine(para, ""); line != "" {
				b.WriteString("> " + line + "\n>\n")
			}
		}
		b.WriteString("\n")
	}
}

// plural gives "1 comment" or "3 comments".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// escapeLine escapes s as one line of Markdown, falling back when empty.
func escapeLine(s, fallback string) string {
	if s = strings.TrimSpace(escape(s)); s == "" {
		return fallback
	}
	return s
}

// escape makes text literal Markdown: control characters and the mention
// markers are removed, line breaks and tabs become spaces, the characters
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
		case r == markStart || r == markEnd:
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
