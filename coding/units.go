package coding

import (
	"slices"
	"sort"
)

// DocumentUnits is a document with its units of analysis: speaker turns,
// sentences or paragraphs as code-point spans, or one span [0, Length) for
// document presence.
type DocumentUnits struct {
	ID     int64
	Length int
	Units  []Span
	Turns  []int // where speaker turns start, for [Report.BootstrapTurns]; optional
}

// UnitAgreement compares two coders per code where each unit counts once: a
// coder coded a unit with a code when their segments of that code cover more
// than nothing of it (minShare 0, "any overlap") or at least minShare of its
// code points (0.5: half of it). From there the tables, kappas, pooling and
// notes are exactly those of [CharacterAgreement], with unit naming the unit
// in notes ("turn", "sentence", "paragraph", "document").
//
// Units are clipped to their document and empty ones dropped; overlapping
// units are counted separately, so callers give disjoint units. A coder's
// overlapping segments of one code are unioned before measuring coverage.
func UnitAgreement(docs []DocumentUnits, codes []Code, coderA, coderB int64, nameA, nameB string, segs []Segment, unit string, minShare float64) Report {
	rep := newReport(coderA, coderB, unit)
	rep.MinShare = minShare
	entries := make([]docEntry, len(docs))
	for i, d := range docs {
		units := d.Units
		if units == nil {
			units = []Span{}
		}
		entries[i] = docEntry{id: d.ID, length: d.Length, units: units, turns: d.Turns}
	}
	perCode, uniq := compare(&rep, entries, codes, coderA, coderB, segs, func(d docEntry, ua, ub []Span) Counts {
		var c Counts
		for _, u := range d.units {
			a, b := covers(ua, u, minShare), covers(ub, u, minShare)
			switch {
			case a && b:
				c.Both++
			case a:
				c.OnlyA++
			case b:
				c.OnlyB++
			}
		}
		return c
	})
	return rows(rep, perCode, uniq, nameA, nameB)
}

// covers reports whether a union of spans covers enough of u.
func covers(union []Span, u Span, minShare float64) bool {
	i := sort.Search(len(union), func(i int) bool { return union[i].End > u.Start })
	covered := 0
	for ; i < len(union) && union[i].Start < u.End; i++ {
		covered += min(union[i].End, u.End) - max(union[i].Start, u.Start)
	}
	if minShare <= 0 {
		return covered > 0
	}
	return float64(covered) >= minShare*float64(u.Len())
}

// clipUnits restricts units to [0, length), drops empty ones and sorts them,
// without merging: adjacent turns stay two units.
func clipUnits(units []Span, length int) []Span {
	out := make([]Span, 0, len(units))
	for _, u := range units {
		if u, ok := clip(u, length); ok {
			out = append(out, u)
		}
	}
	slices.SortFunc(out, compareSpans)
	return out
}
