package coding

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func readReliabilityCSV(t testing.TB, name string) (coders []string, units [][]string) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "reliability", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows[0], rows[1:]
}

func mustReliability(t testing.TB, coders []string, units [][]string, level Level, q, boot int, seed int64) ReliabilityReport {
	t.Helper()
	r, err := Reliability(coders, units, level, q, boot, seed)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func checkValue(t *testing.T, name string, s Statistic, want float64, tol float64) {
	t.Helper()
	if s.Value == nil {
		t.Errorf("%s undefined (%v), want %.6f", name, undefinedReason(s.Undefined), want)
		return
	}
	if math.Abs(*s.Value-want) > tol {
		t.Errorf("%s = %.6f, want %.6f", name, *s.Value, want)
	}
}

func checkUndefined(t *testing.T, name string, s Statistic, reason string) {
	t.Helper()
	if s.Value != nil || s.Undefined == nil || *s.Undefined != reason {
		t.Errorf("%s = %v (undefined %q), want undefined %q", name, s.Value, undefinedReason(s.Undefined), reason)
	}
}

func undefinedReason(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Section E, the
// 4 observers × 12 units example with missing values; the published alphas are
// nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797.
func TestKrippendorffAlpha2011(t *testing.T) {
	coders, units := readReliabilityCSV(t, "krippendorff2011.csv")
	for _, tc := range []struct {
		level Level
		want  float64
	}{
		{Nominal, 0.743},
		{Ordinal, 0.815},
		{Interval, 0.849},
		{Ratio, 0.797},
	} {
		r := mustReliability(t, coders, units, tc.level, 0, 0, 0)
		checkValue(t, string(tc.level)+" alpha", r.KrippendorffAlpha, tc.want, 0.0005)
		if r.Units != 12 || r.PairableUnits != 11 || r.Coders != 4 {
			t.Errorf("%s: units %d pairable %d coders %d, want 12, 11, 4", tc.level, r.Units, r.PairableUnits, r.Coders)
		}
		checkUndefined(t, "cohen", r.CohenKappa, ReasonTwoCoders)
		checkUndefined(t, "scott", r.ScottPi, ReasonTwoCoders)
		checkValue(t, "fleiss (generalised, Gwet 2014)", r.FleissKappa, 7343.0/9647, 1e-12)
	}
	r := mustReliability(t, coders, units, Nominal, 0, 0, 0)
	if want := []string{"1", "2", "3", "4", "5"}; !reflect.DeepEqual(r.Categories, want) {
		t.Errorf("categories %v, want %v", r.Categories, want)
	}
	// Exact nominal alpha by hand from the paper's coincidences: n = 40 pairable
	// values, n_c = 9, 13, 10, 5, 3; off-diagonal coincidences (ordered pairs) 2
	// from unit 2, 4 from unit 6, 2 from unit 8, 8 in all:
	// α = 1 − (n−1)·8/(n² − Σn_c²) = 1 − 39·8/1216 = 0.743421.
	checkValue(t, "nominal alpha exact", r.KrippendorffAlpha, 1-39.0*8/1216, 1e-12)
}

// Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters,
// Psychological Bulletin 76(5), Table 1: 30 patients × 6 raters, κ = 0.430
// (R irr::kappam.fleiss(diagnoses) = 0.4302445).
func TestFleissKappa1971(t *testing.T) {
	coders, units := readReliabilityCSV(t, "fleiss1971.csv")
	r := mustReliability(t, coders, units, Nominal, 0, 0, 0)
	checkValue(t, "fleiss", r.FleissKappa, 0.4302445, 1e-7)
	if len(r.Categories) != 5 || r.PairableUnits != 30 {
		t.Errorf("categories %v pairable %d", r.Categories, r.PairableUnits)
	}
}

// Wikipedia, "Fleiss' kappa", worked example: 10 subjects × 14 raters, 5
// categories, κ = 0.210 (also statsmodels' test_fleiss_kappa). Given as counts
// per category; the assignment of ratings to rater columns is irrelevant.
func TestFleissKappaWikipedia(t *testing.T) {
	counts := [][5]int{
		{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
		{7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
	}
	units := make([][]string, len(counts))
	for i, c := range counts {
		for k, n := range c {
			for range n {
				units[i] = append(units[i], strconv.Itoa(k+1))
			}
		}
	}
	coders := make([]string, 14)
	for i := range coders {
		coders[i] = "r" + strconv.Itoa(i+1)
	}
	r := mustReliability(t, coders, units, Nominal, 0, 0, 0)
	checkValue(t, "fleiss", r.FleissKappa, 0.20993, 1e-5)
}

// twoCoderUnits expands a square contingency table (rows coder A, columns
// coder B) over the given labels into units.
func twoCoderUnits(labels []string, table [][]int) [][]string {
	var units [][]string
	for i, row := range table {
		for j, n := range row {
			for range n {
				units = append(units, []string{labels[i], labels[j]})
			}
		}
	}
	return units
}

func TestTwoCoderStatistics(t *testing.T) {
	for _, tc := range []struct {
		name                       string
		labels                     []string
		table                      [][]int
		pct, cohen, scott, ac1, bp float64
	}{
		// Wikipedia, "Cohen's kappa", first worked example: 50 proposals, both yes
		// 20, A yes/B no 5, A no/B yes 10, both no 15: p_o = 0.7, p_e = 0.5, κ = 0.4.
		// By hand: Scott p_e = 0.55² + 0.45² = 0.505, π = 0.195/0.495 = 0.393939;
		// AC1 p_e = 2·0.55·0.45/(2−1) = 0.495, AC1 = 0.205/0.505 = 0.405941;
		// Brennan–Prediger = PABAK = 2·0.7 − 1 = 0.4. Marginals differ: Cohen ≠ Scott.
		{"wikipedia 2x2", []string{"yes", "no"}, [][]int{{20, 5}, {10, 15}},
			0.7, 0.4, 1950.0 / 4950, 0.205 / 0.505, 0.4},
		// SAS PROC FREQ example as in statsmodels' test_inter_rater (table10):
		// κ = 0.4842 published. By hand: N = 19, agree = 13, A margins 5, 8, 6,
		// B margins 0, 13, 6: κ = (19·13 − 140)/(361 − 140) = 107/221;
		// π = (4·19·13 − 610)/(4·361 − 610) = 378/834; AC1 p_e = (1 − 610/1444)/2,
		// AC1 = 571/1027; BP = (13/19 − 1/3)/(2/3) = 10/19. Cohen ≠ Scott.
		{"SAS 3x3", []string{"1", "2", "3"}, [][]int{{0, 4, 1}, {0, 8, 0}, {0, 1, 5}},
			13.0 / 19, 107.0 / 221, 378.0 / 834, 571.0 / 1027, 10.0 / 19},
		// Symmetric margins (50/50 each), p_o = 0.8: every chance-corrected
		// coefficient is (0.8 − 0.5)/0.5 = 0.6 by hand.
		{"symmetric 2x2", []string{"a", "b"}, [][]int{{40, 10}, {10, 40}},
			0.8, 0.6, 0.6, 0.6, 0.6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			units := twoCoderUnits(tc.labels, tc.table)
			r := mustReliability(t, []string{"A", "B"}, units, Nominal, 0, 0, 0)
			checkValue(t, "percent", r.PercentAgreement, tc.pct, 1e-12)
			checkValue(t, "cohen", r.CohenKappa, tc.cohen, 1e-12)
			checkValue(t, "scott", r.ScottPi, tc.scott, 1e-12)
			checkValue(t, "ac1", r.GwetAC1, tc.ac1, 1e-12)
			checkValue(t, "bp", r.BrennanPrediger, tc.bp, 1e-12)
			// Independent cross-checks: Fleiss' kappa with two raters and no missing
			// values is Scott's pi, and Krippendorff's nominal alpha is
			// 1 − (2N−1)/(2N)·(1 − π) (Krippendorff 2011).
			checkValue(t, "fleiss = scott", r.FleissKappa, *r.ScottPi.Value, 1e-12)
			N := float64(len(units))
			checkValue(t, "alpha identity", r.KrippendorffAlpha, 1-(2*N-1)/(2*N)*(1-*r.ScottPi.Value), 1e-12)
			// The existing exact 2×2 kappa agrees.
			if len(tc.labels) == 2 {
				k, ok := Kappa(Counts{Both: int64(tc.table[0][0]), OnlyA: int64(tc.table[0][1]), OnlyB: int64(tc.table[1][0]), Neither: int64(tc.table[1][1])})
				if !ok || k != *r.CohenKappa.Value {
					t.Errorf("Kappa = %v, Reliability cohen = %v", k, *r.CohenKappa.Value)
				}
			}
		})
	}
}

// R irr::kappa2(anxiety[, 2:3]) = −0.006289308 (statsmodels'
// test_cohens_kappa_irr); the irr anxiety data, 20 subjects × 3 raters, stored
// column by column.
func TestCohenKappaIrrAnxiety(t *testing.T) {
	x := []int{
		3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3, 3, 6, 4,
		6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4, 2, 1, 4, 4, 3, 2,
		1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2,
	}
	var units [][]string
	for i := range 20 {
		units = append(units, []string{strconv.Itoa(x[20+i]), strconv.Itoa(x[40+i])})
	}
	r := mustReliability(t, []string{"rater2", "rater3"}, units, Nominal, 0, 0, 0)
	checkValue(t, "cohen", r.CohenKappa, -0.006289308, 1e-9)
}

func TestReliabilityUndefinedAndErrors(t *testing.T) {
	same := [][]string{{"yes", "yes"}, {"yes", "yes"}, {"yes", "yes"}}
	r := mustReliability(t, []string{"A", "B"}, same, Nominal, 0, 0, 0)
	checkValue(t, "percent", r.PercentAgreement, 1, 0)
	checkUndefined(t, "cohen", r.CohenKappa, ReasonNoVariation)
	checkUndefined(t, "scott", r.ScottPi, ReasonNoVariation)
	checkUndefined(t, "fleiss", r.FleissKappa, ReasonNoVariation)
	checkUndefined(t, "alpha", r.KrippendorffAlpha, ReasonNoVariation)
	checkUndefined(t, "ac1", r.GwetAC1, ReasonOneCategory)
	checkUndefined(t, "bp", r.BrennanPrediger, ReasonOneCategory)
	// With two possible categories, AC1: p_a = 1, p_e = 0 → 1; BP = (1 − ½)/½ = 1.
	r = mustReliability(t, []string{"A", "B"}, same, Nominal, 2, 0, 0)
	checkValue(t, "ac1 Q=2", r.GwetAC1, 1, 0)
	checkValue(t, "bp Q=2", r.BrennanPrediger, 1, 0)

	for _, tc := range []struct {
		name   string
		coders []string
		units  [][]string
		level  Level
		q      int
	}{
		{"one coder", []string{"A"}, [][]string{{"1"}, {"2"}}, Nominal, 0},
		{"no units", []string{"A", "B"}, nil, Nominal, 0},
		{"ragged", []string{"A", "B"}, [][]string{{"1", "1"}, {"1"}}, Nominal, 0},
		{"one pairable", []string{"A", "B"}, [][]string{{"1", "1"}, {"1", ""}}, Nominal, 0},
		{"not a number", []string{"A", "B"}, [][]string{{"1", "1"}, {"2", "x"}}, Interval, 0},
		{"negative ratio", []string{"A", "B"}, [][]string{{"1", "1"}, {"2", "-1"}}, Ratio, 0},
		{"too few categories", []string{"A", "B"}, [][]string{{"1", "2"}, {"3", "3"}}, Nominal, 2},
		{"bad level", []string{"A", "B"}, [][]string{{"1", "2"}, {"3", "3"}}, "weird", 0},
	} {
		if _, err := Reliability(tc.coders, tc.units, tc.level, tc.q, 0, 0); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	_, err := Reliability([]string{"A", "B"}, [][]string{{"1", "1"}, {"2", "x"}}, Interval, 0, 0, 0)
	if ve, ok := err.(*ValueError); !ok || ve.Unit != 1 || ve.Coder != 1 || ve.Value != "x" {
		t.Errorf("err = %#v, want a ValueError for unit 1, coder 1, x", err)
	}
}

func TestReliabilityBootstrap(t *testing.T) {
	coders, units := readReliabilityCSV(t, "fleiss1971.csv")
	a := mustReliability(t, coders, units, Nominal, 0, 500, 42)
	b := mustReliability(t, coders, units, Nominal, 0, 500, 42)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different reports")
	}
	c := mustReliability(t, coders, units, Nominal, 0, 500, 43)
	if reflect.DeepEqual(a.FleissKappa.CI, c.FleissKappa.CI) {
		t.Error("different seeds gave the same interval")
	}
	for name, s := range map[string]Statistic{
		"percent": a.PercentAgreement, "fleiss": a.FleissKappa, "ac1": a.GwetAC1,
		"bp": a.BrennanPrediger, "alpha": a.KrippendorffAlpha,
	} {
		if s.CI == nil || s.Value == nil || !(s.CI[0] <= *s.Value && *s.Value <= s.CI[1]) || s.CI[0] >= s.CI[1] {
			t.Errorf("%s: CI %v does not contain %v", name, s.CI, s.Value)
		}
	}
	if a.CohenKappa.CI != nil || a.ScottPi.CI != nil {
		t.Error("undefined statistics got an interval")
	}
	// Without bootstrap there is no interval.
	p := mustReliability(t, coders, units, Nominal, 0, 0, 42)
	if p.FleissKappa.CI != nil {
		t.Error("interval without bootstrap")
	}
}

func TestPercentile(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5}
	for _, tc := range []struct{ p, want float64 }{{0, 1}, {0.5, 3}, {0.25, 2}, {0.975, 4.9}, {1, 5}} {
		if got := percentile(x, tc.p); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("percentile(%v) = %v, want %v", tc.p, got, tc.want)
		}
	}
}

func BenchmarkReliability4x100000(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	coders := []string{"A", "B", "C", "D"}
	units := make([][]string, 100000)
	for i := range units {
		truth := rng.Intn(5)
		row := make([]string, 4)
		for j := range row {
			v := truth
			if rng.Float64() < 0.3 {
				v = rng.Intn(5)
			}
			row[j] = strconv.Itoa(v + 1)
		}
		units[i] = row
	}
	b.ResetTimer()
	for range b.N {
		if _, err := Reliability(coders, units, Ordinal, 0, 0, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// The percentage printed as percent agreement is the p_a that AC1,
// Brennan–Prediger and Fleiss' κ correct for chance, on random data sets
// with 2–5 coders, up to 6 categories and missing values. Each p_a is worked
// back from the coefficient with a chance agreement computed here
// independently, unit by unit, and compared with p_a counted pair by pair.
func TestPercentAgreementIsGwetPa(t *testing.T) {
	rng := rand.New(rand.NewSource(15))
	for trial := range 500 {
		C := 2 + rng.Intn(4)
		L := 2 + rng.Intn(5)
		U := 2 + rng.Intn(40)
		missing := rng.Float64() * 0.5
		coders := make([]string, C)
		for j := range coders {
			coders[j] = "c" + strconv.Itoa(j)
		}
		units := make([][]string, U)
		for i := range units {
			units[i] = make([]string, C)
			for j := range units[i] {
				if rng.Float64() >= missing {
					units[i][j] = strconv.Itoa(rng.Intn(L))
				}
			}
		}
		r, err := Reliability(coders, units, Nominal, L, 0, 0)
		if err != nil {
			continue // fewer than two pairable units
		}
		// p_a pair by pair, and π_k over the rated units.
		pa, pairable, rated := 0.0, 0, 0
		pi := make([]float64, L)
		for _, row := range units {
			var vals []int
			for _, c := range row {
				if c != "" {
					v, _ := strconv.Atoi(c)
					vals = append(vals, v)
				}
			}
			if len(vals) == 0 {
				continue
			}
			rated++
			for _, v := range vals {
				pi[v] += 1 / float64(len(vals))
			}
			if len(vals) < 2 {
				continue
			}
			pairable++
			agree, pairs := 0, 0
			for a := range vals {
				for b := range vals {
					if a != b {
						pairs++
						if vals[a] == vals[b] {
							agree++
						}
					}
				}
			}
			pa += float64(agree) / float64(pairs)
		}
		pa /= float64(pairable)
		peF, peG := 0.0, 0.0
		for k := range pi {
			p := pi[k] / float64(rated)
			peF += p * p
			peG += p * (1 - p)
		}
		peG /= float64(L - 1)
		Q := float64(L)
		got := *r.PercentAgreement.Value
		for name, inside := range map[string]float64{
			"counted":          pa,
			"Brennan–Prediger": *r.BrennanPrediger.Value*(1-1/Q) + 1/Q,
			"AC1":              *r.GwetAC1.Value*(1-peG) + peG,
		} {
			if math.Abs(got-inside) > 1e-12 {
				t.Fatalf("trial %d (%d coders, %d units): percent agreement %v, p_a %s %v", trial, C, U, got, name, inside)
			}
		}
		if r.FleissKappa.Value != nil {
			if inside := *r.FleissKappa.Value*(1-peF) + peF; math.Abs(got-inside) > 1e-12 {
				t.Fatalf("trial %d: percent agreement %v, p_a inside Fleiss' κ %v", trial, got, inside)
			}
		} else if peF < 1-1e-12 {
			t.Fatalf("trial %d: Fleiss' κ undefined (%s) with p_e %v", trial, *r.FleissKappa.Undefined, peF)
		}
		if C == 2 && math.Abs(got-*r.PairwiseAgreement.Value) > 1e-15 {
			t.Fatalf("trial %d: two coders, percent %v ≠ pairwise %v", trial, got, *r.PairwiseAgreement.Value)
		}
	}
}

// Every coefficient is a finite number or undefined with a reason, whatever
// the magnitudes, and the report always encodes as JSON.
func TestReliabilityExtremeValuesAreFiniteOrUndefined(t *testing.T) {
	big := []string{"1.7976931348623157e308", "-1.7976931348623157e308", "1e308", "-1e308", "1e155", "5e-324", "0", "1e-300", ""}
	rng := rand.New(rand.NewSource(9))
	for trial := range 200 {
		C := 2 + rng.Intn(3)
		coders := make([]string, C)
		for j := range coders {
			coders[j] = strconv.Itoa(j)
		}
		units := make([][]string, 3+rng.Intn(20))
		for i := range units {
			units[i] = make([]string, C)
			for j := range units[i] {
				units[i][j] = big[rng.Intn(len(big))]
			}
		}
		for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
			cells := units
			if level == Ratio {
				cells = make([][]string, len(units))
				for i, row := range units {
					cells[i] = make([]string, C)
					for j, c := range row {
						cells[i][j] = strings.TrimPrefix(c, "-")
					}
				}
			}
			r, err := Reliability(coders, cells, level, 0, 20, 1)
			if err != nil {
				continue // fewer than two pairable units
			}
			for name, s := range map[string]Statistic{
				"percent": r.PercentAgreement, "pairwise": r.PairwiseAgreement, "cohen": r.CohenKappa, "scott": r.ScottPi,
				"fleiss": r.FleissKappa, "ac1": r.GwetAC1, "bp": r.BrennanPrediger, "alpha": r.KrippendorffAlpha,
			} {
				if (s.Value == nil) == (s.Undefined == nil) {
					t.Fatalf("trial %d %s %s: value %v undefined %v", trial, level, name, s.Value, s.Undefined)
				}
				if s.Value != nil && (math.IsNaN(*s.Value) || math.IsInf(*s.Value, 0)) {
					t.Fatalf("trial %d %s %s = %v", trial, level, name, *s.Value)
				}
			}
			if _, err := json.Marshal(r); err != nil {
				t.Fatalf("trial %d %s: %v", trial, level, err)
			}
		}
	}
}

// α is invariant to the scale of interval and ratio values; values near the
// float64 limit used to give NaN (Inf/Inf in the distance sums).
func TestReliabilityHugeValuesSameAlpha(t *testing.T) {
	coders, units := readReliabilityCSV(t, "krippendorff2011.csv")
	scaled := make([][]string, len(units))
	for i, row := range units {
		scaled[i] = make([]string, len(row))
		for j, c := range row {
			if c != "" {
				scaled[i][j] = c + "e305"
			}
		}
	}
	for _, level := range []Level{Interval, Ratio} {
		a := mustReliability(t, coders, units, level, 0, 0, 0)
		b := mustReliability(t, coders, scaled, level, 0, 0, 0)
		if b.KrippendorffAlpha.Value == nil || math.Abs(*a.KrippendorffAlpha.Value-*b.KrippendorffAlpha.Value) > 1e-12 {
			t.Errorf("%s: alpha %v, of the values ×1e305 %v (%v)", level, *a.KrippendorffAlpha.Value, b.KrippendorffAlpha.Value, undefinedReason(b.KrippendorffAlpha.Undefined))
		}
	}
}

// Ordinal text labels need their order; given it, they are ranks 1..n and
// give exactly the statistics of the numbers 1..n.
func TestReliabilityOrder(t *testing.T) {
	coders, units := readReliabilityCSV(t, "krippendorff2011.csv")
	names := []string{"", "none", "low", "medium", "high", "extreme"}
	text := make([][]string, len(units))
	for i, row := range units {
		text[i] = make([]string, len(row))
		for j, c := range row {
			if c != "" {
				n, _ := strconv.Atoi(c)
				text[i][j] = names[n]
			}
		}
	}
	_, err := Reliability(coders, text, Ordinal, 0, 0, 0)
	if ve, ok := err.(*ValueError); !ok || !ve.NeedsOrder || ve.Unit != 0 || ve.Value != "none" {
		t.Fatalf("ordinal text without an order: err %#v, want a ValueError that needs an order", err)
	}
	for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
		want := mustReliability(t, coders, units, level, 0, 0, 0)
		got, err := ReliabilityWith(coders, text, ReliabilityOptions{Level: level, Order: names[1:]})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Categories, names[1:]) {
			t.Errorf("%s: categories %v", level, got.Categories)
		}
		got.Categories = want.Categories
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: with the order %+v, with numbers %+v", level, got, want)
		}
	}
	text[3][1] = "hgih"
	_, err = ReliabilityWith(coders, text, ReliabilityOptions{Level: Ordinal, Order: names[1:]})
	if ve, ok := err.(*ValueError); !ok || ve.Unit != 3 || ve.Coder != 1 || !strings.Contains(ve.Error(), "not one of the ordered categories") {
		t.Errorf("unknown label: %v", err)
	}
}

func TestReliabilityResampleCap(t *testing.T) {
	coders, units := readReliabilityCSV(t, "krippendorff2011.csv")
	if _, err := Reliability(coders, units, Nominal, 0, MaxResamples+1, 1); err == nil {
		t.Errorf("%d resamples accepted", MaxResamples+1)
	}
}

// A bootstrap resample is computed from pattern counts; it must give what
// the statistics of the drawn units, written out row by row, give.
func TestResampleEqualsExpandedUnits(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	for trial := range 200 {
		C := 2 + rng.Intn(3)
		coders := make([]string, C)
		for j := range coders {
			coders[j] = strconv.Itoa(j)
		}
		units := make([][]string, 5+rng.Intn(30))
		for i := range units {
			units[i] = make([]string, C)
			for j := range units[i] {
				if rng.Intn(5) > 0 {
					units[i][j] = strconv.Itoa(rng.Intn(4))
				}
			}
		}
		for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
			d, err := prepare(coders, slices.Values(units), ReliabilityOptions{Level: level, Categories: 4})
			if err != nil {
				t.Fatal(err)
			}
			counts := make([]int64, len(d.weight))
			var drawn [][]string
			for range units {
				u := rng.Intn(len(units))
				counts[d.unitOf[u]]++
				drawn = append(drawn, units[u])
			}
			got, pairable := newWorkspace(d).compute(counts)
			want, err := Reliability(coders, drawn, level, 4, 0, 0)
			if err != nil {
				if pairable >= 2 {
					t.Fatalf("trial %d: %v, but %d pairable", trial, err, pairable)
				}
				continue
			}
			for s, st := range []Statistic{want.PercentAgreement, want.CohenKappa, want.ScottPi, want.FleissKappa, want.GwetAC1, want.BrennanPrediger, want.KrippendorffAlpha, want.PairwiseAgreement} {
				if (st.Value == nil) != (got[s].why != "") || st.Value != nil && math.Abs(*st.Value-got[s].v) > 1e-12 {
					t.Fatalf("trial %d %s statistic %d: resample %+v, expanded %v (%v)", trial, level, s, got[s], st.Value, undefinedReason(st.Undefined))
				}
			}
		}
	}
}

// The order lists the possible categories, so it is the default Q of AC1
// and Brennan–Prediger, as irrCAC's categ.labels: here 4 possible, 2 observed.
func TestReliabilityOrderSetsQ(t *testing.T) {
	units := [][]string{{"a", "a"}, {"a", "b"}, {"b", "b"}, {"b", "b"}}
	r, err := ReliabilityWith([]string{"A", "B"}, units, ReliabilityOptions{Level: Ordinal, Order: []string{"a", "b", "c", "d"}})
	if err != nil {
		t.Fatal(err)
	}
	// p_a = 3/4; Brennan–Prediger with Q = 4 is (3/4 − 1/4)/(3/4) = 2/3.
	checkValue(t, "bp", r.BrennanPrediger, 2.0/3, 1e-15)
	if want := []string{"a", "b"}; !reflect.DeepEqual(r.Categories, want) {
		t.Errorf("categories %v, want the observed %v", r.Categories, want)
	}
}
