// Command mkcorpus writes a benchmark corpus of N article files into DIR by
// cycling through the BBC dataset:
//
//	go run ./corpus/internal/mkcorpus [-src ../shared/data/bbc] N DIR
//
// 10,000 files make about 23 MB and 100,000 about 230 MB.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"dossier/corpus/benchcorpus"
)

func main() {
	src := flag.String("src", "../shared/data/bbc", "folder of .txt articles to copy")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: mkcorpus [-src FOLDER] N DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	n, err := strconv.Atoi(flag.Arg(0))
	if err != nil || n < 0 {
		fmt.Fprintf(os.Stderr, "mkcorpus: N must be a count, not %q\n", flag.Arg(0))
		os.Exit(2)
	}
	if err := benchcorpus.Make(flag.Arg(1), *src, n); err != nil {
		fmt.Fprintln(os.Stderr, "mkcorpus:", err)
		os.Exit(1)
	}
}
