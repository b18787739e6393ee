package ui

import (
	"testing"
	"time"

	"dossier/corpus"
)

func TestLoadingLabel(t *testing.T) {
	tests := []struct {
		name     string
		progress corpus.Progress
		elapsed  time.Duration
		want     string
	}{
		{"nothing yet", corpus.Progress{Total: 3, Walking: true}, 0, "loading 0/3+ files "},
		{"walking", corpus.Progress{Done: 50, Total: 80, Walking: true}, 2 * time.Second, "loading 50/80+ files · 25 files/s "},
		{"all found", corpus.Progress{Done: 900, Total: 1000}, 1500 * time.Millisecond, "loading 900/1000 files · 600 files/s "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := loadingLabel(tt.progress, tt.elapsed); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
