package project

import (
	"fmt"

	"themis/coding"
	"themis/store"
)

// UnitizedAgreement computes Krippendorff's unitizing alphas
// (coding.Unitized) between two or more coders of a project: each document
// is a continuum of its length in code points, each codable code a category
// (named by the code; a name two codes share is prefixed by its factor).
// documents chooses the documents (none means every document).
//
// Coders here may apply several codes to the same text, which Krippendorff's
// data do not allow, so the project asks for coding.UnitizedOptions'
// PerCategoryOverlap: every per-code binary uα is computed from the coder's
// union of that code's segments, |uα from each coder's coded text, and uα,
// cuα and the per-code (k)uα (eq. 13) only when no coder has overlapping
// segments of different codes in a document; otherwise they are undefined
// with coding.ReasonUnitizedOverlap. Segments
// are clipped to their document; segments of other documents or of
// uncodable codes are ignored.
//
// Fewer than two coders, a coder named twice, or an unknown coder or
// document is an error (store.ErrInvalid, store.ErrNotFound); so is a
// viewer whom blind mode keeps from comparing.
func UnitizedAgreement(p *store.Project, v Viewer, coders []int64, documents []int64) (coding.UnitizedReport, error) {
	if err := v.mayCompare(); err != nil {
		return coding.UnitizedReport{}, err
	}
	if len(coders) < 2 {
		return coding.UnitizedReport{}, fmt.Errorf("%w: the unitizing alphas compare two or more coders", store.ErrInvalid)
	}
	index := make(map[int64]int, len(coders))
	for i, id := range coders {
		if _, dup := index[id]; dup {
			return coding.UnitizedReport{}, fmt.Errorf("%w: coder %d is asked for twice", store.ErrInvalid, id)
		}
		index[id] = i
	}
	in, err := gather(p, coders, documents, nil)
	if err != nil {
		return coding.UnitizedReport{}, err
	}
	lengths := make([]int, len(in.docs))
	docIndex := make(map[int64]int, len(in.docs))
	for i, d := range in.docs {
		lengths[i] = d.Length
		docIndex[d.ID] = i
	}
	count := map[string]int{}
	for _, c := range in.codes {
		count[c.Name]++
	}
	cats := make([]string, len(in.codes))
	catOf := make(map[int64]string, len(in.codes))
	used := map[string]bool{}
	for i, c := range in.codes {
		name := c.Name
		if count[name] > 1 && c.FactorName != "" {
			name = c.FactorName + " / " + c.Name
		}
		if used[name] {
			name = fmt.Sprintf("%s (%d)", name, c.ID)
		}
		used[name] = true
		cats[i] = name
		catOf[c.ID] = name
	}
	var segs []coding.UnitizedSegment
	for _, s := range in.segs {
		d, ok := docIndex[s.Document]
		cat, codable := catOf[s.Code]
		if !ok || !codable {
			continue
		}
		start, end := max(s.Start, 0), min(s.End, lengths[d])
		if start >= end {
			continue
		}
		segs = append(segs, coding.UnitizedSegment{Continuum: d, Coder: index[s.Coder], Start: start, End: end, Category: cat})
	}
	r, err := coding.Unitized(lengths, len(coders), segs, coding.UnitizedOptions{Categories: cats, PerCategoryOverlap: true})
	if err == nil {
		r.Codebook = &in.codebook
	}
	return r, err
}
