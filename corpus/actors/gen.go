package actors

// The word lists common_words.txt, name_words.txt and entity_words.txt are derived from
// CoNLL-2003 train, which sits beside the repository in
// ../shared/data/conll2003; regenerate them with:
//
//	go generate ./corpus/actors/
//
//go:generate go run ./lexicon -data ../../../shared/data/conll2003/train.txt -common common_words.txt -people name_words.txt -names entity_words.txt
