package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Only new and demo make projects: a write command on an empty file must not
// turn it into a half-made one, and a reading command must say what it is.
func TestCommandsRefuseAnEmptyFileAndLeaveIt(t *testing.T) {
	dir := t.TempDir()
	empty := writeFile(t, dir, "empty.themis", "")
	csv := writeFile(t, dir, "codings.csv", "document,coder,code,start,end,text\n")
	for _, args := range [][]string{
		{"docs", empty},
		{"cases", "link", empty, "P001", "Patient 1"},
		{"segments", "import", empty, csv},
		{"codebook", "tag", empty, "v1"},
	} {
		_, errOut, code := themis(t, args...)
		if code != 1 || !strings.Contains(errOut, empty+" is not a Themis project: the file is empty") {
			t.Errorf("themis %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
		}
		if st, err := os.Stat(empty); err != nil || st.Size() != 0 {
			t.Fatalf("after themis %s the file is %v, %v", args[0], st.Size(), err)
		}
		matches, _ := filepath.Glob(empty + "?*")
		if len(matches) > 0 {
			t.Errorf("after themis %s: %v left beside it", args[0], matches)
		}
	}
}

// Segments inside an excluded speaker's turns are refused by the import as
// the reader refuses them, naming the row; the file then changes nothing.
func TestSegmentsImportRefusesExcludedTurns(t *testing.T) {
	dir, project := newProjectWithTranscripts(t)
	mustRun(t, "cases", "exclude", project, "Interviewer")
	text := mustRun(t, "text", project, "P003 interview")
	// "How has" lies in the interviewer's first turn, after its label.
	start := len([]rune("Interviewer: "))
	ok := "P003 interview,Ben,Autonomy,48,56,\n" // in P003's turn
	bad := "P003 interview,Ben,Autonomy," + itoa(start) + "," + itoa(start+7) + ",How has\n"
	if got := []rune(text)[start : start+7]; string(got) != "How has" {
		t.Fatalf("fixture moved: %q", string(got))
	}
	csv := writeFile(t, dir, "codings.csv", "document,coder,code,start,end,text\n"+ok+bad)
	_, errOut, code := themis(t, "segments", "import", project, csv)
	if code != 1 || !strings.Contains(errOut, "row 3:") || !strings.Contains(errOut, "Interviewer") ||
		!strings.Contains(errOut, "not to be coded") || !strings.Contains(errOut, "nothing from this file was imported") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if out := mustRun(t, "segments", "export", project); strings.Count(out, "\n") != 1 {
		t.Errorf("segments present after a refused file:\n%s", out)
	}
	if out := mustRun(t, "coders", project); out != "Aisha (lead)\n" {
		t.Errorf("coders after a refused file: %q", out)
	}
}
