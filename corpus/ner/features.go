package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// context holds the per-word values that features are built from, computed
// once per sentence.
type context struct {
	lower  []string
	shapes []string
	words  []string
	upper  bool // the sentence is in capitals, as headlines often are
}

// newContext prepares a sentence for feature extraction.
func newContext(words []string) *context {
	c := &context{words: words, lower: make([]string, len(words)), shapes: make([]string, len(words))}
	lowerLetters := 0
	for i, w := range words {
		c.lower[i] = strings.ToLower(w)
		c.shapes[i] = shape(w)
		if strings.ContainsFunc(w, unicode.IsLower) {
			lowerLetters++
		}
	}
	c.upper = len(words) > 2 && lowerLetters*4 < len(words)
	return c
}

// at returns the lower-cased word at i, or a boundary marker.
func (c *context) at(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(c.words):
		return "</s>"
	}
	return c.lower[i]
}

// shapeAt returns the shape of the word at i, or a boundary marker.
func (c *context) shapeAt(i int) string {
	if i < 0 || i >= len(c.words) {
		return "_"
	}
	return c.shapes[i]
}

// Feature templates: each feature is a template number hashed with the
// strings it combines, so no feature string is ever built.
const (
	fBias = iota
	fWord
	fShape
	fShortShape
	fPrefix3
	fSuffix2
	fSuffix3
	fSuffix4
	fPrevWord
	fNextWord
	fPrev2Word
	fNext2Word
	fPrevShape
	fNextShape
	fAroundShapes
	fPrevTag
	fPrevTags
	fPrevTagWord
	fPrevTagShape
	fPrevWordWord
	fWordNextWord
	fFirstShape
	fHyphen
	fUpperWord
	fUpperPrev
	fUpperNext
)

// features appends to buf the hashed features of position i given the tags
// before it, and returns buf.
func (c *context) features(buf []uint64, i int, tags []string) []uint64 {
	w, lw, sh := c.words[i], c.lower[i], c.shapes[i]
	p1, p2 := prevTag(tags, i), "O"
	if i > 1 {
		p2 = tags[i-2]
	}
	buf = append(buf[:0],
		hash(fBias),
		hash(fWord, lw),
		hash(fShape, sh),
		hash(fShortShape, shortShape(w)),
		hash(fPrefix3, prefix(lw, 3)),
		hash(fSuffix2, suffix(lw, 2)),
		hash(fSuffix3, suffix(lw, 3)),
		hash(fSuffix4, suffix(lw, 4)),
		hash(fPrevWord, c.at(i-1)),
		hash(fNextWord, c.at(i+1)),
		hash(fPrev2Word, c.at(i-2)),
		hash(fNext2Word, c.at(i+2)),
		hash(fPrevShape, c.shapeAt(i-1)),
		hash(fNextShape, c.shapeAt(i+1)),
		hash(fAroundShapes, c.shapeAt(i-1), c.shapeAt(i+1)),
		hash(fPrevTag, p1),
		hash(fPrevTags, p2, p1),
		hash(fPrevTagWord, p1, lw),
		hash(fPrevTagShape, p1, sh),
		hash(fPrevWordWord, c.at(i-1), lw),
		hash(fWordNextWord, lw, c.at(i+1)),
	)
	if i == 0 {
		buf = append(buf, hash(fFirstShape, sh))
	}
	if strings.ContainsAny(w, "-’'") {
		buf = append(buf, hash(fHyphen))
	}
	if c.upper {
		buf = append(buf, hash(fUpperWord, lw), hash(fUpperPrev, c.at(i-1)), hash(fUpperNext, c.at(i+1)))
	}
	return buf
}

// FNV-1a constants.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hash combines a template number and strings into one 64-bit feature key.
func hash(template byte, parts ...string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(template)) * fnvPrime
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h = (h ^ uint64(p[i])) * fnvPrime
		}
		h = (h ^ 0xff) * fnvPrime
	}
	return h
}

// shape maps a word to its pattern of character classes, runs of more than
// two folded: "Ki-moon" → "Xx-xx", "1996" → "dd", "EU" → "XX".
func shape(w string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range w {
		c := classOf(r)
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			last, run = c, 1
		}
		b.WriteRune(c)
	}
	return b.String()
}

// shortShape maps a word to its character classes with every run folded.
func shortShape(w string) string {
	var b strings.Builder
	var last rune
	for _, r := range w {
		if c := classOf(r); c != last {
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

// classOf is a rune's class for shapes: X upper, x lower, d digit, or the
// rune itself for punctuation.
func classOf(r rune) rune {
	switch {
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLower(r) || unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return r
}

// prefix returns the first n runes of s.
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// suffix returns the last n runes of s.
func suffix(s string, n int) string {
	i := len(s)
	for n > 0 && i > 0 {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		n--
	}
	return s[i:]
}
