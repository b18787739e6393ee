package corpus

import (
	"context"
	"slices"
	"testing"
)

func TestCollectorMatchesLoad(t *testing.T) {
	tests := []struct {
		name string
		opts Options
	}{
		{"with names", Options{}},
		{"without names", Options{SkipNames: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := Load(context.Background(), nil, tt.opts)
			c := NewCollector(tt.opts)
			for ev := range Stream(context.Background(), nil, tt.opts) {
				c.Add(ev)
				if ev.Article != nil && ev.Article.ID == "" {
					t.Errorf("streamed article without an id")
				}
			}
			if c.Len() != len(want.Articles) {
				t.Errorf("Len = %d, want %d", c.Len(), len(want.Articles))
			}
			got := c.Finish()
			if !slices.Equal(ids(got), ids(want)) {
				t.Errorf("ids %v, want %v", ids(got), ids(want))
			}
			if len(got.Actors) != len(want.Actors) || len(got.Mentions) != len(want.Mentions) {
				t.Errorf("%d actors and %d mention lists, want %d and %d", len(got.Actors), len(got.Mentions), len(want.Actors), len(want.Mentions))
			}
			if tt.opts.SkipNames && len(got.Actors) != 0 {
				t.Errorf("actors resolved although names were skipped")
			}
		})
	}
}
