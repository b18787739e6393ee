package textdecode

import (
	"strings"
	"unicode/utf8"
)

// This file holds the single pass that makes decoded text safe and tidy:
// StripControls (terminal safety only) and normalize (terminal safety plus
// line ends, spaces and invisible characters, used by Decode).
//
// Both share one byte-driven loop. Bytes that never need work (printable
// ASCII, '\n', '\t', and most UTF-8 sequences) are copied in runs; the loop
// only stops at the few lead bytes that can start something to rewrite.

// Bytes of interest to the cleaning pass, classified once.
const (
	plainByte   = iota // copied as is
	controlByte        // C0 control other than '\n' and '\t', or DEL
	escByte            // ESC, which may introduce a whole escape sequence
	leadC2             // lead byte of U+0080–U+00BF: C1 controls, NBSP, soft hyphen
	leadE2             // lead byte of U+2000–U+2FFF: ZWSP, narrow NBSP, figure space, word joiner, line separators
	leadEF             // lead byte of U+F000–U+FFFF: the BOM / ZWNBSP U+FEFF
)

var byteClass = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = controlByte
	}
	t['\n'], t['\t'] = plainByte, plainByte
	t[0x1b] = escByte
	t[0x7f] = controlByte
	t[0xc2], t[0xe2], t[0xef] = leadC2, leadE2, leadEF
	return t
}()

// StripControls removes from s everything a terminal would act on rather than
// print: C0 controls except '\n' and '\t' (so also '\r'), DEL, C1 controls
// (U+0080–U+009F), and whole escape sequences — CSI (ESC [ … final byte),
// OSC and the other string sequences (ESC ] / P / X / ^ / _ … ended by BEL,
// ESC \ or U+009C, or else by the end of the line), two-byte ESC sequences,
// and the 8-bit C1 forms of these (U+009B CSI, U+009D OSC, …). Invalid UTF-8
// bytes are replaced by U+FFFD first, so no raw 8-bit control survives either.
//
// Printable text, including the text between escape sequences (such as the
// label of an OSC 8 hyperlink), is kept. When s needs no change it is returned
// as is, without allocating.
func StripControls(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if !needsWork(s, false) {
		return s
	}
	return rewrite(s, false)
}

// normalize is StripControls plus the text normalisations Decode promises:
// CRLF and lone CR become LF, U+2028/U+2029 become LF, no-break spaces
// (U+00A0, U+2007, U+202F) become plain spaces, and U+200B, U+2060, U+FEFF and
// the soft hyphen U+00AD are removed. ZWNJ and ZWJ are kept: they change how
// some scripts are written. s must be valid UTF-8.
func normalize(s string) string {
	if !needsWork(s, true) {
		return s
	}
	return rewrite(s, true)
}

// needsWork reports whether rewrite would change s: a single forward scan
// that stops at the first byte needing attention.
func needsWork(s string, norm bool) bool {
	for i := skipPrintable(s, 0); i < len(s); i = skipPrintable(s, i+1) {
		if byteClass[s[i]] == plainByte {
			continue
		}
		if n, _ := special(s, i, norm); n > 0 {
			return true
		}
	}
	return false
}

// rewrite builds the cleaned copy of s.
func rewrite(s string, norm bool) string {
	var b strings.Builder
	b.Grow(len(s))
	start := 0 // first byte not yet copied
	for i := skipPrintable(s, 0); i < len(s); i = skipPrintable(s, i) {
		if byteClass[s[i]] == plainByte {
			i++
			continue
		}
		n, repl := special(s, i, norm)
		if n == 0 {
			i++
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(repl)
		i += n
		start = i
	}
	b.WriteString(s[start:])
	return b.String()
}

// special looks at the byte s[i], whose class is not plainByte, and returns
// how many bytes starting there to drop (0: none, the byte is ordinary) and
// what to write in their place.
func special(s string, i int, norm bool) (n int, repl string) {
	switch byteClass[s[i]] {
	case controlByte:
		if s[i] == '\r' && norm {
			if i+1 < len(s) && s[i+1] == '\n' {
				return 2, "\n"
			}
			return 1, "\n"
		}
		return 1, ""
	case escByte:
		return 1 + escapeTail(s, i+1), ""
	case leadC2:
		return specialC2(s, i, norm)
	case leadE2:
		if norm {
			return specialE2(s, i)
		}
	case leadEF:
		if norm && strings.HasPrefix(s[i:], "\uFEFF") {
			return 3, ""
		}
	}
	return 0, ""
}

// specialC2 handles U+0080–U+00BF: the C1 controls (with the 8-bit forms of
// CSI, OSC and the other string sequences swallowing their whole sequence)
// and, when normalising, NBSP and the soft hyphen.
func specialC2(s string, i int, norm bool) (int, string) {
	if i+1 >= len(s) {
		return 0, ""
	}
	switch c := s[i+1]; {
	case c == 0x9b: // CSI
		return 2 + csiTail(s, i+2), ""
	case isStringIntroducer(c): // OSC, DCS, SOS, PM, APC
		return 2 + stringTail(s, i+2), ""
	case c >= 0x80 && c <= 0x9f:
		return 2, ""
	case norm && c == 0xa0: // NO-BREAK SPACE
		return 2, " "
	case norm && c == 0xad: // SOFT HYPHEN
		return 2, ""
	}
	return 0, ""
}

// isStringIntroducer reports whether U+0080+(c-0x80) opens a control string:
// DCS (U+0090), SOS (U+0098), OSC (U+009D), PM (U+009E) or APC (U+009F).
func isStringIntroducer(c byte) bool {
	return c == 0x90 || c == 0x98 || c == 0x9d || c == 0x9e || c == 0x9f
}

// specialE2 normalises the U+2000–U+20FF characters Decode rewrites.
func specialE2(s string, i int) (int, string) {
	if i+2 >= len(s) {
		return 0, ""
	}
	switch s[i+1 : i+3] {
	case "\x80\x87", "\x80\xaf": // FIGURE SPACE, NARROW NO-BREAK SPACE
		return 3, " "
	case "\x80\x8b", "\x81\xa0": // ZERO WIDTH SPACE, WORD JOINER
		return 3, ""
	case "\x80\xa8", "\x80\xa9": // LINE SEPARATOR, PARAGRAPH SEPARATOR
		return 3, "\n"
	}
	return 0, ""
}

// escapeTail returns how many bytes after an ESC at s[j-1] belong to its
// escape sequence. Following ECMA-48:
//
//	ESC [            CSI: parameters and intermediates, then a final byte
//	ESC ] P X ^ _    control strings (OSC, DCS, SOS, PM, APC), see stringTail
//	ESC 0x20–0x2F…   intermediates then one final byte, e.g. ESC ( B
//	ESC 0x30–0x7E    two-byte sequences, e.g. ESC c, ESC 7, ESC =
//
// Anything else after ESC (a control, a non-ASCII byte, the end) is left for
// the main loop; only the ESC itself is dropped.
func escapeTail(s string, j int) int {
	if j >= len(s) {
		return 0
	}
	switch c := s[j]; {
	case c == '[':
		return 1 + csiTail(s, j+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return 1 + stringTail(s, j+1)
	case c >= 0x20 && c <= 0x2f:
		k := j
		for k < len(s) && s[k] >= 0x20 && s[k] <= 0x2f {
			k++
		}
		if k < len(s) && s[k] >= 0x30 && s[k] <= 0x7e {
			k++
		}
		return k - j
	case c >= 0x30 && c <= 0x7e:
		return 1
	}
	return 0
}

// csiTail returns the length of the body of a CSI sequence starting at s[j]:
// parameter bytes (0x30–0x3F), intermediate bytes (0x20–0x2F) and the final
// byte (0x40–0x7E). A malformed sequence ends before the first byte that
// cannot belong to it; that byte is then handled on its own.
func csiTail(s string, j int) int {
	k := j
	for k < len(s) && s[k] >= 0x20 && s[k] <= 0x3f {
		k++
	}
	if k < len(s) && s[k] >= 0x40 && s[k] <= 0x7e {
		k++
	}
	return k - j
}

// stringTail returns the length of the body of a control string (OSC, DCS,
// …) starting at s[j], including its terminator: BEL, ESC \ or the 8-bit ST
// U+009C. An ESC not followed by '\' also ends the string (as in xterm) but is
// not consumed, so it is handled as a new escape. An unterminated string runs
// to the end of the line, leaving the line break itself in place.
func stringTail(s string, j int) int {
	for k := j; k < len(s); k++ {
		switch s[k] {
		case 0x07:
			return k + 1 - j
		case 0x1b:
			if k+1 < len(s) && s[k+1] == '\\' {
				return k + 2 - j
			}
			return k - j
		case '\n', '\r':
			return k - j
		case 0xc2:
			if k+1 < len(s) && s[k+1] == 0x9c {
				return k + 2 - j
			}
		}
	}
	return len(s) - j
}
