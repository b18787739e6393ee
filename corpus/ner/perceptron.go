package ner

import (
	"math/rand"
	"sync"
)

// Model is an averaged perceptron that tags words left to right, each
// decision seeing the words around it and the two tags before it.
type Model struct {
	Tags    []string
	Weights map[uint64][]float32 // hashed feature → weight per tag

	compileOnce sync.Once
	compiled    *compiled // Weights laid out for fast tagging, built on first use
}

// trainer accumulates the averaged perceptron's weights.
type trainer struct {
	tags    []string
	index   map[string]int
	weights map[uint64][]float32
	totals  map[uint64][]float64
	stamps  map[uint64][]int
	step    int
	hashes  *tagHashes
	ctx     context
	gold    []int
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
	tr.hashes = newTagHashes(tr.tags)
	return tr
}

// learn tags one sentence with the current weights, using the gold tags as
// history, and moves the weights towards the gold tag where it was wrong.
func (tr *trainer) learn(s Sentence) {
	tr.ctx.reset(s.Words)
	tr.gold = tr.gold[:0]
	for _, t := range s.Tags {
		tr.gold = append(tr.gold, tr.index[t])
	}
	scores := make([]float32, len(tr.tags))
	var feats []uint64
	p2, p1 := tr.hashes.outside(), tr.hashes.outside()
	for i := range s.Words {
		tr.step++
		feats = tr.ctx.features(feats[:0], i, tr.hashes, p2, p1)
		p2, p1 = p1, tr.gold[i]
		clear(scores)
		for _, f := range feats {
			for t, w := range tr.weights[f] {
				scores[t] += w
			}
		}
		guess, gold := argmax(scores), tr.gold[i]
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
