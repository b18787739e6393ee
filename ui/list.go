// Package ui shows a loaded corpus in the terminal. It knows nothing of how
// articles are parsed: it receives them from the corpus and renders them.
package ui

import (
	"fmt"
	"io"
	"strings"

	"dossier/corpus/article"
	"dossier/corpus/textdecode"
)

// WriteList prints one line per article, its title, then source and date,
// for use when no interactive terminal is available.
func WriteList(w io.Writer, articles []*article.Article) error {
	for i, a := range articles {
		if _, err := fmt.Fprintf(w, "%3d. %s\n     %s\n", i+1, safe(a.Title, "(untitled)"), safe(details(a), "")); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "%d articles\n", len(articles))
	return err
}

// details joins the known source and date of an article.
func details(a *article.Article) string {
	var parts []string
	for _, s := range []string{a.Source, a.Date} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return "source and date unknown"
	}
	return strings.Join(parts, " · ")
}

// safe strips control characters and line breaks from text taken from an
// article, so that it can never drive the terminal, and falls back when empty.
func safe(s, fallback string) string {
	s = strings.Join(strings.Fields(textdecode.StripControls(s)), " ")
	if s == "" {
		return fallback
	}
	return s
}
