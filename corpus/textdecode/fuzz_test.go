package textdecode

import (
	"errors"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// FuzzDecode checks, for any input, that Decode does not panic and that a
// successful result is valid UTF-8 without CR or other controls (bar '\n' and
// '\t'), and decodes to itself again.
func FuzzDecode(f *testing.F) {
	for _, tt := range controlCases {
		f.Add([]byte(tt.in))
	}
	for _, s := range westernSentences {
		b, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		f.Add(b)
	}
	for _, s := range cyrillicSentences {
		b, _ := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
		f.Add(b)
		b, _ = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		f.Add(b)
		b, _ = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
		f.Add(b)
	}
	f.Add([]byte("a\r\nb\rc\u00a0d\u200be\u00adf\ufeffg\u2028h"))
	f.Add([]byte("\xef\xbb\xbfcaf\xe9"))
	f.Add([]byte("“Quoted” \xa35 \xe2\x80"))
	f.Add([]byte("abc\x00def"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, enc, err := Decode(raw)
		if err != nil {
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if enc == "" {
			t.Fatal("empty encoding name on success")
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 output %q", text)
		}
		for _, r := range text {
			if r == '\r' || isControl(r) {
				t.Fatalf("control %U in output %q", r, text)
			}
		}
		again, _, err := Decode([]byte(text))
		if err != nil || again != text {
			t.Fatalf("not idempotent: %q -> %q (err %v)", text, again, err)
		}
		if s := StripControls(string(raw)); !utf8.ValidString(s) {
			t.Fatalf("StripControls returned invalid UTF-8 %q", s)
		}
	})
}
