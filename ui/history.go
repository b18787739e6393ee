package ui

import (
	"dossier/corpus/article"
	"dossier/ui/reader"
)

// location is everything a jump can change, so that back and forward
// return to the exact article, scroll position and selection.
type location struct {
	screen    screen
	focus     pane
	showPanel bool
	listed    *article.Article // the article under the list's cursor
	article   *article.Article // the article being read, or nil
	offset    int
	actor     string // the actor selected in the panel
	mention   int    // the current mention among the actor's, or -1
	viewActor int    // the actor of the actor view
	viewAt    int    // the cursor in the actor view
	indexAt   int    // the cursor in the actor index
	searchAt  int    // the cursor among the search results
	hits      reader.Hits
}

// history is the browser-like record of jumps: entries and the position
// of the present among them.
type history struct {
	entries []location
	at      int
}

// newHistory starts a history at the given location.
func newHistory(start location) history {
	return history{entries: []location{start}}
}

// push records a jump from here to there, dropping the forward entries.
func (h *history) push(here, there location) {
	h.entries = append(h.entries[:h.at], here, there)
	h.at++
}

// back saves here and returns the previous location.
func (h *history) back(here location) (location, bool) {
	if h.at == 0 {
		return location{}, false
	}
	h.entries[h.at] = here
	h.at--
	return h.entries[h.at], true
}

// forward saves here and returns the next location.
func (h *history) forward(here location) (location, bool) {
	if h.at+1 >= len(h.entries) {
		return location{}, false
	}
	h.entries[h.at] = here
	h.at++
	return h.entries[h.at], true
}
