package ui

import (
	"bytes"
	"strings"
	"testing"

	"dossier/corpus/article"
)

func TestWriteList(t *testing.T) {
	tests := []struct {
		name    string
		article article.Article
		want    string
	}{
		{"title, source and date", article.Article{Title: "Floods hit the capital", Source: "Metro Wire", Date: "2021-03-05"},
			"  1. Floods hit the capital\n     Metro Wire · 2021-03-05\n1 articles\n"},
		{"unknown metadata", article.Article{Title: "Floods"}, "  1. Floods\n     source and date unknown\n1 articles\n"},
		{"no title", article.Article{Source: "Metro Wire"}, "  1. (untitled)\n     Metro Wire\n1 articles\n"},
		{"escape sequences never reach the terminal",
			article.Article{Title: "Pwn\x1b]52;c;ZXZpbA==\x07ed\x1b[2J \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \x1b]0;title\x07\u009b2J", Source: "A\nB"},
			"  1. Pwned link\n     A B\n1 articles\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteList(&b, []*article.Article{&tt.article}); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
			if strings.ContainsAny(b.String(), "\x1b\x07\u009b") {
				t.Errorf("control characters in output %q", b.String())
			}
		})
	}
}
