package ner

import (
	"slices"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Ban Ki-moon said.", []string{"Ban", "Ki-moon", "said", "."}},
		{"Hakala’s statement", []string{"Hakala", "’s", "statement"}},
		{"Pierre von Arx, head of the OSCE", []string{"Pierre", "von", "Arx", ",", "head", "of", "the", "OSCE"}},
		{"in St. Petersburg on 1,000 days", []string{"in", "St.", "Petersburg", "on", "1,000", "days"}},
		{"the U.S. and EU-ACT (BOMCA) [Mirziyoyev]", []string{"the", "U.S.", "and", "EU-ACT", "(", "BOMCA", ")", "[", "Mirziyoyev", "]"}},
		{"“Today’s realities”", []string{"“", "Today", "’s", "realities", "”"}},
		{"Президент Мирзиёев", []string{"Президент", "Мирзиёев"}},
		{"end.", []string{"end", "."}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			toks := Tokenize(tt.text)
			var got []string
			for _, tok := range toks {
				if tt.text[tok.Start:tok.End] != tok.Text {
					t.Errorf("token %q has offsets %d:%d", tok.Text, tok.Start, tok.End)
				}
				got = append(got, tok.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsASCIIWordByte(t *testing.T) {
	tests := []struct {
		b    byte
		want bool
	}{
		{'a', true}, {'z', true}, {'A', true}, {'Z', true}, {'0', true}, {'9', true},
		{' ', false}, {'-', false}, {'.', false}, {'\'', false}, {0, false},
		{0xc3, false}, {0xe2, false}, {0xff, false},
	}
	for _, tt := range tests {
		if got := isASCIIWordByte(tt.b); got != tt.want {
			t.Errorf("isASCIIWordByte(%q) = %v, want %v", tt.b, got, tt.want)
		}
	}
	for b := range 256 {
		if want := b < 0x80 && isWordRune(rune(b)); isASCIIWordByte(byte(b)) != want {
			t.Errorf("isASCIIWordByte(%#x) = %v, isWordRune says %v", b, !want, want)
		}
	}
}
