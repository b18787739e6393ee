package article

import (
	"slices"
	"strings"
	"testing"
)

// lines joins its arguments as the lines of a file, blank-line separated.
func lines(ls ...string) string { return strings.Join(ls, "\n\n") + "\n" }

// prose is a paragraph long enough to count as running text.
const prose = "The ministers met for three hours on Tuesday to discuss trade, security and the future of the regional agreement."

func TestParseMetadata(t *testing.T) {
	tests := []struct {
		name                                   string
		text                                   string
		title, source, section, date, dateline string
		byline                                 []string
	}{
		{name: "title is the first line", text: lines("Markets rally as rates fall", prose),
			title: "Markets rally as rates fall"},
		{name: "outlet and section above the title", text: lines("The Daily Ledger\nPolitics", "Parliament passes the budget bill", prose),
			title: "Parliament passes the budget bill", source: "The Daily Ledger", section: "Politics"},
		{name: "short headline with a score is the title", text: lines("Hereford 1-1 Doncaster", "Hereford win 3-1 on penalties.", prose),
			title: "Hereford 1-1 Doncaster"},
		{name: "navigation phrase above the title is not an outlet", text: lines("Latest news", "Parliament passes the budget bill", prose),
			title: "Parliament passes the budget bill"},
		{name: "outlet beside a date under the title", text: lines("Parliament passes the budget bill", "Northern Courier\nPublished: 3 March 2019 10:15", prose),
			title: "Parliament passes the budget bill", source: "Northern Courier", date: "2019-03-03"},
		{name: "date and section with a bar", text: lines("2019-11-02 | Economy", "Parliament passes the budget bill", prose),
			title: "Parliament passes the budget bill", section: "Economy", date: "2019-11-02"},
		{name: "outlet and date with a bar", text: lines("Parliament passes the budget bill", "Kyiv Post | March 5, 2021", prose),
			title: "Parliament passes the budget bill", source: "Kyiv Post", date: "2021-03-05"},
		{name: "month and year only", text: lines("Parliament passes the budget bill", "Updated: March 2019", prose),
			title: "Parliament passes the budget bill", date: "2019-03"},
		{name: "relative dates are not dates", text: lines("Parliament passes the budget bill", "Posted 3 hours ago", prose),
			title: "Parliament passes the budget bill"},
		{name: "key-value header", text: lines("Title: Floods hit the capital\nSource: Metro Wire\nDate: 2020-07-14\nAuthor: Ana Lopes", prose),
			title: "Floods hit the capital", source: "Metro Wire", date: "2020-07-14", byline: []string{"Ana Lopes"}},
		{name: "markdown heading", text: lines("# Floods hit the capital", prose), title: "Floods hit the capital"},
		{name: "page title with outlet", text: lines("Floods hit the capital | Metro Wire", prose), title: "Floods hit the capital", source: "Metro Wire"},
		{name: "no title line: first sentence", text: lines("The river rose two metres overnight. " + prose), title: "The river rose two metres overnight"},
		{name: "no title line: long first sentence shortened", text: lines(prose), title: "The ministers met for three hours on Tuesday to discuss trade, security and the future of the…"},
		{name: "byline with two names", text: lines("Floods hit the capital", "By Ana Lopes and Tom Berg", prose),
			title: "Floods hit the capital", byline: []string{"Ana Lopes", "Tom Berg"}},
		{name: "byline in capitals with place", text: lines("Floods hit the capital", "BY ANA LOPES in Lisbon", prose),
			title: "Floods hit the capital", byline: []string{"Ana Lopes"}},
		{name: "agency credits give authors, not editors", text: lines("Floods hit the capital", prose, "(Reporting by Ana Lopes; Additional reporting by Tom Berg in Oslo; Writing by Li Wei; Editing by Sam Roe)"),
			title: "Floods hit the capital", byline: []string{"Ana Lopes", "Tom Berg", "Li Wei"}},
		{name: "wire dateline with agency", text: lines("Floods hit the capital", "LISBON (Reuters) - "+prose),
			title: "Floods hit the capital", source: "Reuters", dateline: "LISBON"},
		{name: "dateline with date and agency", text: lines("Floods hit the capital", "NEW YORK, Jan 5 (AP) — "+prose),
			title: "Floods hit the capital", source: "AP", dateline: "NEW YORK", date: "--01-05"},
		{name: "slash agency dateline", text: lines("Floods hit the capital", "MOSCOW, March 3. /Interfax/. "+prose),
			title: "Floods hit the capital", source: "Interfax", dateline: "MOSCOW", date: "--03-03"},
		{name: "double-dash dateline", text: lines("Floods hit the capital", "ALMATY -- "+prose),
			title: "Floods hit the capital", dateline: "ALMATY"},
		{name: "acronym in brackets is no dateline", text: lines("Floods hit the capital", "The World Trade Organisation (WTO) said on Monday that trade between the two blocs had grown."),
			title: "Floods hit the capital"},
		{name: "place and date line", text: lines("SOCCER - LEADERS WIN AGAIN.", "MADRID 1996-08-30", prose),
			title: "SOCCER - LEADERS WIN AGAIN.", dateline: "MADRID", date: "1996-08-30"},
		{name: "opening date when nothing else dates it", text: lines("Floods hit the capital", "On June 3, "+prose),
			title: "Floods hit the capital", date: "--06-03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Parse(tt.text)
			got := []string{a.Title, a.Source, a.Section, a.Date, a.Dateline}
			want := []string{tt.title, tt.source, tt.section, tt.date, tt.dateline}
			if !slices.Equal(got, want) {
				t.Errorf("title, source, section, date, dateline = %q, want %q", got, want)
			}
			if !slices.Equal(a.Byline, tt.byline) && len(a.Byline)+len(tt.byline) > 0 {
				t.Errorf("byline = %q, want %q", a.Byline, tt.byline)
			}
		})
	}
}

func TestParseBody(t *testing.T) {
	caption := "Rescue workers search the flooded streets of the old town on Monday. [Ana Lopes/Metro Wire]"
	tests := []struct {
		name        string
		text        string
		want        []Paragraph
		wantDropped []string
	}{
		{name: "caption printed twice is kept once",
			text:        lines("Floods hit the capital", caption, caption, prose),
			want:        []Paragraph{{Caption, caption}, {Body, prose}},
			wantDropped: []string{caption}},
		{name: "labelled caption",
			text: lines("Floods hit the capital", prose, "Photo: Rescue workers search the flooded streets of the old town"),
			want: []Paragraph{{Body, prose}, {Caption, "Photo: Rescue workers search the flooded streets of the old town"}}},
		{name: "subheading between paragraphs",
			text: lines("Floods hit the capital", prose, "What comes next", prose+" Again."),
			want: []Paragraph{{Body, prose}, {Subheading, "What comes next"}, {Body, prose + " Again."}}},
		{name: "markdown subheading",
			text: lines("Floods hit the capital", prose, "## What comes next", prose+" Again."),
			want: []Paragraph{{Body, prose}, {Subheading, "What comes next"}, {Body, prose + " Again."}}},
		{name: "advertising and promotions dropped",
			text:        lines("Floods hit the capital", prose, "Advertisement", "Read more: Storm season starts early", prose+" Again."),
			want:        []Paragraph{{Body, prose}, {Body, prose + " Again."}},
			wantDropped: []string{"Advertisement", "Read more: Storm season starts early"}},
		{name: "related articles end the article",
			text:        lines("Floods hit the capital", prose, "Related stories", "Storm season starts early", "Dams under strain"),
			want:        []Paragraph{{Body, prose}},
			wantDropped: []string{"Related stories", "Storm season starts early", "Dams under strain"}},
		{name: "share bar and copyright end the article",
			text:        lines("Floods hit the capital", prose, "Share this article", "© 2021 Metro Wire. All rights reserved."),
			want:        []Paragraph{{Body, prose}},
			wantDropped: []string{"Share this article", "© 2021 Metro Wire. All rights reserved."}},
		{name: "hard-wrapped paragraph joined",
			text: "Floods hit the capital\n\nThe ministers met for three hours on Tuesday to discuss\ntrade, security and the future of the regional agreement,\nofficials said.\n",
			want: []Paragraph{{Body, "The ministers met for three hours on Tuesday to discuss trade, security and the future of the regional agreement, officials said."}}},
		{name: "short repeated lines are kept",
			text: lines("Floods hit the capital", prose, "No.", "No.", prose+" Again."),
			want: []Paragraph{{Body, prose}, {Body, "No."}, {Body, "No."}, {Body, prose + " Again."}}},
		{name: "prose starting like a credit is kept",
			text: lines("Floods hit the capital", "Produced by the city council, the report says the river rose faster than at any time in the past century."),
			want: []Paragraph{{Body, "Produced by the city council, the report says the river rose faster than at any time in the past century."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Parse(tt.text)
			if !slices.Equal(a.Paragraphs, tt.want) {
				t.Errorf("paragraphs:\n got %q\nwant %q", a.Paragraphs, tt.want)
			}
			for _, d := range tt.wantDropped {
				if !slices.ContainsFunc(a.Dropped, func(x Dropped) bool { return x.Text == d }) {
					t.Errorf("%q not recorded as dropped; dropped: %q", d, a.Dropped)
				}
			}
		})
	}
}

func TestParseComments(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Comment
	}{
		{name: "comments under a count, each followed by Reply",
			text: lines("Floods hit the capital", prose, "Was this article helpful?", "2 Comments", "Name*", "Email*", "The council should have acted sooner.", "Reply", "Thoughts with everyone affected.", "Reply"),
			want: []Comment{{Text: "The council should have acted sooner."}, {Text: "Thoughts with everyone affected."}}},
		{name: "comments headed by author and date",
			text: lines("Floods hit the capital", prose, "Leave a comment", "Marta K. | 2021-03-06", "The council should have acted sooner.", "Олег | 2021-03-07", "Спасибо.", "2021-03-01 | Economy", "Prices rise again in the spring"),
			want: []Comment{{Author: "Marta K.", Date: "2021-03-06", Text: "The council should have acted sooner."}, {Author: "Олег", Date: "2021-03-07", Text: "Спасибо."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Parse(tt.text)
			if !slices.Equal(a.Comments, tt.want) {
				t.Errorf("comments:\n got %q\nwant %q", a.Comments, tt.want)
			}
			for _, c := range tt.want {
				if strings.Contains(a.Text(), c.Text) {
					t.Errorf("comment %q left in the article text", c.Text)
				}
			}
			if a.Text() != prose {
				t.Errorf("text = %q, want the one paragraph", a.Text())
			}
		})
	}
}

// TestParseLosesNothing checks that every line of a messy file ends up
// somewhere on the article: title, paragraphs, comments or dropped lines.
func TestParseLosesNothing(t *testing.T) {
	text := lines("Home › World › Europe", "Metro Wire", "Floods hit the capital", "By Ana Lopes", "Posted: May 2, 2022",
		"LISBON (Reuters) - "+prose, "Advertisement", "Rebuilding", prose+" Again.", "(Reporting by Ana Lopes; Editing by Sam Roe)",
		"Did you like this article?", "3 comments", "First!", "Reply", "Poll: are you insured?", "View results")
	assertNothingLost(t, text, Parse(text))
}

// assertNothingLost fails when a non-empty line of text cannot be found in
// any part of a.
func assertNothingLost(t *testing.T, text string, a *Article) {
	t.Helper()
	var all []string
	all = append(all, a.Title, a.Text())
	for _, d := range a.Dropped {
		all = append(all, d.Text)
	}
	for _, c := range a.Comments {
		all = append(all, c.Text)
	}
	kept := strings.Join(all, "\n")
	for _, u := range splitUnits(text) {
		line := strings.TrimSpace(strings.TrimLeft(u.text, "#"))
		if !strings.Contains(kept, line) && !strings.Contains(u.text, a.Title) {
			t.Errorf("line %q lost", u.text)
		}
	}
}
