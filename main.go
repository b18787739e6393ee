// Command dossier is a terminal reader for collections of news articles: it
// reads folders of clipped articles, shows each one cleaned of page
// debris, and lists the people and organisations it names.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"dossier/corpus"
	"dossier/ui"
)

const usage = `dossier: a terminal reader for collections of news articles.

Usage:
  dossier [PATH...]          list the articles (the interactive reader comes next)
  dossier export [PATH...]   print the corpus as JSON (see the README)
  dossier --help             show this help

Options:
  --no-cache   read every file again and keep no index

dossier keeps an index of each corpus it reads (never of the embedded
seeds) in %s, so that the next start reads only the files added,
changed or removed since and searches articles at once. The index can be
deleted at any time; it is rebuilt when needed.

Each PATH is an article file or a folder read recursively. Article files are
.txt, .text, .md and extension-less text files, in UTF-8, UTF-16 (with BOM),
Windows-1252/Latin-1 or Windows-1251; hidden files are skipped. With no PATH,
dossier opens its five embedded seed articles. Files that cannot be read are
skipped with a one-line warning on standard error. dossier never writes to the
files it reads.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the process exit code: 0 on
// success, 1 on failure, 2 on a usage error.
func run(args []string, stdout, stderr io.Writer) int {
	command := "list"
	if len(args) > 0 && args[0] == "export" {
		command, args = "export", args[1:]
	}
	paths, noCache, code, ok := parseFlags(command, args, stdout, stderr)
	if !ok {
		return code
	}
	opts := corpus.Options{}
	if !noCache {
		opts.CacheDir, _ = corpus.DefaultCacheDir()
	}
	c := corpus.Load(context.Background(), paths, opts)
	for _, w := range c.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	var err error
	switch command {
	case "export":
		err = corpus.WriteExport(stdout, c)
	default:
		err = ui.WriteList(stdout, c.Articles)
	}
	if err != nil {
		fmt.Fprintln(stderr, "dossier:", err)
		return 1
	}
	return 0
}

// parseFlags reads the flags of a command and returns its paths. When the
// command should not run it returns ok false with the exit code: 0 after
// --help, 2 after a bad flag.
func parseFlags(command string, args []string, stdout, stderr io.Writer) (paths []string, noCache bool, code int, ok bool) {
	fs := flag.NewFlagSet("dossier "+command, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&noCache, "no-cache", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usageText())
			return nil, false, 0, false
		}
		fmt.Fprintf(stderr, "dossier: %v\n\n%s", err, usageText())
		return nil, false, 2, false
	}
	return fs.Args(), noCache, 0, true
}

// usageText is the help, naming the folder of the indexes.
func usageText() string {
	dir, err := corpus.DefaultCacheDir()
	if err != nil {
		dir = "the user's cache folder (none is set: " + err.Error() + ")"
	}
	return fmt.Sprintf(usage, dir)
}
