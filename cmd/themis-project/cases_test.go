package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestCasesCommands(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "s.themis")
	mustRun(t, "new", file, "--lead", "Aisha")
	mustRun(t, "import", file,
		writeFile(t, dir, "ID1.txt", "Interviewer: What do you enjoy?\n\nID1: Science club, every week.\n"),
		writeFile(t, dir, "group.txt", "Interviewer: Welcome.\n\nP01: I go to the garden.\n\nP02: I sing.\n"))

	// QualCoder's example sheet (LGPL-3.0, copied from ../shared/fixtures).
	out := mustRun(t, "cases", "import", file, filepath.Join("testdata", "qualcoder-cases123.csv"), "--type", "Age=number")
	for _, want := range []string{"3 cases (3 new, 0 updated), 3 attributes (3 new), 1 documents linked",
		`attribute "Age": number (given)`, `attribute "gender": category (inferred): f, m`, "ID1 → ID1 (same name)", "cases without a document: ID2, ID3"} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	_, errOut, code := themis(t, "cases", "import", file, writeFile(t, dir, "bad.csv", "case,Age\nID9,nine\n"), "--type", "Age=number")
	if code != 1 || !strings.Contains(errOut, `bad.csv: row 2, column "Age": "nine" is not a number`) || !strings.Contains(errOut, "unchanged") {
		t.Errorf("bad sheet: exit %d, %s", code, errOut)
	}

	mustRun(t, "cases", "link", file, "group", "Focus group North")
	if out := mustRun(t, "cases", "link", file, "group", "ID2", "--speaker", "P01"); !strings.Contains(out, "P01 in group → ID2") {
		t.Errorf("link speaker: %s", out)
	}
	if out := mustRun(t, "cases", "exclude", file, "interviewer"); !strings.Contains(out, "Interviewer is not coded in 2 documents: ID1, group") &&
		!strings.Contains(out, "interviewer is not coded in 2 documents") {
		t.Errorf("exclude: %s", out)
	}
	if out := mustRun(t, "cases", "exclude", file, "P02", "--doc", "group"); !strings.Contains(out, "P02 in group: not coded") {
		t.Errorf("exclude in one document: %s", out)
	}
	mustRun(t, "cases", "exclude", file, "P02", "--doc", "group", "--include")
	if _, errOut, code := themis(t, "cases", "exclude", file, "Nobody", "--doc", "group"); code != 1 || !strings.Contains(errOut, "not found") {
		t.Errorf("unknown speaker: %d %s", code, errOut)
	}

	var v casesJSON
	if err := json.Unmarshal([]byte(mustRun(t, "cases", "list", file, "--json")), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Attributes) != 3 || v.Attributes[0].Type != "number" || len(v.Cases) != 4 || len(v.Documents) != 2 {
		t.Fatalf("list --json = %+v", v)
	}
	g := v.Documents[1]
	if g.Case != "Focus group North" || len(g.Speakers) != 3 || !g.Speakers[0].Excluded || g.Speakers[1].Case != "ID2" || g.Speakers[2].Excluded {
		t.Errorf("group = %+v", g)
	}
	text := mustRun(t, "cases", "list", file)
	for _, want := range []string{"Age (number)", "ID1: ID1; speakers Interviewer (not coded), ID1", "P01 (ID2)"} {
		if !strings.Contains(text, want) {
			t.Errorf("list lacks %q:\n%s", want, text)
		}
	}
	journal := mustRun(t, "journal", file)
	for _, a := range []string{"cases.import", "speaker.case", "speaker.exclude_all", "document.case"} {
		if !strings.Contains(journal, a) {
			t.Errorf("journal lacks %s", a)
		}
	}
	if _, _, code := themis(t, "cases", "frobnicate", file); code != 2 {
		t.Errorf("unknown subcommand: exit %d", code)
	}
}
