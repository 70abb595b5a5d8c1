// Command synthcorpus writes the synthetic transcripts the benchmarks
// measure to a folder, to import by hand or to profile an import with:
//
//	go run ./internal/synth/cmd/synthcorpus [-n 200] [-words 8000] [-seed 1] DIR
//
// The folder is created if missing; files already there with the same names
// are overwritten.
package main

import (
	"flag"
	"fmt"
	"os"

	"themis/internal/synth"
)

func main() {
	spec := synth.Budget
	flag.IntVar(&spec.Transcripts, "n", spec.Transcripts, "number of transcripts")
	flag.IntVar(&spec.Words, "words", spec.Words, "words per transcript")
	flag.Uint64Var(&spec.Seed, "seed", spec.Seed, "seed of the generator")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: synthcorpus [-n N] [-words W] [-seed S] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || spec.Transcripts < 1 || spec.Words < 1 {
		flag.Usage()
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "synthcorpus:", err)
		os.Exit(1)
	}
	paths, err := spec.Write(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "synthcorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("%d transcripts of %d words in %s\n", len(paths), spec.Words, dir)
}
