package project

import (
	"errors"
	"fmt"
	"slices"

	"themis/coding"
	"themis/store"
)

// Adjudication actions: what a reviewer decides about a disagreement.
const (
	AcceptA = "accept-a" // keep coder A's coding of the passage
	AcceptB = "accept-b" // keep coder B's
	Both    = "both"     // keep both coders' coding (united when the code is the same)
	Neither = "neither"  // the passage is not coded in the consensus
	Adjust  = "adjust"   // a span and code the reviewer sets
)

// ReviewRequest chooses the two coders whose disagreements are reviewed, the
// documents and codes (none means all), and the segment-match threshold
// (0 means coding.DefaultSegmentThreshold).
type ReviewRequest struct {
	CoderA, CoderB int64
	Documents      []int64
	Codes          []int64
	Threshold      float64
}

// Review is the state of adjudication between two coders: every
// disagreement with its decision, if any, and the progress made.
//
// Coder A is always the coder with the lower ID, whatever order the request
// named them in, so that a disagreement keeps its key (and its decision)
// however the reviewer picks the pair.
type Review struct {
	CoderA, CoderB store.Coder
	Consensus      store.Coder // ID 0 until adjudication starts
	Threshold      float64
	Items          []ReviewItem
	Agreed         int // passages the coders agreed on (copied into the consensus when adjudication starts)
	Settled        int // items with a decision
}

// ReviewItem is a disagreement, the document it is in, and its decision.
type ReviewItem struct {
	coding.Disagreement
	DocumentName string
	Decision     *store.Decision
}

// Disagreements lists the disagreements between two coders with the
// decisions already taken on them. It shows both coders' passages, so it is
// refused to everyone, the lead included, while blind mode is on
// (Viewer.CanReview); settling them is MayAdjudicate's.
func Disagreements(p *store.Project, v Viewer, req ReviewRequest) (Review, error) {
	if err := v.mayReview(); err != nil {
		return Review{}, err
	}
	rv, _, err := review(p, req)
	return rv, err
}

// StartAdjudication creates the pair's consensus layer if needed and copies
// into it every passage the coders agreed on (their united extent, under the
// code both used), so that the consensus is a whole coding and not only the
// settled disagreements. It can be called again: passages already copied or
// decided are left as they are.
func StartAdjudication(p *store.Project, v Viewer, req ReviewRequest) (Review, error) {
	if err := v.mayReview(); err != nil {
		return Review{}, err
	}
	rv, agreed, err := review(p, req)
	if err != nil {
		return rv, err
	}
	if err := v.MayAdjudicate(rv.CoderA, rv.CoderB); err != nil {
		return Review{}, err
	}
	c, err := p.ConsensusLayer(rv.CoderA.ID, rv.CoderB.ID, true)
	if err != nil {
		return rv, err
	}
	copies := make([]store.Decision, 0, len(agreed))
	for _, a := range agreed {
		span := coding.Union([]coding.Span{a.A, a.B})
		copies = append(copies, store.Decision{Document: a.Document, Item: a.Key, Kind: "agreed",
			Segments: []store.ConsensusSegment{{Code: a.Code, Start: span[0].Start, End: span[len(span)-1].End}}})
	}
	if _, err := p.RecordAgreed(c.ID, copies); err != nil {
		return rv, err
	}
	return Disagreements(p, v, req)
}

// DecideRequest settles one disagreement, named by its key, found among the
// disagreements of Review (so the spans decided on are the ones stored, not
// ones a caller sends). Start, End and Code are used by Adjust only: the
// span (code points) and code the consensus gets; Code 0 means the code of
// the disagreement.
type DecideRequest struct {
	ReviewRequest
	Key        string
	Action     string
	Rationale  string
	Start, End int
	Code       int64
}

// Decide records the viewer's decision on one disagreement in the consensus
// layer (which adjudication must have started) and returns it. Only the
// lead or the named adjudicator, neither of them one of the pair, may
// (Viewer.MayAdjudicate).
func Decide(p *store.Project, v Viewer, req DecideRequest) (store.Decision, error) {
	if err := v.mayReview(); err != nil {
		return store.Decision{}, err
	}
	rv, _, err := review(p, req.ReviewRequest)
	if err != nil {
		return store.Decision{}, err
	}
	if err := v.MayAdjudicate(rv.CoderA, rv.CoderB); err != nil {
		return store.Decision{}, err
	}
	if rv.Consensus.ID == 0 {
		return store.Decision{}, fmt.Errorf("%w: start adjudication before deciding", store.ErrInvalid)
	}
	i := slices.IndexFunc(rv.Items, func(it ReviewItem) bool { return it.Key == req.Key })
	if i < 0 {
		return store.Decision{}, fmt.Errorf("disagreement %s: %w (the coding may have changed since the list was made)", req.Key, store.ErrNotFound)
	}
	d := rv.Items[i].Disagreement
	segs, err := decidedSegments(p, d, req)
	if err != nil {
		return store.Decision{}, err
	}
	return p.Decide(store.Decision{Consensus: rv.Consensus.ID, Document: d.Document, Item: d.Key, Kind: d.Kind,
		Action: req.Action, Rationale: req.Rationale, DecidedBy: v.Coder.ID, Segments: segs})
}

// Reopen takes back the decision on one disagreement and its segments, as
// the viewer.
func Reopen(p *store.Project, v Viewer, req ReviewRequest, key string) error {
	if err := v.mayReview(); err != nil {
		return err
	}
	a, err := p.Coder(req.CoderA)
	if err != nil {
		return err
	}
	b, err := p.Coder(req.CoderB)
	if err != nil {
		return err
	}
	if err := v.MayAdjudicate(a, b); err != nil {
		return err
	}
	c, err := p.ConsensusLayer(req.CoderA, req.CoderB, false)
	if err != nil {
		return err
	}
	return p.Reopen(c.ID, key, v.Coder.ID)
}

// decidedSegments is what the action puts in the consensus for d.
func decidedSegments(p *store.Project, d coding.Disagreement, req DecideRequest) ([]store.ConsensusSegment, error) {
	layer := func(code int64, spans []coding.Span) []store.ConsensusSegment {
		out := make([]store.ConsensusSegment, 0, len(spans))
		for _, s := range spans {
			out = append(out, store.ConsensusSegment{Code: code, Start: s.Start, End: s.End})
		}
		return out
	}
	switch req.Action {
	case AcceptA:
		return layer(d.CodeA, d.A), nil
	case AcceptB:
		return layer(d.CodeB, d.B), nil
	case Both:
		if d.CodeA == d.CodeB {
			return layer(d.CodeA, coding.Union(append(slices.Clone(d.A), d.B...))), nil
		}
		return append(layer(d.CodeA, d.A), layer(d.CodeB, d.B)...), nil
	case Neither:
		return nil, nil
	case Adjust:
		code := req.Code
		if code == 0 {
			code = max(d.CodeA, d.CodeB)
			if d.CodeA != 0 && d.CodeB != 0 && d.CodeA != d.CodeB {
				return nil, fmt.Errorf("%w: the coders used different codes here; say which code the adjusted span carries", store.ErrInvalid)
			}
		}
		if req.Start < 0 || req.End <= req.Start {
			return nil, fmt.Errorf("%w: the adjusted span %d–%d is empty", store.ErrInvalid, req.Start, req.End)
		}
		if c, err := p.Code(code); err != nil {
			return nil, err
		} else if !c.Codable {
			return nil, fmt.Errorf("%w: “%s” groups other codes and is not codable", store.ErrInvalid, c.Name)
		}
		return []store.ConsensusSegment{{Code: code, Start: req.Start, End: req.End}}, nil
	}
	return nil, fmt.Errorf("%w: unknown action %q (accept-a, accept-b, both, neither or adjust)", store.ErrInvalid, req.Action)
}

// review computes the disagreements of req and joins the decisions taken.
func review(p *store.Project, req ReviewRequest) (Review, []coding.Agreed, error) {
	var rv Review
	if req.CoderA == req.CoderB {
		return rv, nil, fmt.Errorf("%w: choose two different coders", store.ErrInvalid)
	}
	if req.Threshold < 0 || req.Threshold > 1 {
		return rv, nil, fmt.Errorf("%w: the segment-match threshold is between 0 and 1, not %v", store.ErrInvalid, req.Threshold)
	}
	if req.Threshold == 0 {
		req.Threshold = coding.DefaultSegmentThreshold
	}
	rv.Threshold = req.Threshold
	for i, id := range []int64{min(req.CoderA, req.CoderB), max(req.CoderA, req.CoderB)} {
		c, err := p.Coder(id)
		if err != nil {
			return rv, nil, err
		}
		if c.Kind == store.KindConsensus {
			return rv, nil, fmt.Errorf("%w: %s is a consensus layer; adjudicate between the two coders it settles", store.ErrInvalid, c.Name)
		}
		if i == 0 {
			rv.CoderA = c
		} else {
			rv.CoderB = c
		}
	}
	in, err := gather(p, []int64{rv.CoderA.ID, rv.CoderB.ID}, req.Documents, req.Codes)
	if err != nil {
		return rv, nil, err
	}
	ds, agreed := coding.Disagreements(in.docs, in.codes, rv.CoderA.ID, rv.CoderB.ID, in.segs, req.Threshold)
	rv.Agreed = len(agreed)

	names := map[int64]string{}
	all, err := p.Documents()
	if err != nil {
		return rv, nil, err
	}
	for _, d := range all {
		names[d.ID] = d.Name
	}
	decided := map[string]*store.Decision{}
	// No consensus layer yet (ErrNotFound) means nothing is decided.
	if c, err := p.ConsensusLayer(rv.CoderA.ID, rv.CoderB.ID, false); err != nil && !errors.Is(err, store.ErrNotFound) {
		return rv, nil, err
	} else if err == nil {
		rv.Consensus = c
		list, err := p.Decisions(c.ID)
		if err != nil {
			return rv, nil, err
		}
		for i := range list {
			decided[list[i].Item] = &list[i]
		}
	}
	rv.Items = make([]ReviewItem, 0, len(ds))
	for _, d := range ds {
		it := ReviewItem{Disagreement: d, DocumentName: names[d.Document], Decision: decided[d.Key]}
		if it.Decision != nil {
			rv.Settled++
		}
		rv.Items = append(rv.Items, it)
	}
	return rv, agreed, nil
}
