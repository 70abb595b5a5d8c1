package coding

import (
	"math"
	"math/rand"
	"testing"
)

// With two coders, the per-document rows among "more" coders are the
// two-coder report's per-document rows: Fleiss' κ is Scott's π.
func TestMultiPerDocumentWithTwoCodersIsTheTwoCoderBreakdown(t *testing.T) {
	rng := rand.New(rand.NewSource(23))
	same := func(got Statistic, want *float64) bool {
		if got.Value == nil || want == nil {
			return got.Value == nil && want == nil
		}
		return math.Abs(*got.Value-*want) <= 1e-12
	}
	for trial := range 100 {
		docs, codes, coders, segs := randomProject(rng, 2)
		multi := MultiAgreement(docs, codes, coders, segs)
		two := CharacterAgreement(docs, codes, 1, 2, "coder1", "coder2", segs)
		for _, pick := range [][]int64{nil, {codes[0].ID}} {
			mrows, trows := multi.PerDocument(pick...), two.PerDocument(pick...)
			if len(mrows) != len(trows) {
				t.Fatalf("trial %d: %d rows, two-coder %d", trial, len(mrows), len(trows))
			}
			for i := range mrows {
				m, w := mrows[i], trows[i]
				if m.Document != w.Document || !same(m.FleissKappa, w.ScottPi) || !same(m.GwetAC1, w.GwetAC1) || !same(m.BrennanPrediger, w.BrennanPrediger) {
					t.Errorf("trial %d, codes %v, document %d: κ %s AC1 %s; π %v AC1 %v", trial, pick, m.Document,
						show(m.FleissKappa), show(m.GwetAC1), deref(w.ScottPi), deref(w.GwetAC1))
				}
				if m.Histogram[0] == m.Units && m.Note == "" {
					t.Errorf("trial %d, document %d: nobody coded and no note", trial, m.Document)
				}
			}
		}
	}
}
