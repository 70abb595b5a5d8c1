package coding

import (
	"math/rand"
	"reflect"
	"testing"
)

// turnFixture is one long interview of 40 turns and two codes, as a study
// with a single document would have it.
func turnFixture(r *rand.Rand) (DocumentLength, []Segment, []Span) {
	doc := DocumentLength{ID: 1, Length: 8000}
	var units []Span
	for t := 0; t < 40; t++ {
		doc.Turns = append(doc.Turns, t*200)
		units = append(units, Span{t*200 + 10, t*200 + 200}) // the label is not part of the unit
	}
	var segs []Segment
	for i := 0; i < 60; i++ {
		s := r.Intn(7800)
		code := int64(1 + r.Intn(2))
		segs = append(segs, Segment{Document: 1, Code: code, Coder: 1, Start: s, End: s + 30 + r.Intn(300)})
		if r.Intn(4) > 0 {
			segs = append(segs, Segment{Document: 1, Code: code, Coder: 2, Start: s + r.Intn(30), End: s + 40 + r.Intn(300)})
		}
	}
	return doc, segs, units
}

func TestTurnTablesSumToTheDocumentTables(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	codes := []Code{{ID: 1, Name: "x"}, {ID: 2, Name: "y"}}
	for trial := 0; trial < 30; trial++ {
		doc, segs, units := turnFixture(r)
		// Unsorted, duplicated and out-of-range starts are tolerated.
		doc.Turns = append(doc.Turns, 9999, 400, 0)
		rand.New(rand.NewSource(int64(trial))).Shuffle(len(doc.Turns), func(i, j int) { doc.Turns[i], doc.Turns[j] = doc.Turns[j], doc.Turns[i] })
		reports := map[string]Report{
			"character": CharacterAgreement([]DocumentLength{doc}, codes, 1, 2, "A", "B", segs),
			"turn":      UnitAgreement([]DocumentUnits{{ID: 1, Length: doc.Length, Units: units, Turns: doc.Turns}}, codes, 1, 2, "A", "B", segs, "turn", 0.5),
		}
		for name, rep := range reports {
			if len(rep.perTurn) != 2 || len(rep.perTurn[0]) != 40 {
				t.Fatalf("%s: %d codes × %d turns of tables", name, len(rep.perTurn), len(rep.perTurn[0]))
			}
			for i, row := range rep.PerCode {
				var sum Counts
				for _, c := range rep.perTurn[i] {
					sum = sum.Add(c)
				}
				if sum != row.Counts {
					t.Fatalf("%s, code %s: turns sum to %+v, the document has %+v", name, row.Label, sum, row.Counts)
				}
			}
		}
	}
}

func TestBootstrapTurnsGivesIntervalsForOneDocument(t *testing.T) {
	doc, segs, _ := turnFixture(rand.New(rand.NewSource(9)))
	codes := []Code{{ID: 1, Name: "x", Factor: 3, FactorName: "f"}, {ID: 2, Name: "y", Factor: 3, FactorName: "f"}}
	rep := CharacterAgreement([]DocumentLength{doc}, codes, 1, 2, "A", "B", segs)
	if b := rep.Bootstrap(300, 1); b.Overall.CI.Kappa != nil {
		t.Error("one document gave a document-resampled interval")
	}
	a, ok := rep.BootstrapTurns(300, 1)
	if !ok || a.Resampling != ResampleTurns || a.Resamples != 300 {
		t.Fatalf("BootstrapTurns: ok %v, %q", ok, a.Resampling)
	}
	ci := a.Overall.CI.Kappa
	if ci == nil || ci[0] > *a.Overall.Kappa || ci[1] < *a.Overall.Kappa || ci[0] == ci[1] {
		t.Errorf("overall κ %.3f, interval %v", *a.Overall.Kappa, ci)
	}
	again, _ := rep.BootstrapTurns(300, 1)
	if !reflect.DeepEqual(a.Overall, again.Overall) {
		t.Error("the same seed gave another interval")
	}
	// Without turns, or for units that do not split into turns, there is nothing to resample.
	doc.Turns = nil
	if _, ok := CharacterAgreement([]DocumentLength{doc}, codes, 1, 2, "A", "B", segs).BootstrapTurns(10, 1); ok {
		t.Error("resampled turns of a document without turns")
	}
	doc.Turns = []int{0, 100}
	if _, ok := SegmentAgreement([]DocumentLength{doc}, codes, 1, 2, "A", "B", segs, 0.9).BootstrapTurns(10, 1); ok {
		t.Error("resampled turns of segment match")
	}
}
