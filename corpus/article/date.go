package article

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// dateConfig fixes the reference time so that a date without a year never
// borrows the current one: the year's absence is detected and reported in
// the ISO form "--MM-DD" instead.
var dateConfig = &dps.Configuration{
	Languages:           []string{"en"},
	DefaultLanguages:    []string{"en"},
	CurrentTime:         time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
	PreferredDayOfMonth: dps.First,
}

// dateLabel matches the words sites put before a publication date.
var dateLabel = regexp.MustCompile(`(?i)^(posted|published|updated|last updated|first published|date|dated|released|created|modified)( on| at)?\s*[:\-–—]?\s*`)

// monthName finds an English month name or abbreviation.
var monthName = regexp.MustCompile(`(?i)\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b`)

// numericDate finds an all-numeric date: 2016-12-07, 07.12.2016, 12/7/16.
var numericDate = regexp.MustCompile(`\b(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b`)

// yearGiven finds an explicit year (a four-digit number from 1800 to 2199, or
// the year part of an all-numeric date).
var yearGiven = regexp.MustCompile(`\b(1[89]\d\d|2[01]\d\d)\b|\d[-/.]\d{1,2}[-/.]\d{2}\b`)

// relativeWord marks dates that are relative to the moment of reading and so
// cannot be placed in time once the page is saved.
var relativeWord = regexp.MustCompile(`(?i)\b(ago|yesterday|today|tomorrow|last|next|this)\b`)

// maxDateWords and maxDateLen bound the length of a line that can be a date
// on its own; they also keep the date parser's work per line small.
const (
	maxDateWords = 9
	maxDateLen   = 64
)

// parseDate reads s as a whole-line date, with an optional label such as
// "Posted:", and returns it in ISO 8601 at the precision the text gives:
// YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD when no year is given.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(dateLabel.ReplaceAllString(strings.TrimSpace(s), ""))
	if !looksLikeDate(s) {
		return "", false
	}
	d, err := dps.Parse(dateConfig, s)
	if err != nil || d.Time.IsZero() {
		return "", false
	}
	iso := isoDate(d, yearGiven.MatchString(s))
	return iso, iso != ""
}

// looksLikeDate is a cheap filter run before the date parser: a short
// string with a digit and a month name or an all-numeric date, and nothing
// relative.
func looksLikeDate(s string) bool {
	if s == "" || len(s) > maxDateLen || countWords(s) > maxDateWords || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	if !monthName.MatchString(s) && !numericDate.MatchString(s) {
		return false
	}
	return !relativeWord.MatchString(s)
}

// isoDate formats a parsed date at its precision.
func isoDate(d date.Date, withYear bool) string {
	t := d.Time
	switch {
	case d.Period == date.Year:
		return fmt.Sprintf("%04d", t.Year())
	case d.Period == date.Month && withYear:
		return fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month()))
	case d.Period == date.Month:
		return ""
	case withYear:
		return t.Format("2006-01-02")
	default:
		return fmt.Sprintf("--%02d-%02d", int(t.Month()), t.Day())
	}
}
