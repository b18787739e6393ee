package textdecode

// Word-at-a-time scanning. Most text is long runs of printable ASCII that no
// step of Decode has to look at; checking eight bytes at once keeps those
// runs cheap.

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// load64 reads the first eight bytes of s as a little-endian word; the
// compiler turns it into a single load.
func load64[T string | []byte](s T) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// skipPrintable returns the index of the first byte at or after i that is
// not printable ASCII (0x20–0x7E), or len(s).
func skipPrintable[T string | []byte](s T, i int) int {
	for ; i+8 <= len(s); i += 8 {
		// A byte below 0x20 borrows into its high bit when 0x20 is
		// subtracted; a byte of 0x7F or more sets it when 1 is added (0xFF
		// is caught by the subtraction). Carries and borrows between bytes
		// only start at such a byte, so they can cause a stop one word
		// early, never a miss.
		w := load64(s[i : i+8])
		if ((w-0x20*ones)|(w+ones))&highs != 0 {
			break
		}
	}
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
		i++
	}
	return i
}

// skipASCII returns the index of the first byte at or after i that is 0x80
// or more, or len(s).
func skipASCII[T string | []byte](s T, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if load64(s[i:i+8])&highs != 0 {
			break
		}
	}
	for i < len(s) && s[i] < 0x80 {
		i++
	}
	return i
}
