package textdecode

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// benchParagraphs is a few KB of news-like text, the size of a typical article.
var benchParagraphs = strings.Repeat(
	"Chelsea have agreed a fee with Inter Milan for the striker, the club said on Tuesday. "+
		"The deal, worth a reported 15.8m, is expected to be completed before the window closes. "+
		"“We are delighted,” said the manager, who declined to comment on the player's wages.\n\n", 12)

// benchWestern is the same size of French text with accents, CRLF line ends.
var benchWestern = strings.Repeat(
	"Le président a déclaré mardi qu'il était prêt à négocier avec les syndicats.\r\n"+
		"La réforme des retraites, très contestée, sera présentée à l'Assemblée en février.\r\n"+
		"Les élèves et leurs parents ont manifesté à Paris, à Lyon et à Marseille.\r\n\r\n", 12)

func BenchmarkDecode(b *testing.B) {
	cyrillic, _ := charmap.Windows1251.NewEncoder().Bytes([]byte(strings.Repeat(
		"Президент подписал указ о новых мерах поддержки экономики.\r\n"+
			"Правительство представит законопроект в Государственную думу в марте.\r\n\r\n", 20)))
	western, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(benchWestern))
	cases := []struct {
		name string
		raw  []byte
	}{
		{"utf8", []byte(benchParagraphs)},
		{"utf8-crlf", []byte(strings.ReplaceAll(benchParagraphs, "\n", "\r\n"))},
		{"windows1252-crlf", western},
		{"windows1251-crlf", cyrillic},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.raw)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Decode(c.raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkStripControls(b *testing.B) {
	b.SetBytes(int64(len(benchParagraphs)))
	b.ReportAllocs()
	for b.Loop() {
		_ = StripControls(benchParagraphs)
	}
}
