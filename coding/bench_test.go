package coding

import (
	"math/rand"
	"testing"
)

// benchCorpus generates the budget's workload deterministically: 13 codes
// in 3 factors × 2 coders × 200 documents of 48,000 code points, with about
// 100 segments per coder and document (40,000 in all).
func benchCorpus() ([]DocumentLength, []Code, []Segment) {
	rng := rand.New(rand.NewSource(1))
	docs := make([]DocumentLength, 200)
	for i := range docs {
		docs[i] = DocumentLength{ID: int64(i + 1), Length: 48_000}
	}
	codes := make([]Code, 13)
	for i := range codes {
		f := int64(i%3 + 1)
		codes[i] = Code{ID: int64(i + 1), Name: "code", Factor: f, FactorName: "factor"}
	}
	segs := make([]Segment, 0, 40_000)
	for _, d := range docs {
		for range 100 {
			start := rng.Intn(47_000)
			end := start + 50 + rng.Intn(750)
			code := int64(1 + rng.Intn(13))
			segs = append(segs, Segment{Document: d.ID, Code: code, Coder: alice, Start: start, End: end})
			// Coder B mostly codes the same passage, a little shifted.
			if rng.Intn(4) > 0 {
				shift := rng.Intn(200) - 100
				segs = append(segs, Segment{Document: d.ID, Code: code, Coder: bob, Start: start + shift, End: end + shift})
			} else {
				s2 := rng.Intn(47_000)
				segs = append(segs, Segment{Document: d.ID, Code: int64(1 + rng.Intn(13)), Coder: bob, Start: s2, End: s2 + 50 + rng.Intn(750)})
			}
		}
	}
	return docs, codes, segs
}

func BenchmarkCharacterAgreement(b *testing.B) {
	docs, codes, segs := benchCorpus()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rep := CharacterAgreement(docs, codes, alice, bob, "A", "B", segs)
		if rep.Overall.Kappa == nil {
			b.Fatal("overall kappa undefined")
		}
	}
	b.ReportMetric(float64(len(segs)), "segments")
}
