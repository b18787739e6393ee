package textdecode

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// encode turns UTF-8 test text into the bytes of another encoding.
func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeEncodings(t *testing.T) {
	utf16le := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	utf16be := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
	tests := []struct {
		name, want, enc string
		raw             []byte
	}{
		{"ascii", "Plain text.\n", "utf-8", []byte("Plain text.\n")},
		{"utf-8", "Café in Zürich, £5.\n", "utf-8", []byte("Café in Zürich, £5.\n")},
		{"utf-8 with BOM", "Title\n", "utf-8-bom", []byte("\xef\xbb\xbfTitle\n")},
		{"utf-16le with BOM", "Привет, Zürich\n", "utf-16le", encode(t, utf16le, "Привет, Zürich\n")},
		{"utf-16be with BOM", "Привет, Zürich\n", "utf-16be", encode(t, utf16be, "Привет, Zürich\n")},
		{"latin-1 pound sign", "Profits rose to £600m.", "windows-1252", encode(t, charmap.Windows1252, "Profits rose to £600m.")},
		{"windows-1252 french", "L'été à Genève était très chaud.", "windows-1252", encode(t, charmap.Windows1252, "L'été à Genève était très chaud.")},
		{"windows-1252 german", "Die Größe des Gebäudes überrascht.", "windows-1252", encode(t, charmap.Windows1252, "Die Größe des Gebäudes überrascht.")},
		{"windows-1252 spanish", "El niño comió piñas en Málaga.", "windows-1252", encode(t, charmap.Windows1252, "El niño comió piñas en Málaga.")},
		{"windows-1252 quotes", "He said “no” – twice.", "windows-1252", encode(t, charmap.Windows1252, "He said “no” – twice.")},
		{"windows-1251 russian", "Министр иностранных дел Узбекистана", "windows-1251", encode(t, charmap.Windows1251, "Министр иностранных дел Узбекистана")},
		{"windows-1251 short", "Да", "windows-1251", encode(t, charmap.Windows1251, "Да")},
		{"windows-1251 ukrainian", "Київ і Харків", "windows-1251", encode(t, charmap.Windows1251, "Київ і Харків")},
		{"windows-1251 bulgarian with latin", "София, EU summit: министрите", "windows-1251", encode(t, charmap.Windows1251, "София, EU summit: министрите")},
		{"empty", "", "utf-8", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.raw)
			if err != nil || got != tt.want || enc != tt.enc {
				t.Errorf("Decode = %q, %q, %v; want %q, %q", got, enc, err, tt.want, tt.enc)
			}
		})
	}
}

func TestDecodeNormalises(t *testing.T) {
	tests := []struct{ name, raw, want string }{
		{"crlf", "a\r\nb\r\n", "a\nb\n"},
		{"lone cr", "a\rb\r", "a\nb\n"},
		{"no-break spaces", "10\u00a0000 and 5\u202fkm and 3\u2007m", "10 000 and 5 km and 3 m"},
		{"zero-width and soft hyphen", "in\u00adcre\u200bdi\u2060ble\ufeff", "incredible"},
		{"tab kept", "a\tb", "a\tb"},
		{"C0 controls in text", "a\x01b\x08c\x7fd in a line of ordinary text", "abcd in a line of ordinary text"},
		{"C1 controls", "a\u0085b\u0092c", "abc"},
		{"CSI clear screen", "before\x1b[2Jafter", "beforeafter"},
		{"CSI colour", "\x1b[1;31mred\x1b[0m", "red"},
		{"OSC 52 clipboard", "x\x1b]52;c;ZXZpbA==\x07y", "xy"},
		{"OSC 8 hyperlink", "\x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\", "text"},
		{"OSC 0 title", "\x1b]0;pwned\x07safe", "safe"},
		{"unterminated OSC ends at line end", "a\x1b]0;pwned\nb", "a\nb"},
		{"8-bit CSI", "a\u009b2Jb", "ab"},
		{"8-bit OSC", "a\u009d0;t\u009cb", "ab"},
		{"lone ESC at end", "a\x1b", "a"},
		{"other ESC sequence", "a\x1bcb", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := Decode([]byte(tt.raw))
			if err != nil || got != tt.want {
				t.Errorf("Decode(%q) = %q, %v; want %q", tt.raw, got, err, tt.want)
			}
		})
	}
}

func TestDecodeBinary(t *testing.T) {
	tests := []struct {
		name string
		raw  []byte
	}{
		{"NUL bytes", []byte("PK\x03\x04\x00\x00data")},
		{"control bytes", []byte(strings.Repeat("\x01\x02\x03\x04 ab", 50))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := Decode(tt.raw); !errors.Is(err, ErrBinary) {
				t.Errorf("Decode = %v, want ErrBinary", err)
			}
		})
	}
}

// TestDecodeRealLatin1 decodes the one Latin-1 file of the BBC dataset.
func TestDecodeRealLatin1(t *testing.T) {
	raw, err := os.ReadFile("../../../shared/data/bbc/sport/199.txt")
	if err != nil {
		t.Skip("BBC dataset not present:", err)
	}
	got, enc, err := Decode(raw)
	if err != nil || enc != "windows-1252" {
		t.Fatalf("Decode: %q, %v", enc, err)
	}
	if !strings.ContainsAny(got, "£éèáíóú") || strings.ContainsAny(got, "ÃÂ") {
		t.Errorf("decoded text has mojibake or lost its accents: %.200q", got)
	}
}

// FuzzDecode checks that decoding never panics and that what it returns is
// valid UTF-8 without carriage returns or control characters, and stable
// under a second decoding.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"a\r\nb", "\xef\xbb\xbfx", "\xff\xfea\x00", "caf\xe9", "\x1b]52;c;x\x07", "\u009b2J", "\xcf\xf0\xe8"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, _, err := Decode(raw)
		if err != nil {
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8: %q", got)
		}
		for _, r := range got {
			if r != '\n' && r != '\t' && (unicode.IsControl(r) || r == 0x1b) {
				t.Fatalf("control rune %U in %q", r, got)
			}
		}
		again, _, err := Decode([]byte(got))
		if err != nil || again != got {
			t.Fatalf("not idempotent: %q -> %q (%v)", got, again, err)
		}
	})
}

// BenchmarkDecode measures decoding of clean UTF-8 (the fast path) and of
// Windows-1252 text with CRLF line ends.
func BenchmarkDecode(b *testing.B) {
	clean := []byte(strings.Repeat("Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.\n\n", 60))
	legacy := encode(b, charmap.Windows1252, strings.Repeat("Profits rose to £600m in the café.\r\n", 120))
	for _, bc := range []struct {
		name string
		raw  []byte
	}{{"utf-8", clean}, {"windows-1252-crlf", legacy}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.raw)))
			for b.Loop() {
				if _, _, err := Decode(bc.raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
