package index

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestFTSQuery(t *testing.T) {
	tests := []struct {
		query, want string
		bad         bool
	}{
		{query: "election", want: `"election"`},
		{query: `  tony   blair `, want: `"tony" "blair"`},
		{query: `"prime minister" budget`, want: `"prime minister" "budget"`},
		{query: `"prime   minister"`, want: `"prime minister"`},
		{query: `NOT OR AND NEAR(a b) col:x gov*`, want: `"NOT" "OR" "AND" "NEAR(a" "b)" "col:x" "gov*"`},
		{query: `- * ( )`, bad: true},
		{query: `""`, bad: true},
		{query: "", bad: true},
		{query: `"unbalanced phrase`, bad: true},
		{query: `a "b" "c`, bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := ftsQuery(tt.query)
			if tt.bad {
				if !errors.Is(err, ErrQuery) {
					t.Errorf("ftsQuery(%q) = %q, %v; want an ErrQuery", tt.query, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ftsQuery(%q) = %q, %v; want %q", tt.query, got, err, tt.want)
			}
		})
	}
}

// searchRecords are the articles of searchIndex.
var searchRecords = []Record{
	record("/c/election.txt", "The prime minister called an election.", "The Prime Minister's election campaign began in Zürich."),
	record("/c/budget.txt", "The budget was late.", "A minister, prime among critics, spoke."),
	record("/c/sport.txt", "Chelsea won the cup final on penalties."),
}

// searchIndex holds the searchRecords in memory.
func searchIndex(t *testing.T) *Index {
	t.Helper()
	x, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	put(t, x, searchRecords...)
	return x
}

// searchText is the text of the searchRecords article at path.
func searchText(path string) string {
	for _, r := range searchRecords {
		if r.Path == path {
			return r.Article.Text()
		}
	}
	return ""
}

func TestSearch(t *testing.T) {
	x := searchIndex(t)
	tests := []struct {
		query   string
		paths   []string
		matches []string // the matched texts of the first hit
	}{
		{query: "election", paths: []string{"/c/election.txt"}, matches: []string{"election", "election"}},
		{query: `"prime minister"`, paths: []string{"/c/election.txt"}, matches: []string{"prime minister", "Prime Minister"}},
		{query: "prime minister", paths: []string{"/c/election.txt", "/c/budget.txt"}, matches: []string{"prime", "minister", "Prime", "Minister"}},
		{query: "zurich", paths: []string{"/c/election.txt"}, matches: []string{"Zürich"}},
		{query: "OR", paths: nil},
		{query: "NEAR(chelsea cup)", paths: nil},
		{query: "Chelsea cup", paths: []string{"/c/sport.txt"}, matches: []string{"Chelsea", "cup"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, err := x.Search(context.Background(), tt.query, 10)
			if err != nil {
				t.Fatal(err)
			}
			var paths []string
			for _, h := range hits {
				paths = append(paths, h.Path)
			}
			if strings.Join(paths, " ") != strings.Join(tt.paths, " ") {
				t.Fatalf("hits %v, want %v", paths, tt.paths)
			}
			if len(hits) == 0 {
				return
			}
			text := searchText(hits[0].Path)
			var got []string
			for _, m := range hits[0].Matches {
				got = append(got, text[m[0]:m[1]])
			}
			if strings.Join(got, "|") != strings.Join(tt.matches, "|") {
				t.Errorf("matches %q, want %q", got, tt.matches)
			}
			for _, m := range hits[0].SnippetMatches {
				if s := hits[0].Snippet[m[0]:m[1]]; !containsFold(tt.matches, s) {
					t.Errorf("snippet match %q is none of %q", s, tt.matches)
				}
			}
			if strings.Contains(hits[0].Snippet, "\n") {
				t.Errorf("snippet %q spans lines", hits[0].Snippet)
			}
		})
	}
}

// containsFold reports whether list holds s, whatever the case.
func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func TestSearchBadQueries(t *testing.T) {
	x := searchIndex(t)
	for _, q := range []string{`"open`, `  `, `***`, `"`} {
		t.Run(q, func(t *testing.T) {
			if _, err := x.Search(context.Background(), q, 10); !errors.Is(err, ErrQuery) {
				t.Errorf("Search(%q) error %v, want an ErrQuery", q, err)
			}
		})
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("word ", 40) + "target" + strings.Repeat(" more", 60)
	at := strings.Index(long, "target")
	tests := []struct {
		name, text string
		match      [2]int
		prefix     bool
		suffix     bool
	}{
		{"short text", "a target here", [2]int{2, 8}, false, false},
		{"long text", long, [2]int{at, at + 6}, true, true},
		{"multibyte", strings.Repeat("é", 50) + " target " + strings.Repeat("ü", 120), [2]int{101, 107}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ms := snippet(tt.text, [][2]int{tt.match})
			if len(ms) != 1 || s[ms[0][0]:ms[0][1]] != "target" {
				t.Fatalf("snippet %q, matches %v", s, ms)
			}
			if strings.HasPrefix(s, "…") != tt.prefix || strings.HasSuffix(s, "…") != tt.suffix {
				t.Errorf("snippet %q: cut marks wrong", s)
			}
			if !strings.Contains(s, "target") || !utf8Valid(s) {
				t.Errorf("snippet %q", s)
			}
		})
	}
}

// utf8Valid reports valid UTF-8.
func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
