package main

import (
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
	parse     = cli.Parse
	writeJSON = cli.WriteJSON

	printUnitized = cli.PrintUnitized
	interval      = cli.Interval
)

// handlers are the commands themis runs itself: those that need no project
// file, so nothing heavier than package coding. Everything else runs in the
// sibling binary (sibling.go).
var handlers = map[string]cli.Handler{
	"reliability": cmdReliability,
}

func run(args []string, stdout, stderr io.Writer) int {
	return cli.Run(args, stdout, stderr, handlers, runSibling)
}
