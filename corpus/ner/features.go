package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// context holds the per-word values that features are built from, computed
// once per sentence into buffers that are reused from one sentence to the
// next.
type context struct {
	words  []string
	lower  [][]byte // lower-cased words
	shapes [][]byte // shapes, runs of more than two folded
	short  [][]byte // shapes with every run folded
	hyphen []bool   // the word holds a hyphen or an apostrophe
	upper  bool     // the sentence is in capitals, as headlines often are
	arena  []byte   // backing store of lower, shapes and short
	ends   []int    // where each of those ends in arena, three per word
}

// newContext prepares a sentence for feature extraction.
func newContext(words []string) *context {
	c := &context{}
	c.reset(words)
	return c
}

// reset prepares the context for the sentence words, reusing its buffers.
func (c *context) reset(words []string) {
	c.words = words
	c.arena, c.ends, c.hyphen = c.arena[:0], c.ends[:0], c.hyphen[:0]
	lowerLetters := 0
	for _, w := range words {
		c.arena = appendLower(c.arena, w)
		c.ends = append(c.ends, len(c.arena))
		c.arena = appendShape(c.arena, w)
		c.ends = append(c.ends, len(c.arena))
		c.arena = appendShortShape(c.arena, w)
		c.ends = append(c.ends, len(c.arena))
		c.hyphen = append(c.hyphen, hasHyphen(w))
		if hasLower(w) {
			lowerLetters++
		}
	}
	c.upper = len(words) > 2 && lowerLetters*4 < len(words)
	c.lower, c.shapes, c.short = c.lower[:0], c.shapes[:0], c.short[:0]
	start := 0
	for i := 0; i < len(c.ends); i += 3 {
		e := c.ends[i : i+3]
		c.lower = append(c.lower, c.arena[start:e[0]:e[0]])
		c.shapes = append(c.shapes, c.arena[e[0]:e[1]:e[1]])
		c.short = append(c.short, c.arena[e[1]:e[2]:e[2]])
		start = e[2]
	}
}

// Boundary markers for words and shapes beyond the sentence.
var (
	sentenceStart = []byte("<s>")
	sentenceEnd   = []byte("</s>")
	noShape       = []byte("_")
)

// at returns the lower-cased word at i, or a boundary marker.
func (c *context) at(i int) []byte {
	switch {
	case i < 0:
		return sentenceStart
	case i >= len(c.words):
		return sentenceEnd
	}
	return c.lower[i]
}

// shapeAt returns the shape of the word at i, or a boundary marker.
func (c *context) shapeAt(i int) []byte {
	if i < 0 || i >= len(c.words) {
		return noShape
	}
	return c.shapes[i]
}

// Feature templates: each feature is a template number hashed with the
// strings it combines, so no feature string is ever built. The order is the
// order features are scored in, which fixes the rounding of the sums.
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

// features appends to buf the hashed features of position i given the
// indices, in th, of the two tags before it, and returns buf.
func (c *context) features(buf []uint64, i int, th *tagHashes, p2, p1 int) []uint64 {
	buf = c.headKeys(buf, i)
	buf = c.tagKeys(buf, i, th, p2, p1)
	return c.tailKeys(buf, i)
}

// headKeys appends the features of position i that come before the tag
// features.
func (c *context) headKeys(buf []uint64, i int) []uint64 {
	lw := c.lower[i]
	prevShape, nextShape := c.shapeAt(i-1), c.shapeAt(i+1)
	return append(buf,
		start(fBias),
		mix(start(fWord), lw),
		mix(start(fShape), c.shapes[i]),
		mix(start(fShortShape), c.short[i]),
		mix(start(fPrefix3), prefix(lw, 3)),
		mix(start(fSuffix2), suffix(lw, 2)),
		mix(start(fSuffix3), suffix(lw, 3)),
		mix(start(fSuffix4), suffix(lw, 4)),
		mix(start(fPrevWord), c.at(i-1)),
		mix(start(fNextWord), c.at(i+1)),
		mix(start(fPrev2Word), c.at(i-2)),
		mix(start(fNext2Word), c.at(i+2)),
		mix(start(fPrevShape), prevShape),
		mix(start(fNextShape), nextShape),
		mix(mix(start(fAroundShapes), prevShape), nextShape),
	)
}

// tagKeys appends the features of position i that depend on the two tags
// before it, given as indices into th.
func (c *context) tagKeys(buf []uint64, i int, th *tagHashes, p2, p1 int) []uint64 {
	return append(buf,
		th.prevTag[p1],
		th.prevTags[p2*th.n+p1],
		mix(th.prevTagWord[p1], c.lower[i]),
		mix(th.prevTagShape[p1], c.shapes[i]),
	)
}

// tailKeys appends the features of position i that come after the tag
// features.
func (c *context) tailKeys(buf []uint64, i int) []uint64 {
	lw, prev, next := c.lower[i], c.at(i-1), c.at(i+1)
	buf = append(buf, mix(mix(start(fPrevWordWord), prev), lw), mix(mix(start(fWordNextWord), lw), next))
	if i == 0 {
		buf = append(buf, mix(start(fFirstShape), c.shapes[i]))
	}
	if c.hyphen[i] {
		buf = append(buf, start(fHyphen))
	}
	if c.upper {
		buf = append(buf, mix(start(fUpperWord), lw), mix(start(fUpperPrev), prev), mix(start(fUpperNext), next))
	}
	return buf
}

// tagHashes holds, for each tag a position may follow, the hashes of the
// features that combine it: tags 0 to n-2 are a model's, and n-1 is the "O"
// assumed before a sentence.
type tagHashes struct {
	n            int
	prevTag      []uint64 // key of the previous-tag feature
	prevTags     []uint64 // key of the two-previous-tags feature, p2*n+p1
	prevTagWord  []uint64 // hash state after the template and tag
	prevTagShape []uint64 // likewise
}

// newTagHashes hashes the tag parts of features for tags.
func newTagHashes(tags []string) *tagHashes {
	names := append(append([]string(nil), tags...), "O")
	n := len(names)
	th := &tagHashes{n: n, prevTag: make([]uint64, n), prevTags: make([]uint64, n*n), prevTagWord: make([]uint64, n), prevTagShape: make([]uint64, n)}
	for p1, t := range names {
		th.prevTag[p1] = mix(start(fPrevTag), t)
		th.prevTagWord[p1] = mix(start(fPrevTagWord), t)
		th.prevTagShape[p1] = mix(start(fPrevTagShape), t)
		for p2, t2 := range names {
			th.prevTags[p2*n+p1] = mix(mix(start(fPrevTags), t2), t)
		}
	}
	return th
}

// outside is the index in th of the "O" before a sentence.
func (th *tagHashes) outside() int { return th.n - 1 }

// FNV-1a constants.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// start begins the FNV-1a hash of a feature with its template number.
func start(template byte) uint64 {
	return (fnvOffset ^ uint64(template)) * fnvPrime
}

// mix continues hash h with the bytes of s and an 0xff that ends them.
func mix[S string | []byte](h uint64, s S) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

// appendLower appends w in lower case, as strings.ToLower gives it.
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(w)...)
		}
	}
	for i := 0; i < len(w); i++ {
		b := w[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		dst = append(dst, b)
	}
	return dst
}

// appendShape appends the pattern of character classes of w, runs of more
// than two folded: "Ki-moon" → "Xx-xx", "1996" → "dd", "EU" → "XX".
func appendShape(dst []byte, w string) []byte {
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
		dst = utf8.AppendRune(dst, c)
	}
	return dst
}

// appendShortShape appends the character classes of w with every run
// folded.
func appendShortShape(dst []byte, w string) []byte {
	var last rune
	for _, r := range w {
		if c := classOf(r); c != last {
			dst = utf8.AppendRune(dst, c)
			last = c
		}
	}
	return dst
}

// classOf is a rune's class for shapes: X upper, x lower, d digit, or the
// rune itself for punctuation.
func classOf(r rune) rune {
	if r < utf8.RuneSelf {
		switch {
		case 'A' <= r && r <= 'Z':
			return 'X'
		case 'a' <= r && r <= 'z':
			return 'x'
		case '0' <= r && r <= '9':
			return 'd'
		}
		return r
	}
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

// hasHyphen reports a hyphen or an apostrophe in w: a "-", "'" or "’".
func hasHyphen(w string) bool {
	return strings.IndexByte(w, '-') >= 0 || strings.IndexByte(w, '\'') >= 0 || strings.Contains(w, "’")
}

// hasLower reports a lower-case letter in w.
func hasLower(w string) bool {
	for i := 0; i < len(w); i++ {
		switch b := w[i]; {
		case b >= utf8.RuneSelf:
			return strings.ContainsFunc(w[i:], unicode.IsLower)
		case 'a' <= b && b <= 'z':
			return true
		}
	}
	return false
}

// prefix returns the first n runes of s.
func prefix(s []byte, n int) []byte {
	for i := 0; i < len(s); n-- {
		if n == 0 {
			return s[:i]
		}
		_, size := utf8.DecodeRune(s[i:])
		i += size
	}
	return s
}

// suffix returns the last n runes of s.
func suffix(s []byte, n int) []byte {
	i := len(s)
	for n > 0 && i > 0 {
		_, size := utf8.DecodeLastRune(s[:i])
		i -= size
		n--
	}
	return s[i:]
}
