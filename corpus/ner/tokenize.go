// Package ner finds the names of people, organisations and places in
// article text: a tokenizer that keeps byte offsets, and an averaged
// perceptron sequence tagger trained on CoNLL-2003.
package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word or punctuation mark of a text, with its byte offsets.
type Token struct {
	Text       string
	Start, End int
}

// Tokenize splits text into tokens the way CoNLL-2003 does: words (with
// inner hyphens, apostrophes and full stops kept, as in "Ki-moon", "O'Neil",
// "St."), numbers, and single punctuation marks; a possessive "'s" is a
// token of its own.
func Tokenize(text string) []Token {
	return appendTokens(make([]Token, 0, len(text)/5+1), text)
}

// appendTokens appends the tokens of text to toks and returns the result.
func appendTokens(toks []Token, text string) []Token {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			end := wordEnd(text, i)
			if p := possessiveStart(text, i, end); p > 0 {
				toks = append(toks, Token{text[i:p], i, p}, Token{text[p:end], p, end})
			} else {
				toks = append(toks, Token{text[i:end], i, end})
			}
			i = end
		default:
			toks = append(toks, Token{text[i : i+size], i, i + size})
			i += size
		}
	}
	return toks
}

// isWordRune reports a letter, digit or combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isASCIIWordByte reports an ASCII letter or digit.
func isASCIIWordByte(b byte) bool {
	return asciiWord[b]
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for b := range utf8.RuneSelf {
		t[b] = isWordRune(rune(b))
	}
	return t
}()

// isJoiner reports punctuation that stays inside a word when a word
// character follows: hyphens, apostrophes, full stops, commas in numbers.
func isJoiner(r rune) bool {
	switch r {
	case '-', '‐', '‑', '\'', '’', '.', '&', '/', ',', ':':
		return true
	}
	return false
}

// wordEnd returns where the word starting at i ends. A full stop ends an
// abbreviation ("St.", "U.S.") when the word is short and capitalised.
func wordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		if isASCIIWordByte(text[j]) {
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += size
			continue
		}
		next, nsize := utf8.DecodeRuneInString(text[j+size:])
		if isJoiner(r) && j+size < len(text) && isWordRune(next) && joins(r, text[i:j], next) {
			j += size + nsize
			continue
		}
		if r == '.' && isAbbreviation(text[i:j]) {
			return j + size
		}
		return j
	}
	return j
}

// joins reports whether the joiner r between word and next keeps them one
// token: commas and colons only inside numbers ("1,000", "10:30"), the rest
// between any word characters.
func joins(r rune, word string, next rune) bool {
	if r == ',' || r == ':' {
		last, _ := utf8.DecodeLastRuneInString(word)
		return unicode.IsDigit(last) && unicode.IsDigit(next)
	}
	return true
}

// isAbbreviation reports a short capitalised word that a full stop
// abbreviates: "St", "Mr", "Jan", or a letter of an initialism.
func isAbbreviation(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	n := utf8.RuneCountInString(word)
	if isInitialism(word) {
		return true
	}
	if !unicode.IsUpper(r) || n > 3 {
		return false
	}
	if n == 1 {
		return true
	}
	switch word {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Mt", "Jr", "Sr", "Gen", "Col", "Lt", "Sgt", "Rev", "Gov", "Sen", "Rep", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Inc", "Ltd", "Co", "No", "Vol":
		return true
	}
	return false
}

// isInitialism reports single letters joined by full stops: "U.S", "e.g".
func isInitialism(word string) bool {
	parts := strings.Split(word, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

// possessiveStart returns where a trailing "'s" or "’s" of the word
// text[i:end] starts, or 0.
func possessiveStart(text string, i, end int) int {
	if end-i < 3 || text[end-1] != 's' && text[end-1] != 'S' {
		return 0
	}
	switch {
	case text[end-2] == '\'':
		return end - 2
	case end-i > 4 && text[end-4:end-1] == "’":
		return end - 4
	}
	return 0
}
