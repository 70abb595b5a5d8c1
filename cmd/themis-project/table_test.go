package main

import (
	"sort"
	"strings"
	"testing"

	"themis/corpus"
	"themis/internal/cli"
)

// TestSiblingRunsEveryOtherCommand: themis-project handles exactly the
// commands of the table that themis hands over.
func TestSiblingRunsEveryOtherCommand(t *testing.T) {
	var heavy, here []string
	for _, c := range cli.Commands {
		if !c.Light {
			heavy = append(heavy, c.Name)
		}
	}
	for name := range handlers {
		here = append(here, name)
	}
	sort.Strings(heavy)
	sort.Strings(here)
	if strings.Join(heavy, " ") != strings.Join(here, " ") {
		t.Errorf("%s handles %v; the commands not marked light are %v", cli.Sibling, here, heavy)
	}
	if _, errOut, code := themis(t, "reliability", "x.csv"); code != 1 || !strings.Contains(errOut, "runs in themis") {
		t.Errorf("reliability in the sibling: exit %d, %q", code, errOut)
	}
}

// TestImportHelpNamesEveryFormat: the help, written out in package cli so
// that themis need not link corpus, names the formats corpus reads.
func TestImportHelpNamesEveryFormat(t *testing.T) {
	if want := strings.Join(corpus.SupportedExtensions(), " "); cli.ImportExtensions != want {
		t.Errorf("cli.ImportExtensions = %q, corpus reads %q", cli.ImportExtensions, want)
	}
}
