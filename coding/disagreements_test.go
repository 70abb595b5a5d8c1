package coding

import (
	"math"
	"math/rand"
	"testing"
)

func TestDisagreementKinds(t *testing.T) {
	const x, y, z = 1, 2, 3
	docs := []DocumentLength{{ID: 7, Length: 2000}}
	codes := []Code{{ID: x, Name: "X"}, {ID: y, Name: "Y"}, {ID: z, Name: "Z"}}
	seg := func(coder int64, code int64, start, end int) Segment {
		return Segment{Document: 7, Code: code, Coder: coder, Start: start, End: end}
	}
	segs := []Segment{
		// Agreed: identical, and one character apart at 90 %.
		seg(alice, x, 0, 100), seg(bob, x, 0, 100),
		seg(alice, x, 200, 300), seg(bob, x, 201, 300),
		// Boundary: B covers only half of A's stretch.
		seg(alice, x, 400, 500), seg(bob, x, 450, 500),
		// Boundary: one stretch of A against two of B.
		seg(alice, y, 600, 700), seg(bob, y, 600, 640), seg(bob, y, 660, 700),
		// Different code: A says X where B says Z.
		seg(alice, x, 800, 850), seg(bob, z, 805, 850),
		// Only A, only B.
		seg(alice, y, 1000, 1010),
		seg(bob, z, 1100, 1300),
		// Ignored: another coder, an unknown code, another document.
		seg(99, x, 0, 10), seg(alice, 42, 0, 10), {Document: 8, Code: x, Coder: alice, Start: 0, End: 5},
	}
	ds, agreed := Disagreements(docs, codes, alice, bob, segs, DefaultSegmentThreshold)
	if len(agreed) != 2 || agreed[0].A != (Span{0, 100}) || agreed[1].B != (Span{201, 300}) {
		t.Errorf("agreed = %+v", agreed)
	}
	want := []struct {
		kind         string
		codeA, codeB int64
		extent       Span
	}{
		{OnlyB, 0, z, Span{1100, 1300}},
		{Boundary, x, x, Span{400, 500}},
		{Boundary, y, y, Span{600, 700}},
		{DifferentCode, x, z, Span{800, 850}},
		{OnlyA, y, 0, Span{1000, 1010}},
	}
	if len(ds) != len(want) {
		t.Fatalf("got %d disagreements, want %d: %+v", len(ds), len(want), ds)
	}
	for i, w := range want {
		d := ds[i]
		if d.Kind != w.kind || d.CodeA != w.codeA || d.CodeB != w.codeB || d.Extent != w.extent {
			t.Errorf("disagreement %d = %s %d/%d %v, want %s %d/%d %v", i, d.Kind, d.CodeA, d.CodeB, d.Extent, w.kind, w.codeA, w.codeB, w.extent)
		}
	}
	if math.Abs(ds[1].Overlap-0.5) > 1e-15 || ds[0].Overlap != 0 {
		t.Errorf("overlaps %v, %v", ds[1].Overlap, ds[0].Overlap)
	}
	// Keys are stable across recomputation, and distinct.
	again, _ := Disagreements(docs, codes, alice, bob, segs, DefaultSegmentThreshold)
	seen := map[string]bool{}
	for i := range ds {
		if ds[i].Key != again[i].Key {
			t.Errorf("key %d changed: %s then %s", i, ds[i].Key, again[i].Key)
		}
		if seen[ds[i].Key] {
			t.Errorf("duplicate key %s", ds[i].Key)
		}
		seen[ds[i].Key] = true
	}
}

// Every coded character of either coder is in an agreed passage or a
// disagreement, and agreed passages are exactly segment match's agreed pairs.
func TestDisagreementsAccountForEveryCodedCharacter(t *testing.T) {
	docs, codes, segs := twoCoderProject(3, 6, 40, 11)
	ds, agreed := Disagreements(docs, codes, alice, bob, segs, 0.8)
	type key struct {
		doc, code int64
		role      int
	}
	covered := map[key][]Span{}
	for _, a := range agreed {
		covered[key{a.Document, a.Code, 0}] = append(covered[key{a.Document, a.Code, 0}], a.A)
		covered[key{a.Document, a.Code, 1}] = append(covered[key{a.Document, a.Code, 1}], a.B)
	}
	for _, d := range ds {
		covered[key{d.Document, d.CodeA, 0}] = append(covered[key{d.Document, d.CodeA, 0}], d.A...)
		covered[key{d.Document, d.CodeB, 1}] = append(covered[key{d.Document, d.CodeB, 1}], d.B...)
	}
	coded := map[key][]Span{}
	for _, s := range segs {
		role := 0
		if s.Coder == bob {
			role = 1
		} else if s.Coder != alice {
			continue
		}
		k := key{s.Document, s.Code, role}
		coded[k] = append(coded[k], Span{s.Start, s.End})
	}
	for k, spans := range coded {
		u := Union(spans)
		got := Union(covered[k])
		if CoveredLen(u) != CoveredLen(got) || IntersectLen(u, got) != CoveredLen(u) {
			t.Errorf("%+v: coded %v, accounted for %v", k, u, got)
		}
	}
	rep := SegmentAgreement(docs, codes, alice, bob, "", "", segs, 0.8)
	var both int64
	for _, r := range rep.PerCode {
		both += r.Counts.Both
	}
	if both < 2*int64(len(agreed)) {
		t.Errorf("segment match agreed on %d stretches, fewer than the %d agreed pairs", both, 2*len(agreed))
	}
}

// twoCoderProject is a seeded random project of two coders (alice, bob) who
// often code the same passages with shifted boundaries or other codes.
func twoCoderProject(docCount, codeCount, segsPerCoder int, seed int64) ([]DocumentLength, []Code, []Segment) {
	rng := rand.New(rand.NewSource(seed))
	docs := make([]DocumentLength, docCount)
	for i := range docs {
		docs[i] = DocumentLength{ID: int64(i + 1), Length: 3000}
	}
	codes := make([]Code, codeCount)
	for i := range codes {
		codes[i] = Code{ID: int64(i + 1), Name: "c"}
	}
	var segs []Segment
	for _, d := range docs {
		for range segsPerCoder {
			start := rng.Intn(2800)
			end := start + 5 + rng.Intn(150)
			code := int64(1 + rng.Intn(codeCount))
			segs = append(segs, Segment{Document: d.ID, Code: code, Coder: alice, Start: start, End: end})
			switch rng.Intn(4) {
			case 0: // same
				segs = append(segs, Segment{Document: d.ID, Code: code, Coder: bob, Start: start, End: end})
			case 1: // shifted
				shift := rng.Intn(40) - 20
				segs = append(segs, Segment{Document: d.ID, Code: code, Coder: bob, Start: max(0, start+shift), End: end + shift})
			case 2: // other code
				segs = append(segs, Segment{Document: d.ID, Code: int64(1 + rng.Intn(codeCount)), Coder: bob, Start: start, End: end})
			}
		}
	}
	return docs, codes, segs
}
