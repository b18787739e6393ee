package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The boilerplate families below are shapes shared by many news sites, written
// case-insensitively and anchored to whole lines. They are checked only on
// short lines (see shortLine), which keeps them cheap and keeps running prose
// that happens to start with "Read more" or "Related" out of their reach.

// endMarker matches a line after which the page holds no more article text:
// reactions, share bars, comment sections and forms, related-article lists,
// polls, tags and copyright notices.
var endMarker = regexp.MustCompile(`(?i)^(` +
	`(did|do) you (like|enjoy) this (article|story|post|piece)\??` +
	`|was this (article|story) (helpful|useful)\??` +
	`|rate this (article|story)` +
	`|\d+ comments?( ?\(s\))?` + `|comments?( \(\d+\))?:?` +
	`|(leave|post|add|write|submit) (a |your )?(comment|reply)s?.*` +
	`|comments? (policy|are closed|guidelines)` +
	`|.*denotes required field.*` +
	`|(show|view|load|see|read) (all |more )?comments.*` +
	`|join the (conversation|discussion)` +
	`|(related|recommended|similar|more|latest|popular|trending|top) (articles?|stories|news|posts|reading|content|videos?|topics)( from .*| on .*)?:?` +
	`|(you (may|might) also (like|be interested in)|read (more|next)|see also|also read|most (read|popular|viewed|shared)|more from .*|more on this( story)?|editor'?s picks?):?` +
	`|(view|see) results|(vote|poll|take our poll|cast your vote)` +
	`|tags?:.*|topics?:.*|filed under:?.*|categories?:.*` +
	`|(©|\(c\)|copyright\b).*|.*all rights reserved\.?` +
	`)$`)

// inlineBoilerplate matches a single line of page furniture inside the
// article: advertising labels, share prompts, promotions and navigation.
var inlineBoilerplate = regexp.MustCompile(`(?i)^(` +
	`advertisement|advertising|sponsored( content)?|ad|promoted` +
	`|(story|article) continues (below|after).*|scroll (down )?(to continue|for (more|video)).*` +
	`|(read|see|watch|listen)( more| also| next)?: .*|(also read|related|recommended|more)( stories| articles)?: .*` +
	`|click here.*|tap here.*` +
	`|(share|print|email|e-mail|tweet|pin)( this)?( article| story| page| on \w+)?:?` +
	`|(share on|follow us on|like us on|find us on|subscribe to|sign up (for|to)|join us on) .*` +
	`|(subscribe|sign up|log ?in|sign in|register|newsletter|menu|home|search|skip to (main )?content)` +
	`|(all|latest|top|breaking|more)? ?(news|stories|headlines)` +
	`|(photo|image|picture|video|credit|graphic)s?( credit)?: ?\S+( \S+){0,3}` +
	`)$`)

// photoCredit matches a line that only credits a picture to an agency, as
// printed under photos inside an article.
var photoCredit = regexp.MustCompile(`(?i)^(getty images|afp|ap|reuters|epa|shutterstock|anadolu|xinhua)( photo| images| pool)?( ?/ ?[^ ].{0,40})?$`)

// navSeparators are the characters a breadcrumb trail puts between sections.
const navSeparators = "›»>/|"

// shortLine reports whether a unit is short enough to be page furniture.
func shortLine(u unit) bool {
	return u.words <= 12 && len(u.text) <= 120
}

// isEndMarker reports whether u starts the page's tail.
func isEndMarker(u unit) bool {
	return shortLine(u) && endMarker.MatchString(trimBullets(u.text))
}

// isInlineBoilerplate reports whether u is a line of page furniture.
func isInlineBoilerplate(u unit) bool {
	return shortLine(u) && inlineBoilerplate.MatchString(trimBullets(u.text))
}

// isBreadcrumb reports a short navigation trail such as "Home › World › Asia".
func isBreadcrumb(u unit) bool {
	if !shortLine(u) {
		return false
	}
	parts := strings.FieldsFunc(u.text, func(r rune) bool { return strings.ContainsRune(navSeparators, r) })
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if countWords(p) > 3 {
			return false
		}
	}
	return true
}

// trimBullets removes list bullets and decoration around a line.
func trimBullets(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return r == '*' || r == '•' || r == '-' || r == '–' || r == '—' || r == '#' || r == '>' || unicode.IsSpace(r)
	})
}

// endsSentence reports whether s ends as a sentence does, allowing closing
// quotes and brackets after the full stop.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return strings.ContainsRune(`"'”’»)]`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == ':'
}

// isProse reports whether u reads as running article text rather than a
// headline, label or metadata line: a long line, or a sentence of some length.
func isProse(u unit) bool {
	return u.words >= 25 || (u.words >= 12 && endsSentence(u.text))
}

// isShortName reports a line of one to four capitalised words with no
// sentence punctuation: the shape of an outlet's or a section's name.
func isShortName(u unit) bool {
	if u.words == 0 || u.words > 4 || len(u.text) > 40 || endsSentence(u.text) || strings.ContainsAny(u.text, ",;") {
		return false
	}
	for _, w := range strings.Fields(u.text) {
		if !isCapitalisedWord(w) && !isConnector(w) {
			return false
		}
	}
	return true
}

// isCapitalisedWord reports a word starting with an upper-case letter or digit.
func isCapitalisedWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isConnector reports the small words that stay lower-case inside names.
func isConnector(w string) bool {
	switch strings.ToLower(w) {
	case "of", "the", "and", "&", "for", "in", "on", "de", "la", "le", "du", "des", "der", "van", "von", "al", "el":
		return true
	}
	return false
}
