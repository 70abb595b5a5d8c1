package app

import (
	"path/filepath"
	"strings"
	"testing"
)

// A coder writes memos on a segment, a code and the project, edits one and
// takes the edit back, deletes one and brings it back; another coder in
// blind mode sees the shared memos but not the segment memo.
func TestMemosFromTheReaderAndTheMemosTab(t *testing.T) {
	sv := newServices(t)
	memos := NewMemosService(sv.projects.s)
	info, err := sv.projects.Create("Pilot", "", "Aisha", "keyes")
	if err != nil {
		t.Fatal(err)
	}
	lead := info.Current.ID
	sv.answerOpen(t, filepath.Join(fixtures, "qualcoder-transcript.txt"))
	imported, err := sv.documents.ChooseAndImport()
	if err != nil || len(imported) != 1 {
		t.Fatalf("import: %+v, %v", imported, err)
	}
	doc := imported[0].ID
	codes, _ := sv.coding.Codes()
	var pa int64
	for _, c := range codes {
		if c.Name == "Positive affect" {
			pa = c.ID
		}
	}
	seg, err := sv.coding.Apply(doc, pa, 6, 23)
	if err != nil {
		t.Fatal(err)
	}
	sm, err := memos.Add("segment", seg.ID, "Is *liking* affect?")
	if err != nil {
		t.Fatal(err)
	}
	if sm.Kind != "segment" || sm.Document != doc || sm.Code != pa || sm.Excerpt != "hello, I like the" || !sm.Mine ||
		sm.AuthorN != "Aisha" || !strings.Contains(sm.HTML, "<em>liking</em>") {
		t.Errorf("segment memo = %+v", sm)
	}
	cm, err := memos.Add("code", pa, "Calm counts.")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := memos.Add("project", 0, "Pilot of two interviews."); err != nil {
		t.Fatal(err)
	}
	if _, err := memos.Add("segment", seg.ID, " "); decodeUIError(t, err).Kind != "invalid" {
		t.Errorf("an empty memo: %v", err)
	}

	ed, err := memos.Edit(cm.ID, "Calm counts; relief does not.")
	if err != nil || ed.Memo.Text != "Calm counts; relief does not." || ed.Change == 0 {
		t.Fatalf("edit = %+v, %v", ed, err)
	}
	if back, err := memos.Revert(ed.Change); err != nil || back.Text != "Calm counts." {
		t.Errorf("undo of the edit = %+v, %v", back, err)
	}
	del, err := memos.Delete(sm.ID)
	if err != nil || del.Memo.ID != sm.ID {
		t.Fatalf("delete = %+v, %v", del, err)
	}
	if list, _ := memos.List(); len(list) != 2 {
		t.Errorf("after the delete: %+v", list)
	}
	if back, err := memos.Revert(del.Change); err != nil || back.ID != sm.ID || back.Excerpt != "hello, I like the" {
		t.Errorf("undo of the delete = %+v, %v", back, err)
	}

	// Ben, in blind mode: the project and code memos, not Aisha's segment memo
	if _, err := sv.projects.AddCoder("Ben"); err != nil {
		t.Fatal(err)
	}
	list, err := memos.List()
	if err != nil || len(list) != 2 || list[0].Kind != "code" || list[1].Kind != "project" || list[0].Mine {
		t.Errorf("Ben sees %+v, %v", list, err)
	}
	if _, err := memos.Edit(cm.ID, "Ben's word"); decodeUIError(t, err).Kind != "invalid" {
		t.Errorf("Ben edits Aisha's code memo: %v", err)
	}
	if _, err := memos.Delete(sm.ID); decodeUIError(t, err).Kind != "not_found" {
		t.Errorf("Ben deletes Aisha's hidden segment memo: %v", err)
	}
	if _, err := memos.Add("segment", seg.ID, "peek"); decodeUIError(t, err).Kind != "forbidden" {
		t.Errorf("Ben writes on Aisha's segment: %v", err)
	}
	sv.projects.SelectCoder(lead)
	if list, _ := memos.List(); len(list) != 3 {
		t.Errorf("Aisha sees %d memos, want her 3", len(list))
	}
}
