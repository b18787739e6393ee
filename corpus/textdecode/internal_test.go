package textdecode

import (
	"math/rand/v2"
	"testing"
)

// randomText returns n bytes drawn mostly from printable ASCII, with line
// ends, tabs, controls and high bytes mixed in.
func randomText(rng *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		switch rng.UintN(10) {
		case 0:
			b[i] = byte(rng.UintN(256))
		case 1:
			b[i] = "\r\n\t\f\x1b\x7f"[rng.UintN(6)]
		default:
			b[i] = byte(0x20 + rng.UintN(0x5f))
		}
	}
	return b
}

func TestSkipHelpersMatchByteLoops(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		b := randomText(rng, int(rng.UintN(40)))
		for i := 0; i <= len(b); i++ {
			want := i
			for want < len(b) && b[want] >= 0x20 && b[want] < 0x7f {
				want++
			}
			if got := skipPrintable(b, i); got != want {
				t.Fatalf("skipPrintable(%q, %d) = %d, want %d", b, i, got, want)
			}
			if got := skipPrintable(string(b), i); got != want {
				t.Fatalf("skipPrintable(string %q, %d) = %d, want %d", b, i, got, want)
			}
			want = i
			for want < len(b) && b[want] < 0x80 {
				want++
			}
			if got := skipASCII(b, i); got != want {
				t.Fatalf("skipASCII(%q, %d) = %d, want %d", b, i, got, want)
			}
		}
	}
}

// The one-pass legacy decoder must agree with decoding first and normalising
// after, which is what it replaces for text without ESC.
func TestLegacyOnePassMatchesNormalize(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		raw := randomText(rng, int(rng.UintN(60)))
		for i, c := range raw {
			if c == 0x1b {
				raw[i] = 'e'
			}
		}
		for _, cs := range []*charset{cp1252, cp1251} {
			got := cs.decode(raw)
			want := normalize(cs.decodeKeepingControls(raw))
			if got != want {
				t.Fatalf("%s: decode(%q)\n got %q\nwant %q", cs.name, raw, got, want)
			}
		}
	}
}

func TestScoreVotes(t *testing.T) {
	tests := []struct {
		name              string
		raw               string
		western, cyrillic int // expected sign of each score
	}{
		{"accent inside ascii word", "caf\xe9", 1, -1},
		{"cyrillic word", "\xcf\xf0\xe8\xe2\xe5\xf2", -1, 1}, // Привет
		{"pound before digits", "\xa315", 0, -1},
		{"lone letter", "\xe0", 0, 0},
		{"bad case in cyrillic reading", "\xe4\xc0\xe4", -1, -1},
	}
	sign := func(n int) int {
		switch {
		case n > 0:
			return 1
		case n < 0:
			return -1
		}
		return 0
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, c := scoreBoth([]byte(tt.raw))
			if sign(w) != tt.western || sign(c) != tt.cyrillic {
				t.Errorf("scoreBoth(%q) = %d, %d; want signs %d, %d", tt.raw, w, c, tt.western, tt.cyrillic)
			}
		})
	}
}
