package coding

import (
	"math"
	"math/rand"
	"testing"
)

// The coefficients of a 2×2 table must equal Reliability's, which computes
// them independently from a units × coders matrix (coincidence matrix for α,
// category proportions for π and AC1).
func TestCoefficientsMatchReliabilityOnTheSameData(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	for trial := 0; trial < 300; trial++ {
		c := Counts{Both: int64(r.Intn(6)), OnlyA: int64(r.Intn(6)), OnlyB: int64(r.Intn(6)), Neither: int64(r.Intn(6))}
		if c.Units() < 2 {
			continue
		}
		var units [][]string
		add := func(n int64, a, b string) {
			for i := int64(0); i < n; i++ {
				units = append(units, []string{a, b})
			}
		}
		add(c.Both, "yes", "yes")
		add(c.OnlyA, "yes", "no")
		add(c.OnlyB, "no", "yes")
		add(c.Neither, "no", "no")
		rep, err := Reliability([]string{"A", "B"}, units, Nominal, 2, 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		got := coefficients(c)
		for _, cmp := range []struct {
			name      string
			ours      *float64
			reference *float64
		}{
			{"Scott's pi", got.ScottPi, rep.ScottPi.Value},
			{"Krippendorff's alpha", got.KrippendorffAlpha, rep.KrippendorffAlpha.Value},
			{"Gwet's AC1", got.GwetAC1, rep.GwetAC1.Value},
			{"Brennan-Prediger", got.BrennanPrediger, rep.BrennanPrediger.Value},
		} {
			if (cmp.ours == nil) != (cmp.reference == nil) {
				t.Fatalf("%+v %s: ours %v, Reliability %v", c, cmp.name, cmp.ours, cmp.reference)
			}
			if cmp.ours != nil && math.Abs(*cmp.ours-*cmp.reference) > 1e-12 {
				t.Fatalf("%+v %s: ours %v, Reliability %v", c, cmp.name, *cmp.ours, *cmp.reference)
			}
		}
	}
}

// NVivo's example (50 both, 150 one only, 800 neither; A 100 only, B 50 only),
// worked by hand: p_o = 0.85; m = (150+100)/2000 = 0.125;
// π: p_e = 0.125² + 0.875² = 0.78125, π = 0.06875/0.21875 = 11/35;
// AC1: p_e = 2·0.125·0.875 = 0.21875, AC1 = 0.63125/0.78125 = 0.808;
// κ_BP = 2·0.85 − 1 = 0.7; α = 1 − 150·1999/(250·1750) = 1 − 299850/437500.
func TestCoefficientsNVivoExample(t *testing.T) {
	got := coefficients(Counts{Both: 50, OnlyA: 100, OnlyB: 50, Neither: 800})
	want := map[string]float64{"pi": 11.0 / 35, "ac1": 0.808, "bp": 0.7, "alpha": 1 - 299850.0/437500}
	for name, v := range map[string]*float64{"pi": got.ScottPi, "ac1": got.GwetAC1, "bp": got.BrennanPrediger, "alpha": got.KrippendorffAlpha} {
		if v == nil || math.Abs(*v-want[name]) > 1e-12 {
			t.Errorf("%s = %v, want %v", name, v, want[name])
		}
	}
}

func TestCoefficientsUndefinedAndPooled(t *testing.T) {
	unused := coefficients(Counts{Neither: 10})
	if unused.ScottPi != nil || unused.KrippendorffAlpha != nil {
		t.Errorf("no variation: π %v α %v, want undefined", unused.ScottPi, unused.KrippendorffAlpha)
	}
	// With no variation AC1 and κ_BP are still defined (their chance terms are
	// fixed or ≤ ½): both coders agree on every unit, so both are 1.
	if unused.GwetAC1 == nil || *unused.GwetAC1 != 1 || *unused.BrennanPrediger != 1 {
		t.Errorf("no variation: AC1 %v, κ_BP %v, want 1 and 1", unused.GwetAC1, unused.BrennanPrediger)
	}
	if empty := coefficients(Counts{}); empty.GwetAC1 != nil || empty.BrennanPrediger != nil {
		t.Error("no units: coefficients defined")
	}
	// Pooled: mean p_o = (0.85 + 1)/2; π's mean p_e = (0.78125 + 1)/2 → π = (0.925−0.890625)/0.109375.
	pooled := pooledCoefficients([]Counts{{Both: 50, OnlyA: 100, OnlyB: 50, Neither: 800}, {Neither: 1000}})
	if pooled.ScottPi == nil || math.Abs(*pooled.ScottPi-(0.925-0.890625)/0.109375) > 1e-12 || pooled.KrippendorffAlpha != nil {
		t.Errorf("pooled π %v α %v", pooled.ScottPi, pooled.KrippendorffAlpha)
	}
	if math.Abs(*pooled.BrennanPrediger-(2*0.925-1)) > 1e-12 {
		t.Errorf("pooled κ_BP = %v", *pooled.BrennanPrediger)
	}
}
