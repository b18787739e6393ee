package article

import (
	"strings"
	"testing"
	"unsafe"
)

func TestSealedTextFollowsTheParagraphs(t *testing.T) {
	tests := []struct {
		name   string
		change func(a *Article)
	}{
		{"unchanged", func(*Article) {}},
		{"a paragraph replaced, same length", func(a *Article) { a.Paragraphs[1].Text = "Two!" }},
		{"a paragraph emptied", func(a *Article) { a.Paragraphs[0].Text = "" }},
		{"a paragraph added", func(a *Article) { a.Paragraphs = append(a.Paragraphs, Paragraph{Text: "Four."}) }},
		{"a paragraph removed", func(a *Article) { a.Paragraphs = a.Paragraphs[:2] }},
		{"all removed", func(a *Article) { a.Paragraphs = nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{Paragraphs: []Paragraph{{Text: "One."}, {Text: "Two."}, {Kind: Caption, Text: "Three."}}}
			a.Seal()
			tt.change(a)
			var parts []string
			for _, p := range a.Paragraphs {
				parts = append(parts, p.Text)
			}
			if got, want := a.Text(), strings.Join(parts, "\n\n"); got != want {
				t.Errorf("Text() = %q, want %q", got, want)
			}
		})
	}
}

func TestParseSealsItsArticle(t *testing.T) {
	a := Parse("A headline\n\nFirst paragraph of the story, long enough to be prose.\n\nSecond paragraph, also prose enough.\n")
	if !a.sealedText() {
		t.Fatal("parsed article not sealed")
	}
	if first, second := a.Text(), a.Text(); first != second || len(first) == 0 {
		t.Errorf("Text() = %q then %q", first, second)
	}
}

func TestParsedArticleKeepsNothingOfItsInput(t *testing.T) {
	input := "Big News Daily\nA headline for the story\nBy Jane Reporter\n12 March 2021\n\nLONDON - First paragraph of the story, long enough to be prose.\n\nSecond paragraph, also prose enough.\n\nShare this article\n\nComments\nReader One\nI disagree with all of this.\n"
	a := Parse(input)
	start := uintptr(unsafe.Pointer(unsafe.StringData(input)))
	end := start + uintptr(len(input))
	for i, f := range append(a.otherFields(), paragraphTexts(a)...) {
		if *f == "" {
			continue
		}
		if p := uintptr(unsafe.Pointer(unsafe.StringData(*f))); p >= start && p < end {
			t.Errorf("field %d %q points into the parsed input", i, *f)
		}
	}
}

// paragraphTexts points at the text of each paragraph of a.
func paragraphTexts(a *Article) []*string {
	var out []*string
	for i := range a.Paragraphs {
		out = append(out, &a.Paragraphs[i].Text)
	}
	return out
}
