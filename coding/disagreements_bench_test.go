package coding

import "testing"

// BenchmarkSegmentAgreement is segment match over the budget's workload.
func BenchmarkSegmentAgreement(b *testing.B) {
	docs, codes, segs := benchCorpus()
	b.ReportAllocs()
	for b.Loop() {
		if rep := SegmentAgreement(docs, codes, alice, bob, "A", "B", segs, DefaultSegmentThreshold); rep.Overall.Kappa == nil {
			b.Fatal("overall kappa undefined")
		}
	}
}

// BenchmarkDisagreements lists every disagreement of the budget's workload,
// as the review screen does each time it loads.
func BenchmarkDisagreements(b *testing.B) {
	docs, codes, segs := benchCorpus()
	b.ReportAllocs()
	var n int
	for b.Loop() {
		ds, _ := Disagreements(docs, codes, alice, bob, segs, DefaultSegmentThreshold)
		n = len(ds)
	}
	b.ReportMetric(float64(n), "disagreements")
}
