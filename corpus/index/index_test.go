package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"dossier/corpus/actors"
	"dossier/corpus/article"
	"dossier/corpus/ner"
)

// testArticle builds an article from paragraphs, with every other field
// set so that a round trip checks them all.
func testArticle(paragraphs ...string) *article.Article {
	a := &article.Article{Encoding: "utf-8", Title: "A title", Source: "Reuters", Section: "World",
		Date: "2017-04-15", Byline: []string{"Ann Author", "Bo Writer"}, Dateline: "TASHKENT",
		Comments: []article.Comment{{Author: "reader", Date: "2017-04-16", Text: "A comment."}},
		Dropped:  []article.Dropped{{Text: "Share this", Reason: "share bar"}}}
	for i, p := range paragraphs {
		a.Paragraphs = append(a.Paragraphs, article.Paragraph{Kind: article.Kind(i % 3), Text: p})
	}
	a.Seal()
	return a
}

// namesIn finds each of the given words in text as a name of type ty.
func namesIn(text, ty string, words ...string) []ner.Entity {
	var out []ner.Entity
	for _, w := range words {
		i := strings.Index(text, w)
		out = append(out, ner.Entity{Start: i, End: i + len(w), Text: w, Type: ty})
	}
	return out
}

func TestCodecRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		a     *article.Article
		names func(text string) []ner.Entity
	}{
		{"empty", &article.Article{}, func(string) []ner.Entity { return nil }},
		{"one paragraph", testArticle("Ban Ki-moon spoke in Geneva."), func(text string) []ner.Entity {
			return namesIn(text, "PER", "Ban Ki-moon")
		}},
		{"several paragraphs, odd type", testArticle("Reuters reported.", "", "Ünïcödé — Москва\n\ninside"), func(text string) []ner.Entity {
			return append(namesIn(text, "ORG", "Reuters"), namesIn(text, "EVENT", "Москва")...)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.a.Text()
			names := tt.names(text)
			a, stored, err := decodeArticle(encodeArticle(tt.a, names), text)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a, tt.a) {
				t.Errorf("article\n got %+v\nwant %+v", a, tt.a)
			}
			if got := stored.Decode(); !reflect.DeepEqual(got, names) {
				t.Errorf("names %v, want %v", got, names)
			}
		})
	}
}

func TestCodecRejectsDamage(t *testing.T) {
	a := testArticle("One paragraph here.", "Another one.")
	text := a.Text()
	rec := encodeArticle(a, namesIn(text, "LOC", "paragraph"))
	tests := []struct {
		name string
		rec  []byte
		text string
	}{
		{"truncated", rec[:len(rec)/2], text},
		{"trailing bytes", append(slices.Clone(rec), 1, 2, 3), text},
		{"text too short", rec, text[:10]},
		{"text too long", rec, text + "more"},
		{"huge count", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := decodeArticle(tt.rec, tt.text); err == nil {
				t.Error("damaged record decoded without error")
			}
		})
	}
}

// openTemp opens a new index in a temporary folder.
func openTemp(t *testing.T) (*Index, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "test.db")
	x, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x, p
}

// put writes records to x in one writer.
func put(t *testing.T, x *Index, records ...Record) {
	t.Helper()
	w := x.Writer()
	for _, r := range records {
		if err := w.Put(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// scan returns the records of x by path, with their stored names decoded
// into Names as they were put.
func scan(t *testing.T, x *Index) map[string]Record {
	t.Helper()
	out := map[string]Record{}
	err := x.Scan(context.Background(), func(r Record) {
		if r.Names != nil {
			t.Errorf("Scan gave %s decoded names", r.Path)
		}
		r.Names, r.StoredNames = r.StoredNames.Decode(), StoredNames{}
		out[r.Path] = r
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// record makes a record for path with the given body.
func record(path string, paragraphs ...string) Record {
	a := testArticle(paragraphs...)
	return Record{Path: path, Size: int64(len(a.Text())), ModTime: 42, Hash: []byte("hash-" + path), Article: a,
		Names: namesIn(a.Text(), "PER", paragraphs[0][:3])}
}

func TestWriteScanReopen(t *testing.T) {
	x, p := openTemp(t)
	a, b, c := record("/c/a.txt", "Alpha text here."), record("/c/b.txt", "Bravo text here."), record("/c/c.txt", "Charlie text.")
	put(t, x, a, b, c)
	w := x.Writer()
	changed := record("/c/b.txt", "Bravo rewritten entirely.")
	for _, err := range []error{w.Delete(c.Path), w.Touch(a.Path, 99, 100), w.Put(changed), w.Close()} {
		if err != nil {
			t.Fatal(err)
		}
	}
	x.Close()
	x, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	got := scan(t, x)
	a.Size, a.ModTime = 99, 100
	want := map[string]Record{a.Path: a, changed.Path: changed}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("records after reopening\n got %+v\nwant %+v", got, want)
	}
	hits, err := x.Search(context.Background(), "text", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Path != a.Path {
		t.Errorf("search for a removed or replaced text found %+v", hits)
	}
}

func TestOpenDamagedFile(t *testing.T) {
	tests := []struct {
		name   string
		damage func(p string) error
	}{
		{"junk", func(p string) error { return os.WriteFile(p, []byte(strings.Repeat("not a database ", 500)), 0o644) }},
		{"truncated", func(p string) error { return os.Truncate(p, 8192) }},
		{"junk pages", func(p string) error {
			f, err := os.OpenFile(p, os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = f.WriteAt([]byte(strings.Repeat("\xde\xad\xbe\xef", 4096)), 4096)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, p := openTemp(t)
			var records []Record
			for i := range 200 {
				records = append(records, record(filepath.Join("/c", strings.Repeat("x", i%7)+string(rune('a'+i%26))+".txt"), strings.Repeat("Some words of the article. ", 50+i)))
			}
			put(t, x, records...)
			x.Close()
			if err := tt.damage(p); err != nil {
				t.Fatal(err)
			}
			err := openAndScan(p)
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("damaged index gave %v, want ErrCorrupt", err)
			}
			if err := Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := openAndScan(p); err != nil {
				t.Errorf("fresh index after removal: %v", err)
			}
		})
	}
}

// openAndScan opens the index at p and reads all its records.
func openAndScan(p string) error {
	x, err := Open(p)
	if err != nil {
		return err
	}
	defer x.Close()
	return x.Scan(context.Background(), func(Record) {})
}

func TestOpenOtherVersion(t *testing.T) {
	x, p := openTemp(t)
	put(t, x, record("/c/a.txt", "Alpha text here."))
	if _, err := x.db.Exec(`UPDATE meta SET value = 'dossier-index-0' WHERE key = 'version'`); err != nil {
		t.Fatal(err)
	}
	x.Close()
	x, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := scan(t, x); len(got) != 0 {
		t.Errorf("index of another version kept %d records", len(got))
	}
}

func TestResolutionRoundTrip(t *testing.T) {
	x, _ := openTemp(t)
	r := Resolution{
		Actors: []actors.Actor{
			{ID: "person/ban-ki-moon", Name: "Ban Ki-moon", Kind: "person", Aliases: []string{"Ban"}, Roles: []string{"Secretary-General"}, Articles: []string{"a", "b"}},
			{ID: "place/geneva", Name: "Geneva", Kind: "place", Articles: []string{"a"}},
		},
		Mentions: [][]actors.Mention{
			{{Actor: "person/ban-ki-moon", Start: 0, End: 11, Text: "Ban Ki-moon"}, {Actor: "place/geneva", Start: 20, End: 26, Text: "Geneva"}},
			nil,
			{{Actor: "person/ban-ki-moon", Start: 5, End: 8, Text: "Ban"}},
		},
	}
	tests := []struct {
		name string
		key  string
		ok   bool
	}{
		{"same key", "corpus-1", true},
		{"other key", "corpus-2", false},
	}
	if err := x.SetResolution([]byte("corpus-1"), r); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := x.Resolution([]byte(tt.key))
			if err != nil || ok != tt.ok {
				t.Fatalf("Resolution = %v, %v; want found %v", ok, err, tt.ok)
			}
			if ok && !reflect.DeepEqual(got, r) {
				t.Errorf("resolution\n got %+v\nwant %+v", got, r)
			}
		})
	}
}
