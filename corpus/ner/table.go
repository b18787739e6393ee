package ner

// weightTable is an open-addressing hash table from hashed feature to the
// weights of every tag, laid out flat so that tagging does one probe into
// two arrays instead of a map lookup and a slice header per feature.
type weightTable struct {
	mask    uint64
	ntags   int
	keys    []uint64
	used    []bool
	weights []float32
}

// newWeightTable builds the table of a model's weights.
func newWeightTable(ws map[uint64][]float32, ntags int) *weightTable {
	size := uint64(1)
	for size < uint64(len(ws))*2 {
		size <<= 1
	}
	t := &weightTable{mask: size - 1, ntags: ntags, keys: make([]uint64, size), used: make([]bool, size), weights: make([]float32, int(size)*ntags)}
	for k, w := range ws {
		i := t.slot(k)
		t.keys[i], t.used[i] = k, true
		copy(t.weights[int(i)*ntags:], w)
	}
	return t
}

// slot returns the index holding key k, or the empty one where it would go.
func (t *weightTable) slot(k uint64) uint64 {
	i := (k ^ k>>29) & t.mask
	for t.used[i] && t.keys[i] != k {
		i = (i + 1) & t.mask
	}
	return i
}

// add adds the weights of feature k to scores, if the model knows it.
func (t *weightTable) add(k uint64, scores []float32) {
	i := t.slot(k)
	if !t.used[i] {
		return
	}
	for tag, w := range t.weights[int(i)*t.ntags : int(i+1)*t.ntags] {
		scores[tag] += w
	}
}
