package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestScanListsIdentifiersInCodePoints(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "scan.themis")
	mustRun(t, "new", proj, "--lead", "Aisha")
	txt := writeFile(t, dir, "P004.txt", "Interviewer: Anything else? 😀\nP004: Ring Zoë Ünal on 07700 900123 or email zoe@example.org.\n")
	mustRun(t, "import", proj, txt)
	var list []scanJSON
	if err := json.Unmarshal([]byte(mustRun(t, "scan", proj, "--json")), &list); err != nil {
		t.Fatal(err)
	}
	text := []rune(mustRun(t, "text", proj, "P004"))
	kinds := map[string]string{}
	for _, f := range list {
		if f.Document != "P004" || string(text[f.Start:f.End]) != f.Text || f.Confidence <= 0 {
			t.Errorf("finding %+v does not slice the stored text", f)
		}
		kinds[f.Kind] = f.Text
	}
	if kinds["name"] != "Zoë Ünal" || kinds["phone"] != "07700 900123" || kinds["email"] != "zoe@example.org" {
		t.Errorf("findings = %+v", list)
	}
	table := mustRun(t, "scan", proj)
	if !strings.Contains(table, "07700 900123") || !strings.Contains(table, "3 findings in 1 document") {
		t.Errorf("table:\n%s", table)
	}
}

// Memos are scanned too: each finding names its memo, what the memo is on
// and who wrote it, with offsets into the memo.
func TestScanListsIdentifiersInMemos(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "scan.themis")
	mustRun(t, "new", proj, "--lead", "Aisha")
	txt := writeFile(t, dir, "P004.txt", "Interviewer: Anything else?\nP004: No, that is all.\n")
	mustRun(t, "import", proj, txt)
	mustRun(t, "memo", "add", proj, "--document", "P004", "--text", "Her carer said: ring 07700 900123.")
	var list []scanJSON
	if err := json.Unmarshal([]byte(mustRun(t, "scan", proj, "--json")), &list); err != nil {
		t.Fatal(err)
	}
	memo := "Her carer said: ring 07700 900123."
	var found bool
	for _, f := range list {
		if f.Place == "memo" && f.Memo == 1 && f.On == "document “P004”" && f.Author == "Aisha" && f.Document == "" &&
			f.Kind == "phone" && string([]rune(memo)[f.Start:f.End]) == f.Text {
			found = true
		}
	}
	if !found {
		t.Errorf("no phone finding in memo 1: %+v", list)
	}
	table := mustRun(t, "scan", proj)
	if !strings.Contains(table, "(memo 1 by Aisha on document “P004”)") || !strings.Contains(table, "07700 900123") {
		t.Errorf("table:\n%s", table)
	}
	// what the scan finds only in a memo, replace by text takes out of it
	out := mustRun(t, "anonymise", "replace", proj, "--text", "07700 900123", "--kind", "phone")
	if want := `Replaced "07700 900123" with [Phone 1]: 1 occurrence — 1 in memos.`; !strings.Contains(out, want) {
		t.Errorf("output:\n%s\nwant %s", out, want)
	}
	if again := mustRun(t, "scan", proj); strings.Contains(again, "07700") {
		t.Errorf("after the replacement:\n%s", again)
	}
}
