package textdecode

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// encodeWith encodes s with enc, failing the test if it cannot.
func encodeWith(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

// checkDecode runs Decode and compares text and encoding, then checks the
// invariants every successful result must hold.
func checkDecode(t *testing.T, raw []byte, wantText, wantEnc string) {
	t.Helper()
	got, enc, err := Decode(raw)
	if err != nil {
		t.Fatalf("Decode(%q): unexpected error %v", raw, err)
	}
	if got != wantText || enc != wantEnc {
		t.Errorf("Decode(%q)\n got %q, %q\nwant %q, %q", raw, got, enc, wantText, wantEnc)
	}
	checkInvariants(t, got)
}

// checkInvariants asserts the promises Decode makes about its text.
func checkInvariants(t testing.TB, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Fatalf("output is not valid UTF-8: %q", text)
	}
	for _, r := range text {
		if r == '\r' || isControl(r) {
			t.Fatalf("output holds control %U: %q", r, text)
		}
	}
	again, _, err := Decode([]byte(text))
	if err != nil || again != text {
		t.Fatalf("Decode is not idempotent:\n first %q\nsecond %q (err %v)", text, again, err)
	}
}

// isControl reports a control rune other than '\n' and '\t'.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f)
}

func TestDecodeEmpty(t *testing.T) {
	got, enc, err := Decode(nil)
	if got != "" || enc != "utf-8" || err != nil {
		t.Errorf("Decode(nil) = %q, %q, %v; want \"\", \"utf-8\", nil", got, enc, err)
	}
}

func TestDecodeUTF8(t *testing.T) {
	tests := []struct {
		name, raw, want, enc string
	}{
		{"ascii", "Hello, world.\n", "Hello, world.\n", "utf-8"},
		{"multibyte", "Größe – “quoted” £5 Привет 日本", "Größe – “quoted” £5 Привет 日本", "utf-8"},
		{"bom", "\xef\xbb\xbfHello", "Hello", "utf-8-bom"},
		{"bom only", "\xef\xbb\xbf", "", "utf-8-bom"},
		{"bom multibyte", "\xef\xbb\xbfcafé", "café", "utf-8-bom"},
		{"stray latin-1 byte", "“Quoted” price: \xa35, café", "“Quoted” price: £5, café", "utf-8"},
		{"bom with stray byte", "\xef\xbb\xbfcaf\xe9", "café", "utf-8-bom"},
		{"cut mid-character", "Привет, ми\xd1", "Привет, ми", "utf-8"},
		{"cut 3-byte", "“Quote” \xe2\x80", "“Quote” ", "utf-8"},
		{"replacement characters are text", "\ufffd\ufffd\ufffd\r\n\ufffd\ufffd", "\ufffd\ufffd\ufffd\n\ufffd\ufffd", "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDecode(t, []byte(tt.raw), tt.want, tt.enc)
		})
	}
}

func TestDecodeUTF8FastPathReturnsSameText(t *testing.T) {
	raw := []byte("Plain text, “quotes”, Größe.\nSecond line.\n")
	got, _, _ := Decode(raw)
	if got != string(raw) {
		t.Fatalf("got %q", got)
	}
	raw[0] = 'X' // the result must not alias the input
	if got[0] != 'P' {
		t.Fatal("Decode result aliases its input")
	}
}

// Sentences in Western European languages, as Windows-1252 would hold them.
var westernSentences = []string{
	"Le président a déclaré qu'il était prêt à négocier avec les syndicats.",
	"Die Größe der Straße überraschte die Bürger von Zürich.",
	"El niño comió una manzana en España y luego se durmió.",
	"The club paid £15.8m for the striker, a record fee.",
	"A informação não está disponível para os cidadãos.",
	"Ça va? Oui, à côté de l'église.",
	"¿Qué pasó? ¡Nadie sabe!",
	"Björk and Sigur Rós played Reykjavík — “a triumph”, said critics…",
	"Öl kostet 5 € pro Liter, sagte Jürgen.",
	"Vive la différence",
	"café",
	"Größe",
	"£5",
	"5 €",
	"£3.35m",
	"1º piso, 2ª planta",
	"naïve",
	"Été",
	"São Paulo",
	"Ærø",
	"½ price",
	"œuvre",
	"Šibenik",
	"José Mourinho",
	"Arsène Wenger",
	"Les élèves",
	"Fußball",
	"Müller 3:1",
	"Crème brûlée",
	"1ère",
	"déjà vu",
	"Señor",
	"MÜNCHEN",
	"CAFÉ",
	"Tromsø",
	// A lone accented letter or symbol is ambiguous; a tie goes to
	// Windows-1252.
	"à",
	"“quoted” — and…",
}

// Sentences in Cyrillic languages, as Windows-1251 would hold them.
var cyrillicSentences = []string{
	"Привет, как дела? Сегодня хорошая погода.",
	"В 2010 году компания Apple выпустила новый iPhone.",
	"Київ є столицею України, і це чудове місто.",
	"Їжак їсть яблуко, а ґава сидить на гілці.",
	"България е държава в Югоизточна Европа.",
	"Съобщението беше публикувано в събота.",
	"Љубав и Ђорђе — српски текст.",
	"МОСКВА, 5 марта. Президент подписал указ.",
	"Привет",
	"Да",
	"Он",
	"мир",
	"ПРИВЕТ МИР",
	"Київ",
	"Ще",
	"«Известия»",
	"Цена: 500 руб.",
	"Ёж",
	"ещё",
	"Шёл",
	"ЦСКА",
	"ГЛАВНОЕ",
	"Україна",
	"Євген",
	"Ґанок",
	"Бъдеще",
	"ПІДСУМКИ",
}

func TestDecodeWindows1252(t *testing.T) {
	for _, s := range westernSentences {
		t.Run(s, func(t *testing.T) {
			checkDecode(t, encodeWith(t, charmap.Windows1252, s), s, "windows-1252")
		})
	}
}

func TestDecodeWindows1251(t *testing.T) {
	for _, s := range cyrillicSentences {
		t.Run(s, func(t *testing.T) {
			checkDecode(t, encodeWith(t, charmap.Windows1251, s), s, "windows-1251")
		})
	}
}

func TestDecodeLegacyUndefinedBytes(t *testing.T) {
	// 0x81 is undefined in Windows-1252: it is dropped, like a C1 control.
	checkDecode(t, []byte("Un caf\xe9 tr\xe8s \x81bon, merci."), "Un café très bon, merci.", "windows-1252")
}

func TestDecodeLegacyCRLF(t *testing.T) {
	raw := encodeWith(t, charmap.Windows1252, "Première ligne\r\nDeuxième ligne\r\n\r\nFin")
	checkDecode(t, raw, "Première ligne\nDeuxième ligne\n\nFin", "windows-1252")
}

func TestDecodeUTF16(t *testing.T) {
	le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	english := "Hello, world.\r\nSecond line with café and “quotes”."
	russian := "Привет, как дела? Сегодня хорошая погода, и мы идём гулять."
	wantEnglish := "Hello, world.\nSecond line with café and “quotes”."
	tests := []struct {
		name string
		raw  []byte
		want string
		enc  string
	}{
		{"le bom", append([]byte{0xff, 0xfe}, encodeWith(t, le, english)...), wantEnglish, "utf-16le"},
		{"be bom", append([]byte{0xfe, 0xff}, encodeWith(t, be, english)...), wantEnglish, "utf-16be"},
		{"le bom cyrillic", append([]byte{0xff, 0xfe}, encodeWith(t, le, russian)...), russian, "utf-16le"},
		{"le bom only", []byte{0xff, 0xfe}, "", "utf-16le"},
		{"le no bom", encodeWith(t, le, english), wantEnglish, "utf-16le"},
		{"be no bom", encodeWith(t, be, english), wantEnglish, "utf-16be"},
		{"le no bom cyrillic", encodeWith(t, le, russian), russian, "utf-16le"},
		{"be no bom cyrillic", encodeWith(t, be, russian), russian, "utf-16be"},
		{"le no bom short", encodeWith(t, le, "hi"), "hi", "utf-16le"},
		{"be no bom short", encodeWith(t, be, "Hi!"), "Hi!", "utf-16be"},
		{"le bom with controls", append([]byte{0xff, 0xfe}, encodeWith(t, le, "a\x1b[2Jb")...), "ab", "utf-16le"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDecode(t, tt.raw, tt.want, tt.enc)
		})
	}
}

func TestDecodeLineEndsAndSpaces(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"crlf", "a\r\nb\r\n", "a\nb\n"},
		{"lone cr", "a\rb\r", "a\nb\n"},
		{"cr cr lf", "a\r\r\nb", "a\n\nb"},
		{"mixed", "a\r\nb\rc\nd", "a\nb\nc\nd"},
		{"nbsp", "10\u00a0km", "10 km"},
		{"narrow nbsp", "« Oui\u202f»", "« Oui »"},
		{"figure space", "1\u2007000", "1 000"},
		{"zero width space", "long\u200bword", "longword"},
		{"word joiner", "a\u2060b", "ab"},
		{"bom inside", "a\ufeffb", "ab"},
		{"soft hyphen", "hyphen\u00adation", "hyphenation"},
		{"zwnj zwj kept", "می\u200cخواهم \u200d", "می\u200cخواهم \u200d"},
		{"line separators", "a\u2028b\u2029c", "a\nb\nc"},
		{"tab kept", "a\tb", "a\tb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDecode(t, []byte(tt.raw), tt.want, "utf-8")
		})
	}
}

// controlCases are inputs with controls and escape sequences and what
// StripControls must leave of them.
var controlCases = []struct {
	name, in, want string
}{
	{"c0", "a\x01b\x02c\x7fd", "abcd"},
	{"bell backspace", "ding\x07\x08!", "ding!"},
	{"form feed vertical tab", "a\fb\vc", "abc"},
	{"cr removed", "a\rb", "ab"},
	{"newline tab kept", "a\n\tb", "a\n\tb"},
	{"c1", "a\u0080b\u0085c\u0096d", "abcd"},
	{"csi clear", "before\x1b[2Jafter", "beforeafter"},
	{"csi sgr", "\x1b[1;31mred\x1b[0m text", "red text"},
	{"csi private", "\x1b[?1049hscreen", "screen"},
	{"csi with intermediate", "x\x1b[2 qy", "xy"},
	{"csi malformed", "a\x1b[12\nb", "a\nb"},
	{"csi unterminated at end", "a\x1b[12", "a"},
	{"c1 csi", "a\u009b2Jb", "ab"},
	{"c1 csi sgr", "\u009b31mred", "red"},
	{"osc title bel", "\x1b]0;pwned\x07text", "text"},
	{"osc title st", "\x1b]0;pwned\x1b\\text", "text"},
	{"osc 52 clipboard", "copy\x1b]52;c;ZXZpbA==\x07done", "copydone"},
	{"osc 8 hyperlink", "\x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\", "text"},
	{"osc unterminated", "a\x1b]0;title\nnext", "a\nnext"},
	{"osc unterminated at end", "a\x1b]0;title", "a"},
	{"osc ended by escape", "\x1b]0;t\x1b[2Jx", "x"},
	{"osc 8-bit st", "\x1b]0;t\u009cx", "x"},
	{"c1 osc", "a\u009d0;pwned\u0007b", "ab"},
	{"c1 osc 8-bit st", "a\u009d0;pwned\u009cb", "ab"},
	{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
	{"apc", "a\x1b_payload\x07b", "ab"},
	{"c1 dcs", "a\u0090payload\u009cb", "ab"},
	{"two-byte reset", "a\x1bcb", "ab"},
	{"two-byte save cursor", "a\x1b7b", "ab"},
	{"charset designation", "a\x1b(Bb", "ab"},
	{"lone esc at end", "a\x1b", "a"},
	{"esc before control", "a\x1b\x01b", "ab"},
	{"esc before non-ascii", "a\x1béb", "aéb"},
	{"clean text untouched", "Plain “text”, Größe.", "Plain “text”, Größe."},
}

func TestStripControls(t *testing.T) {
	for _, tt := range controlCases {
		t.Run(tt.name, func(t *testing.T) {
			if got := StripControls(tt.in); got != tt.want {
				t.Errorf("StripControls(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStripControlsKeepsSpacesAndInvalid(t *testing.T) {
	// StripControls only makes text safe; it does not normalise spaces.
	if got := StripControls("a\u00a0b\u200bc"); got != "a\u00a0b\u200bc" {
		t.Errorf("got %q", got)
	}
	// Invalid UTF-8 (here a raw 8-bit CSI byte) becomes U+FFFD.
	if got := StripControls("a\x9b2Jb"); got != "a\uFFFD2Jb" {
		t.Errorf("got %q", got)
	}
}

func TestStripControlsNoAllocWhenClean(t *testing.T) {
	s := strings.Repeat("Clean title — Größe ", 10)
	if n := testing.AllocsPerRun(100, func() { _ = StripControls(s) }); n != 0 {
		t.Errorf("StripControls allocated %v times on clean text", n)
	}
}

func TestDecodeStripsControls(t *testing.T) {
	for _, tt := range controlCases {
		t.Run(tt.name, func(t *testing.T) {
			// Pad with text so that the controls are a small share; the
			// line break keeps sequences cut at the end of the input cut.
			in := "Some ordinary article text. " + tt.in + "\nMore ordinary text follows here."
			want := "Some ordinary article text. " + tt.want + "\nMore ordinary text follows here."
			if tt.name == "cr removed" {
				want = strings.Replace(want, "ab", "a\nb", 1)
			}
			checkDecode(t, []byte(in), want, "utf-8")
		})
	}
}

func TestDecodeBinary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	noNUL := make([]byte, 4096)
	for i := range noNUL {
		noNUL[i] = byte(1 + rng.UintN(255))
	}
	highOnly := make([]byte, 4096)
	for i := range highOnly {
		highOnly[i] = byte(0x80 + rng.UintN(128))
	}
	tests := []struct {
		name string
		raw  []byte
	}{
		{"nul in text", []byte("abc\x00def")},
		{"nul at end", []byte("plain text\x00")},
		{"stray nul, even length", []byte("abc\x00")},
		{"nul after utf-8 bom", []byte("\xef\xbb\xbfab\x00c")},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")},
		{"elf", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00")},
		{"random", random},
		{"random without nul", noNUL},
		{"random high bytes", highOnly},
		{"controls", []byte("\x01\x02\x03\x04\x05\x06 text \x0e\x0f\x10\x11\x12")},
		{"mostly controls utf-8", []byte("ab\x01\x02\x03\x04cd\x05\x06\x07\x08é")},
		{"utf-16le nuls in both parities", []byte("a\x00\x00b\x00\x00c\x00")},
		{"utf-16 with lone surrogate", []byte("a\x00b\x00\x00\xd8c\x00d\x00")},
		{"utf-16 mostly controls", []byte("\x01\x00\x02\x00\x03\x00a\x00")},
		{"random after utf-16 bom", append([]byte{0xff, 0xfe}, noNUL...)},
		{"private use after utf-16 bom", []byte("\xff\xfe\x00\xe0\x01\xe0\x02\xe0a\x00")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.raw)
			if !errors.Is(err, ErrBinary) {
				t.Errorf("Decode = %q, %q, %v; want ErrBinary", got, enc, err)
			}
		})
	}
}

func TestDecodeTextWithFewControlsIsText(t *testing.T) {
	raw := []byte(strings.Repeat("An ordinary line of text.\n", 20) + "\x1a")
	checkDecode(t, raw, strings.Repeat("An ordinary line of text.\n", 20), "utf-8")
}

// bbcDir holds the BBC news corpus shared between the repositories; the tests
// that read it are skipped when it is absent.
var bbcDir = filepath.Join("..", "..", "..", "shared", "data", "bbc")

func TestDecodeRealLatin1File(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(bbcDir, "sport", "199.txt"))
	if err != nil {
		t.Skipf("sample file not available: %v", err)
	}
	text, enc, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	if enc != "windows-1252" {
		t.Errorf("encoding = %q, want windows-1252", enc)
	}
	if !strings.ContainsAny(text, "£éèàüöäñç") {
		t.Error("no £ or accented letter in the decoded text")
	}
	if strings.ContainsAny(text, "ÃÂ") {
		t.Error("decoded text holds mojibake")
	}
	checkInvariants(t, text)
}

func TestDecodeRealCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(bbcDir, "*", "*.txt"))
	if len(files) == 0 {
		t.Skip("corpus not available")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, enc, err := Decode(raw)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if enc != "utf-8" && enc != "windows-1252" {
			t.Errorf("%s: encoding %q", f, enc)
		}
		if strings.ContainsAny(text, "ÃÂ\r") {
			t.Errorf("%s: mojibake or CR in decoded text", f)
		}
	}
}
