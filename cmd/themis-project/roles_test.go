package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The lead names an adjudicator from the command line; nobody else may, the
// name must be a coder, and the coders list shows the role.
func TestCodersAdjudicator(t *testing.T) {
	project := filepath.Join(t.TempDir(), "study.themis")
	mustRun(t, "demo", project)
	mustRun(t, "coders", "add", project, "Chen")

	if _, errOut, code := themis(t, "coders", "adjudicator", project, "Chen", "--as", "Ben"); code != 1 || !strings.Contains(errOut, "only the project lead (Aisha)") {
		t.Errorf("Ben naming the adjudicator: exit %d, %q", code, errOut)
	}
	if _, errOut, code := themis(t, "coders", "adjudicator", project, "Zed"); code != 1 || !strings.Contains(errOut, `adjudicator "Zed"`) {
		t.Errorf("an unknown adjudicator: exit %d, %q", code, errOut)
	}
	if _, errOut, code := themis(t, "coders", "adjudicator", project); code != 2 || !strings.Contains(errOut, "NAME or --none") {
		t.Errorf("no name: exit %d, %q", code, errOut)
	}
	if out := mustRun(t, "coders", "adjudicator", project, "Chen"); !strings.Contains(out, "Chen adjudicates") {
		t.Errorf("coders adjudicator Chen: %q", out)
	}
	if out := mustRun(t, "coders", project); out != "Aisha (lead)\nBen\nChen (adjudicator)\n" {
		t.Errorf("coders after naming Chen: %q", out)
	}
	if out := mustRun(t, "coders", project, "--json"); !strings.Contains(out, "\"name\": \"Chen\",\n    \"lead\": false,\n    \"adjudicator\": true") {
		t.Errorf("coders --json: %s", out)
	}
	mustRun(t, "coders", "adjudicator", project, "--none")
	if out := mustRun(t, "coders", project); strings.Contains(out, "adjudicator") {
		t.Errorf("coders after --none: %q", out)
	}
}
