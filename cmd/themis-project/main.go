package main

import (
	"fmt"
	"io"
	"os"

	"themis/internal/cli"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is a mistake in how the command was called (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }
func (usageError) UsageError()     {}

// The flag parsing and output every command shares (package cli).
var (
	parse       = cli.Parse
	splitList   = cli.SplitList
	finiteFloat = cli.FiniteFloat

	printUnitized = cli.PrintUnitized
)

// handlers are the commands over a project file; the light ones run in
// themis itself.
var handlers = map[string]cli.Handler{
	"new":       cmdNew,
	"demo":      cmdDemo,
	"import":    cmdImport,
	"docs":      cmdDocs,
	"text":      cmdText,
	"coders":    cmdCoders,
	"segments":  cmdSegments,
	"agreement": cmdAgreement,
	"codebook":  cmdCodebook,
	"cases":     cmdCases,
	"scan":      cmdScan,
	"anonymise": cmdAnonymise,
	"search":    cmdSearch,
	"quotes":    cmdQuotes,
	"report":    cmdReport,
	"journal":   cmdJournal,
	"plan":      cmdPlan,
	"progress":  cmdProgress,
	"memos":     cmdMemos,
	"memo":      cmdMemo,

	"send":       cmdSend,
	"merge":      cmdMerge,
	"undo-merge": cmdUndoMerge,
	"qdpx":       cmdQDPX,

	"summary":      cmdSummary,
	"cooccurrence": cmdCooccurrence,
}

// run prints through safe writers (termsafe.go) and records the global
// --as NAME (actor.go) before the command runs.
func run(args []string, stdout, stderr io.Writer) int {
	so, se := newSafeWriter(stdout), newSafeWriter(stderr)
	defer so.Flush()
	defer se.Flush()
	args, as, _, err := cli.TakeAs(args)
	if err != nil {
		fmt.Fprintf(se, "themis: %v\n", err)
		return 2
	}
	actingAs = as
	return cli.Run(args, so, se, handlers, func([]string) error {
		return fmt.Errorf("this command runs in themis, not in %s", cli.Sibling)
	})
}
