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

// features lists the features of position i given the tags before it.
func (c *context) features(i int, tags []string) []string {
	w := c.words[i]
	lw := c.lower[i]
	p1, p2 := prevTag(tags, i), "O"
	if i > 1 {
		p2 = tags[i-2]
	}
	f := make([]string, 0, 32)
	f = append(f,
		"b",
		"w="+lw,
		"s="+c.shapes[i],
		"ss="+shortShape(w),
		"p3="+prefix(lw, 3),
		"x2="+suffix(lw, 2),
		"x3="+suffix(lw, 3),
		"x4="+suffix(lw, 4),
		"w-1="+c.at(i-1),
		"w+1="+c.at(i+1),
		"w-2="+c.at(i-2),
		"w+2="+c.at(i+2),
		"s-1="+c.shapeAt(i-1),
		"s+1="+c.shapeAt(i+1),
		"s-1s+1="+c.shapeAt(i-1)+"|"+c.shapeAt(i+1),
		"t-1="+p1,
		"t-2t-1="+p2+"|"+p1,
		"t-1w="+p1+"|"+lw,
		"t-1s="+p1+"|"+c.shapes[i],
		"w-1w="+c.at(i-1)+"|"+lw,
		"ww+1="+lw+"|"+c.at(i+1),
	)
	if i == 0 {
		f = append(f, "first|"+c.shapes[i])
	}
	if c.upper {
		f = append(f, "uc|"+lw, "uc-1|"+c.at(i-1), "uc+1|"+c.at(i+1))
	}
	if strings.ContainsAny(w, "-’'") {
		f = append(f, "hyph")
	}
	return f
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
