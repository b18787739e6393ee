package actors

import (
	"testing"

	"dossier/corpus/ner"
)

// FuzzResolve runs the tagger and resolution on arbitrary text and checks
// the contract for mentions: in range, matching the text, sorted by start,
// never overlapping, each pointing to an actor that lists the article.
func FuzzResolve(f *testing.F) {
	f.Add("French Foreign Minister Jean-Marc Ayrault met the European Union (EU). Ayrault’s aide said so.")
	f.Add("BOMCA [Border Management Programme in Central Asia] and the Geneva-based NGO Centre for Humanitarian Dialogue")
	m, err := ner.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		as, ms := Resolve([]Doc{{ID: "x", Text: text, Entities: m.Extract(text)}})
		byID := map[string]Actor{}
		for _, a := range as {
			byID[a.ID] = a
		}
		last := 0
		for _, mm := range ms[0] {
			if mm.Start < last || mm.End <= mm.Start || mm.End > len(text) || text[mm.Start:mm.End] != mm.Text {
				t.Fatalf("bad mention %+v after %d in %q", mm, last, text)
			}
			last = mm.End
			if a, ok := byID[mm.Actor]; !ok || len(a.Articles) != 1 || a.Articles[0] != "x" {
				t.Fatalf("mention %+v points to %+v", mm, a)
			}
		}
	})
}
