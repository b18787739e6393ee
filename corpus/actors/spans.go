package actors

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bracketAcronym finds an acronym in brackets: "(OSCE)", "(EU-ACT)".
var bracketAcronym = regexp.MustCompile(`[(\[]([\p{Lu}\d][\p{Lu}\d&.\-]{1,11})[)\]]`)

// acronymDefinitions adds the organisations a text defines with an acronym
// in brackets: the longest run of capitalised words (and the small words
// between them) just before the bracket whose initials the acronym
// abbreviates is the name, and the acronym a mention of it. Mentions the
// tagger made inside either are replaced, so "EU Action", "Drugs" and
// "Organised Crime" become "EU Action against Drugs and Organised Crime".
func acronymDefinitions(text string, ms []local) []local {
	for _, loc := range bracketAcronym.FindAllStringSubmatchIndex(text, -1) {
		acr := text[loc[2]:loc[3]]
		if !isAcronym(acr) {
			continue
		}
		start, ok := expansionBefore(text, loc[0], acr)
		if !ok {
			continue
		}
		end := strings.TrimRight(text[:loc[0]], " ")
		name := local{start: start, end: len(end), text: text[start:len(end)], kind: Organisation}
		abbr := local{start: loc[2], end: loc[3], text: acr, kind: Organisation}
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
	slices.SortFunc(kept, func(a, b local) int { return a.start - b.start })
	return kept
}

// nameParticles join the parts of a person's name: "Pierre von Arx".
var nameParticles = map[string]bool{"von": true, "van": true, "de": true, "da": true, "di": true, "del": true, "der": true, "den": true, "du": true, "le": true, "la": true, "al": true, "el": true, "bin": true, "ibn": true, "ter": true}

// joinNameParts merges person mentions split around a particle ("Pierre"
// "von" "Arx") or an editorial bracket ("Shavkat Miromonovich
// [Mirziyoyev]") into one mention.
func joinNameParts(text string, ms []local) []local {
	var out []local
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].kind == Person && m.kind == Person {
			gap := text[out[n-1].end:m.start]
			if g := strings.TrimSpace(gap); nameParticles[g] {
				out[n-1].end, out[n-1].text = m.end, text[out[n-1].start:m.end]
				continue
			}
			if strings.TrimSpace(gap) == "[" && strings.HasPrefix(text[m.end:], "]") {
				out[n-1].end = m.end + 1
				out[n-1].text = text[out[n-1].start:out[n-1].end]
				continue
			}
		}
		out = append(out, m)
	}
	return out
}
