package coding

import (
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"math"
	"math/rand/v2"
	"slices"
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
	ReasonNoVariation = "no variation: every pairable value is the same"
	ReasonTwoCoders   = "needs exactly two coders"
	ReasonOneCategory = "needs at least two categories"
	ReasonNoPairable  = "fewer than two pairable units"
	// ReasonNotFinite guards every coefficient: a result that is not a finite
	// number (an overflow in a sum) is reported as undefined, never as NaN or
	// ±Inf, which would also break the JSON output.
	ReasonNotFinite = "not a finite number: the sums overflow (values too large or too far apart)"
)

// MaxResamples is the most bootstrap resamples [Reliability] accepts, and
// the cap the command line applies to every bootstrap: 100,000 resamples
// already give percentiles far steadier than the data behind them, and more
// only cost time and memory (each resample keeps one value per statistic).
const MaxResamples = 100_000

// ReliabilityReport is the result of [Reliability].
type ReliabilityReport struct {
	Coders        int      `json:"coders"`
	Units         int      `json:"units"`
	PairableUnits int      `json:"pairable_units"` // units with at least two values
	Level         Level    `json:"level"`
	Categories    []string `json:"categories"` // every observed category, in the order described in the package documentation

	// PercentAgreement is Gwet's p_a, the p_a inside AC1 and Brennan–Prediger.
	PercentAgreement Statistic `json:"percent_agreement"`
	// PairwiseAgreement is ReCal's average pairwise percent agreement; it
	// differs from PercentAgreement only with three or more coders and
	// missing values.
	PairwiseAgreement Statistic `json:"pairwise_agreement"`
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
	// NeedsOrder is set when the value is a text label at a level that
	// orders the categories (ordinal, interval, ratio) and no order was
	// given: the caller can say how to give one.
	NeedsOrder bool
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

// ReliabilityOptions are the settings of [ReliabilityWith].
type ReliabilityOptions struct {
	// Level chooses Krippendorff's difference function and whether values
	// must be numbers or ordered.
	Level Level
	// Order, when given, lists every possible category label from lowest to
	// highest: the labels are then the categories 1..n in that order (ranks
	// at the interval and ratio levels), a cell with any other label is an
	// error, and n is the default Q. Without it, the ordinal, interval and
	// ratio levels need numbers.
	Order []string
	// Categories is the number of possible categories Q used by Gwet's AC1
	// and Brennan–Prediger; 0 means the number of labels in Order, or
	// without an order the number of distinct observed categories. A value
	// below the observed number is an error.
	Categories int
	// Bootstrap > 0 asks for percentile 95% intervals from that many
	// resamples (at most [MaxResamples]), drawn with a generator seeded with
	// Seed, so the same seed gives the same intervals.
	Bootstrap int
	Seed      int64
}

// Reliability is [ReliabilityWith] without a category order.
func Reliability(coders []string, units [][]string, level Level, categories int, bootstrap int, seed int64) (ReliabilityReport, error) {
	return ReliabilityWith(coders, units, ReliabilityOptions{Level: level, Categories: categories, Bootstrap: bootstrap, Seed: seed})
}

// ReliabilityWith computes the agreement statistics of a units × coders
// matrix (units[i][j] is coder j's category for unit i, "" missing); see
// [ReliabilityOptions] for the settings.
//
// The statistics, with N the pairable units (at least two values), r_u the
// number of values of unit u and r_uk how many of them are category k:
//
// Percent agreement is Gwet's p_a (Gwet 2014, Handbook of Inter-Rater
// Reliability, 4th ed.; irrCAC's pa.coeff.raw): the mean over the pairable
// units of the share of agreeing pairs of values,
// p_a = (1/N) Σ_u Σ_k r_uk(r_uk−1) / (r_u(r_u−1)). It is the p_a inside
// AC1, Brennan–Prediger and Fleiss' κ below, so the printed percentage is
// the one those coefficients correct for chance. For two coders it is the
// share of the units both coded on which they agree.
//
// Pairwise agreement is ReCal's "average pairwise percent agreement"
// (Freelon 2010): the percent agreement of every pair of coders over the
// units both coded, averaged over the pairs that share at least one unit.
// Without missing values it equals p_a; with three or more coders and
// missing values it weights units differently (a unit with four values
// counts in six pairs, one with two values in one), and differs.
//
// Cohen's kappa (Cohen 1960) and Scott's pi (Scott 1955), two coders only,
// over the units both coded: κ = (p_o − p_e)/(1 − p_e) with
// p_e = Σ_k p_A(k)·p_B(k) for Cohen and p_e = Σ_k ((p_A(k)+p_B(k))/2)² for
// Scott, p_A(k) and p_B(k) being each coder's share of category k. Both are
// evaluated from integer counts as (N·agree − Σ a_k b_k)/(N² − Σ a_k b_k) and
// (4N·agree − Σ(a_k+b_k)²)/(4N² − Σ(a_k+b_k)²), so they are exact to the last
// bit for N below 2^26. With more coders they are undefined ([ReasonTwoCoders]).
//
// Fleiss' kappa, generalised to missing ratings as Gwet (2014) and irrCAC's
// fleiss.kappa.raw do: κ = (p_a − p_e)/(1 − p_e) with the p_a above,
// p_e = Σ_k π_k² and π_k the mean of r_uk/r_u over all units with at least
// one value (a unit with a single value counts here, as in AC1). Without
// missing values this is Fleiss' (1971) κ, and for two coders Scott's pi.
// Dropping the singly rated units first would change π_k and give another
// value.
//
// Gwet's AC1 (Gwet 2008; Gwet 2014, ch. 4): the same p_a,
// p_e = (1/(Q−1)) Σ_k π_k(1−π_k) with the same π_k, AC1 = (p_a − p_e)/(1 − p_e).
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
// is undefined ([ReasonNoVariation]). Interval and ratio values are scaled
// by a power of two (exactly, so α is unchanged) to keep the sums of squared
// differences finite however large the values are.
//
// Every statistic is computed once per distinct row of the matrix and
// weighted by how often the row occurs, from integer counts wherever the
// formula allows; a result that is still not finite is undefined
// ([ReasonNotFinite]), never NaN.
//
// Bootstrap. Each resample draws len(units) units with replacement and
// recomputes every statistic from the drawn rows' precomputed contributions
// (Q stays that of the full data). Resamples with fewer than two pairable
// units, and resamples where a statistic is undefined, are skipped for that
// statistic. The interval is the 2.5th and 97.5th percentiles of the
// remaining values (the percentile method, Efron & Tibshirani 1993, ch. 13),
// each by linear interpolation between order statistics (R's quantile type
// 7). A statistic undefined on the full data has no interval. The draws come,
// in order and on one goroutine, from a PCG generator (math/rand/v2) seeded
// with the seed, so the intervals depend only on the data and the seed.
//
// Errors: fewer than two coders, no units, a row with the wrong number of
// cells ([RaggedError]), a value that is not a number at the interval or
// ratio level or negative at the ratio level, a text label at the ordinal
// level without an order, a label not in the given order ([ValueError]), an
// unknown level, an order naming a label twice, categories below the
// observed number, more than [MaxResamples] resamples, or fewer than two
// pairable units.
func ReliabilityWith(coders []string, units [][]string, opt ReliabilityOptions) (ReliabilityReport, error) {
	return ReliabilityOf(coders, slices.Values(units), opt)
}

// ReliabilityOf is [ReliabilityWith] reading the units one at a time: each
// row is read before the next is asked for and is not kept, so a caller
// reading a file need not build the whole matrix (a units × coders slice of
// strings is several times the size of the file, and most of the work of
// filling it is the memory).
func ReliabilityOf(coders []string, units iter.Seq[[]string], opt ReliabilityOptions) (ReliabilityReport, error) {
	if opt.Bootstrap < 0 || opt.Bootstrap > MaxResamples {
		return ReliabilityReport{}, fmt.Errorf("bootstrap resamples must be between 0 and %d, got %d", MaxResamples, opt.Bootstrap)
	}
	d, err := prepare(coders, units, opt)
	if err != nil {
		return ReliabilityReport{}, err
	}
	w := newWorkspace(d)
	point, pairable := w.compute(d.weight)
	if pairable < 2 {
		return ReliabilityReport{}, fmt.Errorf("fewer than two units were coded by at least two coders (%d pairable units); reliability needs at least two", pairable)
	}
	var cis [numStats]*[2]float64
	if opt.Bootstrap > 0 {
		cis = w.bootstrap(point, opt.Bootstrap, opt.Seed)
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
		Units:             len(d.unitOf),
		PairableUnits:     int(pairable),
		Level:             d.level,
		Categories:        d.labels,
		PercentAgreement:  stats[statPercent],
		PairwiseAgreement: stats[statPairwise],
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
	statPairwise
	numStats
)

// relData is the input, coded as category indices and folded into its
// distinct rows ("patterns"): units with the same row contribute the same to
// every statistic, so each pattern's contribution is computed once and
// weighted by its multiplicity — for the point estimate and for every
// bootstrap resample.
type relData struct {
	coders int
	level  Level
	labels []string
	num    []float64 // numeric value per category (interval, ratio: scaled; with an order: the rank)
	q      int       // Q for AC1 and Brennan–Prediger

	vals     []int32   // patterns × coders, −1 missing
	m        []int32   // number of values per pattern
	start    []int32   // pattern p's counts are cat[start[p]:start[p+1]], cnt[...]
	cat, cnt []int32   // sparse category counts: category, how many values
	same     []int64   // per pattern: Σ_k r_k(r_k−1), ordered pairs of equal values
	do       []float64 // per pattern at the interval and ratio levels: its D_o (unitDo)
	weight   []int64   // units per pattern
	unitOf   []int32   // each unit's pattern
}

func prepare(coders []string, units iter.Seq[[]string], opt ReliabilityOptions) (*relData, error) {
	level := opt.Level
	switch level {
	case Nominal, Ordinal, Interval, Ratio:
	default:
		return nil, fmt.Errorf("unknown level %q: say nominal, ordinal, interval or ratio", level)
	}
	C := len(coders)
	if C < 2 {
		return nil, errors.New("reliability needs at least two coders")
	}
	if opt.Categories < 0 {
		return nil, fmt.Errorf("categories must not be negative, got %d", opt.Categories)
	}
	numeric := level == Interval || level == Ratio
	ordered := len(opt.Order) > 0
	d := &relData{coders: C, level: level}
	byLabel := map[string]int32{}
	byValue := map[float64]int32{}
	var labels []string
	var values []float64
	allNumeric := true
	if ordered {
		for i, l := range opt.Order {
			l = strings.TrimSpace(l)
			if l == "" {
				return nil, fmt.Errorf("the order has an empty label at position %d", i+1)
			}
			if _, dup := byLabel[l]; dup {
				return nil, fmt.Errorf("the order names %q twice", l)
			}
			byLabel[l] = int32(i)
			labels = append(labels, l)
			values = append(values, float64(i+1))
		}
	}
	// Fold the units into patterns. A unit's key is its cells as written
	// (each length-prefixed); looking up string(key) does not allocate, so a
	// row seen before costs one hash, and only a new row has its cells trimmed,
	// checked and interned. Two keys can give the same row of categories
	// ("a" and " a"): they are then two patterns with equal rows, which
	// changes no sum. The first unit with a bad cell is always a new key, so
	// errors name the first such unit.
	patOf := map[string]int32{}
	var raw []int32 // patterns × coders, provisional ids
	row := make([]int32, C)
	var key []byte
	u := -1
	for cells := range units {
		u++
		if len(cells) != C {
			return nil, &RaggedError{Unit: u, Got: len(cells), Want: C}
		}
		if int64(u+1)*int64(C) >= math.MaxInt32 {
			return nil, errors.New("too many cells")
		}
		key = key[:0]
		for _, cell := range cells {
			key = binary.AppendUvarint(key, uint64(len(cell)))
			key = append(key, cell...)
		}
		if p, ok := patOf[string(key)]; ok {
			d.weight[p]++
			d.unitOf = append(d.unitOf, p)
			continue
		}
		for j, cell := range cells {
			cell = strings.TrimSpace(cell)
			id := int32(-1)
			switch {
			case cell == "":
			case ordered:
				var ok bool
				if id, ok = byLabel[cell]; !ok {
					return nil, &ValueError{u, j, coders[j], cell, level, "is not one of the ordered categories (" + strings.Join(labels, ", ") + ")", false}
				}
			case numeric:
				v, err := strconv.ParseFloat(cell, 64)
				if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
					return nil, &ValueError{u, j, coders[j], cell, level, "is not a number (the " + string(level) + " level needs numbers, or the order of the categories)", err != nil}
				}
				if level == Ratio && v < 0 {
					return nil, &ValueError{u, j, coders[j], cell, level, "is negative (the ratio level needs values ≥ 0)", false}
				}
				if v == 0 {
					v = 0 // −0 and 0 are the same value
				}
				var ok bool
				if id, ok = byValue[v]; !ok {
					id = int32(len(labels))
					byValue[v] = id
					labels = append(labels, cell)
					values = append(values, v)
				}
			default:
				var ok bool
				if id, ok = byLabel[cell]; !ok {
					v, err := strconv.ParseFloat(cell, 64)
					if err != nil || math.IsNaN(v) {
						if level == Ordinal {
							// Text labels have no order of their own: sorting
							// them alphabetically would silently rank "high"
							// below "low".
							return nil, &ValueError{u, j, coders[j], cell, level, "is not a number (the ordinal level needs numbers, or the order of the categories)", true}
						}
						allNumeric = false
					}
					id = int32(len(labels))
					byLabel[cell] = id
					labels = append(labels, cell)
					values = append(values, v)
				}
			}
			row[j] = id
		}
		p := int32(len(d.weight))
		patOf[string(key)] = p
		raw = append(raw, row...)
		d.weight = append(d.weight, 1)
		d.unitOf = append(d.unitOf, p)
	}
	if u < 0 {
		return nil, errors.New("no units")
	}
	P := len(d.weight)

	// Order the observed categories: by the given order, else numerically
	// when all are numbers, else by bytes.
	used := make([]bool, len(labels))
	for _, id := range raw {
		if id >= 0 {
			used[id] = true
		}
	}
	order := make([]int32, 0, len(labels))
	for i := range labels {
		if used[i] {
			order = append(order, int32(i))
		}
	}
	if !ordered {
		sort.Slice(order, func(a, b int) bool {
			x, y := order[a], order[b]
			if allNumeric && values[x] != values[y] {
				return values[x] < values[y]
			}
			return labels[x] < labels[y]
		})
	}
	remap := make([]int32, len(labels))
	d.labels = make([]string, len(order))
	d.num = make([]float64, len(order))
	for newID, old := range order {
		remap[old] = int32(newID)
		d.labels[newID] = labels[old]
		d.num[newID] = values[old]
	}
	if numeric {
		scaleValues(d.num)
	}
	if opt.Categories > 0 && opt.Categories < len(order) {
		return nil, fmt.Errorf("%d categories were given but %d different ones occur in the data", opt.Categories, len(order))
	}
	d.q = opt.Categories
	if d.q == 0 && ordered {
		// The order lists every possible category, observed or not, as
		// irrCAC's categ.labels does.
		d.q = len(opt.Order)
	}
	if d.q == 0 {
		d.q = len(order)
	}

	// Per-pattern sparse counts and fixed contributions.
	d.vals = raw
	d.m = make([]int32, P)
	d.same = make([]int64, P)
	d.start = make([]int32, P+1)
	scratch := make([]int32, len(order))
	var touched []int32
	for p := range P {
		row := raw[p*C : p*C+C]
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
		var same int64
		for _, id := range touched {
			r := scratch[id]
			d.cat = append(d.cat, id)
			d.cnt = append(d.cnt, r)
			mu += r
			same += int64(r) * int64(r-1)
			scratch[id] = 0
		}
		d.m[p], d.same[p] = mu, same
		d.start[p+1] = int32(len(d.cat))
	}
	if level == Interval || level == Ratio {
		d.do = make([]float64, P)
		w := &workspace{d: d}
		for p := range P {
			d.do[p] = w.unitDo(int32(p))
		}
	}
	return d, nil
}

// scaleValues divides the values by the power of two just above the largest
// magnitude. Both α's D_o and D_e scale by the square of the factor (the
// ratio metric not at all), so α is unchanged — exactly, as a power of two
// only shifts exponents — while the squared differences stay below 4 and
// their sums finite even for values near the float64 limit.
func scaleValues(v []float64) {
	top := 0.0
	for _, x := range v {
		top = max(top, math.Abs(x))
	}
	if top == 0 || math.IsInf(top, 0) || math.IsNaN(top) {
		return
	}
	_, e := math.Frexp(top)
	for i := range v {
		v[i] = math.Ldexp(v[i], -e)
	}
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
	byM          []int64 // per number of values m and category k: Σ weight·r_k, at m*q+k
	sameM, disM  []int64 // per m: Σ weight·Σ_k r_k(r_k−1), Σ weight·(m² − Σ_k r_k²)
	mid          []float64
	active       []int32 // categories with a non-zero marginal, in order
}

func newWorkspace(d *relData) *workspace {
	q := len(d.labels)
	C := d.coders
	return &workspace{
		d:     d,
		agree: make([]int64, C*C),
		total: make([]int64, C*C),
		a:     make([]int64, q), b: make([]int64, q), marg: make([]int64, q),
		byM:   make([]int64, (C+1)*q),
		sameM: make([]int64, C+1), disM: make([]int64, C+1),
		mid: make([]float64, q),
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

// unitDo is pattern p's contribution Σ_{c<k} n_pc n_pk δ²_ck / (m_p − 1) to
// the observed disagreement.
func (w *workspace) unitDo(p int32) float64 {
	d := w.d
	lo, hi := d.start[p], d.start[p+1]
	if hi-lo < 2 {
		return 0
	}
	s := 0.0
	for i := lo; i < hi; i++ {
		for j := i + 1; j < hi; j++ {
			s += float64(d.cnt[i]) * float64(d.cnt[j]) * w.delta2(d.cat[i], d.cat[j])
		}
	}
	return s / float64(d.m[p]-1)
}

// compute returns every statistic over the units whose patterns occur
// weight[p] times, and the number of pairable units among them.
func (w *workspace) compute(weight []int64) (out [numStats]est, pairable int64) {
	d := w.d
	C := d.coders
	q := len(d.labels)
	clear(w.agree)
	clear(w.total)
	clear(w.a)
	clear(w.b)
	clear(w.marg)
	clear(w.byM)
	clear(w.sameM)
	clear(w.disM)
	var (
		rated            int64 // units with at least one value
		agree2           int64 // two coders: units on which they agree
		doSum            float64
		ordinal          = d.level == Ordinal
		nominal          = d.level == Nominal
		vals             = d.vals
		start, cat, cnts = d.start, d.cat, d.cnt
	)
	for p, wt := range weight {
		if wt == 0 {
			continue
		}
		mu := d.m[p]
		if mu == 0 {
			continue
		}
		rated += wt
		lo, hi := start[p], start[p+1]
		byM := w.byM[int(mu)*q : int(mu)*q+q]
		for i := lo; i < hi; i++ {
			byM[cat[i]] += wt * int64(cnts[i])
		}
		if mu < 2 {
			continue
		}
		pairable += wt
		row := vals[p*C : p*C+C]
		if C == 2 {
			w.a[row[0]] += wt
			w.b[row[1]] += wt
			if row[0] == row[1] {
				agree2 += wt
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
					w.total[c*C+e] += wt
					if row[c] == row[e] {
						w.agree[c*C+e] += wt
					}
				}
			}
		}
		for i := lo; i < hi; i++ {
			w.marg[cat[i]] += wt * int64(cnts[i])
		}
		w.sameM[mu] += wt * d.same[p]
		if nominal {
			// Σ_{c≠k} n_c n_k = m² − Σ r_k² = m² − m − same.
			w.disM[mu] += wt * (int64(mu)*int64(mu-1) - d.same[p])
		} else if !ordinal {
			doSum += float64(wt) * d.do[p]
		}
	}
	if pairable < 2 {
		for s := range out {
			out[s].why = ReasonNoPairable
		}
		return out, pairable
	}
	N := float64(pairable)

	// Gwet's p_a, grouped by the number of values m so that the division
	// happens once per m: p_a = (1/N) Σ_m sameM[m] / (m(m−1)).
	pa := 0.0
	for m := 2; m <= C; m++ {
		if w.sameM[m] != 0 {
			pa += float64(w.sameM[m]) / float64(m*(m-1))
		}
	}
	pa /= N
	out[statPercent].v = pa

	// ReCal's average pairwise agreement.
	if C == 2 {
		out[statPairwise].v = float64(agree2) / N
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
		out[statPairwise].v = sum / float64(pairs)
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

	// π_k = (1/rated) Σ_m byM[m][k]/m, the mean share of category k over the
	// rated units; Fleiss' p_e = Σ π_k², Gwet's Σ π_k(1−π_k).
	peF, peG := 0.0, 0.0
	for k := range q {
		pi := 0.0
		for m := 1; m <= C; m++ {
			if x := w.byM[m*q+k]; x != 0 {
				pi += float64(x) / float64(m)
			}
		}
		pi /= float64(rated)
		peF += pi * pi
		peG += pi * (1 - pi)
	}
	if peF >= 1 {
		out[statFleiss].why = ReasonNoVariation
	} else {
		out[statFleiss].v = (pa - peF) / (1 - peF)
	}

	// Gwet's AC1 and Brennan–Prediger.
	if d.q < 2 {
		out[statAC1].why = ReasonOneCategory
		out[statBP].why = ReasonOneCategory
	} else {
		Q := float64(d.q)
		pe := peG / (Q - 1)
		out[statAC1].v = (pa - pe) / (1 - pe)
		out[statBP].v = (pa - 1/Q) / (1 - 1/Q)
	}

	// Krippendorff's alpha.
	out[statAlpha] = w.alpha(weight, variation, nTotal, sumSq, doSum)

	for s := range out {
		if out[s].why == "" && (math.IsNaN(out[s].v) || math.IsInf(out[s].v, 0)) {
			out[s] = est{why: ReasonNotFinite}
		}
	}
	return out, pairable
}

// alpha finishes Krippendorff's alpha from the marginals in w; doSum is D_o
// for the interval and ratio levels (the nominal and ordinal D_o are worked
// out here).
func (w *workspace) alpha(weight []int64, variation bool, nTotal, sumSq int64, doSum float64) est {
	d := w.d
	if !variation {
		return est{why: ReasonNoVariation}
	}
	n := float64(nTotal)
	var de float64 // Σ_{c<k} n_c n_k δ²_ck
	switch d.level {
	case Nominal:
		de = (n*n - float64(sumSq)) / 2
		doSum = 0
		for m := 2; m <= d.coders; m++ {
			if x := w.disM[m]; x != 0 {
				doSum += float64(x) / float64(2*(m-1))
			}
		}
	case Ordinal, Interval:
		v := d.num
		if d.level == Ordinal {
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
	if d.level == Ordinal {
		for p, wt := range weight {
			if wt != 0 && d.m[p] >= 2 {
				doSum += float64(wt) * w.unitDo(int32(p))
			}
		}
	}
	if de == 0 {
		return est{why: ReasonNoVariation}
	}
	return est{v: 1 - (n-1)*doSum/de}
}

// bootstrap resamples the units B times and returns the percentile 95%
// interval of every statistic defined on the full data. A resample only
// counts how often each pattern is drawn, so its cost is one random draw per
// unit plus one pass over the patterns.
func (w *workspace) bootstrap(point [numStats]est, B int, seed int64) (cis [numStats]*[2]float64) {
	pcg := rand.NewPCG(uint64(seed), 0x7468656d6973) // "themis"
	U := len(w.d.unitOf)
	unitOf := w.d.unitOf
	// Uniform draws from [0, U) by Lemire's multiply-and-reject, two from
	// each 64-bit output of the concrete generator (U < 2^31): 10^8 draws
	// are most of a bootstrap's work.
	n := uint64(U)
	reject := uint32((1 << 32) % n) // a product whose low half is below this is redrawn
	var spare uint64
	haveSpare := false
	draw := func() uint64 {
		for {
			var r uint64
			if haveSpare {
				r, haveSpare = spare, false
			} else {
				x := pcg.Uint64()
				r, spare, haveSpare = x>>32, x&0xffffffff, true
			}
			if m := r * n; uint32(m) >= reject {
				return m >> 32
			}
		}
	}
	counts := make([]int64, len(w.d.weight))
	var reps [numStats][]float64
	for s := range numStats {
		if point[s].why == "" {
			reps[s] = make([]float64, 0, B)
		}
	}
	for range B {
		clear(counts)
		for range U {
			counts[unitOf[draw()]]++
		}
		r, pairable := w.compute(counts)
		if pairable < 2 {
			continue
		}
		for s := range numStats {
			if point[s].why == "" && r[s].why == "" {
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
