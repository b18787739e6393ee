// Package actors turns the names found in each article into the actors of
// a corpus: people, organisations and places, each with one id, a canonical
// name, the other forms it is written in, and the articles that mention it.
// Within an article a surname joins the full name it abbreviates and an
// acronym joins the name it stands for; across articles actors with the same
// canonical name, or an acronym and its expansion, are one.
package actors

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"dossier/corpus/ner"
)

// The actor kinds of the export contract.
const (
	Person       = "person"
	Organisation = "organisation"
	Place        = "place"
)

// Doc is one article's text and the names the tagger found in it.
type Doc struct {
	ID       string
	Text     string
	Entities []ner.Entity
}

// Mention is one occurrence of an actor in an article's text, by byte
// offsets.
type Mention struct {
	Actor      string
	Start, End int
	Text       string
}

// Actor is one person, organisation or place of the corpus.
type Actor struct {
	ID       string
	Name     string
	Kind     string
	Aliases  []string
	Roles    []string
	Articles []string
}

// actorKind is an actor kind as a small number; noKind drops a name.
type actorKind uint8

// The kinds of local mentions, in the order of kindNames.
const (
	noKind actorKind = iota
	person
	organisation
	place
)

// kindNames are the export names of the kinds.
var kindNames = [...]string{noKind: "", person: Person, organisation: Organisation, place: Place}

// String returns the kind's name in the export contract.
func (k actorKind) String() string { return kindNames[k] }

// kindOf maps a tagger type to an actor kind; noKind drops the name (MISC:
// demonyms, events, nationalities).
func kindOf(ty string) actorKind {
	switch ty {
	case "PER":
		return person
	case "ORG":
		return organisation
	case "LOC":
		return place
	}
	return noKind
}

// local is a mention inside one article before corpus-wide resolution. It
// holds no pointers, so that the millions of a large corpus cost the
// collector nothing: its text is the article's text[start:end], its role
// text[roleStart:roleEnd] (empty for none), and form, canonical and key
// index the resolver's tables once the corpus-wide steps set them. Offsets
// are 32-bit: an article is far below 2 GB.
type local struct {
	start, end         int32
	roleStart, roleEnd int32
	form               int32 // the mention's text in resolver.strs
	canonical          int32 // the fullest form of the actor's name in resolver.strs, or -1
	key                int32 // the actor's key in resolver.keys
	kind               actorKind
}

// newLocal makes a mention of text[start:end] without a role.
func newLocal(start, end int, k actorKind) local {
	return local{start: int32(start), end: int32(end), roleStart: int32(start), roleEnd: int32(start), kind: k}
}

// in returns the mention's text within its article's text.
func (m local) in(text string) string { return text[m.start:m.end] }

// Resolve finds the actors of docs and each doc's mentions, in doc order.
// It does not keep the docs' Entities: each doc's are let go of (in
// Resolve's own copy of docs) once its names are cleaned, so that a caller
// that keeps no other reference to them lets the collector free them.
func Resolve(docs []Doc) ([]Actor, [][]Mention) {
	docs = slices.Clone(docs)
	perDoc := make([][]local, len(docs))
	defined := make([][]acronymPair, len(docs))
	parallel(len(docs), func(i int) {
		perDoc[i] = cleanMentions(docs[i])
		defined[i] = acronymPairs(docs[i].Text, perDoc[i])
		docs[i].Entities = nil
	})
	r := newResolver(docs, perDoc, acronymsDefined(defined))
	r.sortOutKinds()
	r.linkLocal()
	r.linkSurnamesAcross()
	return r.build()
}

// parallel runs fn(0) … fn(n-1) on every core; each call must touch only
// its own index's data.
func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// cleanMentions turns a doc's entities into mentions: types mapped to
// kinds, names split where titles or a place run into them, modifiers such
// as "Geneva-based" and a leading "the" removed, and titles before a
// person's name taken off as a role.
func cleanMentions(d Doc) []local {
	ents := withKnownOrganisations(d.Text, d.Entities)
	out := make([]local, 0, len(ents)+4)
	for _, e := range ents {
		k := kindOf(e.Type)
		if e.Type == "MISC" && afterTitle(d.Text, e.Start) && strings.Contains(e.Text, " ") {
			k = person
		}
		if k == noKind {
			continue
		}
		var pieces [2]local
		for _, piece := range splitName(pieces[:0], d.Text, e.Start, trimPunct(d.Text, e.Start, e.End), k) {
			if m, ok := cleanMention(d.Text, piece); ok {
				if m.kind == place && toldBefore(d.Text, int(m.start)) {
					m.kind = organisation
				}
				out = append(out, m)
			}
		}
	}
	out = joinNameParts(d.Text, acronymDefinitions(d.Text, dropGeneric(d.Text, joinOrganisations(d.Text, extendOrganisations(d.Text, out)))))
	return slices.Clip(slices.Clone(out))
}

// dropGeneric removes organisations named by a generic noun alone ("the
// Centre"), once the names split after them have been joined back, and
// names of events and documents the tagger took for organisations ("the
// Regional Conference on ...", "the Collective Security Treaty").
func dropGeneric(text string, ms []local) []local {
	return slices.DeleteFunc(ms, func(m local) bool {
		return m.kind == organisation && (inLower(genericNouns, m.in(text)) || namesEventOrDocument(m.in(text)))
	})
}

// namesEventOrDocument reports a name whose head noun makes it an event,
// an agreement or a prize rather than a body that acts. The head is the
// last word before any "of", "for" or "on": "Conference" in "Regional
// Conference on Extremism", but "Centre" in "Centre for Humanitarian
// Dialogue".
func namesEventOrDocument(name string) bool {
	words := strings.Fields(strings.ToLower(name))
	if i := slices.IndexFunc(words, func(w string) bool { return headEnders[w] }); i > 0 {
		words = words[:i]
	}
	return len(words) > 0 && eventOrDocumentHeads[words[len(words)-1]]
}

// headEnders are the prepositions after which a name's head noun is
// qualified rather than continued.
var headEnders = map[string]bool{"of": true, "for": true, "on": true, "in": true, "against": true}

// eventOrDocumentHeads end the names of things that are not actors. In the
// CoNLL-2003 training data such names are tagged miscellaneous far more
// often than organisation ("Treaty", "Convention", "Cup", "Open").
var eventOrDocumentHeads = map[string]bool{"treaty": true, "agreement": true, "accord": true, "accords": true,
	"convention": true, "protocol": true, "charter": true, "declaration": true, "act": true, "conference": true,
	"summit": true, "dialogue": true, "talks": true, "meeting": true, "games": true, "cup": true,
	"championship": true, "championships": true, "olympics": true, "festival": true, "prize": true,
	"award": true, "awards": true, "war": true, "plan": true, "process": true, "strategy": true}

// joinOrganisations merges an organisation with the capitalised name the
// tagger split off after "for" or "of": "Centre" + "for" + "Humanitarian
// Dialogue" is one organisation.
// The joined mentions are written over ms.
func joinOrganisations(text string, ms []local) []local {
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].kind == organisation && m.kind != place {
			if gap := text[out[n-1].end:m.start]; gap == " for " || gap == " of " {
				out[n-1].end = m.end
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// toldBefore reports a name right after "told" (or "told the"): someone is
// told something, so a "place" there is an outlet or a body ("told
// Caravanserai", "told the BBC").
func toldBefore(text string, start int) bool {
	before := strings.TrimSuffix(text[:start], " ")
	before = strings.TrimSuffix(strings.TrimSuffix(before, " the"), " The")
	return strings.HasSuffix(before, " told") || strings.HasSuffix(before, "\ntold") || before == "told"
}

// afterTitle reports a name right after a title word, brackets aside: the
// tagger's "miscellaneous" names there are people ("the secretary-general
// [Ban Ki-moon]").
func afterTitle(text string, start int) bool {
	before := strings.TrimRight(text[:start], " [(")
	word := before[strings.LastIndexAny(before, " \n")+1:]
	return isTitleWord(word)
}

// cleanMention removes modifiers and titles from one piece of a name and
// reports whether a name is left.
func cleanMention(text string, m local) (local, bool) {
	start, end := trimModifiers(text, int(m.start), int(m.end))
	if next := trimSentenceOpener(text, start, end); next != start {
		if k := openerTrimmedKind(text[next:end], m.kind); m.kind != organisation || k == person {
			start, m.kind = next, k
		}
	}
	if isSentenceOpener(text, start, end) || inLower(calendarWords, text[start:end]) {
		return local{}, false
	}
	roleStart, roleEnd := start, start
	if m.kind == person {
		start, roleStart, roleEnd = splitTitle(text, start, end)
	}
	if start >= end || !hasUpper(text[start:end]) {
		return local{}, false
	}
	if isRoleOnly(text[start:end]) {
		return local{}, false
	}
	out := newLocal(start, end, m.kind)
	out.roleStart, out.roleEnd = int32(roleStart), int32(roleEnd)
	return out, true
}

// trimPunct drops punctuation the tagger left at the end of a name
// ("TASS/"), keeping the full stop of an abbreviation.
func trimPunct(text string, start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ']' || r == ')' {
			break
		}
		end -= size
	}
	return end
}

// splitName cuts a tagged name where titles or a place run into a person's
// name: "European Union Special Representative" keeps "European Union";
// "Uzbekistan Shavkat Mirziyoyev" after "President of" is the place
// "Uzbekistan" and the person "Shavkat Mirziyoyev"; "Kyrgyz Deputy" is
// nothing.
// The pieces are appended to dst.
func splitName(dst []local, text string, start, end int, k actorKind) []local {
	var spans [8][2]int
	words := wordSpans(spans[:0], text, start, end)
	first, last := -1, -1
	for i, w := range words {
		if isTitleWord(text[w[0]:w[1]]) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		if first > 0 && k != person {
			dst = append(dst, newLocal(start, words[first-1][1], k))
		}
		if last+1 < len(words) {
			dst = append(dst, newLocal(words[last+1][0], end, person))
		}
		return dst
	}
	if p := leadingPlace(text, words); p > 0 && len(words)-p >= 2 && (k != organisation || titleBefore(text, start) < start) {
		return append(dst, newLocal(start, words[p-1][1], place), newLocal(words[p][0], end, person))
	}
	return append(dst, newLocal(start, end, k))
}

// wordSpans appends to out the byte spans of the space-separated words of
// text[start:end].
func wordSpans(out [][2]int, text string, start, end int) [][2]int {
	i := start
	for i < end {
		for i < end && text[i] == ' ' {
			i++
		}
		j := i
		for j < end && text[j] != ' ' {
			j++
		}
		if j > i {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

// leadingPlace returns how many of the first words name a known place, or 0.
func leadingPlace(text string, words [][2]int) int {
	places := knownPlaces()
	for n := min(3, len(words)-1); n > 0; n-- {
		if places[norm(text[words[0][0]:words[n-1][1]])] {
			return n
		}
	}
	return 0
}

// hasUpper reports a name with a capital letter somewhere: all-lower-case
// spans are tagging noise.
func hasUpper(s string) bool {
	return strings.IndexFunc(s, unicode.IsUpper) >= 0
}

// trimModifiers removes leading "the", "X-based" and generic nouns such
// as "NGO" from a name.
func trimModifiers(text string, start, end int) (int, int) {
	for {
		word, next := firstWord(text, start, end)
		lw := strings.ToLower(word)
		if next >= end || !(lw == "the" || strings.HasSuffix(lw, "-based") || lw == "ngo") {
			return start, end
		}
		start = next
	}
}

// trimSentenceOpener removes a first word that is capitalised only because
// it starts the sentence: a common word never seen in a name ("Often
// Pipex" is Pipex), while "National Grid" keeps its first word. An
// organisation loses it only before a person's name ("Actress Julia
// Roberts"), so "Global Asset Management" stays whole.
func trimSentenceOpener(text string, start, end int) int {
	word, next := firstWord(text, start, end)
	if next >= end || !opensSentence(text, start) || !isPlainWord(word) {
		return start
	}
	return next
}

// openerTrimmedKind is the kind of what is left of a name once its
// sentence-opening word is gone: a person's name after a description
// the tagger read as an organisation ("Actress Julia Roberts").
func openerTrimmedKind(rest string, k actorKind) actorKind {
	first, _, _ := strings.Cut(rest, " ")
	if k == organisation && strings.Contains(rest, " ") && inLower(nameWords(), first) {
		return person
	}
	return k
}

// isSentenceOpener reports a one-word name that is only a common word
// opening a sentence ("Since", "Directors").
func isSentenceOpener(text string, start, end int) bool {
	word := text[start:end]
	return !strings.Contains(word, " ") && opensSentence(text, start) && isPlainWord(word)
}

// isPlainWord reports a common word (written in lower case in news) that
// the training data never saw inside a name.
func isPlainWord(w string) bool {
	return inLower(commonWords(), w) && !inLower(entityWords(), w)
}

// genericNouns are words that describe an organisation rather than name
// it: removed before a name ("NGO Centre for ..."), and never an
// organisation on their own ("the Centre").
var genericNouns = map[string]bool{"ngo": true, "centre": true, "center": true, "conference": true, "dialogue": true,
	"programme": true, "program": true, "committee": true, "ministry": true, "agency": true, "department": true,
	"organisation": true, "organization": true, "institute": true, "council": true, "commission": true}

// firstWord returns the first word of text[start:end] and where the next
// word starts.
func firstWord(text string, start, end int) (string, int) {
	i := strings.IndexByte(text[start:end], ' ')
	if i < 0 {
		return text[start:end], end
	}
	return text[start : start+i], start + i + 1
}

// splitTitle moves titles and functions from the start of a person's name
// into a role: "Foreign Minister Abdulaziz Kamilov" gives the name from
// "Abdulaziz" and the role "Foreign Minister". It also reads the title
// words written just before the name. It returns where the name starts
// and the span of the role, empty for none.
func splitTitle(text string, start, end int) (nameStart, roleStart, roleEnd int) {
	roleStart = titleBefore(text, start)
	for {
		word, next := firstWord(text, start, end)
		if next >= end || !isTitleWord(word) {
			break
		}
		start = next
	}
	roleStart, roleEnd = trimSpaceSpan(text, roleStart, start)
	if !containsTitleWord(text[roleStart:roleEnd]) {
		return start, start, start
	}
	return start, roleStart, roleEnd
}

// trimSpaceSpan narrows text[start:end] as strings.TrimSpace would.
func trimSpaceSpan(text string, start, end int) (int, int) {
	s := text[start:end]
	lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	trail := len(s) - len(strings.TrimRightFunc(s, unicode.IsSpace))
	if lead == len(s) {
		return start, start
	}
	return start + lead, end - trail
}

// titleBefore walks back from a name over capitalised title words and the
// small words that join them ("President of Uzbekistan", "EU Special
// Representative for Central Asia and Ambassador") and returns where they
// start. Up to two capitalised words before the first title word count as
// its modifiers ("French Foreign Minister"), unless they open a sentence.
func titleBefore(text string, start int) int {
	var words []int // starts of the words walked over, right to left
	pos, title := start, -1
	for pos > 0 {
		prev := strings.LastIndexByte(strings.TrimRight(text[:pos], " "), ' ') + 1
		word := strings.TrimRight(text[prev:pos], " ")
		if word == "" || strings.ContainsAny(word, ",.;:()\"“”\n") {
			break
		}
		r, _ := utf8.DecodeRuneInString(word)
		if !unicode.IsUpper(r) && !joinerWords[word] {
			break
		}
		pos = prev
		words = append(words, prev)
	}
	words = words[:nameAfterTitle(text, words, start)]
	for k, w := range words {
		if word, _ := firstWord(text, w, start); isTitleWord(word) {
			title = k
		}
	}
	if title < 0 {
		return start
	}
	for k := title + 1; k < len(words) && k <= title+2; k++ {
		word, _ := firstWord(text, words[k], start)
		if joinerWords[word] || opensSentence(text, words[k]) {
			break
		}
		title = k
	}
	return words[title]
}

// nameAfterTitle returns how many of the words walked back over (right to
// left) belong to the title: it stops before a run of capitalised
// non-title words that follows a title word directly, since that run is
// someone else's name ("Prime Minister Abdulla Aripov and Foreign
// Minister ..."), while a run after "of" or "for" is part of the title
// ("Representative for Central Asia and Ambassador").
func nameAfterTitle(text string, words []int, end int) int {
	for k := 0; k < len(words); k++ {
		word, _ := firstWord(text, words[k], end)
		if isTitleWord(word) || joinerWords[word] {
			continue
		}
		run := k
		for k+1 < len(words) {
			next, _ := firstWord(text, words[k+1], end)
			if isTitleWord(next) || joinerWords[next] {
				break
			}
			k++
		}
		if k+1 < len(words) {
			if before, _ := firstWord(text, words[k+1], end); isTitleWord(before) {
				return run
			}
		}
	}
	return len(words)
}

// opensSentence reports whether the word at pos starts a sentence.
func opensSentence(text string, pos int) bool {
	before := strings.TrimRight(text[:pos], " ")
	return before == "" || strings.ContainsAny(before[len(before)-1:], ".!?\n\"“")
}

// joinerWords may sit between the words of a title.
var joinerWords = map[string]bool{"of": true, "for": true, "and": true, "the": true, "to": true, "on": true, "in": true}

// titleWords are the words of titles and functions that precede names.
var titleWords = map[string]bool{
	"president": true, "vice": true, "prime": true, "minister": true, "deputy": true, "foreign": true,
	"ambassador": true, "representative": true, "special": true, "secretary": true, "general": true,
	"chancellor": true, "king": true, "queen": true, "prince": true, "princess": true, "pope": true,
	"senator": true, "sen.": true, "governor": true, "gov.": true, "mayor": true, "chairman": true,
	"chairwoman": true, "chair": true, "director": true, "head": true, "chief": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "envoy": true, "commissioner": true, "judge": true,
	"justice": true, "mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true,
	"dr": true, "dr.": true, "gen.": true, "colonel": true, "col.": true, "captain": true, "lieutenant": true,
	"sheikh": true, "emir": true, "ayatollah": true, "archbishop": true, "bishop": true, "rev.": true,
	"professor": true, "prof.": true, "sir": true, "lord": true, "lady": true, "premier": true,
	"leader": true, "coach": true, "manager": true, "ceo": true, "founder": true, "officer": true,
	"delegate": true, "secretary-general": true, "prof": true, "gen": true, "col": true, "rev": true,
	"sen": true, "gov": true, "lt": true, "sgt": true, "insp": true, "det": true, "boss": true,
	// Russian, for articles and names in Cyrillic.
	"президент": true, "министр": true, "премьер-министр": true, "глава": true, "председатель": true,
	"посол": true, "генеральный": true, "секретарь": true, "заместитель": true, "губернатор": true,
	"мэр": true, "депутат": true, "директор": true, "спикер": true, "г-н": true, "господин": true, "councillor": true, "congressman": true, "congresswoman": true, "mp": true,
}

// isTitleWord reports a word of a title.
func isTitleWord(w string) bool {
	return inLower(titleWords, w)
}

// inLower reports whether set holds w in lower case, as
// set[strings.ToLower(w)] would, without making the lower-case string for
// a short ASCII word.
func inLower(set map[string]bool, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return set[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return set[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// containsTitleWord reports a phrase with at least one title word.
func containsTitleWord(s string) bool {
	return slices.ContainsFunc(strings.Fields(s), isTitleWord)
}

// isRoleOnly reports a "name" made only of title words and joiners.
func isRoleOnly(s string) bool {
	for _, w := range strings.Fields(s) {
		if !isTitleWord(w) && !joinerWords[w] {
			return false
		}
	}
	return true
}
