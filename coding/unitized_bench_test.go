package coding

import (
	"strconv"
	"testing"
)

// BenchmarkUnitized runs the budget's workload (scripts/bench.sh: 13 codes × 2
// coders × 200 documents of 48,000 code points, about 40,000 segments; the
// unitized alphas must stay under 5 s) through [Unitized] as the project
// calls it: each document a continuum, each code a category, overlapping
// codes accepted.
func BenchmarkUnitized(b *testing.B) {
	docs, codes, segs := benchCorpus()
	lengths := make([]int, len(docs))
	docIndex := map[int64]int{}
	for i, d := range docs {
		lengths[i] = d.Length
		docIndex[d.ID] = i
	}
	cats := make([]string, len(codes))
	for i, c := range codes {
		cats[i] = strconv.FormatInt(c.ID, 10)
	}
	us := make([]UnitizedSegment, len(segs))
	for i, s := range segs {
		coder := 0
		if s.Coder == bob {
			coder = 1
		}
		us[i] = UnitizedSegment{Continuum: docIndex[s.Document], Coder: coder, Start: s.Start, End: min(s.End, 48_000), Category: strconv.FormatInt(s.Code, 10)}
		us[i].Start = max(us[i].Start, 0)
	}
	opts := UnitizedOptions{Categories: cats, PerCategoryOverlap: true}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rep, err := Unitized(lengths, 2, us, opts)
		if err != nil {
			b.Fatal(err)
		}
		if rep.BinaryKUAlpha["1"].Value == nil {
			b.Fatal("binary (1)uα undefined")
		}
	}
	b.ReportMetric(float64(len(us)), "segments")
}

// BenchmarkUnitizedExclusive is the same corpus with every coder's
// overlapping segments dropped, so that uα, |uα and cuα are computed too.
func BenchmarkUnitizedExclusive(b *testing.B) {
	docs, codes, segs := benchCorpus()
	lengths := make([]int, len(docs))
	for i, d := range docs {
		lengths[i] = d.Length
	}
	cats := make([]string, len(codes))
	for i, c := range codes {
		cats[i] = strconv.FormatInt(c.ID, 10)
	}
	var us []UnitizedSegment
	lastEnd := map[[2]int]int{}
	for _, s := range segs {
		coder := 0
		if s.Coder == bob {
			coder = 1
		}
		d := int(s.Document - 1)
		start, end := max(s.Start, 0), min(s.End, 48_000)
		if start >= end || start < lastEnd[[2]int{d, coder}] {
			continue
		}
		lastEnd[[2]int{d, coder}] = end
		us = append(us, UnitizedSegment{Continuum: d, Coder: coder, Start: start, End: end, Category: strconv.FormatInt(s.Code, 10)})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rep, err := Unitized(lengths, 2, us, UnitizedOptions{Categories: cats})
		if err != nil {
			b.Fatal(err)
		}
		if rep.UAlpha.Value == nil || rep.CUAlpha.Value == nil || rep.KUAlpha["1"].Value == nil {
			b.Fatal("undefined")
		}
	}
	b.ReportMetric(float64(len(us)), "segments")
}
