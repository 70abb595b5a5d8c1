package main

import (
	"os"
	"strings"
	"testing"

	"themis/internal/cli"
)

// The package doc's usage block is what go doc shows for the command line;
// it must say what help says, one line per form of each command.
func TestDocUsageListsEveryCommand(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, "//\tthemis ") {
			lines[strings.TrimPrefix(l, "//\t")] = true
		}
	}
	want := map[string]bool{}
	for _, c := range cli.Commands {
		for _, form := range forms(c.Args) {
			line := "themis " + c.Name + " " + form
			want[line] = true
			if !lines[line] {
				t.Errorf("doc.go's usage lacks\n\t%s", line)
			}
		}
	}
	for l := range lines {
		if !want[l] {
			t.Errorf("doc.go's usage has a line help does not:\n\t%s", l)
		}
	}
}

// forms splits a command's Args at the " | " that separate its forms, not at
// those inside brackets or parentheses, which separate a flag's choices.
func forms(args string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range args {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case '|':
			if depth == 0 && strings.HasPrefix(args[i-1:], " | ") {
				out = append(out, args[start:i-1])
				start = i + 2
			}
		}
	}
	return append(out, args[start:])
}
