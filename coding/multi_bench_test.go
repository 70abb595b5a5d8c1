package coding

import (
	"math/rand"
	"testing"
)

// withThirdCoder adds coder C to benchCorpus's segments: like B, C mostly
// codes the passage A coded, shifted differently, and sometimes something
// else, so the three-coder figures are realistic partial agreement.
func withThirdCoder(segs []Segment, seed int64) []Segment {
	rng := rand.New(rand.NewSource(seed))
	out := make([]Segment, 0, len(segs)*3/2)
	out = append(out, segs...)
	for _, s := range segs {
		if s.Coder != alice {
			continue
		}
		if rng.Intn(3) > 0 {
			shift := rng.Intn(300) - 150
			out = append(out, Segment{Document: s.Document, Code: s.Code, Coder: carol, Start: s.Start + shift, End: s.End + shift/2})
		} else {
			start := rng.Intn(47_000)
			out = append(out, Segment{Document: s.Document, Code: int64(1 + rng.Intn(13)), Coder: carol, Start: start, End: start + 50 + rng.Intn(750)})
		}
	}
	return out
}

// The budget's workload with three coders: 13 codes × 3 coders × 200
// documents of 48,000 code points (about 60,000 segments).
func BenchmarkMultiAgreement(b *testing.B) {
	docs, codes, segs := benchCorpus()
	segs = withThirdCoder(segs, 2)
	coders := []MultiCoder{{alice, "A"}, {bob, "B"}, {carol, "C"}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rep := MultiAgreement(docs, codes, coders, segs)
		if rep.Overall.FleissKappa.Value == nil {
			b.Fatal("overall Fleiss' kappa undefined")
		}
	}
	b.ReportMetric(float64(len(segs)), "segments")
}

// The same with 1,000 bootstrap resamples of the documents, as the app and
// the CLI run it.
func BenchmarkMultiAgreementBootstrap(b *testing.B) {
	docs, codes, segs := benchCorpus()
	segs = withThirdCoder(segs, 2)
	coders := []MultiCoder{{alice, "A"}, {bob, "B"}, {carol, "C"}}
	b.ResetTimer()
	for b.Loop() {
		MultiAgreement(docs, codes, coders, segs).Bootstrap(1000, 1)
	}
}
