package main

import (
	"errors"
	"io"
)

const (
	casesArgs = "FILE.themis"
	casesHelp = "(being built)"
)

func cmdCases(args []string, out io.Writer) error { return errors.New("not built yet") }
