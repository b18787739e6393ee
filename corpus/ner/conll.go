package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is a sequence of words with one BIO tag each: "B-PER", "I-ORG",
// "O" and so on.
type Sentence struct {
	Words []string
	Tags  []string
}

// ReadCoNLL reads CoNLL-2003 data (one "word POS chunk tag" line per token,
// blank lines between sentences, -DOCSTART- lines between documents) and
// returns its sentences with the IOB1 tags turned into BIO.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			cur.Tags = toBIO(cur.Tags)
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "-DOCSTART-") {
			flush()
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: want a word and a tag, got %q", n, line)
		}
		cur.Words = append(cur.Words, f[0])
		cur.Tags = append(cur.Tags, f[len(f)-1])
	}
	flush()
	return out, sc.Err()
}

// toBIO turns IOB1 tags (I- everywhere, B- only between two entities of one
// type) into BIO (B- at the start of every entity).
func toBIO(tags []string) []string {
	out := make([]string, len(tags))
	prev := "O"
	for i, t := range tags {
		if strings.HasPrefix(t, "I-") && typeOf(prev) != t[2:] {
			t = "B-" + t[2:]
		}
		out[i] = t
		prev = t
	}
	return out
}

// typeOf is the entity type of a tag, "" for O.
func typeOf(tag string) string {
	if len(tag) > 2 && tag[1] == '-' {
		return tag[2:]
	}
	return ""
}

// Span is an entity found in a sentence: tokens [Start, End) of one type.
type Span struct {
	Type       string
	Start, End int
}

// Spans reads the entities of a BIO tag sequence.
func Spans(tags []string) []Span {
	var out []Span
	for i := 0; i < len(tags); {
		ty := typeOf(tags[i])
		if ty == "" {
			i++
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+ty {
			j++
		}
		out = append(out, Span{ty, i, j})
		i = j
	}
	return out
}
