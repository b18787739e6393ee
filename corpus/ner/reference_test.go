package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file keeps the straightforward feature extraction and tagger the
// optimised ones replaced: every feature is built from strings and hashed
// part by part. Tests check the fast path gives the same keys and tags.

// refContext holds the per-word strings that reference features use.
type refContext struct {
	lower  []string
	shapes []string
	words  []string
	upper  bool
}

// newRefContext prepares a sentence for reference feature extraction.
func newRefContext(words []string) *refContext {
	c := &refContext{words: words, lower: make([]string, len(words)), shapes: make([]string, len(words))}
	lowerLetters := 0
	for i, w := range words {
		c.lower[i] = strings.ToLower(w)
		c.shapes[i] = refShape(w)
		if strings.ContainsFunc(w, unicode.IsLower) {
			lowerLetters++
		}
	}
	c.upper = len(words) > 2 && lowerLetters*4 < len(words)
	return c
}

// at returns the lower-cased word at i, or a boundary marker.
func (c *refContext) at(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(c.words):
		return "</s>"
	}
	return c.lower[i]
}

// shapeAt returns the shape of the word at i, or a boundary marker.
func (c *refContext) shapeAt(i int) string {
	if i < 0 || i >= len(c.words) {
		return "_"
	}
	return c.shapes[i]
}

// features returns the hashed features of position i given the tags
// before it.
func (c *refContext) features(i int, tags []string) []uint64 {
	w, lw, sh := c.words[i], c.lower[i], c.shapes[i]
	p1, p2 := refPrevTag(tags, i), "O"
	if i > 1 {
		p2 = tags[i-2]
	}
	buf := []uint64{
		refHash(fBias),
		refHash(fWord, lw),
		refHash(fShape, sh),
		refHash(fShortShape, refShortShape(w)),
		refHash(fPrefix3, refPrefix(lw, 3)),
		refHash(fSuffix2, refSuffix(lw, 2)),
		refHash(fSuffix3, refSuffix(lw, 3)),
		refHash(fSuffix4, refSuffix(lw, 4)),
		refHash(fPrevWord, c.at(i-1)),
		refHash(fNextWord, c.at(i+1)),
		refHash(fPrev2Word, c.at(i-2)),
		refHash(fNext2Word, c.at(i+2)),
		refHash(fPrevShape, c.shapeAt(i-1)),
		refHash(fNextShape, c.shapeAt(i+1)),
		refHash(fAroundShapes, c.shapeAt(i-1), c.shapeAt(i+1)),
		refHash(fPrevTag, p1),
		refHash(fPrevTags, p2, p1),
		refHash(fPrevTagWord, p1, lw),
		refHash(fPrevTagShape, p1, sh),
		refHash(fPrevWordWord, c.at(i-1), lw),
		refHash(fWordNextWord, lw, c.at(i+1)),
	}
	if i == 0 {
		buf = append(buf, refHash(fFirstShape, sh))
	}
	if strings.ContainsAny(w, "-’'") {
		buf = append(buf, refHash(fHyphen))
	}
	if c.upper {
		buf = append(buf, refHash(fUpperWord, lw), refHash(fUpperPrev, c.at(i-1)), refHash(fUpperNext, c.at(i+1)))
	}
	return buf
}

// refHash combines a template number and strings into one feature key
// with FNV-1a, ending each string with 0xff.
func refHash(template byte, parts ...string) uint64 {
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

// refShape maps a word to its character classes, runs of more than two
// folded.
func refShape(w string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range w {
		c := refClassOf(r)
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

// refShortShape maps a word to its character classes with every run folded.
func refShortShape(w string) string {
	var b strings.Builder
	var last rune
	for _, r := range w {
		if c := refClassOf(r); c != last {
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

// refClassOf is a rune's class for shapes.
func refClassOf(r rune) rune {
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

// refPrefix returns the first n runes of s.
func refPrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// refSuffix returns the last n runes of s.
func refSuffix(s string, n int) string {
	i := len(s)
	for n > 0 && i > 0 {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		n--
	}
	return s[i:]
}

// refPrevTag is the tag before position i, "O" at the start.
func refPrevTag(tags []string, i int) string {
	if i == 0 {
		return "O"
	}
	return tags[i-1]
}

// refTag tags words the way the tagger did before it was optimised: a map
// lookup per feature and the BIO rule checked on tag strings.
func refTag(m *Model, words []string) []string {
	tags := make([]string, len(words))
	ctx := newRefContext(words)
	scores := make([]float32, len(m.Tags))
	for i := range words {
		clear(scores)
		for _, f := range ctx.features(i, tags) {
			for t, w := range m.Weights[f] {
				scores[t] += w
			}
		}
		tags[i] = m.Tags[refBest(m, scores, refPrevTag(tags, i))]
	}
	return tags
}

// refBest picks the highest-scoring tag that may follow prev in BIO.
func refBest(m *Model, scores []float32, prev string) int {
	best := -1
	for t, s := range scores {
		tag := m.Tags[t]
		if strings.HasPrefix(tag, "I-") && typeOf(prev) != tag[2:] {
			continue
		}
		if best < 0 || s > scores[best] {
			best = t
		}
	}
	return best
}
