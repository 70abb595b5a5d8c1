package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCasesServiceEditsImportsAndExcludes(t *testing.T) {
	sv := newServices(t)
	cases := NewCasesService(sv.documents.s)
	if _, err := sv.projects.Create("Pilot", "", "Aisha", "keyes"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	doc := filepath.Join(dir, "ID1.txt")
	os.WriteFile(doc, []byte("Interviewer: What do you enjoy?\n\nID1: Science club, every week.\n"), 0o644)
	imported, err := sv.documents.Import([]string{doc})
	if err != nil {
		t.Fatal(err)
	}
	sheet := filepath.Join(dir, "cases.csv")
	os.WriteFile(sheet, []byte("case,Age,gender\nID1,20,f\nID2,22,m\nID3,45,f\n"), 0o644)
	sv.answerOpen(t, sheet)
	res, err := cases.ChooseAndImport()
	if err != nil || res == nil || res.Added != 3 || res.Linked != 1 || len(res.Matches) != 1 || res.Matches[0].How != "same name" {
		t.Fatalf("import = %+v, %v", res, err)
	}
	if res, err := cases.ChooseAndImport(); res != nil || err != nil {
		t.Errorf("a cancelled dialog gave %+v, %v", res, err)
	}
	v, err := cases.View()
	if err != nil || len(v.Cases) != 3 || len(v.Attributes) != 2 || v.Attributes[0].Type != "number" || v.Attributes[1].Type != "category" {
		t.Fatalf("view = %+v, %v", v, err)
	}
	if _, err := cases.SetValue(v.Cases[0].ID, "Age", "twenty"); decodeUIError(t, err).Code != "invalid" {
		t.Errorf("a word in a number column: %v", err)
	}
	if v, err = cases.SetAttributeType("gender", "text"); err != nil || v.Attributes[1].Type != "text" {
		t.Errorf("retype: %+v, %v", v.Attributes, err)
	}
	ex, err := cases.ExcludeEverywhere("Interviewer")
	if err != nil || len(ex.Documents) != 1 || !ex.View.Documents[0].Speakers[0].Excluded {
		t.Fatalf("exclude = %+v, %v", ex, err)
	}
	d, err := sv.documents.Get(imported[0].ID)
	if err != nil || !d.Turns[0].Excluded || d.Turns[1].Excluded || d.Turns[1].Case != "ID1" {
		t.Fatalf("turns = %+v, %v", d.Turns, err)
	}
	codes, _ := sv.coding.Codes()
	var code int64
	for _, c := range codes {
		if c.Codable && code == 0 {
			code = c.ID
		}
	}
	_, err = sv.coding.Apply(d.ID, code, d.Turns[0].ContentStart, d.Turns[0].End)
	if ue := decodeUIError(t, err); ue.Code != "invalid" || !strings.Contains(ue.Message, "turns of Interviewer, which are marked not to be coded") {
		t.Errorf("coding the interviewer: %+v", ue)
	}
}
