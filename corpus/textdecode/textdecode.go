// Package textdecode turns the raw bytes of a text file into clean UTF-8,
// deciding the encoding from the content rather than assuming it.
//
// Decode proceeds in this order:
//
//  1. A byte order mark settles the encoding: UTF-8, UTF-16LE or UTF-16BE.
//  2. NUL bytes mean UTF-16 without a BOM when they fall almost only in
//     every other position and the rest looks like one script (see
//     sniffUTF16); otherwise the content is binary.
//  3. Valid UTF-8 is UTF-8. Text that is mostly valid UTF-8 with a few stray
//     bytes (a pasted "£" in Latin-1, say) stays UTF-8, and the stray bytes
//     are read as Windows-1252.
//  4. Anything else is a legacy single-byte encoding: Windows-1252 or
//     Windows-1251, chosen by how plausible the words of each reading are
//     (see legacy.go).
//
// The result is then normalised (line ends, no-break spaces, invisible
// characters) and made safe to print on a terminal (see StripControls).
package textdecode

import (
	"bytes"
	"errors"
	"unicode"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
)

// ErrBinary reports content that is not text (NUL bytes or mostly non-text).
var ErrBinary = errors.New("binary content, not text")

// Names of the encodings Decode reports.
const (
	encUTF8    = "utf-8"
	encUTF8BOM = "utf-8-bom"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
)

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// binarySample is how much of the text binary detection looks at.
const binarySample = 8 << 10

// Decode returns the text of raw as UTF-8 with LF line ends, and the name of
// the encoding it was decoded from: "utf-8", "utf-8-bom", "utf-16le",
// "utf-16be", "windows-1252" or "windows-1251".
//
// The text has CRLF and CR turned into LF, no-break spaces into spaces, and
// zero-width spaces, word joiners, BOMs and soft hyphens removed; it holds no
// control characters other than '\n' and '\t' and no escape sequences (see
// StripControls). Decoding the text again returns it unchanged.
//
// Content with NUL bytes (other than UTF-16) or mostly made of control or
// meaningless bytes yields ErrBinary. Empty input yields "", "utf-8", nil.
func Decode(raw []byte) (text string, encoding string, err error) {
	switch {
	case len(raw) == 0:
		return "", encUTF8, nil
	case bytes.HasPrefix(raw, bomUTF8):
		body := raw[len(bomUTF8):]
		if bytes.IndexByte(body, 0) >= 0 {
			return "", "", ErrBinary
		}
		return decodeUTF8(body, encUTF8BOM, true)
	case bytes.HasPrefix(raw, bomUTF16LE):
		return decodeUTF16(raw[len(bomUTF16LE):], xunicode.LittleEndian, encUTF16LE, false)
	case bytes.HasPrefix(raw, bomUTF16BE):
		return decodeUTF16(raw[len(bomUTF16BE):], xunicode.BigEndian, encUTF16BE, false)
	case bytes.IndexByte(raw, 0) >= 0:
		if le, ok := sniffUTF16(raw); ok {
			if le {
				return decodeUTF16(raw, xunicode.LittleEndian, encUTF16LE, true)
			}
			return decodeUTF16(raw, xunicode.BigEndian, encUTF16BE, true)
		}
		return "", "", ErrBinary
	}
	return decodeUTF8(raw, encUTF8, false)
}

// decodeUTF8 decodes body, which has no NUL bytes, as UTF-8 when it is (or,
// after a BOM, is meant to be) UTF-8, and as a legacy encoding otherwise.
func decodeUTF8(body []byte, name string, hasBOM bool) (string, string, error) {
	if utf8.Valid(body) {
		s := string(body)
		if !needsWork(s, true) {
			return s, name, nil // the fast path: nothing to rewrite
		}
		return finish(s, name)
	}
	// Invalid UTF-8 is still UTF-8 when well-formed multi-byte sequences
	// outnumber the bytes that fit none: legacy text makes such sequences
	// only by accident ("Сі" in Windows-1251 is valid UTF-8), and rarely. A
	// sequence cut short at the end counts against UTF-8 here, since a
	// legacy text ending in "é" looks just like one.
	multi, bad, tail := utf8Stats(body)
	if tail {
		bad++
	}
	if hasBOM || multi > bad {
		return finish(decodeMixed(body, tail && multi > 0), name)
	}
	return decodeLegacy(body)
}

// finish rejects binary-looking text and normalises the rest.
func finish(s, name string) (string, string, error) {
	if isMostlyNonText(s) {
		return "", "", ErrBinary
	}
	return normalize(s), name, nil
}

// utf8Stats scans invalid UTF-8: multi counts well-formed multi-byte
// sequences, bad the bytes that belong to none, and tail reports that b ends
// in the first bytes of a sequence cut short (not counted in bad). The scan
// stops early once bad bytes clearly dominate (legacy text), since only the
// comparison of the counts matters.
func utf8Stats(b []byte) (multi, bad int, tail bool) {
	for i := skipASCII(b, 0); i < len(b); i = skipASCII(b, i) {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r != utf8.RuneError || n > 1:
			multi++
		case !utf8.FullRune(b[i:]):
			return multi, bad, true
		default:
			bad++
			if bad >= 64 && bad > 4*multi {
				return multi, bad, false
			}
		}
		i += n
	}
	return multi, bad, false
}

// decodeMixed decodes b as UTF-8, reading each byte that is not part of a
// valid sequence as Windows-1252. If dropTail, an incomplete sequence at the
// very end (a file cut mid-character) is dropped instead.
func decodeMixed(b []byte, dropTail bool) string {
	out := make([]byte, 0, len(b)+len(b)/8)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n > 1 {
			out = append(out, b[i:i+n]...)
			i += n
			continue
		}
		if dropTail && !utf8.FullRune(b[i:]) {
			break
		}
		out = append(out, cp1252.out[b[i]].bytes()...)
		i++
	}
	return string(out)
}

// decodeLegacy decodes raw, which is not UTF-8, with the single-byte encoding
// that reads most plausibly.
func decodeLegacy(raw []byte) (string, string, error) {
	cs, ok := chooseLegacy(raw)
	if !ok {
		return "", "", ErrBinary
	}
	sample := raw[:min(len(raw), binarySample)]
	if cs.countNonText(sample)*10 > len(sample) {
		return "", "", ErrBinary
	}
	return cs.decode(raw), cs.name, nil
}

// decodeUTF16 decodes body (without BOM) as UTF-16. When the encoding was
// only guessed (strict), an unpaired surrogate means the guess was wrong and
// the content is reported as binary.
func decodeUTF16(body []byte, e xunicode.Endianness, name string, strict bool) (string, string, error) {
	out, err := xunicode.UTF16(e, xunicode.IgnoreBOM).NewDecoder().Bytes(body)
	if err != nil {
		return "", "", ErrBinary
	}
	if strict && bytes.ContainsRune(out, utf8.RuneError) {
		return "", "", ErrBinary
	}
	text := string(out)
	if hasImplausibleRunes(text) {
		return "", "", ErrBinary
	}
	return normalize(text), name, nil
}

// sniffUTF16 recognises UTF-16 without a BOM from where its NUL bytes fall.
// In UTF-16 text in a Latin, Cyrillic, Greek, … script, every ASCII space,
// digit or punctuation mark has a zero high byte, and the other high bytes
// are mostly one value (0x04 for Cyrillic, 0x00 or 0x01 for Latin). So, in
// the first 8 KiB, one parity of positions (odd for little-endian) must hold:
//
//   - zero bytes in at least 10% of the code units,
//   - zero or one single other value in at least 90% of them,
//
// while the other parity has almost no zero bytes (at most 2%). Fewer than
// four code units must be all ASCII/Latin-1. Binary data has zeros in both
// parities, and ASCII text with a stray NUL has varied letters in the high
// positions, so neither passes. UTF-16 text in scripts without spaces
// (Chinese, Japanese) is not recognised without a BOM.
func sniffUTF16(raw []byte) (littleEndian, ok bool) {
	if len(raw)%2 != 0 || len(raw) < 2 {
		return false, false
	}
	sample := raw[:min(len(raw), binarySample)]
	var even, odd [256]int
	for i := 0; i+1 < len(sample); i += 2 {
		even[sample[i]]++
		odd[sample[i+1]]++
	}
	units := len(sample) / 2
	switch {
	case highBytesLookUTF16(&odd, even[0], units):
		return true, true
	case highBytesLookUTF16(&even, odd[0], units):
		return false, true
	}
	return false, false
}

// highBytesLookUTF16 applies the sniffUTF16 test to the histogram of the
// would-be high bytes, given the number of zero would-be low bytes.
func highBytesLookUTF16(high *[256]int, lowZeros, units int) bool {
	zeros := high[0]
	if zeros == 0 || lowZeros*50 > units {
		return false
	}
	if units < 4 {
		return zeros == units
	}
	top := 0
	for _, n := range high[1:] {
		top = max(top, n)
	}
	return zeros*10 >= units && (zeros+top)*10 >= units*9
}

// isMostlyNonText reports whether more than 10% of the first 8 KiB of s (a
// UTF-8 string) are controls: C0 controls other than tab, line ends, form
// feed and ESC, DEL, and C1 controls. (U+FFFD is text here: scraped pages
// often carry it from an earlier bad conversion.)
func isMostlyNonText(s string) bool {
	sample := s[:min(len(s), binarySample)]
	n := 0
	for i := skipPrintable(sample, 0); i < len(sample); i = skipPrintable(sample, i+1) {
		switch c := sample[i]; {
		case c < 0x20:
			if !isTextControl(c) {
				n++
			}
		case c == 0x7f:
			n++
		case c == 0xc2 && i+1 < len(sample) && sample[i+1] >= 0x80 && sample[i+1] <= 0x9f:
			n++
		}
	}
	return n*10 > len(sample)
}

// isTextControl reports the C0 controls that plain text uses: tab, line
// ends, form feed, and ESC (for text coloured with escape sequences).
func isTextControl(c byte) bool {
	return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x1b
}

// hasImplausibleRunes reports whether more than 10% of the first 4096 runes
// of s are not text: controls (as for isMostlyNonText), U+FFFD (an unpaired
// surrogate), private-use or unassigned code points. It judges decoded
// UTF-16, where random bytes become valid but meaningless characters.
func hasImplausibleRunes(s string) bool {
	runes, bad := 0, 0
	for _, r := range s {
		if runes == 4096 {
			break
		}
		runes++
		textual := unicode.IsGraphic(r) || unicode.Is(unicode.Cf, r) ||
			r < 0x20 && isTextControl(byte(r))
		if !textual || r == utf8.RuneError {
			bad++
		}
	}
	return bad*10 > runes
}
