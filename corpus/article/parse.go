package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reasons recorded on dropped lines.
const (
	dropNavigation = "navigation"
	dropDate       = "date line"
	dropByline     = "byline"
	dropSource     = "source line"
	dropSection    = "section line"
	dropField      = "header field"
	dropCredits    = "credits"
	dropFurniture  = "page furniture"
	dropRepeat     = "repeated paragraph"
	dropSeparator  = "separator"
	dropTail       = "after the article"
	dropForm       = "comment form"
	dropTeaser     = "related article"
)

// headerWindow bounds how many units from the top can be header lines; a
// file whose first prose comes later has its remaining lines read as body.
const headerWindow = 8

// leadDate matches a date that opens the first paragraph, "On May 24, ...",
// used only when nothing else dates the article.
var leadDate = regexp.MustCompile(`^On ((?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}|\d{1,2} \p{Lu}\p{Ll}{2,8})(?:,? \d{4})?),`)

// parser carries the article being built through the passes over its units.
type parser struct {
	a    *Article
	seen map[string]bool
}

// Parse reads the decoded text of one article file (UTF-8, LF line ends) and
// returns the article it holds. Invalid UTF-8 is replaced, so every string
// of the result is valid UTF-8. It never fails: a file with no recognisable
// structure becomes an article whose body is all of its text.
func Parse(text string) *Article {
	p := &parser{a: &Article{}, seen: map[string]bool{}}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	units := splitUnits(text)
	lead, bodyStart := p.header(units)
	end := findTail(units, bodyStart)
	p.body(append(lead, units[bodyStart:end]...))
	p.tail(units[end:])
	p.finish(units)
	p.a.Seal()
	return p.a
}

// drop records a removed unit with its reason.
func (p *parser) drop(u unit, reason string) {
	p.a.Dropped = append(p.a.Dropped, Dropped{Text: u.text, Reason: reason})
}

// header reads the lines above the first prose paragraph: title, outlet,
// section, date, byline. It returns the header lines that belong to the body
// (photo captions, a standfirst) and the index where the body starts.
func (p *parser) header(units []unit) ([]unit, int) {
	end := min(firstProse(units), headerWindow)
	title := p.findTitle(units[:end])
	var lead []unit
	for i := 0; i < end; i++ {
		u := units[i]
		switch {
		case i == title:
			p.setTitle(u.text)
		case p.headerField(u):
		case isCaption(u):
			lead = append(lead, u)
		case i < title:
			p.nameOrNavigation(u)
		case isShortName(u) && nextToField(units[:end], i):
			p.nameOrNavigation(u)
		default:
			return lead, i
		}
	}
	return lead, end
}

// findTitle returns the index of the headline among the header units: the
// first line that is neither metadata nor shaped like an outlet's name, else
// the longest. It returns -1 when there is none or a "Title:" field gives it.
func (p *parser) findTitle(header []unit) int {
	for _, u := range header {
		if m := keyValue.FindStringSubmatch(u.text); m != nil && strings.EqualFold(m[1], "title") {
			return -1
		}
	}
	best := -1
	for i, u := range header {
		if isFieldLine(u) || isCaption(u) || isInlineBoilerplate(u) || isBreadcrumb(u) {
			continue
		}
		if !isOutletShaped(u) {
			return i
		}
		if best < 0 || u.words > header[best].words {
			best = i
		}
	}
	return best
}

// isOutletShaped reports a line of at most three capitalised words without
// digits, the shape of an outlet's or a section's name printed above a
// headline ("Hereford 1-1 Doncaster" is a headline).
func isOutletShaped(u unit) bool {
	return u.words <= 3 && isShortName(u) && !strings.ContainsAny(u.text, "0123456789")
}

// nameOrNavigation files a short header line that is not the title: the
// first name-shaped one is the outlet, the second the section, and anything
// else is navigation.
func (p *parser) nameOrNavigation(u unit) {
	switch {
	case isShortName(u) && p.a.Source == "":
		p.a.Source = u.text
		p.drop(u, dropSource)
	case isShortName(u) && p.a.Section == "":
		p.a.Section = u.text
		p.drop(u, dropSection)
	default:
		p.drop(u, dropNavigation)
	}
}

// nextToField reports whether the unit at i sits beside a metadata line, as
// an outlet's name printed above its date does.
func nextToField(header []unit, i int) bool {
	return (i > 0 && isFieldLine(header[i-1])) || (i+1 < len(header) && isFieldLine(header[i+1]))
}

// isFieldLine reports, without recording anything, a header line that
// headerField would consume.
func isFieldLine(u unit) bool {
	if !shortLine(u) {
		return false
	}
	if isSeparator(u) || isMetaLine(u.text) || isEndMarker(u) {
		return true
	}
	if m := placeDate.FindStringSubmatch(u.text); m != nil && isUpperWords(m[1]) {
		if _, ok := parseDate(m[2]); ok {
			return true
		}
	}
	left, right, ok := splitBar(u.text)
	if !ok {
		return false
	}
	_, leftDate := parseDate(left)
	_, rightDate := parseDate(right)
	return leftDate || rightDate
}

// firstProse is the index of the first unit that reads as running text.
func firstProse(units []unit) int {
	for i, u := range units {
		if isProse(u) && !isCaption(u) {
			return i
		}
	}
	return len(units)
}

// setTitle stores the headline, without Markdown heading marks and without
// a trailing " | Outlet" that page titles carry.
func (p *parser) setTitle(s string) {
	s = strings.TrimSpace(strings.TrimLeft(s, "#"))
	if head, outlet, ok := strings.Cut(s, " | "); ok && isShortName(newUnit(outlet)) {
		s = head
		if p.a.Source == "" {
			p.a.Source = outlet
		}
	}
	p.a.Title = s
}

// headerField consumes a header line that carries metadata: a date, a
// "date | section" pair, a byline, a "Key: value" field, a place and date,
// navigation or a photo credit. It reports whether u was consumed.
func (p *parser) headerField(u unit) bool {
	if !shortLine(u) {
		return false
	}
	switch {
	case isSeparator(u):
		p.drop(u, dropSeparator)
	case p.keyValueField(u):
	case p.dateField(u):
	case p.bylineField(u):
	case p.creditsField(u):
	case p.placeDateField(u):
	case isEndMarker(u) || isBreadcrumb(u):
		p.drop(u, dropNavigation)
	case isInlineBoilerplate(u) && !isShortName(u):
		p.drop(u, dropNavigation)
	default:
		return false
	}
	return true
}

// keyValueField reads "Title: ...", "Source: ...", "Date: ..." and the like.
func (p *parser) keyValueField(u unit) bool {
	m := keyValue.FindStringSubmatch(u.text)
	if m == nil {
		return false
	}
	value := strings.TrimSpace(m[2])
	switch strings.ToLower(m[1]) {
	case "title", "headline":
		if strings.Trim(value, "# ") == "" {
			return false
		}
		p.setTitle(value)
		return true
	case "source", "publisher", "publication", "outlet", "site":
		setOnce(&p.a.Source, value)
	case "section", "category":
		setOnce(&p.a.Section, value)
	case "date", "published":
		d, ok := parseDate(value)
		if !ok {
			return false
		}
		setOnce(&p.a.Date, d)
	case "author", "authors", "byline":
		p.a.Byline = append(p.a.Byline, bylineNames(value)...)
	case "dateline", "location":
		setOnce(&p.a.Dateline, value)
	}
	p.drop(u, dropField)
	return true
}

// dateField reads a date line, alone or paired with a section or outlet by
// a bar: "Posted: Apr 15, 2017 2:39 PM", "2016-12-07 | Terrorism".
func (p *parser) dateField(u unit) bool {
	if d, ok := parseDate(u.text); ok {
		setOnce(&p.a.Date, d)
		p.drop(u, dropDate)
		return true
	}
	left, right, ok := splitBar(u.text)
	if !ok {
		return false
	}
	if d, ok := parseDate(left); ok {
		setOnce(&p.a.Date, d)
		setOnce(&p.a.Section, right)
	} else if d, ok := parseDate(right); ok {
		setOnce(&p.a.Date, d)
		if p.a.Source == "" {
			p.a.Source = left
		} else {
			setOnce(&p.a.Section, left)
		}
	} else {
		return false
	}
	p.drop(u, dropDate)
	return true
}

// bylineField reads "By Asker Sultanov".
func (p *parser) bylineField(u unit) bool {
	m := bylineLine.FindStringSubmatch(u.text)
	if m == nil {
		return false
	}
	names := bylineNames(m[1])
	if len(names) == 0 {
		return false
	}
	p.a.Byline = append(p.a.Byline, names...)
	p.drop(u, dropByline)
	return true
}

// creditsField reads agency credits, "(Reporting by ...; Editing by ...)".
func (p *parser) creditsField(u unit) bool {
	names, ok := parseCredits(u.text)
	if !ok {
		return false
	}
	p.a.Byline = append(p.a.Byline, names...)
	p.drop(u, dropCredits)
	return true
}

// placeDateField reads "LONDON 1996-08-30": a dateline place and a date.
func (p *parser) placeDateField(u unit) bool {
	m := placeDate.FindStringSubmatch(u.text)
	if m == nil || !isUpperWords(m[1]) {
		return false
	}
	d, ok := parseDate(m[2])
	if !ok {
		return false
	}
	setOnce(&p.a.Dateline, m[1])
	setOnce(&p.a.Date, d)
	p.drop(u, dropDate)
	return true
}

// body turns the article's units into paragraphs: it removes page furniture
// and credits, reads the dateline, marks captions and subheadings, and keeps
// a paragraph repeated verbatim only once.
func (p *parser) body(units []unit) {
	prose := 0
	for i, u := range units {
		switch {
		case isSeparator(u):
			p.drop(u, dropSeparator)
		case p.creditsField(u):
		case isInlineBoilerplate(u) || isBreadcrumb(u) || (shortLine(u) && photoCredit.MatchString(u.text)):
			p.drop(u, dropFurniture)
		case p.repeated(u):
			p.drop(u, dropRepeat)
		case isCaption(u):
			p.add(Caption, u.text)
		case prose > 0 && p.closedParagraph() && isSubheading(u, units[i+1:]):
			p.add(Subheading, strings.TrimSpace(strings.TrimLeft(u.text, "#")))
		default:
			if prose < 3 {
				p.opening(u, prose == 0)
			}
			prose++
			p.add(Body, u.text)
		}
	}
}

// opening reads what the first paragraphs can tell: a dateline, and for the
// very first one a date it opens with.
func (p *parser) opening(u unit, first bool) {
	if p.a.Dateline == "" {
		if d, ok := parseDateline(u.text); ok {
			p.a.Dateline = d.place
			if d.agency != "" {
				p.a.Source = d.agency
			}
			setOnce(&p.a.Date, d.date)
		}
	}
	if first && p.a.Date == "" {
		if m := leadDate.FindStringSubmatch(u.text); m != nil {
			d, _ := parseDate(m[1])
			p.a.Date = d
		}
	}
}

// add appends a paragraph.
func (p *parser) add(kind Kind, text string) {
	p.a.Paragraphs = append(p.a.Paragraphs, Paragraph{Kind: kind, Text: text})
}

// minRepeatWords is the length from which a paragraph repeated verbatim is
// a scraping artefact rather than a refrain of the text.
const minRepeatWords = 6

// repeated reports whether u repeats a paragraph already kept, and
// remembers it otherwise. Short lines may repeat legitimately and are
// never treated as repeats.
func (p *parser) repeated(u unit) bool {
	if u.words < minRepeatWords {
		return false
	}
	if p.seen[u.text] {
		return true
	}
	p.seen[u.text] = true
	return false
}

// closedParagraph reports whether the last paragraph kept ends a sentence,
// as the text before a subheading does.
func (p *parser) closedParagraph() bool {
	n := len(p.a.Paragraphs)
	return n > 0 && (p.a.Paragraphs[n-1].Kind != Body || endsSentence(p.a.Paragraphs[n-1].Text))
}

// isSubheading reports a short capitalised line without sentence punctuation
// that introduces the running text after it.
func isSubheading(u unit, rest []unit) bool {
	if u.words == 0 || u.words > 10 || len(u.text) > 90 || len(rest) == 0 {
		return false
	}
	if strings.HasPrefix(u.text, "#") {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(u.text)
	if endsSentence(u.text) || strings.ContainsRune(",;\"”’')", last) || endsWithConnector(u.text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(u.text)
	return (unicode.IsUpper(r) || unicode.IsDigit(r)) && rest[0].words > u.words
}

// endsWithConnector reports a line that stops on a small word, as a line
// broken mid-sentence does and a heading does not.
func endsWithConnector(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	last := strings.ToLower(s[i+1:])
	switch last {
	case "a", "an", "and", "or", "but", "to", "with", "by", "at", "as", "from", "that", "which":
		return true
	}
	return isConnector(last)
}

// isSeparator reports a line of decoration only: "---", "* * *".
func isSeparator(u unit) bool {
	return strings.IndexFunc(u.text, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}) < 0
}

// splitBar splits "left | right" when both sides are short.
func splitBar(s string) (string, string, bool) {
	left, right, ok := strings.Cut(s, "|")
	if !ok || strings.Contains(right, "|") {
		return "", "", false
	}
	left, right = strings.TrimSpace(left), strings.TrimSpace(right)
	if left == "" || right == "" || countWords(left) > 6 || countWords(right) > 6 {
		return "", "", false
	}
	return left, right, true
}

// setOnce sets *field to value unless it already has one.
func setOnce(field *string, value string) {
	if *field == "" {
		*field = value
	}
}

// finish fills what the passes left empty and tidies the byline.
func (p *parser) finish(units []unit) {
	if p.a.Title == "" && len(p.a.Paragraphs) > 0 {
		p.a.Title = headlineOf(p.a.Paragraphs[0].Text)
	}
	p.a.Byline = uniqueStrings(p.a.Byline)
}

// maxDerivedTitle bounds a title made from the first sentence of the text.
const maxDerivedTitle = 100

// headlineOf makes a title for a file that has none: its first sentence,
// shortened at a word boundary.
func headlineOf(text string) string {
	if i := strings.Index(text, ". "); i > 0 {
		text = text[:i]
	}
	if utf8.RuneCountInString(text) <= maxDerivedTitle {
		return text
	}
	cut := string([]rune(text)[:maxDerivedTitle])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return cut + "…"
}

// uniqueStrings keeps the first occurrence of each string, in order.
func uniqueStrings(list []string) []string {
	seen := map[string]bool{}
	out := list[:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
