package ner

import (
	"strings"
	"sync"
)

// compiled is a model laid out for tagging: its weights in a flat table,
// the hashes of its tags, and which tag may follow which.
type compiled struct {
	table   *weightTable
	hashes  *tagHashes
	ntags   int
	allowed []bool // allowed[p*ntags+t]: tag t may follow tag p of hashes
}

// compile returns m laid out for tagging, building it on first use.
func (m *Model) compile() *compiled {
	m.compileOnce.Do(func() {
		th := newTagHashes(m.Tags)
		c := &compiled{table: newWeightTable(m.Weights, len(m.Tags)), hashes: th, ntags: len(m.Tags)}
		names := append(append([]string(nil), m.Tags...), "O")
		for _, prev := range names {
			for _, tag := range m.Tags {
				c.allowed = append(c.allowed, !strings.HasPrefix(tag, "I-") || typeOf(prev) == tag[2:])
			}
		}
		m.compiled = c
	})
	return m.compiled
}

// best picks the highest-scoring tag that may follow tag prev in BIO: an
// I- tag only continues an entity of its own type.
func (c *compiled) best(scores []float32, prev int) int {
	allowed := c.allowed[prev*c.ntags:][:len(scores)]
	best := -1
	for t, s := range scores {
		if allowed[t] && (best < 0 || s > scores[best]) {
			best = t
		}
	}
	return best
}

// tagState is the scratch space of tagging one sentence, reused through
// statePool.
type tagState struct {
	ctx    context
	keys   []uint64  // features of every position that do not depend on tags
	first  []slot    // the first slot probed for each of them
	rows   []int32   // their offsets in the weight table
	head   []float32 // per position, the scores of its features before the tag ones
	ends   []int     // where each position's features end in keys
	dyn    []uint64  // features of one position that depend on tags
	dynRow []int32   // their offsets in the weight table
	scores []float32
}

// statePool holds tagStates for reuse across sentences and goroutines.
var statePool = sync.Pool{New: func() any { return new(tagState) }}

// Tag returns the BIO tags of words.
func (m *Model) Tag(words []string) []string {
	st := statePool.Get().(*tagState)
	defer statePool.Put(st)
	return m.tag(st, words, make([]string, len(words)))
}

// tag writes the BIO tags of words into tags, which is as long as words,
// using the scratch space st, and returns tags.
func (m *Model) tag(st *tagState, words, tags []string) []string {
	c := m.compile()
	st.prepare(c, words)
	p2, p1 := c.hashes.outside(), c.hashes.outside()
	for i := range words {
		t := c.best(st.score(c, i, p2, p1), p1)
		tags[i] = m.Tags[t]
		p2, p1 = p1, t
	}
	return tags
}

// prepare computes the features of every position of words that do not
// depend on tags, looks them all up at once and sums the ones that come
// before the tag features, so that the memory reads, which mostly miss the
// processor's caches, overlap.
func (st *tagState) prepare(c *compiled, words []string) {
	st.ctx.reset(words)
	st.keys, st.ends = st.keys[:0], st.ends[:0]
	for i := range words {
		st.keys = st.ctx.headKeys(st.keys, i)
		st.keys = st.ctx.tailKeys(st.keys, i)
		st.ends = append(st.ends, len(st.keys))
	}
	st.rows, st.first = resize(st.rows, len(st.keys)), resize(st.first, len(st.keys))
	c.table.rows(st.rows, st.keys, st.first)
	st.scores = resize(st.scores, c.ntags)
	st.head = resize(st.head, len(words)*c.ntags)
	clear(st.head)
	begin := 0
	for i, end := range st.ends {
		c.table.addRows(st.head[i*c.ntags:][:c.ntags], st.rows[begin:][:headFeatures])
		begin = end
	}
}

// resize returns s with length n, reallocated only if it is too short.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// score returns the score of every tag at position i after tags p2 and
// p1, adding the weights of the features in the order Train saw them.
func (st *tagState) score(c *compiled, i, p2, p1 int) []float32 {
	begin := 0
	if i > 0 {
		begin = st.ends[i-1]
	}
	rows := st.rows[begin:st.ends[i]]
	scores := st.scores
	copy(scores, st.head[i*c.ntags:])
	st.dyn = st.ctx.tagKeys(st.dyn[:0], i, c.hashes, p2, p1)
	st.dynRow = st.dynRow[:0]
	for _, k := range st.dyn {
		st.dynRow = append(st.dynRow, c.table.row(k))
	}
	c.table.addRows(scores, st.dynRow)
	c.table.addRows(scores, rows[headFeatures:])
	return scores
}
