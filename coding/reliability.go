package coding

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"sort"
	"strconv"
	"strings"
)

// Level is the level of measurement of the categories, which chooses
// Krippendorff's difference function.
type Level string

// The levels of measurement [Reliability] accepts.
const (
	Nominal  Level = "nominal"
	Ordinal  Level = "ordinal"
	Interval Level = "interval"
	Ratio    Level = "ratio"
)

// ParseLevel returns the Level named by s (nominal, ordinal, interval or ratio).
func ParseLevel(s string) (Level, error) {
	switch l := Level(strings.ToLower(strings.TrimSpace(s))); l {
	case Nominal, Ordinal, Interval, Ratio:
		return l, nil
	}
	return "", fmt.Errorf("unknown level %q: say nominal, ordinal, interval or ratio", s)
}

// Statistic is one reliability coefficient: a value, or the reason it is
// undefined, and optionally a bootstrap confidence interval.
type Statistic struct {
	Value     *float64    `json:"value"`     // nil when undefined
	Undefined *string     `json:"undefined"` // why it is undefined; nil when defined
	CI        *[2]float64 `json:"ci"`        // bootstrap percentile 95% CI; nil unless requested and defined
}

// Reasons a statistic is undefined.
const (
	ReasonNoVariation   = "no variation: every pairable value is the same"
	ReasonTwoCoders     = "needs exactly two coders"
	ReasonFleissUnequal = "Fleiss' kappa needs the same number of ratings per unit"
	ReasonOneCategory   = "needs at least two categories"
	ReasonNoPairable    = "fewer than two pairable units"
)

// ReliabilityReport is the result of [Reliability].
type ReliabilityReport struct {
	Coders        int      `json:"coders"`
	Units         int      `json:"units"`
	PairableUnits int      `json:"pairable_units"` // units with at least two values
	Level         Level    `json:"level"`
	Categories    []string `json:"categories"` // every observed category, in the order described in the package documentation

	PercentAgreement  Statistic `json:"percent_agreement"`
	CohenKappa        Statistic `json:"cohen_kappa"`
	ScottPi           Statistic `json:"scott_pi"`
	FleissKappa       Statistic `json:"fleiss_kappa"`
	GwetAC1           Statistic `json:"gwet_ac1"`
	BrennanPrediger   Statistic `json:"brennan_prediger"`
	KrippendorffAlpha Statistic `json:"krippendorff_alpha"`
}

// ValueError is a cell that cannot be used at the requested level: not a
// number at the interval or ratio level, or negative at the ratio level.
// Unit and Coder are 0-based indices into the input.
type ValueError struct {
	Unit, Coder int
	CoderName   string
	Value       string
	Level       Level
	Reason      string
}

func (e *ValueError) Error() string {
	return fmt.Sprintf("unit %d, %s: %q %s", e.Unit+1, e.CoderName, e.Value, e.Reason)
}

// RaggedError is a unit with a different number of cells than there are coders.
type RaggedError struct {
	Unit, Got, Want int
}

func (e *RaggedError) Error() string {
	return fmt.Sprintf("unit %d has %d values, expected %d", e.Unit+1, e.Got, e.Want)
}

// Reliability computes the agreement statistics of a units × coders matrix
// (units[i][j] is coder j's category for unit i, "" missing).
//
// level chooses Krippendorff's difference function and whether values must be
// numbers. categories is the number of possible categories Q used by Gwet's
// AC1 and Brennan–Prediger; 0 means the number of distinct observed
// categories, and a value below that is an error. With bootstrap > 0, a
// percentile 95% confidence interval is computed for every defined statistic
// from that many resamples of the units (see below), drawn with math/rand
// seeded with seed, so the same seed gives the same interval.
//
// The statistics, with N the pairable units, r_i the number of values of unit
// i and r_ik how many of them are category k:
//
// Percent agreement. For two coders, the share of the units both coded on
// which they agree. For more coders, ReCal's "average pairwise percent
// agreement" (Freelon 2010): the percent agreement of every pair of coders
// over the units both coded, averaged over the pairs that share at least one
// unit. Without missing values this equals the mean over units of
// Σ_k r_ik(r_ik−1) / (r_i(r_i−1)).
//
// Cohen's kappa (Cohen 1960) and Scott's pi (Scott 1955), two coders only,
// over the units both coded: κ = (p_o − p_e)/(1 − p_e) with
// p_e = Σ_k p_A(k)·p_B(k) for Cohen and p_e = Σ_k ((p_A(k)+p_B(k))/2)² for
// Scott, p_A(k) and p_B(k) being each coder's share of category k. Both are
// evaluated from integer counts as (N·agree − Σ a_k b_k)/(N² − Σ a_k b_k) and
// (4N·agree − Σ(a_k+b_k)²)/(4N² − Σ(a_k+b_k)²), so they are exact to the last
// bit for N below 2^26. With more coders they are undefined ([ReasonTwoCoders]).
//
// Fleiss' kappa (Fleiss 1971): every unit with a value must have the same
// number n ≥ 2 of values, otherwise it is undefined ([ReasonFleissUnequal]);
// P̄ = mean_i Σ_k r_ik(r_ik−1)/(n(n−1)), P_e = Σ_k p_k² with p_k the share of
// all values in category k, κ = (P̄ − P_e)/(1 − P_e). For two coders without
// missing values it equals Scott's pi.
//
// Gwet's AC1 (Gwet 2008; Gwet 2014, Handbook of Inter-Rater Reliability, 4th
// ed., ch. 4): p_a = mean over pairable units of Σ_k r_ik(r_ik−1)/(r_i(r_i−1)),
// p_e = (1/(Q−1)) Σ_k π_k(1−π_k) with π_k the mean of r_ik/r_i over all units
// with at least one value (as Gwet's handbook and his irrCAC package do; a
// unit with a single value counts there), AC1 = (p_a − p_e)/(1 − p_e).
//
// Brennan–Prediger (Brennan & Prediger 1981): (p_a − 1/Q)/(1 − 1/Q) with the
// same p_a; with Q = 2 it is PABAK (Byrt, Bishop & Carlin 1993). Both need
// Q ≥ 2 ([ReasonOneCategory]).
//
// Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's
// alpha-reliability"), from the coincidence matrix with missing data: each
// pairable unit u with m_u values adds n_uc·n_uk/(m_u−1) to o_ck (c ≠ k);
// n_c = Σ_k o_ck and n = Σ_c n_c; α = 1 − (n−1)·Σ_{c<k} o_ck δ²_ck /
// Σ_{c<k} n_c n_k δ²_ck. The difference functions δ²_ck are: nominal, 1 for
// c ≠ k; ordinal, (Σ_{g=c..k} n_g − (n_c+n_k)/2)², over the categories in
// their order and the observed frequencies n_g; interval, (v_c − v_k)²;
// ratio, ((v_c − v_k)/(v_c + v_k))² (values must not be negative). When
// fewer than two categories occur among the pairable values, D_e = 0 and alpha
// is undefined ([ReasonNoVariation]).
//
// Bootstrap. Each resample draws len(units) units with replacement and
// recomputes every statistic (Q stays that of the full data). Resamples with
// fewer than two pairable units, and resamples where a statistic is
// undefined, are skipped for that statistic. The interval is the 2.5th and
// 97.5th percentiles of the remaining values (the percentile method, Efron &
// Tibshirani 1993, ch. 13), each by linear interpolation between order
// statistics (R's quantile type 7). A statistic undefined on the full data has
// no interval.
//
// Errors: fewer than two coders, no units, a row with the wrong number of
// cells ([RaggedError]), a value that is not a number at the interval or
// ratio level or negative at the ratio level ([ValueError]), an unknown level,
// categories below the observed number, or fewer than two pairable units.
func Reliability(coders []string, units [][]string, level Level, categories int, bootstrap int, seed int64) (ReliabilityReport, error) {
	d, err := prepare(coders, units, level, categories)
	if err != nil {
		return ReliabilityReport{}, err
	}
	w := newWorkspace(d)
	idx := make([]int32, len(units))
	for i := range idx {
		idx[i] = int32(i)
	}
	point, pairable := w.compute(idx)
	if pairable < 2 {
		return ReliabilityReport{}, fmt.Errorf("fewer than two units were coded by at least two coders (%d pairable units); reliability needs at least two", pairable)
	}
	var cis [numStats]*[2]float64
	if bootstrap > 0 {
		cis = w.bootstrap(point, bootstrap, seed)
	}
	stats := make([]Statistic, numStats)
	for s := range numStats {
		st := Statistic{CI: cis[s]}
		if point[s].why != "" {
			why := point[s].why
			st.Undefined, st.CI = &why, nil
		} else {
			v := point[s].v
			st.Value = &v
		}
		stats[s] = st
	}
	return ReliabilityReport{
		Coders:            len(coders),
		Units:             len(units),
		PairableUnits:     pairable,
		Level:             d.level,
		Categories:        d.labels,
		PercentAgreement:  stats[statPercent],
		CohenKappa:        stats[statCohen],
		ScottPi:           stats[statScott],
		FleissKappa:       stats[statFleiss],
		GwetAC1:           stats[statAC1],
		BrennanPrediger:   stats[statBP],
		KrippendorffAlpha: stats[statAlpha],
	}, nil
}

const (
	statPercent = iota
	statCohen
	statScott
	statFleiss
	statAC1
	statBP
	statAlpha
	numStats
)

// relData is the input, coded as category indices, with each unit's
// category counts stored sparsely.
type relData struct {
	coders   int
	level    Level
	labels   []string
	num      []float64 // numeric value per category (interval, ratio, and ordinal rank positions unused)
	q        int       // Q for AC1 and Brennan–Prediger
	vals     []int32   // units × coders, −1 missing
	m        []int32   // number of values per unit
	start    []int32   // unit u's counts are cat[start[u]:start[u+1]], cnt[...]
	cat, cnt []int32
}

func prepare(coders []string, units [][]string, level Level, categories int) (*relData, error) {
	switch level {
	case Nominal, Ordinal, Interval, Ratio:
	default:
		return nil, fmt.Errorf("unknown level %q: say nominal, ordinal, interval or ratio", level)
	}
	C := len(coders)
	if C < 2 {
		return nil, errors.New("reliability needs at least two coders")
	}
	if len(units) == 0 {
		return nil, errors.New("no units")
	}
	if len(units) >= math.MaxInt32 || int64(len(units))*int64(C) >= math.MaxInt32 {
		return nil, errors.New("too many cells")
	}
	if categories < 0 {
		return nil, fmt.Errorf("categories must not be negative, got %d", categories)
	}
	numeric := level == Interval || level == Ratio
	d := &relData{coders: C, level: level}
	raw := make([]int32, len(units)*C) // provisional category ids
	byLabel := map[string]int32{}
	byValue := map[float64]int32{}
	var labels []string
	var values []float64
	allNumeric := true
	for u, row := range units {
		if len(row) != C {
			return nil, &RaggedError{Unit: u, Got: len(row), Want: C}
		}
		for j, cell := range row {
			cell = strings.TrimSpace(cell)
			if cell == "" {
				raw[u*C+j] = -1
				continue
			}
			if numeric {
				v, err := strconv.ParseFloat(cell, 64)
				if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
					return nil, &ValueError{u, j, coders[j], cell, level, "is not a number (the " + string(level) + " level needs numbers)"}
				}
				if level == Ratio && v < 0 {
					return nil, &ValueError{u, j, coders[j], cell, level, "is negative (the ratio level needs values ≥ 0)"}
				}
				if v == 0 {
					v = 0 // −0 and 0 are the same value
				}
				id, ok := byValue[v]
				if !ok {
					id = int32(len(labels))
					byValue[v] = id
					labels = append(labels, cell)
					values = append(values, v)
				}
				raw[u*C+j] = id
				continue
			}
			id, ok := byLabel[cell]
			if !ok {
				id = int32(len(labels))
				byLabel[cell] = id
				labels = append(labels, cell)
				v, err := strconv.ParseFloat(cell, 64)
				if err != nil || math.IsNaN(v) {
					allNumeric = false
				}
				values = append(values, v)
			}
			raw[u*C+j] = id
		}
	}
	// Order the categories: numerically when all are numbers, else by bytes.
	order := make([]int32, len(labels))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(a, b int) bool {
		x, y := order[a], order[b]
		if allNumeric && values[x] != values[y] {
			return values[x] < values[y]
		}
		return labels[x] < labels[y]
	})
	remap := make([]int32, len(labels))
	d.labels = make([]string, len(labels))
	d.num = make([]float64, len(labels))
	for newID, old := range order {
		remap[old] = int32(newID)
		d.labels[newID] = labels[old]
		d.num[newID] = values[old]
	}
	if categories > 0 && categories < len(labels) {
		return nil, fmt.Errorf("%d categories were given but %d different ones occur in the data", categories, len(labels))
	}
	d.q = categories
	if d.q == 0 {
		d.q = len(labels)
	}
	// Per-unit sparse counts.
	d.vals = raw
	d.m = make([]int32, len(units))
	d.start = make([]int32, len(units)+1)
	scratch := make([]int32, len(labels))
	var touched []int32
	for u := range units {
		row := raw[u*C : u*C+C]
		touched = touched[:0]
		for j, id := range row {
			if id < 0 {
				continue
			}
			id = remap[id]
			row[j] = id
			if scratch[id] == 0 {
				touched = append(touched, id)
			}
			scratch[id]++
		}
		mu := int32(0)
		for _, id := range touched {
			d.cat = append(d.cat, id)
			d.cnt = append(d.cnt, scratch[id])
			mu += scratch[id]
			scratch[id] = 0
		}
		d.m[u] = mu
		d.start[u+1] = int32(len(d.cat))
	}
	return d, nil
}

// est is one statistic of one (re)sample: a value, or why it is undefined.
type est struct {
	v   float64
	why string
}

// workspace holds the scratch arrays of compute, so that bootstrap resamples
// allocate nothing.
type workspace struct {
	d            *relData
	agree, total []int64 // per coder pair c*C+d (c < d)
	a, b, marg   []int64 // per category
	pi, mid      []float64
	active       []int32 // categories with a non-zero marginal, in order
}

func newWorkspace(d *relData) *workspace {
	q := len(d.labels)
	return &workspace{
		d:     d,
		agree: make([]int64, d.coders*d.coders),
		total: make([]int64, d.coders*d.coders),
		a:     make([]int64, q), b: make([]int64, q), marg: make([]int64, q),
		pi: make([]float64, q), mid: make([]float64, q),
	}
}

// delta2 is Krippendorff's squared difference between categories c and k
// (c ≠ k); for the ordinal metric it uses w.mid, the mid-ranks of the
// categories under the current marginal frequencies.
func (w *workspace) delta2(c, k int32) float64 {
	switch w.d.level {
	case Nominal:
		return 1
	case Ordinal:
		x := w.mid[c] - w.mid[k]
		return x * x
	case Interval:
		x := w.d.num[c] - w.d.num[k]
		return x * x
	default: // Ratio
		s := w.d.num[c] + w.d.num[k]
		if s == 0 {
			return 0
		}
		x := (w.d.num[c] - w.d.num[k]) / s
		return x * x
	}
}

// unitDo is unit u's contribution Σ_{c<k} n_uc n_uk δ²_ck / (m_u − 1) to the
// observed disagreement.
func (w *workspace) unitDo(u int32) float64 {
	d := w.d
	lo, hi := d.start[u], d.start[u+1]
	if hi-lo < 2 {
		return 0
	}
	s := 0.0
	for i := lo; i < hi; i++ {
		for j := i + 1; j < hi; j++ {
			s += float64(d.cnt[i]) * float64(d.cnt[j]) * w.delta2(d.cat[i], d.cat[j])
		}
	}
	return s / float64(d.m[u]-1)
}

// compute returns every statistic over the units idx (with repetitions) and
// the number of pairable units among them.
func (w *workspace) compute(idx []int32) (out [numStats]est, pairable int) {
	d := w.d
	C := d.coders
	clear(w.agree)
	clear(w.total)
	clear(w.a)
	clear(w.b)
	clear(w.marg)
	clear(w.pi)
	var (
		rated            int   // units with at least one value
		agree2           int64 // two coders: units on which they agree
		fleissN          int32
		fleissBad        bool
		fleissS          int64 // Σ_i Σ_k r_ik(r_ik−1)
		paSum, doSum     float64
		ordinal          = d.level == Ordinal
		vals             = d.vals
		start, cat, cnts = d.start, d.cat, d.cnt
	)
	for _, u := range idx {
		mu := d.m[u]
		if mu == 0 {
			continue
		}
		rated++
		if fleissN == 0 {
			fleissN = mu
		} else if mu != fleissN {
			fleissBad = true
		}
		lo, hi := start[u], start[u+1]
		for i := lo; i < hi; i++ {
			w.pi[cat[i]] += float64(cnts[i]) / float64(mu)
		}
		if mu < 2 {
			continue
		}
		pairable++
		row := vals[int(u)*C : int(u)*C+C]
		if C == 2 {
			w.a[row[0]]++
			w.b[row[1]]++
			if row[0] == row[1] {
				agree2++
			}
		} else {
			for c := 0; c < C; c++ {
				if row[c] < 0 {
					continue
				}
				for e := c + 1; e < C; e++ {
					if row[e] < 0 {
						continue
					}
					w.total[c*C+e]++
					if row[c] == row[e] {
						w.agree[c*C+e]++
					}
				}
			}
		}
		var s int64
		for i := lo; i < hi; i++ {
			r := int64(cnts[i])
			s += r * (r - 1)
			w.marg[cat[i]] += r
		}
		fleissS += s
		paSum += float64(s) / (float64(mu) * float64(mu-1))
		if !ordinal {
			doSum += w.unitDo(u)
		}
	}
	if pairable < 2 {
		for s := range out {
			out[s].why = ReasonNoPairable
		}
		return out, pairable
	}
	N := float64(pairable)

	// Percent agreement.
	if C == 2 {
		out[statPercent].v = float64(agree2) / N
	} else {
		sum, pairs := 0.0, 0
		for c := 0; c < C; c++ {
			for e := c + 1; e < C; e++ {
				if t := w.total[c*C+e]; t > 0 {
					sum += float64(w.agree[c*C+e]) / float64(t)
					pairs++
				}
			}
		}
		out[statPercent].v = sum / float64(pairs)
	}

	// Category marginals of the pairable values.
	var nTotal, sumSq int64
	w.active = w.active[:0]
	for k, n := range w.marg {
		if n > 0 {
			w.active = append(w.active, int32(k))
			nTotal += n
			sumSq += n * n
		}
	}
	variation := len(w.active) >= 2

	// Cohen's kappa and Scott's pi.
	if C == 2 {
		var sab, sapb float64
		for k := range w.a {
			sab += float64(w.a[k]) * float64(w.b[k])
			x := float64(w.a[k] + w.b[k])
			sapb += x * x
		}
		ag := float64(agree2)
		if den := N*N - sab; den == 0 {
			out[statCohen].why = ReasonNoVariation
		} else {
			out[statCohen].v = (N*ag - sab) / den
		}
		if den := 4*N*N - sapb; den == 0 {
			out[statScott].why = ReasonNoVariation
		} else {
			out[statScott].v = (4*N*ag - sapb) / den
		}
	} else {
		out[statCohen].why = ReasonTwoCoders
		out[statScott].why = ReasonTwoCoders
	}

	// Fleiss' kappa: κ = (S·N·n − (n−1)ΣT²) / ((n−1)(N²n² − ΣT²)).
	switch {
	case fleissBad:
		out[statFleiss].why = ReasonFleissUnequal
	case !variation:
		out[statFleiss].why = ReasonNoVariation
	default:
		n := float64(fleissN)
		ss := float64(sumSq)
		out[statFleiss].v = (float64(fleissS)*N*n - (n-1)*ss) / ((n - 1) * (N*N*n*n - ss))
	}

	// Gwet's AC1 and Brennan–Prediger.
	pa := paSum / N
	if d.q < 2 {
		out[statAC1].why = ReasonOneCategory
		out[statBP].why = ReasonOneCategory
	} else {
		Q := float64(d.q)
		pe := 0.0
		for _, p := range w.pi {
			p /= float64(rated)
			pe += p * (1 - p)
		}
		pe /= Q - 1
		out[statAC1].v = (pa - pe) / (1 - pe)
		out[statBP].v = (pa - 1/Q) / (1 - 1/Q)
	}

	// Krippendorff's alpha.
	if !variation {
		out[statAlpha].why = ReasonNoVariation
		return out, pairable
	}
	n := float64(nTotal)
	var de float64 // Σ_{c<k} n_c n_k δ²_ck
	switch d.level {
	case Nominal:
		de = (n*n - float64(sumSq)) / 2
	case Ordinal, Interval:
		v := d.num
		if ordinal {
			// Mid-ranks: δ_ck = Σ_{g=c..k} n_g − (n_c+n_k)/2 = mid_k − mid_c.
			cum := 0.0
			for _, k := range w.active {
				w.mid[k] = cum + float64(w.marg[k])/2
				cum += float64(w.marg[k])
			}
			v = w.mid
		}
		mean := 0.0
		for _, k := range w.active {
			mean += float64(w.marg[k]) * v[k]
		}
		mean /= n
		for _, k := range w.active {
			x := v[k] - mean
			de += float64(w.marg[k]) * x * x
		}
		de *= n
	case Ratio:
		for i, c := range w.active {
			for _, k := range w.active[i+1:] {
				de += float64(w.marg[c]) * float64(w.marg[k]) * w.delta2(c, k)
			}
		}
	}
	if ordinal {
		for _, u := range idx {
			if d.m[u] >= 2 {
				doSum += w.unitDo(u)
			}
		}
	}
	if de == 0 {
		out[statAlpha].why = ReasonNoVariation
	} else {
		out[statAlpha].v = 1 - (n-1)*doSum/de
	}
	return out, pairable
}

// bootstrap resamples the units B times and returns the percentile 95%
// interval of every statistic defined on the full data.
func (w *workspace) bootstrap(point [numStats]est, B int, seed int64) (cis [numStats]*[2]float64) {
	rng := rand.New(rand.NewSource(seed))
	U := len(w.d.m)
	idx := make([]int32, U)
	var reps [numStats][]float64
	for range B {
		for i := range idx {
			idx[i] = int32(rng.Intn(U))
		}
		r, pairable := w.compute(idx)
		if pairable < 2 {
			continue
		}
		for s := range numStats {
			if point[s].why == "" && r[s].why == "" && !math.IsNaN(r[s].v) {
				reps[s] = append(reps[s], r[s].v)
			}
		}
	}
	for s := range numStats {
		if len(reps[s]) == 0 {
			continue
		}
		sort.Float64s(reps[s])
		cis[s] = &[2]float64{percentile(reps[s], 0.025), percentile(reps[s], 0.975)}
	}
	return cis
}

// percentile returns the p-quantile of the sorted values x by linear
// interpolation between order statistics (R's quantile type 7).
func percentile(x []float64, p float64) float64 {
	h := float64(len(x)-1) * p
	i := int(math.Floor(h))
	if i+1 >= len(x) {
		return x[len(x)-1]
	}
	return x[i] + (h-float64(i))*(x[i+1]-x[i])
}
