package ner

// wordCacheSize is how many distinct words a wordCache holds before it
// starts again empty. News repeats its words so much that a few thousand
// cover most tokens; the cap keeps the memory of a long run bounded, at
// about 300 bytes a word.
const wordCacheSize = 1 << 14

// Ids in a wordCache of the words beyond either end of a sentence.
const (
	startID = 0
	endID   = 1
)

// wordInfo is what tagging needs of one distinct word, worked out once
// when the word is first seen: the values features are built from, the
// weight rows of the features this word fills on its own in each role it
// plays, and the hash states of the features it shares with a neighbour,
// after its own part.
type wordInfo struct {
	lower, shape     string
	hyphen, hasLower bool

	// Rows of the features that hold only this word, as the word two
	// before, one before, one after or two after the position tagged, or
	// as that word itself.
	prevWord, nextWord, prev2Word, next2Word int32
	prevShape, nextShape, firstShape         int32
	upperWord, upperPrev, upperNext          int32

	// Hash states of the two-word features, this word's part mixed in.
	aroundShapes, prevWordWord, wordNextWord uint64
}

// wordCache maps the words of a compiled model's input to their wordInfo,
// and to the sum of the weights of their first features, which depend on
// the word alone and come first in the order scores are summed, so that
// summing them once gives the very same floats every time.
type wordCache struct {
	limit   int // words held before starting again empty; wordCacheSize if 0
	model   *compiled
	ids     map[string]int32
	infos   []wordInfo
	heads   []float32 // ntags per word: bias to fSuffix4 summed in order
	tagRows []int32   // 2 per word and previous tag: fPrevTagWord, fPrevTagShape; -1 until looked up
	text    []byte    // scratch: the lower case and shapes of a new word
	keys    []uint64  // scratch: the features of a new word
	rows    []int32   // scratch: their rows
	first   []slot    // scratch: their first slots
}

// fit makes room for a sentence of n words of model c, emptying the cache
// when it is full or was filled for another model.
func (wc *wordCache) fit(c *compiled, n int) {
	if wc.model == c && len(wc.infos)+n <= wc.capacity() {
		return
	}
	wc.model = c
	wc.ids = make(map[string]int32)
	wc.infos, wc.heads, wc.tagRows = wc.infos[:0], wc.heads[:0], wc.tagRows[:0]
	wc.add("", sentenceStart, noShape, nil)
	wc.add("", sentenceEnd, noShape, nil)
}

// capacity is how many words the cache holds before it starts again.
func (wc *wordCache) capacity() int {
	if wc.limit > 0 {
		return wc.limit
	}
	return wordCacheSize
}

// id returns the id of word w, adding it if it is new.
func (wc *wordCache) id(w string) int32 {
	if id, ok := wc.ids[w]; ok {
		return id
	}
	text := appendLower(wc.text[:0], w)
	lowerEnd := len(text)
	text = appendShape(text, w)
	shapeEnd := len(text)
	text = appendShortShape(text, w)
	wc.text = text
	id := wc.add(w, text[:lowerEnd], text[lowerEnd:shapeEnd], text[shapeEnd:])
	wc.ids[string([]byte(w))] = id
	return id
}

// ownFeatures is how many features come before the first that involves
// another word; they depend on the word alone.
const ownFeatures = fPrevWord

// add appends the wordInfo of word w, given in lower case, as its shape and
// as its short shape, and returns its id.
func (wc *wordCache) add(w string, lower, shape, short []byte) int32 {
	c := wc.model
	wc.keys = append(wc.keys[:0],
		start(fBias),
		mix(start(fWord), lower),
		mix(start(fShape), shape),
		mix(start(fShortShape), short),
		mix(start(fPrefix3), prefix(lower, 3)),
		mix(start(fSuffix2), suffix(lower, 2)),
		mix(start(fSuffix3), suffix(lower, 3)),
		mix(start(fSuffix4), suffix(lower, 4)),
		mix(start(fPrevWord), lower),
		mix(start(fNextWord), lower),
		mix(start(fPrev2Word), lower),
		mix(start(fNext2Word), lower),
		mix(start(fPrevShape), shape),
		mix(start(fNextShape), shape),
		mix(start(fFirstShape), shape),
		mix(start(fUpperWord), lower),
		mix(start(fUpperPrev), lower),
		mix(start(fUpperNext), lower),
	)
	wc.rows, wc.first = resize(wc.rows, len(wc.keys)), resize(wc.first, len(wc.keys))
	c.table.rows(wc.rows, wc.keys, wc.first)
	r := wc.rows[ownFeatures:]
	wc.infos = append(wc.infos, wordInfo{
		lower: string(lower), shape: string(shape),
		hyphen: hasHyphen(w), hasLower: hasLower(w),
		prevWord: r[0], nextWord: r[1], prev2Word: r[2], next2Word: r[3],
		prevShape: r[4], nextShape: r[5], firstShape: r[6],
		upperWord: r[7], upperPrev: r[8], upperNext: r[9],
		aroundShapes: mix(start(fAroundShapes), shape),
		prevWordWord: mix(start(fPrevWordWord), lower),
		wordNextWord: mix(start(fWordNextWord), lower),
	})
	head := len(wc.heads)
	wc.heads = append(wc.heads, make([]float32, c.ntags)...)
	c.table.addRows(wc.heads[head:], wc.rows[:ownFeatures])
	for range 2 * c.hashes.n {
		wc.tagRows = append(wc.tagRows, -1)
	}
	return int32(len(wc.infos) - 1)
}

// head returns the summed weights of the features of word id that hold
// only the word and come first.
func (wc *wordCache) head(id int32) []float32 {
	n := wc.model.ntags
	return wc.heads[int(id)*n:][:n]
}

// tagWordRows returns the rows of the features that combine word id with
// the tag p1 before it: fPrevTagWord and fPrevTagShape.
func (wc *wordCache) tagWordRows(id int32, p1 int) (word, shape int32) {
	th := wc.model.hashes
	at := (int(id)*th.n + p1) * 2
	r := wc.tagRows[at : at+2]
	if r[0] < 0 {
		info := &wc.infos[id]
		r[0] = wc.model.table.row(mix(th.prevTagWord[p1], info.lower))
		r[1] = wc.model.table.row(mix(th.prevTagShape[p1], info.shape))
	}
	return r[0], r[1]
}
