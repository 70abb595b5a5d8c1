package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is a mistake in how the command was called (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

type command struct {
	name, args, help string
	run              func(args []string, out io.Writer) error
}

func commands() []command {
	return []command{
		{"new", "FILE.themis [--lead NAME] [--framework keyes|themes|outcomes-star|empty]", "create a project starting from a built-in framework (default Keyes' flourishing) or an empty codebook", cmdNew},
		{"demo", "FILE.themis", "write the bundled demo study (nine transcripts, two coders)", cmdDemo},
		{"import", importArgs, importHelp, cmdImport},
		{"docs", "FILE.themis [--json]", "list documents: name, turns, words, characters", cmdDocs},
		{"text", "FILE.themis DOCUMENT", "print a document's stored text, exactly as offsets count it", cmdText},
		{"coders", "FILE.themis [--json]", "list the project's coders", cmdCoders},
		{"segments", "import FILE.themis CODINGS.csv | export FILE.themis [--coder NAME]", "segments as CSV: document,coder,code,start,end,text", cmdSegments},
		{"agreement", "FILE.themis --coders A,B[,C...] [--docs NAME,...] [--codes NAME,...] [--unit character|turn|sentence|paragraph|segment|document|unitized] [--threshold P] [--bootstrap N --seed S --resample document|turn] [--by code|factor|document [--code NAME]] [--format text|csv|md|html] [--statistic NAME] [--json]", "agreement per code, factor and overall: Cohen's kappa and more for two coders, Fleiss' kappa and alpha for more, or the unitizing alphas", cmdAgreement},
		{"codebook", "list FILE.themis | export FILE.themis [--format yaml|json|qdc|md|html|csv] [--framework NAME] | import FILE.themis CODEBOOK.(yaml|json|qdc) | history FILE.themis [--framework NAME] | tag FILE.themis NAME [--note TEXT]", "the project's codebooks: list them, export (REFI-QDA .qdc, printable Markdown/HTML, CSV), import as a new active framework, show the history of changes, tag a version", cmdCodebook},
		{"cases", casesArgs, casesHelp, cmdCases},
		{"scan", scanArgs, scanHelp, cmdScan},
		{"search", searchArgs, searchHelp, cmdSearch},
		{"quotes", "FILE.themis --code NAME [--coder NAME] [--format md|html]", "a code's quotes with attribution", cmdQuotes},
		{"reliability", "DATA.csv [--level nominal|ordinal|interval|ratio] [--order A,B,C] [--categories N] [--header] [--bootstrap N --seed S] [--json] | --unitized SEGMENTS.csv --length L [--json]", "reliability of a units × coders CSV (agreement, kappas, AC1, alpha), or the unitizing alphas of coded segments", cmdReliability},
		{"journal", "FILE.themis [--limit N] [--json]", "the audit trail of changes: when, who, what (newest first)", cmdJournal},
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(args[1:], stdout)
		var ue usageError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "themis %s: %s\nusage: themis %s %s\n", c.name, ue.msg, c.name, c.args)
			return 2
		default:
			fmt.Fprintf(stderr, "themis %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "themis: unknown command %q; run 'themis help'\n", args[0])
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "themis — qualitative coding projects from the command line\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  themis %s %s\n      %s\n", c.name, c.args, c.help)
	}
}
