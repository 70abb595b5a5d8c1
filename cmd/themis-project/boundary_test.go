package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"themis/store"
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

// Changes made from the command line are journalled under a person: --as
// NAME, else the project's lead.
func TestWriteCommandsJournalWhoActed(t *testing.T) {
	dir, project := newProjectWithTranscripts(t)
	journal := func() []journalJSON {
		var entries []journalJSON
		if err := json.Unmarshal([]byte(mustRun(t, "journal", project, "--json")), &entries); err != nil {
			t.Fatal(err)
		}
		return entries
	}
	// newProjectWithTranscripts imported without --as: the lead did it.
	if e := journal()[0]; e.Action != "documents.import" || e.Coder != "Aisha" {
		t.Errorf("import without --as journalled as %+v, want Aisha (the lead)", e)
	}
	csv := writeFile(t, dir, "codings.csv", "document,coder,code,start,end,text\nP003 interview,Ben,Autonomy,48,56,\n")
	mustRun(t, "coders", "add", project, "Ben")
	mustRun(t, "--as", "Ben", "segments", "import", project, csv)
	if e := journal()[0]; e.Action != "segments.import" || e.Coder != "Ben" {
		t.Errorf("segments import --as Ben journalled as %+v", e)
	}
	// A name that is not a coder is refused (a typo must not become a
	// coder), and the command changes nothing.
	n := len(journal())
	_, errOut, code := themis(t, "cases", "link", project, "P003 interview", "Patient 3", "--as=Chen")
	if code != 1 || !strings.Contains(errOut, `--as "Chen"`) || !strings.Contains(errOut, "themis coders add") {
		t.Errorf("--as an unknown name: exit %d, %q", code, errOut)
	}
	if len(journal()) != n || strings.Contains(mustRun(t, "coders", project), "Chen") {
		t.Error("a refused --as changed the project")
	}
	// A new person adds themself, then acts.
	mustRun(t, "coders", "add", project, "Chen", "--as", "Chen")
	if e := journal()[0]; e.Action != "coder.add" || e.Coder != "Chen" {
		t.Errorf("coders add --as Chen journalled as %+v", e)
	}
	mustRun(t, "cases", "link", project, "P003 interview", "Patient 3", "--as=Chen")
	entries := journal()
	if entries[0].Action != "document.case" || entries[0].Coder != "Chen" || entries[1].Action != "case.add" || entries[1].Coder != "Chen" {
		t.Errorf("cases link --as=Chen journalled as %+v, %+v", entries[0], entries[1])
	}
	mustRun(t, "coders", "add", project, "Dana")
	if e := journal()[0]; e.Action != "coder.add" || e.Coder != "Aisha" {
		t.Errorf("coders add without --as journalled as %+v", e)
	}
	mustRun(t, "codebook", "tag", project, "v1")
	if e := journal()[0]; e.Action != "codebook.tag" || e.Coder != "Aisha" {
		t.Errorf("codebook tag journalled as %+v", e)
	}
	for _, e := range journal() {
		if e.Coder == "" {
			t.Errorf("an entry without a person: %+v", e)
		}
	}
	if _, errOut, code := themis(t, "--as", "", "codebook", "tag", project, "v2"); code != 2 || !strings.Contains(errOut, "--as") {
		t.Errorf("--as with a blank name: exit %d, %q", code, errOut)
	}
	if _, errOut, code := themis(t, "codebook", "tag", project, "v2", "--as"); code != 2 || !strings.Contains(errOut, "--as") {
		t.Errorf("--as without a name: exit %d, %q", code, errOut)
	}
}

// A segment export opened in a spreadsheet cannot run its cells as formulas,
// and imports back unchanged: the quote Themis put in front is taken off.
func TestSegmentsCSVIsSafeInSpreadsheetsAndRoundTrips(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "study.themis")
	mustRun(t, "new", project, "--lead", "Aisha", "--framework", "empty")
	cb := writeFile(t, dir, "cb.yaml", "themis_codebook: 1\nname: Formulas\ncodes:\n  - name: \"=HYPERLINK(\\\"http://x\\\")\"\n")
	mustRun(t, "codebook", "import", project, cb)
	mustRun(t, "import", project, writeFile(t, dir, "-2+3.txt", "@P1: -2+3 is a sum\n"))
	docs := mustRun(t, "docs", project, "--json")
	var list []docJSON
	json.Unmarshal([]byte(docs), &list)
	if len(list) != 1 {
		t.Fatalf("docs: %s", docs)
	}
	name := list[0].Name
	csv := writeFile(t, dir, "in.csv", "document,coder,code,start,end,text\n"+
		"\""+name+"\",+Ben,\"=HYPERLINK(\"\"http://x\"\")\",5,9,-2+3\n")
	mustRun(t, "segments", "import", project, csv)
	out := mustRun(t, "segments", "export", project)
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		for _, cell := range strings.Split(line, ",") {
			cell = strings.TrimPrefix(cell, "\"")
			if cell != "" && strings.ContainsAny(cell[:1], "=+-@") {
				t.Errorf("cell %q of %q could run as a formula", cell, line)
			}
		}
	}
	if !strings.Contains(out, "'-2+3,'+Ben,") || !strings.Contains(out, ",5,9,'-2+3") {
		t.Errorf("export:\n%s", out)
	}
	// Round trip: the export imports into a fresh copy of the project as the same segments.
	exported := writeFile(t, dir, "out.csv", out)
	mustRun(t, "--as", "Aisha", "segments", "import", project, exported)
	if again := mustRun(t, "segments", "export", project); again != out {
		t.Errorf("re-importing the export changed it:\n%s\nwas\n%s", again, out)
	}
	if coders := mustRun(t, "coders", project); coders != "Aisha (lead)\n+Ben\n" {
		t.Errorf("coders: %q (the quote must not make a new coder)", coders)
	}
}

// Names stored before names were checked (an old project) are printed with
// their control characters made harmless; JSON keeps them, escaped.
func TestStoredNamesArePrintedSafely(t *testing.T) {
	dir, project := newProjectWithTranscripts(t)
	evil := "Ben\x1b]0;owned\x07\u202eexe.txt\u009b2J"
	// Write the name as an older Themis could have: straight into the file.
	db, err := sql.Open("sqlite", project)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO coders(name, created_at) VALUES(?, '2024-01-01T00:00:00Z')`, evil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE documents SET name = ? WHERE name = 'P003 interview'`, "P003\x1b[2J"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	unsafe := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return r != '\n' && r != '\t' && store.ControlRune(r) })
	}
	for _, args := range [][]string{{"coders", project}, {"docs", project}, {"journal", project}} {
		out := mustRun(t, args...)
		if unsafe(out) {
			t.Errorf("themis %s prints a control character: %q", args[0], out)
		}
		if args[0] == "coders" && !strings.Contains(out, "Ben\ufffd]0;owned\ufffd\ufffdexe.txt\ufffd2J") {
			t.Errorf("themis coders: %q, want the name with U+FFFD for each control character", out)
		}
	}
	_, errOut, _ := themis(t, "cases", "link", project, "P003\x1b[2J", "Patient\x1b[2J")
	if unsafe(errOut) {
		t.Errorf("an error message prints a control character: %q", errOut)
	}
	for _, args := range [][]string{{"coders", project, "--json"}, {"docs", project, "--json"}} {
		out := mustRun(t, args...)
		if unsafe(out) {
			t.Errorf("themis %s prints a control character: %q", strings.Join(args, " "), out)
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("themis %s: %v", args[0], err)
		}
		if args[0] == "coders" && !strings.Contains(fmt.Sprint(v), evil) {
			t.Errorf("JSON lost the name: %v", v)
		}
	}
	// Data a command writes to a file or pipe is exact.
	if out := mustRun(t, "segments", "export", project); unsafe(out) {
		t.Errorf("segments export: %q", out)
	}
	_ = dir
}

// A C1 control split across two writes is caught all the same (0xC2 0x9B
// reaching a terminal is CSI).
func TestSafeWriterCatchesSplitCharacters(t *testing.T) {
	var b strings.Builder
	w := newSafeWriter(&b)
	csi := []byte("a\u009b2J é\u202e")
	for i := range csi {
		w.Write(csi[i : i+1])
	}
	w.Flush()
	if got := b.String(); got != "a\ufffd2J é\ufffd" {
		t.Errorf("wrote %q", got)
	}
}
