package ner

import (
	"unicode"
	"unicode/utf8"
)

// Entity is a name found in a text: its byte offsets, its text and its type
// ("PER", "ORG", "LOC" or "MISC").
type Entity struct {
	Start, End int
	Text, Type string
}

// Extract tags text with m and returns the names it finds, in order, with
// byte offsets into text. Sentences are tagged one at a time.
func (m *Model) Extract(text string) []Entity {
	var out []Entity
	st := statePool.Get().(*tagState)
	defer statePool.Put(st)
	var words, tags []string
	toks := Tokenize(text)
	for _, sent := range sentences(text, toks) {
		words = words[:0]
		for _, t := range sent {
			words = append(words, t.Text)
		}
		tags = m.tag(st, words, resize(tags, len(words)))
		for _, sp := range Spans(tags) {
			for sp.End > sp.Start+1 && isPossessive(words[sp.End-1]) {
				sp.End--
			}
			if isPossessive(words[sp.Start]) {
				continue
			}
			start, end := sent[sp.Start].Start, sent[sp.End-1].End
			out = append(out, Entity{Start: start, End: end, Text: text[start:end], Type: sp.Type})
		}
	}
	return out
}

// sentences groups tokens into sentences: a paragraph break always ends
// one, and a full stop, question or exclamation mark ends one when the next
// word is not in lower case.
func sentences(text string, toks []Token) [][]Token {
	var out [][]Token
	start := 0
	for i := range toks {
		if i+1 == len(toks) || endsSentenceAt(text, toks, i) {
			out = append(out, toks[start:i+1])
			start = i + 1
		}
	}
	return out
}

// endsSentenceAt reports whether a sentence ends after token i.
func endsSentenceAt(text string, toks []Token, i int) bool {
	next := toks[i+1]
	if paragraphBreak(text[toks[i].End:next.Start]) {
		return true
	}
	switch toks[i].Text {
	case ".", "!", "?":
		r, _ := utf8.DecodeRuneInString(next.Text)
		return !unicode.IsLower(r)
	}
	return false
}

// paragraphBreak reports a gap holding a blank line.
func paragraphBreak(gap string) bool {
	newlines := 0
	for i := 0; i < len(gap); i++ {
		if gap[i] == '\n' {
			newlines++
		}
	}
	return newlines >= 2
}

// isPossessive reports the possessive ending the tokenizer splits off a
// name; it is never part of the name.
func isPossessive(word string) bool {
	switch word {
	case "'s", "’s", "'S", "’S", "'", "’":
		return true
	}
	return false
}
