package project

import (
	"fmt"

	"themis/store"
)

// Viewer is the coder using the project and what blind mode lets them see.
type Viewer struct {
	Coder  store.Coder
	IsLead bool
	Blind  bool
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
	return Viewer{Coder: c, IsLead: c.ID == lead.ID, Blind: blind}, nil
}

// CanSee reports whether the viewer may see the given coder's layer: in blind
// mode every coder, the lead included, sees only their own segments, so that
// no one's coding is steered by another's.
func (v Viewer) CanSee(coder int64) bool { return !v.Blind || coder == v.Coder.ID }

// CanCompare reports whether the viewer may open the agreement view: always
// for the lead, who runs the comparison; for others only once blind mode is off.
func (v Viewer) CanCompare() bool { return v.IsLead || !v.Blind }

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
	return Viewer{Coder: lead, IsLead: true}, nil
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
	return fmt.Errorf("%w: blind mode is on, so %s sees only their own coding; %s is available once the project lead turns blind mode off",
		store.ErrInvalid, v.Coder.Name, what)
}
