package store

import (
	"errors"
	"strings"
	"testing"
)

func TestConsensusLayerIsWrittenOnlyByDecisions(t *testing.T) {
	p, doc, a, b := newProject(t)
	calm := codeID(t, p, "Positive affect")
	if _, err := p.ConsensusLayer(a.ID, b.ID, false); !errors.Is(err, ErrNotFound) {
		t.Fatalf("ConsensusLayer before adjudication: %v, want not found", err)
	}
	c, err := p.ConsensusLayer(b.ID, a.ID, true)
	if err != nil || c.Name != "Consensus" || c.Kind != KindConsensus {
		t.Fatalf("ConsensusLayer = %+v, %v", c, err)
	}
	if again, _ := p.ConsensusLayer(a.ID, b.ID, true); again.ID != c.ID {
		t.Errorf("the pair in the other order made a second layer %d", again.ID)
	}
	if x, y, _ := p.ConsensusOf(c.ID); x != min(a.ID, b.ID) || y != max(a.ID, b.ID) {
		t.Errorf("ConsensusOf = %d, %d", x, y)
	}
	if _, err := p.ConsensusLayer(a.ID, c.ID, true); !errors.Is(err, ErrInvalid) {
		t.Errorf("a consensus of a consensus: %v", err)
	}
	if _, err := p.AddSegment(NewSegment{Document: doc, Code: calm, Coder: c.ID, Start: 0, End: 5}, a.ID); err == nil || !strings.Contains(err.Error(), "adjudicating") {
		t.Errorf("coding straight into the consensus: %v", err)
	}

	d, err := p.Decide(Decision{Consensus: c.ID, Document: doc, Item: "x1", Kind: "boundary", Action: "adjust",
		Rationale: " both began mid-sentence ", DecidedBy: a.ID, Segments: []ConsensusSegment{{calm, 0, 10}, {calm, 20, 30}}})
	if err != nil || d.Rationale != "both began mid-sentence" {
		t.Fatalf("Decide = %+v, %v", d, err)
	}
	agreed, err := p.RecordAgreed(c.ID, []Decision{
		{Document: doc, Item: "x1", Segments: []ConsensusSegment{{calm, 0, 30}}}, // already decided: skipped
		{Document: doc, Item: "agree-2", Kind: "agreed", Segments: []ConsensusSegment{{calm, 32, 40}}},
	})
	if err != nil || agreed != 1 {
		t.Fatalf("RecordAgreed = %d, %v", agreed, err)
	}
	segs, _ := p.Segments(SegmentFilter{Coder: c.ID})
	if len(segs) != 3 {
		t.Fatalf("consensus has %d segments, want 3", len(segs))
	}
	if _, err := p.RemoveSegment(segs[0].ID, c.ID); err == nil {
		t.Errorf("a consensus segment was removed by hand")
	}
	// Deciding again replaces the decision and its segments.
	if _, err := p.Decide(Decision{Consensus: c.ID, Document: doc, Item: "x1", Kind: "boundary", Action: "accept-a", DecidedBy: b.ID,
		Segments: []ConsensusSegment{{calm, 0, 12}}}); err != nil {
		t.Fatal(err)
	}
	ds, err := p.Decisions(c.ID)
	if err != nil || len(ds) != 2 {
		t.Fatalf("Decisions = %+v, %v", ds, err)
	}
	if ds[1].Item != "x1" || ds[1].Action != "accept-a" || ds[1].DecidedBy != b.ID || len(ds[1].Segments) != 1 || ds[1].Segments[0] != (ConsensusSegment{calm, 0, 12}) {
		t.Errorf("redecided: %+v", ds[1])
	}
	if ds[0].Action != "agreed" || ds[0].DecidedBy != 0 {
		t.Errorf("agreed passage: %+v", ds[0])
	}
	if err := p.Reopen(c.ID, "x1", a.ID); err != nil {
		t.Fatal(err)
	}
	if segs, _ := p.Segments(SegmentFilter{Coder: c.ID}); len(segs) != 1 || segs[0].Start != 32 {
		t.Errorf("after reopening, the consensus holds %+v", segs)
	}
	if err := p.Reopen(c.ID, "x1", a.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("reopening twice: %v", err)
	}
	// The coders' own layers were never touched, and every step is journalled.
	for _, coder := range []Coder{a, b} {
		if segs, _ := p.Segments(SegmentFilter{Coder: coder.ID}); len(segs) != 0 {
			t.Errorf("%s's layer changed: %+v", coder.Name, segs)
		}
	}
	j, _ := p.Journal(0)
	var actions []string
	for _, e := range j {
		actions = append(actions, e.Action)
	}
	got := strings.Join(actions, " ")
	for _, want := range []string{"consensus.create", "adjudication.decide", "consensus.agreed", "adjudication.reopen"} {
		if !strings.Contains(got, want) {
			t.Errorf("journal lacks %s: %s", want, got)
		}
	}
}

func TestDecideRefusesBadDecisions(t *testing.T) {
	p, doc, a, b := newProject(t)
	calm := codeID(t, p, "Positive affect")
	c, _ := p.ConsensusLayer(a.ID, b.ID, true)
	tests := []struct {
		name string
		d    Decision
		want string
	}{
		{"no item", Decision{Consensus: c.ID, Document: doc, Action: "neither"}, "needs an item"},
		{"not a consensus", Decision{Consensus: a.ID, Document: doc, Item: "i", Action: "neither"}, "not a consensus"},
		{"outside the document", Decision{Consensus: c.ID, Document: doc, Item: "i", Action: "adjust", Segments: []ConsensusSegment{{calm, 0, 9999}}}, "outside"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := p.Decide(tt.d); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Decide: %v, want %q", err, tt.want)
			}
			if ds, _ := p.Decisions(c.ID); len(ds) != 0 {
				t.Errorf("a refused decision was kept: %+v", ds)
			}
		})
	}
}
