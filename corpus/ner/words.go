package ner

// wordCacheSize is how many distinct words each of a wordCache's two
// generations holds. News repeats its words so much that a few thousand
// cover most tokens: over the BBC articles the cache serves 94% of them.
// The cap bounds the memory of a long run, at about 330 bytes a word, some
// 5 MB in all.
const wordCacheSize = 1 << 13

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
	word, lower, shape string
	hyphen, hasLower   bool

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
//
// Words are added to the current generation. When it is full, it becomes
// the old one and the cache starts a new, empty one, into which words found
// only in the old generation are copied as they are seen again: the words
// in use stay, the others go with the old generation at the next turn.
type wordCache struct {
	limit int // words held in a generation; wordCacheSize if 0
	model *compiled
	cur   generation
	old   generation
	keys  []uint64 // scratch: the features of a new word
	rows  []int32  // scratch: their rows
	first []slot   // scratch: their first slots
	text  []byte   // scratch: the lower case and shapes of a new word
}

// generation is one generation of a wordCache: words' ids, and by id their
// infos and weights.
type generation struct {
	ids     map[string]int32
	infos   []wordInfo
	heads   []float32 // ntags per word: bias to fSuffix4 summed in order
	tagRows []int32   // 2 per word and previous tag: fPrevTagWord, fPrevTagShape; -1 until looked up
}

// empty empties g, keeping its storage unless a long sentence grew it past
// limit words.
func (g *generation) empty(limit int) {
	if g.ids == nil || len(g.infos) > limit {
		*g = generation{ids: make(map[string]int32)}
	}
	clear(g.ids)
	g.infos, g.heads, g.tagRows = g.infos[:0], g.heads[:0], g.tagRows[:0]
}

// fit makes room for a sentence of n words of model c, turning to a new
// generation when the current one is full, and emptying both when they were
// filled for another model.
func (wc *wordCache) fit(c *compiled, n int) {
	switch {
	case wc.model != c:
		wc.model = c
		wc.old.empty(wc.capacity())
	case len(wc.cur.infos)+n <= wc.capacity():
		return
	default:
		wc.cur, wc.old = wc.old, wc.cur
	}
	wc.cur.empty(wc.capacity())
	wc.add("", sentenceStart, noShape, nil)
	wc.add("", sentenceEnd, noShape, nil)
}

// capacity is how many words a generation holds.
func (wc *wordCache) capacity() int {
	if wc.limit > 0 {
		return wc.limit
	}
	return wordCacheSize
}

// id returns the id of word w, adding it if it is new.
func (wc *wordCache) id(w string) int32 {
	if id, ok := wc.cur.ids[w]; ok {
		return id
	}
	if id, ok := wc.old.ids[w]; ok {
		return wc.keep(id)
	}
	text := appendLower(wc.text[:0], w)
	lowerEnd := len(text)
	text = appendShape(text, w)
	shapeEnd := len(text)
	text = appendShortShape(text, w)
	wc.text = text
	return wc.add(w, text[:lowerEnd], text[lowerEnd:shapeEnd], text[shapeEnd:])
}

// keep copies word id of the old generation into the current one and
// returns its new id.
func (wc *wordCache) keep(old int32) int32 {
	info := wc.old.infos[old]
	id := int32(len(wc.cur.infos))
	wc.cur.ids[info.word] = id
	wc.cur.infos = append(wc.cur.infos, info)
	n, tags := wc.model.ntags, 2*wc.model.hashes.n
	wc.cur.heads = append(wc.cur.heads, wc.old.heads[int(old)*n:][:n]...)
	wc.cur.tagRows = append(wc.cur.tagRows, wc.old.tagRows[int(old)*tags:][:tags]...)
	return id
}

// ownFeatures is how many features come before the first that involves
// another word; they depend on the word alone.
const ownFeatures = fPrevWord

// add adds word w, given in lower case, as its shape and as its short
// shape, to the current generation, and returns its id. Only the words of
// a text are added under their name: the ones beyond a sentence are known
// by their ids.
func (wc *wordCache) add(w string, lower, shape, short []byte) int32 {
	c, g := wc.model, &wc.cur
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
	word, lowerText, shapeText := cloneStrings(w, lower, shape)
	g.infos = append(g.infos, wordInfo{
		word: word, lower: lowerText, shape: shapeText,
		hyphen: hasHyphen(w), hasLower: hasLower(w),
		prevWord: r[0], nextWord: r[1], prev2Word: r[2], next2Word: r[3],
		prevShape: r[4], nextShape: r[5], firstShape: r[6],
		upperWord: r[7], upperPrev: r[8], upperNext: r[9],
		aroundShapes: mix(start(fAroundShapes), shape),
		prevWordWord: mix(start(fPrevWordWord), lower),
		wordNextWord: mix(start(fWordNextWord), lower),
	})
	head := len(g.heads)
	g.heads = append(g.heads, make([]float32, c.ntags)...)
	c.table.addRows(g.heads[head:], wc.rows[:ownFeatures])
	for range 2 * c.hashes.n {
		g.tagRows = append(g.tagRows, -1)
	}
	id := int32(len(g.infos) - 1)
	if w != "" {
		g.ids[word] = id
	}
	return id
}

// cloneStrings returns copies of w, lower and shape that share one
// allocation and none of the memory of the text w is from.
func cloneStrings(w string, lower, shape []byte) (string, string, string) {
	all := string(append(append([]byte(w), lower...), shape...))
	return all[:len(w)], all[len(w) : len(w)+len(lower)], all[len(w)+len(lower):]
}

// info returns the wordInfo of word id.
func (wc *wordCache) info(id int32) *wordInfo {
	return &wc.cur.infos[id]
}

// head returns the summed weights of the features of word id that hold
// only the word and come first.
func (wc *wordCache) head(id int32) []float32 {
	n := wc.model.ntags
	return wc.cur.heads[int(id)*n:][:n]
}

// tagWordRows returns the rows of the features that combine word id with
// the tag p1 before it: fPrevTagWord and fPrevTagShape.
func (wc *wordCache) tagWordRows(id int32, p1 int) (word, shape int32) {
	th := wc.model.hashes
	at := (int(id)*th.n + p1) * 2
	r := wc.cur.tagRows[at : at+2]
	if r[0] < 0 {
		info := wc.info(id)
		r[0] = wc.model.table.row(mix(th.prevTagWord[p1], info.lower))
		r[1] = wc.model.table.row(mix(th.prevTagShape[p1], info.shape))
	}
	return r[0], r[1]
}
