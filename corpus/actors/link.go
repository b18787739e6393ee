package actors

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// norm folds a name for comparison: case, curly apostrophes, spacing.
func norm(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "’", "'")
	return strings.Join(strings.Fields(s), " ")
}

// isAcronym reports a short all-capital word such as "EU", "OSCE", "EU-ACT".
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			letters++
		case r == '-' || r == '.' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 10
}

// acronymPunctuation removes the punctuation an acronym may hold; a
// Replacer is built on first use, so it is made once, here.
var acronymPunctuation = strings.NewReplacer("-", "", ".", "", "&", "")

// initialsMatch reports whether acronym can abbreviate name: its letters
// appear in order in the name, the first one starting the name.
func initialsMatch(acronym, name string) bool {
	a := []rune(strings.ToLower(acronymPunctuation.Replace(acronym)))
	n := []rune(strings.ToLower(name))
	if len(a) == 0 || len(n) == 0 || a[0] != n[0] || len(strings.Fields(name)) < 2 {
		return false
	}
	j := 1
	for _, r := range n[1:] {
		if j < len(a) && r == a[j] {
			j++
		}
	}
	return j == len(a)
}

// abbreviates reports whether acronym can stand for name: its letters in
// order, and most of them the initials of the name's words, so that "U.S."
// after "Al Unser Jr" is a country and not his acronym.
func abbreviates(acronym, name string) bool {
	if !initialsMatch(acronym, name) {
		return false
	}
	initials := map[rune]int{}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		r, _ := utf8.DecodeRuneInString(w)
		initials[r]++
	}
	letters, hits := 0, 0
	for _, r := range strings.ToLower(acronym) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		letters++
		if initials[r] > 0 {
			initials[r]--
			hits++
		}
	}
	return hits*2 > letters
}

// acronymPair is an acronym a text defines and the name it stands for.
type acronymPair struct {
	acronym, expansion string
}

// acronymPairs returns the acronyms a text defines next to an organisation's
// name, in either order: "the European Union (EU)", "BOMCA [Border
// Management Programme in Central Asia]".
func acronymPairs(text string, ms []local) []acronymPair {
	var out []acronymPair
	for _, m := range ms {
		if m.kind != organisation {
			continue
		}
		inner, ok := bracketAfter(text, int(m.end))
		if !ok {
			continue
		}
		switch name := m.in(text); {
		case isAcronym(inner) && abbreviates(inner, name):
			out = append(out, acronymPair{inner, name})
		case isAcronym(name) && abbreviates(name, inner):
			out = append(out, acronymPair{name, inner})
		}
	}
	return out
}

// acronymsDefined records the acronyms of every doc, in doc order.
func acronymsDefined(perDoc [][]acronymPair) *acronymTable {
	t := newAcronymTable()
	for _, pairs := range perDoc {
		for _, p := range pairs {
			setAcronym(t, p.acronym, p.expansion)
		}
	}
	return t
}

// acronymTable holds the acronyms a corpus defines: for each, its fullest
// expansion, and for every expansion seen, its acronym. Two expansions of
// one acronym ("Border Management Programme in Central Asia", "Border
// Management in Central Asia") are one organisation.
type acronymTable struct {
	expansion map[string]string // acronym → fullest expansion
	acronym   map[string]string // folded expansion → acronym
}

// newAcronymTable makes an empty table.
func newAcronymTable() *acronymTable {
	return &acronymTable{expansion: map[string]string{}, acronym: map[string]string{}}
}

// setAcronym records an expansion, keeping the longer one (then the first in
// byte order) as the acronym's canonical form, so that the result does not
// depend on article order.
func setAcronym(t *acronymTable, acronym, expansion string) {
	old, ok := t.expansion[acronym]
	if !ok || len(expansion) > len(old) || (len(expansion) == len(old) && expansion < old) {
		t.expansion[acronym] = expansion
	}
	t.acronym[norm(expansion)] = acronym
}

// bracketAfter returns the text in brackets right after position end.
func bracketAfter(text string, end int) (string, bool) {
	rest := strings.TrimLeft(text[end:], " ")
	if rest == "" || (rest[0] != '(' && rest[0] != '[') {
		return "", false
	}
	closing := map[byte]byte{'(': ')', '[': ']'}[rest[0]]
	i := strings.IndexByte(rest, closing)
	if i < 0 || i > 120 {
		return "", false
	}
	return strings.TrimSpace(rest[1:i]), true
}

// editorialBrackets removes the brackets of editorial insertions.
var editorialBrackets = strings.NewReplacer("[", "", "]", "")

// personKey folds a person's name to its first and last words, without
// editorial brackets, so that "Shavkat Miromonovich [Mirziyoyev]" and
// "Shavkat Mirziyoyev" are one person.
func personKey(name string) string {
	words := strings.Fields(norm(editorialBrackets.Replace(name)))
	if len(words) > 2 {
		words = []string{words[0], words[len(words)-1]}
	}
	return strings.Join(words, " ")
}

// formCount is how many mentions of an actor resolved to one canonical form.
type formCount struct {
	form string
	n    int
}

// canonicalName picks the display form of an actor among the canonical
// forms its mentions resolved to: one not in capitals, then the most used,
// then the first in byte order; "" when there are none.
func canonicalName(canonicals []formCount) string {
	var best formCount
	for _, c := range canonicals {
		if best.form == "" || better(c.form, c.n, best.form, best.n) {
			best = c
		}
	}
	return best.form
}

// better reports whether form a (used n times) is a better display name
// than form b (used m times).
func better(a string, n int, b string, m int) bool {
	if bracketA, bracketB := strings.Contains(a, "["), strings.Contains(b, "["); bracketA != bracketB {
		return bracketB
	}
	if capsA, capsB := isAllCaps(a), isAllCaps(b); capsA != capsB {
		return capsB
	}
	if n != m {
		return n > m
	}
	return a < b
}

// isAllCaps reports a name written in capitals only.
func isAllCaps(s string) bool {
	return strings.IndexFunc(s, unicode.IsLower) < 0
}

// slug makes the name part of an id: lower case, letters and digits, dashes.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// uniqueID returns id, or id with a numeric suffix if already taken.
func uniqueID(id string, taken map[string]bool) string {
	out := id
	for n := 2; taken[out]; n++ {
		out = id + "-" + strconv.Itoa(n)
	}
	taken[out] = true
	return out
}
