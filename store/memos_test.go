package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func memo(t *testing.T, p *Project, kind string, target int64, text string, author int64) Memo {
	t.Helper()
	m, err := p.AddMemo(kind, target, text, author)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMemosOnEachKindAreListedAndJournalled(t *testing.T) {
	p, doc, a, b := newProject(t)
	pa := codeID(t, p, "Positive affect")
	seg := code(t, p, doc, pa, b.ID, 32, 50)
	pm := memo(t, p, MemoProject, 0, "# Study\nTwenty interviews.", a.ID)
	dm := memo(t, p, MemoDocument, doc, "Recorded in a café.", a.ID)
	cm := memo(t, p, MemoCode, pa, "Hard to tell from *calm*.", a.ID)
	sm := memo(t, p, MemoSegment, seg.ID, "Is this affect or evaluation?", b.ID)
	if sm.Document != doc || sm.Target != seg.ID || cm.Target != pa || dm.Target != doc || pm.Target != 0 || sm.CreatedAt == "" || sm.UpdatedAt != sm.CreatedAt {
		t.Errorf("memos as added: %+v %+v %+v %+v", pm, dm, cm, sm)
	}
	for _, tc := range []struct {
		name string
		f    MemoFilter
		want []Memo
	}{
		{"all", MemoFilter{}, []Memo{pm, dm, cm, sm}},
		{"by kind", MemoFilter{Kind: MemoCode}, []Memo{cm}},
		{"on one segment", MemoFilter{Kind: MemoSegment, Target: seg.ID}, []Memo{sm}},
		{"on a document, its segments' too", MemoFilter{Document: doc}, []Memo{dm, sm}},
		{"by author", MemoFilter{Author: b.ID}, []Memo{sm}},
	} {
		if got, err := p.Memos(tc.f); err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v, %v\nwant %+v", tc.name, got, err, tc.want)
		}
	}
	j, _ := p.Journal(1)
	if j[0].Action != "memo.add" || !strings.Contains(j[0].Detail, `"document":`) || j[0].Coder != b.ID {
		t.Errorf("journal of a segment memo = %+v", j[0])
	}
}

func TestAddMemoRefusesBadInput(t *testing.T) {
	p, doc, a, _ := newProject(t)
	for _, tc := range []struct {
		name   string
		kind   string
		target int64
		text   string
		want   error
	}{
		{"empty", MemoDocument, doc, "  \n", ErrInvalid},
		{"NUL", MemoDocument, doc, "a\x00b", ErrInvalid},
		{"too long", MemoDocument, doc, strings.Repeat("é", MaxMemoRunes+1), ErrInvalid},
		{"unknown kind", "theme", 1, "x", ErrInvalid},
		{"project with a target", MemoProject, doc, "x", ErrInvalid},
		{"missing document", MemoDocument, 99, "x", ErrNotFound},
		{"missing code", MemoCode, 9999, "x", ErrNotFound},
		{"missing segment", MemoSegment, 99, "x", ErrNotFound},
	} {
		if _, err := p.AddMemo(tc.kind, tc.target, tc.text, a.ID); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	if got, _ := p.Memos(MemoFilter{}); len(got) != 0 {
		t.Errorf("refused memos were written: %+v", got)
	}
}

func TestEditAndDeleteAreTheAuthorsAndRevertable(t *testing.T) {
	p, doc, a, b := newProject(t)
	m := memo(t, p, MemoDocument, doc, "first", a.ID)
	if _, err := p.EditMemo(m.ID, "by Ben", b.ID); !errors.Is(err, ErrInvalid) {
		t.Errorf("Ben edits Aisha's memo: %v", err)
	}
	if _, err := p.DeleteMemo(m.ID, b.ID); !errors.Is(err, ErrInvalid) {
		t.Errorf("Ben deletes Aisha's memo: %v", err)
	}
	ed, err := p.EditMemo(m.ID, "second", a.ID)
	if err != nil || ed.Memo.Text != "second" || ed.Change == 0 {
		t.Fatalf("edit = %+v, %v", ed, err)
	}
	ed2, err := p.EditMemo(m.ID, "third", a.ID)
	if err != nil {
		t.Fatal(err)
	}
	// the first edit cannot be taken back over the second
	if _, err := p.RevertMemo(ed.Change, a.ID); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "changed since") {
		t.Errorf("revert under a later edit: %v", err)
	}
	if _, err := p.RevertMemo(ed2.Change, b.ID); !errors.Is(err, ErrInvalid) {
		t.Errorf("Ben reverts Aisha's edit: %v", err)
	}
	if got, err := p.RevertMemo(ed2.Change, a.ID); err != nil || got.Text != "second" {
		t.Errorf("revert of the edit = %+v, %v", got, err)
	}
	if got, _ := p.Memo(m.ID); got.Text != "second" {
		t.Errorf("memo after the revert = %+v", got)
	}
	before, _ := p.Memo(m.ID)
	del, err := p.DeleteMemo(m.ID, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Memo(m.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted memo: %v", err)
	}
	// a memo written after the deletion does not take its id
	other := memo(t, p, MemoProject, 0, "other", a.ID)
	if other.ID <= m.ID {
		t.Errorf("new memo got id %d, not above the deleted %d", other.ID, m.ID)
	}
	if got, err := p.RevertMemo(del.Change, a.ID); err != nil || !reflect.DeepEqual(got, before) {
		t.Errorf("revert of the deletion = %+v, %v\nwant %+v", got, err, before)
	}
	if _, err := p.RevertMemo(del.Change, a.ID); !errors.Is(err, ErrInvalid) {
		t.Errorf("reverting a deletion twice: %v", err)
	}
	j, _ := p.Journal(1)
	if j[0].Action != "memo.revert" {
		t.Errorf("the revert was not journalled: %+v", j[0])
	}
	if _, err := p.RevertMemo(j[0].ID, a.ID); !errors.Is(err, ErrInvalid) {
		t.Errorf("reverting a journal entry that is no memo change: %v", err)
	}
}

func TestSegmentAndDocumentMemosGoWithThem(t *testing.T) {
	p, doc, a, _ := newProject(t)
	pa := codeID(t, p, "Positive affect")
	seg := code(t, p, doc, pa, a.ID, 32, 50)
	memo(t, p, MemoSegment, seg.ID, "on the segment", a.ID)
	del, err := p.DeleteMemo(memo(t, p, MemoSegment, seg.ID, "deleted", a.ID).ID, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.RemoveSegment(seg.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Memos(MemoFilter{Kind: MemoSegment}); len(got) != 0 {
		t.Errorf("memos of a removed segment = %+v", got)
	}
	// a deleted memo whose segment is gone cannot come back, and says why
	if _, err := p.RevertMemo(del.Change, a.ID); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "is gone") {
		t.Errorf("reverting the deletion of a memo on a removed segment: %v", err)
	}
	memo(t, p, MemoDocument, doc, "on the document", a.ID)
	memo(t, p, MemoSegment, code(t, p, doc, pa, a.ID, 32, 40).ID, "again", a.ID)
	if _, err := p.db.Exec(`DELETE FROM segments WHERE document_id = ?`, doc); err != nil {
		t.Fatal(err)
	}
	if _, err := p.db.Exec(`DELETE FROM documents WHERE id = ?`, doc); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Memos(MemoFilter{}); len(got) != 0 {
		t.Errorf("memos of a deleted document = %+v", got)
	}
}

func TestCodeMemosFollowTheCodebookAndItsUndo(t *testing.T) {
	p, doc, a, b := newProject(t)
	pa, aq := codeID(t, p, "Positive affect"), codeID(t, p, "Avowed quality of life")
	code(t, p, doc, pa, a.ID, 32, 50)
	gone := code(t, p, doc, aq, a.ID, 32, 50) // collapses into Aisha's Positive affect
	kept := code(t, p, doc, aq, b.ID, 39, 45)
	memo(t, p, MemoCode, aq, "quality memo", a.ID)
	memo(t, p, MemoSegment, gone.ID, "on the collapsing segment", a.ID)
	memo(t, p, MemoSegment, kept.ID, "Ben's", b.ID)
	before, _ := p.Memos(MemoFilter{})

	if _, err := p.MergeCodes(aq, pa, a.ID); err != nil {
		t.Fatal(err)
	}
	after, _ := p.Memos(MemoFilter{})
	if len(after) != 3 || after[0].Target != pa || after[1].Target == gone.ID || after[2].Target != kept.ID {
		t.Errorf("after the merge = %+v", after)
	}
	if _, err := p.UndoCodebook(0, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Memos(MemoFilter{}); !reflect.DeepEqual(got, before) {
		t.Errorf("after undoing the merge = %+v\nwant %+v", got, before)
	}
	if _, err := p.RedoCodebook(0, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Memos(MemoFilter{}); !reflect.DeepEqual(got, after) {
		t.Errorf("after redoing the merge = %+v\nwant %+v", got, after)
	}
	if _, err := p.UndoCodebook(0, a.ID); err != nil {
		t.Fatal(err)
	}

	if _, err := p.DeleteCode(aq, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Memos(MemoFilter{}); len(got) != 0 {
		t.Errorf("memos after deleting their code = %+v", got)
	}
	if _, err := p.UndoCodebook(0, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Memos(MemoFilter{}); !reflect.DeepEqual(got, before) {
		t.Errorf("after undoing the delete = %+v\nwant %+v", got, before)
	}
}

func TestUndoRefusesToTakeAMemoWrittenSince(t *testing.T) {
	p, _, a, _ := newProject(t)
	hope, err := p.AddCode(0, CodeFields{Name: "Hope", Codable: true}, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	memo(t, p, MemoCode, hope.ID, "what hope means here", a.ID)
	if _, err := p.UndoCodebook(0, a.ID); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "memo") {
		t.Errorf("undoing the add of a code with a memo: %v", err)
	}
	if _, err := p.Code(hope.ID); err != nil {
		t.Errorf("the refused undo removed the code: %v", err)
	}
}

// A replaced identifier leaves the memos too, and the memo journal entries
// that held it, so after the replacement it is nowhere in the project.
func TestReplaceTakesTheOriginalOutOfMemos(t *testing.T) {
	p, doc, a, _ := newProject(t)
	c, err := p.AddCase("Zoë Ünal", a.ID)
	if err != nil {
		t.Fatal(err)
	}
	m := memo(t, p, MemoDocument, doc, "Zoë Ünal was tired; ask zoë ünal's link worker.", a.ID)
	kept := memo(t, p, MemoProject, 0, "Zoëtrope is no name.", a.ID)
	if _, err := p.EditMemo(m.ID, "Zoë Ünal was tired.", a.ID); err != nil {
		t.Fatal(err)
	}
	sum, err := p.ReplaceEverywhere([]Replacement{{Place: PlaceCaseName, Case: c.ID, Start: 0, End: 8, With: "[Name 1]", Expect: "Zoë Ünal"}}, nil, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Memos != 1 {
		t.Errorf("summary = %+v, want one memo changed", sum)
	}
	if got, _ := p.Memo(m.ID); got.Text != "[Name 1] was tired." || got.UpdatedAt == "" {
		t.Errorf("memo after the replacement = %+v", got)
	}
	if got, _ := p.Memo(kept.ID); got.Text != kept.Text {
		t.Errorf("a memo without the name changed: %q", got.Text)
	}
	j, _ := p.Journal(0)
	for _, e := range j {
		if strings.Contains(strings.ToLower(e.Detail), "zoë") && !strings.Contains(e.Detail, "Zoëtrope") {
			t.Errorf("%s keeps the original: %s", e.Action, e.Detail)
		}
	}
}

// A segment's removal takes its memos and says so, in what it returns and in
// its journal entry; restoring the removal puts segment and memos back under
// their own ids, authors, texts and times, alone or in a batch, and the
// memos' journal still holds.
func TestRestoringARemovedSegmentBringsBackItsMemos(t *testing.T) {
	p, doc, a, b := newProject(t)
	pa := codeID(t, p, "Positive affect")
	seg := code(t, p, doc, pa, a.ID, 32, 50)
	mine := memo(t, p, MemoSegment, seg.ID, "mine", a.ID)
	theirs := memo(t, p, MemoSegment, seg.ID, "theirs", b.ID)
	edit, err := p.EditMemo(mine.ID, "mine, edited", a.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []Memo{edit.Memo, theirs}

	gone, err := p.RemoveSegment(seg.ID, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if gone.Segment != seg || !reflect.DeepEqual(gone.Memos, want) {
		t.Fatalf("removal returned %+v, want %+v with %+v", gone, seg, want)
	}
	j, _ := p.Journal(1)
	if j[0].Action != "segment.remove" || !strings.Contains(j[0].Detail, `"text":"theirs"`) || !strings.Contains(j[0].Detail, `"Coder":`) {
		t.Errorf("journal of the removal = %+v", j[0])
	}
	// a segment coded since takes no id the removal may want back
	if since := code(t, p, doc, pa, a.ID, 0, 5); since.ID == seg.ID {
		t.Fatalf("a new segment took the removed one's id %d", seg.ID)
	}
	back, err := p.RestoreSegment(gone, a.ID)
	if err != nil || back != seg {
		t.Fatalf("restored %+v, %v; want %+v", back, err, seg)
	}
	if got, _ := p.Memos(MemoFilter{Kind: MemoSegment}); !reflect.DeepEqual(got, want) {
		t.Fatalf("memos after the restore:\n%+v\nwant\n%+v", got, want)
	}
	if m, err := p.RevertMemo(edit.Change, a.ID); err != nil || m.Text != "mine" {
		t.Errorf("reverting the edit after the restore: %+v, %v", m, err)
	}

	// A batch: removed and restored together; a memo whose id was taken
	// meanwhile comes back under a new one rather than failing.
	other := code(t, p, doc, pa, b.ID, 39, 45)
	om := memo(t, p, MemoSegment, other.ID, "on Ben's", b.ID)
	removed, err := p.RemoveSegments([]int64{seg.ID}, a.ID)
	if err != nil || len(removed) != 1 || len(removed[0].Memos) != 2 {
		t.Fatalf("batch removal returned %+v, %v", removed, err)
	}
	if _, err := p.db.Exec(`UPDATE memos SET id = ? WHERE id = ?`, theirs.ID, om.ID); err != nil {
		t.Fatal(err)
	}
	segs, err := p.RestoreSegments(removed, a.ID)
	if err != nil || len(segs) != 1 || segs[0] != seg {
		t.Fatalf("batch restore: %+v, %v", segs, err)
	}
	got, _ := p.Memos(MemoFilter{Kind: MemoSegment, Target: seg.ID})
	if len(got) != 2 || got[0].ID != mine.ID || got[0].Text != "mine" || got[1].ID == theirs.ID || got[1].Text != "theirs" || got[1].Author != b.ID || got[1].CreatedAt != theirs.CreatedAt {
		t.Errorf("memos after the batch restore: %+v", got)
	}
}

// When the coder has coded the same span again since the removal, the
// restore keeps that segment and puts the memos on it, each journalled as a
// memo.add that RevertMemo can take back.
func TestRestoringOntoASegmentCodedAgainKeepsTheMemos(t *testing.T) {
	p, doc, a, b := newProject(t)
	pa := codeID(t, p, "Positive affect")
	seg := code(t, p, doc, pa, a.ID, 32, 50)
	m := memo(t, p, MemoSegment, seg.ID, "theirs", b.ID)
	gone, err := p.RemoveSegment(seg.ID, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	again := code(t, p, doc, pa, a.ID, 32, 50)
	back, err := p.RestoreSegment(gone, a.ID)
	if err != nil || back != again {
		t.Fatalf("restored %+v, %v; want the segment coded again, %+v", back, err, again)
	}
	got, _ := p.Memos(MemoFilter{Kind: MemoSegment})
	want := m
	want.Target = again.ID
	if len(got) != 1 || got[0] != want {
		t.Fatalf("memos %+v, want %+v", got, want)
	}
	j, _ := p.Journal(1)
	if j[0].Action != "memo.add" {
		t.Fatalf("journal %+v, want a memo.add", j[0])
	}
	if _, err := p.RevertMemo(j[0].ID, b.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Memos(MemoFilter{}); len(got) != 0 {
		t.Errorf("memos after reverting the restore's memo.add: %+v", got)
	}
}
