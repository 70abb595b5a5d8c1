package store

import (
	"errors"
	"testing"
)

func TestAddAndRemoveSegmentsAreAllOrNothing(t *testing.T) {
	p, doc, lead, other := newProject(t)
	code := codeID(t, p, "Positive affect")
	before, _ := p.Journal(0)

	// One bad span: nothing is added.
	_, _, err := p.AddSegments([]NewSegment{
		{Document: doc, Code: code, Coder: lead.ID, Start: 0, End: 3},
		{Document: doc, Code: code, Coder: lead.ID, Start: 5, End: 100000},
	}, lead.ID)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	if segs, _ := p.Segments(SegmentFilter{}); len(segs) != 0 {
		t.Fatalf("%d segments after a failed batch, want 0", len(segs))
	}

	existing, err := p.AddSegment(NewSegment{Document: doc, Code: code, Coder: lead.ID, Start: 0, End: 3}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	segs, created, err := p.AddSegments([]NewSegment{
		{Document: doc, Code: code, Coder: lead.ID, Start: 0, End: 3},
		{Document: doc, Code: code, Coder: lead.ID, Start: 5, End: 9},
	}, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if segs[0].ID != existing.ID || created[0] || !created[1] {
		t.Errorf("segments %+v created %v: want the existing one back and one new", segs, created)
	}
	after, _ := p.Journal(0)
	if len(after)-len(before) != 2 {
		t.Errorf("%d journal entries, want 2 (one per new segment)", len(after)-len(before))
	}

	// Another coder's segment among them: none is removed.
	theirs, err := p.AddSegment(NewSegment{Document: doc, Code: code, Coder: other.ID, Start: 5, End: 9}, other.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.RemoveSegments([]int64{segs[1].ID, theirs.ID}, lead.ID); !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	if all, _ := p.Segments(SegmentFilter{}); len(all) != 3 {
		t.Fatalf("%d segments after a refused removal, want 3", len(all))
	}
	removed, err := p.RemoveSegments([]int64{segs[0].ID, segs[1].ID}, lead.ID)
	if err != nil || len(removed) != 2 {
		t.Fatalf("removed %v, %v", removed, err)
	}
	if all, _ := p.Segments(SegmentFilter{}); len(all) != 1 || all[0].ID != theirs.ID {
		t.Errorf("left %+v, want only the other coder's", all)
	}
}
