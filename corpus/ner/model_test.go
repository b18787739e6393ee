package ner

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestModelRoundTrip(t *testing.T) {
	m := Train(syntheticData(), 3, 1)
	var buf bytes.Buffer
	if err := WriteModel(&buf, m); err != nil {
		t.Fatal(err)
	}
	got, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, m) {
		t.Error("model changed through WriteModel and ReadModel")
	}
}

func TestReadModelRejectsBadData(t *testing.T) {
	m := Train(syntheticData(), 1, 1)
	var buf bytes.Buffer
	if err := WriteModel(&buf, m); err != nil {
		t.Fatal(err)
	}
	truncated := buf.Bytes()[:buf.Len()/2]
	for name, data := range map[string][]byte{"junk": []byte("not a model"), "truncated": truncated, "empty": nil} {
		if _, err := ReadModel(bytes.NewReader(data)); err == nil || !strings.HasPrefix(err.Error(), "model:") {
			t.Errorf("%s: err = %v, want a model error", name, err)
		}
	}
}

// TestDefaultModel checks that the embedded model loads and tags a
// sentence of the kind it will meet.
func TestDefaultModel(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, tok := range Tokenize("French Foreign Minister Jean-Marc Ayrault met officials of the European Union in Tashkent on Saturday.") {
		words = append(words, tok.Text)
	}
	tags := m.Tag(words)
	spans := map[string]string{}
	for _, sp := range Spans(tags) {
		spans[strings.Join(words[sp.Start:sp.End], " ")] = sp.Type
	}
	for name, ty := range map[string]string{"Jean-Marc Ayrault": "PER", "European Union": "ORG", "Tashkent": "LOC"} {
		if spans[name] != ty {
			t.Errorf("%s tagged %q, want %s; all: %v", name, spans[name], ty, spans)
		}
	}
}

func TestModelVersion(t *testing.T) {
	v := ModelVersion()
	if !strings.HasPrefix(v, modelMagic+"-") || len(v) < len(modelMagic)+10 {
		t.Errorf("ModelVersion() = %q, want the magic, format version and a hash", v)
	}
	if ModelVersion() != v {
		t.Error("ModelVersion changes between calls")
	}
}
