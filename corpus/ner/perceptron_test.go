package ner

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// syntheticData makes sentences where a capitalised pair after "Mr" is a
// person and a capitalised word after "in" is a place.
func syntheticData() []Sentence {
	first := []string{"Anna", "Boris", "Chen", "Dara", "Emil", "Farid", "Gita", "Hugo"}
	last := []string{"Smith", "Petrov", "Wang", "Okafor", "Novak", "Haddad", "Rao", "Berg"}
	places := []string{"Paris", "Lagos", "Osaka", "Quito", "Riga", "Perth", "Hanoi", "Tunis"}
	var out []Sentence
	for i := range 64 {
		f, l, p := first[i%8], last[(i*3)%8], places[(i*5)%8]
		out = append(out, Sentence{
			Words: []string{"Mr", f, l, "arrived", "in", p, "today", "."},
			Tags:  []string{"O", "B-PER", "I-PER", "O", "O", "B-LOC", "O", "O"},
		})
	}
	return out
}

func TestTrainLearnsPatterns(t *testing.T) {
	m := Train(syntheticData(), 5, 1)
	got := m.Tag([]string{"Mr", "Ivo", "Kask", "arrived", "in", "Tartu", "today", "."})
	want := []string{"O", "B-PER", "I-PER", "O", "O", "B-LOC", "O", "O"}
	if !slices.Equal(got, want) {
		t.Errorf("Tag = %v, want %v", got, want)
	}
}

func TestTrainIsReproducible(t *testing.T) {
	a, b := Train(syntheticData(), 3, 7), Train(syntheticData(), 3, 7)
	if !reflect.DeepEqual(a, b) {
		t.Error("the same data and seed gave different models")
	}
}

func TestTagNeverStartsWithInside(t *testing.T) {
	m := Train(syntheticData(), 2, 1)
	for _, words := range [][]string{{"Smith", "Petrov"}, {"in"}, {}, {"Mr", "Mr", "Mr"}} {
		tags := m.Tag(words)
		for i, tag := range tags {
			if strings.HasPrefix(tag, "I-") && typeOf(refPrevTag(tags, i)) != tag[2:] {
				t.Errorf("Tag(%v) = %v: %s does not continue an entity", words, tags, tag)
			}
		}
	}
}

// TestCoNLLValid trains on CoNLL-2003 train and scores CoNLL valid, when
// the data is present. The floors are the scores measured when the tagger
// landed, so a change that makes it worse fails.
func TestCoNLLValid(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model")
	}
	train, err1 := readFile("../../../shared/data/conll2003/train.txt")
	valid, err2 := readFile("../../../shared/data/conll2003/valid.txt")
	if err1 != nil || err2 != nil {
		t.Skip("CoNLL-2003 data not present")
	}
	m := Train(train, 10, 1)
	f1 := scoreSpans(m, valid)
	t.Logf("CoNLL valid F1: %v", f1)
	for ty, floor := range map[string]float64{"PER": 0.90, "ORG": 0.83, "LOC": 0.92} {
		if f1[ty] < floor {
			t.Errorf("%s F1 %.3f below %.2f", ty, f1[ty], floor)
		}
	}
}

// readFile reads CoNLL sentences from a file.
func readFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadCoNLL(f)
}

// scoreSpans tags data with m and returns the exact-span F1 per type.
func scoreSpans(m *Model, data []Sentence) map[string]float64 {
	type counts struct{ tp, fp, fn int }
	by := map[string]*counts{}
	get := func(ty string) *counts {
		if by[ty] == nil {
			by[ty] = &counts{}
		}
		return by[ty]
	}
	for _, s := range data {
		gold := map[Span]bool{}
		for _, sp := range Spans(s.Tags) {
			gold[sp] = true
		}
		pred := map[Span]bool{}
		for _, sp := range Spans(m.Tag(s.Words)) {
			pred[sp] = true
			if gold[sp] {
				get(sp.Type).tp++
			} else {
				get(sp.Type).fp++
			}
		}
		for sp := range gold {
			if !pred[sp] {
				get(sp.Type).fn++
			}
		}
	}
	f1 := map[string]float64{}
	for ty, c := range by {
		f1[ty] = 2 * float64(c.tp) / float64(2*c.tp+c.fp+c.fn)
	}
	return f1
}

// ExampleTokenize shows the offsets tokens keep.
func ExampleTokenize() {
	for _, tok := range Tokenize("Ban Ki-moon’s plan") {
		fmt.Println(tok.Text, tok.Start, tok.End)
	}
	// Output:
	// Ban 0 3
	// Ki-moon 4 11
	// ’s 11 15
	// plan 16 20
}

// BenchmarkTag measures tagging throughput in MB/s of text over CoNLL
// valid, with a model trained on a slice of CoNLL train.
func BenchmarkTag(b *testing.B) {
	train, err1 := readFile("../../../shared/data/conll2003/train.txt")
	valid, err2 := readFile("../../../shared/data/conll2003/valid.txt")
	if err1 != nil || err2 != nil {
		b.Skip("CoNLL-2003 data not present")
	}
	m := Train(train, 10, 1)
	size := 0
	for _, s := range valid {
		for _, w := range s.Words {
			size += len(w) + 1
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range valid {
			m.Tag(s.Words)
		}
	}
}
