package coding

import (
	"cmp"
	"fmt"
	"math/big"
	"math/rand"
	"slices"
	"strings"
)

// FormulaFleissAlpha identifies the formulas of a [MultiReport]: average
// pairwise percent agreement, Fleiss' (1971) kappa, Krippendorff's (2011)
// nominal alpha, Gwet's (2008) AC1 and Brennan & Prediger's (1981) kappa,
// each from the histogram of how many coders coded a unit, and the pooling of
// factor and overall rows described at [MultiAgreement]. Bump the version
// whenever a formula changes.
const FormulaFleissAlpha = "fleiss-alpha/v1"

// Reasons a statistic of a [MultiResult] is undefined.
const (
	// ReasonNoUnits: the documents have no units of analysis.
	ReasonNoUnits = "no units"
	// ReasonNotPooled: Krippendorff's alpha is a per-code figure.
	ReasonNotPooled = "not pooled: Krippendorff's α is a per-code figure (its small-sample correction has no pooled counterpart)"
	// ReasonTooFewCoders: fewer than two distinct coders were given.
	ReasonTooFewCoders = "needs at least two coders"
)

// MultiCoder is a coder of a [MultiReport]: the ID their segments carry and
// the display name used in notes.
type MultiCoder struct {
	ID   int64
	Name string
}

// MultiReport is the result of [MultiAgreement] or [MultiUnitAgreement], with
// the inputs that produced it.
type MultiReport struct {
	Coders    []MultiCoder // the coders compared, without duplicates, in the order given
	Documents []int64      // the documents compared, without duplicates, in the order given
	Unit      string       // UnitCharacter, or the unit given to MultiUnitAgreement
	MinShare  float64      // MultiUnitAgreement: share of a unit that counts as coding it (0: any overlap)
	Formula   string       // FormulaFleissAlpha
	Codebook  CodebookVersion
	PerCode   []MultiResult
	// PerFactor has one row per distinct non-zero factor, in first-seen
	// order, pooling its child codes.
	PerFactor []MultiResult
	Overall   MultiResult // all codes pooled

	// Set by [MultiReport.Bootstrap]: the number of resamples, the seed, and
	// what was resampled ("document").
	Resamples  int
	Seed       int64
	Resampling string

	perDoc [][][]int64 // [code][document][k]: units coded by exactly k coders, for the bootstrap
	codes  []Code      // the codes of PerCode, in order
}

// MultiResult is one row of a [MultiReport]: one code, or one pooled group of
// codes (a factor, or all codes).
type MultiResult struct {
	Label  string // code name, factor name, or "All codes"
	Code   int64  // 0 for pooled rows
	Factor int64  // the code's factor for code rows; the factor for factor rows; 0 for the overall row
	// Document is set on the rows of [MultiReport.PerDocument]: the document's ID.
	Document int64
	// Units is the number of units N (for pooled rows, summed over the codes).
	Units int64
	// Histogram[k] is the number of units coded by exactly k of the m coders,
	// k = 0..m (for pooled rows, summed over the codes).
	Histogram []int64
	// Coded[j] is the number of units coder j (in the report's order) coded
	// (for pooled rows, summed over the codes).
	Coded []int64

	PercentAgreement  Statistic // Gwet's p_a (here equal to the average pairwise agreement), in [0, 1]
	FleissKappa       Statistic
	KrippendorffAlpha Statistic // undefined on pooled rows (ReasonNotPooled)
	GwetAC1           Statistic
	BrennanPrediger   Statistic

	Status Status
	// Note explains an undefined or flagged row in plain words; "" for
	// ordinary rows.
	Note string
}

// MultiAgreement treats every code point of every given document as a unit
// and compares m ≥ 2 coders per code: the character unit of
// [CharacterAgreement], for any number of coders.
//
// Segments, documents and codes are kept, clipped, deduplicated and unioned
// exactly as [CharacterAgreement] does; a coder given twice counts once.
//
// # The statistics
//
// For one code, each of the N units was coded by k of the m coders, and every
// statistic depends only on the histogram h[k] (the number of units coded by
// exactly k coders), which is what is computed: per code and document, the
// coders' unions are swept boundary by boundary, so the work is O(s log s)
// in the number of segments s and the memory O(s), never per character.
// With Y = Σ k·h[k] the "yes" judgements, p = Y/(mN) their share,
// S = Σ h[k]·(k(k−1) + (m−k)(m−k−1)) and D = Σ h[k]·k(m−k):
//
//   - percent agreement, Gwet's p_a P̄ = S / (N·m(m−1)), the mean over units
//     of the share of agreeing coder pairs — as in [Reliability]; with no
//     missing values (every coder judges every unit) it equals the average
//     over coder pairs of their percent agreement (ReCal's);
//   - Fleiss' κ (1971): P_e = p² + (1−p)², κ = (P̄ − P_e)/(1 − P_e); for m = 2
//     it is Scott's π of the two-coder report;
//   - Krippendorff's α, nominal (2011): α = 1 − (mN−1)·D / ((m−1)·Y·(mN−Y));
//     for m = 2 it is the two-coder report's α;
//   - Gwet's AC1 with Q = 2: p_e = 2p(1−p), AC1 = (P̄ − p_e)/(1 − p_e);
//   - Brennan–Prediger's κ with Q = 2: 2P̄ − 1.
//
// Each is evaluated exactly in rational arithmetic from the integer counts and
// rounded once to float64. They agree with [Reliability] on the units ×
// coders matrix of "1" and "0" with Q = 2 (a test checks it to 1e-12).
//
// # Pooled rows
//
// Factor and overall rows pool their codes as the two-coder report does (De
// Vries et al. 2008, see [PooledKappa]): percent agreement is the mean P̄ over
// the codes with units, Fleiss' κ is (mean P̄ − mean P_e)/(1 − mean P_e), AC1
// is the same with Gwet's p_e, and Brennan–Prediger is 2·mean P̄ − 1. For
// m = 2 the pooled Fleiss' κ is the two-coder report's pooled Scott's π.
// Krippendorff's α is not pooled (ReasonNotPooled), as in [Coefficients].
//
// # Undefined and flagged rows
//
// With no units every statistic is undefined ("no units"). When no coder
// used the code, or every coder coded every unit, P_e = 1 and Y·(mN−Y) = 0:
// Fleiss' κ and α are undefined and the row is [NoVariation] with a note
// saying which; percent agreement, AC1 and Brennan–Prediger stay defined (all
// are then 1). When exactly one coder used the code the row is flagged
// [OnlyOneCoder] with a note naming them; when some but not all coders used
// it, the note names those who did not.
func MultiAgreement(docs []DocumentLength, codes []Code, coders []MultiCoder, segs []Segment) MultiReport {
	entries := make([]docEntry, len(docs))
	for i, d := range docs {
		entries[i] = docEntry{id: d.ID, length: d.Length}
	}
	return multiCompare(entries, codes, coders, segs, UnitCharacter, 0)
}

// MultiUnitAgreement is [MultiAgreement] over other units of analysis (turns,
// sentences, paragraphs, documents), with the coverage rule of
// [UnitAgreement]: a coder coded a unit when their segments of the code cover
// more than nothing of it (minShare 0) or at least minShare of its code points.
func MultiUnitAgreement(docs []DocumentUnits, codes []Code, coders []MultiCoder, segs []Segment, unit string, minShare float64) MultiReport {
	entries := make([]docEntry, len(docs))
	for i, d := range docs {
		units := d.Units
		if units == nil {
			units = []Span{}
		}
		entries[i] = docEntry{id: d.ID, length: d.Length, units: units}
	}
	return multiCompare(entries, codes, coders, segs, unit, minShare)
}

// taggedSpan is a relevant, clipped, non-empty segment tagged with indices:
// of its code, its document and its coder (in compare, the role: 0 = A,
// 1 = B).
type taggedSpan struct {
	code, doc, coder int32
	span             Span
}

// sortTagged orders spans by code, document and coder, then by position, so
// that each (code, document) group is a run and each coder's spans within
// it are sorted, as mergeSorted needs.
func sortTagged(entries []taggedSpan) {
	slices.SortFunc(entries, func(x, y taggedSpan) int {
		if c := cmp.Compare(x.code, y.code); c != 0 {
			return c
		}
		if c := cmp.Compare(x.doc, y.doc); c != 0 {
			return c
		}
		if c := cmp.Compare(x.coder, y.coder); c != 0 {
			return c
		}
		return compareSpans(x.span, y.span)
	})
}

// boundary is a point where a coder's union starts (+1) or ends (−1).
type boundary struct {
	at    int
	delta int
}

// multiCompare keeps each document, code and coder once, collects the
// clipped segments per (code, document), unions each coder's, and turns the
// unions into a histogram and per-coder counts; then it fills in the rows.
func multiCompare(docs []docEntry, codes []Code, coders []MultiCoder, segs []Segment, unit string, minShare float64) MultiReport {
	rep := MultiReport{Coders: []MultiCoder{}, Documents: []int64{}, Unit: unit, MinShare: minShare,
		Formula: FormulaFleissAlpha, PerCode: []MultiResult{}, PerFactor: []MultiResult{}}
	coderIndex := make(map[int64]int, len(coders))
	for _, c := range coders {
		if _, dup := coderIndex[c.ID]; dup {
			continue
		}
		coderIndex[c.ID] = len(rep.Coders)
		rep.Coders = append(rep.Coders, c)
	}
	kept, docIndex, ids := keepDocuments(docs)
	rep.Documents = append(rep.Documents, ids...)
	var codeIndex map[int64]int
	rep.codes, codeIndex = keepCodes(codes)
	m := len(rep.Coders)

	entries := make([]taggedSpan, 0, len(segs))
	for _, s := range segs {
		j, ok := coderIndex[s.Coder]
		if !ok {
			continue
		}
		ci, ok := codeIndex[s.Code]
		if !ok {
			continue
		}
		di, ok := docIndex[s.Document]
		if !ok {
			continue
		}
		if sp, ok := clip(Span{s.Start, s.End}, kept[di].length); ok {
			entries = append(entries, taggedSpan{int32(ci), int32(di), int32(j), sp})
		}
	}
	sortTagged(entries)

	// hist[code][doc][k] and coded[code][coder]; a (code, document) without
	// segments has every unit at k = 0, filled in below.
	hist := make([][][]int64, len(rep.codes))
	coded := make([][]int64, len(rep.codes))
	for i := range hist {
		hist[i] = make([][]int64, len(kept))
		flat := make([]int64, len(kept)*(m+1))
		for d := range kept {
			hist[i][d] = flat[d*(m+1) : (d+1)*(m+1) : (d+1)*(m+1)]
		}
		coded[i] = make([]int64, m)
	}
	unions := make([][]Span, m)
	var events []boundary
	for i := 0; i < len(entries); {
		code, doc := entries[i].code, entries[i].doc
		for j := range unions {
			unions[j] = unions[j][:0]
		}
		for ; i < len(entries) && entries[i].code == code && entries[i].doc == doc; i++ {
			unions[entries[i].coder] = append(unions[entries[i].coder], entries[i].span)
		}
		for j := range unions {
			unions[j] = mergeSorted(unions[j])
		}
		h, d := hist[code][doc], kept[doc]
		if d.units == nil {
			events = sweep(h, coded[code], unions, events[:0])
		} else {
			for _, u := range d.units {
				k := 0
				for j, un := range unions {
					if covers(un, u, minShare) {
						k++
						coded[code][j]++
					}
				}
				h[k]++
			}
		}
	}
	for i := range hist {
		for d, doc := range kept {
			h := hist[i][d]
			rest := doc.unitCount()
			for _, n := range h[1:] {
				rest -= n
			}
			h[0] = rest
		}
	}
	rep.perDoc = hist
	rep.fillRows(coded)
	return rep
}

// sweep adds to h[1:] the code points covered by exactly k of the unions
// (k ≥ 1) and to coded each union's length, walking the sorted boundaries
// once; events is scratch space, returned for reuse.
func sweep(h, coded []int64, unions [][]Span, events []boundary) []boundary {
	for j, un := range unions {
		coded[j] += int64(CoveredLen(un))
		for _, s := range un {
			events = append(events, boundary{s.Start, +1}, boundary{s.End, -1})
		}
	}
	slices.SortFunc(events, func(x, y boundary) int { return cmp.Compare(x.at, y.at) })
	level := 0
	for e := 0; e < len(events); e++ {
		level += events[e].delta
		if e+1 < len(events) && level > 0 {
			h[level] += int64(events[e+1].at - events[e].at)
		}
	}
	return events
}

// fillRows computes the per-code, per-factor and overall rows from the
// per-document histograms; coded is [code][coder], nil in resamples (no notes
// are needed there).
func (r *MultiReport) fillRows(coded [][]int64) {
	m := len(r.Coders)
	perCode := make([][]int64, len(r.codes))
	for i := range r.codes {
		perCode[i] = make([]int64, m+1)
		for _, h := range r.perDoc[i] {
			for k, n := range h {
				perCode[i][k] += n
			}
		}
	}
	r.PerCode = r.PerCode[:0]
	all := make([]int, 0, len(r.codes))
	for i, c := range r.codes {
		all = append(all, i)
		r.PerCode = append(r.PerCode, r.newMultiResult(c.Name, c.ID, c.Factor, perCode, coded, []int{i}, codeRow))
	}
	r.PerFactor = r.PerFactor[:0]
	for _, g := range factorGroups(r.codes) {
		r.PerFactor = append(r.PerFactor, r.newMultiResult(g.name, 0, g.id, perCode, coded, g.codes, pooledRow))
	}
	r.Overall = r.newMultiResult(LabelAllCodes, 0, 0, perCode, coded, all, pooledRow)
}

// newMultiResult makes the row of the codes which (one for a code row).
func (r *MultiReport) newMultiResult(label string, code, factor int64, perCode, coded [][]int64, which []int, kind rowKind) MultiResult {
	m := len(r.Coders)
	row := MultiResult{Label: label, Code: code, Factor: factor, Histogram: make([]int64, m+1), Coded: make([]int64, m)}
	hists := make([][]int64, len(which))
	for x, i := range which {
		hists[x] = perCode[i]
		for k, n := range perCode[i] {
			row.Histogram[k] += n
			row.Units += n
		}
		if coded != nil {
			for j, n := range coded[i] {
				row.Coded[j] += n
			}
		}
	}
	stats := multiStatistics(hists, m, kind)
	row.PercentAgreement, row.FleissKappa, row.KrippendorffAlpha, row.GwetAC1, row.BrennanPrediger =
		stats[0], stats[1], stats[2], stats[3], stats[4]

	what := "this code"
	if kind == pooledRow {
		what = "any of these codes"
	}
	var users, idle []string
	for j, n := range row.Coded {
		if n > 0 {
			users = append(users, coderLabel(fmt.Sprint(j+1), r.Coders[j].Name))
		} else {
			idle = append(idle, coderLabel(fmt.Sprint(j+1), r.Coders[j].Name))
		}
	}
	row.Status = Defined
	if coded == nil {
		// Who coded what is not kept per document: tell only what the
		// histogram shows.
		row.Coded = nil
		users, idle = []string{""}, nil
		if row.Histogram[0] == row.Units {
			users = nil
		}
	}
	switch {
	case m < 2:
		row.Status, row.Note = NoVariation, ReasonTooFewCoders
	case row.Units == 0:
		row.Status, row.Note = NoVariation, ReasonNoUnits
	case len(users) == 0:
		row.Status, row.Note = NoVariation, "undefined: no variation (no coder used "+what+")"
	case row.FleissKappa.Value == nil && kind == codeRow:
		row.Status, row.Note = NoVariation, "undefined: no variation (every coder coded every "+r.Unit+")"
	case row.FleissKappa.Value == nil:
		row.Status, row.Note = NoVariation, "undefined: no variation (each code was either used by no coder or applied by every coder to every "+r.Unit+")"
	case len(users) == 1 && coded != nil:
		row.Status, row.Note = OnlyOneCoder, "only "+users[0]+" used "+strings.TrimPrefix(what, "any of ")
	case len(idle) > 0:
		row.Note = "not used by " + strings.Join(idle, ", ")
	}
	return row
}

// PerDocument returns one row per compared document, in the report's
// document order, pooling the given codes within that document as factor
// rows pool theirs; no codes means every code, and a single code gives that
// code's code × document breakdown. Row.Document is the document's ID and
// Label is empty. Rows have no Coded counts (they are not kept per
// document), and bootstrap intervals are not carried over.
func (r MultiReport) PerDocument(codes ...int64) []MultiResult {
	want := map[int64]bool{}
	for _, c := range codes {
		want[c] = true
	}
	var which []int
	for i, c := range r.codes {
		if len(want) == 0 || want[c.ID] {
			which = append(which, i)
		}
	}
	kind := pooledRow
	if len(which) == 1 {
		kind = codeRow
	}
	out := make([]MultiResult, 0, len(r.Documents))
	hists := make([][]int64, len(r.codes))
	for d, id := range r.Documents {
		for _, i := range which {
			hists[i] = r.perDoc[i][d]
		}
		row := r.newMultiResult("", 0, 0, hists, nil, which, kind)
		row.Document = id
		out = append(out, row)
	}
	return out
}

// multiStatistics returns percent agreement, Fleiss' κ, α, AC1 and
// Brennan–Prediger for one code's histogram (kind codeRow) or pooled over
// several codes' histograms, exactly; see [MultiAgreement].
func multiStatistics(hists [][]int64, m int, kind rowKind) [5]Statistic {
	var out [5]Statistic
	undefined := func(why string) {
		for s := range out {
			if out[s].Value == nil && out[s].Undefined == nil {
				w := why
				out[s].Undefined = &w
			}
		}
	}
	if m < 2 {
		undefined(ReasonTooFewCoders)
		return out
	}
	one := big.NewRat(1, 1)
	half := big.NewRat(1, 2)
	mm := big.NewInt(int64(m))
	sumPo, sumPeF, sumPeG := new(big.Rat), new(big.Rat), new(big.Rat)
	used := int64(0)
	var alpha *float64
	for _, h := range hists {
		var n, y, s, d int64
		for k, c := range h {
			kk := int64(k)
			n += c
			y += kk * c
			s += c * (kk*(kk-1) + (int64(m)-kk)*(int64(m)-kk-1))
			d += c * kk * (int64(m) - kk)
		}
		if n == 0 {
			continue
		}
		used++
		bn := big.NewInt(n)
		mn := new(big.Int).Mul(mm, bn) // mN judgements
		po := new(big.Rat).SetFrac(big.NewInt(s), new(big.Int).Mul(bn, big.NewInt(int64(m*(m-1)))))
		p := new(big.Rat).SetFrac(big.NewInt(y), mn)
		sumPo.Add(sumPo, po)
		sumPeF.Add(sumPeF, scottExpected(p))
		sumPeG.Add(sumPeG, gwetExpected(p))
		if kind == codeRow {
			no := new(big.Int).Sub(mn, big.NewInt(y))
			if y > 0 && no.Sign() > 0 {
				// α = 1 − (mN−1)·D / ((m−1)·Y·(mN−Y)).
				num := new(big.Int).Mul(new(big.Int).Sub(mn, big.NewInt(1)), big.NewInt(d))
				den := new(big.Int).Mul(big.NewInt(int64(m-1)*y), no)
				alpha = ratPtr(new(big.Rat).Sub(one, new(big.Rat).SetFrac(num, den)))
			}
		}
	}
	if used == 0 {
		undefined(ReasonNoUnits)
		return out
	}
	k := big.NewRat(used, 1)
	po := sumPo.Quo(sumPo, k)
	peF, peG := sumPeF.Quo(sumPeF, k), sumPeG.Quo(sumPeG, k)
	out[0].Value = ratPtr(po)
	out[1].Value = corrected(po, peF)
	out[3].Value = corrected(po, peG)
	out[4].Value = corrected(po, half)
	switch {
	case kind == pooledRow:
		why := ReasonNotPooled
		out[2].Undefined = &why
	case alpha != nil:
		out[2].Value = alpha
	}
	if out[1].Value == nil || (kind == codeRow && out[2].Value == nil) {
		why := "no variation: no coder used the code, or every coder coded every unit"
		if kind == pooledRow {
			why = "no variation: each code was either used by no coder or applied by every coder to every unit"
		}
		undefined(why)
	}
	return out
}

// Bootstrap returns a copy of r whose statistics carry 95 % intervals from
// resamples drawn with replacement from r's documents, exactly as
// [Report.Bootstrap] does for two coders: documents are resampled whole, each
// resample sums the kept per-document histograms, the interval is the 2.5th
// and 97.5th percentile (R's type 7) of the resampled values where the
// statistic is defined, and a statistic undefined on the data has none. The
// same seed gives the same intervals; with fewer than two documents r is
// returned unchanged.
func (r MultiReport) Bootstrap(resamples int, seed int64) MultiReport {
	docs := len(r.Documents)
	if resamples <= 0 || docs < 2 || len(r.perDoc) != len(r.PerCode) {
		return r
	}
	out := r
	out.PerCode, out.PerFactor = slices.Clone(r.PerCode), slices.Clone(r.PerFactor)
	out.Resamples, out.Seed, out.Resampling = resamples, seed, ResampleDocuments
	targets := out.rows()

	m := len(r.Coders)
	values := make([][5][]float64, len(targets))
	rng := rand.New(rand.NewSource(seed))
	sample := MultiReport{Coders: r.Coders, Unit: r.Unit, codes: r.codes, perDoc: make([][][]int64, len(r.codes))}
	for i := range sample.perDoc {
		sample.perDoc[i] = [][]int64{make([]int64, m+1)}
	}
	for b := 0; b < resamples; b++ {
		for i := range sample.perDoc {
			clear(sample.perDoc[i][0])
		}
		for range docs {
			d := rng.Intn(docs)
			for i := range sample.perDoc {
				acc := sample.perDoc[i][0]
				for k, n := range r.perDoc[i][d] {
					acc[k] += n
				}
			}
		}
		sample.fillRows(nil)
		for j, row := range sample.rows() {
			for s, st := range row.statistics() {
				if st.Value != nil {
					values[j][s] = append(values[j][s], *st.Value)
				}
			}
		}
	}
	for j, row := range targets {
		for s, st := range row.statistics() {
			if st.Value == nil || len(values[j][s]) == 0 {
				continue
			}
			v := values[j][s]
			slices.Sort(v)
			st.CI = &[2]float64{percentile(v, 0.025), percentile(v, 0.975)}
		}
	}
	return out
}

// rows lists pointers to a report's rows: per code, per factor, overall.
func (r *MultiReport) rows() []*MultiResult {
	return rowPointers(r.PerCode, r.PerFactor, &r.Overall)
}

// statistics lists pointers to a row's statistics in a fixed order.
func (row *MultiResult) statistics() [5]*Statistic {
	return [5]*Statistic{&row.PercentAgreement, &row.FleissKappa, &row.KrippendorffAlpha, &row.GwetAC1, &row.BrennanPrediger}
}
