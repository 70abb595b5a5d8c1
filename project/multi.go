package project

import (
	"fmt"

	"themis/coding"
	"themis/store"
)

// MultiAgreementRequest chooses two or more coders, the documents (none
// means every document in the project) and the unit of analysis, as
// AgreementRequest does for two coders.
type MultiAgreementRequest struct {
	Coders    []int64
	Documents []int64
	Codes     []int64 // none means every codable code
	Unit      string  // one of Units' names; "" means character
	MinShare  float64 // units other than characters: share of a unit that must be covered (0: any overlap)
	// Bootstrap > 0 adds 95 % intervals from that many resamples of the
	// documents, drawn with Seed (see coding.MultiReport.Bootstrap).
	Bootstrap int
	Seed      int64
}

// MultiAgreement computes Fleiss' kappa, Krippendorff's alpha and the other
// statistics of coding.MultiAgreement per code, per factor and overall among
// two or more coders of a project. Every coder must be distinct and known;
// the documents must exist; the viewer must be allowed to compare.
func MultiAgreement(p *store.Project, v Viewer, req MultiAgreementRequest) (coding.MultiReport, error) {
	if err := v.mayCompare(); err != nil {
		return coding.MultiReport{}, err
	}
	if err := checkOptions(&req.Unit, req.MinShare, req.Bootstrap); err != nil {
		return coding.MultiReport{}, err
	}
	if req.Unit == coding.UnitSegment {
		// A segment agrees when the other coder covers it: a relation between two coders.
		return coding.MultiReport{}, fmt.Errorf("%w: segment match compares two coders; among more, choose character, turn, sentence, paragraph or document", store.ErrInvalid)
	}
	if len(req.Coders) < 2 {
		return coding.MultiReport{}, fmt.Errorf("%w: choose at least two coders", store.ErrInvalid)
	}
	seen := map[int64]bool{}
	for _, id := range req.Coders {
		if seen[id] {
			return coding.MultiReport{}, fmt.Errorf("%w: each coder can be chosen once (coder %d is chosen twice)", store.ErrInvalid, id)
		}
		seen[id] = true
	}
	in, err := gather(p, req.Coders, req.Documents, req.Codes)
	if err != nil {
		return coding.MultiReport{}, err
	}
	coders := make([]coding.MultiCoder, len(in.coders))
	for i, c := range in.coders {
		coders[i] = coding.MultiCoder{ID: c.ID, Name: c.Name}
	}
	var rep coding.MultiReport
	if req.Unit == coding.UnitCharacter {
		docs, segs := withoutExcluded(in.docs, in.segs, in.excluded)
		rep = coding.MultiAgreement(docs, in.codes, coders, segs)
	} else {
		units, err := unitsOf(p, in.docs, req.Unit)
		if err != nil {
			return coding.MultiReport{}, err
		}
		rep = coding.MultiUnitAgreement(units, in.codes, coders, in.segs, req.Unit, req.MinShare)
	}
	rep.Codebook = in.codebook
	return rep.Bootstrap(req.Bootstrap, req.Seed), nil
}
