package display

import "testing"

func TestLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"  two\n lines\t", "two lines"},
		{"bell\x07 and \x1b[2Jclear", "bell and clear"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Line(tt.in); got != tt.want {
			t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpaced(t *testing.T) {
	tests := []struct{ in, want string }{
		{" middle ", " middle "},
		{"left\n", "left "},
		{"\x1b]52;c;eA==\x07 right", " right"},
		{"   ", " "},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Spaced(tt.in); got != tt.want {
			t.Errorf("Spaced(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{0, "0 articles"}, {1, "1 article"}, {7, "7 articles"}}
	for _, tt := range tests {
		if got := Count(tt.n, "article", "articles"); got != tt.want {
			t.Errorf("Count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
