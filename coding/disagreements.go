package coding

import (
	"cmp"
	"fmt"
	"slices"
)

// The kinds of [Disagreement].
const (
	OnlyA         = "only-a"         // coder A coded the passage, B did not code it at all
	OnlyB         = "only-b"         // coder B coded the passage, A did not code it at all
	Boundary      = "boundary"       // both used the same code, but their extents differ by more than the threshold
	DifferentCode = "different-code" // both coded the passage, with different codes
)

// Disagreement is one place where two coders' layers differ, as a reviewer
// would discuss it: one coder's stretches of a code against the other's.
type Disagreement struct {
	// Key identifies the disagreement across recomputations, so a decision
	// about it can be found again: kind, document, codes and extent.
	Key      string
	Document int64
	Kind     string
	// CodeA and CodeB are the codes of A's and B's spans (equal for
	// boundary disagreements; 0 for the coder who has nothing there).
	CodeA, CodeB int64
	A, B         []Span // each coder's merged stretches of their code, sorted
	Extent       Span   // from the first start to the last end of A and B
	// Overlap is the share of the characters either coder coded that both
	// coded (0 when one coder has nothing there).
	Overlap float64
}

// Size is the number of code points the disagreement spans.
func (d Disagreement) Size() int { return d.Extent.Len() }

// Agreed is a passage both coders coded with the same code, each covering
// at least the threshold of the other's stretch.
type Agreed struct {
	Key      string
	Document int64
	Code     int64
	A, B     Span
}

// Disagreements lists every disagreement between coders A and B over the
// given documents and codes, with the passages they agreed on.
//
// Per document and code, each coder's segments are merged into stretches, and
// stretches of the two coders that overlap are grouped (transitively). A
// group holding exactly one stretch of each coder, each covering at least
// threshold of the other (0: any overlap), is agreed — the same rule as
// segment match ([SegmentAgreement]), applied from both sides. Any other group
// holding both coders is a [Boundary] disagreement. A group of one coder only
// is a candidate for [OnlyA] or [OnlyB]; when a candidate of A and one of B
// with different codes overlap, they are paired as one [DifferentCode]
// disagreement (largest overlaps first, each candidate at most once), since
// the reviewer's question is then which code the passage should carry.
//
// Results are sorted by size, largest first, then by document and position.
func Disagreements(docs []DocumentLength, codes []Code, coderA, coderB int64, segs []Segment, threshold float64) ([]Disagreement, []Agreed) {
	length := make(map[int64]int, len(docs))
	order := make(map[int64]int, len(docs))
	for i, d := range docs {
		if _, dup := length[d.ID]; !dup {
			length[d.ID], order[d.ID] = max(d.Length, 0), i
		}
	}
	known := make(map[int64]bool, len(codes))
	for _, c := range codes {
		known[c.ID] = true
	}
	type groupKey struct {
		doc, code int64
	}
	spans := map[groupKey][2][]Span{}
	for _, s := range segs {
		role := -1
		switch s.Coder {
		case coderA:
			role = 0
		case coderB:
			role = 1
		}
		n, ok := length[s.Document]
		if role < 0 || !ok || !known[s.Code] {
			continue
		}
		sp, ok := clip(Span{s.Start, s.End}, n)
		if !ok {
			continue
		}
		k := groupKey{s.Document, s.Code}
		pair := spans[k]
		pair[role] = append(pair[role], sp)
		spans[k] = pair
	}

	var out []Disagreement
	var agreed []Agreed
	candidates := map[int64][]Disagreement{} // one-sided groups per document
	for k, pair := range spans {
		ua, ub := Union(pair[0]), Union(pair[1])
		for _, g := range overlapGroups(ua, ub) {
			switch {
			case len(g[0]) == 1 && len(g[1]) == 1 && covers(g[1], g[0][0], threshold) && covers(g[0], g[1][0], threshold):
				agreed = append(agreed, Agreed{Key: fmt.Sprintf("agreed:%d:%d:%d-%d:%d-%d", k.doc, k.code, g[0][0].Start, g[0][0].End, g[1][0].Start, g[1][0].End),
					Document: k.doc, Code: k.code, A: g[0][0], B: g[1][0]})
			case len(g[0]) > 0 && len(g[1]) > 0:
				out = append(out, newDisagreement(k.doc, Boundary, k.code, k.code, g[0], g[1]))
			case len(g[0]) > 0:
				candidates[k.doc] = append(candidates[k.doc], newDisagreement(k.doc, OnlyA, k.code, 0, g[0], nil))
			default:
				candidates[k.doc] = append(candidates[k.doc], newDisagreement(k.doc, OnlyB, 0, k.code, nil, g[1]))
			}
		}
	}
	for doc, cs := range candidates {
		out = append(out, pairDifferentCodes(doc, cs)...)
	}
	slices.SortFunc(out, func(x, y Disagreement) int {
		if c := cmp.Compare(y.Size(), x.Size()); c != 0 {
			return c
		}
		if c := cmp.Compare(order[x.Document], order[y.Document]); c != 0 {
			return c
		}
		return cmp.Compare(x.Key, y.Key)
	})
	slices.SortFunc(agreed, func(x, y Agreed) int {
		if c := cmp.Compare(order[x.Document], order[y.Document]); c != 0 {
			return c
		}
		return cmp.Compare(x.Key, y.Key)
	})
	return out, agreed
}

// overlapGroups groups two sorted, merged span lists into connected groups
// of overlapping spans; g[0] holds A's spans of a group, g[1] B's.
func overlapGroups(ua, ub []Span) [][2][]Span {
	var groups [][2][]Span
	i, j := 0, 0
	for i < len(ua) || j < len(ub) {
		var g [2][]Span
		end := -1
		for {
			// The next span to consider is the one that starts first.
			takeA := i < len(ua) && (j >= len(ub) || ua[i].Start <= ub[j].Start)
			var next Span
			switch {
			case takeA:
				next = ua[i]
			case j < len(ub):
				next = ub[j]
			} // with nothing left, next stays empty and ends the group
			if next.Len() == 0 || (end >= 0 && next.Start >= end) {
				break
			}
			if takeA {
				g[0] = append(g[0], next)
				i++
			} else {
				g[1] = append(g[1], next)
				j++
			}
			end = max(end, next.End)
		}
		groups = append(groups, g)
	}
	return groups
}

// pairDifferentCodes pairs one-sided candidates of A and B with different
// codes that overlap, largest overlap first; the rest stay one-sided.
func pairDifferentCodes(doc int64, cs []Disagreement) []Disagreement {
	type pairing struct {
		a, b, overlap int
	}
	var pairs []pairing
	for i, a := range cs {
		if a.Kind != OnlyA {
			continue
		}
		for j, b := range cs {
			if b.Kind != OnlyB || b.CodeB == a.CodeA {
				continue
			}
			if o := IntersectLen(a.A, b.B); o > 0 {
				pairs = append(pairs, pairing{i, j, o})
			}
		}
	}
	slices.SortStableFunc(pairs, func(x, y pairing) int {
		if c := cmp.Compare(y.overlap, x.overlap); c != 0 {
			return c
		}
		if c := cmp.Compare(cs[x.a].Key, cs[y.a].Key); c != 0 {
			return c
		}
		return cmp.Compare(cs[x.b].Key, cs[y.b].Key)
	})
	used := make([]bool, len(cs))
	var out []Disagreement
	for _, p := range pairs {
		if used[p.a] || used[p.b] {
			continue
		}
		used[p.a], used[p.b] = true, true
		a, b := cs[p.a], cs[p.b]
		out = append(out, newDisagreement(doc, DifferentCode, a.CodeA, b.CodeB, a.A, b.B))
	}
	for i, c := range cs {
		if !used[i] {
			out = append(out, c)
		}
	}
	return out
}

func newDisagreement(doc int64, kind string, codeA, codeB int64, a, b []Span) Disagreement {
	d := Disagreement{Document: doc, Kind: kind, CodeA: codeA, CodeB: codeB, A: a, B: b}
	all := Union(append(slices.Clone(a), b...))
	d.Extent = Span{all[0].Start, all[len(all)-1].End}
	if both := IntersectLen(a, b); both > 0 {
		d.Overlap = float64(both) / float64(CoveredLen(all))
	}
	d.Key = fmt.Sprintf("%s:%d:%d:%d:%d-%d", kind, doc, codeA, codeB, d.Extent.Start, d.Extent.End)
	return d
}
