package textdecode

import (
	"bytes"
	"encoding/binary"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Legacy 8-bit text is either Windows-1252 (a superset of the printable part
// of Latin-1: English, French, German, Spanish, …) or Windows-1251 (Russian,
// Ukrainian, Bulgarian, …). Both put ASCII in the low half, so only the bytes
// 0x80–0xFF tell them apart, and those decode to plausible letters in both.
// What differs is how the letters sit in words:
//
//   - In Western European text an accented letter is the odd one out inside
//     an otherwise ASCII word ("café", "Größe", "año"); a word made only of
//     high bytes is at most one letter long ("à", "è"), and runs of three or
//     more accented letters do not occur.
//   - In Cyrillic text the high bytes are whole words ("Привет"), with no ASCII
//     letters mixed in, and a consistent case pattern: all lower, all upper,
//     or a capital followed by lower case.
//
// So each word that contains high-byte letters votes for or against each
// reading, weighted by its number of high bytes, and the better total wins
// (Windows-1252 on a tie). Lone high letters are neutral unless glued to a
// digit: "£15" reads as "Ј15" in Windows-1251, and a Cyrillic letter stuck to
// a number is much less likely than a currency sign. Bytes that are symbols
// in a reading (quotes, dashes, "£", "€", "©") do not vote: most mean the
// same in both encodings.

// charset is one legacy single-byte encoding prepared for scoring and decoding.
type charset struct {
	name     string
	cyrillic bool       // which word shapes are plausible, see vote
	class    [256]uint8 // scoring class of every byte, see classify
	nonText  [256]uint8 // 1 for controls (but tab, line ends, form feed, ESC) and undefined bytes
	// out is the normalised UTF-8 of every byte, as decode writes it:
	// controls, undefined bytes and the soft hyphen are empty, NBSP is a
	// space, CR is LF (decode itself skips the CR of CR LF).
	out [256]utf8Char
}

// utf8Char is the UTF-8 encoding of one character of a legacy code page (at
// most three bytes) packed as bytes 0–2 of the word, with the length in byte
// 3, so that it is written with a single store.
type utf8Char uint32

// newUTF8Char packs the UTF-8 encoding of r (empty for r < 0).
func newUTF8Char(r rune) utf8Char {
	if r < 0 {
		return 0
	}
	var b [4]byte
	n := utf8.EncodeRune(b[:], r)
	return utf8Char(binary.LittleEndian.Uint32(b[:])&0xffffff | uint32(n)<<24)
}

// len is the number of bytes of the encoding.
func (c utf8Char) len() int { return int(c >> 24) }

// bytes is the encoding.
func (c utf8Char) bytes() []byte {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], uint32(c))
	return b[:c.len()]
}

// Byte classes used while scoring, as bit sets: a letter is ASCII or high
// (from 0x80–0xFF) and may be upper or lower case; 0 is "not in a word".
const (
	otherClass = 0
	digitBit   = 1 << 0 // ASCII digit
	asciiBit   = 1 << 1 // ASCII letter
	highBit    = 1 << 2 // letter from 0x80–0xFF
	upperBit   = 1 << 3 // upper-case letter
	lowerBit   = 1 << 4 // lower-case letter
)

var (
	cp1252 = newCharset("windows-1252", charmap.Windows1252, false)
	cp1251 = newCharset("windows-1251", charmap.Windows1251, true)
)

// newCharset builds the tables for cm. Bytes that cm leaves undefined (0x81,
// 0x8D, 0x8F, 0x90 and 0x9D in Windows-1252; 0x98 in Windows-1251) decode to
// nothing: browsers turn them into C1 controls, which Decode removes anyway.
func newCharset(name string, cm *charmap.Charmap, cyrillic bool) *charset {
	cs := &charset{name: name, cyrillic: cyrillic}
	for i := 0; i < 256; i++ {
		b := byte(i)
		r := cm.DecodeByte(b)
		cs.class[i] = classify(b, r)
		isControl := b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b || b == 0x7f
		if isControl || r == utf8.RuneError {
			cs.nonText[i] = 1
		}
		switch {
		case isControl, r == utf8.RuneError, r == 0xad, b == '\f', b == 0x1b:
			cs.out[i] = newUTF8Char(-1)
		case b == '\r':
			// decode drops the CR of CR LF and turns a lone CR into LF;
			// counting it as one byte keeps its size estimate an upper bound.
			cs.out[i] = newUTF8Char('\n')
		case r == 0xa0:
			cs.out[i] = newUTF8Char(' ')
		default:
			cs.out[i] = newUTF8Char(r)
		}
	}
	return cs
}

// classify gives the scoring class of byte b, which decodes to r.
func classify(b byte, r rune) uint8 {
	switch {
	case b >= '0' && b <= '9':
		return digitBit
	case b >= 'A' && b <= 'Z':
		return asciiBit | upperBit
	case b >= 'a' && b <= 'z':
		return asciiBit | lowerBit
	case b < 0x80, !unicode.IsLetter(r), !unicode.In(r, unicode.Latin, unicode.Cyrillic):
		return otherClass
	case r == 'ª' || r == 'º' || r == 'ƒ':
		// Ordinal indicators ("1º", "2ª") and the florin sign behave as
		// symbols, not as letters of a word.
		return otherClass
	case unicode.IsUpper(r):
		return highBit | upperBit
	case unicode.IsLower(r):
		return highBit | lowerBit
	}
	return highBit // a letter without case, such as ß
}

// scoreSample is how much of the text the encoding choice looks at, at most:
// enough words to decide, little enough to stay cheap on large files.
const scoreSample = 64 << 10

// decisiveMargin ends scoring early: once one reading leads the other by this
// many votes (about fifty letters of consistent evidence), more text will
// not change the choice.
const decisiveMargin = 100

// chooseLegacy picks the single-byte encoding of raw, which is neither valid
// UTF-8 nor UTF-16. ok is false when neither reading is plausible: the bytes
// are mostly high and the words they form are, on balance, implausible in
// both encodings.
func chooseLegacy(raw []byte) (cs *charset, ok bool) {
	sample := raw[:min(len(raw), scoreSample)]
	western, cyrillic := scoreBoth(sample)
	cs, best := cp1252, western
	if cyrillic > western {
		cs, best = cp1251, cyrillic
	}
	if best < 0 && highBytes(sample)*10 > len(sample)*3 {
		return nil, false
	}
	return cs, true
}

// highBytes counts the bytes of b at or above 0x80.
func highBytes(b []byte) int {
	n := 0
	for i := skipASCII(b, 0); i < len(b); i = skipASCII(b, i+1) {
		n++
	}
	return n
}

// scoreBoth sums the votes of the words of sample that hold high bytes, read
// in Windows-1252 and in Windows-1251. Only the words around high bytes are
// looked at, so mostly-ASCII text is skipped quickly; a byte can belong to
// different words in the two readings, so each keeps its own position.
func scoreBoth(sample []byte) (western, cyrillic int) {
	nextW, nextC := 0, 0 // where the last word scored in each reading ended
	for i := skipASCII(sample, 0); i < len(sample); i = skipASCII(sample, i+1) {
		c := sample[i]
		if i >= nextW && cp1252.class[c] != otherClass {
			var v int
			v, nextW = cp1252.wordVote(sample, i)
			western += v
		}
		if i >= nextC && cp1251.class[c] != otherClass {
			var v int
			v, nextC = cp1251.wordVote(sample, i)
			cyrillic += v
		}
		if western-cyrillic >= decisiveMargin || cyrillic-western >= decisiveMargin {
			break
		}
	}
	return western, cyrillic
}

// wordVote finds the word around sample[i], a letter in cs, and returns its
// vote and the index just past its end.
func (cs *charset) wordVote(sample []byte, i int) (vote, end int) {
	start := i
	for start > 0 && cs.class[sample[start-1]] != otherClass {
		start--
	}
	end = i + 1
	for end < len(sample) && cs.class[sample[end]] != otherClass {
		end++
	}
	var w word
	for _, c := range sample[start:end] {
		w.add(cs.class[c])
	}
	return w.vote(cs.cyrillic), end
}

// word accumulates the shape of one word while scoring.
type word struct {
	ascii, high, digits int  // letters from ASCII and from 0x80–0xFF; digits
	run, maxRun         int  // current and longest run of consecutive high letters
	cased               bool // a letter with a case was seen
	upperAfterFirst     bool // an upper-case letter after the first cased one
	anyLower            bool
}

// add records one byte of class class.
func (w *word) add(class uint8) {
	if class&highBit != 0 {
		w.high++
		w.run++
		w.maxRun = max(w.maxRun, w.run)
	} else {
		w.run = 0
		if class&asciiBit != 0 {
			w.ascii++
		} else {
			w.digits++
		}
	}
	if class&upperBit != 0 && w.cased {
		w.upperAfterFirst = true
	}
	if class&lowerBit != 0 {
		w.anyLower = true
	}
	w.cased = w.cased || class&(upperBit|lowerBit) != 0
}

// caseOK reports a usual case pattern: all lower, all upper, or one capital
// followed by lower case.
func (w *word) caseOK() bool {
	return !(w.upperAfterFirst && w.anyLower)
}

// vote is the word's evidence for (positive) or against (negative) the
// reading it was built from, weighted by its number of high letters.
func (w *word) vote(cyrillic bool) int {
	if w.ascii == 0 && w.high == 1 {
		// A one-letter word is ambiguous ("à" or "а", "è" or "и"), unless
		// it is glued to a number like a currency or unit sign.
		if w.digits > 0 {
			return -1
		}
		return 0
	}
	var plausible bool
	if cyrillic {
		plausible = w.ascii == 0 && w.caseOK()
	} else {
		plausible = w.ascii > 0 && w.maxRun <= 2 && w.caseOK()
	}
	if plausible {
		return w.high
	}
	return -w.high
}

// decode converts raw from cs to normalised UTF-8. Text without ESC (nearly
// all of it) is decoded and normalised in one pass: runs of printable ASCII
// are copied as they are, every other byte maps to its normalised character
// through cs.out, and CR LF or a lone CR becomes LF. Text with ESC keeps its
// ASCII controls for normalize, which removes escape sequences whole.
func (cs *charset) decode(raw []byte) string {
	if bytes.IndexByte(raw, 0x1b) >= 0 {
		return normalize(cs.decodeKeepingControls(raw))
	}
	size := 0
	for _, c := range raw {
		size += cs.out[c].len()
	}
	buf := make([]byte, size+4) // +4: slack for the 4-byte stores
	n := 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			j := skipPrintable(raw, i+1)
			n += copy(buf[n:], raw[i:j])
			i = j - 1
			continue
		case c == '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		ch := cs.out[c]
		binary.LittleEndian.PutUint32(buf[n:], uint32(ch))
		n += ch.len()
	}
	return string(buf[:n])
}

// decodeKeepingControls converts raw from cs to UTF-8, leaving ASCII bytes,
// controls included, as they are.
func (cs *charset) decodeKeepingControls(raw []byte) string {
	buf := make([]byte, 0, len(raw)+len(raw)/2)
	for _, c := range raw {
		if c < 0x80 {
			buf = append(buf, c)
			continue
		}
		buf = append(buf, cs.out[c].bytes()...)
	}
	return string(buf)
}

// countNonText counts the bytes of sample that are not text in cs: C0
// controls other than tab, line ends and form feed, DEL, and undefined bytes.
// ESC is not counted, so that text coloured with escape sequences is still
// text.
func (cs *charset) countNonText(sample []byte) int {
	n := 0
	for _, c := range sample {
		n += int(cs.nonText[c])
	}
	return n
}
