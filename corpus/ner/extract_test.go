package ner

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestExtractOffsets(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Officials from the United Nations met in Geneva on Monday. Maria Lopez, the envoy, said talks would go on.\n\nIn Berlin, Olaf Scholz’s aide agreed."
	ents := m.Extract(text)
	got := map[string]string{}
	for _, e := range ents {
		if text[e.Start:e.End] != e.Text {
			t.Errorf("entity %q has offsets %d:%d", e.Text, e.Start, e.End)
		}
		got[e.Text] = e.Type
	}
	for name, ty := range map[string]string{"United Nations": "ORG", "Geneva": "LOC", "Maria Lopez": "PER", "Berlin": "LOC", "Olaf Scholz": "PER"} {
		if got[name] != ty {
			t.Errorf("%q: %q, want %s (all %v)", name, got[name], ty, got)
		}
	}
}

func TestSentences(t *testing.T) {
	text := "Mr. Smith left. he said no. Then U.S. officials came.\n\nNew paragraph"
	var got []string
	for _, s := range sentences(text, Tokenize(text)) {
		got = append(got, text[s[0].Start:s[len(s)-1].End])
	}
	want := []string{"Mr. Smith left. he said no.", "Then U.S. officials came.", "New paragraph"}
	if len(got) != len(want) {
		t.Fatalf("sentences = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// FuzzExtract checks that extraction never panics and that every entity's
// offsets lie within the text, in order, without overlap, and match its text.
func FuzzExtract(f *testing.F) {
	f.Add("Ban Ki-moon met EU officials in St. Petersburg.\n\nHakala’s plan.")
	f.Add("\xff\xfe [ ( “ ’s")
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, e := range m.Extract(text) {
			if e.Start < last || e.End <= e.Start || e.End > len(text) || text[e.Start:e.End] != e.Text {
				t.Fatalf("bad entity %+v after offset %d in %q", e, last, text)
			}
			last = e.End
		}
	})
}

// BenchmarkExtract measures extraction from article text in MB/s over the
// embedded-free CoNLL valid text when present.
func BenchmarkExtract(b *testing.B) {
	valid, err := readFile("../../../shared/data/conll2003/valid.txt")
	if err != nil {
		b.Skip("CoNLL-2003 data not present")
	}
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var text []byte
	for _, s := range valid {
		for _, w := range s.Words {
			text = append(text, w...)
			text = append(text, ' ')
		}
		text = append(text, '\n', '\n')
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		m.Extract(string(text))
	}
}

// TestReleaseKeepsNoText checks that a tagging state keeps no token of the
// texts it extracted from, and no buffer a long text grew.
func TestReleaseKeepsNoText(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		text     string
		keepsBuf bool
	}{
		{"short", "Ban Ki-moon met EU officials in St. Petersburg. Then he left.", true},
		{"long", strings.Repeat("Paris ", maxKeptTokens+1), false},
		{"empty", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &tagState{toks: make([]Token, 0, 8)}
			m.extract(st, tt.text)
			st.release()
			if kept := st.toks != nil; kept != tt.keepsBuf {
				t.Errorf("token buffer kept = %v, want %v", kept, tt.keepsBuf)
			}
			for _, tok := range st.toks[:cap(st.toks)] {
				if tok != (Token{}) {
					t.Fatalf("token %+v kept", tok)
				}
			}
			for _, w := range st.sentence[:cap(st.sentence)] {
				if w != "" {
					t.Fatalf("word %q kept", w)
				}
			}
		})
	}
}

// TestExtractConcurrently checks that goroutines extracting at once, each
// through pooled states and their word caches, find what one alone does.
func TestExtractConcurrently(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := append([]string(nil), trickyTexts...)
	for _, words := range sentencesForTest(t)[3*len(trickyTexts):] {
		texts = append(texts, strings.Join(words, " "))
	}
	want := make([][]Entity, len(texts))
	for i, text := range texts {
		want[i] = m.Extract(text)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Go(func() {
			for i := range texts {
				i := (i + g*len(texts)/4) % len(texts)
				if got := m.Extract(texts[i]); !slices.Equal(got, want[i]) {
					errs <- fmt.Sprintf("Extract(%q) = %v, want %v", texts[i], got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
