package coding

import (
	"math/rand"
	"reflect"
	"testing"
)

func bootstrapFixture() Report {
	r := rand.New(rand.NewSource(3))
	var docs []DocumentLength
	var segs []Segment
	codes := []Code{{ID: 1, Name: "x", Factor: 9, FactorName: "f"}, {ID: 2, Name: "y", Factor: 9, FactorName: "f"}}
	for d := int64(1); d <= 12; d++ {
		docs = append(docs, DocumentLength{ID: d, Length: 1000})
		for i := 0; i < 6; i++ {
			s := r.Intn(900)
			code := int64(1 + r.Intn(2))
			segs = append(segs, Segment{d, code, 1, s, s + 50 + r.Intn(50)})
			if r.Intn(4) > 0 { // B mostly codes the same passage, a little shifted
				segs = append(segs, Segment{d, code, 2, s + r.Intn(20), s + 60 + r.Intn(40)})
			}
		}
	}
	return CharacterAgreement(docs, codes, 1, 2, "A", "B", segs)
}

func TestBootstrapIsReproducibleAndBracketsTheEstimate(t *testing.T) {
	rep := bootstrapFixture()
	a, b := rep.Bootstrap(400, 7), rep.Bootstrap(400, 7)
	if !reflect.DeepEqual(a.PerCode, b.PerCode) || !reflect.DeepEqual(a.Overall, b.Overall) {
		t.Fatal("the same seed gave different intervals")
	}
	if c := rep.Bootstrap(400, 8); reflect.DeepEqual(a.PerCode[0].CI, c.PerCode[0].CI) {
		t.Error("a different seed gave identical intervals")
	}
	if rep.PerCode[0].CI.Kappa != nil {
		t.Error("Bootstrap changed the report it was called on")
	}
	if a.Resamples != 400 || a.Seed != 7 || a.Resampling != ResampleDocuments {
		t.Errorf("inputs not recorded: %d %d %q", a.Resamples, a.Seed, a.Resampling)
	}
	for _, row := range append(append([]Result{}, a.PerCode...), append(a.PerFactor, a.Overall)...) {
		for name, pair := range map[string]struct {
			v  *float64
			ci *[2]float64
		}{"kappa": {row.Kappa, row.CI.Kappa}, "pi": {row.ScottPi, row.CI.ScottPi}, "ac1": {row.GwetAC1, row.CI.GwetAC1}} {
			if pair.v == nil || pair.ci == nil {
				t.Fatalf("%s %s: value %v, interval %v", row.Label, name, pair.v, pair.ci)
			}
			if pair.ci[0] > *pair.v || *pair.v > pair.ci[1] || pair.ci[0] == pair.ci[1] {
				t.Errorf("%s %s: %v not inside a proper interval %v", row.Label, name, *pair.v, *pair.ci)
			}
		}
	}
	if a.Overall.CI.KrippendorffAlpha != nil {
		t.Error("pooled alpha got an interval; alpha is per code")
	}
}

func TestBootstrapNeedsTwoDocuments(t *testing.T) {
	one := CharacterAgreement([]DocumentLength{{ID: 1, Length: 100}}, []Code{{ID: 1, Name: "x"}}, 1, 2, "", "", []Segment{{1, 1, 1, 0, 50}, {1, 1, 2, 10, 60}})
	if got := one.Bootstrap(100, 1); got.PerCode[0].CI.Kappa != nil || got.Resamples != 0 {
		t.Error("one document was bootstrapped")
	}
}

// BenchmarkBootstrap1000: 1,000 resamples of the 200-document benchmark corpus
// (issue 3's budget: under 10 s).
func BenchmarkBootstrap1000(b *testing.B) {
	docs, codes, segs := benchCorpus()
	rep := CharacterAgreement(docs, codes, 1, 2, "A", "B", segs)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep.Bootstrap(1000, 1)
	}
}
