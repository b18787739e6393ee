package ner

import (
	"strings"
	"sync"
)

// compiled is a model laid out for tagging: its weights in a flat table,
// the hashes of its tags, and which tag may follow which.
type compiled struct {
	table    *weightTable
	hashes   *tagHashes
	ntags    int
	allowed  []bool  // allowed[p*ntags+t]: tag t may follow tag p of hashes
	prevTag  []int32 // rows of hashes.prevTag
	prevTags []int32 // rows of hashes.prevTags
	hyphen   int32   // row of the hyphen feature
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
		c.prevTag, c.prevTags, c.hyphen = c.table.rowsOf(th.prevTag), c.table.rowsOf(th.prevTags), c.table.row(start(fHyphen))
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
// statePool, with the cache of the words it has seen.
type tagState struct {
	words  wordCache
	ids    []int32   // per position, the word's id in words, after two starts and before two ends
	upper  bool      // the sentence is in capitals, as headlines often are
	keys   []uint64  // per position, its three features that combine two words
	first  []slot    // the first slot probed for each of them
	pairs  []int32   // their offsets in the weight table
	head   []float32 // per position, the scores of its features before the tag ones
	rows   []int32   // scratch: rows to add to a score
	scores []float32

	toks     []Token  // Extract: the tokens of the text
	sentence []string // Extract: the words of the sentence being tagged
	tags     []string // Extract: their tags
}

// maxKeptTokens is the most tokens whose buffers a tagState keeps from one
// text to the next: a longer text's are let go.
const maxKeptTokens = 1 << 16

// release clears the tokens of the text just tagged, so that a pooled state
// keeps no text alive, and lets go of buffers a long text grew. Every token
// the buffer ever held was within the length cleared after its text, so it
// holds none beyond its length either; the words of each sentence are
// cleared once it is tagged.
func (st *tagState) release() {
	clear(st.toks)
	if cap(st.toks) > maxKeptTokens {
		st.toks = nil
	}
	if cap(st.sentence) > maxKeptTokens {
		st.sentence = nil
	}
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

// prepare looks up the words in the cache, then looks up the features that
// combine two words at every position at once, so that the memory reads,
// which mostly miss the processor's caches, overlap, and sums the features
// that come before the tag features.
func (st *tagState) prepare(c *compiled, words []string) {
	st.setWords(c, words)
	st.keys = st.keys[:0]
	for i := range words {
		prev, cur, next := st.info(i-1), st.info(i), st.info(i+1)
		st.keys = append(st.keys,
			mix(prev.aroundShapes, next.shape),
			mix(prev.prevWordWord, cur.lower),
			mix(cur.wordNextWord, next.lower),
		)
	}
	st.pairs, st.first = resize(st.pairs, len(st.keys)), resize(st.first, len(st.keys))
	c.table.rows(st.pairs, st.keys, st.first)
	st.scores = resize(st.scores, c.ntags)
	st.head = resize(st.head, len(words)*c.ntags)
	for i := range words {
		head := st.head[i*c.ntags:][:c.ntags]
		copy(head, st.words.head(st.ids[i+2]))
		st.rows = st.headRows(i)
		c.table.addRows(head, st.rows)
	}
}

// setWords sets the ids of the words of the sentence, and whether it is in
// capitals.
func (st *tagState) setWords(c *compiled, words []string) {
	st.words.fit(c, len(words))
	st.ids = append(st.ids[:0], startID, startID)
	lowerLetters := 0
	for _, w := range words {
		id := st.words.id(w)
		st.ids = append(st.ids, id)
		if st.words.info(id).hasLower {
			lowerLetters++
		}
	}
	st.ids = append(st.ids, endID, endID)
	st.upper = len(words) > 2 && lowerLetters*4 < len(words)
}

// info returns the wordInfo of the word at position i, which may be up to
// two places beyond either end of the sentence.
func (st *tagState) info(i int) *wordInfo {
	return st.words.info(st.ids[i+2])
}

// headRows returns the rows of the features of position i that come after
// the ones of the word alone and before the tag features, in order.
func (st *tagState) headRows(i int) []int32 {
	prev, next := st.info(i-1), st.info(i+1)
	return append(st.rows[:0],
		prev.prevWord,
		next.nextWord,
		st.info(i-2).prev2Word,
		st.info(i+2).next2Word,
		prev.prevShape,
		next.nextShape,
		st.pairs[3*i],
	)
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
	scores := st.scores
	copy(scores, st.head[i*c.ntags:])
	st.rows = st.tailRows(c, i, p2, p1)
	c.table.addRows(scores, st.rows)
	return scores
}

// tailRows returns the rows of the features of position i from the tag
// features on, after tags p2 and p1, in order.
func (st *tagState) tailRows(c *compiled, i, p2, p1 int) []int32 {
	id := st.ids[i+2]
	cur := st.words.info(id)
	tagWord, tagShape := st.words.tagWordRows(id, p1)
	rows := append(st.rows[:0],
		c.prevTag[p1],
		c.prevTags[p2*c.hashes.n+p1],
		tagWord,
		tagShape,
		st.pairs[3*i+1],
		st.pairs[3*i+2],
	)
	if i == 0 {
		rows = append(rows, cur.firstShape)
	}
	if cur.hyphen {
		rows = append(rows, c.hyphen)
	}
	if st.upper {
		rows = append(rows, cur.upperWord, st.info(i-1).upperPrev, st.info(i+1).upperNext)
	}
	return rows
}
