package actors

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bracketedAcronyms finds the acronyms in brackets in text, "(OSCE)",
// "[EU-ACT]": a capital or digit, then 1 to 11 capitals, digits, "&", "."
// or "-", and the closing bracket. It returns the offsets of each bracket
// and of its acronym, as regexp's submatch indices would.
func bracketedAcronyms(text string) [][4]int {
	var out [][4]int
	for i := 0; i < len(text); i++ {
		if text[i] != '(' && text[i] != '[' {
			continue
		}
		if end, ok := acronymAt(text, i+1); ok {
			out = append(out, [4]int{i, end + 1, i + 1, end})
			i = end
		}
	}
	return out
}

// acronymAt reads an acronym starting at i and returns where its closing
// bracket is.
func acronymAt(text string, i int) (int, bool) {
	n := 0
	for j := i; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		switch {
		case (r == ')' || r == ']') && n >= 2:
			return j, true
		case n >= 12:
			return 0, false
		case unicode.IsUpper(r) || unicode.IsDigit(r), n > 0 && (r == '&' || r == '.' || r == '-'):
			n++
			j += size
		default:
			return 0, false
		}
	}
	return 0, false
}

// acronymDefinitions adds the organisations a text defines with an acronym
// in brackets: the longest run of capitalised words (and the small words
// between them) just before the bracket whose initials the acronym
// abbreviates is the name, and the acronym a mention of it. Mentions the
// tagger made inside either are replaced, so "EU Action", "Drugs" and
// "Organised Crime" become "EU Action against Drugs and Organised Crime".
func acronymDefinitions(text string, ms []local) []local {
	for _, loc := range bracketedAcronyms(text) {
		acr := text[loc[2]:loc[3]]
		if !isAcronym(acr) {
			continue
		}
		start, ok := expansionBefore(text, loc[0], acr)
		if !ok {
			continue
		}
		end := strings.TrimRight(text[:loc[0]], " ")
		name := newLocal(start, len(end), organisation)
		abbr := newLocal(loc[2], loc[3], organisation)
		ms = replaceOverlapping(ms, name, abbr)
	}
	return ms
}

// expansionBefore walks back from pos over capitalised words and joiners
// and returns the start of the shortest such run that the acronym
// abbreviates and that begins with a capitalised word.
func expansionBefore(text string, pos int, acr string) (int, bool) {
	end := len(strings.TrimRight(text[:pos], " "))
	p := end
	for range 12 {
		prev := strings.LastIndexByte(text[:p], ' ') + 1
		word := text[prev:p]
		r, _ := utf8.DecodeRuneInString(word)
		if word == "" || strings.ContainsAny(word, ",.;:()[]\"“”\n") || (!unicode.IsUpper(r) && !joinerWords[word] && word != "against") {
			return 0, false
		}
		if unicode.IsUpper(r) && initialsMatch(acr, text[prev:end]) && coversAcronym(acr, text[prev:end]) {
			return prev, true
		}
		if prev == 0 {
			return 0, false
		}
		p = prev - 1
	}
	return 0, false
}

// coversAcronym reports whether the acronym holds the initials of at least
// half the capitalised words of name, so that a run does not reach back over
// words the acronym does not abbreviate, while loose acronyms such as
// "EU-ACT" for "EU Action against Drugs and Organised Crime" still count.
func coversAcronym(acr, name string) bool {
	letters := strings.ToLower(acr)
	words, covered := 0, 0
	for _, w := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		words++
		if strings.ContainsRune(letters, unicode.ToLower(r)) {
			covered++
		}
	}
	return covered*2 >= words
}

// replaceOverlapping removes the mentions that overlap any of adds and
// inserts adds, keeping the list sorted by start.
func replaceOverlapping(ms []local, adds ...local) []local {
	kept := ms[:0:0]
	for _, m := range ms {
		if !slices.ContainsFunc(adds, func(a local) bool { return m.start < a.end && a.start < m.end }) {
			kept = append(kept, m)
		}
	}
	kept = append(kept, adds...)
	slices.SortFunc(kept, func(a, b local) int { return cmp.Compare(a.start, b.start) })
	return kept
}

// nameParticles join the parts of a person's name: "Pierre von Arx".
var nameParticles = map[string]bool{"von": true, "van": true, "de": true, "da": true, "di": true, "del": true, "der": true, "den": true, "du": true, "le": true, "la": true, "al": true, "el": true, "bin": true, "ibn": true, "ter": true}

// joinNameParts merges person mentions split around a particle ("Pierre"
// "von" "Arx") or an editorial bracket ("Shavkat Miromonovich
// [Mirziyoyev]") into one mention, written over ms.
func joinNameParts(text string, ms []local) []local {
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].kind == person && m.kind == person {
			gap := text[out[n-1].end:m.start]
			if g := strings.TrimSpace(gap); nameParticles[g] {
				out[n-1].end = m.end
				continue
			}
			if strings.TrimSpace(gap) == "[" && strings.HasPrefix(text[m.end:], "]") {
				out[n-1].end = m.end + 1
				continue
			}
		}
		out = append(out, m)
	}
	return out
}
