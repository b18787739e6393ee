package actors

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dossier/corpus/ner"
)

// organisationsFile is the gazetteer of well-known organisations; its
// header names its source.
//
//go:embed organisations.txt
var organisationsFile string

// knownOrganisation is one gazetteer entry as a form resolves to it: the
// local actor key all its forms share. An actor's display name still comes
// from the forms the corpus uses.
type knownOrganisation struct {
	key string
}

// orgGazetteer finds and names well-known organisations: forms by their
// folded text for linking, and by their first word for finding them in a
// text the tagger missed them in ("Islamic" tagged as an adjective in
// "an Islamic State affiliate").
type orgGazetteer struct {
	byForm      map[string]knownOrganisation
	byFirstWord map[string][]string // first word → forms, longest first
	firstByte   [256]bool           // first bytes of findable forms
	shortFirst  [256]bool           // first bytes of findable forms shorter than 3 bytes
	prefixes    [1 << 10]uint64     // bits set at prefixBit of findable forms' first 3 bytes
}

// knownOrganisations parses the embedded gazetteer once.
var knownOrganisations = sync.OnceValue(func() *orgGazetteer {
	return parseGazetteer(organisationsFile)
})

// parseGazetteer reads "Name | ALIAS | Other name" lines; blank lines and
// lines starting with "#" are skipped. An entry with an acronym is keyed
// by it, as the acronyms a corpus defines are, so that the gazetteer and
// the corpus's own "(EU)" agree.
func parseGazetteer(src string) *orgGazetteer {
	g := &orgGazetteer{byForm: map[string]knownOrganisation{}, byFirstWord: map[string][]string{}}
	for line := range strings.Lines(src) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		forms := strings.Split(line, "|")
		for i := range forms {
			forms[i] = strings.TrimSpace(forms[i])
		}
		entry := knownOrganisation{key: Organisation + "/" + norm(forms[0])}
		if i := slices.IndexFunc(forms, isAcronym); i >= 0 {
			entry.key = Organisation + "/=" + forms[i]
		}
		for _, f := range forms {
			g.add(f, entry)
		}
	}
	for w := range g.byFirstWord {
		slices.SortFunc(g.byFirstWord[w], func(a, b string) int { return len(b) - len(a) })
	}
	return g
}

// add records one form of an entry; short abbreviations are only linked,
// never looked for, since "AU" or "WHO" in running text is too often
// something else.
func (g *orgGazetteer) add(form string, entry knownOrganisation) {
	g.byForm[norm(form)] = entry
	if isAcronym(form) && utf8.RuneCountInString(form) <= 3 {
		return
	}
	first, _, _ := strings.Cut(form, " ")
	g.byFirstWord[first] = append(g.byFirstWord[first], form)
	g.firstByte[form[0]] = true
	if len(form) < 3 {
		g.shortFirst[form[0]] = true
		return
	}
	b := prefixBit(form)
	g.prefixes[b/64] |= 1 << (b % 64)
}

// prefixBit hashes the first 3 bytes of s, which must have them, to one of
// the 65,536 bits of orgGazetteer.prefixes.
func prefixBit(s string) uint32 {
	return (uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2])) * 2654435761 >> 16
}

// mayStartForm reports whether a findable form may start s: false only
// when none does. It rules out most capitalised words with a bit test.
func (g *orgGazetteer) mayStartForm(s string) bool {
	if !g.firstByte[s[0]] {
		return false
	}
	if g.shortFirst[s[0]] {
		return true
	}
	if len(s) < 3 {
		return false
	}
	b := prefixBit(s)
	return g.prefixes[b/64]&(1<<(b%64)) != 0
}

// find returns the well-known organisations named in text, longest form
// first at each word, as tagger-style entities.
func (g *orgGazetteer) find(text string) []ner.Entity {
	var out []ner.Entity
	for i := 0; i < len(text); i++ {
		if !g.mayStartForm(text[i:]) || !wordStartsAt(text, i) {
			continue
		}
		word := text[i : i+wordLength(text[i:])]
		for _, form := range g.byFirstWord[word] {
			if strings.HasPrefix(text[i:], form) && !wordContinues(text, i+len(form)) {
				out = append(out, ner.Entity{Start: i, End: i + len(form), Text: form, Type: "ORG"})
				i += len(form) - 1
				break
			}
		}
	}
	return out
}

// wordStartsAt reports whether a word begins at byte i.
func wordStartsAt(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !isWordRune(r)
}

// wordContinues reports whether the word running up to byte i goes on.
func wordContinues(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return i < len(text) && isWordRune(r)
}

// wordLength is the byte length of the first space-delimited word of s.
func wordLength(s string) int {
	if i := strings.IndexAny(s, " \n\t"); i >= 0 {
		return i
	}
	return len(s)
}

// isWordRune reports a rune that continues a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// withKnownOrganisations adds the well-known organisations a text names to
// the tagger's entities. A gazetteer name replaces the entities it
// overlaps ("Islamic" as an adjective), except a longer person's name, and
// except a longer tagged name that holds it whole ("Islamic State of
// Iraq").
func withKnownOrganisations(text string, ents []ner.Entity) []ner.Entity {
	found := knownOrganisations().find(text)
	if len(found) == 0 {
		return ents
	}
	out := slices.Clone(ents)
	for _, f := range found {
		if slices.ContainsFunc(out, func(e ner.Entity) bool { return blocks(e, f) }) {
			continue
		}
		out = slices.DeleteFunc(out, func(e ner.Entity) bool { return e.Start < f.End && f.Start < e.End })
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b ner.Entity) int { return a.Start - b.Start })
	return out
}

// blocks reports whether a tagged entity keeps a gazetteer match out: a
// person's name it overlaps (but is not: "Hizbollah" alone is no person),
// or a name it holds whole.
func blocks(e, f ner.Entity) bool {
	if e.End <= f.Start || f.End <= e.Start {
		return false
	}
	if e.Type == "PER" {
		return e.Start != f.Start || e.End != f.End
	}
	return e.Type != "MISC" && e.Start <= f.Start && f.End <= e.End && e.End-e.Start > f.End-f.Start
}
