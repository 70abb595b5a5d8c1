package coding

import (
	"math/rand"
	"testing"
)

// Turn-level agreement worked by hand: a document of four turns,
// [0,10) [10,20) [20,30) [30,40).
func TestUnitAgreementCountsEachUnitOnce(t *testing.T) {
	docs := []DocumentUnits{{ID: 1, Length: 40, Units: []Span{{0, 10}, {10, 20}, {20, 30}, {30, 40}}}}
	codes := []Code{{ID: 7, Name: "Autonomy"}}
	segs := []Segment{
		{1, 7, 1, 2, 4},   // A: 2 characters of turn 1
		{1, 7, 1, 5, 15},  // A: half of turn 1, half of turn 2
		{1, 7, 2, 0, 10},  // B: all of turn 1
		{1, 7, 2, 30, 31}, // B: one character of turn 4
	}
	tests := []struct {
		minShare float64
		want     Counts
	}{
		// any overlap: A has turns 1 and 2; B has turns 1 and 4.
		{0, Counts{Both: 1, OnlyA: 1, OnlyB: 1, Neither: 1}},
		// half: A covers 7/10 of turn 1 and 5/10 of turn 2; B all of turn 1, 1/10 of turn 4.
		{0.5, Counts{Both: 1, OnlyA: 1, OnlyB: 0, Neither: 2}},
		// 80 %: A covers neither turn enough; B turn 1.
		{0.8, Counts{Both: 0, OnlyA: 0, OnlyB: 1, Neither: 3}},
	}
	for _, tt := range tests {
		rep := UnitAgreement(docs, codes, 1, 2, "Aisha", "Ben", segs, "turn", tt.minShare)
		if got := rep.PerCode[0].Counts; got != tt.want {
			t.Errorf("minShare %v: counts %+v, want %+v", tt.minShare, got, tt.want)
		}
		if rep.Unit != "turn" || rep.MinShare != tt.minShare {
			t.Errorf("report does not record its inputs: unit %q, minShare %v", rep.Unit, rep.MinShare)
		}
	}
	// With 80 %, only B coded any turn: the note names the unit's coder.
	rep := UnitAgreement(docs, codes, 1, 2, "Aisha", "Ben", segs, "turn", 0.8)
	if rep.PerCode[0].Note != "κ = 0: only coder B (Ben) used it" {
		t.Errorf("note = %q", rep.PerCode[0].Note)
	}
}

func TestDocumentPresence(t *testing.T) {
	docs := []DocumentUnits{{ID: 1, Length: 100, Units: []Span{{0, 100}}}, {ID: 2, Length: 50, Units: []Span{{0, 50}}}}
	codes := []Code{{ID: 7, Name: "Autonomy"}}
	segs := []Segment{{1, 7, 1, 3, 4}, {1, 7, 2, 90, 99}, {2, 7, 1, 0, 1}}
	rep := UnitAgreement(docs, codes, 1, 2, "", "", segs, "document", 0)
	if got := rep.PerCode[0].Counts; got != (Counts{Both: 1, OnlyA: 1}) {
		t.Errorf("counts %+v, want both 1, only A 1", got)
	}
	// By hand: p_o = 1/2; A said yes to both documents, B to one, so
	// p_e = 1·½ + 0·½ = ½ and κ = 0 — both coders used the code, so it is an
	// ordinary (defined) zero.
	if k := rep.PerCode[0].Kappa; k == nil || *k != 0 || rep.PerCode[0].Status != Defined {
		t.Errorf("kappa %v, status %s", k, rep.PerCode[0].Status)
	}
}

// Independent check: with every character its own unit, UnitAgreement must
// give CharacterAgreement's tables exactly.
func TestUnitAgreementWithCharacterUnitsMatchesCharacterAgreement(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for trial := 0; trial < 200; trial++ {
		n := 1 + r.Intn(60)
		units := make([]Span, n)
		for i := range units {
			units[i] = Span{i, i + 1}
		}
		codes := []Code{{ID: 1, Name: "x", Factor: 9, FactorName: "f"}, {ID: 2, Name: "y", Factor: 9, FactorName: "f"}}
		var segs []Segment
		for i := 0; i < r.Intn(8); i++ {
			s := r.Intn(n)
			segs = append(segs, Segment{1, int64(1 + r.Intn(2)), int64(1 + r.Intn(2)), s, s + 1 + r.Intn(n-s)})
		}
		want := CharacterAgreement([]DocumentLength{{ID: 1, Length: n}}, codes, 1, 2, "A", "B", segs)
		got := UnitAgreement([]DocumentUnits{{ID: 1, Length: n, Units: units}}, codes, 1, 2, "A", "B", segs, UnitCharacter, 0)
		for i := range want.PerCode {
			if want.PerCode[i].Counts != got.PerCode[i].Counts || want.PerCode[i].Note != got.PerCode[i].Note {
				t.Fatalf("trial %d code %d: units %+v, characters %+v", trial, i, got.PerCode[i], want.PerCode[i])
			}
		}
		if want.Overall.Counts != got.Overall.Counts {
			t.Fatalf("trial %d: overall differs", trial)
		}
	}
}

func TestUnitsAreNotMergedAndAreClipped(t *testing.T) {
	got := clipUnits([]Span{{10, 20}, {0, 10}, {15, 15}, {35, 50}}, 40)
	want := []Span{{0, 10}, {10, 20}, {35, 40}}
	if len(got) != len(want) {
		t.Fatalf("clipUnits = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("clipUnits = %v, want %v", got, want)
		}
	}
}
