package main

import (
	"errors"
	"io"
)

const (
	searchArgs = "FILE.themis"
	searchHelp = "(being built)"
)

func cmdSearch(args []string, out io.Writer) error { return errors.New("not built yet") }
