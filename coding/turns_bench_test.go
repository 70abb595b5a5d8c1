package coding

import "testing"

// BenchmarkBootstrapTurns1000 resamples speaker turns 1,000 times over the
// budget's workload, each document cut into turns of about 200 code points
// (240 per document, 48,000 in all).
func BenchmarkBootstrapTurns1000(b *testing.B) {
	docs, codes, segs := benchCorpus()
	for i := range docs {
		for t := 0; t < docs[i].Length; t += 200 {
			docs[i].Turns = append(docs[i].Turns, t)
		}
	}
	rep := CharacterAgreement(docs, codes, alice, bob, "A", "B", segs)
	b.ReportAllocs()
	for b.Loop() {
		if out, ok := rep.BootstrapTurns(1000, 1); !ok || out.Overall.CI.Kappa == nil {
			b.Fatal("no interval")
		}
	}
}
