// Package textdecode turns the raw bytes of a text file into clean UTF-8,
// deciding the encoding from the content rather than assuming it, and
// removing everything that could drive a terminal.
package textdecode

import (
	"bytes"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// ErrBinary reports content that is not text (NUL bytes or mostly non-text).
var ErrBinary = errors.New("binary content, not text")

// sniffLen is how much of a file the binary check looks at.
const sniffLen = 8 << 10

// Decode returns the text of raw as UTF-8 with LF line ends, and the name of
// the encoding it was decoded from: "utf-8", "utf-8-bom", "utf-16le",
// "utf-16be", "windows-1252" or "windows-1251".
func Decode(raw []byte) (string, string, error) {
	text, name, err := toUTF8(raw)
	if err != nil {
		return "", "", err
	}
	return Normalize(text), name, nil
}

// toUTF8 converts raw to UTF-8 according to its BOM or its content.
func toUTF8(raw []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return strings.ToValidUTF8(string(raw[3:]), "\uFFFD"), "utf-8-bom", nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return convert(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), raw, "utf-16le")
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return convert(xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), raw, "utf-16be")
	}
	if isBinary(raw) {
		return "", "", ErrBinary
	}
	if utf8.Valid(raw) {
		return string(raw), "utf-8", nil
	}
	if cyrillicScore(raw) > 0 {
		return convert(charmap.Windows1251, raw, "windows-1251")
	}
	return convert(charmap.Windows1252, raw, "windows-1252")
}

// convert decodes raw with enc.
func convert(enc encoding.Encoding, raw []byte, name string) (string, string, error) {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", err
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), name, nil
}

// isBinary reports content with NUL bytes, or whose start is more than a
// tenth control bytes other than white space.
func isBinary(raw []byte) bool {
	head := raw[:min(len(raw), sniffLen)]
	if bytes.IndexByte(raw, 0) >= 0 {
		return true
	}
	controls := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b {
			controls++
		}
	}
	return controls*10 > len(head)
}

// cyrillicScore weighs the evidence that 8-bit text is Windows-1251 rather
// than Windows-1252. In 1251 the bytes 0xC0–0xFF are Cyrillic letters and
// come in runs that make whole words; in 1252 they are accented Latin
// letters, mostly single ones between ASCII letters. Each high byte next to
// another high byte counts for 1251, each one between ASCII letters for
// 1252.
func cyrillicScore(raw []byte) int {
	score := 0
	for i, b := range raw {
		if b < 0xC0 {
			continue
		}
		prevHigh := i > 0 && raw[i-1] >= 0xC0
		nextHigh := i+1 < len(raw) && raw[i+1] >= 0xC0
		prevASCII := i > 0 && isASCIILetter(raw[i-1])
		nextASCII := i+1 < len(raw) && isASCIILetter(raw[i+1])
		switch {
		case prevHigh || nextHigh:
			score++
		case prevASCII || nextASCII:
			score--
		}
	}
	return score
}

// isASCIILetter reports an ASCII letter.
func isASCIILetter(b byte) bool {
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
}

// Normalize makes decoded text uniform: LF line ends, plain spaces for
// no-break spaces, no zero-width characters or soft hyphens, and no control
// characters or escape sequences (see StripControls).
func Normalize(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return StripControls(s)
}

// isClean reports text that needs no normalising: the common case, checked
// in one pass so clean files are not copied.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 0x80 || (b < 0x20 && b != '\n' && b != '\t') || b == 0x7f {
			return isCleanUnicode(s[i:])
		}
	}
	return true
}

// isCleanUnicode is isClean's slow path once a non-ASCII byte is seen.
func isCleanUnicode(s string) bool {
	for _, r := range s {
		if r == '\r' || (r < 0x20 && r != '\n' && r != '\t') || dropRune(r) || spaceRune(r) {
			return false
		}
	}
	return true
}

// spaceRune reports the no-break spaces that become plain spaces.
func spaceRune(r rune) bool {
	return r == '\u00a0' || r == '\u202f' || r == '\u2007'
}

// dropRune reports invisible or control runes that are removed.
func dropRune(r rune) bool {
	switch r {
	case '\u200b', '\u2060', '\ufeff', '\u00ad', '\ufffe':
		return true
	}
	return r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// StripControls removes from s every control character except newline and
// tab, and whole terminal escape sequences (CSI, OSC, and other ESC
// sequences, in 7-bit and 8-bit forms), so that text taken from files can
// never drive the terminal. It also makes no-break spaces plain and drops
// zero-width characters and soft hyphens.
func StripControls(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			i += escapeLen(s[i+size:]) + size
			continue
		case r == '\u009b':
			i += csiLen(s[i+size:]) + size
			continue
		case r == '\u009d' || r == '\u0090' || r == '\u009e' || r == '\u009f':
			i += stringLen(s[i+size:]) + size
			continue
		case spaceRune(r):
			b.WriteByte(' ')
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || dropRune(r) || (unicode.Is(unicode.Cc, r)):
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// escapeLen is the length of the escape sequence whose ESC has just been
// read: CSI "[...final", OSC "]...BEL|ST", DCS/SOS/PM/APC strings, or one
// more character.
func escapeLen(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '[':
		return 1 + csiLen(s[1:])
	case ']', 'P', 'X', '^', '_':
		return 1 + stringLen(s[1:])
	}
	_, size := utf8.DecodeRuneInString(s)
	return size
}

// csiLen is the length of a CSI sequence's parameters and final byte.
func csiLen(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1
		}
		if s[i] < 0x20 || s[i] > 0x3f {
			return i
		}
	}
	return len(s)
}

// stringLen is the length of an OSC or other control string up to and
// including its terminator (BEL, ESC \, or 8-bit ST); an unterminated one
// runs to the end of the line.
func stringLen(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		case s[i] == '\n':
			return i
		}
	}
	return len(s)
}
