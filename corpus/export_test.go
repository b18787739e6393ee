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
