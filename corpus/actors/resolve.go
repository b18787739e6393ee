package actors

import (
	"maps"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// strTable interns strings: each distinct string gets one index, in order
// of first use. It keeps a copy of each, so that the mentions, names and
// aliases made from it hold no article's text.
type strTable struct {
	index map[string]int32
	text  []string
}

// newStrTable makes an empty table.
func newStrTable() strTable {
	return strTable{index: map[string]int32{}}
}

// id returns the index of s, adding it if new.
func (t *strTable) id(s string) int32 {
	if i, ok := t.index[s]; ok {
		return i
	}
	i := int32(len(t.text))
	s = strings.Clone(s)
	t.index[s] = i
	t.text = append(t.text, s)
	return i
}

// resolver holds the corpus-wide state of Resolve: every doc's cleaned
// mentions and the tables their indexes point into. The corpus-wide steps
// work on each distinct string once (folding, word lists, keys) rather
// than once per mention.
type resolver struct {
	docs     []Doc
	perDoc   [][]local
	acronyms *acronymTable
	strs     strTable // mention texts and canonical forms
	folded   []int32  // each of strs folded with norm, in names
	names    strTable // folded names
	keys     strTable // actor keys, "kind/name"
}

// newResolver interns the text of every mention and every acronym's
// expansion, and folds each distinct one.
func newResolver(docs []Doc, perDoc [][]local, acronyms *acronymTable) *resolver {
	r := &resolver{docs: docs, perDoc: perDoc, acronyms: acronyms, strs: newStrTable(), names: newStrTable(), keys: newStrTable()}
	for i, ms := range perDoc {
		for j := range ms {
			ms[j].form = r.strs.id(ms[j].in(docs[i].Text))
		}
	}
	for _, acr := range slices.Sorted(maps.Keys(acronyms.expansion)) {
		r.strs.id(acronyms.expansion[acr])
	}
	r.folded = make([]int32, len(r.strs.text))
	for i, s := range r.strs.text {
		r.folded[i] = r.names.id(norm(s))
	}
	return r
}

// text returns the string at index i of strs.
func (r *resolver) text(i int32) string { return r.strs.text[i] }

// name returns the folded form of strs[i].
func (r *resolver) name(i int32) string { return r.names.text[r.folded[i]] }

// eachMention calls fn on every mention of every doc, in order.
func (r *resolver) eachMention(fn func(m *local)) {
	for _, ms := range r.perDoc {
		for j := range ms {
			fn(&ms[j])
		}
	}
}

// sortOutKinds corrects what the tagger gets wrong in ways the corpus can
// tell: a known place tagged as a person becomes a place, and so does an
// organisation that the same article names as a place elsewhere (a
// dateline's "TASHKENT" beside "Tashkent"), while a team or body named
// after a place stays an organisation; demonyms
// ("Uzbek", "Central Asian") are dropped; a person whose words the texts
// also write in lower case, or with a lower-case word that is no name
// particle, is a capitalised phrase and is dropped. Before all that, a
// name the corpus defines as an acronym or expansion, or the gazetteer
// knows as an organisation, is an organisation whatever its tag ("the
// CSTO" read as a place).
func (r *resolver) sortOutKinds() {
	lower := r.lowerWords()
	namesOrg := r.eachStr(func(i int32) bool { return namesOrganisation(r.text(i), r.name(i), r.acronyms) })
	r.eachMention(func(m *local) {
		if m.kind == place && namesOrg[m.form] {
			m.kind = organisation
		}
	})
	r.voteFullNameKinds()
	places := r.places()
	isPlace := r.eachName(func(n string) bool { return places[n] })
	demonym := r.eachName(func(n string) bool { return isFoldedDemonym(n, places) })
	phrase := r.eachStrOf(person, func(i int32) bool {
		s := r.text(i)
		return allCommonWords(s, lower) || hasLowerWord(s) || isCapitalisedPhrase(s)
	})
	parallel(len(r.perDoc), func(i int) {
		here := r.placesIn(r.perDoc[i])
		kept := r.perDoc[i][:0]
		for _, m := range r.perDoc[i] {
			n := r.folded[m.form]
			switch {
			case demonym[n]:
				continue
			case m.kind == person && isPlace[n], m.kind == organisation && slices.Contains(here, n):
				m.kind = place
			case m.kind == person && phrase[m.form]:
				continue
			}
			kept = append(kept, m)
		}
		r.perDoc[i] = kept
	})
}

// eachStr computes a flag for every string of strs, on every core.
func (r *resolver) eachStr(fn func(i int32) bool) []bool {
	out := make([]bool, len(r.strs.text))
	parallel(len(out), func(i int) { out[i] = fn(int32(i)) })
	return out
}

// eachStrOf is eachStr for the strings that mentions of kind k have as
// their text; the others' flags are false.
func (r *resolver) eachStrOf(k actorKind, fn func(i int32) bool) []bool {
	used := make([]bool, len(r.strs.text))
	r.eachMention(func(m *local) {
		if m.kind == k {
			used[m.form] = true
		}
	})
	parallel(len(used), func(i int) { used[i] = used[i] && fn(int32(i)) })
	return used
}

// eachName computes a flag for every folded name, on every core.
func (r *resolver) eachName(fn func(n string) bool) []bool {
	out := make([]bool, len(r.names.text))
	parallel(len(out), func(i int) { out[i] = fn(r.names.text[i]) })
	return out
}

// lowerWords collects which of the words of people's and organisations'
// names the texts also write in lower case: a person made only of such
// words ("Border Management") is a capitalised phrase. Only the names'
// words are looked for, in every text at once on every core.
func (r *resolver) lowerWords() map[string]bool {
	named := make([]bool, len(r.names.text))
	r.eachMention(func(m *local) {
		if m.kind != place { // an organisation may turn out a person
			named[r.folded[m.form]] = true
		}
	})
	var words []string
	seen := map[string]bool{}
	for n, ok := range named {
		if ok {
			for _, w := range strings.Fields(r.names.text[n]) {
				if !seen[w] {
					seen[w] = true
					words = append(words, w)
				}
			}
		}
	}
	wanted := newWordTable(words)
	found := make([]atomic.Bool, len(words))
	parallel(len(r.docs), func(i int) { lowerWordsIn(r.docs[i].Text, wanted, found) })
	out := map[string]bool{}
	for k, w := range words {
		if found[k].Load() {
			out[w] = true
		}
	}
	return out
}

// voteFullNameKinds gives a name of two or more words that the tagger
// calls a person in some places and an organisation in others the kind it
// has most often across the corpus ("Naomi Campbell" read once as an
// organisation). Single words are left alone: "Ford" may be both.
func (r *resolver) voteFullNameKinds() {
	multi := r.eachStr(func(i int32) bool { return strings.Contains(strings.TrimSpace(r.text(i)), " ") })
	votes := make([][2]int, len(r.names.text)) // name → person, organisation mentions
	r.eachMention(func(m *local) {
		if k := personOrOrganisation(m.kind, multi[m.form]); k >= 0 {
			votes[r.folded[m.form]][k]++
		}
	})
	r.eachMention(func(m *local) {
		if personOrOrganisation(m.kind, multi[m.form]) < 0 {
			return
		}
		switch v := votes[r.folded[m.form]]; {
		case v[0] > v[1]:
			m.kind = person
		case v[1] > v[0]:
			m.kind = organisation
		}
	})
}

// personOrOrganisation is 0 for a person, 1 for an organisation, and -1
// for anything else or a name of one word.
func personOrOrganisation(k actorKind, multiWord bool) int {
	if !multiWord {
		return -1
	}
	switch k {
	case person:
		return 0
	case organisation:
		return 1
	}
	return -1
}

// places returns the known places and every name a mention tags as a
// place.
func (r *resolver) places() map[string]bool {
	out := map[string]bool{}
	for p := range knownPlaces() {
		out[p] = true
	}
	used := make([]bool, len(r.names.text))
	r.eachMention(func(m *local) {
		if m.kind == place {
			used[r.folded[m.form]] = true
		}
	})
	for n, ok := range used {
		if ok {
			out[r.names.text[n]] = true
		}
	}
	return out
}

// placesIn lists the names an article's mentions tag as places.
func (r *resolver) placesIn(ms []local) []int32 {
	var out []int32
	for _, m := range ms {
		if m.kind == place {
			out = append(out, r.folded[m.form])
		}
	}
	return out
}

// namesOrganisation reports a name that the corpus's acronym definitions
// or the gazetteer of well-known organisations make an organisation.
func namesOrganisation(name, folded string, acronyms *acronymTable) bool {
	if _, ok := acronyms.expansion[name]; ok {
		return true
	}
	if _, ok := acronyms.acronym[folded]; ok {
		return true
	}
	_, ok := knownOrganisations().byForm[folded]
	return ok
}

// hasLowerWord reports a word in lower case that is not a name particle:
// "Muslim ex-Soviet" is a description, not a person.
func hasLowerWord(name string) bool {
	for _, w := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !nameParticles[w] {
			return true
		}
	}
	return false
}

// linkLocal gives every mention of one article the canonical form of its
// actor and the actor's key: acronyms their expansion, surnames the full
// name they shorten. Full names are found on every core, keys made once
// for each distinct form.
func (r *resolver) linkLocal() {
	personKeys := r.personKeys()
	parallel(len(r.perDoc), func(i int) {
		ms := r.perDoc[i]
		full := r.fullNames(ms, personKeys)
		for j := range ms {
			ms[j].canonical = ms[j].form
			if ms[j].kind == person {
				ms[j].canonical = full.of(ms[j].form, r)
			}
		}
	})
	keys := r.newKeyMaker(personKeys)
	r.eachMention(func(m *local) { keys.link(m) })
}

// personKeys folds the texts of people's mentions with personKey; other
// strings get "".
func (r *resolver) personKeys() []string {
	used := make([]bool, len(r.strs.text))
	r.eachMention(func(m *local) {
		if m.kind == person {
			used[m.form] = true
		}
	})
	out := make([]string, len(used))
	parallel(len(out), func(i int) {
		if used[i] {
			out[i] = personKey(r.strs.text[i])
		}
	})
	return out
}

// fullName is one multi-word person's name in an article: its first and
// last words, folded, and its fullest form there.
type fullName struct {
	last, key string
	form      int32
}

// surnameIndex holds the multi-word person names of one article.
type surnameIndex []fullName

// fullNames indexes the multi-word person names among ms, keeping for
// each the longest form, then the first in byte order.
func (r *resolver) fullNames(ms []local, personKeys []string) surnameIndex {
	var idx surnameIndex
	for _, m := range ms {
		if m.kind != person {
			continue
		}
		key := personKeys[m.form]
		i := strings.LastIndexByte(key, ' ')
		if i < 0 {
			continue
		}
		k := slices.IndexFunc(idx, func(f fullName) bool { return f.key == key })
		if k < 0 {
			idx = append(idx, fullName{last: key[i+1:], key: key, form: m.form})
			continue
		}
		if text, old := r.text(m.form), r.text(idx[k].form); len(text) > len(old) || (len(text) == len(old) && text < old) {
			idx[k].form = m.form
		}
	}
	return idx
}

// of returns the one full name in the article that ends with the surname
// given, or the name itself when there is none or several people share it.
func (idx surnameIndex) of(form int32, r *resolver) int32 {
	n := r.name(form)
	if strings.Contains(n, " ") {
		return form
	}
	found := int32(-1)
	for _, f := range idx {
		if f.last == n {
			if found >= 0 {
				return form
			}
			found = f.form
		}
	}
	if found < 0 {
		return form
	}
	return found
}

// keyMaker makes the actor keys of linked mentions, each distinct one
// once: a place's from its folded name, a person's from the first and last
// words of its canonical form, an organisation's from its acronym, the
// gazetteer or its folded name.
type keyMaker struct {
	r          *resolver
	personKeys []string
	place      []int32 // folded name → key, or -1
	person     []int32 // canonical form → key, or -1
	org        []int32 // form → key, or -1
	orgCanon   []int32 // form → canonical form
}

// newKeyMaker makes a keyMaker with no keys made yet.
func (r *resolver) newKeyMaker(personKeys []string) *keyMaker {
	unset := func(n int) []int32 {
		s := make([]int32, n)
		for i := range s {
			s[i] = -1
		}
		return s
	}
	return &keyMaker{r: r, personKeys: personKeys, place: unset(len(r.names.text)),
		person: unset(len(r.strs.text)), org: unset(len(r.strs.text)), orgCanon: unset(len(r.strs.text))}
}

// link sets the key of a mention whose canonical form is set, and an
// organisation's canonical form.
func (k *keyMaker) link(m *local) {
	switch m.kind {
	case person:
		if k.person[m.canonical] < 0 {
			k.person[m.canonical] = k.r.keys.id(Person + "/" + k.personKeys[m.canonical])
		}
		m.key = k.person[m.canonical]
	case organisation:
		if k.org[m.form] < 0 {
			k.org[m.form], k.orgCanon[m.form] = k.organisationKey(m.form)
		}
		m.key, m.canonical = k.org[m.form], k.orgCanon[m.form]
	default:
		n := k.r.folded[m.form]
		if k.place[n] < 0 {
			k.place[n] = k.r.keys.id(m.kind.String() + "/" + k.r.names.text[n])
		}
		m.key = k.place[n]
	}
}

// organisationKey returns the key and canonical form of an organisation
// written as strs[form]: an acronym and its expansions share the
// acronym's key and the fullest expansion, and a gazetteer entry's forms
// share its key.
func (k *keyMaker) organisationKey(form int32) (key, canonical int32) {
	r := k.r
	text, folded := r.text(form), r.name(form)
	if exp, ok := r.acronyms.expansion[text]; ok {
		return r.keys.id(Organisation + "/=" + text), r.strs.index[exp]
	}
	if acr, ok := r.acronyms.acronym[folded]; ok {
		return r.keys.id(Organisation + "/=" + acr), r.strs.index[r.acronyms.expansion[acr]]
	}
	if known, ok := knownOrganisations().byForm[folded]; ok {
		return r.keys.id(known.key), form
	}
	return r.keys.id(Organisation + "/" + folded), form
}

// linkSurnamesAcross joins a surname used alone in an article to the one
// full name in the corpus that ends with it.
func (r *resolver) linkSurnamesAcross() {
	used := make([]bool, len(r.keys.text)) // keys of people's mentions
	r.eachMention(func(m *local) {
		if m.kind == person {
			used[m.key] = true
		}
	})
	full := map[string][]int32{} // last word → full-name keys
	for k, ok := range used {
		if name := strings.TrimPrefix(r.keys.text[k], Person+"/"); ok && strings.Contains(name, " ") {
			last := name[strings.LastIndexByte(name, ' ')+1:]
			full[last] = append(full[last], int32(k))
		}
	}
	to := make([]int32, len(used)) // surname's key → full name's key, or -1
	for k, ok := range used {
		to[k] = -1
		if name := strings.TrimPrefix(r.keys.text[k], Person+"/"); ok && !strings.Contains(name, " ") && len(full[name]) == 1 {
			to[k] = full[name][0]
		}
	}
	r.eachMention(func(m *local) {
		if m.kind == person && to[m.key] >= 0 {
			m.key, m.canonical = to[m.key], -1
		}
	})
}

// group gathers the mentions of one actor.
type group struct {
	kind     actorKind
	used     bool
	lastDoc  int
	roles    []string
	articles []string
}

// build groups the linked mentions into actors with stable ids.
func (r *resolver) build() ([]Actor, [][]Mention) {
	groups := make([]group, len(r.keys.text))
	forms := map[[2]int32]bool{}     // key, form of a mention
	canonicals := map[[2]int32]int{} // key, canonical form → mentions
	for i, ms := range r.perDoc {
		for _, m := range ms {
			g := &groups[m.key]
			if !g.used {
				*g = group{kind: m.kind, used: true, lastDoc: -1}
			}
			forms[[2]int32{m.key, m.form}] = true
			if m.canonical >= 0 {
				canonicals[[2]int32{m.key, m.canonical}]++
			}
			r.addRole(g, i, m)
			r.addArticle(g, i)
		}
	}
	formsOf := make([][]int32, len(groups))
	for p := range forms {
		formsOf[p[0]] = append(formsOf[p[0]], p[1])
	}
	canonicalsOf := make([][]formCount, len(groups))
	for p, n := range canonicals {
		canonicalsOf[p[0]] = append(canonicalsOf[p[0]], formCount{r.text(p[1]), n})
	}
	var keys []int32
	for k := range groups {
		if groups[k].used {
			keys = append(keys, int32(k))
		}
	}
	slices.SortFunc(keys, func(a, b int32) int { return strings.Compare(r.keys.text[a], r.keys.text[b]) })
	ids := make([]string, len(groups))
	actors := make([]Actor, 0, len(keys))
	taken := map[string]bool{}
	for _, k := range keys {
		g := &groups[k]
		name := canonicalName(canonicalsOf[k])
		ids[k] = uniqueID(g.kind.String()+"/"+slug(name), taken)
		actors = append(actors, Actor{ID: ids[k], Name: name, Kind: g.kind.String(),
			Aliases: r.aliases(formsOf[k], name), Roles: sortedRoles(g.roles), Articles: g.articles})
	}
	return actors, r.mentions(ids)
}

// addRole records the role of a mention in doc i, once per actor.
func (r *resolver) addRole(g *group, i int, m local) {
	if m.roleStart == m.roleEnd {
		return
	}
	if role := r.docs[i].Text[m.roleStart:m.roleEnd]; !slices.Contains(g.roles, role) {
		g.roles = append(g.roles, role)
	}
}

// addArticle records doc i among an actor's articles, unless its id was
// the last one recorded.
func (r *resolver) addArticle(g *group, i int) {
	if g.lastDoc == i {
		return
	}
	g.lastDoc = i
	if n := len(g.articles); n == 0 || g.articles[n-1] != r.docs[i].ID {
		g.articles = append(g.articles, r.docs[i].ID)
	}
}

// aliases lists an actor's forms other than its name, sorted.
func (r *resolver) aliases(forms []int32, name string) []string {
	var out []string
	for _, f := range forms {
		if r.text(f) != name {
			out = append(out, r.text(f))
		}
	}
	slices.Sort(out)
	return out
}

// sortedRoles sorts roles in place and returns them.
func sortedRoles(roles []string) []string {
	slices.Sort(roles)
	return roles
}

// mentions makes every doc's mentions, each pointing to its actor's id.
func (r *resolver) mentions(ids []string) [][]Mention {
	out := make([][]Mention, len(r.perDoc))
	for i, ms := range r.perDoc {
		if len(ms) == 0 {
			continue
		}
		out[i] = make([]Mention, len(ms))
		for j, m := range ms {
			out[i][j] = Mention{Actor: ids[m.key], Start: int(m.start), End: int(m.end), Text: r.text(m.form)}
		}
	}
	return out
}
