package main

import (
	"os"
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

// The import preview names the interviewer, and --leave-out leaves their
// turns out of coding at import, so a segment in them is refused by row.
func TestImportLeavesTheInterviewerOut(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "study.themis")
	mustRun(t, "new", project, "--as", "Aisha")
	file := filepath.Join(dir, "P001.txt")
	if err := os.WriteFile(file, []byte("Interviewer: Who told you about it?\nP001: My GP did.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := mustRun(t, "import", project, file, "--preview"); !strings.Contains(out, "looks like the interviewer: Interviewer (leave out of coding with --leave-out Interviewer)") {
		t.Errorf("preview: %s", out)
	}
	if out := mustRun(t, "import", project, file, "--leave-out", "Interviewer"); !strings.Contains(out, "left out of coding: Interviewer") {
		t.Errorf("import: %s", out)
	}
	csv := filepath.Join(dir, "codings.csv")
	os.WriteFile(csv, []byte("document,coder,code,start,end\nP001,Aisha,Autonomy,13,22\n"), 0o644)
	if _, errOut, code := themis(t, "segments", "import", project, csv); code != 1 || !strings.Contains(errOut, "row 2") {
		t.Errorf("a segment in the interviewer's turn: exit %d, %q", code, errOut)
	}
}
