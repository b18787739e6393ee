package ner

import (
	"math/rand"
	"strings"
	"sync"
)

// Model is an averaged perceptron that tags words left to right, each
// decision seeing the words around it and the two tags before it.
type Model struct {
	Tags    []string
	Weights map[uint64][]float32 // hashed feature → weight per tag

	tableOnce sync.Once
	table     *weightTable // Weights laid out for fast lookup, built on first use
}

// Tag returns the BIO tags of words.
func (m *Model) Tag(words []string) []string {
	tags := make([]string, len(words))
	ctx := newContext(words)
	m.tableOnce.Do(func() { m.table = newWeightTable(m.Weights, len(m.Tags)) })
	scores := make([]float32, len(m.Tags))
	var feats []uint64
	for i := range words {
		clear(scores)
		feats = ctx.features(feats, i, tags)
		for _, f := range feats {
			m.table.add(f, scores)
		}
		tags[i] = m.Tags[m.best(scores, prevTag(tags, i))]
	}
	return tags
}

// best picks the highest-scoring tag that may follow prev in BIO: an I-
// tag only continues an entity of its own type.
func (m *Model) best(scores []float32, prev string) int {
	best := -1
	for t, s := range scores {
		tag := m.Tags[t]
		if strings.HasPrefix(tag, "I-") && typeOf(prev) != tag[2:] {
			continue
		}
		if best < 0 || s > scores[best] {
			best = t
		}
	}
	return best
}

// prevTag is the tag before position i, "O" at the start.
func prevTag(tags []string, i int) string {
	if i == 0 {
		return "O"
	}
	return tags[i-1]
}

// trainer accumulates the averaged perceptron's weights.
type trainer struct {
	tags    []string
	index   map[string]int
	weights map[uint64][]float32
	totals  map[uint64][]float64
	stamps  map[uint64][]int
	step    int
}

// Train learns a model from tagged sentences in the given number of passes,
// shuffling the sentences with a fixed seed so training is reproducible.
func Train(data []Sentence, passes int, seed int64) *Model {
	tr := newTrainer(data)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(seed))
	for range passes {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			tr.learn(data[k])
		}
	}
	return tr.average()
}

// newTrainer collects the tag set of data.
func newTrainer(data []Sentence) *trainer {
	tr := &trainer{index: map[string]int{}, weights: map[uint64][]float32{}, totals: map[uint64][]float64{}, stamps: map[uint64][]int{}}
	for _, s := range data {
		for _, t := range s.Tags {
			if _, ok := tr.index[t]; !ok {
				tr.index[t] = len(tr.tags)
				tr.tags = append(tr.tags, t)
			}
		}
	}
	return tr
}

// learn tags one sentence with the current weights, using the gold tags as
// history, and moves the weights towards the gold tag where it was wrong.
func (tr *trainer) learn(s Sentence) {
	ctx := newContext(s.Words)
	scores := make([]float32, len(tr.tags))
	var feats []uint64
	for i := range s.Words {
		tr.step++
		feats = ctx.features(feats, i, s.Tags)
		clear(scores)
		for _, f := range feats {
			for t, w := range tr.weights[f] {
				scores[t] += w
			}
		}
		guess := argmax(scores)
		gold := tr.index[s.Tags[i]]
		if guess == gold {
			continue
		}
		for _, f := range feats {
			tr.update(f, gold, 1)
			tr.update(f, guess, -1)
		}
	}
}

// update changes one weight, first bringing its running total up to date.
func (tr *trainer) update(f uint64, tag int, delta float32) {
	w, ok := tr.weights[f]
	if !ok {
		w = make([]float32, len(tr.tags))
		tr.weights[f] = w
		tr.totals[f] = make([]float64, len(tr.tags))
		tr.stamps[f] = make([]int, len(tr.tags))
	}
	tr.totals[f][tag] += float64(tr.step-tr.stamps[f][tag]) * float64(w[tag])
	tr.stamps[f][tag] = tr.step
	w[tag] += delta
}

// average returns the model whose weights are each weight's average over
// all training steps, dropping features that end up all zero.
func (tr *trainer) average() *Model {
	m := &Model{Tags: tr.tags, Weights: make(map[uint64][]float32, len(tr.weights))}
	for f, w := range tr.weights {
		avg := make([]float32, len(w))
		nonzero := false
		for t := range w {
			total := tr.totals[f][t] + float64(tr.step-tr.stamps[f][t])*float64(w[t])
			avg[t] = float32(total / float64(tr.step))
			nonzero = nonzero || avg[t] != 0
		}
		if nonzero {
			m.Weights[f] = avg
		}
	}
	return m
}

// argmax is the index of the largest score.
func argmax(scores []float32) int {
	best := 0
	for i, s := range scores {
		if s > scores[best] {
			best = i
		}
	}
	return best
}
