package actors

import (
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

func TestKnownOrganisationsFoundAndLinked(t *testing.T) {
	tests := []struct {
		name     string
		texts    []string
		entities [][]string
		want     []string // mention texts, all of one organisation
		wantName string
	}{
		{
			name:     "adjective tag replaced",
			texts:    []string{"He was an Islamic State affiliate, police said."},
			entities: [][]string{{"MISC:Islamic"}},
			want:     []string{"Islamic State"},
			wantName: "Islamic State",
		},
		{
			name:     "abbreviation and name across articles",
			texts:    []string{"Strikes on ISIL positions went on.", "Islamic State fighters fled."},
			entities: [][]string{{"ORG:ISIL"}, nil},
			want:     []string{"ISIL", "Islamic State"},
			wantName: "Islamic State",
		},
		{
			name:     "short abbreviation linked, not looked for",
			texts:    []string{"The UN said so.", "The United Nations agreed."},
			entities: [][]string{{"ORG:UN"}, {"ORG:United Nations"}},
			want:     []string{"UN", "United Nations"},
			wantName: "United Nations",
		},
		{
			name:     "a tag read as a person that is only the name",
			texts:    []string{"Hizbollah guerrillas fired."},
			entities: [][]string{{"PER:Hizbollah"}},
			want:     []string{"Hizbollah"},
			wantName: "Hizbollah",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []Doc
			for i, text := range tt.texts {
				docs = append(docs, doc(t, string(rune('a'+i)), text, tt.entities[i]...))
			}
			as, ms := Resolve(docs)
			var got []string
			for _, dm := range ms {
				got = append(got, mentionTexts(dm)...)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("mentions %q, want %q", got, tt.want)
			}
			for _, dm := range ms {
				for _, m := range dm {
					if a := actorOf(t, as, dm, m.Text); a.Name != tt.wantName || a.Kind != Organisation {
						t.Errorf("%q is %s %q, want organisation %q", m.Text, a.Kind, a.Name, tt.wantName)
					}
				}
			}
		})
	}
}

func TestKnownOrganisationNotInsideLongerNames(t *testing.T) {
	tests := []struct {
		name, text, entity, want string
	}{
		{"longer tagged name kept", "The Islamic State of Iraq claimed it.", "ORG:Islamic State of Iraq", "Islamic State of Iraq"},
		{"longer person kept", "Hamas Ali arrived.", "PER:Hamas Ali", "Hamas Ali"},
		{"inside a word", "The Talibanist movement grew.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ents []string
			if tt.entity != "" {
				ents = append(ents, tt.entity)
			}
			_, ms := Resolve([]Doc{doc(t, "a", tt.text, ents...)})
			got := mentionTexts(ms[0])
			var want []string
			if tt.want != "" {
				want = []string{tt.want}
			}
			if !slices.Equal(got, want) {
				t.Errorf("mentions %q, want %q", got, want)
			}
		})
	}
}

func TestEventsAndDocumentsAreNotOrganisations(t *testing.T) {
	tests := []struct {
		name, text, entity string
		kept               bool
	}{
		{"treaty", "It came out of the Collective Security Pact Treaty signed in 1992.", "ORG:Collective Security Pact Treaty", false},
		{"conference with a topic", "Delegates at the Regional Conference on Water Rights met.", "ORG:Regional Conference", false},
		{"dialogue", "The fourth High Level Security Dialogue opened.", "ORG:High Level Security Dialogue", false},
		{"cup", "They won the Davis Cup again.", "ORG:Davis Cup", false},
		{"body named for a dialogue", "The Centre for Humanitarian Dialogue said so.", "ORG:Centre for Humanitarian Dialogue", true},
		{"body named for a treaty", "The Treaty Organisation met.", "ORG:Treaty Organisation", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ms := Resolve([]Doc{doc(t, "a", tt.text, tt.entity)})
			if kept := len(ms[0]) == 1; kept != tt.kept {
				t.Errorf("mentions %q, want kept %v", mentionTexts(ms[0]), tt.kept)
			}
		})
	}
}

func TestDefinedAcronymIsAnOrganisationWhateverItsTag(t *testing.T) {
	text := "It left the Mutual Defence Alliance Organisation (MDAO) in 2012. Rejoining the MDAO is not planned."
	as, ms := Resolve([]Doc{doc(t, "a", text, "ORG:Mutual Defence Alliance Organisation", "ORG:MDAO", "LOC:MDAO")})
	for _, m := range ms[0] {
		if a := actorOf(t, as, ms[0], m.Text); a.Kind != Organisation || a.Name != "Mutual Defence Alliance Organisation" {
			t.Errorf("%q is %s %q", m.Text, a.Kind, a.Name)
		}
	}
}

func TestAbbreviates(t *testing.T) {
	tests := []struct {
		acronym, name string
		want          bool
	}{
		{"OSCE", "Organisation for Security and Co-operation in Europe", true},
		{"BOMCA", "Border Management Programme in Central Asia", true},
		{"EU-ACT", "EU Action against Drugs and Organised Crime", true},
		{"U.S.", "Unser Jr", false},
		{"CSTO", "Collective Security Treaty Organization", true},
		{"AB", "Anna", false},
	}
	for _, tt := range tests {
		if got := abbreviates(tt.acronym, tt.name); got != tt.want {
			t.Errorf("abbreviates(%q, %q) = %v, want %v", tt.acronym, tt.name, got, tt.want)
		}
	}
}

func TestGazetteerParses(t *testing.T) {
	g := parseGazetteer("# comment\n\nAlpha Beta Council | ABC | Alpha-Beta Council\nGamma Front\n")
	if e, ok := g.byForm[norm("abc")]; !ok || e.key != Organisation+"/=ABC" {
		t.Errorf("lookup ABC = %+v, %v", e, ok)
	}
	if e, ok := g.byForm[norm("Gamma  Front")]; !ok || e.key != Organisation+"/gamma front" {
		t.Errorf("lookup Gamma Front = %+v, %v", e, ok)
	}
	found := g.find("The Alpha-Beta Council and ABC and Gamma Front.")
	var got []string
	for _, e := range found {
		got = append(got, e.Text)
	}
	if want := []string{"Alpha-Beta Council", "Gamma Front"}; !slices.Equal(got, want) {
		t.Errorf("find = %q, want %q", got, want)
	}
	if len(knownOrganisations().byForm) < 50 {
		t.Errorf("embedded gazetteer has %d forms", len(knownOrganisations().byForm))
	}
}

func TestOrganisationNamesExtended(t *testing.T) {
	tests := []struct {
		name, text string
		entities   []string
		want       []string
	}{
		{"head run and qualifiers", "Petko Draganov, head of the Ashgabat-based UN Regional Centre for Preventive Diplomacy for Central Asia, said so.",
			[]string{"PER:Petko Draganov", "ORG:UN", "LOC:Central Asia"},
			[]string{"Petko Draganov", "UN Regional Centre for Preventive Diplomacy for Central Asia"}},
		{"place after a first for is a separate name", "A loan from the World Bank for Kenya arrived.",
			[]string{"ORG:World Bank", "LOC:Kenya"}, []string{"World Bank", "Kenya"}},
		{"untagged qualifier", "The Institute for Strategic Studies and Research said.",
			[]string{"ORG:Institute"}, []string{"Institute for Strategic Studies and Research"}},
		{"no head noun, no qualifier", "Reuters for Sale Group said.",
			[]string{"ORG:Reuters"}, []string{"Reuters"}},
		{"a month is no qualifier", "The Commerce Department for November reported.",
			[]string{"ORG:Commerce Department"}, []string{"Commerce Department"}},
		{"a person is never swallowed", "The UN Anna Berg Centre opened.",
			[]string{"ORG:UN", "PER:Anna Berg"}, []string{"UN", "Anna Berg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ms := Resolve([]Doc{doc(t, "a", tt.text, tt.entities...)})
			if got := mentionTexts(ms[0]); !slices.Equal(got, tt.want) {
				t.Errorf("mentions %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsCapitalisedPhrase(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"Law Enforcement", true},
		{"Emergency Situations", true},
		{"Theresa May", false},
		{"Bill Gates", false},
		{"Ferry", false},
		{"Peter Burian", false},
	}
	for _, tt := range tests {
		if got := isCapitalisedPhrase(tt.name); got != tt.want {
			t.Errorf("isCapitalisedPhrase(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCapitalisedPhrasesAreNotPeople(t *testing.T) {
	text := "Chief of the Department of Defence, Law Enforcement and Emergency Situations, Anna Berg, spoke."
	_, ms := Resolve([]Doc{doc(t, "a", text, "ORG:Department of Defence", "PER:Law Enforcement", "PER:Emergency Situations", "PER:Anna Berg")})
	if got, want := mentionTexts(ms[0]), []string{"Department of Defence", "Anna Berg"}; !slices.Equal(got, want) {
		t.Errorf("mentions %q, want %q", got, want)
	}
}

func TestPlaceAfterToldIsAnOrganisation(t *testing.T) {
	tests := []struct {
		text, entity, want string
	}{
		{"The minister told Caravanserai on Monday.", "LOC:Caravanserai", Organisation},
		{"He told the Clarion so.", "LOC:Clarion", Organisation},
		{"He went to Paris.", "LOC:Paris", Place},
	}
	for _, tt := range tests {
		as, ms := Resolve([]Doc{doc(t, "a", tt.text, tt.entity)})
		if a := actorOf(t, as, ms[0], ms[0][0].Text); a.Kind != tt.want {
			t.Errorf("%q: %s is %s, want %s", tt.text, a.Name, a.Kind, tt.want)
		}
	}
}

func TestSentenceOpenersAreNotNames(t *testing.T) {
	tests := []struct {
		name, text, entity, want, wantKind string
	}{
		{"adverb before a name", "Often Pipex is cheaper.", "PER:Often Pipex", "Pipex", Person},
		{"adjective of a name kept", "National Grid said so.", "ORG:National Grid", "National Grid", Organisation},
		{"organisation keeps its first word", "Global Asset Management fell.", "ORG:Global Asset Management", "Global Asset Management", Organisation},
		{"description before a person read as an organisation", "Actress Julia Roberts won.", "ORG:Actress Julia Roberts", "Julia Roberts", Person},
		{"lone opener dropped", "Since then it grew.", "ORG:Since", "", ""},
		{"month dropped", "It fell in April.", "PER:April", "", ""},
		{"not at a sentence start", "He said Often Pipex won.", "PER:Often Pipex", "Often Pipex", Person},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, ms := Resolve([]Doc{doc(t, "a", tt.text, tt.entity)})
			if tt.want == "" {
				if len(ms[0]) != 0 {
					t.Fatalf("mentions %q, want none", mentionTexts(ms[0]))
				}
				return
			}
			if got := mentionTexts(ms[0]); !slices.Equal(got, []string{tt.want}) {
				t.Fatalf("mentions %q, want %q", got, tt.want)
			}
			if a := actorOf(t, as, ms[0], tt.want); a.Kind != tt.wantKind {
				t.Errorf("%q is %s, want %s", tt.want, a.Kind, tt.wantKind)
			}
		})
	}
}

func TestCyrillicNames(t *testing.T) {
	text := "Президент Шавкат Мирзиёев принял делегацию. Министр Абдулазиз Камилов заявил об этом. Камилов добавил, что ОДКБ не нужна."
	as, ms := Resolve([]Doc{doc(t, "a", text, "PER:Президент Шавкат Мирзиёев", "PER:Министр Абдулазиз Камилов", "PER:Камилов", "ORG:ОДКБ")})
	if got, want := mentionTexts(ms[0]), []string{"Шавкат Мирзиёев", "Абдулазиз Камилов", "Камилов", "ОДКБ"}; !slices.Equal(got, want) {
		t.Fatalf("mentions %q, want %q", got, want)
	}
	if a := actorOf(t, as, ms[0], "Камилов"); a.Name != "Абдулазиз Камилов" || !slices.Equal(a.Roles, []string{"Министр"}) {
		t.Errorf("Камилов is %+v", a)
	}
	if a := actorOf(t, as, ms[0], "Шавкат Мирзиёев"); a.ID != "person/шавкат-мирзиёев" || !slices.Equal(a.Roles, []string{"Президент"}) {
		t.Errorf("Мирзиёев is %+v", a)
	}
}

func TestRoleStopsAtAnotherName(t *testing.T) {
	text := "Ayrault met Uzbek Prime Minister Abdulla Aripov and Foreign Minister Abdulaziz Kamilov in Tashkent."
	as, ms := Resolve([]Doc{doc(t, "a", text, "PER:Ayrault", "PER:Abdulla Aripov", "PER:Abdulaziz Kamilov", "LOC:Tashkent")})
	tests := []struct{ name, role string }{
		{"Abdulla Aripov", "Uzbek Prime Minister"},
		{"Abdulaziz Kamilov", "Foreign Minister"},
	}
	for _, tt := range tests {
		if a := actorOf(t, as, ms[0], tt.name); !slices.Equal(a.Roles, []string{tt.role}) {
			t.Errorf("%s roles %q, want %q", tt.name, a.Roles, tt.role)
		}
	}
}

func TestFullNameKindsAgreeAcrossTheCorpus(t *testing.T) {
	docs := []Doc{
		doc(t, "a", "Naomi Campbell arrived.", "PER:Naomi Campbell"),
		doc(t, "b", "Then Naomi Campbell spoke.", "PER:Naomi Campbell"),
		doc(t, "c", "Photos of Naomi Campbell ran.", "ORG:Naomi Campbell"),
		doc(t, "d", "Ford said so.", "ORG:Ford"),
		doc(t, "e", "Then Ford said so.", "PER:Ford"),
	}
	as, ms := Resolve(docs)
	if a := actorOf(t, as, ms[2], "Naomi Campbell"); a.Kind != Person || len(a.Articles) != 3 {
		t.Errorf("Naomi Campbell is %s in %v", a.Kind, a.Articles)
	}
	if actorOf(t, as, ms[3], "Ford").Kind != Organisation || actorOf(t, as, ms[4], "Ford").Kind != Person {
		t.Error("a one-word name changed kind")
	}
}

// TestBracketedAcronymsMatchThePattern checks the hand-written scanner
// against the regular expression it replaces.
func TestBracketedAcronymsMatchThePattern(t *testing.T) {
	pattern := regexp.MustCompile(`[(\[]([\p{Lu}\d][\p{Lu}\d&.\-]{1,11})[)\]]`)
	texts := []string{
		"the European Union (EU) and BOMCA [Border Management]",
		"(EU-ACT) (A) (AB) (ABCDEFGHIJKL) (ABCDEFGHIJKLM) ((UN)) [U.S.] (R&D)",
		"(-AB) (AB-) (ab) (ОДКБ) (Ab) unclosed (ABC",
		"", "(", "()", "[]", "(12)",
	}
	for _, text := range texts {
		var want [][4]int
		for _, m := range pattern.FindAllStringSubmatchIndex(text, -1) {
			want = append(want, [4]int{m[0], m[1], m[2], m[3]})
		}
		if got := bracketedAcronyms(text); !slices.Equal(got, want) {
			t.Errorf("%q: got %v, want %v", text, got, want)
		}
	}
}

func TestLowerWordsIn(t *testing.T) {
	words := []string{"border", "management", "état", "co-operation", "union"}
	tests := []struct {
		name, text string
		want       []string
	}{
		{"lower and capitalised", "Border management and border checks.", []string{"border", "management"}},
		{"hyphenated word", "more co-operation, less Co-operation", []string{"co-operation"}},
		{"non-ASCII letters", "l'état et l'État", []string{"état"}},
		{"inside a longer word", "reunion unions", nil},
		{"punctuation and digits", "union2 -union (union)", []string{"union"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := make([]atomic.Bool, len(words))
			lowerWordsIn(tt.text, newWordTable(words), found)
			var got []string
			for k, w := range words {
				if found[k].Load() {
					got = append(got, w)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("lowerWordsIn(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestWordTable(t *testing.T) {
	tests := []struct {
		name  string
		words []string
	}{
		{"empty", nil},
		{"one", []string{"of"}},
		{"many", strings.Fields("the of and for bank england union border management a b c d e f g h i j k l m n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newWordTable(tt.words)
			for k, w := range tt.words {
				if got := s.find(w); got != k {
					t.Errorf("find(%q) = %d, want %d", w, got, k)
				}
			}
			for _, w := range []string{"", "banks", "th", "x", "Union"} {
				if got := s.find(w); got != -1 {
					t.Errorf("find(%q) = %d, want -1", w, got)
				}
			}
		})
	}
}

func TestMayStartForm(t *testing.T) {
	g := parseGazetteer("Alpha Beta Front | ABF\nOx\n")
	tests := []struct {
		text string
		want bool
	}{
		{"Alpha Beta Front said", true},
		{"Alp", true},
		{"Al", false},
		{"Ox", true},
		{"Oxford", true}, // a short form starts with O: not ruled out
		{"Zeta", false},
		{"alpha", false},
	}
	for _, tt := range tests {
		if got := g.mayStartForm(tt.text); got != tt.want {
			t.Errorf("mayStartForm(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	for _, form := range []string{"Alpha Beta Front", "Ox"} {
		if !g.mayStartForm(form) {
			t.Errorf("mayStartForm rules out the form %q", form)
		}
	}
}
