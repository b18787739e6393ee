package index

import (
	"encoding/binary"
	"errors"
	"slices"

	"dossier/corpus/article"
	"dossier/corpus/ner"
)

// errBadRecord is the error of a stored record that does not decode.
var errBadRecord = errors.New("malformed article record")

// entityTypes are the tagger's name types, stored by their position.
var entityTypes = []string{"PER", "ORG", "LOC", "MISC"}

// encodeArticle packs everything of an article but its text, and the names
// found in it, into a compact binary record: strings and counts as
// varint-prefixed bytes, each paragraph as its kind and length in the text,
// each name as its offsets into the text and its type. The loader's ID and
// Path are not stored: they depend on where the file is found.
func encodeArticle(a *article.Article, names []ner.Entity) []byte {
	e := encoder{buf: make([]byte, 0, 256)}
	e.str(a.Encoding)
	e.str(a.Title)
	e.str(a.Source)
	e.str(a.Section)
	e.str(a.Date)
	e.strs(a.Byline)
	e.str(a.Dateline)
	e.uint(len(a.Paragraphs))
	for _, p := range a.Paragraphs {
		e.uint(int(p.Kind))
		e.uint(len(p.Text))
	}
	e.uint(len(a.Comments))
	for _, c := range a.Comments {
		e.str(c.Author)
		e.str(c.Date)
		e.str(c.Text)
	}
	e.uint(len(a.Dropped))
	for _, d := range a.Dropped {
		e.str(d.Text)
		e.str(d.Reason)
	}
	e.uint(len(names))
	for _, n := range names {
		e.uint(n.Start)
		e.uint(n.End - n.Start)
		e.entityType(n.Type)
	}
	return e.buf
}

// StoredNames are the names found in an article as its record stores
// them, kept encoded until they are needed: reopening an unchanged corpus
// takes its actors from the stored resolution and never needs them, and
// encoded they take a tenth of the memory.
type StoredNames struct {
	enc  []byte
	text string
}

// Decode returns the names, their text cut from the article's text. The
// encoding was checked when the record was read, so it cannot fail.
func (s StoredNames) Decode() []ner.Entity {
	d := decoder{buf: s.enc}
	names := d.names(s.text)
	if d.err != nil {
		return nil
	}
	return names
}

// decodeArticle unpacks a record made by encodeArticle around the article's
// text, which the paragraphs are cut from without copying, and checks the
// names it stores without decoding them.
func decodeArticle(rec []byte, text string) (*article.Article, StoredNames, error) {
	d := decoder{buf: rec}
	a := &article.Article{Encoding: d.str(), Title: d.str(), Source: d.str(), Section: d.str(), Date: d.str()}
	a.Byline = d.strs()
	a.Dateline = d.str()
	a.Paragraphs = d.paragraphs(text)
	a.Seal()
	if n := d.count(3); n > 0 {
		a.Comments = make([]article.Comment, n)
		for i := range a.Comments {
			a.Comments[i] = article.Comment{Author: d.str(), Date: d.str(), Text: d.str()}
		}
	}
	if n := d.count(2); n > 0 {
		a.Dropped = make([]article.Dropped, n)
		for i := range a.Dropped {
			a.Dropped[i] = article.Dropped{Text: d.str(), Reason: d.str()}
		}
	}
	names := d.storedNames(text)
	if d.err != nil || len(d.buf) != 0 {
		return nil, StoredNames{}, errBadRecord
	}
	return a, names, nil
}

// encoder appends to a record.
type encoder struct{ buf []byte }

// uint appends a non-negative number.
func (e *encoder) uint(n int) { e.buf = binary.AppendUvarint(e.buf, uint64(n)) }

// str appends a string with its length.
func (e *encoder) str(s string) {
	e.uint(len(s))
	e.buf = append(e.buf, s...)
}

// strs appends a list of strings with its length.
func (e *encoder) strs(list []string) {
	e.uint(len(list))
	for _, s := range list {
		e.str(s)
	}
}

// decoder reads a record, keeping the first error and returning zero
// values after it.
type decoder struct {
	buf []byte
	err error
}

// uint reads a number no larger than the record could hold.
func (d *decoder) uint() int {
	if d.err != nil {
		return 0
	}
	n, k := binary.Uvarint(d.buf)
	if k <= 0 || n > 1<<40 {
		d.err = errBadRecord
		return 0
	}
	d.buf = d.buf[k:]
	return int(n)
}

// count reads the length of a list whose items take at least min bytes
// each, rejecting lengths the rest of the record cannot hold.
func (d *decoder) count(min int) int {
	n := d.uint()
	if n*min > len(d.buf) {
		d.err = errBadRecord
		return 0
	}
	return n
}

// str reads a string.
func (d *decoder) str() string {
	n := d.uint()
	if n > len(d.buf) {
		d.err = errBadRecord
		return ""
	}
	s := string(d.buf[:n])
	d.buf = d.buf[n:]
	return s
}

// strs reads a list of strings; an empty list is nil.
func (d *decoder) strs() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// paragraphs reads the paragraph layout and cuts each paragraph from text,
// where they are separated by a blank line.
func (d *decoder) paragraphs(text string) []article.Paragraph {
	n := d.count(2)
	if n == 0 {
		return nil
	}
	out := make([]article.Paragraph, n)
	at := 0
	for i := range out {
		kind, size := article.Kind(d.uint()), d.uint()
		if i > 0 {
			at += len("\n\n")
		}
		if at+size > len(text) {
			d.err = errBadRecord
			return nil
		}
		out[i] = article.Paragraph{Kind: kind, Text: text[at : at+size]}
		at += size
	}
	if at != len(text) {
		d.err = errBadRecord
	}
	return out
}

// names reads the names and cuts their text from the article's text.
func (d *decoder) names(text string) []ner.Entity {
	var out []ner.Entity
	grow := func(n int) { out = slices.Grow(out, n) }
	d.eachName(text, grow, func(e ner.Entity) { out = append(out, e) })
	if d.err != nil {
		return nil
	}
	return out
}

// storedNames checks the names that follow, without keeping them, and
// returns a copy of their encoding.
func (d *decoder) storedNames(text string) StoredNames {
	from := d.buf
	d.eachName(text, func(int) {}, func(ner.Entity) {})
	if d.err != nil {
		return StoredNames{}
	}
	return StoredNames{enc: slices.Clone(from[:len(from)-len(d.buf)]), text: text}
}

// eachName reads the names that follow, calling count with their number
// and then fn with each one, its text cut from the article's text.
func (d *decoder) eachName(text string, count func(n int), fn func(ner.Entity)) {
	n := d.count(3)
	count(n)
	for range n {
		start, size, ty := d.uint(), d.uint(), d.entityType()
		if start+size > len(text) {
			d.err = errBadRecord
			return
		}
		fn(ner.Entity{Start: start, End: start + size, Text: text[start : start+size], Type: ty})
	}
}

// entityType appends a name type: its position among entityTypes, or
// their count followed by the type itself.
func (e *encoder) entityType(ty string) {
	i := slices.Index(entityTypes, ty)
	if i < 0 {
		e.uint(len(entityTypes))
		e.str(ty)
		return
	}
	e.uint(i)
}

// entityType reads a name type, sharing the common ones.
func (d *decoder) entityType() string {
	i := d.uint()
	if i < len(entityTypes) {
		return entityTypes[i]
	}
	return d.str()
}
