package actors

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// orgHeads are the nouns that end the name of a body: a capitalised run
// ending in one right after an organisation continues its name ("UN" +
// "Regional Centre"), and a name holding one may go on with "for ...".
var orgHeads = map[string]bool{"centre": true, "center": true, "council": true, "commission": true,
	"committee": true, "office": true, "agency": true, "programme": true, "program": true,
	"organisation": true, "organization": true, "institute": true, "department": true, "ministry": true,
	"bank": true, "fund": true, "union": true, "association": true, "foundation": true, "court": true,
	"service": true, "mission": true, "authority": true, "bureau": true, "board": true}

// extendOrganisations lengthens organisations the tagger cut short: "UN"
// followed by the untagged "Regional Centre" is "UN Regional Centre", and
// a body's name goes on over "for Preventive Diplomacy" and, after a first
// "for", over a place ("... for Central Asia"). Mentions inside the longer
// name are removed; a person's name is never swallowed.
func extendOrganisations(text string, ms []local) []local {
	for i := 0; i < len(ms); i++ {
		if ms[i].kind != organisation {
			continue
		}
		end := int(ms[i].end)
		if e, ok := headRunAfter(text, end); ok {
			end = e
		}
		for {
			e, ok := qualifierAfter(text, int(ms[i].start), end, ms)
			if !ok {
				break
			}
			end = e
		}
		if end == int(ms[i].end) || swallowsPerson(ms, i, end) {
			continue
		}
		ms[i].end = int32(end)
		ms = slices.Delete(ms, i+1, i+1+countInside(ms[i+1:], end))
	}
	return ms
}

// headRunAfter finds a run of capitalised words right after pos whose last
// word is a head noun, and returns where it ends.
func headRunAfter(text string, pos int) (int, bool) {
	best, p := 0, pos
	for range 4 {
		if !strings.HasPrefix(text[p:], " ") {
			break
		}
		w := capitalisedWord(text[p+1:])
		if w == "" {
			break
		}
		p += 1 + len(w)
		if inLower(orgHeads, w) {
			best = p
		}
	}
	return best, best > 0
}

// qualifierAfter extends a body's name text[start:end] over " for X" or
// " of X" where X is a run of capitalised words (with "and", "the" between
// them). X may be a place only after the name already has its own "for"
// part, so that "World Bank for Kenya" stays two names.
func qualifierAfter(text string, start, end int, ms []local) (int, bool) {
	name := text[start:end]
	if !containsHead(name) {
		return 0, false
	}
	rest := text[end:]
	var prep string
	for _, p := range []string{" for ", " of "} {
		if strings.HasPrefix(rest, p) {
			prep = p
		}
	}
	if prep == "" {
		return 0, false
	}
	runEnd := capitalisedRun(text, end+len(prep))
	if runEnd == 0 {
		return 0, false
	}
	if tagged := mentionAt(ms, end+len(prep)); tagged != nil {
		if tagged.kind != place || prep != " for " || !strings.Contains(name, " for ") || int(tagged.end) != runEnd {
			return 0, false
		}
	}
	return runEnd, true
}

// containsHead reports a name with a head noun among its words.
func containsHead(name string) bool {
	return slices.ContainsFunc(strings.Fields(name), func(w string) bool { return inLower(orgHeads, w) })
}

// capitalisedRun returns the end of a run of capitalised words starting
// at pos, with "and" or "the" allowed between two of them, or 0. Month and
// day names end it: "the Commerce Department for November" names a month.
func capitalisedRun(text string, pos int) int {
	end, p := 0, pos
	for range 8 {
		w := capitalisedWord(text[p:])
		if w == "" || inLower(calendarWords, w) {
			break
		}
		p += len(w)
		end = p
		joiner := ""
		for _, j := range []string{" and ", " the "} {
			if strings.HasPrefix(text[p:], j) {
				joiner = j
			}
		}
		switch {
		case joiner != "" && capitalisedWord(text[p+len(joiner):]) != "":
			p += len(joiner)
		case strings.HasPrefix(text[p:], " ") && capitalisedWord(text[p+1:]) != "":
			p++
		default:
			return end
		}
	}
	return end
}

// capitalisedWord returns the word starting s if it starts with a capital
// and holds only letters, hyphens and apostrophes.
func capitalisedWord(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return ""
	}
	n := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' })
	if n < 0 {
		n = len(s)
	}
	return strings.TrimRight(s[:n], "-'’")
}

// calendarWords are the capitalised words of dates.
var calendarWords = map[string]bool{"january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true}

// mentionAt returns the mention starting at pos, if any.
func mentionAt(ms []local, pos int) *local {
	for i := range ms {
		if int(ms[i].start) == pos {
			return &ms[i]
		}
	}
	return nil
}

// swallowsPerson reports whether lengthening mention i to end would take
// in a person's name.
func swallowsPerson(ms []local, i, end int) bool {
	for _, m := range ms[i+1:] {
		if int(m.start) >= end {
			break
		}
		if m.kind == person {
			return true
		}
	}
	return false
}

// countInside counts the leading mentions of ms that start before end.
func countInside(ms []local, end int) int {
	n := 0
	for n < len(ms) && int(ms[n].start) < end {
		n++
	}
	return n
}
