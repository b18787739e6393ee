// Command lexicon writes the word lists package actors embeds, from the
// CoNLL-2003 training data: the words written in lower case at least
// twice (common words), the words of people's names, and the words of any
// name (person, organisation, place or other). All are sorted and
// lower-cased, one word a line, so the output is deterministic.
package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"unicode"

	"dossier/corpus/ner"
)

func main() {
	data := flag.String("data", "../../../shared/data/conll2003/train.txt", "CoNLL-2003 training file")
	common := flag.String("common", "common_words.txt", "where to write the common words")
	people := flag.String("people", "name_words.txt", "where to write the words of people's names")
	names := flag.String("names", "entity_words.txt", "where to write the words of all names")
	flag.Parse()
	if err := run(*data, *common, *people, *names); err != nil {
		fmt.Fprintln(os.Stderr, "lexicon:", err)
		os.Exit(1)
	}
}

// run reads the data and writes the three lists.
func run(data, commonPath, peoplePath, namesPath string) error {
	f, err := os.Open(data)
	if err != nil {
		return err
	}
	defer f.Close()
	sentences, err := ner.ReadCoNLL(f)
	if err != nil {
		return err
	}
	lower, people, names := count(sentences)
	var common []string
	for w, n := range lower {
		if n >= 2 {
			common = append(common, w)
		}
	}
	header := "# Words the CoNLL-2003 English training data (Reuters news, 1996-97)\n# writes %s; made by `go generate ./corpus/actors/`.\n"
	if err := write(commonPath, fmt.Sprintf(header, "in lower case at least twice"), common); err != nil {
		return err
	}
	if err := write(peoplePath, fmt.Sprintf(header, "inside people's names (lower-cased)"), slices.Collect(maps.Keys(people))); err != nil {
		return err
	}
	return write(namesPath, fmt.Sprintf(header, "inside names of any kind (lower-cased)"), slices.Collect(maps.Keys(names)))
}

// count tallies the lower-case words and collects the words of PER spans
// and of all spans.
func count(sentences []ner.Sentence) (lower map[string]int, people, names map[string]bool) {
	lower, people, names = map[string]int{}, map[string]bool{}, map[string]bool{}
	for _, s := range sentences {
		for i, w := range s.Words {
			if strings.HasSuffix(s.Tags[i], "PER") {
				people[strings.ToLower(w)] = true
			}
			if s.Tags[i] != "O" {
				names[strings.ToLower(w)] = true
			}
			if isLowerWord(w) {
				lower[w]++
			}
		}
	}
	return lower, people, names
}

// isLowerWord reports a word of lower-case letters only.
func isLowerWord(w string) bool {
	return w != "" && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLower(r) }) < 0
}

// write stores the sorted words under a header, atomically.
func write(path, header string, words []string) error {
	slices.Sort(words)
	tmp, err := os.CreateTemp(".", ".lexicon-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := writeList(tmp, header, words); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// writeList writes the header and one word a line.
func writeList(w io.Writer, header string, words []string) error {
	if _, err := io.WriteString(w, header); err != nil {
		return err
	}
	_, err := io.WriteString(w, strings.Join(words, "\n")+"\n")
	return err
}
