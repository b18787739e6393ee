package ner

// weightTable is an open-addressing hash table from hashed feature to the
// weights of every tag. Its slots hold only the key and where the feature's
// weights start in one dense array, so that the probes of a lookup stay in
// few cache lines. The first row of that array is all zeros and stands for
// every feature the model does not know: adding it leaves a score as it
// was, so callers add rows without checking them.
//
// Most features looked up are unknown, word pairs above all, and probing
// the table for them reads a slot far from the last. A bit per hash value,
// set for the features the model knows, answers most of those lookups from
// a small array that stays in the processor's caches.
type weightTable struct {
	mask    uint64
	ntags   int
	slots   []slot
	weights []float32 // ntags weights per feature, after a row of zeros
	known   []uint64  // bit filterIndex(k) is set for every feature k in the table
}

// filterBits is the log2 of the number of bits in a weightTable's filter:
// 2^20 bits take 128 KiB, and with some 60,000 features set, an unknown
// feature finds its bit set one time in twenty.
const filterBits = 20

// filterIndex is the bit of the filter that stands for feature k: its top
// bits, independent of the low ones that pick its slot.
func filterIndex(k uint64) uint64 {
	return k >> (64 - filterBits)
}

// mayHold reports whether feature k may be in the table; when it reports
// false, k certainly is not.
func (t *weightTable) mayHold(k uint64) bool {
	i := filterIndex(k)
	return t.known[i/64]&(1<<(i%64)) != 0
}

// slot is one entry of a weightTable: a feature and the offset of its
// weights, or offset 0, the zero row, when the slot is empty.
type slot struct {
	key uint64
	row int32
}

// newWeightTable builds the table of a model's weights.
func newWeightTable(ws map[uint64][]float32, ntags int) *weightTable {
	size := uint64(1)
	for size < uint64(len(ws))*2 {
		size <<= 1
	}
	t := &weightTable{mask: size - 1, ntags: ntags, slots: make([]slot, size), weights: make([]float32, (len(ws)+1)*ntags), known: make([]uint64, 1<<filterBits/64)}
	row := ntags
	for k, w := range ws {
		bit := filterIndex(k)
		t.known[bit/64] |= 1 << (bit % 64)
		i := t.home(k)
		for t.slots[i].row != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{key: k, row: int32(row)}
		copy(t.weights[row:row+ntags], w)
		row += ntags
	}
	return t
}

// home is the slot where a lookup of k starts.
func (t *weightTable) home(k uint64) uint64 {
	return (k ^ k>>29) & t.mask
}

// row returns the offset of the weights of feature k, or 0, the zero row,
// if the model does not know it.
func (t *weightTable) row(k uint64) int32 {
	if !t.mayHold(k) {
		return 0
	}
	return t.probe(k, t.slots[t.home(k)], t.home(k))
}

// probe finishes a lookup of k whose slot i holds s: an empty slot has key
// 0 and row 0, so a lookup of 0 that reaches one gets the zero row, as it
// should.
func (t *weightTable) probe(k uint64, s slot, i uint64) int32 {
	for s.key != k && s.row != 0 {
		i = (i + 1) & t.mask
		s = t.slots[i]
	}
	return s.row
}

// rowsOf returns the offsets of the weights of keys.
func (t *weightTable) rowsOf(keys []uint64) []int32 {
	rows := make([]int32, len(keys))
	for j, k := range keys {
		rows[j] = t.row(k)
	}
	return rows
}

// rows sets rows[j] to the offset of the weights of keys[j]. It reads the
// first slot of every key the table may hold before probing any further, so
// that those reads, which mostly miss the processor's caches, overlap; the
// others start from an empty slot, which ends their probe at once.
func (t *weightTable) rows(rows []int32, keys []uint64, first []slot) {
	for j, k := range keys {
		first[j] = slot{}
		if t.mayHold(k) {
			first[j] = t.slots[t.home(k)]
		}
	}
	for j, k := range keys {
		rows[j] = t.probe(k, first[j], t.home(k))
	}
}

// addRows adds the weights at each offset of rows to scores, one row after
// another, so every score is summed in the order of rows.
func (t *weightTable) addRows(scores []float32, rows []int32) {
	if len(scores) == conllTags {
		t.addRows9((*[conllTags]float32)(scores), rows)
		return
	}
	for _, r := range rows {
		w := t.weights[r:][:len(scores)]
		for tag := range scores {
			scores[tag] += w[tag]
		}
	}
}

// conllTags is the number of BIO tags of the four CoNLL-2003 types.
const conllTags = 9

// addRows9 is addRows for nine tags, with the scores held in registers
// rather than stored and reloaded for every row.
func (t *weightTable) addRows9(scores *[conllTags]float32, rows []int32) {
	s0, s1, s2, s3, s4, s5, s6, s7, s8 := scores[0], scores[1], scores[2], scores[3], scores[4], scores[5], scores[6], scores[7], scores[8]
	for _, r := range rows {
		w := (*[conllTags]float32)(t.weights[r:])
		s0, s1, s2, s3, s4 = s0+w[0], s1+w[1], s2+w[2], s3+w[3], s4+w[4]
		s5, s6, s7, s8 = s5+w[5], s6+w[6], s7+w[7], s8+w[8]
	}
	*scores = [conllTags]float32{s0, s1, s2, s3, s4, s5, s6, s7, s8}
}
