package actors

import (
	"slices"
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

// collectAcronyms records the acronyms a text defines next to a name, in
// either order: "the European Union (EU)", "BOMCA [Border Management
// Programme in Central Asia]".
func collectAcronyms(text string, ms []local, acronyms *acronymTable) {
	for _, m := range ms {
		if m.kind != Organisation {
			continue
		}
		inner, ok := bracketAfter(text, m.end)
		if !ok {
			continue
		}
		switch {
		case isAcronym(inner) && abbreviates(inner, m.text):
			setAcronym(acronyms, inner, m.text)
		case isAcronym(m.text) && abbreviates(m.text, inner):
			setAcronym(acronyms, m.text, inner)
		}
	}
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

// linkLocal gives every mention of one article the canonical form of its
// actor: acronyms their expansion, surnames the full name they shorten.
func linkLocal(ms []local, acronyms *acronymTable) {
	full := fullNames(ms)
	for i := range ms {
		m := &ms[i]
		m.canonical = m.text
		m.key = m.kind + "/" + m.folded
		switch m.kind {
		case Organisation:
			if exp, ok := acronyms.expansion[m.text]; ok {
				m.canonical, m.key = exp, Organisation+"/="+m.text
			} else if acr, ok := acronyms.acronym[m.folded]; ok {
				m.canonical, m.key = acronyms.expansion[acr], Organisation+"/="+acr
			} else if known, ok := knownOrganisations().byForm[m.folded]; ok {
				m.key = known.key
			}
		case Person:
			m.canonical = full.of(m.text)
			m.key = Person + "/" + personKey(m.canonical)
		}
	}
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

// surnameIndex maps the last word of the multi-word person names of one
// article to those names, keyed by first and last name.
type surnameIndex map[string]map[string]string // last word → person key → a full form

// fullNames indexes the multi-word person names among ms.
func fullNames(ms []local) surnameIndex {
	idx := surnameIndex{}
	for _, m := range ms {
		if m.kind != Person {
			continue
		}
		key := personKey(m.text)
		i := strings.LastIndexByte(key, ' ')
		if i < 0 {
			continue
		}
		last := key[i+1:]
		if idx[last] == nil {
			idx[last] = map[string]string{}
		}
		if old, ok := idx[last][key]; !ok || len(m.text) > len(old) || (len(m.text) == len(old) && m.text < old) {
			idx[last][key] = m.text
		}
	}
	return idx
}

// of returns the one full name in the article that ends with the surname
// given, or the name itself when there is none or several people share it.
func (idx surnameIndex) of(name string) string {
	n := norm(name)
	if strings.Contains(n, " ") || len(idx[n]) != 1 {
		return name
	}
	for _, full := range idx[n] {
		return full
	}
	return name
}

// linkSurnamesAcross joins a surname used alone in an article to the one
// full name in the corpus that ends with it.
func linkSurnamesAcross(perDoc [][]local) {
	full := map[string][]string{} // last word → full-name keys
	for _, ms := range perDoc {
		for _, m := range ms {
			name := strings.TrimPrefix(m.key, Person+"/")
			if m.kind == Person && strings.Contains(name, " ") {
				last := name[strings.LastIndexByte(name, ' ')+1:]
				if !slices.Contains(full[last], m.key) {
					full[last] = append(full[last], m.key)
				}
			}
		}
	}
	for _, ms := range perDoc {
		for i := range ms {
			name := strings.TrimPrefix(ms[i].key, Person+"/")
			if ms[i].kind == Person && !strings.Contains(name, " ") && len(full[name]) == 1 {
				ms[i].key = full[name][0]
				ms[i].canonical = ""
			}
		}
	}
}

// build groups the linked mentions into actors with stable ids.
func build(docs []Doc, perDoc [][]local) ([]Actor, [][]Mention) {
	type group struct {
		forms      map[string]int
		canonicals map[string]int
		roles      []string
		articles   []string
		kind       string
	}
	groups := map[string]*group{}
	for i, ms := range perDoc {
		for _, m := range ms {
			g := groups[m.key]
			if g == nil {
				g = &group{forms: map[string]int{}, canonicals: map[string]int{}, kind: m.kind}
				groups[m.key] = g
			}
			g.forms[m.text]++
			if m.canonical != "" {
				g.canonicals[m.canonical]++
			}
			if m.role != "" && !slices.Contains(g.roles, m.role) {
				g.roles = append(g.roles, m.role)
			}
			if n := len(g.articles); n == 0 || g.articles[n-1] != docs[i].ID {
				g.articles = append(g.articles, docs[i].ID)
			}
		}
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	ids := map[string]string{}
	var actors []Actor
	taken := map[string]bool{}
	for _, k := range keys {
		g := groups[k]
		name := canonicalName(g.canonicals)
		id := uniqueID(g.kind+"/"+slug(name), taken)
		ids[k] = id
		var aliases []string
		for f := range g.forms {
			if f != name {
				aliases = append(aliases, f)
			}
		}
		slices.Sort(aliases)
		slices.Sort(g.roles)
		actors = append(actors, Actor{ID: id, Name: name, Kind: g.kind, Aliases: aliases, Roles: g.roles, Articles: g.articles})
	}
	mentions := make([][]Mention, len(perDoc))
	for i, ms := range perDoc {
		for _, m := range ms {
			mentions[i] = append(mentions[i], Mention{Actor: ids[m.key], Start: m.start, End: m.end, Text: m.text})
		}
	}
	return actors, mentions
}

// canonicalName picks the display form of an actor among the canonical
// forms its mentions resolved to: one not in capitals, then the most used,
// then the first in byte order.
func canonicalName(canonicals map[string]int) string {
	best := ""
	for f, n := range canonicals {
		if best == "" || better(f, n, best, canonicals[best]) {
			best = f
		}
	}
	return best
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
