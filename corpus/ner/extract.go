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
	st := statePool.Get().(*tagState)
	defer statePool.Put(st)
	defer st.release()
	return m.extract(st, text)
}

// extract is Extract with the scratch space st.
func (m *Model) extract(st *tagState, text string) []Entity {
	var out []Entity
	st.toks = appendTokens(st.toks[:0], text)
	for start := 0; start < len(st.toks); {
		end := endOfSentence(text, st.toks, start)
		out = m.extractSentence(st, text, st.toks[start:end], out)
		start = end
	}
	return out
}

// extractSentence tags the tokens of one sentence of text and appends the
// names it finds to out.
func (m *Model) extractSentence(st *tagState, text string, sent []Token, out []Entity) []Entity {
	words := st.sentence[:0]
	for _, t := range sent {
		words = append(words, t.Text)
	}
	st.sentence = words
	st.tags = m.tag(st, words, resize(st.tags, len(words)))
	for _, sp := range Spans(st.tags) {
		for sp.End > sp.Start+1 && isPossessive(words[sp.End-1]) {
			sp.End--
		}
		if isPossessive(words[sp.Start]) {
			continue
		}
		start, end := sent[sp.Start].Start, sent[sp.End-1].End
		out = append(out, Entity{Start: start, End: end, Text: text[start:end], Type: sp.Type})
	}
	clear(words)
	return out
}

// sentences groups tokens into sentences: a paragraph break always ends
// one, and a full stop, question or exclamation mark ends one when the next
// word is not in lower case.
func sentences(text string, toks []Token) [][]Token {
	var out [][]Token
	for start := 0; start < len(toks); {
		end := endOfSentence(text, toks, start)
		out = append(out, toks[start:end])
		start = end
	}
	return out
}

// endOfSentence returns the index after the last token of the sentence that
// starts with token start.
func endOfSentence(text string, toks []Token, start int) int {
	for i := start; i+1 < len(toks); i++ {
		if endsSentenceAt(text, toks, i) {
			return i + 1
		}
	}
	return len(toks)
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
