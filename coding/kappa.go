package coding

import (
	"math"
	"math/big"
)

// Kappa computes Cohen's (1960) kappa from a 2×2 table:
//
//	p_o = (Both + Neither) / N
//	p_e = pA·pB + (1 − pA)(1 − pB)   with pA = (Both+OnlyA)/N, pB = (Both+OnlyB)/N
//	κ   = (p_o − p_e) / (1 − p_e)
//
// It is evaluated exactly in integer arithmetic, as
// 2(Both·Neither − OnlyA·OnlyB) / ((Both+OnlyA)(OnlyA+Neither) + (Both+OnlyB)(OnlyB+Neither)),
// which is the same expression multiplied through by N², and the result is
// the float64 nearest to the exact value. ok is false when κ is undefined:
// p_e = 1 (both coders answered the same for every unit), N = 0, or a count
// is negative or the total overflows int64.
func Kappa(c Counts) (kappa float64, ok bool) {
	if !c.valid() || c.Units() == 0 {
		return 0, false
	}
	if small(c) {
		// Every product is below 2^62 and every sum of two below 2^63.
		num := 2 * (c.Both*c.Neither - c.OnlyA*c.OnlyB)
		den := c.YesA()*(c.OnlyA+c.Neither) + c.YesB()*(c.OnlyB+c.Neither)
		if den == 0 {
			return 0, false
		}
		return fraction(num, den), true
	}
	num, den := bigKappaTerms(c)
	if den.Sign() == 0 {
		return 0, false
	}
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f, true
}

// PooledKappa computes the pooled kappa of De Vries, Elliott, Kanouse and
// Teleki (2008) over several 2×2 tables (one per code, same coders):
//
//	κ_pooled = (p̄_o − p̄_e) / (1 − p̄_e)
//
// where p̄_o and p̄_e are the unweighted means of the tables' observed and
// expected agreements (p_o and p_e as in [Kappa]). Tables with no units are
// skipped. With a single table it equals [Kappa]. It is evaluated exactly in
// rational arithmetic. ok is false when there is no table with units, when
// p̄_e = 1 (every table has p_e = 1), or when a table is invalid.
//
// This is not Cohen's kappa of the summed table; see the package
// documentation.
func PooledKappa(tables []Counts) (kappa float64, ok bool) {
	// (p_o,i − p_e,i) = num_i / N_i² and (1 − p_e,i) = den_i / N_i², so
	// κ = Σ num_i/N_i² / Σ den_i/N_i² (the 1/m of the means cancels).
	numSum, denSum := new(big.Rat), new(big.Rat)
	var term big.Rat
	used := 0
	for _, c := range tables {
		if !c.valid() {
			return 0, false
		}
		n := c.Units()
		if n == 0 {
			continue
		}
		used++
		num, den := bigKappaTerms(c)
		n2 := new(big.Int).Mul(big.NewInt(n), big.NewInt(n))
		numSum.Add(numSum, term.SetFrac(num, n2))
		denSum.Add(denSum, term.SetFrac(den, n2))
	}
	if used == 0 || denSum.Sign() == 0 {
		return 0, false
	}
	f, _ := new(big.Rat).Quo(numSum, denSum).Float64()
	return f, true
}

// ObservedAgreement returns p_o = (Both+Neither)/N, or 0 when N = 0.
func ObservedAgreement(c Counts) float64 {
	n := c.Units()
	if n <= 0 {
		return 0
	}
	return fraction(c.Both+c.Neither, n)
}

// ExpectedAgreement returns Cohen's chance agreement
// p_e = pA·pB + (1−pA)(1−pB), or 0 when N = 0.
func ExpectedAgreement(c Counts) float64 {
	n := c.Units()
	if !c.valid() || n == 0 {
		return 0
	}
	e, n2 := bigExpectedTerms(c)
	f, _ := new(big.Rat).SetFrac(e, n2).Float64()
	return f
}

// pooledExpected returns the mean of the tables' p_e over tables with units.
func pooledExpected(tables []Counts) float64 {
	sum := new(big.Rat)
	var term big.Rat
	m := int64(0)
	for _, c := range tables {
		if !c.valid() || c.Units() == 0 {
			continue
		}
		m++
		sum.Add(sum, term.SetFrac(bigExpectedTerms(c)))
	}
	if m == 0 {
		return 0
	}
	f, _ := sum.Quo(sum, term.SetInt64(m)).Float64()
	return f
}

// valid reports whether every count is non-negative and their sum fits in int64.
func (c Counts) valid() bool {
	if c.Both < 0 || c.OnlyA < 0 || c.OnlyB < 0 || c.Neither < 0 {
		return false
	}
	s := c.Both
	for _, v := range []int64{c.OnlyA, c.OnlyB, c.Neither} {
		if s > math.MaxInt64-v {
			return false
		}
		s += v
	}
	return true
}

// small reports whether N < 2^31, so that the int64 kappa terms cannot overflow.
func small(c Counts) bool { return c.Units() < 1<<31 }

// bigKappaTerms returns N²(p_o − p_e) and N²(1 − p_e) as exact integers.
func bigKappaTerms(c Counts) (num, den *big.Int) {
	a, b, cc, d := big.NewInt(c.Both), big.NewInt(c.OnlyA), big.NewInt(c.OnlyB), big.NewInt(c.Neither)
	var x, y big.Int
	num = new(big.Int).Sub(x.Mul(a, d), y.Mul(b, cc))
	num.Lsh(num, 1)
	den = new(big.Int).Mul(big.NewInt(c.YesA()), big.NewInt(c.OnlyA+c.Neither))
	den.Add(den, x.Mul(big.NewInt(c.YesB()), big.NewInt(c.OnlyB+c.Neither)))
	return num, den
}

// bigExpectedTerms returns N²·p_e and N² as exact integers.
func bigExpectedTerms(c Counts) (e, n2 *big.Int) {
	n := big.NewInt(c.Units())
	var x big.Int
	e = new(big.Int).Mul(big.NewInt(c.YesA()), big.NewInt(c.YesB()))
	e.Add(e, x.Mul(big.NewInt(c.OnlyB+c.Neither), big.NewInt(c.OnlyA+c.Neither)))
	return e, new(big.Int).Mul(n, n)
}

// fraction returns the float64 nearest to num/den (den > 0).
func fraction(num, den int64) float64 {
	const exact = 1 << 53
	if num >= -exact && num <= exact && den <= exact {
		return float64(num) / float64(den) // both exact, so one rounding
	}
	f, _ := new(big.Rat).SetFrac64(num, den).Float64()
	return f
}
