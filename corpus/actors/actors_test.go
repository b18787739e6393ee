package actors

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"dossier/corpus/ner"
)

// doc builds a Doc whose entities are the given names, found in text in
// order, each with its tagger type ("PER:Jean Dupont").
func doc(t *testing.T, id, text string, names ...string) Doc {
	t.Helper()
	d := Doc{ID: id, Text: text}
	from := 0
	for _, n := range names {
		ty, name, _ := strings.Cut(n, ":")
		i := strings.Index(text[from:], name)
		if i < 0 {
			t.Fatalf("%q not in text after %d", name, from)
		}
		start := from + i
		d.Entities = append(d.Entities, ner.Entity{Start: start, End: start + len(name), Text: name, Type: ty})
		from = start + len(name)
	}
	return d
}

// actorOf returns the actor a mention with this text points to.
func actorOf(t *testing.T, as []Actor, ms []Mention, text string) Actor {
	t.Helper()
	for _, m := range ms {
		if m.Text == text {
			for _, a := range as {
				if a.ID == m.Actor {
					return a
				}
			}
		}
	}
	t.Fatalf("no mention %q in %v", text, ms)
	return Actor{}
}

func TestTitlesBecomeRoles(t *testing.T) {
	tests := []struct {
		name, text, entity, wantName, wantRole string
	}{
		{"title inside the name", "Yesterday Foreign Minister Ana Lopes spoke.", "PER:Foreign Minister Ana Lopes", "Ana Lopes", "Foreign Minister"},
		{"title before the name", "Yesterday French Foreign Minister Ana Lopes spoke.", "PER:Ana Lopes", "Ana Lopes", "French Foreign Minister"},
		{"title with of", "Talks with President of Chile Ana Lopes ended.", "PER:Ana Lopes", "Ana Lopes", "President of Chile"},
		{"long title", "The EU Special Representative for the Sahel and Ambassador Ana Lopes said so.", "PER:Ana Lopes", "Ana Lopes", "EU Special Representative for the Sahel and Ambassador"},
		{"no title", "Officials said Ana Lopes left.", "PER:Ana Lopes", "Ana Lopes", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, ms := Resolve([]Doc{doc(t, "a", tt.text, tt.entity)})
			if len(as) != 1 || as[0].Name != tt.wantName || ms[0][0].Text != tt.wantName {
				t.Fatalf("actors %+v mentions %+v", as, ms)
			}
			var want []string
			if tt.wantRole != "" {
				want = []string{tt.wantRole}
			}
			if !slices.Equal(as[0].Roles, want) {
				t.Errorf("roles %q, want %q", as[0].Roles, want)
			}
		})
	}
}

func TestModifiersRemoved(t *testing.T) {
	text := "Staff of the Geneva-based NGO Centre for Peace Talks said."
	as, _ := Resolve([]Doc{doc(t, "a", text, "ORG:Geneva-based NGO Centre for Peace Talks")})
	if len(as) != 1 || as[0].Name != "Centre for Peace Talks" {
		t.Errorf("actors %+v", as)
	}
}

func TestSurnamesJoinFullNames(t *testing.T) {
	a := doc(t, "a", "Ana Lopes arrived. Lopes said hello. Later Tom Berg came.", "PER:Ana Lopes", "PER:Lopes", "PER:Tom Berg")
	b := doc(t, "b", "Lopes was not there.", "PER:Lopes")
	as, ms := Resolve([]Doc{a, b})
	full := actorOf(t, as, ms[0], "Ana Lopes")
	if got := actorOf(t, as, ms[0], "Lopes"); got.ID != full.ID {
		t.Errorf("surname in the same article not joined: %v", got)
	}
	if got := actorOf(t, as, ms[1], "Lopes"); got.ID != full.ID {
		t.Errorf("surname in another article not joined: %v", got)
	}
	if !slices.Equal(full.Articles, []string{"a", "b"}) || !slices.Equal(full.Aliases, []string{"Lopes"}) {
		t.Errorf("actor %+v", full)
	}
}

func TestSameSurnameTwoPeopleNotJoined(t *testing.T) {
	a := doc(t, "a", "Ana Lopes and Rui Lopes met. Lopes said no.", "PER:Ana Lopes", "PER:Rui Lopes", "PER:Lopes")
	as, ms := Resolve([]Doc{a})
	ana, rui, lopes := actorOf(t, as, ms[0], "Ana Lopes"), actorOf(t, as, ms[0], "Rui Lopes"), actorOf(t, as, ms[0], "Lopes")
	if ana.ID == rui.ID || lopes.ID == ana.ID || lopes.ID == rui.ID {
		t.Errorf("ambiguous surname joined: %v %v %v", ana.ID, rui.ID, lopes.ID)
	}
}

func TestAcronymsJoinExpansions(t *testing.T) {
	a := doc(t, "a", "The Organisation of Coastal States (OCS) met. The OCS agreed.", "ORG:Organisation of Coastal States", "ORG:OCS", "ORG:OCS")
	b := doc(t, "b", "Help from WRAP [Water Relief Assistance Programme] came.", "ORG:WRAP")
	c := doc(t, "c", "The OCS and the Water Relief Assistance Programme spoke.", "ORG:OCS", "ORG:Water Relief Assistance Programme")
	as, ms := Resolve([]Doc{a, b, c})
	ocs := actorOf(t, as, ms[0], "Organisation of Coastal States")
	if got := actorOf(t, as, ms[0], "OCS"); got.ID != ocs.ID {
		t.Errorf("acronym after expansion not joined")
	}
	if got := actorOf(t, as, ms[2], "OCS"); got.ID != ocs.ID {
		t.Errorf("acronym alone in another article not joined")
	}
	wrap := actorOf(t, as, ms[1], "WRAP")
	if got := actorOf(t, as, ms[2], "Water Relief Assistance Programme"); got.ID != wrap.ID || wrap.Name != "Water Relief Assistance Programme" {
		t.Errorf("bracketed expansion not joined: %+v %+v", wrap, got)
	}
	if ocs.ID != "organisation/organisation-of-coastal-states" || ocs.Kind != Organisation {
		t.Errorf("actor %+v", ocs)
	}
}

func TestPlacesFoldCase(t *testing.T) {
	a := doc(t, "a", "LISBON -- Officials in Lisbon agreed.", "LOC:LISBON", "LOC:Lisbon")
	as, _ := Resolve([]Doc{a})
	if len(as) != 1 || as[0].Name != "Lisbon" || as[0].ID != "place/lisbon" {
		t.Errorf("actors %+v", as)
	}
}

func TestIDsDoNotDependOnOrder(t *testing.T) {
	a := doc(t, "a", "Ana Lopes met the OCS.", "PER:Ana Lopes", "ORG:OCS")
	b := doc(t, "b", "Lopes left Lisbon.", "PER:Lopes", "LOC:Lisbon")
	as1, _ := Resolve([]Doc{a, b})
	as2, _ := Resolve([]Doc{b, a})
	ids := func(as []Actor) []string {
		var out []string
		for _, x := range as {
			out = append(out, x.ID)
		}
		return out
	}
	if !slices.Equal(ids(as1), ids(as2)) {
		t.Errorf("ids %v vs %v", ids(as1), ids(as2))
	}
}

func TestMISCIsNotAnActor(t *testing.T) {
	as, ms := Resolve([]Doc{doc(t, "a", "Uzbek officials met.", "MISC:Uzbek")})
	if len(as) != 0 || len(ms[0]) != 0 {
		t.Errorf("actors %v", as)
	}
}

func TestKindsSortedOut(t *testing.T) {
	text := "OSLO -- Officials in Oslo met Norwegian and Central Asian envoys. The Border Management team met Ana Lopes in Peru. " +
		"Better border management helps, said Lopes. Chile won."
	d := doc(t, "a", text, "ORG:OSLO", "LOC:Oslo", "MISC:Norwegian", "ORG:Central Asian", "PER:Border Management", "PER:Ana Lopes", "PER:Peru", "ORG:Chile")
	as, ms := Resolve([]Doc{d})
	kinds := map[string]string{}
	for _, m := range ms[0] {
		for _, a := range as {
			if a.ID == m.Actor {
				kinds[m.Text] = a.Kind
			}
		}
	}
	want := map[string]string{"OSLO": Place, "Oslo": Place, "Ana Lopes": Person, "Peru": Place, "Chile": Organisation}
	for name, kind := range want {
		if kinds[name] != kind {
			t.Errorf("%s: kind %q, want %q (all %v)", name, kinds[name], kind, kinds)
		}
	}
	for _, gone := range []string{"Central Asian", "Border Management", "Norwegian"} {
		if _, ok := kinds[gone]; ok {
			t.Errorf("%q should not be an actor", gone)
		}
	}
}

func TestIsDemonym(t *testing.T) {
	places := map[string]bool{"russia": true, "uzbekistan": true, "kyrgyzstan": true, "central asia": true, "iraq": true, "china": true, "germany": true, "france": true}
	for name, want := range map[string]bool{"Russian": true, "Uzbek": true, "Kyrgyz": true, "Central Asian": true, "Iraqi": true, "Chinese": true, "German": true,
		"Russia": false, "Ayrault": false, "Francesca": false, "Iraqis Ltd": false} {
		if got := isDemonym(name, places); got != want {
			t.Errorf("isDemonym(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestKnownPlaces(t *testing.T) {
	places := knownPlaces()
	for _, p := range []string{"uzbekistan", "france", "central asia", "united states", "europe"} {
		if !places[p] {
			t.Errorf("%q missing from the gazetteer", p)
		}
	}
	for _, p := range []string{"european union", "united nations"} {
		if places[p] {
			t.Errorf("%q is an organisation, not a place", p)
		}
	}
}

func TestAcronymDefinitionsMakeNames(t *testing.T) {
	text := "Aid flows through the trans-regional EU Action against Drugs and Organised Crime (EU-ACT) programme and the Border Management in Central Asia (BOMCA) project."
	d := doc(t, "a", text, "ORG:EU Action", "ORG:Drugs", "PER:Organised Crime", "PER:Border Management", "LOC:Central Asia", "LOC:BOMCA")
	as, ms := Resolve([]Doc{d})
	texts := mentionTexts(ms[0])
	want := []string{"EU Action against Drugs and Organised Crime", "EU-ACT", "Border Management in Central Asia", "BOMCA"}
	if !slices.Equal(texts, want) {
		t.Fatalf("mentions %q, want %q", texts, want)
	}
	if a := actorOf(t, as, ms[0], "BOMCA"); a.Name != "Border Management in Central Asia" || a.Kind != Organisation {
		t.Errorf("actor %+v", a)
	}
}

func TestNamePartsJoined(t *testing.T) {
	text := "Pierre von Arx met Shavkat Miromonovich [Mirziyoyev] today."
	d := doc(t, "a", text, "PER:Pierre", "PER:Arx", "PER:Shavkat Miromonovich", "PER:Mirziyoyev")
	_, ms := Resolve([]Doc{d})
	texts := mentionTexts(ms[0])
	if want := []string{"Pierre von Arx", "Shavkat Miromonovich [Mirziyoyev]"}; !slices.Equal(texts, want) {
		t.Errorf("mentions %q, want %q", texts, want)
	}
}

func TestNamesSplitAtTitlesAndPlaces(t *testing.T) {
	text := "The European Union Special Representative met President of Peru Ana Lopes and the Chilean Deputy. " +
		"The Envoy for Central Asia Tom Berg came."
	d := doc(t, "a", text, "ORG:European Union Special Representative", "LOC:Peru Ana Lopes", "PER:Chilean Deputy", "ORG:Central Asia Tom Berg")
	as, ms := Resolve([]Doc{d})
	got := map[string]string{}
	for _, m := range ms[0] {
		got[m.Text] = actorOf(t, as, ms[0], m.Text).Kind
	}
	want := map[string]string{"European Union": Organisation, "Peru": Place, "Ana Lopes": Person, "Central Asia": Place, "Tom Berg": Person}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("mentions %v, want %v", got, want)
	}
	if a := actorOf(t, as, ms[0], "Ana Lopes"); !slices.Equal(a.Roles, []string{"President of Peru"}) {
		t.Errorf("roles %q", a.Roles)
	}
}

func TestOneAcronymTwoExpansions(t *testing.T) {
	a := doc(t, "a", "Talks with WRAP [Water Relief Assistance Programme] went on.", "ORG:WRAP")
	b := doc(t, "b", "The Water Relief Aid Programme (WRAP) helped.", "ORG:Water Relief Aid Programme", "ORG:WRAP")
	as, ms := Resolve([]Doc{a, b})
	if x, y := actorOf(t, as, ms[0], "WRAP"), actorOf(t, as, ms[1], "Water Relief Aid Programme"); x.ID != y.ID || x.Name != "Water Relief Assistance Programme" {
		t.Errorf("%+v vs %+v", x, y)
	}
}

func TestMiddleNamesAndBracketsJoin(t *testing.T) {
	a := doc(t, "a", "President Ana Lopes spoke.", "PER:Ana Lopes")
	b := doc(t, "b", "Ana Maria [Lopes] and later Lopes spoke.", "PER:Ana Maria", "PER:Lopes", "PER:Lopes")
	as, ms := Resolve([]Doc{a, b})
	x := actorOf(t, as, ms[0], "Ana Lopes")
	for _, text := range []string{"Ana Maria [Lopes]", "Lopes"} {
		if y := actorOf(t, as, ms[1], text); y.ID != x.ID {
			t.Errorf("%q not joined to %s: %s", text, x.ID, y.ID)
		}
	}
	if x.Name != "Ana Lopes" {
		t.Errorf("name %q", x.Name)
	}
}

func TestTrailingPunctuationTrimmed(t *testing.T) {
	as, _ := Resolve([]Doc{doc(t, "a", "MOSCOW, May 2. /Interfax/. News.", "ORG:Interfax/")})
	if len(as) != 1 || as[0].Name != "Interfax" {
		t.Errorf("actors %+v", as)
	}
}

func TestOrganisationNamesJoinedAndGenericDropped(t *testing.T) {
	text := "Staff of the Geneva-based NGO Centre for Peace Talks met the Centre again."
	d := doc(t, "a", text, "MISC:Geneva-based", "ORG:NGO Centre", "PER:Peace Talks", "ORG:Centre")
	_, ms := Resolve([]Doc{d})
	texts := mentionTexts(ms[0])
	if want := []string{"Centre for Peace Talks"}; !slices.Equal(texts, want) {
		t.Errorf("mentions %q, want %q", texts, want)
	}
}

func TestNameAfterTitleIsAPerson(t *testing.T) {
	text := "A plan the secretary-general [Ban Ki-moon] introduced. The Asian Cup ended."
	d := doc(t, "a", text, "MISC:Ban Ki-moon", "MISC:Asian Cup")
	as, _ := Resolve([]Doc{d})
	if len(as) != 1 || as[0].Name != "Ban Ki-moon" || as[0].Kind != Person {
		t.Errorf("actors %+v", as)
	}
}

func TestDescriptionsAreNotPeople(t *testing.T) {
	text := "Militants from the mainly Muslim ex-Soviet region met Pierre von Arx."
	d := doc(t, "a", text, "PER:Muslim ex-Soviet", "PER:Pierre von Arx")
	as, _ := Resolve([]Doc{d})
	if len(as) != 1 || as[0].Name != "Pierre von Arx" {
		t.Errorf("actors %+v", as)
	}
}

// mentionTexts lists the texts of mentions, in order.
func mentionTexts(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

func TestInLower(t *testing.T) {
	set := map[string]bool{"minister": true, "état": true, "the": true}
	tests := []struct {
		word string
		want bool
	}{
		{"Minister", true},
		{"MINISTER", true},
		{"minister", true},
		{"Ministers", false},
		{"État", true},
		{"ÉTAT", true},
		{"The", true},
		{"", false},
		{strings.Repeat("A", 40), false},
	}
	for _, tt := range tests {
		if got := inLower(set, tt.word); got != tt.want || got != set[strings.ToLower(tt.word)] {
			t.Errorf("inLower(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}
