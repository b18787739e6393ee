// Package article turns the decoded text of one scraped news file into a
// structured Article: title, outlet, section, date, byline, dateline, body
// paragraphs, reader comments, and the boilerplate lines it dropped.
//
// The rules are structural (a line's position, its shape, and families of
// boilerplate common across outlets), never the strings of particular files.
package article

import (
	"strings"
	"unsafe"
)

// Kind says what role a body paragraph plays, so that readers can set
// subheadings and photo captions apart from running text.
type Kind int

// The paragraph kinds.
const (
	Body Kind = iota
	Subheading
	Caption
)

// String names the kind for tests and debugging.
func (k Kind) String() string {
	switch k {
	case Subheading:
		return "subheading"
	case Caption:
		return "caption"
	default:
		return "body"
	}
}

// Paragraph is one block of the article body.
type Paragraph struct {
	Kind Kind
	Text string
}

// Comment is one reader comment found after the article. Author and Date are
// empty when the page does not give them; Date is ISO 8601 when known.
type Comment struct {
	Author string
	Date   string
	Text   string
}

// Dropped is a line the parser removed from the article text, with the reason,
// kept so that nothing is silently lost.
type Dropped struct {
	Text   string
	Reason string
}

// Article is one parsed news file.
type Article struct {
	// ID is unique in a corpus: the file name without its extension, with a
	// numeric suffix on a clash. Set by the loader.
	ID string
	// Path is the file's path as it was found. Set by the loader.
	Path string
	// Encoding names the character encoding the file was decoded from.
	// Set by the loader.
	Encoding string

	Title    string
	Source   string
	Section  string
	Date     string // ISO 8601: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD; "" when unknown
	Byline   []string
	Dateline string

	Paragraphs []Paragraph
	Comments   []Comment
	Dropped    []Dropped

	text string // the paragraphs joined, once Seal has made them share it
}

// Seal joins the paragraphs once and makes each one a slice of that text,
// so that Text returns it without copying and the article holds its body
// once. It also copies the other fields into one block of their own, so
// that an article parsed from a file's text no longer keeps that whole
// text alive through them. Parse seals what it returns; a reader of
// stored articles calls it when an article is complete.
func (a *Article) Seal() {
	a.packFields()
	a.text = ""
	text := a.Text()
	at := 0
	for i := range a.Paragraphs {
		n := len(a.Paragraphs[i].Text)
		a.Paragraphs[i].Text = text[at : at+n]
		at += n + len(paragraphBreak)
	}
	a.text = text
}

// packFields copies every string of the article but the paragraphs into
// one new block and points the fields at their copies.
func (a *Article) packFields() {
	fields := a.otherFields()
	size := 0
	for _, f := range fields {
		size += len(*f)
	}
	var b strings.Builder
	b.Grow(size)
	for _, f := range fields {
		b.WriteString(*f)
	}
	block, at := b.String(), 0
	for _, f := range fields {
		n := len(*f)
		*f = block[at : at+n]
		at += n
	}
}

// otherFields points at every string field of the article outside its
// paragraphs.
func (a *Article) otherFields() []*string {
	fields := []*string{&a.ID, &a.Path, &a.Encoding, &a.Title, &a.Source, &a.Section, &a.Date, &a.Dateline}
	for i := range a.Byline {
		fields = append(fields, &a.Byline[i])
	}
	for i := range a.Comments {
		c := &a.Comments[i]
		fields = append(fields, &c.Author, &c.Date, &c.Text)
	}
	for i := range a.Dropped {
		fields = append(fields, &a.Dropped[i].Text, &a.Dropped[i].Reason)
	}
	return fields
}

// paragraphBreak separates paragraphs in Text.
const paragraphBreak = "\n\n"

// Text is the cleaned body: the paragraphs separated by a blank line.
func (a *Article) Text() string {
	if a.sealedText() {
		return a.text
	}
	parts := make([]string, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		parts[i] = p.Text
	}
	return strings.Join(parts, paragraphBreak)
}

// sealedText reports whether the text Seal joined still is the paragraphs
// joined: each paragraph is the slice of it where Seal put it (compared by
// address and length, without reading), and nothing is left over. A
// caller that changed the paragraphs after Seal gets them joined anew.
func (a *Article) sealedText() bool {
	if a.text == "" {
		return false
	}
	at := 0
	for i, p := range a.Paragraphs {
		if i > 0 {
			at += len(paragraphBreak)
		}
		if at+len(p.Text) > len(a.text) || (p.Text != "" && unsafe.StringData(p.Text) != unsafe.StringData(a.text[at:])) {
			return false
		}
		at += len(p.Text)
	}
	return at == len(a.text)
}
