package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"dossier/corpus/actors"
	"dossier/corpus/article"
)

func TestWriteExportMatchesEncoder(t *testing.T) {
	seedsCorpus := Load(context.Background(), nil, Options{})
	many := &Corpus{}
	for i := range 3*exportChunk + 5 {
		a := &article.Article{ID: string(rune('a'+i%26)) + "<&>", Title: "T", Paragraphs: []article.Paragraph{{Text: "Body & more"}}}
		many.Articles = append(many.Articles, a)
	}
	many.Actors = []actors.Actor{{ID: "person/x", Name: "X", Kind: "person"}}
	tests := []struct {
		name string
		c    *Corpus
	}{
		{"empty", &Corpus{}},
		{"seeds", seedsCorpus},
		{"several chunks, no mentions", many},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(NewExport(tt.c)); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := WriteExport(&got, tt.c); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("WriteExport differs from json.Encoder:\n got %.300q\nwant %.300q", got.String(), want.String())
			}
		})
	}
}

// FuzzExportEncoding checks that the encoder of WriteExport gives the
// bytes of encoding/json for any text: control characters, invalid UTF-8,
// HTML characters and line separators included.
func FuzzExportEncoding(f *testing.F) {
	for _, s := range []string{"plain", "a <b> & \"c\"", "\x00\x1f\x7f\u2028\u2029", "\xff\xfe broken \xc3", "tab\tnew\nline\\"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, text, name string) {
		c := &Corpus{
			Articles: []*article.Article{{ID: name, Title: name, Byline: []string{name}, Paragraphs: []article.Paragraph{{Text: text}}}},
			Mentions: [][]actors.Mention{{{Actor: "person/" + name, Start: 0, End: len(text), Text: text}}},
			Actors:   []actors.Actor{{ID: "person/" + name, Name: name, Kind: "person", Aliases: []string{text}}},
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(NewExport(c)); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteExport(&got, c); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("WriteExport differs from encoding/json:\n got %q\nwant %q", got.String(), want.String())
		}
	})
}
