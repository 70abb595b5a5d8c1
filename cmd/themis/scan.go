package main

import (
	"errors"
	"io"
)

const (
	scanArgs = "FILE.themis"
	scanHelp = "(being built)"
)

func cmdScan(args []string, out io.Writer) error { return errors.New("not built yet") }
