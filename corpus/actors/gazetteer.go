package actors

import (
	_ "embed"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// knownPlaces is a gazetteer of the world's countries, territories and
// regions in English, folded with norm. Its source is the Unicode CLDR
// territory names as shipped in golang.org/x/text/language/display; groups
// that are organisations rather than places (European Union, United
// Nations, Eurozone) are left out.
var knownPlaces = sync.OnceValue(func() map[string]bool {
	names := display.English.Regions()
	places := map[string]bool{}
	add := func(code string) {
		r, err := language.ParseRegion(code)
		if err != nil || !(r.IsCountry() || r.IsGroup()) {
			return
		}
		name := names.Name(r)
		if name == "" || strings.Contains(name, "Union") || strings.Contains(name, "Nations") || strings.Contains(name, "zone") {
			return
		}
		places[norm(name)] = true
	}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			add(string([]rune{a, b}))
		}
	}
	for n := 1; n < 1000; n++ {
		add(strings.Repeat("0", 3-len(itoa(n))) + itoa(n))
	}
	return places
})

// itoa formats a small non-negative number.
func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// isDemonym reports a word for the people or things of a place rather than
// a name: "Russian" (Russia), "Central Asian", "Uzbek" (Uzbekistan),
// "Kyrgyz" (Kyrgyzstan), "Iraqi", "Chinese", "German" (Germany).
func isDemonym(name string, places map[string]bool) bool {
	return isFoldedDemonym(norm(name), places)
}

// isFoldedDemonym is isDemonym for a name already folded with norm.
func isFoldedDemonym(n string, places map[string]bool) bool {
	if places[n+"istan"] || places[n+"stan"] || places[n+"y"] {
		return true
	}
	for _, end := range []string{"n", "an", "ian", "i", "ese", "ish", "ic"} {
		stem, ok := strings.CutSuffix(n, end)
		if !ok || len(stem) < 3 {
			continue
		}
		if places[stem] || places[stem+"a"] || places[stem+"y"] || places[stem+"e"] || places[stem+"o"] {
			return true
		}
	}
	return false
}

// lowerWordsIn marks in found the words of wanted that text writes in
// lower case. Words are runs of letters and hyphens, as in the names; only
// those starting with a lower-case letter are looked up. Several texts may
// be read at once with the same found.
func lowerWordsIn(text string, wanted *wordTable, found []atomic.Bool) {
	for i := 0; i < len(text); {
		end := nameWordEnd(text, i)
		if end == i {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		word := text[i:end]
		i = end
		if !startsLower(word) {
			continue
		}
		if k := wanted.find(word); k >= 0 && !found[k].Load() {
			found[k].Store(true)
		}
	}
}

// wordTable is a set of words numbered from 0, built once and then read by
// many goroutines: an open-addressing hash table, cheaper than a map for
// the tens of millions of lookups of lowerWordsIn.
type wordTable struct {
	words []string
	slots []int32 // 1 + the index of a word, 0 for an empty slot
	mask  uint64
}

// newWordTable makes the set of words, which must be distinct.
func newWordTable(words []string) *wordTable {
	size := 2
	for size < 2*len(words) {
		size *= 2
	}
	s := &wordTable{words: words, slots: make([]int32, size), mask: uint64(size - 1)}
	for k, w := range words {
		i := wordHash(w) & s.mask
		for s.slots[i] != 0 {
			i = (i + 1) & s.mask
		}
		s.slots[i] = int32(k + 1)
	}
	return s
}

// find returns the number of word in the set, or -1.
func (s *wordTable) find(word string) int {
	for i := wordHash(word) & s.mask; ; i = (i + 1) & s.mask {
		k := s.slots[i]
		if k == 0 {
			return -1
		}
		if s.words[k-1] == word {
			return int(k - 1)
		}
	}
}

// wordHash is the 64-bit FNV-1a hash of a word.
func wordHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * 1099511628211
	}
	return h
}

// nameWordEnd returns where the run of name runes (letters and hyphens)
// starting at byte i of text ends; i itself when there is none.
func nameWordEnd(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-') {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isNameRune(r) {
			return i
		}
		i += size
	}
	return i
}

// isNameRune reports a rune of a word: a letter or a hyphen.
func isNameRune(r rune) bool {
	return unicode.IsLetter(r) || r == '-'
}

// startsLower reports a word whose first letter is lower case.
func startsLower(word string) bool {
	if c := word[0]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsLower(r)
}

// allCommonWords reports a name whose every word the texts also write in
// lower case.
func allCommonWords(name string, lower map[string]bool) bool {
	for _, w := range strings.Fields(name) {
		if !inLower(lower, w) {
			return false
		}
	}
	return true
}

// Word lists made by `go generate` from CoNLL-2003 train (see gen.go).
var (
	//go:embed common_words.txt
	commonWordsFile string
	//go:embed name_words.txt
	nameWordsFile string
	//go:embed entity_words.txt
	entityWordsFile string
)

// commonWords are words news text writes in lower case; nameWords are
// words seen inside people's names, entityWords inside names of any kind.
var (
	commonWords = sync.OnceValue(func() map[string]bool { return wordSet(commonWordsFile) })
	nameWords   = sync.OnceValue(func() map[string]bool { return wordSet(nameWordsFile) })
	entityWords = sync.OnceValue(func() map[string]bool { return wordSet(entityWordsFile) })
)

// wordSet reads one word a line, skipping "#" comments.
func wordSet(src string) map[string]bool {
	out := map[string]bool{}
	for line := range strings.Lines(src) {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			out[w] = true
		}
	}
	return out
}

// isCapitalisedPhrase reports a "person" that is common words in capitals
// ("Law Enforcement", "Emergency Situations"): every word one that news
// writes in lower case, the last never part of a person's name. "Theresa
// May" and "Bill Gates" stay people, and so does a lone surname ("Ferry"
// for Bryan Ferry).
func isCapitalisedPhrase(name string) bool {
	words := strings.Fields(strings.ToLower(name))
	if len(words) < 2 || nameWords()[words[len(words)-1]] {
		return false
	}
	for _, w := range words {
		if !commonWords()[w] {
			return false
		}
	}
	return true
}
