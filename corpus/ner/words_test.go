package ner

import (
	"slices"
	"testing"
)

// TestWordInfoMatchesFeatures checks that what the cache keeps of a word is
// what the features of a sentence made of it give, for every role the word
// plays in them.
func TestWordInfoMatchesFeatures(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c := m.compile()
	th := c.hashes
	tests := []struct {
		name string
		word string
	}{
		{"lower case", "officials"},
		{"capitalised", "Petersburg"},
		{"hyphenated", "Ki-moon"},
		{"abbreviation", "St."},
		{"capitals", "UN"},
		{"accents", "ÉCOLE"},
		{"curly apostrophe", "O’Neil’s"},
		{"number", "1,000"},
		{"invalid UTF-8", "ab\xc3"},
		{"long", "Supercalifragilisticexpialidocious-and-then-some-more-letters-still"},
		{"punctuation", "."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var wc wordCache
			wc.fit(c, 1)
			id := wc.id(tt.word)
			if again := wc.id(tt.word); again != id {
				t.Fatalf("id = %d then %d", id, again)
			}
			info := wc.info(id)
			// The word at position 2 of five copies of itself plays every role.
			words := []string{tt.word, tt.word, tt.word, tt.word, tt.word}
			ctx := newContext(words)
			ctx.upper = true
			if info.lower != string(ctx.lower[2]) || info.shape != string(ctx.shapes[2]) || info.hyphen != ctx.hyphen[2] || info.hasLower != hasLower(tt.word) {
				t.Errorf("info %+v, context lower %q shape %q hyphen %v", info, ctx.lower[2], ctx.shapes[2], ctx.hyphen[2])
			}
			keys := ctx.features(nil, 2, th, 1, 0)
			rows := c.table.rowsOf(keys)
			want := make([]float32, c.ntags)
			c.table.addRows(want, rows[:ownFeatures])
			if got := wc.head(id); !slices.Equal(got, want) {
				t.Errorf("head = %v, want %v", got, want)
			}
			own := []int32{info.prevWord, info.nextWord, info.prev2Word, info.next2Word, info.prevShape, info.nextShape}
			if !slices.Equal(own, rows[fPrevWord:fAroundShapes]) {
				t.Errorf("neighbour rows = %v, want %v", own, rows[fPrevWord:fAroundShapes])
			}
			pairs := []uint64{mix(info.aroundShapes, info.shape), mix(info.prevWordWord, info.lower), mix(info.wordNextWord, info.lower)}
			if want := []uint64{keys[fAroundShapes], keys[fPrevWordWord], keys[fWordNextWord]}; !slices.Equal(pairs, want) {
				t.Errorf("pair keys = %x, want %x", pairs, want)
			}
			word, shape := wc.tagWordRows(id, 0)
			if got, want := []int32{word, shape}, rows[fPrevTagWord:fPrevWordWord]; !slices.Equal(got, want) {
				t.Errorf("tag rows = %v, want %v", got, want)
			}
			if first := c.table.row(ctx.features(nil, 0, th, th.outside(), th.outside())[fFirstShape]); info.firstShape != first {
				t.Errorf("first shape row = %d, want %d", info.firstShape, first)
			}
			upper := []int32{info.upperWord, info.upperPrev, info.upperNext}
			if want := rows[len(rows)-3:]; !slices.Equal(upper, want) {
				t.Errorf("capitals rows = %v, want %v", upper, want)
			}
		})
	}
}

// TestTagAcrossCacheResets checks that tags stay the reference ones when
// the word cache fills and starts again, and when one tagging state serves
// two models in turn.
func TestTagAcrossCacheResets(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	other := Train(syntheticData(), 2, 1)
	for _, limit := range []int{1, 8, 100} {
		st := &tagState{words: wordCache{limit: limit}}
		bound := limit
		for i, words := range sentencesForTest(t) {
			bound = max(bound, len(words)+2)
			model := m
			if i%3 == 2 {
				model = other
			}
			got := model.tag(st, words, make([]string, len(words)))
			if want := refTag(model, words); !slices.Equal(got, want) {
				t.Fatalf("limit %d: tag(%q) = %q, want %q", limit, words, got, want)
			}
			if cur, old := len(st.words.cur.infos), len(st.words.old.infos); max(cur, old) > bound {
				t.Fatalf("limit %d: generations hold %d and %d words", limit, cur, old)
			}
		}
	}
}

// TestWordCacheKeepsWordsInUse checks that a word of the old generation
// seen again is copied into the new one with all it holds, lazily looked
// up rows included, and that a word of neither is worked out again.
func TestWordCacheKeepsWordsInUse(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c := m.compile()
	wc := wordCache{limit: 4}
	wc.fit(c, 2)
	kept, dropped := wc.id("Paris"), wc.id("visit")
	wc.tagWordRows(kept, 3)
	info, head, rows := *wc.info(kept), slices.Clone(wc.head(kept)), slices.Clone(wc.cur.tagRows)
	wc.fit(c, 3)
	if len(wc.cur.infos) != 2 || len(wc.old.infos) != 4 {
		t.Fatalf("after a turn the generations hold %d and %d words, want 2 and 4", len(wc.cur.infos), len(wc.old.infos))
	}
	id := wc.id("Paris")
	if *wc.info(id) != info || !slices.Equal(wc.head(id), head) {
		t.Errorf("kept word differs: %+v, want %+v", *wc.info(id), info)
	}
	perWord := 2 * c.hashes.n
	if got, want := wc.cur.tagRows[int(id)*perWord:][:perWord], rows[int(kept)*perWord:][:perWord]; !slices.Equal(got, want) {
		t.Errorf("kept tag rows = %v, want %v", got, want)
	}
	wc.fit(c, 2)
	if _, ok := wc.old.ids["visit"]; ok || dropped == id {
		t.Error("a word unused for a generation is still cached")
	}
}

func TestCloneStrings(t *testing.T) {
	tests := []struct{ w, lower, shape string }{
		{"", "", ""},
		{"Paris", "paris", "Xxx"},
		{"ÉCOLE", "école", "XXX"},
		{"a", "a", "x"},
	}
	for _, tt := range tests {
		w, lower, shape := cloneStrings(tt.w, []byte(tt.lower), []byte(tt.shape))
		if w != tt.w || lower != tt.lower || shape != tt.shape {
			t.Errorf("cloneStrings(%q, %q, %q) = %q, %q, %q", tt.w, tt.lower, tt.shape, w, lower, shape)
		}
	}
}
