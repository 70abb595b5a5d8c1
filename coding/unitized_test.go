package coding

import (
	"errors"
	"math"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

func useg(coder, start, end int, cat string) UnitizedSegment {
	return UnitizedSegment{Coder: coder, Start: start, End: end, Category: cat}
}

func mustUnitized(t *testing.T, lengths []int, coders int, segs []UnitizedSegment, opts UnitizedOptions) UnitizedReport {
	t.Helper()
	r, err := Unitized(lengths, coders, segs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func wantValue(t *testing.T, name string, s Statistic, want float64) {
	t.Helper()
	if s.Value == nil {
		t.Errorf("%s undefined (%s), want %.6f", name, *s.Undefined, want)
		return
	}
	if s.Undefined != nil || s.CI != nil {
		t.Errorf("%s = %+v, want only a value", name, s)
	}
	if math.Abs(*s.Value-want) > 1e-12 {
		t.Errorf("%s = %.15f, want %.15f", name, *s.Value, want)
	}
}

func wantUndefined(t *testing.T, name string, s Statistic, reason string) {
	t.Helper()
	if s.Value != nil || s.Undefined == nil {
		t.Errorf("%s = %+v, want undefined (%s)", name, s, reason)
		return
	}
	if *s.Undefined != reason {
		t.Errorf("%s undefined because %q, want %q", name, *s.Undefined, reason)
	}
}

// Hand-worked: two coders, L = 10, both code [0,5) as A. l_AA = l_φφ = 10,
// l.. = 20, nothing off the diagonal, so every coefficient with variation is 1.
// cuα has only A in the intersections: undefined.
func TestUnitizedPerfectAgreement(t *testing.T) {
	r := mustUnitized(t, []int{10}, 2, []UnitizedSegment{useg(0, 0, 5, "A"), useg(1, 0, 5, "A")}, UnitizedOptions{})
	wantValue(t, "uα", r.UAlpha, 1)
	wantValue(t, "|uα", r.BinaryUAlpha, 1)
	wantValue(t, "binary (A)uα", r.BinaryKUAlpha["A"], 1)
	wantUndefined(t, "cuα", r.CUAlpha, ReasonUnitizedSameCode)
	// With one category (k)uα is, like cuα, without variation.
	wantUndefined(t, "(A)uα", r.KUAlpha["A"], ReasonUnitizedKOnly)

	// Two categories, identical: everything 1, cuα too.
	r = mustUnitized(t, []int{10}, 2, []UnitizedSegment{
		useg(0, 0, 4, "A"), useg(0, 6, 10, "B"), useg(1, 0, 4, "A"), useg(1, 6, 10, "B"),
	}, UnitizedOptions{})
	for name, s := range map[string]Statistic{"uα": r.UAlpha, "|uα": r.BinaryUAlpha, "cuα": r.CUAlpha, "binary (A)uα": r.BinaryKUAlpha["A"], "binary (B)uα": r.BinaryKUAlpha["B"],
		"(A)uα": r.KUAlpha["A"], "(B)uα": r.KUAlpha["B"]} {
		wantValue(t, name, s, 1)
	}
}

// Hand-worked: identical segmentation, categories swapped. Coder 1: A [0,5),
// B [5,10); coder 2: B [0,5), A [5,10). l_AB = l_BA = 10, l_AA = l_BB = 0,
// l.. = 20; S = 4·25 = 100, e_AA = e_BB = 20·(100 − 50)/(400 − 100) = 10/3,
// so D_e = 20 − 20/3 = 40/3, D_o = 20, uα = 1 − 20/(40/3) = −0.5. cuα is the
// same computation on the same (gapless) data: −0.5. |uα: no gaps, undefined.
// (A)uα: coder 1 A [0,5), coder 2 A [5,10): l_Aφ = l_φA = 10, l_AA = l_φφ = 0,
// S = 25 + 25 + 10 = 60, e_AA = 20(100 − 50)/340, e_φφ = 20(100 − 10)/340,
// D_e = 20 − 2800/340 = 4000/340, uα = 1 − 20·340/4000 = −0.7.
func TestUnitizedSwappedCategories(t *testing.T) {
	r := mustUnitized(t, []int{10}, 2, []UnitizedSegment{
		useg(0, 0, 5, "A"), useg(0, 5, 10, "B"), useg(1, 0, 5, "B"), useg(1, 5, 10, "A"),
	}, UnitizedOptions{})
	wantValue(t, "uα", r.UAlpha, -0.5)
	wantValue(t, "cuα", r.CUAlpha, -0.5)
	wantUndefined(t, "|uα", r.BinaryUAlpha, ReasonUnitizedAllCoded)
	wantValue(t, "binary (A)uα", r.BinaryKUAlpha["A"], -0.7)
	wantValue(t, "binary (B)uα", r.BinaryKUAlpha["B"], -0.7)
	// Eq. 13: X_g = 5 for all four units, l*_A. = l*_B. = 10, l*.. = 20,
	// l_AA = 0, U_A = 50: (A)uα = 1 − (10·20 − 50)(10 − 0)/(10²·10) = −0.5.
	// Two categories that pair alike: (k)uα equals cuα.
	wantValue(t, "(A)uα", r.KUAlpha["A"], -0.5)
	wantValue(t, "(B)uα", r.KUAlpha["B"], -0.5)
}

// Eq. 13 of Krippendorff et al. (2016), hand-worked. L = 20, two coders:
//
//	coder 0: A [0,10), B [10,20)
//	coder 1: A [0,6),  B [6,20)
//
// Intersections of units (m − 1 = 1, both orders counted): A∩A = [0,6),
// A∩B = [6,10), B∩B = [10,20). The coincidence matrix among units:
//
//	      A    B   | l*_c.
//	A    12    4   |  16
//	B     4   20   |  24
//	               | l*.. = 40
//
// ℓ*_g of each unit (its length covered by the other coder's units):
// coder 0's A 10, B 10; coder 1's A 6, B 4 + 10 = 14. U_A = 10² + 6² = 136,
// U_B = 10² + 14² = 296, U = 432, so l*.. − U/l*.. = 29.2 and
// e*_A. = (16·40 − 136)/29.2 = 504/29.2, e*_AA = (16² − 136)/29.2 = 120/29.2,
// e*_B. = (24·40 − 296)/29.2 = 664/29.2, e*_BB = (24² − 296)/29.2 = 280/29.2.
//
//	(A)uα = 1 − (504/16)·(16 − 12)/(504 − 120) = 1 − 2016/6144 = 0.671875
//	(B)uα = 1 − (664/24)·(24 − 20)/(664 − 280) = 1 − 2656/9216
//	cuα   = 1 − (40 − 32)(1600 − 432)/(40·(1600 − 256 − 576)) = 1 − 9344/30720
//
// The binary per-category uα is a different coefficient, which also judges
// where the units lie: here (A)'s binary uα pairs A against gap
// (everything else), so it is not eq. 13's value.
func TestUnitizedKUAlphaEq13(t *testing.T) {
	r := mustUnitized(t, []int{20}, 2, []UnitizedSegment{
		useg(0, 0, 10, "A"), useg(0, 10, 20, "B"), useg(1, 0, 6, "A"), useg(1, 6, 20, "B"),
	}, UnitizedOptions{})
	wantValue(t, "(A)uα", r.KUAlpha["A"], 1-2016.0/6144)
	wantValue(t, "(B)uα", r.KUAlpha["B"], 1-2656.0/9216)
	wantValue(t, "cuα", r.CUAlpha, 1-9344.0/30720)
	if b := r.BinaryKUAlpha["A"]; b.Value == nil || close(*b.Value, *r.KUAlpha["A"].Value) {
		t.Errorf("binary (A)uα = %+v, should be its own coefficient", b)
	}

	// A category whose units meet no other coder's units has nothing to
	// pair: coder 0 codes C alone where coder 1 left a gap.
	r = mustUnitized(t, []int{30}, 2, []UnitizedSegment{
		useg(0, 0, 10, "A"), useg(0, 10, 20, "B"), useg(0, 22, 26, "C"), useg(1, 0, 6, "A"), useg(1, 6, 20, "B"),
	}, UnitizedOptions{})
	wantUndefined(t, "(C)uα", r.KUAlpha["C"], ReasonUnitizedKNoPairs)
	if r.KUAlpha["A"].Value == nil {
		t.Errorf("(A)uα undefined: %s", *r.KUAlpha["A"].Undefined)
	}
}

// Hand-worked: one coder codes nothing. Coder 1: A [0,5) of L = 10; coder 2
// nothing. l_Aφ = l_φA = 5, l_φφ = 10, l.. = 20, S = 25 + 5 + 10 = 40,
// e_AA = 20(25 − 25)/360 = 0, e_φφ = 20(225 − 15)/360 = 35/3, D_e = 25/3,
// D_o = 10, uα = 1 − 10/(25/3) = −0.2: not undefined — total disagreement
// about where the units are is what the formula measures, and it says so
// with a value below zero. cuα has no doubly coded matter.
func TestUnitizedOneCoderCodesNothing(t *testing.T) {
	r := mustUnitized(t, []int{10}, 2, []UnitizedSegment{useg(0, 0, 5, "A")}, UnitizedOptions{})
	wantValue(t, "uα", r.UAlpha, -0.2)
	wantValue(t, "|uα", r.BinaryUAlpha, -0.2)
	wantValue(t, "binary (A)uα", r.BinaryKUAlpha["A"], -0.2)
	wantUndefined(t, "cuα", r.CUAlpha, ReasonUnitizedNoPairs)
	wantUndefined(t, "(A)uα", r.KUAlpha["A"], ReasonUnitizedKNoPairs)
}

func TestUnitizedUndefined(t *testing.T) {
	r := mustUnitized(t, []int{10}, 2, nil, UnitizedOptions{Categories: []string{"A"}})
	wantUndefined(t, "uα", r.UAlpha, ReasonUnitizedNoUnits)
	wantUndefined(t, "|uα", r.BinaryUAlpha, ReasonUnitizedNoUnits)
	wantUndefined(t, "cuα", r.CUAlpha, ReasonUnitizedNoPairs)
	wantUndefined(t, "binary (A)uα", r.BinaryKUAlpha["A"], ReasonUnitizedUnused)
	wantUndefined(t, "(A)uα", r.KUAlpha["A"], ReasonUnitizedUnused)

	r = mustUnitized(t, []int{0}, 3, nil, UnitizedOptions{})
	wantUndefined(t, "uα", r.UAlpha, ReasonUnitizedEmpty)
	if len(r.KUAlpha) != 0 || r.Categories == nil {
		t.Errorf("categories %v, k %v", r.Categories, r.KUAlpha)
	}

	// Everyone codes everything as A: no variation anywhere.
	r = mustUnitized(t, []int{10}, 2, []UnitizedSegment{useg(0, 0, 10, "A"), useg(1, 0, 10, "A")}, UnitizedOptions{})
	wantUndefined(t, "uα", r.UAlpha, ReasonUnitizedOneValue)
	wantUndefined(t, "|uα", r.BinaryUAlpha, ReasonUnitizedAllCoded)
	wantUndefined(t, "binary (A)uα", r.BinaryKUAlpha["A"], reasonUnitizedWholeCode)
}

// Hand-worked, three coders on a continuum of 60 (the data of the README
// example of an independent Python implementation of the 2016 paper, whose
// printed uα = 0.474 and |uα = 0.433 this calculation does NOT reproduce;
// see the report of the commit that added this test):
//
//	coder 0: "1" [2,5)
//	coder 1: "1" [2,5), "2" [10,20)
//	coder 2: "2" [2,5), "2" [15,20)
//
// Stretch by stretch, over ordered pairs of coders (÷2 = m−1):
// l_φφ = 146, l_11 = 3, l_12 = l_21 = 3, l_φ2 = l_2φ = 10, l_22 = 5;
// l.. = 180, margins l_φ. = 156, l_1. = 6, l_2. = 18. S_1 = 9+9,
// S_2 = 100+9+25, S_φ = 156, S = 308, l..² − S = 32092.
// Σ e_cc = 180·(156²−156 + 36−18 + 324−134)/32092 = 4389840/32092, so
// D_e = 1386720/32092, D_o = 180 − 154 = 26 and uα = 552328/1386720.
// |uα: D_o = 156 − 146 = 10, D_e = 180·156·24/32092, |uα = 353000/673920.
func TestUnitizedThreeCoders(t *testing.T) {
	r := mustUnitized(t, []int{60}, 3, []UnitizedSegment{
		useg(0, 2, 5, "1"),
		useg(1, 2, 5, "1"), useg(1, 10, 20, "2"),
		useg(2, 2, 5, "2"), useg(2, 15, 20, "2"),
	}, UnitizedOptions{})
	wantValue(t, "uα", r.UAlpha, 552328.0/1386720)
	wantValue(t, "|uα", r.BinaryUAlpha, 353000.0/673920)
}

func TestUnitizedErrors(t *testing.T) {
	var se *UnitizedSegmentError
	for _, tc := range []struct {
		segs  []UnitizedSegment
		index int
		want  string
	}{
		{[]UnitizedSegment{useg(0, 0, 5, "A"), useg(2, 0, 5, "A")}, 1, "coder 3 is not one of the 2 coders"},
		{[]UnitizedSegment{useg(0, 5, 5, "A")}, 0, "start 5 is not before end 5"},
		{[]UnitizedSegment{useg(0, 6, 5, "A")}, 0, "start 6 is not before end 5"},
		{[]UnitizedSegment{useg(0, -1, 5, "A")}, 0, "start -1 is negative"},
		{[]UnitizedSegment{useg(1, 0, 5, "A"), useg(0, 0, 11, "A")}, 1, "end 11 is beyond the continuum length 10"},
		{[]UnitizedSegment{{Continuum: 1, Start: 0, End: 1, Category: "A"}}, 0, "continuum 2 is not one of the 1 continua"},
	} {
		_, err := Unitized([]int{10}, 2, tc.segs, UnitizedOptions{})
		if !errors.As(err, &se) || se.Index != tc.index || se.Reason != tc.want {
			t.Errorf("%v: error %v, want segment %d: %s", tc.segs, err, tc.index+1, tc.want)
		}
	}
	_, err := Unitized([]int{10}, 2, []UnitizedSegment{useg(0, 0, 5, "B")}, UnitizedOptions{Categories: []string{"A"}})
	if !errors.As(err, &se) || !strings.Contains(se.Reason, `"B"`) {
		t.Errorf("unknown category: %v", err)
	}
	if _, err := Unitized([]int{10}, 1, nil, UnitizedOptions{}); err == nil || !strings.Contains(err.Error(), "two coders") {
		t.Errorf("one coder: %v", err)
	}
	if _, err := Unitized([]int{-1}, 2, nil, UnitizedOptions{}); err == nil {
		t.Error("negative length accepted")
	}
	if _, err := Unitized([]int{10}, 2, nil, UnitizedOptions{Categories: []string{"A", "A"}}); err == nil {
		t.Error("repeated category accepted")
	}
	// Overlap: names both segments, smaller index first, even in input
	// order reversed; touching units are fine.
	var oe *UnitizedOverlapError
	_, err = Unitized([]int{10}, 2, []UnitizedSegment{useg(1, 0, 3, "A"), useg(0, 4, 8, "B"), useg(1, 3, 6, "A"), useg(0, 2, 5, "A")}, UnitizedOptions{})
	if !errors.As(err, &oe) || oe.First != 1 || oe.Second != 3 || oe.Coder != 0 {
		t.Errorf("overlap: %v", err)
	}
	// Same category overlapping is an error too without PerCategoryOverlap.
	_, err = Unitized([]int{10}, 2, []UnitizedSegment{useg(0, 0, 9, "A"), useg(0, 2, 3, "A")}, UnitizedOptions{})
	if !errors.As(err, &oe) || oe.First != 0 || oe.Second != 1 {
		t.Errorf("overlap: %v", err)
	}
}

// PerCategoryOverlap: overlapping codes make uα, |uα, cuα undefined, while
// every (k)uα is computed from the coder's union of the code's segments.
func TestUnitizedPerCategoryOverlap(t *testing.T) {
	segs := []UnitizedSegment{
		useg(0, 0, 5, "A"), useg(0, 3, 8, "B"), useg(0, 4, 6, "B"),
		useg(1, 0, 2, "A"), useg(1, 2, 5, "A"), useg(1, 3, 9, "B"),
	}
	r := mustUnitized(t, []int{10}, 2, segs, UnitizedOptions{PerCategoryOverlap: true})
	for name, s := range map[string]Statistic{"uα": r.UAlpha, "cuα": r.CUAlpha, "(A)uα": r.KUAlpha["A"], "(B)uα": r.KUAlpha["B"]} {
		wantUndefined(t, name, s, ReasonUnitizedOverlap)
	}
	// Coded or not needs no exclusive codes: |uα is that of each coder's
	// coded stretches, [0,8) for coder 1 and [0,9) for coder 2.
	merged := mustUnitized(t, []int{10}, 2, []UnitizedSegment{useg(0, 0, 8, "x"), useg(1, 0, 9, "x")}, UnitizedOptions{})
	if r.BinaryUAlpha.Value == nil || *r.BinaryUAlpha.Value != *merged.BinaryUAlpha.Value {
		t.Errorf("|uα with overlapping codes = %+v, want %v", r.BinaryUAlpha, *merged.BinaryUAlpha.Value)
	}
	// (A)uα equals that of the unions alone: A [0,5) for both.
	wantValue(t, "binary (A)uα", r.BinaryKUAlpha["A"], 1)
	only := mustUnitized(t, []int{10}, 2, []UnitizedSegment{useg(0, 3, 8, "B"), useg(1, 3, 9, "B")}, UnitizedOptions{})
	if *r.BinaryKUAlpha["B"].Value != *only.BinaryKUAlpha["B"].Value {
		t.Errorf("(B)uα = %v, want %v", *r.BinaryKUAlpha["B"].Value, *only.BinaryKUAlpha["B"].Value)
	}
	// Without overlaps of different codes, everything is defined, and
	// touching segments of a code are one unit.
	r = mustUnitized(t, []int{10}, 2, []UnitizedSegment{useg(0, 0, 2, "A"), useg(0, 2, 5, "A"), useg(1, 0, 5, "A")}, UnitizedOptions{PerCategoryOverlap: true})
	wantValue(t, "uα", r.UAlpha, 1)
}

// bruteUnitized evaluates the formulas documented on Unitized directly,
// point by point, in floating point: an independent check of the
// section-boundary sweep. Each coder's units must not overlap.
func bruteUnitized(lengths []int, m int, segs []UnitizedSegment, cats []string) (u, bin, cu float64, k, eq13 map[string]float64) {
	catIdx := map[string]int{}
	for i, c := range cats {
		catIdx[c] = i + 1
	}
	V := len(cats) + 1
	eq13 = map[string]float64{}
	alpha := func(valued func(c int) int, reduce bool) (uA, binA, cuA float64) {
		// valued maps a category index to its index in this computation
		// (0 = gap).
		l := make([][]float64, V)
		for i := range l {
			l[i] = make([]float64, V)
		}
		lstar := make([][]float64, V)
		for i := range lstar {
			lstar[i] = make([]float64, V)
		}
		S := make([]float64, V)
		Sstar := make([]float64, V)
		for t, L := range lengths {
			cat := make([][]int, m)
			unit := make([][]int, m)
			for i := range m {
				cat[i] = make([]int, L)
				unit[i] = make([]int, L)
				for p := range unit[i] {
					unit[i][p] = -1
				}
			}
			type un struct{ coder, cat, start, end int }
			var us []un
			for _, s := range segs {
				if s.Continuum != t {
					continue
				}
				c := valued(catIdx[s.Category])
				if c == 0 {
					continue
				}
				us = append(us, un{s.Coder, c, s.Start, s.End})
				for p := s.Start; p < s.End; p++ {
					cat[s.Coder][p] = c
					unit[s.Coder][p] = len(us) - 1
				}
			}
			for i := range m {
				for j := range m {
					if i == j {
						continue
					}
					for p := range L {
						l[cat[i][p]][cat[j][p]] += 1 / float64(m-1)
					}
				}
			}
			for _, x := range us {
				ln := float64(x.end - x.start)
				S[x.cat] += ln * ln
				var star float64
				for j := range m {
					if j == x.coder {
						continue
					}
					for p := x.start; p < x.end; p++ {
						if cat[j][p] != 0 {
							star++
							lstar[x.cat][cat[j][p]] += 1 / float64(m-1)
						}
					}
				}
				star /= float64(m - 1)
				Sstar[x.cat] += star * star
			}
			for i := range m {
				for p := range L {
					if cat[i][p] == 0 {
						S[0]++
					}
				}
			}
		}
		n, nStar, Ssum, SstarSum := 0.0, 0.0, 0.0, 0.0
		mc := make([]float64, V)
		mcStar := make([]float64, V)
		for c := range V {
			Ssum += S[c]
			SstarSum += Sstar[c]
			for k := range V {
				n += l[c][k]
				mc[c] += l[c][k]
				if c > 0 && k > 0 {
					nStar += l[c][k]
					mcStar[c] += l[c][k]
				}
			}
		}
		e := func(c, k int) float64 {
			num := mc[c] * mc[k]
			if c == k {
				num -= S[c]
			}
			return n * num / (n*n - Ssum)
		}
		Do, De := n, n
		for c := range V {
			Do -= l[c][c]
			De -= e(c, c)
		}
		uA = 1 - Do/De
		eRow := 0.0
		for k := range V {
			eRow += e(0, k)
		}
		binA = 1 - (mc[0]-l[0][0])/(eRow-e(0, 0))
		DoS, DeS := nStar, nStar
		for c := 1; c < V; c++ {
			DoS -= l[c][c]
			DeS -= (mcStar[c]*mcStar[c] - Sstar[c]) / (nStar - SstarSum/nStar)
		}
		cuA = 1 - DoS/DeS
		if !reduce {
			// Eq. 13 from the matrix of coincidences among units.
			eStar := func(c, k int) float64 {
				num := mcStar[c] * mcStar[k]
				if c == k {
					num -= Sstar[c]
				}
				return num / (nStar - SstarSum/nStar)
			}
			for i, name := range cats {
				c := i + 1
				row := 0.0
				for k := 1; k < V; k++ {
					row += eStar(c, k)
				}
				eq13[name] = 1 - (row/mcStar[c])*(mcStar[c]-l[c][c])/(row-eStar(c, c))
			}
		}
		return
	}
	u, bin, cu = alpha(func(c int) int { return c }, false)
	k = map[string]float64{}
	for i, name := range cats {
		k[name], _, _ = alpha(func(c int) int {
			if c == i+1 {
				return c
			}
			return 0
		}, true)
	}
	return
}

// randomUnitizing draws non-overlapping units for m coders on the continua.
func randomUnitizing(rng *rand.Rand, lengths []int, m int, cats []string) []UnitizedSegment {
	var segs []UnitizedSegment
	for t, L := range lengths {
		for i := range m {
			p := rng.Intn(4)
			for p < L {
				end := min(L, p+1+rng.Intn(8))
				if rng.Intn(3) > 0 {
					segs = append(segs, UnitizedSegment{Continuum: t, Coder: i, Start: p, End: end, Category: cats[rng.Intn(len(cats))]})
				}
				p = end + rng.Intn(3)
			}
		}
	}
	rng.Shuffle(len(segs), func(a, b int) { segs[a], segs[b] = segs[b], segs[a] })
	return segs
}

func close(a, b float64) bool {
	if math.IsNaN(b) || math.IsInf(b, 0) {
		return false
	}
	return math.Abs(a-b) <= 1e-9*max(1, math.Abs(b))
}

func TestUnitizedMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	cats := []string{"A", "B", "C"}
	for trial := range 300 {
		m := 2 + rng.Intn(3)
		lengths := []int{20 + rng.Intn(40)}
		if trial%2 == 1 {
			lengths = append(lengths, 10+rng.Intn(30), 0)
		}
		segs := randomUnitizing(rng, lengths, m, cats)
		r := mustUnitized(t, lengths, m, segs, UnitizedOptions{Categories: cats})
		u, bin, cu, k, eq13 := bruteUnitized(lengths, m, segs, cats)
		check := func(name string, s Statistic, want float64) {
			if s.Value == nil {
				if !math.IsNaN(want) && !math.IsInf(want, 0) && !close(want, 1) {
					t.Errorf("trial %d: %s undefined (%s), brute force %v", trial, name, *s.Undefined, want)
				}
				return
			}
			if !close(*s.Value, want) {
				t.Errorf("trial %d (m=%d): %s = %.15f, brute force %.15f", trial, m, name, *s.Value, want)
			}
		}
		check("uα", r.UAlpha, u)
		check("|uα", r.BinaryUAlpha, bin)
		check("cuα", r.CUAlpha, cu)
		for _, c := range cats {
			check("binary ("+c+")uα", r.BinaryKUAlpha[c], k[c])
			check("("+c+")uα", r.KUAlpha[c], eq13[c])
		}
	}
}

// Merging every category into one gives the direct |uα, so the |uα reported
// for projects whose codes overlap is the same coefficient.
func TestUnitizedMergedBinaryMatchesDirect(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	cats := []string{"A", "B", "C"}
	for trial := range 200 {
		m := 2 + rng.Intn(3)
		lengths := []int{20 + rng.Intn(40), 10 + rng.Intn(30)}
		segs := randomUnitizing(rng, lengths, m, cats)
		r := mustUnitized(t, lengths, m, segs, UnitizedOptions{Categories: cats})
		units := make([]uunit, len(segs))
		for i, s := range segs {
			units[i] = uunit{cont: int32(s.Continuum), coder: int32(s.Coder), cat: 1, idx: int32(i), start: s.Start, end: s.End}
		}
		total := int64(lengths[0] + lengths[1])
		got := mergedBinaryUAlpha(units, m, int64(m), int64(m-1), total)
		if (got.Value == nil) != (r.BinaryUAlpha.Value == nil) || (got.Value != nil && !close(*got.Value, *r.BinaryUAlpha.Value)) {
			t.Fatalf("trial %d: merged %+v, direct %+v", trial, got, r.BinaryUAlpha)
		}
	}
}

// Permuting the coders changes nothing.
func TestUnitizedCoderPermutation(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	cats := []string{"A", "B"}
	for range 50 {
		m := 2 + rng.Intn(3)
		lengths := []int{50, 30}
		segs := randomUnitizing(rng, lengths, m, cats)
		perm := rng.Perm(m)
		permuted := slices.Clone(segs)
		for i := range permuted {
			permuted[i].Coder = perm[permuted[i].Coder]
		}
		a := mustUnitized(t, lengths, m, segs, UnitizedOptions{})
		b := mustUnitized(t, lengths, m, permuted, UnitizedOptions{})
		if !sameReport(a, b) {
			t.Fatalf("permutation %v changed the report:\n%+v\n%+v", perm, a, b)
		}
	}
}

func sameStat(a, b Statistic) bool {
	if (a.Value == nil) != (b.Value == nil) || (a.Undefined == nil) != (b.Undefined == nil) {
		return false
	}
	if a.Value != nil && *a.Value != *b.Value {
		return false
	}
	return a.Undefined == nil || *a.Undefined == *b.Undefined
}

func sameReport(a, b UnitizedReport) bool {
	if !sameStat(a.UAlpha, b.UAlpha) || !sameStat(a.BinaryUAlpha, b.BinaryUAlpha) || !sameStat(a.CUAlpha, b.CUAlpha) {
		return false
	}
	for _, pair := range [][2]map[string]Statistic{{a.KUAlpha, b.KUAlpha}, {a.BinaryKUAlpha, b.BinaryKUAlpha}} {
		if len(pair[0]) != len(pair[1]) {
			return false
		}
		for k, s := range pair[0] {
			if !sameStat(s, pair[1][k]) {
				return false
			}
		}
	}
	return true
}

// Splitting a continuum at a point no unit crosses gives exactly the same
// coefficients as the whole: the multi-continuum definition sums observed
// coincidences and self-pairing terms over the continua, and a gap cut in
// two contributes the same Σℓ as before.
func TestUnitizedSplitContinuum(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	cats := []string{"A", "B", "C"}
	for range 100 {
		m := 2 + rng.Intn(2)
		L1, L2 := 10+rng.Intn(30), 10+rng.Intn(30)
		first := randomUnitizing(rng, []int{L1}, m, cats)
		second := randomUnitizing(rng, []int{L2}, m, cats)
		var whole, split []UnitizedSegment
		whole = append(whole, first...)
		split = append(split, first...)
		for _, s := range second {
			w := s
			w.Start += L1
			w.End += L1
			whole = append(whole, w)
			s.Continuum = 1
			split = append(split, s)
		}
		a := mustUnitized(t, []int{L1 + L2}, m, whole, UnitizedOptions{Categories: cats})
		b := mustUnitized(t, []int{L1, L2}, m, split, UnitizedOptions{Categories: cats})
		if !sameReport(a, b) {
			t.Fatalf("split changed the report:\n%+v\n%+v", a, b)
		}
		if b.Continua != 2 || b.Length != L1+L2 {
			t.Errorf("continua %d, length %d", b.Continua, b.Length)
		}
	}
}

// Scaling every offset by s: cuα never changes, and uα does not when there
// are no gaps (units count with ℓ², the rest with l.., everything scales
// alike). With gaps, which count with their plain length, uα moves.
func TestUnitizedScaling(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	cats := []string{"A", "B"}
	scale := func(segs []UnitizedSegment, s int) []UnitizedSegment {
		out := slices.Clone(segs)
		for i := range out {
			out[i].Start *= s
			out[i].End *= s
		}
		return out
	}
	moved := 0
	for range 50 {
		segs := randomUnitizing(rng, []int{40}, 2, cats)
		a := mustUnitized(t, []int{40}, 2, segs, UnitizedOptions{})
		b := mustUnitized(t, []int{120}, 2, scale(segs, 3), UnitizedOptions{})
		if !sameStat(a.CUAlpha, b.CUAlpha) && !(a.CUAlpha.Value != nil && close(*a.CUAlpha.Value, *b.CUAlpha.Value)) {
			t.Errorf("cuα %v vs %v", a.CUAlpha, b.CUAlpha)
		}
		if a.UAlpha.Value != nil && *a.UAlpha.Value != *b.UAlpha.Value {
			moved++
		}
	}
	if moved == 0 {
		t.Error("uα never moved with the scale, though the data has gaps")
	}
	// Gapless: A and B tile the continuum.
	segs := []UnitizedSegment{useg(0, 0, 3, "A"), useg(0, 3, 10, "B"), useg(1, 0, 5, "A"), useg(1, 5, 7, "B"), useg(1, 7, 10, "A")}
	a := mustUnitized(t, []int{10}, 2, segs, UnitizedOptions{})
	b := mustUnitized(t, []int{70}, 2, scale(segs, 7), UnitizedOptions{})
	if !close(*a.UAlpha.Value, *b.UAlpha.Value) || !close(*a.CUAlpha.Value, *b.CUAlpha.Value) {
		t.Errorf("gapless: uα %v → %v, cuα %v → %v", *a.UAlpha.Value, *b.UAlpha.Value, *a.CUAlpha.Value, *b.CUAlpha.Value)
	}
}

// Lengths whose sums would overflow int64 are refused, not wrapped: before
// this check a continuum of length near 2⁶³ gave uα = 2.38. At the largest
// length accepted every coefficient is still within its range, and exact.
func TestUnitizedBounds(t *testing.T) {
	huge := math.MaxInt64 - 10
	segs := []UnitizedSegment{useg(0, 0, huge/2, "A"), useg(1, huge/4, huge/2, "A")}
	for _, tc := range []struct {
		lengths []int
		coders  int
		want    string
	}{
		{[]int{huge}, 2, "exact up to a total length of"},
		{[]int{math.MaxInt64, 1}, 2, "add up to more than"},
		{[]int{int(maxUnitizedLength(3)) + 1}, 3, "with 3 coders"},
		{[]int{10}, math.MaxInt32 + 1, "at most 2147483647 coders"},
	} {
		s := segs
		if tc.lengths[0] < huge/2 {
			s = nil
		}
		r, err := Unitized(tc.lengths, tc.coders, s, UnitizedOptions{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("lengths %v, %d coders: report %+v, error %v; want %q", tc.lengths, tc.coders, r.UAlpha, err, tc.want)
		}
	}

	// The largest length accepted: coder 0 codes the first half, coder 1
	// the second quarter; the same data a billion times shorter gives
	// nearly the same coefficients (gaps count with their length, so not
	// exactly), and none is out of range.
	L := int(maxUnitizedLength(2))
	q := L / 4
	big := mustUnitized(t, []int{4 * q}, 2, []UnitizedSegment{useg(0, 0, 2*q, "A"), useg(1, q, 2*q, "A")}, UnitizedOptions{})
	small := mustUnitized(t, []int{4000}, 2, []UnitizedSegment{useg(0, 0, 2000, "A"), useg(1, 1000, 2000, "A")}, UnitizedOptions{})
	for _, p := range [][3]any{{"uα", big.UAlpha, small.UAlpha}, {"|uα", big.BinaryUAlpha, small.BinaryUAlpha}, {"binary (A)uα", big.BinaryKUAlpha["A"], small.BinaryKUAlpha["A"]}} {
		b, s := p[1].(Statistic), p[2].(Statistic)
		if b.Value == nil || s.Value == nil || *b.Value > 1 || *b.Value < -1 || math.Abs(*b.Value-*s.Value) > 1e-3 {
			t.Errorf("%s at length %d = %+v, at 4000 %+v", p[0], 4*q, b, s)
		}
	}
}
