package articles

import (
	"cmp"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/list"
)

// Sort is an order of the article list.
type Sort int

// The orders, in the order the sort key cycles through them.
const (
	ByDate Sort = iota
	ByTitle
	BySource
	sortCount
)

// String names the order.
func (s Sort) String() string {
	switch s {
	case ByTitle:
		return "title"
	case BySource:
		return "source"
	default:
		return "date"
	}
}

// compare orders two items: newest first by date, A to Z by title or by
// source; unknown dates and sources go last.
func (s Sort) compare(a, b item) int {
	byDate := cmp.Or(lastIfEmpty(a.article.Date, b.article.Date), strings.Compare(b.article.Date, a.article.Date))
	byTitle := strings.Compare(a.titleKey, b.titleKey)
	byPath := strings.Compare(a.article.Path, b.article.Path)
	switch s {
	case ByTitle:
		return cmp.Or(byTitle, byDate, byPath)
	case BySource:
		return cmp.Or(lastIfEmpty(a.source, b.source), strings.Compare(a.source, b.source), byDate, byTitle, byPath)
	default:
		return cmp.Or(byDate, byTitle, byPath)
	}
}

// lastIfEmpty orders an empty value after a known one.
func lastIfEmpty(a, b string) int {
	switch {
	case a == "" && b != "":
		return 1
	case a != "" && b == "":
		return -1
	}
	return 0
}

// merge returns a new slice with the items of order, sorted by s, and
// those of batch, merged in their place; batch is sorted in place.
func merge(order []list.Item, batch []item, s Sort) []list.Item {
	slices.SortStableFunc(batch, s.compare)
	out := make([]list.Item, 0, len(order)+len(batch))
	i := 0
	for _, it := range order {
		for i < len(batch) && s.compare(batch[i], it.(item)) < 0 {
			out = append(out, batch[i])
			i++
		}
		out = append(out, it)
	}
	for ; i < len(batch); i++ {
		out = append(out, batch[i])
	}
	return out
}
