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
	"runtime/debug"
	"strings"

	"golang.org/x/term"

	"dossier/corpus"
	"dossier/ui"
	"dossier/ui/theme"
)

const usage = `dossier: a terminal reader for collections of news articles.

Usage:
  dossier [--style STYLE] [PATH...]   read the articles in the terminal
  dossier export [PATH...]            print the corpus as JSON (see the README)
  dossier --help                      show this help

Options:
  --no-cache      read every file again and keep no index
  --style STYLE   (reader) colours: auto (follow the terminal's background,
                  the default), dark, light or notty (no colours or
                  styling). The NO_COLOR environment variable turns colours
                  off too.

When standard output is not a terminal, dossier prints the list of
articles instead of opening the reader. In the reader, press ? for the keys.

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
	limitMemory(os.Getenv("GOMEMLIMIT"))
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// memoryLimit is the soft limit on the Go runtime's memory that dossier
// sets unless GOMEMLIMIT gives one. The garbage collector lets the heap
// grow to twice what is live before collecting; near this limit it
// collects sooner instead, so that a corpus of a hundred thousand
// articles opens in well under 1.5 GB. It is soft: a corpus that needs
// more still loads, with the collector working harder.
const memoryLimit = 1200 << 20

// limitMemory applies memoryLimit when the GOMEMLIMIT environment
// variable (given as env) sets no limit of its own, and returns the
// limit in force.
func limitMemory(env string) int64 {
	if env == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	return debug.SetMemoryLimit(-1)
}

// run executes one command line and returns the process exit code: 0 on
// success, 1 on failure, 2 on a usage error.
func run(args []string, stdout, stderr io.Writer) int {
	command := "list"
	if len(args) > 0 && args[0] == "export" {
		command, args = "export", args[1:]
	}
	flags, code, ok := parseFlags(command, args, stdout, stderr)
	if !ok {
		return code
	}
	if command == "list" && isTerminal(stdout) {
		return read(flags, stdout, stderr)
	}
	if command == "list" {
		fmt.Fprintln(stderr, "dossier: standard output is not a terminal, so the article list is printed instead of the reader.")
	}
	c := corpus.Load(context.Background(), flags.paths, flags.options())
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

// flags are the parsed command line of a command.
type flags struct {
	paths   []string
	style   string
	noCache bool
}

// options are the loading options the flags ask for: through the index
// in the default cache folder unless --no-cache.
func (f flags) options() corpus.Options {
	opts := corpus.Options{}
	if !f.noCache {
		opts.CacheDir, _ = corpus.DefaultCacheDir()
	}
	return opts
}

// parseFlags reads the flags of a command and returns its paths. When the
// command should not run it returns ok false with the exit code: 0 after
// --help, 2 after a bad flag.
func parseFlags(command string, args []string, stdout, stderr io.Writer) (f flags, code int, ok bool) {
	fs := flag.NewFlagSet("dossier "+command, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&f.noCache, "no-cache", false, "")
	if command == "list" {
		fs.StringVar(&f.style, "style", theme.Auto, "")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usageText())
			return f, 0, false
		}
		fmt.Fprintf(stderr, "dossier: %v\n\n%s", err, usageText())
		return f, 2, false
	}
	if command == "list" && !ui.ValidStyle(f.style) {
		fmt.Fprintf(stderr, "dossier: unknown style %q: use %s\n", f.style, strings.Join(theme.Styles, ", "))
		return f, 2, false
	}
	f.paths = fs.Args()
	return f, 0, true
}

// usageText is the help, naming the folder of the indexes.
func usageText() string {
	dir, err := corpus.DefaultCacheDir()
	if err != nil {
		dir = "the user's cache folder (none is set: " + err.Error() + ")"
	}
	return fmt.Sprintf(usage, dir)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// read opens the interactive reader on the paths, loading them as it
// shows them, and prints the loading warnings once the user quits.
func read(f flags, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	events := corpus.Stream(ctx, f.paths, f.options())
	noColor := os.Getenv("NO_COLOR") != ""
	warnings, err := ui.Run(ctx, events, stdout, ui.Options{Style: f.style, NoColor: noColor})
	for _, w := range warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	if err != nil {
		fmt.Fprintln(stderr, "dossier:", err)
		return 1
	}
	return 0
}
