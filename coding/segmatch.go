package coding

import (
	"fmt"
	"math/big"
)

// UnitSegment is the unit of [SegmentAgreement]: a coded segment.
const UnitSegment = "segment"

// DefaultSegmentThreshold is the share of a segment the other coder must
// cover with the same code for the segment to count as agreed, as MAXQDA's
// default ("segment overlap of at least 90 %").
const DefaultSegmentThreshold = 0.9

// SegmentAgreement compares two coders segment by segment, as MAXQDA's
// intercoder agreement at the segment level does: every coded stretch of
// either coder is a unit, and it is agreed when the other coder applied the
// same code to at least threshold of it (0: any overlap).
//
// A coder's overlapping or adjacent segments of one code are first unioned
// into stretches, so a segment coded twice by mistake is one unit. Per code,
// Both counts the agreed stretches of both coders, OnlyA and OnlyB the
// unmatched stretches of each, and Neither is always 0: there is no unit that
// both coders left uncoded. Agreement is therefore Both / (Both + OnlyA +
// OnlyB), MAXQDA's percentage.
//
// Because Neither is empty by construction, chance agreement cannot be
// estimated per code, and κ, π, α, AC1 and Brennan–Prediger are left
// undefined on code rows with a note saying why. Pooled rows (a factor, all
// codes) follow MAXQDA: observed agreement is the pooled share of agreed
// stretches, and κ is Brennan & Prediger's (1981) with chance agreement 1/q,
// q being the number of codes pooled: κ = (p_o − 1/q)/(1 − 1/q). The same
// value is reported as the row's Brennan–Prediger coefficient.
func SegmentAgreement(docs []DocumentLength, codes []Code, coderA, coderB int64, nameA, nameB string, segs []Segment, threshold float64) Report {
	rep := newReport(coderA, coderB, UnitSegment)
	rep.MinShare = threshold
	entries := make([]docEntry, len(docs))
	for i, d := range docs {
		entries[i] = docEntry{id: d.ID, length: d.Length}
	}
	perCode, uniq := compare(&rep, entries, codes, coderA, coderB, segs, func(_ docEntry, ua, ub []Span) Counts {
		return MatchStretches(ua, ub, threshold)
	})
	return rows(rep, perCode, uniq, nameA, nameB)
}

// MatchStretches counts the stretches of two coders' unions of one code that
// the other coder covers by at least threshold (see [SegmentAgreement]).
func MatchStretches(ua, ub []Span, threshold float64) Counts {
	var c Counts
	for _, s := range ua {
		if covers(ub, s, threshold) {
			c.Both++
		} else {
			c.OnlyA++
		}
	}
	for _, s := range ub {
		if covers(ua, s, threshold) {
			c.Both++
		} else {
			c.OnlyB++
		}
	}
	return c
}

// segmentResult is newResult for the segment unit: percent agreement per
// code, and MAXQDA's κ with chance 1/q on pooled rows.
func segmentResult(r Result, tables []Counts, kind rowKind) Result {
	const why = "κ undefined: segment match has no “neither” units to estimate chance from; read the percentage"
	n := r.Counts.Units()
	switch {
	case n == 0:
		r.Status, r.Note = NoVariation, "undefined: neither coder used "+map[bool]string{true: "any of these codes", false: "this code"}[kind == pooledRow]
		return r
	case kind == codeRow:
		r.Agreement = ObservedAgreement(r.Counts)
		r.Status, r.Note = NoVariation, why
		return r
	}
	r.Agreement = ObservedAgreement(r.Counts)
	q := int64(len(tables))
	if q < 2 {
		r.Status, r.Note = NoVariation, why
		return r
	}
	po := big.NewRat(r.Counts.Both, n)
	r.Expected = 1 / float64(q)
	k := corrected(po, big.NewRat(1, q))
	r.Kappa, r.BrennanPrediger = k, k
	r.Status = Defined
	r.Note = fmt.Sprintf("κ as MAXQDA: Brennan & Prediger, chance 1/%d (one over the number of codes)", q)
	return r
}
