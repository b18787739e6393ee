package index

import (
	"database/sql"
	"errors"

	"dossier/corpus/actors"
)

// Resolution is the outcome of actor resolution over a whole corpus,
// stored so that reopening an unchanged corpus need not redo it.
type Resolution struct {
	Actors   []actors.Actor
	Mentions [][]actors.Mention
}

// Resolution returns the stored resolution if it was stored under key,
// which should identify the corpus it was made from.
func (x *Index) Resolution(key []byte) (Resolution, bool, error) {
	var storedKey, value []byte
	err := x.db.QueryRow(`SELECT key, value FROM resolution WHERE id = 1`).Scan(&storedKey, &value)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Resolution{}, false, nil
	case err != nil:
		return Resolution{}, false, classify(err)
	case string(storedKey) != string(key):
		return Resolution{}, false, nil
	}
	r, err := decodeResolution(value)
	if err != nil {
		return Resolution{}, false, err
	}
	return r, true, nil
}

// SetResolution stores r under key, replacing any resolution stored before.
func (x *Index) SetResolution(key []byte, r Resolution) error {
	_, err := x.db.Exec(`INSERT OR REPLACE INTO resolution(id, key, value) VALUES(1, ?, ?)`, key, encodeResolution(r))
	return classify(err)
}

// encodeResolution packs a resolution with every distinct string once, in
// a table the rest refers to by position: mentions mostly repeat a few
// forms of each actor's name.
func encodeResolution(r Resolution) []byte {
	var body encoder
	strs := map[string]int{}
	ref := func(s string) {
		i, ok := strs[s]
		if !ok {
			i = len(strs)
			strs[s] = i
		}
		body.uint(i)
	}
	refs := func(list []string) {
		body.uint(len(list))
		for _, s := range list {
			ref(s)
		}
	}
	body.uint(len(r.Actors))
	for _, a := range r.Actors {
		ref(a.ID)
		ref(a.Name)
		ref(a.Kind)
		refs(a.Aliases)
		refs(a.Roles)
		refs(a.Articles)
	}
	body.uint(len(r.Mentions))
	for _, ms := range r.Mentions {
		body.uint(len(ms))
		for _, m := range ms {
			ref(m.Actor)
			body.uint(m.Start)
			body.uint(m.End - m.Start)
			ref(m.Text)
		}
	}
	table := make([]string, len(strs))
	for s, i := range strs {
		table[i] = s
	}
	var out encoder
	out.strs(table)
	return append(out.buf, body.buf...)
}

// decodeResolution unpacks a resolution made by encodeResolution.
func decodeResolution(buf []byte) (Resolution, error) {
	d := decoder{buf: buf}
	table := d.strs()
	str := func() string {
		i := d.uint()
		if i >= len(table) {
			d.err = errBadRecord
			return ""
		}
		return table[i]
	}
	strs := func() []string {
		n := d.count(1)
		if n == 0 {
			return nil
		}
		out := make([]string, n)
		for i := range out {
			out[i] = str()
		}
		return out
	}
	var r Resolution
	r.Actors = make([]actors.Actor, d.count(6))
	for i := range r.Actors {
		r.Actors[i] = actors.Actor{ID: str(), Name: str(), Kind: str(), Aliases: strs(), Roles: strs(), Articles: strs()}
	}
	r.Mentions = make([][]actors.Mention, d.count(1))
	for i := range r.Mentions {
		n := d.count(4)
		if n == 0 {
			continue
		}
		ms := make([]actors.Mention, n)
		for j := range ms {
			actor, start, size, text := str(), d.uint(), d.uint(), str()
			ms[j] = actors.Mention{Actor: actor, Start: start, End: start + size, Text: text}
		}
		r.Mentions[i] = ms
	}
	if d.err != nil || len(d.buf) != 0 {
		return Resolution{}, errors.Join(ErrCorrupt, errBadRecord)
	}
	return r, nil
}
