package project

import (
	"fmt"

	"themis/errs"
	"themis/store"
)

// Viewer is the coder using the project and what blind mode lets them see.
type Viewer struct {
	Coder  store.Coder
	IsLead bool
	Blind  bool
	// Lead is the project's lead and Adjudicator the coder the lead named to
	// adjudicate (ID 0: nobody), for the adjudication rule and its messages.
	Lead        store.Coder
	Adjudicator store.Coder
}

// ViewerFor works out what coder id may see in p.
func ViewerFor(p *store.Project, coder int64) (Viewer, error) {
	c, err := p.Coder(coder)
	if err != nil {
		return Viewer{}, err
	}
	lead, err := p.Lead()
	if err != nil {
		return Viewer{}, err
	}
	blind, err := p.BlindMode()
	if err != nil {
		return Viewer{}, err
	}
	adj, _, err := p.Adjudicator()
	if err != nil {
		return Viewer{}, err
	}
	return Viewer{Coder: c, IsLead: c.ID == lead.ID, Blind: blind, Lead: lead, Adjudicator: adj}, nil
}

// CanSee reports whether the viewer may see the given coder's layer: in blind
// mode every coder, the lead included, sees only their own segments, so that
// no one's coding is steered by another's.
func (v Viewer) CanSee(coder int64) bool { return !v.Blind || coder == v.Coder.ID }

// CanCompare reports whether the viewer may open the agreement view: always
// for the lead, who runs the comparison; for others only once blind mode is
// off. The agreement view shows figures only, never a passage, so the lead
// seeing them in blind mode does not break anyone's independence.
func (v Viewer) CanCompare() bool { return v.IsLead || !v.Blind }

// CanReview reports whether the viewer may list disagreements (Review): only
// once blind mode is off, for everyone, the lead included, because every
// disagreement shows both coders' passages.
func (v Viewer) CanReview() bool { return !v.Blind }

// mayReview is CanReview as the error the review use cases return.
func (v Viewer) mayReview() error {
	if v.CanReview() {
		return nil
	}
	return errs.Errorf(errs.Forbidden, "blind mode is on, so nobody, %s included, sees another coder's passages; Review and adjudication open once the project lead (%s) turns blind mode off",
		v.Coder.Name, v.Lead.Name)
}

// MayAdjudicate says whether the viewer may settle the disagreements of
// coders a and b (nil) or why not. Adjudication belongs to the lead or the
// adjudicator the lead names, and never to either coder of the pair: the
// consensus must not be one of the two readings chosen by its own author.
// So when the lead coded one of the layers, only a named adjudicator may.
func (v Viewer) MayAdjudicate(a, b store.Coder) error {
	if err := v.mayReview(); err != nil {
		return err
	}
	if v.Coder.ID == a.ID || v.Coder.ID == b.ID {
		if v.IsLead {
			return errs.Errorf(errs.Forbidden, "%s coded one of the two layers being adjudicated (%s and %s), so the lead cannot settle them; only an adjudicator the lead names, who is neither coder, may (%s)",
				v.Coder.Name, a.Name, b.Name, v.namedAdjudicator())
		}
		return errs.Errorf(errs.Forbidden, "%s coded one of the two layers being adjudicated (%s and %s); adjudication belongs to the project lead (%s) or an adjudicator the lead names, never to either coder",
			v.Coder.Name, a.Name, b.Name, v.Lead.Name)
	}
	if v.IsLead || (v.Adjudicator.ID != 0 && v.Coder.ID == v.Adjudicator.ID) {
		return nil
	}
	return errs.Errorf(errs.Forbidden, "adjudication belongs to the project lead (%s) or the adjudicator the lead names (%s); %s can read the disagreements but not settle them",
		v.Lead.Name, v.namedAdjudicator(), v.Coder.Name)
}

func (v Viewer) namedAdjudicator() string {
	if v.Adjudicator.ID == 0 {
		return "none is named yet"
	}
	return "now " + v.Adjudicator.Name
}

// mayCompare is CanCompare as the error every comparison use case returns
// (agreement, adjudication), so the refusal reads the same wherever it comes from.
func (v Viewer) mayCompare() error {
	if v.CanCompare() {
		return nil
	}
	return errBlind(v, "the agreement view")
}

// CommandLineViewer is who the command line reads a project as: the lead
// with blind mode off, because whoever holds the file at a shell can read
// every layer in it anyway, and the lead's comparison commands must work.
func CommandLineViewer(p *store.Project) (Viewer, error) {
	lead, err := p.Lead()
	if err != nil {
		return Viewer{}, err
	}
	adj, _, err := p.Adjudicator()
	if err != nil {
		return Viewer{}, err
	}
	return Viewer{Coder: lead, IsLead: true, Lead: lead, Adjudicator: adj}, nil
}

// SearchCoders names the coders whose coding a search may show the viewer:
// nil for every coder, or in blind mode only the viewer.
func (v Viewer) SearchCoders() []string {
	if v.Blind {
		return []string{v.Coder.Name}
	}
	return nil
}

// mayCode refuses coding as a consensus layer, which only adjudication writes.
func (v Viewer) mayCode() error {
	if v.Coder.Kind == store.KindConsensus {
		return errConsensusCoding
	}
	return nil
}

var errConsensusCoding = fmt.Errorf("%w: the consensus layer is written by adjudicating disagreements, not by coding", store.ErrInvalid)

// CodeInVivo creates a code named name under parent (0: top level) in the
// active framework and codes [start, end) of document with it as the
// viewer, in one step that the codebook's undo reverses.
func CodeInVivo(p *store.Project, v Viewer, document int64, start, end int, name string, parent int64) (store.Code, store.Segment, error) {
	if err := v.mayCode(); err != nil {
		return store.Code{}, store.Segment{}, err
	}
	return p.CodeInVivo(0, store.NewSegment{Document: document, Coder: v.Coder.ID, Start: start, End: end}, name, parent, v.Coder.ID)
}

// CoderToCodeAs is the coder id chosen to code as: any coder but a
// consensus layer, which is made by adjudication.
func CoderToCodeAs(p *store.Project, id int64) (store.Coder, error) {
	c, err := p.Coder(id)
	if err != nil {
		return c, err
	}
	if c.Kind == store.KindConsensus {
		return c, fmt.Errorf("%w: %s is a consensus layer, made by adjudication; nobody codes as it", store.ErrInvalid, c.Name)
	}
	return c, nil
}

// CoderCount is how many segments one coder has with a code.
type CoderCount struct {
	Coder store.Coder
	Count int
}

// CodeCounts is a code of a framework with the segment counts of the coders
// the viewer may see, coders without any left out.
type CodeCounts struct {
	Code   store.Code
	Counts []CoderCount
}

// CodesWithCounts lists a framework's codes (0: the active one) in tree
// order, each with the counts the viewer may see.
func CodesWithCounts(p *store.Project, v Viewer, framework int64) ([]CodeCounts, error) {
	codes, err := p.CodesOf(framework)
	if err != nil {
		return nil, err
	}
	counts, err := p.SegmentCounts(framework)
	if err != nil {
		return nil, err
	}
	coders, err := p.Coders()
	if err != nil {
		return nil, err
	}
	out := make([]CodeCounts, 0, len(codes))
	for _, c := range codes {
		cc := CodeCounts{Code: c}
		for _, k := range coders {
			if n := counts[c.ID][k.ID]; n > 0 && v.CanSee(k.ID) {
				cc.Counts = append(cc.Counts, CoderCount{Coder: k, Count: n})
			}
		}
		out = append(out, cc)
	}
	return out, nil
}

// VisibleCodeSegments returns the segments of a code the viewer may see.
func VisibleCodeSegments(p *store.Project, v Viewer, code int64) ([]store.Segment, error) {
	f := store.SegmentFilter{Code: code}
	if v.Blind {
		f.Coder = v.Coder.ID
	}
	return p.Segments(f)
}

// VisibleSegments returns the segments of a document the viewer may see.
func VisibleSegments(p *store.Project, v Viewer, document int64) ([]store.Segment, error) {
	f := store.SegmentFilter{Document: document}
	if v.Blind {
		f.Coder = v.Coder.ID
	}
	return p.Segments(f)
}

// errBlind explains why a blind-mode request was refused.
func errBlind(v Viewer, what string) error {
	return errs.Errorf(errs.Forbidden, "blind mode is on, so %s sees only their own coding; %s is available once the project lead turns blind mode off",
		v.Coder.Name, what)
}
