package catalog

import (
	"strings"
	"unicode/utf8"

	"dossier/corpus/actors"
)

// maxContext bounds the text kept on each side of a keyword, in bytes.
const maxContext = 240

// Context is a keyword in context: the sentence of a mention split around
// it.
type Context struct {
	Before, Keyword, After string
}

// KWIC returns the sentence of text that holds mention m, cut to at most
// maxContext bytes on each side of it. Line breaks become spaces.
func KWIC(text string, m actors.Mention) Context {
	if m.Start < 0 || m.End > len(text) || m.Start > m.End {
		return Context{Keyword: m.Text}
	}
	start := sentenceStart(text, m.Start)
	end := sentenceEnd(text, m.End)
	before, after := text[start:m.Start], text[m.End:end]
	if len(before) > maxContext {
		before = "…" + cutStart(before, maxContext)
	}
	if len(after) > maxContext {
		after = cutEnd(after, maxContext) + "…"
	}
	return Context{Before: flatten(before), Keyword: flatten(text[m.Start:m.End]), After: flatten(after)}
}

// sentenceStart is the offset where the sentence holding offset i begins.
func sentenceStart(text string, i int) int {
	for j := i - 1; j > 0; j-- {
		if text[j] == '\n' {
			return j + 1
		}
		if text[j] == ' ' && strings.ContainsRune(".!?", rune(text[j-1])) {
			return j + 1
		}
	}
	return 0
}

// sentenceEnd is the offset where the sentence holding offset i ends, after
// its closing punctuation.
func sentenceEnd(text string, i int) int {
	for j := i; j < len(text); j++ {
		switch text[j] {
		case '\n':
			return j
		case '.', '!', '?':
			if j+1 == len(text) || text[j+1] == ' ' || text[j+1] == '\n' {
				return j + 1
			}
		}
	}
	return len(text)
}

// cutStart keeps the last n bytes of s, starting on a rune boundary.
func cutStart(s string, n int) string {
	s = s[len(s)-n:]
	for len(s) > 0 && !utf8.RuneStart(s[0]) {
		s = s[1:]
	}
	return s
}

// cutEnd keeps the first n bytes of s, ending on a rune boundary.
func cutEnd(s string, n int) string {
	for n > 0 && n < len(s) && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// flatten turns line breaks and tabs into spaces.
func flatten(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
