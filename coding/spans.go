package coding

import (
	"cmp"
	"slices"
)

// Span is a half-open interval [Start, End) of code-point offsets.
type Span struct{ Start, End int }

// Len returns the number of code points in s, or 0 when s is empty or inverted.
func (s Span) Len() int {
	if s.End <= s.Start {
		return 0
	}
	return s.End - s.Start
}

// Union returns the union of spans as a sorted list of disjoint, non-adjacent,
// non-empty spans: overlapping and touching spans are merged ([0,5) and [5,8)
// become [0,8)), and empty or inverted spans are dropped. The input is not
// modified. It runs in O(n log n) and allocates only the result.
func Union(spans []Span) []Span {
	out := make([]Span, 0, len(spans))
	for _, s := range spans {
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, compareSpans)
	return mergeSorted(out)
}

// Clip returns the union of spans restricted to [0, length).
func Clip(spans []Span, length int) []Span {
	return mergeSorted(clipUnits(spans, length))
}

// CoveredLen returns the number of code points covered by a union
// (sorted, disjoint spans as returned by [Union]).
func CoveredLen(union []Span) int {
	n := 0
	for _, s := range union {
		n += s.Len()
	}
	return n
}

// IntersectLen returns the number of code points covered by both a and b,
// which must each be a union (sorted, disjoint spans as returned by [Union]).
// It runs in O(len(a) + len(b)).
func IntersectLen(a, b []Span) int {
	n := 0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		lo := max(a[i].Start, b[j].Start)
		hi := min(a[i].End, b[j].End)
		if hi > lo {
			n += hi - lo
		}
		if a[i].End < b[j].End {
			i++
		} else {
			j++
		}
	}
	return n
}

// CharacterCounts returns the 2×2 character table for one code in one document
// of length code points, where a and b are the two coders' segments (any
// order, possibly overlapping; clipped to the document).
func CharacterCounts(length int, a, b []Span) Counts {
	return countsFromUnions(max(length, 0), Clip(a, length), Clip(b, length))
}

func countsFromUnions(length int, ua, ub []Span) Counts {
	la, lb, both := CoveredLen(ua), CoveredLen(ub), IntersectLen(ua, ub)
	return Counts{
		Both:    int64(both),
		OnlyA:   int64(la - both),
		OnlyB:   int64(lb - both),
		Neither: int64(length - la - lb + both),
	}
}

func clip(s Span, length int) (Span, bool) {
	s.Start = max(s.Start, 0)
	s.End = min(s.End, length)
	return s, s.End > s.Start
}

func compareSpans(x, y Span) int {
	if c := cmp.Compare(x.Start, y.Start); c != 0 {
		return c
	}
	return cmp.Compare(x.End, y.End)
}

// mergeSorted merges spans sorted by Start, in place, and returns the prefix
// holding the union. All spans must be non-empty.
func mergeSorted(spans []Span) []Span {
	if len(spans) == 0 {
		return spans
	}
	w := 0
	for _, s := range spans[1:] {
		if s.Start <= spans[w].End { // overlapping or adjacent
			spans[w].End = max(spans[w].End, s.End)
			continue
		}
		w++
		spans[w] = s
	}
	return spans[:w+1]
}
