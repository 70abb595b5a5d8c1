package project

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"themis/store"
)

// historyFixture is the demo study as its lead, with two codable codes.
func historyFixture(t *testing.T) (p *store.Project, lead Viewer, doc int64, a, b store.Code) {
	t.Helper()
	p, err := CreateDemo(filepath.Join(t.TempDir(), "Demo study.themis"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	lead = leadViewer(t, p)
	docs, err := p.Documents()
	if err != nil {
		t.Fatal(err)
	}
	codes, err := p.Codes()
	if err != nil {
		t.Fatal(err)
	}
	var codable []store.Code
	for _, c := range codes {
		if c.Codable {
			codable = append(codable, c)
		}
	}
	return p, lead, docs[0].ID, codable[0], codable[1]
}

func TestHistoryUndoesAndRedoesCoding(t *testing.T) {
	p, lead, doc, a, _ := historyFixture(t)
	var h History
	first, err := h.Code(p, lead, doc, a.ID, 0, 5)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Code(p, lead, doc, a.ID, 0, 5); err != nil { // the same span again is no new step
		t.Fatal(err)
	}
	label := func(n int) string { return "coding 2 hits as " + a.Name }
	if _, _, err := h.CodeAll(p, lead, []store.NewSegment{{Document: doc, Code: a.ID, Start: 10, End: 12}, {Document: doc, Code: a.ID, Start: 20, End: 22}}, label); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Uncode(p, lead, first.ID); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		segs, err := p.Segments(store.SegmentFilter{Document: doc, Code: a.ID, Coder: lead.Coder.ID})
		if err != nil {
			t.Fatal(err)
		}
		return len(segs)
	}
	before := count()
	st, err := h.State(p, lead)
	if err != nil || !st.CanUndo || !strings.HasPrefix(st.Undo, "removing "+a.Name+" from “") || st.CanRedo {
		t.Fatalf("state %+v, %v", st, err)
	}
	r, err := h.Undo(p, lead) // brings first back under a new id
	if err != nil || r.Done != "Undid "+st.Undo || count() != before+1 {
		t.Fatalf("undo: %+v, %v, %d segments", r, err, count())
	}
	if r, err = h.Undo(p, lead); err != nil || r.Done != "Undid coding 2 hits as "+a.Name || count() != before-1 {
		t.Fatalf("undo batch: %+v, %v, %d segments", r, err, count())
	}
	if r, err = h.Undo(p, lead); err != nil || count() != before-2 { // removes first by its new id
		t.Fatalf("undo first: %+v, %v, %d segments", r, err, count())
	}
	if r, err = h.Undo(p, lead); err != nil || r.Done != "" || r.State.CanUndo {
		t.Fatalf("undo with nothing left: %+v, %v", r, err)
	}
	for range 3 {
		if _, err := h.Redo(p, lead); err != nil {
			t.Fatal(err)
		}
	}
	if count() != before {
		t.Fatalf("%d segments after three redos, want %d", count(), before)
	}
}

// Moving a segment's ends is one journalled step that Undo takes back and
// Redo repeats; nobody moves the ends of another coder's segment.
func TestHistoryResizesASegment(t *testing.T) {
	p, lead, doc, a, _ := historyFixture(t)
	var h History
	seg, err := h.Code(p, lead, doc, a.ID, 10, 20)
	if err != nil {
		t.Fatal(err)
	}
	ends := func() [][2]int {
		segs, err := p.Segments(store.SegmentFilter{Document: doc, Code: a.ID, Coder: lead.Coder.ID})
		if err != nil {
			t.Fatal(err)
		}
		var out [][2]int
		for _, s := range segs {
			if s.Start < 40 {
				out = append(out, [2]int{s.Start, s.End})
			}
		}
		return out
	}
	now, err := h.Resize(p, lead, seg.ID, 8, 25)
	if err != nil || now.Start != 8 || now.End != 25 || now.Code != a.ID {
		t.Fatalf("resize: %+v, %v", now, err)
	}
	if got := ends(); len(got) != 1 || got[0] != [2]int{8, 25} {
		t.Fatalf("after resize %v", got)
	}
	journal, err := p.Journal(2)
	if err != nil || journal[0].Action != "segment.add" || journal[1].Action != "segment.remove" {
		t.Fatalf("journal %+v, %v", journal, err)
	}
	st, _ := h.State(p, lead)
	if !strings.HasPrefix(st.Undo, "resizing "+a.Name+" to “") {
		t.Errorf("undo says %q", st.Undo)
	}
	if _, err := h.Undo(p, lead); err != nil {
		t.Fatal(err)
	}
	if got := ends(); len(got) != 1 || got[0] != [2]int{10, 20} {
		t.Fatalf("after undo %v", got)
	}
	if _, err := h.Redo(p, lead); err != nil {
		t.Fatal(err)
	}
	if got := ends(); len(got) != 1 || got[0] != [2]int{8, 25} {
		t.Fatalf("after redo %v", got)
	}
	// an empty span or another coder's segment is refused, and nothing changes
	segs, _ := p.Segments(store.SegmentFilter{Document: doc, Code: a.ID, Coder: lead.Coder.ID})
	if _, err := h.Resize(p, lead, segs[0].ID, 30, 30); err == nil {
		t.Error("an empty span was accepted")
	}
	others, err := p.Segments(store.SegmentFilter{Document: doc})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range others {
		if o.Coder != lead.Coder.ID {
			if _, err := h.Resize(p, lead, o.ID, o.Start, o.End+1); err == nil || !strings.Contains(err.Error(), "only their own") {
				t.Errorf("resizing another coder's segment: %v", err)
			}
			break
		}
	}
	if got := ends(); len(got) != 1 || got[0] != [2]int{8, 25} {
		t.Fatalf("after refusals %v", got)
	}
}

// The history keeps itself true: it forgets its steps after a change that
// may have recoded, deleted or moved what they name, and when someone else
// asks, without anyone clearing it; other changes leave it alone.
func TestHistoryForgetsWhatNoLongerHolds(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, p *store.Project, lead Viewer, a, b store.Code) Viewer
		keeps  bool
	}{
		{"a case added", func(t *testing.T, p *store.Project, lead Viewer, _, _ store.Code) Viewer {
			if _, err := p.AddCase("Newcomer", lead.Coder.ID); err != nil {
				t.Fatal(err)
			}
			return lead
		}, true},
		{"a code renamed", func(t *testing.T, p *store.Project, lead Viewer, a, _ store.Code) Viewer {
			if _, err := p.UpdateCode(a.ID, store.CodeFields{Name: a.Name + " (renamed)", Definition: a.Definition, Color: a.Color, Codable: true}, lead.Coder.ID); err != nil {
				t.Fatal(err)
			}
			return lead
		}, true},
		{"codes merged", func(t *testing.T, p *store.Project, lead Viewer, a, b store.Code) Viewer {
			if _, err := p.MergeCodes(a.ID, b.ID, lead.Coder.ID); err != nil {
				t.Fatal(err)
			}
			return lead
		}, false},
		{"a code deleted", func(t *testing.T, p *store.Project, lead Viewer, a, _ store.Code) Viewer {
			if _, err := p.DeleteCode(a.ID, lead.Coder.ID); err != nil {
				t.Fatal(err)
			}
			return lead
		}, false},
		{"a codebook change undone", func(t *testing.T, p *store.Project, lead Viewer, a, _ store.Code) Viewer {
			if _, err := p.UpdateCode(a.ID, store.CodeFields{Name: a.Name + " (renamed)", Definition: a.Definition, Color: a.Color, Codable: true}, lead.Coder.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := p.UndoCodebook(a.Framework, lead.Coder.ID); err != nil {
				t.Fatal(err)
			}
			return lead
		}, false},
		{"another coder asking", func(t *testing.T, p *store.Project, _ Viewer, _, _ store.Code) Viewer {
			ben, err := p.CoderByName(DemoSecondCoder)
			if err != nil {
				t.Fatal(err)
			}
			v, err := ViewerFor(p, ben.ID)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, lead, doc, a, b := historyFixture(t)
			var h History
			if _, err := h.Code(p, lead, doc, a.ID, 0, 5); err != nil {
				t.Fatal(err)
			}
			asker := tt.change(t, p, lead, a, b)
			st, err := h.State(p, asker)
			if err != nil {
				t.Fatal(err)
			}
			if st.CanUndo != tt.keeps {
				t.Fatalf("after %s: can undo %v, want %v", tt.name, st.CanUndo, tt.keeps)
			}
			r, err := h.Undo(p, asker)
			if err != nil || (r.Done != "") != tt.keeps {
				t.Fatalf("undo after %s: %+v, %v", tt.name, r, err)
			}
		})
	}
}

// A resize takes the star on the old span with it, dropping the cuts that
// fall outside the new span; undoing the resize puts the star back exactly,
// cuts included, and an exemplar it collapsed onto another comes back under
// its own id.
func TestHistoryResizeTakesTheStarAndUndoPutsItBack(t *testing.T) {
	for _, collapse := range []bool{false, true} {
		p, lead, doc, a, _ := historyFixture(t)
		var h History
		to := [2]int{12, 25}
		var other store.Exemplar
		if collapse {
			// a star left on 30–40 after its segment was removed
			to = [2]int{30, 40}
			s, err := h.Code(p, lead, doc, a.ID, 30, 40)
			if err != nil {
				t.Fatal(err)
			}
			if other, err = p.StarSegment(s.ID, lead.Coder.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := p.RemoveSegment(s.ID, lead.Coder.ID); err != nil {
				t.Fatal(err)
			}
		}
		seg, err := h.Code(p, lead, doc, a.ID, 10, 20)
		if err != nil {
			t.Fatal(err)
		}
		e, err := p.StarSegment(seg.ID, lead.Coder.ID)
		if err != nil {
			t.Fatal(err)
		}
		if e, err = p.TrimExemplar(e.ID, [][2]int{{11, 13}, {17, 19}}, lead.Coder.ID); err != nil {
			t.Fatal(err)
		}
		stars := func() []store.Exemplar {
			all, err := p.Exemplars(a.ID)
			if err != nil {
				t.Fatal(err)
			}
			var out []store.Exemplar
			for _, x := range all {
				if x.Document == doc {
					out = append(out, x)
				}
			}
			return out
		}
		moved := []store.Exemplar{e}
		moved[0].Start, moved[0].End, moved[0].Cuts = 12, 25, [][2]int{{17, 19}}
		if collapse {
			moved = []store.Exemplar{other}
		}
		before := stars()
		if _, err := h.Resize(p, lead, seg.ID, to[0], to[1]); err != nil {
			t.Fatal(err)
		}
		for i, step := range []struct {
			do   func(*store.Project, Viewer) (StepResult, error)
			want []store.Exemplar
		}{{nil, moved}, {h.Undo, before}, {h.Redo, moved}, {h.Undo, before}} {
			if step.do != nil {
				if _, err := step.do(p, lead); err != nil {
					t.Fatal(err)
				}
			}
			if got := stars(); !reflect.DeepEqual(got, step.want) {
				t.Fatalf("collapse %v, step %d: stars\n%+v\nwant\n%+v", collapse, i, got, step.want)
			}
		}
	}
}

// A star trimmed again after the resize is no longer as the resize left it:
// undoing the resize moves it back by the usual rule, keeping the newer
// trim where it still fits, instead of restoring stale cuts.
func TestHistoryResizeUndoKeepsALaterTrim(t *testing.T) {
	p, lead, doc, a, _ := historyFixture(t)
	var h History
	seg, err := h.Code(p, lead, doc, a.ID, 10, 20)
	if err != nil {
		t.Fatal(err)
	}
	e, err := p.StarSegment(seg.ID, lead.Coder.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.TrimExemplar(e.ID, [][2]int{{11, 13}}, lead.Coder.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Resize(p, lead, seg.ID, 10, 25); err != nil {
		t.Fatal(err)
	}
	if _, err := p.TrimExemplar(e.ID, [][2]int{{11, 13}, {15, 17}, {21, 23}}, lead.Coder.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Undo(p, lead); err != nil {
		t.Fatal(err)
	}
	got, err := p.Exemplar(e.ID)
	if err != nil || got.Start != 10 || got.End != 20 || !reflect.DeepEqual(got.Cuts, [][2]int{{11, 13}, {15, 17}}) {
		t.Fatalf("after undo %+v, %v; want 10–20 cut at 11–13 and 15–17", got, err)
	}
}

// Undoing the removal of a segment brings back the memos that went with it,
// under their own ids and authors, and redoing the removal takes them again;
// the same for a batch step. The memo journal still holds afterwards.
func TestHistoryUndoBringsBackSegmentMemos(t *testing.T) {
	p, lead, doc, a, _ := historyFixture(t)
	other, err := p.AddCoder("Memo writer", 0)
	if err != nil {
		t.Fatal(err)
	}
	var h History
	seg, err := h.Code(p, lead, doc, a.ID, 0, 5)
	if err != nil {
		t.Fatal(err)
	}
	mine, err := p.AddMemo(store.MemoSegment, seg.ID, "why *this* passage", lead.Coder.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := p.AddMemo(store.MemoSegment, seg.ID, "a question for the lead", other.ID)
	if err != nil {
		t.Fatal(err)
	}
	edit, err := p.EditMemo(mine.ID, "why *this* passage, and not the next", lead.Coder.ID)
	if err != nil {
		t.Fatal(err)
	}
	onSeg := func() []store.Memo {
		t.Helper()
		got, err := p.Memos(store.MemoFilter{Kind: store.MemoSegment})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	want := []store.Memo{edit.Memo, theirs}
	if _, err := h.Uncode(p, lead, seg.ID); err != nil {
		t.Fatal(err)
	}
	if got := onSeg(); len(got) != 0 {
		t.Fatalf("memos after the removal: %+v", got)
	}
	if _, err := h.Undo(p, lead); err != nil {
		t.Fatal(err)
	}
	if got := onSeg(); !reflect.DeepEqual(got, want) {
		t.Fatalf("memos after undoing the removal:\n%+v\nwant\n%+v", got, want)
	}
	// the memo journal still holds: the edit can be taken back
	if back, err := p.RevertMemo(edit.Change, lead.Coder.ID); err != nil || back.Text != "why *this* passage" {
		t.Fatalf("reverting the edit after the undo: %+v, %v", back, err)
	}
	want[0] = mine
	if _, err := h.Redo(p, lead); err != nil {
		t.Fatal(err)
	}
	if got := onSeg(); len(got) != 0 {
		t.Fatalf("memos after redoing the removal: %+v", got)
	}
	if _, err := h.Undo(p, lead); err != nil {
		t.Fatal(err)
	}
	if got := onSeg(); !reflect.DeepEqual(got, want) {
		t.Fatalf("memos after undoing the removal again:\n%+v\nwant\n%+v", got, want)
	}

	// A batch: every hit coded at once, memos on two of them; undoing the
	// coding removes them with their memos, redoing it brings all back.
	label := func(n int) string { return "coding hits as " + a.Name }
	segs, _, err := h.CodeAll(p, lead, []store.NewSegment{{Document: doc, Code: a.ID, Start: 10, End: 12}, {Document: doc, Code: a.ID, Start: 20, End: 22}}, label)
	if err != nil {
		t.Fatal(err)
	}
	m1, err := p.AddMemo(store.MemoSegment, segs[0].ID, "first hit", other.ID)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := p.AddMemo(store.MemoSegment, segs[1].ID, "second hit", lead.Coder.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Undo(p, lead); err != nil {
		t.Fatal(err)
	}
	if got := onSeg(); !reflect.DeepEqual(got, want) {
		t.Fatalf("memos after undoing the batch:\n%+v\nwant\n%+v", got, want)
	}
	if _, err := h.Redo(p, lead); err != nil {
		t.Fatal(err)
	}
	if got := onSeg(); !reflect.DeepEqual(got, append(want, m1, m2)) {
		t.Fatalf("memos after redoing the batch:\n%+v\nwant\n%+v", got, append(want, m1, m2))
	}
}

// Moving a segment's ends keeps its memos: they follow it to its new
// extent, and back when the resize is undone.
func TestHistoryResizeKeepsSegmentMemos(t *testing.T) {
	p, lead, doc, a, _ := historyFixture(t)
	var h History
	seg, err := h.Code(p, lead, doc, a.ID, 10, 20)
	if err != nil {
		t.Fatal(err)
	}
	m, err := p.AddMemo(store.MemoSegment, seg.ID, "keep me", lead.Coder.ID)
	if err != nil {
		t.Fatal(err)
	}
	on := func(segment int64) []store.Memo {
		t.Helper()
		got, err := p.Memos(store.MemoFilter{Kind: store.MemoSegment, Target: segment})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	now, err := h.Resize(p, lead, seg.ID, 8, 25)
	if err != nil {
		t.Fatal(err)
	}
	if got := on(now.ID); len(got) != 1 || got[0].ID != m.ID || got[0].Text != m.Text || got[0].Author != m.Author || got[0].CreatedAt != m.CreatedAt {
		t.Fatalf("memos on the resized segment: %+v, want %+v moved", got, m)
	}
	if _, err := h.Undo(p, lead); err != nil {
		t.Fatal(err)
	}
	all, err := p.Memos(store.MemoFilter{Kind: store.MemoSegment})
	if err != nil || len(all) != 1 || all[0].ID != m.ID {
		t.Fatalf("memos after undoing the resize: %+v, %v", all, err)
	}
	segs, _ := p.Segments(store.SegmentFilter{Document: doc, Code: a.ID, Coder: lead.Coder.ID})
	for _, s := range segs {
		if s.ID == all[0].Target && (s.Start != 10 || s.End != 20) {
			t.Errorf("the memo is on %+v, want the segment back at 10–20", s)
		}
	}
}

// Moving a segment's ends twice and undoing both walks it back through each
// extent, and redoing walks it forward again: a resize makes a new row, and
// the steps before it must follow that row.
func TestHistoryUndoesSuccessiveResizes(t *testing.T) {
	p, lead, doc, a, _ := historyFixture(t)
	var h History
	seg, err := h.Code(p, lead, doc, a.ID, 10, 20)
	if err != nil {
		t.Fatal(err)
	}
	// another segment coded after it, so the resized one is not the newest row
	if _, err := h.Code(p, lead, doc, a.ID, 40, 50); err != nil {
		t.Fatal(err)
	}
	s1, err := h.Resize(p, lead, seg.ID, 10, 22)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Resize(p, lead, s1.ID, 10, 24); err != nil {
		t.Fatal(err)
	}
	extents := func() [][2]int {
		t.Helper()
		segs, err := p.Segments(store.SegmentFilter{Document: doc, Code: a.ID, Coder: lead.Coder.ID})
		if err != nil {
			t.Fatal(err)
		}
		var out [][2]int
		for _, s := range segs {
			if s.Start < 30 {
				out = append(out, [2]int{s.Start, s.End})
			}
		}
		return out
	}
	walk := [][][2]int{{{10, 24}}, {{10, 22}}, {{10, 20}}}
	for i := 1; i < len(walk); i++ {
		if _, err := h.Undo(p, lead); err != nil {
			t.Fatalf("undo %d: %v", i, err)
		}
		if got := extents(); !reflect.DeepEqual(got, walk[i]) {
			t.Fatalf("after undo %d: %v, want %v", i, got, walk[i])
		}
	}
	for i := len(walk) - 2; i >= 0; i-- {
		if _, err := h.Redo(p, lead); err != nil {
			t.Fatalf("redo to %v: %v", walk[i], err)
		}
		if got := extents(); !reflect.DeepEqual(got, walk[i]) {
			t.Fatalf("after redo: %v, want %v", got, walk[i])
		}
	}
}
