package coding

import "testing"

func TestPerDocumentPoolsWithinEachDocument(t *testing.T) {
	docs := []DocumentLength{{ID: 10, Length: 1000}, {ID: 20, Length: 1000}}
	codes := []Code{{ID: 1, Name: "x", Factor: 9, FactorName: "f"}, {ID: 2, Name: "y", Factor: 9, FactorName: "f"}}
	segs := []Segment{
		{10, 1, 1, 0, 150}, {10, 1, 2, 100, 200}, // document 10: NVivo's example for code x
		{20, 2, 2, 0, 10}, // document 20: only B, code y
	}
	rep := CharacterAgreement(docs, codes, 1, 2, "A", "B", segs)
	rows := rep.PerDocument()
	if len(rows) != 2 || rows[0].Document != 10 || rows[1].Document != 20 {
		t.Fatalf("rows = %+v", rows)
	}
	// Document 10 pools x (NVivo's table) with y (unused): De Vries' pooled κ.
	want, _ := PooledKappa([]Counts{{Both: 50, OnlyA: 100, OnlyB: 50, Neither: 800}, {Neither: 1000}})
	if rows[0].Kappa == nil || *rows[0].Kappa != want || rows[0].Counts.Units() != 2000 {
		t.Errorf("document 10: %+v, want pooled κ %v over 2000 units", rows[0], want)
	}
	if rows[1].Status != OnlyOneCoder {
		t.Errorf("document 20: status %s, want only-one-coder", rows[1].Status)
	}
	// One code: the code × document breakdown uses the per-code formula.
	x := rep.PerDocument(1)
	k, _ := Kappa(Counts{Both: 50, OnlyA: 100, OnlyB: 50, Neither: 800})
	if *x[0].Kappa != k || x[1].Status != NoVariation {
		t.Errorf("code x by document: %+v", x)
	}
}
