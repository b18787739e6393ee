package ner

// The embedded model is trained from CoNLL-2003 train, which sits beside the
// repository in ../shared/data/conll2003; regenerate it after changing
// features or training with:
//
//	go generate ./corpus/ner/
//
//go:generate go run ./train -data ../../../shared/data/conll2003/train.txt -out model.bin.gz
