package coding

import (
	"math"
	"testing"
)

// Hand-worked 2×2 tables. Formula: Cohen, J. (1960). A coefficient of
// agreement for nominal scales. Educational and Psychological Measurement,
// 20(1), 37–46: κ = (p_o − p_e)/(1 − p_e) with p_e = Σ (marginal products).
// Tables "moderate" and "prevalence" are the worked pair in the Wikipedia
// article "Cohen's kappa" (same p_o = 0.60, different κ).
func TestKappaHandWorked(t *testing.T) {
	tests := []struct {
		name string
		c    Counts
		want float64
	}{
		// N=50. p_o = (20+15)/50 = 0.70. pA = 25/50 = 0.5, pB = 30/50 = 0.6.
		// p_e = 0.5·0.6 + 0.5·0.4 = 0.50. κ = (0.70−0.50)/(1−0.50) = 0.4.
		{"textbook", Counts{Both: 20, OnlyA: 5, OnlyB: 10, Neither: 15}, 0.4},
		// N=100. p_o = 0.60. pA = 0.60, pB = 0.70.
		// p_e = 0.6·0.7 + 0.4·0.3 = 0.54. κ = 0.06/0.46 = 3/23 ≈ 0.1304.
		{"moderate", Counts{Both: 45, OnlyA: 15, OnlyB: 25, Neither: 15}, 3.0 / 23.0},
		// N=100. p_o = 0.60. pA = 0.60, pB = 0.30.
		// p_e = 0.6·0.3 + 0.4·0.7 = 0.46. κ = 0.14/0.54 = 7/27 ≈ 0.2593.
		{"prevalence", Counts{Both: 25, OnlyA: 35, OnlyB: 5, Neither: 35}, 7.0 / 27.0},
		// N=100. p_o = 1. pA = pB = 0.3. p_e = 0.09 + 0.49 = 0.58. κ = 0.42/0.42 = 1.
		{"perfect", Counts{Both: 30, Neither: 70}, 1},
		// N=50. p_o = 10/50 = 0.2. pA = pB = 0.5. p_e = 0.25 + 0.25 = 0.5.
		// κ = (0.2−0.5)/0.5 = −0.6.
		{"worse than chance", Counts{Both: 5, OnlyA: 20, OnlyB: 20, Neither: 5}, -0.6},
		// N=2, total disagreement: p_o = 0. pA = 0.5, pB = 0.5.
		// p_e = 0.25 + 0.25 = 0.5. κ = −0.5/0.5 = −1.
		{"complete disagreement", Counts{OnlyA: 1, OnlyB: 1}, -1},
		// Only coder A said yes: p_o = 0.8, pA = 0.2, pB = 0. p_e = 0 + 0.8·1 = 0.8.
		// κ = 0/0.2 = 0.
		{"only A", Counts{OnlyA: 2, Neither: 8}, 0},
		// A said yes to everything, B to nothing: p_o = 0, p_e = 1·0 + 0·1 = 0. κ = 0.
		{"A all, B none", Counts{OnlyA: 10}, 0},
		// NVivo's documented example (see TestCharacterNVivoExample): N=1000,
		// p_o = 0.85, pA = 0.15, pB = 0.10, p_e = 0.015 + 0.765 = 0.78,
		// κ = 0.07/0.22 = 7/22.
		{"nvivo", Counts{Both: 50, OnlyA: 100, OnlyB: 50, Neither: 800}, 7.0 / 22.0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Kappa(tt.c)
			if !ok {
				t.Fatalf("Kappa(%+v) undefined, want %v", tt.c, tt.want)
			}
			if math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("Kappa(%+v) = %.17g, want %.17g", tt.c, got, tt.want)
			}
			if f := naiveKappa(tt.c); math.Abs(got-f) > 1e-12 {
				t.Errorf("Kappa(%+v) = %.17g, naive float formula %.17g", tt.c, got, f)
			}
		})
	}
}

func TestKappaUndefined(t *testing.T) {
	tests := []struct {
		name string
		c    Counts
	}{
		{"no units", Counts{}},
		{"neither used the code", Counts{Neither: 10}},
		{"both coded every unit", Counts{Both: 10}},
		{"negative count", Counts{Both: 3, OnlyA: -1, Neither: 4}},
		{"overflowing total", Counts{Both: math.MaxInt64, Neither: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if k, ok := Kappa(tt.c); ok {
				t.Errorf("Kappa(%+v) = %v, want undefined", tt.c, k)
			}
		})
	}
}

// Kappa depends only on the proportions, so scaling a table leaves it
// unchanged; scaling by 10^9 pushes N past 2^31 and exercises the big-integer
// path, which must give the same correctly rounded result as the small path.
func TestKappaLargeCountsExact(t *testing.T) {
	for _, c := range []Counts{
		{20, 5, 10, 15}, {45, 15, 25, 15}, {25, 35, 5, 35}, {50, 100, 50, 800}, {1, 2, 3, 4},
	} {
		small, _ := Kappa(c)
		const k = 1_000_000_000
		big := Counts{c.Both * k, c.OnlyA * k, c.OnlyB * k, c.Neither * k}
		got, ok := Kappa(big)
		if !ok || got != small {
			t.Errorf("Kappa(%+v) = %.17g, %v; want %.17g (as for %+v)", big, got, ok, small, c)
		}
		if p, ok := PooledKappa([]Counts{big}); !ok || p != small {
			t.Errorf("PooledKappa(%+v) = %.17g, %v; want %.17g", big, p, ok, small)
		}
		if a, b := ObservedAgreement(big), ObservedAgreement(c); a != b {
			t.Errorf("ObservedAgreement scaled %v != %v", a, b)
		}
		if a, b := ExpectedAgreement(big), ExpectedAgreement(c); a != b {
			t.Errorf("ExpectedAgreement scaled %v != %v", a, b)
		}
	}
}

// Pooled kappa: De Vries, H., Elliott, M. N., Kanouse, D. E., & Teleki, S. S.
// (2008). Using pooled kappa to summarize interrater agreement across many
// items. Field Methods, 20(3), 272–282: κ_pooled = (p̄_o − p̄_e)/(1 − p̄_e)
// with p̄ the means over items.
func TestPooledKappaHandWorked(t *testing.T) {
	tests := []struct {
		name   string
		tables []Counts
		want   float64
		ok     bool
	}{
		// One table: pooled kappa is Cohen's kappa (0.4, see "textbook" above).
		{"single", []Counts{{20, 5, 10, 15}}, 0.4, true},
		// T1: p_o = 0.70, p_e = 0.50 (textbook). T2 (N=50): p_o = 1,
		// pA = pB = 0.9, p_e = 0.81 + 0.01 = 0.82.
		// p̄_o = 0.85, p̄_e = 0.66, κ = 0.19/0.34 = 19/34 ≈ 0.5588.
		// (Cohen's kappa of the summed table 65,5,10,20 would be
		// (0.85 − 0.60)/0.40 = 0.625: a different statistic.)
		{"two items", []Counts{{20, 5, 10, 15}, {45, 0, 0, 5}}, 19.0 / 34.0, true},
		// T1 p_o = 0.70, p_e = 0.50; T2 (5,20,20,5): p_o = 0.2, p_e = 0.5.
		// p̄_o = 0.45, p̄_e = 0.5, κ = −0.05/0.5 = −0.1.
		{"negative", []Counts{{20, 5, 10, 15}, {5, 20, 20, 5}}, -0.1, true},
		// An item with no variation contributes p_o = p_e = 1:
		// p̄_o = (0.7 + 1)/2 = 0.85, p̄_e = (0.5 + 1)/2 = 0.75, κ = 0.1/0.25 = 0.4.
		{"with unused code", []Counts{{20, 5, 10, 15}, {0, 0, 0, 50}}, 0.4, true},
		// Empty tables are skipped.
		{"empty skipped", []Counts{{}, {20, 5, 10, 15}}, 0.4, true},
		// Both items without variation: p̄_e = 1, undefined. (The summed
		// table 50,0,0,50 would wrongly give κ = 1.)
		{"all without variation", []Counts{{50, 0, 0, 0}, {0, 0, 0, 50}}, 0, false},
		{"none", nil, 0, false},
		{"only empty", []Counts{{}, {}}, 0, false},
		{"invalid", []Counts{{20, 5, 10, 15}, {-1, 0, 0, 2}}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := PooledKappa(tt.tables)
			if ok != tt.ok || (ok && math.Abs(got-tt.want) > 1e-12) {
				t.Errorf("PooledKappa(%v) = %.17g, %v; want %.17g, %v", tt.tables, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestAgreementFractions(t *testing.T) {
	c := Counts{Both: 20, OnlyA: 5, OnlyB: 10, Neither: 15}
	if got := ObservedAgreement(c); got != 0.7 {
		t.Errorf("ObservedAgreement = %v, want 0.7", got)
	}
	if got := ExpectedAgreement(c); got != 0.5 {
		t.Errorf("ExpectedAgreement = %v, want 0.5", got)
	}
	if ObservedAgreement(Counts{}) != 0 || ExpectedAgreement(Counts{}) != 0 {
		t.Error("agreement of an empty table should be 0")
	}
}

func TestCountsArithmetic(t *testing.T) {
	a := Counts{1, 2, 3, 4}
	b := Counts{10, 20, 30, 40}
	if got := a.Add(b); got != (Counts{11, 22, 33, 44}) {
		t.Errorf("Add = %+v", got)
	}
	if a.Units() != 10 || a.YesA() != 3 || a.YesB() != 4 {
		t.Errorf("Units/YesA/YesB = %d/%d/%d", a.Units(), a.YesA(), a.YesB())
	}
}

// naiveKappa is the textbook floating-point formula, used as an independent
// check of the integer evaluation.
func naiveKappa(c Counts) float64 {
	n := float64(c.Units())
	po := float64(c.Both+c.Neither) / n
	pa := float64(c.Both+c.OnlyA) / n
	pb := float64(c.Both+c.OnlyB) / n
	pe := pa*pb + (1-pa)*(1-pb)
	return (po - pe) / (1 - pe)
}
