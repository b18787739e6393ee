// Command train fits the dossier entity tagger on CoNLL-2003 data and writes
// the model that package ner embeds. Training is deterministic: the same
// data, passes and seed give the same file.
package main

import (
	"flag"
	"fmt"
	"os"

	"dossier/corpus/ner"
)

func main() {
	data := flag.String("data", "../../../shared/data/conll2003/train.txt", "CoNLL-2003 training file")
	out := flag.String("out", "model.bin.gz", "where to write the model")
	passes := flag.Int("passes", 10, "training passes over the data")
	seed := flag.Int64("seed", 1, "seed for shuffling the data between passes")
	flag.Parse()
	if err := run(*data, *out, *passes, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

// run trains on the data file and writes the model atomically.
func run(data, out string, passes int, seed int64) error {
	f, err := os.Open(data)
	if err != nil {
		return err
	}
	defer f.Close()
	sentences, err := ner.ReadCoNLL(f)
	if err != nil {
		return err
	}
	m := ner.Train(sentences, passes, seed)
	tmp, err := os.CreateTemp(".", ".model-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := ner.WriteModel(tmp, m); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	fmt.Printf("trained on %d sentences, %d features, written to %s\n", len(sentences), len(m.Weights), out)
	return os.Rename(tmp.Name(), out)
}
