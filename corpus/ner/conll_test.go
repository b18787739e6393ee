package ner

import (
	"slices"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\n" +
		"Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nJohn NNP I-NP B-PER\nSmith NNP I-NP I-PER\n"
	got, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Words: []string{"EU", "rejects", "German"}, Tags: []string{"B-ORG", "O", "B-MISC"}},
		{Words: []string{"Peter", "Blackburn", "John", "Smith"}, Tags: []string{"B-PER", "I-PER", "B-PER", "I-PER"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences, want %d", len(got), len(want))
	}
	for i := range want {
		if !slices.Equal(got[i].Words, want[i].Words) || !slices.Equal(got[i].Tags, want[i].Tags) {
			t.Errorf("sentence %d = %v, want %v", i, got[i], want[i])
		}
	}
	if _, err := ReadCoNLL(strings.NewReader("lonely\n")); err == nil {
		t.Error("a line without a tag is an error")
	}
}

func TestSpans(t *testing.T) {
	tests := []struct {
		tags []string
		want []Span
	}{
		{[]string{"O", "B-PER", "I-PER", "O"}, []Span{{"PER", 1, 3}}},
		{[]string{"B-PER", "B-PER", "I-PER"}, []Span{{"PER", 0, 1}, {"PER", 1, 3}}},
		{[]string{"B-ORG", "I-LOC"}, []Span{{"ORG", 0, 1}, {"LOC", 1, 2}}},
		{[]string{"O", "O"}, nil},
	}
	for _, tt := range tests {
		if got := Spans(tt.tags); !slices.Equal(got, tt.want) {
			t.Errorf("Spans(%v) = %v, want %v", tt.tags, got, tt.want)
		}
	}
}
