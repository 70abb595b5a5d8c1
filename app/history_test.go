package app

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestUndoRedoOfCodingActions(t *testing.T) {
	sv := newServices(t)
	if _, err := sv.projects.Create("Undo", "", "Aisha", "keyes"); err != nil {
		t.Fatal(err)
	}
	sv.answerOpen(t, filepath.Join(fixtures, "qualcoder-transcript.txt"))
	docs, err := sv.documents.ChooseAndImport()
	if err != nil {
		t.Fatal(err)
	}
	doc := docs[0].ID
	codes, _ := sv.coding.Codes()
	affect := codes[1].ID // Positive affect
	count := func() int {
		segs, err := sv.coding.Segments(doc)
		if err != nil {
			t.Fatal(err)
		}
		return len(segs)
	}

	a, _ := sv.coding.Apply(doc, affect, 6, 23) // "hello, I like the"
	b, _ := sv.coding.Apply(doc, affect, 30, 40)
	sv.coding.Apply(doc, affect, 30, 40) // the same span again is not a new action
	if err := sv.coding.Remove(a.ID); err != nil {
		t.Fatal(err)
	}
	if count() != 1 {
		t.Fatalf("%d segments, want 1", count())
	}
	h, _ := sv.coding.History()
	if !h.CanUndo || !strings.HasPrefix(h.Undo, "removing Positive affect from") || h.CanRedo {
		t.Fatalf("history = %+v", h)
	}

	r, err := sv.coding.Undo() // brings a back, with a new id
	if err != nil || r.Document != doc || !strings.HasPrefix(r.Done, "Undid removing Positive affect") || count() != 2 {
		t.Fatalf("undo remove: %+v, %v, %d segments", r, err, count())
	}
	sv.coding.Undo() // removes b
	sv.coding.Undo() // removes a again, by its new id
	if count() != 0 {
		t.Fatalf("%d segments after three undos, want 0", count())
	}
	if r, _ := sv.coding.Undo(); r.Done != "" || r.History.CanUndo {
		t.Errorf("undo with nothing left = %+v", r)
	}
	sv.coding.Redo()
	sv.coding.Redo()
	if count() != 2 {
		t.Fatalf("%d segments after two redos, want 2", count())
	}
	sv.coding.Apply(doc, affect, 50, 60) // a new action forgets what could be redone
	if h, _ := sv.coding.History(); h.CanRedo {
		t.Error("redo still offered after a new action")
	}
	_ = b

	info, _ := sv.projects.AddCoder("Ben")
	if h, _ := sv.coding.History(); h.CanUndo {
		t.Errorf("%s can undo Aisha's coding", info.Current.Name)
	}
}

// The coding history forgets steps a codebook merge may have recoded by
// itself (project.History): the codebook service no longer clears it.
func TestCodingHistoryAfterAMerge(t *testing.T) {
	sv := newServices(t)
	if _, err := sv.projects.Create("Merge", "", "Aisha", "keyes"); err != nil {
		t.Fatal(err)
	}
	sv.answerOpen(t, filepath.Join(fixtures, "qualcoder-transcript.txt"))
	docs, err := sv.documents.ChooseAndImport()
	if err != nil {
		t.Fatal(err)
	}
	codes, _ := sv.coding.Codes()
	affect, other := codes[1], codes[2]
	if _, err := sv.coding.Apply(docs[0].ID, affect.ID, 6, 23); err != nil {
		t.Fatal(err)
	}
	if h, _ := sv.coding.History(); !h.CanUndo {
		t.Fatalf("history after coding = %+v", h)
	}
	if _, err := sv.codebook.MergeCodes(affect.ID, other.ID); err != nil {
		t.Fatal(err)
	}
	if h, _ := sv.coding.History(); h.CanUndo {
		t.Fatalf("after merging %s into %s the history still offers %q", affect.Name, other.Name, h.Undo)
	}
}
