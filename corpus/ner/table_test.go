package ner

import (
	"math/rand"
	"slices"
	"testing"
)

// TestWeightTableLookups checks that every feature of the embedded model
// finds its weights, one at a time and in batches, and that unknown
// features, whether or not the filter lets them through to the slots, find
// the zero row.
func TestWeightTableLookups(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	table := newWeightTable(m.Weights, len(m.Tags))
	rng := rand.New(rand.NewSource(1))
	keys := []uint64{0}
	for k := range m.Weights {
		keys = append(keys, k)
	}
	passed := 0
	for len(keys) < 2*len(m.Weights) {
		k := rng.Uint64()
		if _, ok := m.Weights[k]; ok {
			continue
		}
		if table.mayHold(k) {
			passed++
		}
		keys = append(keys, k)
	}
	if passed == 0 || passed > len(m.Weights)/5 {
		t.Errorf("the filter let %d of %d unknown features through", passed, len(m.Weights))
	}
	rows := make([]int32, len(keys))
	table.rows(rows, keys, make([]slot, len(keys)))
	for j, k := range keys {
		if one := table.row(k); one != rows[j] {
			t.Fatalf("feature %x: row %d alone, %d in a batch", k, one, rows[j])
		}
		want, known := m.Weights[k]
		if !known {
			want = make([]float32, len(m.Tags))
		}
		if got := table.weights[rows[j]:][:len(m.Tags)]; !slices.Equal(got, want) {
			t.Fatalf("feature %x: weights %v, want %v", k, got, want)
		}
	}
}
