package article

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that no input makes the parser panic, that every string
// it returns is valid UTF-8, and that no line of the input is lost.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	for _, path := range seeds {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(string(b))
		}
	}
	f.Add(lines("Floods hit the capital", "By Ana Lopes", "LISBON (Reuters) - "+prose, "3 comments", "First!", "Reply"))
	f.Add("Title: x\n\n# y\n\n## z\n\n| a | 2020-01-01 |\n\n\xff\xfe")
	f.Fuzz(func(t *testing.T, text string) {
		a := Parse(text)
		for _, s := range articleStrings(a) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in output: %q", s)
			}
		}
		if utf8.ValidString(text) {
			assertNothingLost(t, text, a)
		}
	})
}

// articleStrings lists every string an article holds.
func articleStrings(a *Article) []string {
	out := []string{a.Title, a.Source, a.Section, a.Date, a.Dateline, a.Text()}
	out = append(out, a.Byline...)
	for _, c := range a.Comments {
		out = append(out, c.Author, c.Date, c.Text)
	}
	for _, d := range a.Dropped {
		out = append(out, d.Text, d.Reason)
	}
	return out
}
