package project

import (
	"fmt"

	"themis/coding"
	"themis/store"
)

// AgreementRequest chooses the two coders and the documents to compare; no
// documents means every document in the project.
type AgreementRequest struct {
	CoderA, CoderB int64
	Documents      []int64
}

// Agreement computes character-level agreement per code, per factor and
// overall between two coders of a project.
func Agreement(p *store.Project, req AgreementRequest) (coding.CharacterReport, error) {
	if req.CoderA == req.CoderB {
		return coding.CharacterReport{}, fmt.Errorf("%w: choose two different coders", store.ErrInvalid)
	}
	a, err := p.Coder(req.CoderA)
	if err != nil {
		return coding.CharacterReport{}, err
	}
	b, err := p.Coder(req.CoderB)
	if err != nil {
		return coding.CharacterReport{}, err
	}
	all, err := p.Documents()
	if err != nil {
		return coding.CharacterReport{}, err
	}
	everything := len(req.Documents) == 0
	wanted := map[int64]bool{}
	for _, id := range req.Documents {
		wanted[id] = true
	}
	var docs []coding.DocumentLength
	for _, d := range all {
		if everything || wanted[d.ID] {
			docs = append(docs, coding.DocumentLength{ID: d.ID, Length: d.Chars})
			delete(wanted, d.ID)
		}
	}
	for id := range wanted {
		return coding.CharacterReport{}, fmt.Errorf("document %d: %w", id, store.ErrNotFound)
	}
	codes, err := AgreementCodes(p)
	if err != nil {
		return coding.CharacterReport{}, err
	}
	var segs []coding.Segment
	for _, coder := range []int64{a.ID, b.ID} {
		ss, err := p.Segments(store.SegmentFilter{Coder: coder})
		if err != nil {
			return coding.CharacterReport{}, err
		}
		for _, s := range ss {
			segs = append(segs, coding.Segment{Document: s.Document, Code: s.Code, Coder: s.Coder, Start: s.Start, End: s.End})
		}
	}
	return coding.CharacterAgreement(docs, codes, a.ID, b.ID, a.Name, b.Name, segs), nil
}

// AgreementCodes lists the codable codes with their parent factor, in framework order.
func AgreementCodes(p *store.Project) ([]coding.Code, error) {
	all, err := p.Codes()
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, c := range all {
		names[c.ID] = c.Name
	}
	var out []coding.Code
	for _, c := range all {
		if c.Codable {
			out = append(out, coding.Code{ID: c.ID, Name: c.Name, Factor: c.Parent, FactorName: names[c.Parent]})
		}
	}
	return out, nil
}
