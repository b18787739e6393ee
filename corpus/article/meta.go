package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dateline: a place in capitals (or capitalised words when an agency
// follows), an optional date, an optional agency in brackets or slashes, and
// a dash: "TASHKENT (Reuters) -", "BISHKEK --", "LONDON, Jan 5 (Reuters) -",
// "TASHKENT, October 22. /TASS/.", "Kabul (AP) —".
var dateline = regexp.MustCompile(`^(?P<place>\p{Lu}[\p{L}'’.\-]*(?:[ /]\p{Lu}[\p{L}'’.\-]*){0,3}(?:, \p{Lu}\p{Ll}{1,4}\.)?)` +
	`(?:,? (?P<date>(?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}|\d{1,2} \p{Lu}\p{Ll}{2,8})(?:,? \d{4})?)\.?)?` +
	`(?: ?\((?P<agency>\p{Lu}[\p{L}.&' ]{1,30})\)| ?/(?P<slash>\p{Lu}[\p{L}.&' ]{1,30})/\.?)?` +
	` ?(?P<dash>--|[-–—:])? `)

// placeDate is a header line of a place in capitals and a date, as in
// "LONDON 1996-08-30".
var placeDate = regexp.MustCompile(`^(\p{Lu}[\p{Lu}'’.\-]+(?: \p{Lu}[\p{Lu}'’.\-]+){0,3}),? (.*\d.*)$`)

// datelineFields is what a dateline gives.
type datelineFields struct {
	place, date, agency string
}

// parseDateline reads a dateline at the start of a paragraph.
func parseDateline(text string) (datelineFields, bool) {
	m := dateline.FindStringSubmatch(text)
	if m == nil {
		return datelineFields{}, false
	}
	get := func(name string) string { return m[dateline.SubexpIndex(name)] }
	d := datelineFields{place: get("place"), agency: get("agency") + get("slash")}
	if get("dash") == "" && get("slash") == "" {
		return datelineFields{}, false
	}
	if !isUpperWords(d.place) && d.agency == "" {
		return datelineFields{}, false
	}
	if raw := get("date"); raw != "" {
		d.date, _ = parseDate(raw)
	}
	d.agency = strings.TrimSpace(d.agency)
	return d, true
}

// isUpperWords reports whether the letters of s before any comma are all
// upper case, with at least two of them.
func isUpperWords(s string) bool {
	s, _, _ = strings.Cut(s, ",")
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// bylineLine matches "By NAME[, NAME and NAME]" lines.
var bylineLine = regexp.MustCompile(`(?i)^(?:by|written by|words by|story by|reported by|text by)\s+(.+)$`)

// creditRoleWords are the roles agency credits name.
const creditRoleWords = `(?:additional )?(?:reporting|writing|editing|compiled|compiling|produced|contributed|research|translated|translation|graphics|sub-?editing)(?: and \w+)?`

// creditNames is a list of capitalised names, optionally "in Place".
const creditNames = `\p{Lu}[\p{L}'’.\-]*(?: \p{Lu}[\p{L}'’.\-]*){0,4}(?:(?:,| and| &|, and) \p{Lu}[\p{L}'’.\-]*(?: \p{Lu}[\p{L}'’.\-]*){0,4})*(?: in \p{Lu}[\p{L}'’.\-]*(?: \p{Lu}[\p{L}'’.\-]*)?)?`

// creditsLine matches agency credits such as "(Reporting by A; Writing by B;
// Editing by C)": nothing but roles and names, so prose that starts with
// "Produced by" never matches.
var creditsLine = regexp.MustCompile(`(?i:^\(?\s*)(` + `(?i:` + creditRoleWords + ` by )` + creditNames +
	`(?:\s*[;,]\s*(?i:` + creditRoleWords + ` by )` + creditNames + `)*)\s*\)?\.?$`)

// creditRole splits one credit, "Writing by Olzhas Auyezov", into its role
// and names.
var creditRole = regexp.MustCompile(`(?i)^\s*(.+?) by (.+)$`)

// authorRoles are the credit roles that make someone an author of the piece.
var authorRoles = regexp.MustCompile(`(?i)^(additional )?(reporting|writing|compiled|compiling|contributed|research)`)

// bylineNames returns the names in a byline such as "John Smith and Jane
// Doe in Moscow, Staff Writers".
func bylineNames(s string) []string {
	s = strings.TrimRight(strings.TrimSpace(s), ".")
	if i := strings.IndexAny(s, "|•·"); i >= 0 {
		s = s[:i]
	}
	var names []string
	for _, part := range splitNames(s) {
		if name, ok := personName(part); ok {
			names = append(names, name)
		}
	}
	return names
}

// splitNames splits a list of names on commas, "and" and "&".
func splitNames(s string) []string {
	s = strings.NewReplacer(" and ", ",", " & ", ",", " And ", ",", " AND ", ",").Replace(s)
	return strings.Split(s, ",")
}

// inPlace strips " in Moscow" after a reporter's name.
var inPlace = regexp.MustCompile(` (?:in|from|at) \p{Lu}.*$`)

// staffWords are the words of a job title that follows a name in bylines.
var staffWords = regexp.MustCompile(`(?i)\b(staff|writer|reporter|correspondent|editor|contributor|columnist|bureau|desk|agency|news|service|team)s?\b`)

// personName cleans one byline entry and reports whether it reads as a
// person's name: one to five words, the first capitalised.
func personName(s string) (string, bool) {
	s = strings.TrimSpace(inPlace.ReplaceAllString(strings.TrimSpace(s), ""))
	n := countWords(s)
	if n == 0 || n > 5 || staffWords.MatchString(s) || strings.ContainsAny(s, "0123456789@") {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return "", false
	}
	if isUpperWords(s) {
		s = titleCase(s)
	}
	return s, true
}

// titleCase turns "JOHN SMITH" into "John Smith".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

// parseCredits reads a credits line and returns the names of its authors
// (reporters and writers, not editors), in order.
func parseCredits(text string) ([]string, bool) {
	m := creditsLine.FindStringSubmatch(text)
	if m == nil {
		return nil, false
	}
	var names []string
	for credit := range strings.SplitSeq(m[1], ";") {
		rm := creditRole.FindStringSubmatch(credit)
		if rm == nil || !authorRoles.MatchString(rm[1]) {
			continue
		}
		names = append(names, bylineNames(rm[2])...)
	}
	return names, true
}

// keyValue matches header fields written as "Key: value".
var keyValue = regexp.MustCompile(`(?i)^(title|headline|source|publisher|publication|outlet|site|section|category|date|published|author|authors|byline|dateline|location|url|link)\s*:\s*(.+)$`)

// captionCredit matches the credit that ends a photo caption: a bracketed
// name or agency, "[Asker Sultanov]", "(Photo: AFP)", "(Reuters/Jane Doe)".
var captionCredit = regexp.MustCompile(`(?i)(\[[^\[\]]{2,100}\]|\((?:photo|file photo|picture|image|credit|courtesy|afp|ap|reuters|getty images|epa|xinhua)[^()]{0,80}\))$`)

// captionLead matches a caption introduced by a label: "Photo: ...".
var captionLead = regexp.MustCompile(`(?i)^(?:photo|picture|image|pictured|caption)\s*:\s*\S`)

// isCaption reports whether u is a photo caption: a line ending in a
// bracketed credit whose content is not a sentence, or a labelled caption
// long enough to describe something.
func isCaption(u unit) bool {
	if u.words >= 6 && captionLead.MatchString(u.text) {
		return true
	}
	if !strings.HasSuffix(u.text, "]") && !strings.HasSuffix(u.text, ")") {
		return false
	}
	offset := max(0, len(u.text)-maxCreditLen)
	loc := captionCredit.FindStringIndex(u.text[offset:])
	if loc == nil || offset+loc[0] == 0 {
		return false
	}
	credit := u.text[offset+loc[0]+1 : offset+loc[1]-1]
	return !endsSentence(credit) && countWords(credit) <= 12
}

// maxCreditLen bounds the bytes of a caption's closing credit, so that only
// a paragraph's end is searched for one.
const maxCreditLen = 128

// isMetaLine reports a line that carries metadata on its own (a byline, a
// date, a key-value field or credits) and so never continues a paragraph.
func isMetaLine(s string) bool {
	if len(s) > 200 {
		return false
	}
	if bylineLine.MatchString(s) || keyValue.MatchString(s) || creditsLine.MatchString(s) {
		return true
	}
	_, ok := parseDate(s)
	return ok
}
