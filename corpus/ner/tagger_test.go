package ner

import (
	"slices"
	"strings"
	"testing"
)

// trickyTexts are sentences that stress the fast feature path: capitals,
// accents, invalid UTF-8, control characters, hyphens and apostrophes.
var trickyTexts = []string{
	"Ban Ki-moon met EU officials in St. Petersburg.",
	"UN CHIEF WARNS OF FAMINE IN SOUTH SUDAN",
	"İSTANBUL Ærø ÉCOLE straße Ǆemal ΣΊΣΥΦΟΣ",
	"\x00\x00\x00abc \x00 a\x00b",
	"\xff\xfe ab\xc3 \xe2\x80 O’Neil’s rock'n'roll -- x-",
	"1,000 10:30 1996-08-22 $5.4bn 3rd",
	"Президент Мирзиёев встретился с делегацией ООН",
	"a",
}

// sentencesForTest returns the tricky texts, as tokens and as fields, and
// CoNLL valid when present.
func sentencesForTest(t *testing.T) [][]string {
	var out [][]string
	for _, text := range trickyTexts {
		var words []string
		for _, tok := range Tokenize(text) {
			words = append(words, tok.Text)
		}
		out = append(out, words, strings.Fields(text), strings.Split(text, ""))
	}
	if valid, err := readFile("../../../shared/data/conll2003/valid.txt"); err == nil {
		for _, s := range valid {
			out = append(out, s.Words)
		}
	}
	return out
}

// TestFeaturesMatchReference checks that the features of every position,
// after every pair of tags, are the reference ones in the same order.
func TestFeaturesMatchReference(t *testing.T) {
	tagSet := []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG"}
	th := newTagHashes(tagSet)
	for _, words := range sentencesForTest(t)[:3*len(trickyTexts)] {
		ref, ctx := newRefContext(words), newContext(words)
		for i := range words {
			for p1, t1 := range tagSet {
				for p2, t2 := range tagSet {
					tags := make([]string, len(words))
					if i > 0 {
						tags[i-1] = t1
					}
					if i > 1 {
						tags[i-2] = t2
					}
					got := ctx.features(nil, i, th, tagIndex(i, 1, p2, th), tagIndex(i, 0, p1, th))
					if want := ref.features(i, tags); !slices.Equal(got, want) {
						t.Fatalf("%q position %d after %s %s: features differ", words, i, t2, t1)
					}
				}
			}
		}
	}
}

// tagIndex is the index in th of the tag back+1 places before position i:
// p when there is one, the sentence start otherwise.
func tagIndex(i, back, p int, th *tagHashes) int {
	if i > back {
		return p
	}
	return th.outside()
}

// TestTagMatchesReference checks that the fast tagger gives the reference
// tagger's tags with the embedded model.
func TestTagMatchesReference(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, words := range sentencesForTest(t) {
		if got, want := m.Tag(words), refTag(m, words); !slices.Equal(got, want) {
			t.Fatalf("Tag(%q) = %q, want %q", words, got, want)
		}
	}
}
