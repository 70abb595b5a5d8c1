package coding

import "math/big"

// Coefficients are the chance-corrected agreement coefficients of a row
// besides Cohen's κ. Each is nil when undefined: no units, or no variation
// (every value the same category), where the coefficient is 0/0.
//
// For a code row, from its 2×2 table of N units (two coders, one yes/no
// judgement each, no missing values), with m = (YesA + YesB) / 2N the share
// of all judgements that were "yes":
//
//   - Scott's π (1955): p_e = m² + (1−m)²; π = (p_o − p_e)/(1 − p_e).
//   - Krippendorff's α, nominal (2011): with n_yes = YesA+YesB and n_no = 2N −
//     n_yes judgements, the coincidence matrix gives
//     α = 1 − (OnlyA+OnlyB)(2N−1)/(n_yes·n_no), which is π corrected for
//     small samples.
//   - Gwet's AC1 (2008) with Q = 2 categories: p_e = 2m(1−m).
//   - Brennan & Prediger's κ (1981) with Q = 2: p_e = ½, so κ_BP = 2p_o − 1,
//     which for a yes/no code is PABAK (Byrt, Bishop & Carlin 1993).
//
// Pooled rows (a factor, all codes) follow De Vries et al. (2008) as for κ:
// the mean p_o and the mean p_e over the codes, so π, AC1 and κ_BP pool the
// same way κ does. Krippendorff's α is a per-code figure (its small-sample
// correction has no pooled counterpart) and is nil on pooled rows.
//
// These agree with [Reliability] on the same data, which computes them from
// a units × coders matrix instead; a test checks it.
type Coefficients struct {
	ScottPi           *float64
	KrippendorffAlpha *float64
	GwetAC1           *float64
	BrennanPrediger   *float64
}

// coefficients returns the coefficients of one table.
func coefficients(c Counts) Coefficients {
	var out Coefficients
	n := c.Units()
	if !c.valid() || n == 0 {
		return out
	}
	po := big.NewRat(c.Both+c.Neither, n)
	m := big.NewRat(c.YesA()+c.YesB(), 2*n)
	out.ScottPi = corrected(po, scottExpected(m))
	out.GwetAC1 = corrected(po, gwetExpected(m))
	out.BrennanPrediger = corrected(po, big.NewRat(1, 2))
	yes, no := c.YesA()+c.YesB(), 2*n-(c.YesA()+c.YesB())
	if yes > 0 && no > 0 {
		// α = 1 − (OnlyA+OnlyB)(2N−1) / (yes·no), in exact arithmetic.
		d := new(big.Rat).SetFrac(
			new(big.Int).Mul(big.NewInt(c.OnlyA+c.OnlyB), big.NewInt(2*n-1)),
			new(big.Int).Mul(big.NewInt(yes), big.NewInt(no)))
		out.KrippendorffAlpha = ratPtr(new(big.Rat).Sub(big.NewRat(1, 1), d))
	}
	return out
}

// pooledCoefficients pools tables with De Vries et al.'s means of p_o and p_e.
func pooledCoefficients(tables []Counts) Coefficients {
	var out Coefficients
	po, pi, ac1 := new(big.Rat), new(big.Rat), new(big.Rat)
	k := int64(0)
	for _, c := range tables {
		n := c.Units()
		if !c.valid() || n == 0 {
			continue
		}
		k++
		m := big.NewRat(c.YesA()+c.YesB(), 2*n)
		po.Add(po, big.NewRat(c.Both+c.Neither, n))
		pi.Add(pi, scottExpected(m))
		ac1.Add(ac1, gwetExpected(m))
	}
	if k == 0 {
		return out
	}
	mean := func(r *big.Rat) *big.Rat { return r.Quo(r, big.NewRat(k, 1)) }
	po, pi, ac1 = mean(po), mean(pi), mean(ac1)
	out.ScottPi = corrected(po, pi)
	out.GwetAC1 = corrected(po, ac1)
	out.BrennanPrediger = corrected(po, big.NewRat(1, 2))
	return out
}

// scottExpected is m² + (1−m)².
func scottExpected(m *big.Rat) *big.Rat {
	rest := new(big.Rat).Sub(big.NewRat(1, 1), m)
	e := new(big.Rat).Mul(m, m)
	return e.Add(e, new(big.Rat).Mul(rest, rest))
}

// gwetExpected is 2m(1−m).
func gwetExpected(m *big.Rat) *big.Rat {
	rest := new(big.Rat).Sub(big.NewRat(1, 1), m)
	e := new(big.Rat).Mul(m, rest)
	return e.Mul(e, big.NewRat(2, 1))
}

// corrected is (p_o − p_e)/(1 − p_e), nil when p_e = 1.
func corrected(po, pe *big.Rat) *float64 {
	den := new(big.Rat).Sub(big.NewRat(1, 1), pe)
	if den.Sign() == 0 {
		return nil
	}
	num := new(big.Rat).Sub(po, pe)
	return ratPtr(num.Quo(num, den))
}

func ratPtr(r *big.Rat) *float64 {
	f, _ := r.Float64()
	return &f
}
