package article

import (
	"regexp"
	"strings"
)

// commentStart matches the lines that open a comment section: a count of
// comments, a form's notices, a policy link.
var commentStart = regexp.MustCompile(`(?i)(^\d+ comments?( ?\(s\))?$|^comments?( \(\d+\))?:?$|denotes required field|comment policy|^(leave|post|add|write|submit) (a |your )?(comment|reply)|^join the (conversation|discussion))`)

// formLine matches the furniture of a comment form.
var formLine = regexp.MustCompile(`(?i)^(\d+ ?/ ?\d+|name\*?|e-?mail\*?|website|your (name|e-?mail|comment)\*?|submit|post( comment)?|send|cancel( reply)?|captcha|characters? (left|remaining).*)$`)

// commentAction matches the buttons printed under each reader comment; a
// comment ends at them.
var commentAction = regexp.MustCompile(`(?i)^(reply|report|report abuse|flag|like|quote|share|permalink|\d+ (likes?|replies))$`)

// findTail returns the index of the first unit after the body's first
// paragraph where the page's tail begins: reactions, comments, related
// articles, polls. It returns len(units) when the page has no tail.
func findTail(units []unit, bodyStart int) int {
	for i := bodyStart + 1; i < len(units); i++ {
		u := units[i]
		if isEndMarker(u) || isTeaserHeader(u) || isCommentHeader(u) {
			return i
		}
	}
	return len(units)
}

// isTeaserHeader reports a "date | section" line, which after the article
// heads a teaser for another article.
func isTeaserHeader(u unit) bool {
	left, _, ok := splitBar(u.text)
	if !ok {
		return false
	}
	_, isDate := parseDate(left)
	return isDate
}

// isCommentHeader reports an "author | date" line that heads a reader
// comment.
func isCommentHeader(u unit) bool {
	_, _, ok := commentHeader(u)
	return ok
}

// commentHeader splits an "author | date" line.
func commentHeader(u unit) (author, date string, ok bool) {
	left, right, ok := splitBar(u.text)
	if !ok || countWords(left) > 4 {
		return "", "", false
	}
	if _, leftDate := parseDate(left); leftDate {
		return "", "", false
	}
	d, ok := parseDate(right)
	return left, d, ok
}

// tailReader walks the tail of a page, keeping reader comments apart and
// dropping the rest with a reason.
type tailReader struct {
	p          *parser
	inComments bool
	pending    *Comment
}

// tail reads the units after the article.
func (p *parser) tail(units []unit) {
	t := &tailReader{p: p}
	for _, u := range units {
		t.read(u)
	}
	t.flush()
}

// read handles one unit of the tail.
func (t *tailReader) read(u unit) {
	text := trimBullets(u.text)
	switch {
	case isTeaserHeader(u):
		t.flush()
		t.inComments = false
		t.p.drop(u, dropTeaser)
	case commentStart.MatchString(text):
		t.flush()
		t.inComments = true
		t.p.drop(u, dropForm)
	case t.inComments && formLine.MatchString(text):
		t.p.drop(u, dropForm)
	case t.inComments && commentAction.MatchString(text):
		t.flush()
		t.p.drop(u, dropForm)
	case t.startComment(u):
	case t.inComments && !isEndMarker(u):
		t.append(u.text)
	default:
		t.flush()
		t.inComments = false
		t.p.drop(u, dropTail)
	}
}

// startComment opens a comment at an "author | date" header.
func (t *tailReader) startComment(u unit) bool {
	author, date, ok := commentHeader(u)
	if !ok {
		return false
	}
	t.flush()
	t.inComments = true
	t.pending = &Comment{Author: author, Date: date}
	t.p.drop(u, dropForm)
	return true
}

// append adds a paragraph to the comment being read.
func (t *tailReader) append(text string) {
	if t.pending == nil {
		t.pending = &Comment{}
	}
	if t.pending.Text != "" {
		t.pending.Text += "\n\n"
	}
	t.pending.Text += text
}

// flush ends the comment being read, keeping it if it has text.
func (t *tailReader) flush() {
	if t.pending != nil && strings.TrimSpace(t.pending.Text) != "" {
		t.p.a.Comments = append(t.p.a.Comments, *t.pending)
	}
	t.pending = nil
}
