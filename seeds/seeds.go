// Package seeds embeds the default corpus: five real scraped news articles on
// Central Asian security co-operation, so that dossier runs with no arguments.
package seeds

import "embed"

// FS holds the seed article files at its root.
//
//go:embed *.txt
var FS embed.FS

// Dir is the folder name the seed files are reported under, so that exported
// paths read "seeds/<file>" as they do in the repository.
const Dir = "seeds"
