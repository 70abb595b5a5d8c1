package coding

import (
	"math"
	"testing"
)

func TestMatchStretches(t *testing.T) {
	tests := []struct {
		name      string
		a, b      []Span
		threshold float64
		want      Counts
	}{
		{"identical", []Span{{0, 10}}, []Span{{0, 10}}, 0.9, Counts{Both: 2}},
		// B covers 9 of A's 10 characters (90 %), A covers all of B's 9.
		{"shifted by one at 90 %", []Span{{0, 10}}, []Span{{1, 10}}, 0.9, Counts{Both: 2}},
		// B covers 8 of A's 10: below 90 % for A's stretch, while B's 8 are all covered.
		{"shifted by two at 90 %", []Span{{0, 10}}, []Span{{2, 10}}, 0.9, Counts{Both: 1, OnlyA: 1}},
		{"any overlap", []Span{{0, 10}}, []Span{{9, 30}}, 0, Counts{Both: 2}},
		{"apart", []Span{{0, 10}}, []Span{{20, 30}}, 0, Counts{OnlyA: 1, OnlyB: 1}},
		{"only A", []Span{{0, 10}, {20, 25}}, nil, 0.9, Counts{OnlyA: 2}},
		// One long stretch of A against two short ones of B: each of B's is
		// covered, but B covers only 10 of A's 30.
		{"one against two", []Span{{0, 30}}, []Span{{0, 5}, {20, 25}}, 0.9, Counts{Both: 2, OnlyA: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MatchStretches(tt.a, tt.b, tt.threshold); got != tt.want {
				t.Errorf("MatchStretches = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSegmentAgreement(t *testing.T) {
	docs := []DocumentLength{{ID: 1, Length: 1000}, {ID: 2, Length: 1000}}
	codes := []Code{{ID: 1, Name: "X", Factor: 9, FactorName: "F"}, {ID: 2, Name: "Y", Factor: 9, FactorName: "F"}, {ID: 3, Name: "Z"}}
	segs := []Segment{
		// X: two agreed stretches, the second coded by A as two overlapping segments.
		{Document: 1, Code: 1, Coder: alice, Start: 0, End: 100},
		{Document: 1, Code: 1, Coder: bob, Start: 0, End: 100},
		{Document: 2, Code: 1, Coder: alice, Start: 10, End: 60},
		{Document: 2, Code: 1, Coder: alice, Start: 50, End: 110},
		{Document: 2, Code: 1, Coder: bob, Start: 12, End: 110},
		// Y: A alone once, and one pair too far apart in extent.
		{Document: 1, Code: 2, Coder: alice, Start: 200, End: 300},
		{Document: 1, Code: 2, Coder: alice, Start: 400, End: 500},
		{Document: 1, Code: 2, Coder: bob, Start: 400, End: 450},
	}
	rep := SegmentAgreement(docs, codes, alice, bob, "Alice", "Bob", segs, DefaultSegmentThreshold)
	if rep.Unit != UnitSegment || rep.MinShare != 0.9 {
		t.Fatalf("inputs not recorded: unit %q share %v", rep.Unit, rep.MinShare)
	}
	x, y, z := rep.PerCode[0], rep.PerCode[1], rep.PerCode[2]
	if x.Counts != (Counts{Both: 4}) || x.Agreement != 1 {
		t.Errorf("X: %+v agreement %v, want 4 agreed stretches and 100 %%", x.Counts, x.Agreement)
	}
	// Y: A's 200–300 unmatched, A's 400–500 half covered, B's 400–450 covered.
	if y.Counts != (Counts{Both: 1, OnlyA: 2}) || math.Abs(y.Agreement-1.0/3) > 1e-15 {
		t.Errorf("Y: %+v agreement %v", y.Counts, y.Agreement)
	}
	for _, r := range []Result{x, y} {
		if r.Kappa != nil || r.ScottPi != nil || r.KrippendorffAlpha != nil || r.GwetAC1 != nil || r.BrennanPrediger != nil || r.Note == "" {
			t.Errorf("%s: chance-corrected coefficients should be undefined with a note, got %+v", r.Label, r)
		}
	}
	if z.Counts.Units() != 0 || z.Kappa != nil || z.Note != "undefined: neither coder used this code" {
		t.Errorf("Z: %+v", z)
	}
	// Overall: 5 of 7 stretches agreed over q = 3 codes: κ = (5/7 − 1/3)/(2/3) = 4/7.
	o := rep.Overall
	if o.Counts != (Counts{Both: 5, OnlyA: 2}) || o.Kappa == nil || math.Abs(*o.Kappa-4.0/7) > 1e-15 || *o.BrennanPrediger != *o.Kappa {
		t.Errorf("overall: %+v κ %v", o.Counts, o.Kappa)
	}
	// Factor F pools X and Y: q = 2, κ = (5/7 − 1/2)/(1/2) = 3/7.
	if f := rep.PerFactor[0]; f.Kappa == nil || math.Abs(*f.Kappa-3.0/7) > 1e-15 {
		t.Errorf("factor: κ %v, want 3/7", f.Kappa)
	}
	// Documents resample like any other report.
	b := rep.Bootstrap(200, 1)
	if b.Overall.CI.Kappa == nil {
		t.Errorf("no interval for the overall κ")
	}
	if per := rep.PerDocument(1); len(per) != 2 || per[1].Counts != (Counts{Both: 2}) {
		t.Errorf("X per document: %+v", per)
	}
}
