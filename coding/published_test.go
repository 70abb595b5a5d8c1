package coding

import (
	"testing"
)

// publishedStat picks one coefficient out of a report by the name used in the
// tables below.
func publishedStat(t *testing.T, r ReliabilityReport, name string) Statistic {
	t.Helper()
	switch name {
	case "percent":
		return r.PercentAgreement
	case "cohen":
		return r.CohenKappa
	case "scott":
		return r.ScottPi
	case "fleiss":
		return r.FleissKappa
	case "ac1":
		return r.GwetAC1
	case "bp":
		return r.BrennanPrediger
	case "alpha":
		return r.KrippendorffAlpha
	}
	t.Fatalf("unknown statistic %q", name)
	return Statistic{}
}

// printed is one value as printed in the source, asserted to the precision it
// was printed with.
type printed struct {
	stat string
	want float64
	tol  float64
}

// Two-coder worked examples from the literature. Each table is a square
// contingency table (rows one coder, columns the other) expanded into units
// with twoCoderUnits; every nominal coefficient we compute depends only on the
// diagonal and the two margins, so the orientation of the table does not
// matter. Each case asserts the values printed in the source to their printed
// precision, and the exact rationals worked out by hand from the table.
func TestPublishedTwoCoderExamples(t *testing.T) {
	for _, tc := range []struct {
		name   string
		labels []string
		table  [][]int
		q      int // categories argument (Q for Brennan–Prediger); 0 = observed
		// Values printed in the source, to their printed precision.
		printed []printed
		// Exact values by hand from the table (not printed in the source
		// unless also listed above).
		pct, cohen, scott, ac1, bp, alpha float64
	}{
		// Cohen, J. (1960). A coefficient of agreement for nominal scales.
		// Educational and Psychological Measurement 20(1), 37–46, Table 2: two
		// judges, 200 units, 3 categories, proportions
		//   .44 .07 .09 / .05 .20 .05 / .01 .03 .06
		// i.e. frequencies 88 14 18 / 10 40 10 / 2 6 12; the paper gives
		// p_o = .70, p_c = .41, κ = .492. (The table is Table 2, not Table 1: the
		// paper's Table 1, p. 37, is a different illustration with p_o = .29,
		// p_c = .35. The cells were taken from two independent reproductions
		// that cite "Cohen (1960), Table 2" and agree cell for cell; the printed
		// page of Table 2 was not seen.)
		// By hand: margins 120, 60, 20 and 100, 60, 40 of N = 200;
		// p_o = 140/200 = 7/10; p_c = .30 + .09 + .02 = .41, κ = .29/.59 = 29/59.
		// Scott: pooled .55, .30, .15, p_e = .415, π = .285/.585 = 19/39.
		// AC1: p_e = (.55·.45 + .30·.70 + .15·.85)/2 = .2925,
		// AC1 = .4075/.7075 = 163/283. Brennan–Prediger (Q = 3):
		// (7/10 − 1/3)/(2/3) = 11/20. Nominal α = 1 − (2N−1)/(2N)·(1 − π)
		// = 1 − (399/400)(20/39) = 127/260.
		{
			name:   "Cohen 1960 Table 2",
			labels: []string{"1", "2", "3"},
			table:  [][]int{{88, 14, 18}, {10, 40, 10}, {2, 6, 12}},
			printed: []printed{
				{"percent", 0.70, 0.005},
				{"cohen", 0.492, 0.0005},
			},
			pct: 7.0 / 10, cohen: 29.0 / 59, scott: 19.0 / 39, ac1: 163.0 / 283, bp: 11.0 / 20, alpha: 127.0 / 260,
		},
		// Artstein, R. & Poesio, M. (2008). Inter-coder agreement for
		// computational linguistics. Computational Linguistics 34(4), 555–596,
		// Table 1: two coders, 100 utterances, STAT / IREQ,
		//   20 20 / 10 50.
		// The cells and κ = .348 are as reproduced in scikit-learn's
		// test_cohen_kappa ("the contingency matrix from Artstein and Poesio
		// (2008), Table 1"); the article's own page was not seen, so only that
		// value is asserted as printed.
		// By hand: margins 40, 60 and 30, 70; A_o = 70/100 = 7/10;
		// κ: A_e = .4·.3 + .6·.7 = .54, κ = .16/.46 = 8/23.
		// π: pooled .35, .65, A_e = .545, π = .155/.455 = 31/91.
		// S (Brennan–Prediger, Q = 2): (.7 − .5)/.5 = 2/5.
		// AC1: p_e = 2·.35·.65 = .455, AC1 = .245/.545 = 49/109.
		// α = 1 − (199/200)(60/91) = 313/910.
		{
			name:   "Artstein & Poesio 2008 Table 1",
			labels: []string{"STAT", "IREQ"},
			table:  [][]int{{20, 20}, {10, 50}},
			printed: []printed{
				{"cohen", 0.348, 0.0005},
			},
			pct: 7.0 / 10, cohen: 8.0 / 23, scott: 31.0 / 91, ac1: 49.0 / 109, bp: 2.0 / 5, alpha: 313.0 / 910,
		},
		// Artstein & Poesio (2008), Table 4 (p. 568 according to the
		// reproduction cited below): two coders, 100 utterances, STAT / IREQ /
		// CHCK,
		//   46 0 0 / 6 32 6 / 0 0 10
		// (coder A 46, 44, 10; coder B 52, 32, 16). Printed values: A_o = 0.88,
		// A_e^κ = 0.396, κ = 0.8013, π = 0.7995, S = 0.82. The cells and values
		// are as reproduced by NLTK (nltk/metrics/artstein_poesio_example.txt
		// with A_o 0.88, π 0.79953, S 0.82), scikit-learn's test_cohen_kappa
		// ("Artstein and Poesio, Table 4", κ = .8013) and a doctest citing
		// "Artstein Poesio 2008, p. 568" (κ 0.801, A_e 0.396, A_o 0.880); π =
		// 0.7995 and κ = 0.8013 also appear as the expected values in a third
		// reproduction. The article's own page was not seen.
		// By hand: A_o = 88/100 = 22/25; A_e^κ = (46·52 + 44·32 + 10·16)/10⁴
		// = .396, κ = .484/.604 = 121/151. π: pooled .49, .38, .13,
		// A_e = .4014, π = .4786/.5986 = 2393/2993. S (Q = 3):
		// (.88 − 1/3)/(2/3) = 41/50. AC1: p_e = .5986/2 = .2993,
		// AC1 = .5807/.7007 = 5807/7007. α = 1 − (199/200)(600/2993)
		// = 2396/2993.
		{
			name:   "Artstein & Poesio 2008 Table 4",
			labels: []string{"STAT", "IREQ", "CHCK"},
			table:  [][]int{{46, 0, 0}, {6, 32, 6}, {0, 0, 10}},
			printed: []printed{
				{"percent", 0.88, 0.005},
				{"cohen", 0.8013, 0.00005},
				{"scott", 0.7995, 0.00005},
				{"fleiss", 0.7995, 0.00005}, // multi-π with two coders is π
				{"bp", 0.82, 0.005},
			},
			pct: 22.0 / 25, cohen: 121.0 / 151, scott: 2393.0 / 2993, ac1: 5807.0 / 7007, bp: 41.0 / 50, alpha: 2396.0 / 2993,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			units := twoCoderUnits(tc.labels, tc.table)
			r := mustReliability(t, []string{"A", "B"}, units, Nominal, tc.q, 0, 0)
			if r.Units != len(units) || r.PairableUnits != len(units) || len(r.Categories) != len(tc.labels) {
				t.Errorf("units %d pairable %d categories %v", r.Units, r.PairableUnits, r.Categories)
			}
			for _, p := range tc.printed {
				checkValue(t, p.stat+" (printed)", publishedStat(t, r, p.stat), p.want, p.tol)
			}
			checkValue(t, "percent", r.PercentAgreement, tc.pct, 1e-12)
			checkValue(t, "cohen", r.CohenKappa, tc.cohen, 1e-12)
			checkValue(t, "scott", r.ScottPi, tc.scott, 1e-12)
			checkValue(t, "fleiss", r.FleissKappa, tc.scott, 1e-12)
			checkValue(t, "ac1", r.GwetAC1, tc.ac1, 1e-12)
			checkValue(t, "bp", r.BrennanPrediger, tc.bp, 1e-12)
			checkValue(t, "alpha", r.KrippendorffAlpha, tc.alpha, 1e-12)
			if len(tc.labels) == 2 {
				c := Counts{Both: int64(tc.table[0][0]), OnlyA: int64(tc.table[0][1]), OnlyB: int64(tc.table[1][0]), Neither: int64(tc.table[1][1])}
				k, ok := Kappa(c)
				if !ok || k != *r.CohenKappa.Value {
					t.Errorf("Kappa(%+v) = %v, %v; Reliability cohen = %v", c, k, ok, *r.CohenKappa.Value)
				}
				if got := ObservedAgreement(c); got != tc.pct {
					t.Errorf("ObservedAgreement = %v, want %v", got, tc.pct)
				}
			}
		})
	}
}

// Gwet, K. L. (2014). Handbook of Inter-Rater Reliability, 4th ed., p. 120,
// and his irrCAC package's data set cac.raw4raters: Krippendorff's (2011) 4
// raters × 12 units with missing ratings (testdata/reliability/
// krippendorff2011.csv). irrCAC documents pa.coeff.raw = 0.8181818 and
// fleiss.kappa.raw = 0.76117 on it.
//
// By hand: the 11 units with two or more ratings have agreeing-pair shares
// 1, 1/2, 1, 1, 1, 0, 1, 1/2, 1, 1, 1, so p_a = 9/11. Over all 12 rated
// units (unit 12 has one rating) π = (3, 3¼, 3½, 1¼, 1)/12, so Fleiss'
// p_e = Σπ² = 275/1152 and κ = (9/11 − 275/1152)/(1 − 275/1152) =
// 7343/9647 = 0.761169; AC1's p_e = (1 − 275/1152)/4 = 877/4608, AC1 =
// (9/11 − 877/4608)/(1 − 877/4608) = 31825/41041; Brennan–Prediger with
// Q = 5 is (9/11 − 1/5)/(4/5) = 17/22. The pairwise average Themis used to
// print as percent agreement is 0.778 (by hand, the pairs over the units
// both rated: AB 8/9, AC 5/8, AD 8/9, BC 6/9, BD 9/10, CD 7/10; their mean
// is 0.778241).
func TestPublishedIrrCACFourRaters(t *testing.T) {
	coders, units := readReliabilityCSV(t, "krippendorff2011.csv")
	r := mustReliability(t, coders, units, Nominal, 0, 0, 0)
	for _, p := range []printed{
		{"percent", 0.8181818, 5e-8},
		{"fleiss", 0.76117, 5e-6},
		{"alpha", 0.743, 0.0005},
	} {
		checkValue(t, p.stat+" (printed)", publishedStat(t, r, p.stat), p.want, p.tol)
	}
	checkValue(t, "percent", r.PercentAgreement, 9.0/11, 1e-15)
	checkValue(t, "fleiss", r.FleissKappa, 7343.0/9647, 1e-12)
	checkValue(t, "ac1", r.GwetAC1, 31825.0/41041, 1e-12)
	checkValue(t, "bp", r.BrennanPrediger, 17.0/22, 1e-12)
	pairwise := (8.0/9 + 5.0/8 + 8.0/9 + 6.0/9 + 9.0/10 + 7.0/10) / 6
	checkValue(t, "pairwise", r.PairwiseAgreement, pairwise, 1e-12)

	// Dropping the singly rated unit 12 first changes π (each over 11 units:
	// 3, 3¼, 2½, 1¼, 1) and so Fleiss' κ: p_e = 227/968, κ = 565/741 =
	// 0.762483, as the package documentation says.
	r = mustReliability(t, coders, units[:11], Nominal, 0, 0, 0)
	checkValue(t, "fleiss without the singly rated unit", r.FleissKappa, 565.0/741, 1e-12)
}
