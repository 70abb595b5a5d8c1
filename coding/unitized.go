package coding

// # Unitizing a continuum (Krippendorff's uα family)
//
// The coefficients in this file judge how reliably coders both cut a
// continuum (a document's text) into units and categorise those units, as
// ATLAS.ti reports them. They follow Krippendorff, Mathet, Bouvry &
// Widlöcher (2016), "On the reliability of unitizing textual continua:
// Further developments", Quality & Quantity 50:2347–2364, which replaced the
// boundary-distance definition of Krippendorff (1995, 2004) by coincidences
// of intersection lengths. The formulas are spelled out on [Unitized]; this
// comment records the conventions.
//
// Data. Each coder partitions each continuum into sections: units, which
// carry a category, and the gaps between them (the "φ" category). A coder's
// units of one continuum must not overlap — a partition has no room for two
// categories at one point (Krippendorff's data definition). [Unitized]
// rejects overlapping units with an [*UnitizedOverlapError] naming both
// segments, unless [UnitizedOptions.PerCategoryOverlap] is set (see below).
// Adjacent units stay separate units: [0,5) and [5,8) of one category are two
// units, because where a unit ends is exactly what unitizing is about.
//
// Several continua (documents). Observed coincidences, category totals and
// the self-pairing sums of the expected coincidences are sums over the
// continua, and every coefficient is computed once from those sums. Because
// a gap enters the expected coincidences with its plain length (see
// [Unitized]), this is exactly the value of the continua laid end to end:
// splitting a continuum at a point no unit crosses does not change any
// coefficient (a test checks it).
//
// Overlapping codes in a project. Coders in Themis may apply several codes to
// the same text. The per-category binary uα is always computed from each
// coder's union of that category's segments (overlapping or touching
// segments of one code merge into one unit, as everywhere in this package),
// so it is always well-defined. uα, cuα and (k)uα need the categories to be
// mutually exclusive; when some coder has overlapping segments of different
// codes in a continuum, [UnitizedOptions.PerCategoryOverlap] reports them as
// undefined with [ReasonUnitizedOverlap] instead of failing. |uα, which only
// asks coded or not, is then computed with all codes as one category and
// each coder's overlapping units united (touching units stay apart).
//
// Bounds. Every sum is an exact int64 (squares in 128 bits), so the input
// is refused, never wrapped, when the continua are so long that
// 2·m²·L would not fit in 63 bits: a coefficient can then never leave its
// range through overflow.
//
// Undefined values. A coefficient whose expected disagreement is zero, or
// that has nothing to pair, is reported with a nil Value and a plain-words
// reason, never as 0 or 1. One coder coding nothing is not undefined: it is
// the strongest disagreement about where the units are, and the formula
// gives a value (below zero, for two coders).

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"
)

// UnitizedSegment is one unit a coder marked on a continuum: the half-open
// interval [Start, End) of Continuum, in category Category. Coder is a 0-based
// index below the number of coders.
type UnitizedSegment struct {
	Continuum  int
	Coder      int
	Start, End int
	Category   string
}

// UnitizedOptions adjusts [Unitized].
type UnitizedOptions struct {
	// Categories lists the categories to report (k)uα for, in this order,
	// including ones nobody used. Nil means the categories of the segments,
	// sorted. A segment whose category is not listed is an error.
	Categories []string
	// PerCategoryOverlap accepts a coder's overlapping segments: segments of
	// one category are unioned into units, and when segments of different
	// categories overlap, uα and cuα are undefined ([ReasonUnitizedOverlap])
	// while |uα and every (k)uα are still computed. Without
	// it, overlapping segments of one coder in one continuum are an error.
	PerCategoryOverlap bool
}

// UnitizedReport is the result of [Unitized].
type UnitizedReport struct {
	Coders     int      `json:"coders"`
	Continua   int      `json:"continua"`
	Length     int      `json:"length"`     // total length of all continua
	Categories []string `json:"categories"` // the categories KUAlpha reports, in order

	UAlpha       Statistic `json:"u_alpha"`
	BinaryUAlpha Statistic `json:"binary_u_alpha"`
	CUAlpha      Statistic `json:"cu_alpha"`
	// KUAlpha is the paper's (k)uα (eq. 13) per category; BinaryKUAlpha
	// the per-category binary uα (the category against everything else).
	KUAlpha       map[string]Statistic `json:"k_u_alpha"`
	BinaryKUAlpha map[string]Statistic `json:"binary_u_alpha_by_category"`
	// Codebook names the codebook the categories came from, when they came
	// from a project; the statistics do not read it.
	Codebook *CodebookVersion `json:"codebook,omitempty"`
}

// Reasons a unitizing coefficient is undefined.
const (
	ReasonUnitizedEmpty     = "the continua have no length"
	ReasonUnitizedNoUnits   = "no coder marked any unit"
	ReasonUnitizedAllCoded  = "every coder coded the whole continuum, so there are no gaps to tell units from"
	ReasonUnitizedOneValue  = "no variation: every coder gave the whole continuum the same category"
	ReasonUnitizedNoPairs   = "no stretch of the continuum was coded by two coders at once"
	ReasonUnitizedSameCode  = "no variation: every stretch coded by two coders at once has the same category"
	ReasonUnitizedUnused    = "no coder used this category"
	ReasonUnitizedOverlap   = "coders applied overlapping codes; uα, cuα and (k)uα need mutually exclusive codes — see |uα and the per-code binary uα"
	ReasonUnitizedKNoPairs  = "no stretch coded with this category was coded by another coder at the same time"
	ReasonUnitizedKOnly     = "no variation: every stretch coded by two coders at once has this category"
	reasonUnitizedWholeCode = "every coder coded the whole continuum with this category"
)

// UnitizedSegmentError is a segment [Unitized] cannot use: an unknown coder
// or continuum, start ≥ end, or offsets outside [0, length]. Index is the
// segment's 0-based position in the input.
type UnitizedSegmentError struct {
	Index  int
	Reason string
}

func (e *UnitizedSegmentError) Error() string {
	return fmt.Sprintf("segment %d: %s", e.Index+1, e.Reason)
}

// UnitizedOverlapError is two segments of one coder in one continuum that
// overlap. First and Second are 0-based positions in the input, First <
// Second.
type UnitizedOverlapError struct {
	First, Second int
	Coder         int
}

func (e *UnitizedOverlapError) Error() string {
	return fmt.Sprintf("segments %d and %d of coder %d overlap; a coder's units must not overlap", e.First+1, e.Second+1, e.Coder+1)
}

// Unitized computes Krippendorff's unitizing alphas for coders ≥ 2 coders
// over continua of the given lengths: uα, |uα, cuα and (k)uα for every
// category (Krippendorff, Mathet, Bouvry & Widlöcher 2016). See the section
// "Unitizing a continuum" at the top of unitized.go for the data conventions.
//
// Notation: m coders, i and j coders, g a section (unit or gap) of coder i,
// ℓ_g its length, φ the gap category, c and k categories (φ included unless
// said otherwise). L is the total length of the continua.
//
// Observed coincidences are intersection lengths, over ordered pairs of
// coders: l_ck = 1/(m−1) · Σ_i Σ_{j≠i} |{points that i puts in c and j in k}|.
// Their margins are l_c. = Σ_i (coder i's length in c) and l.. = mL.
//
// Expected coincidences pair every stretch of the pooled sections with every
// other, except a unit with itself: e_ck = l.. · (l_c.·l_.k − [c=k]·S_c) /
// (l..² − S), where S_c = Σ ℓ_g² over the units g of category c, and for the
// gaps S_φ = Σ ℓ_g, because a gap is no unit and pairs like a string of
// length-one units; S = Σ_c S_c.
//
// uα (all categories and the gaps distinguished): uα = 1 − D_o/D_e with
// D_o = l.. − Σ_c l_cc and D_e = l.. − Σ_c e_cc.
//
// |uα (binary: coded or not, whatever the category): the same matrices
// collapsed to φ and not-φ, D_o = l_φ. − l_φφ and D_e = e_φ. − e_φφ.
//
// cuα (coding, given the units): the coincidences among units only,
// l*_ck = l_ck for c, k ≠ φ, with margins l*_c. and total l*.., the length
// both coders of a pair coded, summed over ordered pairs /(m−1). A unit g of
// coder i enters the pool with ℓ*_g = 1/(m−1) · Σ_{j≠i} |g ∩ units of j|,
// its share of l*_c., so e*_ck = (l*_c.·l*_.k − [c=k]·Σ_{g in c} ℓ*_g²) /
// (l*.. − Σ_g ℓ*_g² / l*..), and cuα = 1 − (l*.. − Σ_c l*_cc) /
// (l*.. − Σ_c e*_cc). For two coders ℓ*_g is simply |g ∩ the other's units|,
// as in the paper; for more coders this mean over the other coders is this
// package's reading of the paper's generalisation (it is the same rule by
// which a unit of uα enters with its length ℓ_g).
//
// (k)uα (eq. 13 of the paper: how reliably category k is told from the
// other categories where coders' units intersect) is read off the same
// matrices as cuα, row k only:
// (k)uα = 1 − (e*_k./l*_k.)·(l*_k. − l_kk)/(e*_k. − e*_kk), which, with
// U_k = Σ_{g in k} ℓ*_g², is 1 − (l*_k.·l*.. − U_k)(l*_k. − l_kk) /
// (l*_k.²·(l*.. − l*_k.)). It is undefined when no unit of k intersects
// another coder's unit ([ReasonUnitizedKNoPairs]) or when only k does
// ([ReasonUnitizedKOnly]; so with one category, like cuα, it is
// undefined). With two categories whose units pair alike (U_k/l*_k. equal)
// it equals cuα.
//
// Binary uα per category (BinaryKUAlpha, "binary_u_alpha_by_category"): uα
// of the data reduced to category k, every other category becoming gap —
// the per-code coefficient ATLAS.ti reports. It judges where the code is as
// well as what, unlike (k)uα.
//
// Categories no coder used are undefined in both ([ReasonUnitizedUnused]).
//
// Every coefficient is evaluated exactly: all the quantities above are
// integers once multiplied by (m−1), so 1 − D_o/D_e is formed as one ratio
// of big integers and rounded once to float64.
//
// Scaling every offset and length by an integer s leaves cuα unchanged, and
// uα unchanged when no coder left a gap; gaps count with their length rather
// than its square, so with gaps the expected disagreement, and uα, |uα and
// (k)uα, move slightly with the scale (as in Krippendorff 1995, Table 2).
//
// Errors: fewer than two coders (or more than 2³¹−1), a negative length,
// continua too long for exact sums (see Bounds above), a segment with an
// unknown coder or continuum, start ≥ end or offsets outside [0, length]
// ([*UnitizedSegmentError]), overlapping segments of one coder in one
// continuum without PerCategoryOverlap ([*UnitizedOverlapError]), a
// category not in opts.Categories, or a repeated category there.
//
// Time is O(n log n + m²·n) in the n segments, memory O(n); nothing is
// allocated per code point.
func Unitized(lengths []int, coders int, segs []UnitizedSegment, opts UnitizedOptions) (UnitizedReport, error) {
	if coders < 2 {
		return UnitizedReport{}, fmt.Errorf("unitizing alphas need at least two coders, got %d", coders)
	}
	if coders > math.MaxInt32 {
		return UnitizedReport{}, fmt.Errorf("unitizing alphas take at most %d coders, got %d", math.MaxInt32, coders)
	}
	var total int64
	for t, l := range lengths {
		if l < 0 {
			return UnitizedReport{}, fmt.Errorf("continuum %d has negative length %d", t+1, l)
		}
		if total > math.MaxInt64-int64(l) {
			return UnitizedReport{}, fmt.Errorf("the continua's lengths add up to more than %d", int64(math.MaxInt64))
		}
		total += int64(l)
	}
	// Every sum below is at most 2·m²·L (the gaps' coincidences pass through
	// m(m−1)L − 2(m−1)·coded); refuse what would not fit rather than wrap.
	if limit := maxUnitizedLength(coders); total > limit {
		return UnitizedReport{}, fmt.Errorf("the continua are %d long in all; with %d coders the unitizing alphas are exact up to a total length of %d", total, coders, limit)
	}
	// Categories and their indices (1-based; 0 is the gap).
	cats := opts.Categories
	if cats == nil {
		seen := map[string]bool{}
		for _, s := range segs {
			if !seen[s.Category] {
				seen[s.Category] = true
				cats = append(cats, s.Category)
			}
		}
		slices.Sort(cats)
	}
	catIndex := make(map[string]int32, len(cats))
	for i, c := range cats {
		if _, dup := catIndex[c]; dup {
			return UnitizedReport{}, fmt.Errorf("category %q is listed twice", c)
		}
		catIndex[c] = int32(i + 1)
	}
	units := make([]uunit, len(segs))
	for i, s := range segs {
		switch {
		case s.Coder < 0 || s.Coder >= coders:
			return UnitizedReport{}, &UnitizedSegmentError{i, fmt.Sprintf("coder %d is not one of the %d coders", s.Coder+1, coders)}
		case s.Continuum < 0 || s.Continuum >= len(lengths):
			return UnitizedReport{}, &UnitizedSegmentError{i, fmt.Sprintf("continuum %d is not one of the %d continua", s.Continuum+1, len(lengths))}
		case s.Start < 0:
			return UnitizedReport{}, &UnitizedSegmentError{i, fmt.Sprintf("start %d is negative", s.Start)}
		case s.Start >= s.End:
			return UnitizedReport{}, &UnitizedSegmentError{i, fmt.Sprintf("start %d is not before end %d", s.Start, s.End)}
		case s.End > lengths[s.Continuum]:
			return UnitizedReport{}, &UnitizedSegmentError{i, fmt.Sprintf("end %d is beyond the continuum length %d", s.End, lengths[s.Continuum])}
		}
		c, ok := catIndex[s.Category]
		if !ok {
			return UnitizedReport{}, &UnitizedSegmentError{i, fmt.Sprintf("category %q is not one of the categories asked about", s.Category)}
		}
		units[i] = uunit{cont: int32(s.Continuum), coder: int32(s.Coder), cat: c, idx: int32(i), start: s.Start, end: s.End}
	}
	overlap := false // some coder has overlapping units of different categories
	if opts.PerCategoryOverlap {
		// Union each coder's units of one category (overlapping or touching
		// segments become one unit), then look for overlaps, which can now
		// only be between different categories.
		slices.SortFunc(units, byCategory)
		units = unionRuns(units)
		slices.SortFunc(units, byPosition)
		overlap = findOverlap(units) != nil
	} else {
		slices.SortFunc(units, byPosition)
		if p := findOverlap(units); p != nil {
			return UnitizedReport{}, &UnitizedOverlapError{First: int(min(p[0].idx, p[1].idx)), Second: int(max(p[0].idx, p[1].idx)), Coder: int(p[0].coder)}
		}
	}

	rep := UnitizedReport{Coders: coders, Continua: len(lengths), Length: int(total), Categories: slices.Clone(cats),
		KUAlpha: make(map[string]Statistic, len(cats)), BinaryKUAlpha: make(map[string]Statistic, len(cats))}
	if rep.Categories == nil {
		rep.Categories = []string{}
	}
	t := tally(units, coders, len(cats), overlap)
	m, M := int64(coders), int64(coders-1)
	L := total

	// Binary uα per category: each category against everything else.
	for c, name := range cats {
		k := c + 1
		if t.length[k] == 0 {
			rep.BinaryKUAlpha[name] = undefined(ReasonUnitizedUnused)
			continue
		}
		rep.BinaryKUAlpha[name] = uAlpha(m, M, L, []int64{t.length[k]}, t.sq[k], t.diag[k], reasonUnitizedWholeCode)
	}
	if overlap {
		rep.UAlpha = undefined(ReasonUnitizedOverlap)
		rep.CUAlpha = undefined(ReasonUnitizedOverlap)
		for c, name := range cats {
			if t.length[c+1] == 0 {
				rep.KUAlpha[name] = undefined(ReasonUnitizedUnused)
			} else {
				rep.KUAlpha[name] = undefined(ReasonUnitizedOverlap)
			}
		}
		rep.BinaryUAlpha = mergedBinaryUAlpha(units, coders, m, M, L)
		return rep, nil
	}
	for c, name := range cats {
		if t.length[c+1] == 0 {
			rep.KUAlpha[name] = undefined(ReasonUnitizedUnused)
		} else {
			rep.KUAlpha[name] = kuAlpha(t, c+1)
		}
	}
	var sq u128
	var diag, star int64
	for k := 1; k <= len(cats); k++ {
		sq.addU128(t.sq[k])
		diag += t.diag[k]
		star += t.star[k]
	}
	rep.UAlpha = uAlphaStar(m, M, L, t.length[1:], sq, diag, star, ReasonUnitizedOneValue)
	rep.BinaryUAlpha = binaryUAlpha(m, M, L, t.length[1:], sq, star)
	rep.CUAlpha = cuAlpha(t)
	return rep, nil
}

// mergedBinaryUAlpha is |uα when coders applied overlapping categories:
// coded-or-not needs no exclusive categories, so every category becomes one
// and a coder's overlapping units are united into one coded unit (units
// that only touch stay two units, as they would be without the overlap).
// On data without overlaps it equals the direct |uα (a test checks it).
func mergedBinaryUAlpha(units []uunit, coders int, m, M, L int64) Statistic {
	sorted := slices.Clone(units)
	for i := range sorted {
		sorted[i].cat = 1
	}
	slices.SortFunc(sorted, byCategory)
	merged := sorted[:0]
	for _, u := range sorted {
		if n := len(merged); n > 0 {
			last := &merged[n-1]
			if last.cont == u.cont && last.coder == u.coder && u.start < last.end {
				last.end = max(last.end, u.end)
				continue
			}
		}
		merged = append(merged, u)
	}
	slices.SortFunc(merged, byPosition)
	t := tally(merged, coders, 1, false)
	if t.length[1] == 0 {
		return undefined(ReasonUnitizedNoUnits)
	}
	return binaryUAlpha(m, M, L, t.length[1:], t.sq[1], t.star[1])
}

// uunit is one unit while computing: its continuum, coder, category index
// (1-based) and input position.
type uunit struct {
	cont, coder, cat, idx int32
	start, end            int
}

func byPosition(a, b uunit) int {
	return cmp.Or(cmp.Compare(a.cont, b.cont), cmp.Compare(a.coder, b.coder),
		cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.idx, b.idx))
}

func byCategory(a, b uunit) int {
	return cmp.Or(cmp.Compare(a.cont, b.cont), cmp.Compare(a.coder, b.coder), cmp.Compare(a.cat, b.cat),
		cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.idx, b.idx))
}

// unionRuns merges, in units sorted by [byCategory], the overlapping or
// touching units of one coder, continuum and category, in place.
func unionRuns(units []uunit) []uunit {
	out := units[:0]
	for _, u := range units {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.cont == u.cont && last.coder == u.coder && last.cat == u.cat && u.start <= last.end {
				last.end = max(last.end, u.end)
				continue
			}
		}
		out = append(out, u)
	}
	return out
}

// findOverlap returns two overlapping units of one coder in one continuum,
// in units sorted by [byPosition], or nil. The pair is the first unit that
// starts before an earlier one ends, with the earlier unit reaching furthest.
func findOverlap(units []uunit) *[2]uunit {
	var far uunit // the unit of the current run that ends furthest
	for i, u := range units {
		if i == 0 || u.cont != units[i-1].cont || u.coder != units[i-1].coder {
			far = u
			continue
		}
		if u.start < far.end {
			return &[2]uunit{far, u}
		}
		if u.end > far.end {
			far = u
		}
	}
	return nil
}

// unitTally holds the integer sums every coefficient is computed from,
// indexed by category (1-based; index 0 is unused), summed over continua.
type unitTally struct {
	length []int64 // Σ_i coder i's length in the category
	sq     []u128  // Σ ℓ² over the units of the category
	diag   []int64 // Σ over ordered pairs i≠j of |c_i ∩ c_j| = (m−1)·l_cc
	star   []int64 // Σ over units g of X_g = Σ_{j≠i} |g ∩ units of j| = (m−1)·l*_c.
	starSq []u128  // Σ over units g of X_g²
}

// splitByCoder sets runs[c] to coder c's units in us (sorted by coder),
// and to nil for coders with none.
func splitByCoder(runs [][]uunit, us []uunit) {
	clear(runs)
	for a := 0; a < len(us); {
		b := a
		for b < len(us) && us[b].coder == us[a].coder {
			b++
		}
		runs[us[a].coder] = us[a:b]
		a = b
	}
}

// tally computes the sums of [unitTally] from units sorted by [byPosition]
// with no overlaps of different categories. The star sums (for cuα) are
// skipped when overlap is set.
func tally(units []uunit, coders, ncat int, overlap bool) unitTally {
	t := unitTally{
		length: make([]int64, ncat+1), sq: make([]u128, ncat+1), diag: make([]int64, ncat+1),
		star: make([]int64, ncat+1), starSq: make([]u128, ncat+1),
	}
	for _, u := range units {
		l := int64(u.end - u.start)
		t.length[u.cat] += l
		t.sq[u.cat].addSquare(l)
	}
	runs := make([][]uunit, coders)
	x := make([]int64, 0, 64)
	// All units of one continuum, coder by coder.
	for lo := 0; lo < len(units); {
		hi := lo
		for hi < len(units) && units[hi].cont == units[lo].cont {
			hi++
		}
		cont := units[lo:hi]
		splitByCoder(runs, cont)
		if !overlap {
			// X_g for every unit, and the same-category intersections.
			for i, ri := range runs {
				if len(ri) == 0 {
					continue
				}
				x = slices.Grow(x[:0], len(ri))[:len(ri)]
				clear(x)
				for j, rj := range runs {
					if j != i {
						overlapEach(ri, rj, x, t.diag)
					}
				}
				for g, u := range ri {
					t.star[u.cat] += x[g]
					t.starSq[u.cat].addSquare(x[g])
				}
			}
		} else {
			// Per category only: the category's units of each coder are
			// disjoint (unioned), the categories may overlap each other.
			byCat := slices.Clone(cont)
			slices.SortFunc(byCat, func(a, b uunit) int {
				return cmp.Or(cmp.Compare(a.cat, b.cat), cmp.Compare(a.coder, b.coder), cmp.Compare(a.start, b.start))
			})
			for a := 0; a < len(byCat); {
				b := a
				for b < len(byCat) && byCat[b].cat == byCat[a].cat {
					b++
				}
				cat := byCat[a:b]
				splitByCoder(runs, cat)
				for i := range runs {
					for j := i + 1; j < len(runs); j++ {
						t.diag[cat[0].cat] += 2 * intersectUnits(runs[i], runs[j])
					}
				}
				a = b
			}
		}
		lo = hi
	}
	return t
}

// overlapEach adds to x[g] the length of a[g] covered by b, and to diag[c]
// the part of it where b's unit has a's category c. a and b are sorted,
// disjoint units; it runs in O(len(a) + len(b)).
func overlapEach(a, b []uunit, x []int64, diag []int64) {
	p := 0
	for g, u := range a {
		for p < len(b) && b[p].end <= u.start {
			p++
		}
		for q := p; q < len(b) && b[q].start < u.end; q++ {
			ov := int64(min(u.end, b[q].end) - max(u.start, b[q].start))
			x[g] += ov
			if b[q].cat == u.cat {
				diag[u.cat] += ov
			}
		}
	}
}

// intersectUnits returns the length covered by both a and b, sorted and
// disjoint units.
func intersectUnits(a, b []uunit) int64 {
	var n int64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		lo, hi := max(a[i].start, b[j].start), min(a[i].end, b[j].end)
		if hi > lo {
			n += int64(hi - lo)
		}
		if a[i].end < b[j].end {
			i++
		} else {
			j++
		}
	}
	return n
}

func undefined(why string) Statistic { return Statistic{Undefined: &why} }

func defined(num, den *big.Int) Statistic {
	// 1 − num/den, rounded once.
	r := new(big.Rat).SetFrac(new(big.Int).Sub(den, num), den)
	v, _ := r.Float64()
	return Statistic{Value: &v}
}

func bi(x int64) *big.Int { return big.NewInt(x) }

func mul(xs ...*big.Int) *big.Int {
	r := big.NewInt(1)
	for _, x := range xs {
		r.Mul(r, x)
	}
	return r
}

func sub(a, b *big.Int) *big.Int { return new(big.Int).Sub(a, b) }

// uAlpha is uα of data with a single category (as (k)uα reduces it), whose
// coded matter of two coders intersects exactly where the category agrees.
func uAlpha(m, M, L int64, lengths []int64, sq u128, diag int64, oneValue string) Statistic {
	return uAlphaStar(m, M, L, lengths, sq, diag, diag, oneValue)
}

// uAlphaStar is uα of data whose valued categories have the totals lengths,
// with sq the Σ ℓ² of their units, diag = Σ_c (m−1)·l_cc over the valued
// categories and inter = Σ_{i≠j} |V_i ∩ V_j|, the ordered pairs'
// intersections of coded matter V whatever the categories. The gaps'
// coincidence (m−1)·l_φφ follows by inclusion–exclusion:
// Σ_{i≠j} |gaps_i ∩ gaps_j| = m(m−1)L − 2(m−1)·Σ_i|V_i| + inter.
func uAlphaStar(m, M, L int64, lengths []int64, sq u128, diag, inter int64, oneValue string) Statistic {
	coded, why := codedLength(L, lengths)
	if why != "" {
		return undefined(why)
	}
	ldot := bi(m * L)
	gap := bi(m*L - coded)
	gapGap := m*M*L - 2*M*coded + inter
	// Σ_c l_c.², gaps included.
	margins := new(big.Int).Mul(gap, gap)
	for _, l := range lengths {
		margins.Add(margins, mul(bi(l), bi(l)))
	}
	S := sq.big()
	S.Add(S, gap)
	l2 := mul(ldot, ldot)
	spread := sub(l2, margins) // l..² − Σ l_c.²
	if spread.Sign() == 0 {
		return undefined(oneValue)
	}
	// α = 1 − (N − Σ L_cc)(l..² − S) / ((m−1) l.. (l..² − Σ l_c.²)), N = (m−1)l..
	obs := bi(M*m*L - diag - gapGap)
	return defined(mul(obs, sub(l2, S)), mul(bi(M), ldot, spread))
}

// codedLength is the total coded length Σ lengths, with the reason uα is
// undefined when the continua are empty or nothing is coded ("" otherwise).
func codedLength(L int64, lengths []int64) (int64, string) {
	if L == 0 {
		return 0, ReasonUnitizedEmpty
	}
	var coded int64
	for _, l := range lengths {
		coded += l
	}
	if coded == 0 {
		return 0, ReasonUnitizedNoUnits
	}
	return coded, ""
}

// binaryUAlpha is |uα: D_o = l_φ. − l_φφ, D_e = e_φ. − e_φφ =
// l..·l_φ.·(l.. − l_φ.)/(l..² − S).
func binaryUAlpha(m, M, L int64, lengths []int64, sq u128, inter int64) Statistic {
	coded, why := codedLength(L, lengths)
	if why != "" {
		return undefined(why)
	}
	if coded == m*L {
		return undefined(ReasonUnitizedAllCoded)
	}
	ldot := bi(m * L)
	gap := m*L - coded
	gapGap := m*M*L - 2*M*coded + inter
	S := sq.big()
	S.Add(S, bi(gap))
	obs := bi(M*gap - gapGap) // (m−1)(l_φ. − l_φφ)
	return defined(mul(obs, sub(mul(ldot, ldot), S)), mul(bi(M), ldot, bi(gap), bi(coded)))
}

// cuAlpha is cuα from the star sums: with L* = Σ_c star_c = (m−1)·l*..,
// U = Σ X_g², cuα = 1 − (L* − Σ_c diag_c)(L*² − U) / (L*(L*² − Σ_c star_c²)).
func cuAlpha(t unitTally) Statistic {
	var Ls, diag int64
	margins := new(big.Int)
	var U u128
	for k := 1; k < len(t.star); k++ {
		Ls += t.star[k]
		diag += t.diag[k]
		margins.Add(margins, mul(bi(t.star[k]), bi(t.star[k])))
		U.addU128(t.starSq[k])
	}
	if Ls == 0 {
		return undefined(ReasonUnitizedNoPairs)
	}
	l2 := mul(bi(Ls), bi(Ls))
	spread := sub(l2, margins)
	if spread.Sign() == 0 {
		return undefined(ReasonUnitizedSameCode)
	}
	return defined(mul(bi(Ls-diag), sub(l2, U.big())), mul(bi(Ls), spread))
}

// kuAlpha is eq. 13's (k)uα from the star sums, in which every factor m−1
// cancels: with a = star_k = (m−1)·l*_k., Ls = Σ_c star_c, d = diag_k and
// U_k = Σ_{g in k} X_g², (k)uα = 1 − (a·Ls − U_k)(a − d) / (a²·(Ls − a)).
func kuAlpha(t unitTally, k int) Statistic {
	var Ls int64
	for c := 1; c < len(t.star); c++ {
		Ls += t.star[c]
	}
	a := t.star[k]
	if a == 0 {
		return undefined(ReasonUnitizedKNoPairs)
	}
	if Ls == a {
		return undefined(ReasonUnitizedKOnly)
	}
	row := sub(mul(bi(a), bi(Ls)), t.starSq[k].big()) // a·Ls − U_k
	return defined(mul(row, bi(a-t.diag[k])), mul(bi(a), bi(a), bi(Ls-a)))
}

// maxUnitizedLength is the longest total length of the continua whose sums
// [Unitized] can form exactly for m coders: 2·m²·L ≤ 2⁶³ − 1.
func maxUnitizedLength(m int) int64 {
	return math.MaxInt64 / (2 * int64(m) * int64(m))
}

// u128 is an unsigned 128-bit accumulator for sums of squared lengths, which
// can exceed 64 bits for long continua.
type u128 struct{ hi, lo uint64 }

func (a *u128) addU128(b u128) {
	var c uint64
	a.lo, c = bits.Add64(a.lo, b.lo, 0)
	a.hi += b.hi + c
}

func (a *u128) addSquare(x int64) {
	h, l := bits.Mul64(uint64(x), uint64(x))
	var c uint64
	a.lo, c = bits.Add64(a.lo, l, 0)
	a.hi += h + c
}

func (a u128) big() *big.Int {
	b := new(big.Int).SetUint64(a.hi)
	b.Lsh(b, 64)
	return b.Or(b, new(big.Int).SetUint64(a.lo))
}
