package ner

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

// modelMagic opens every saved model; the number after it is the format
// version, bumped whenever features or the format change.
const (
	modelMagic   = "dossier-ner"
	modelVersion = 1
)

// defaultModel holds the weights trained from CoNLL-2003 train by
// `go generate ./corpus/ner/` (see gen.go).
//
//go:embed model.bin.gz
var defaultModel []byte

// Default returns the embedded model, decoded once.
var Default = sync.OnceValues(func() (*Model, error) {
	return ReadModel(bytesReader(defaultModel))
})

// ModelVersion identifies the embedded model: the format version and a
// hash of the model's bytes, so that stores of extracted names can tell when
// the tagger they came from has changed.
var ModelVersion = sync.OnceValue(func() string {
	sum := sha256.Sum256(defaultModel)
	return fmt.Sprintf("%s-%d-%x", modelMagic, modelVersion, sum[:8])
})

// WriteModel saves m in a compact, deterministic binary form, gzipped.
func WriteModel(w io.Writer, m *Model) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	put := func(v any) {
		if err == nil {
			err = binary.Write(bw, binary.LittleEndian, v)
		}
	}
	putString := func(s string) {
		put(uint16(len(s)))
		if err == nil {
			_, err = bw.WriteString(s)
		}
	}
	putString(modelMagic)
	put(uint32(modelVersion))
	put(uint32(len(m.Tags)))
	for _, t := range m.Tags {
		putString(t)
	}
	keys := make([]uint64, 0, len(m.Weights))
	for k := range m.Weights {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	put(uint32(len(keys)))
	for _, k := range keys {
		put(k)
		for _, w := range m.Weights[k] {
			put(math.Float32bits(w))
		}
	}
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadModel loads a model saved by WriteModel.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	br := bufio.NewReader(zr)
	get := func(v any) {
		if err == nil {
			err = binary.Read(br, binary.LittleEndian, v)
		}
	}
	getString := func() string {
		var n uint16
		get(&n)
		buf := make([]byte, n)
		if err == nil {
			_, err = io.ReadFull(br, buf)
		}
		return string(buf)
	}
	if getString() != modelMagic {
		return nil, errors.New("model: not a dossier tagger model")
	}
	var version, ntags, nkeys uint32
	get(&version)
	if err == nil && version != modelVersion {
		return nil, fmt.Errorf("model: format version %d, want %d (retrain with go generate ./corpus/ner/)", version, modelVersion)
	}
	get(&ntags)
	if ntags > 1024 {
		return nil, errors.New("model: corrupt tag count")
	}
	m := &Model{Weights: map[uint64][]float32{}}
	for range ntags {
		m.Tags = append(m.Tags, getString())
	}
	get(&nkeys)
	for i := uint32(0); i < nkeys && err == nil; i++ {
		var k uint64
		get(&k)
		ws := make([]float32, ntags)
		for t := range ws {
			var bits uint32
			get(&bits)
			ws[t] = math.Float32frombits(bits)
		}
		m.Weights[k] = ws
	}
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	return m, nil
}
