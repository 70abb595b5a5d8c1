package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCodebookServiceFromNewProjectToUndoneDelete(t *testing.T) {
	sv := newServices(t)
	builtins, err := sv.codebook.Builtins()
	if err != nil || len(builtins) != 3 || builtins[0].ID != "keyes" || builtins[0].Codes != 13 {
		t.Fatalf("Builtins() = %+v, %v", builtins, err)
	}
	if _, err := sv.projects.Create("Empty", "", "Aisha", ""); err != nil {
		t.Fatal(err)
	}
	fws, err := sv.codebook.Frameworks()
	if err != nil || len(fws) != 1 || fws[0].Name != "Empty codebook" || fws[0].Codes != 0 || !fws[0].Active || fws[0].Version != "revision 0" {
		t.Fatalf("an empty project's frameworks = %+v, %v", fws, err)
	}
	theme, err := sv.codebook.AddCode(0, CodeInput{Name: "Getting out of the house", Codable: true, Key: "g"})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := sv.codebook.AddCode(0, CodeInput{Parent: theme.ID, Name: "Something to look forward to", Codable: true,
		Definition: "Anticipation of a regular activity.", Examples: []string{"Tuesdays are my day now."}})
	if err != nil {
		t.Fatal(err)
	}

	// Code a document so the delete has something to take.
	sv.answerOpen(t, filepath.Join(fixtures, "qualcoder-transcript.txt"))
	docs, err := sv.documents.ChooseAndImport()
	if err != nil {
		t.Fatal(err)
	}
	iv, err := sv.coding.CodeInVivo(InVivoInput{Document: docs[0].ID, Start: 10, End: 20, Name: "  a way out  ", Parent: theme.ID})
	if err != nil || iv.Code.Name != "a way out" || iv.Segment.Code != iv.Code.ID || iv.Code.Parent != theme.ID {
		t.Fatalf("CodeInVivo = %+v, %v", iv, err)
	}
	if _, err := sv.coding.Apply(docs[0].ID, sub.ID, 30, 40); err != nil {
		t.Fatal(err)
	}
	codes, _ := sv.coding.Codes()
	if len(codes) != 3 || codes[1].Name != "Something to look forward to" || len(codes[1].Counts) != 1 || codes[1].Counts[0].Name != "Aisha" {
		t.Fatalf("reader's codes = %+v", codes)
	}

	im, err := sv.codebook.DeleteImpact(theme.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Deleting “Getting out of the house” and its 2 sub-codes removes 2 segments: 2 of Aisha’s."; im.Message != want {
		t.Errorf("impact message = %q, want %q", im.Message, want)
	}
	done, err := sv.codebook.DeleteCode(theme.ID)
	if err != nil || !strings.HasPrefix(done, "Deleted “Getting out of the house” and 2 sub-codes with 2 segments") {
		t.Fatalf("DeleteCode = %q, %v", done, err)
	}
	h, err := sv.codebook.History(0)
	if err != nil || !h.CanUndo || h.Undo != "deleted “Getting out of the house” and 2 sub-codes with 2 segments" {
		t.Fatalf("history after delete = %+v, %v", h, err)
	}
	if _, err := sv.codebook.Undo(0); err != nil {
		t.Fatal(err)
	}
	if codes, _ := sv.coding.Codes(); len(codes) != 3 {
		t.Errorf("after undoing the delete %d codes, want 3", len(codes))
	}
	if segs, _ := sv.coding.Segments(docs[0].ID); len(segs) != 2 {
		t.Errorf("after undoing the delete %d segments, want 2", len(segs))
	}
	if err := sv.codebook.Tag(0, "v1 agreed", "before round two"); err != nil {
		t.Fatal(err)
	}
	h, _ = sv.codebook.History(0)
	if h.Version != "v1 agreed, revision 5" || len(h.Tags) != 1 || h.Changes[0].Tags[0] != "v1 agreed" || h.Changes[0].Action != "undo" {
		t.Errorf("history after tag = %+v", h)
	}
	if !h.Changes[1].Undone || h.Changes[1].Action != "delete" || h.Changes[1].Who != "Aisha" {
		t.Errorf("the undone delete = %+v", h.Changes[1])
	}
}

func TestCodebookImportAndExportThroughDialogs(t *testing.T) {
	sv := newServices(t)
	if _, err := sv.projects.Create("Files", "", "Aisha", "keyes"); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"yaml", "json", "qdc", "md", "html", "csv"} {
		path, err := sv.codebook.Export(0, format)
		if err != nil {
			t.Fatalf("export %s: %v", format, err)
		}
		if filepath.Base(path) != "Keyes- flourishing."+format {
			t.Errorf("export %s saved as %q", format, path)
		}
		b, _ := os.ReadFile(path)
		if !strings.Contains(string(b), "Social integration") {
			t.Errorf("export %s lacks a code", format)
		}
	}
	before, _ := sv.codebook.Frameworks()

	bad := filepath.Join(t.TempDir(), "broken.yaml")
	os.WriteFile(bad, []byte("themis_codebook: 1\nname: Broken\ncodes:\n  - name: A\n    colour: red\n"), 0o644)
	sv.answerOpen(t, bad)
	_, err := sv.codebook.Import()
	if ue := decodeUIError(t, err); ue.Code != "invalid" || !strings.Contains(ue.Message, "broken.yaml:5") {
		t.Errorf("importing a broken file: %+v", ue)
	}
	if after, _ := sv.codebook.Frameworks(); len(after) != len(before) {
		t.Errorf("a broken import added a framework")
	}

	sv.answerOpen(t, filepath.Join(sv.dialogs, "Keyes- flourishing.qdc"))
	f, err := sv.codebook.Import()
	if err != nil {
		t.Fatal(err)
	}
	if !f.Active || f.Codes != 13 || f.Name != "Keyes- flourishing" {
		t.Errorf("imported framework = %+v", f)
	}
	if info, _ := sv.projects.Info(); info.Framework != f.Name {
		t.Errorf("project info names framework %q, want the imported one", info.Framework)
	}
}
