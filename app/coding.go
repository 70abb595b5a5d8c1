package app

import (
	"themis/project"
	"themis/store"
)

// CodingService reads the framework and applies and removes codes as the
// current coder.
type CodingService struct{ s *Session }

// NewCodingService binds the coding service to a session.
func NewCodingService(s *Session) *CodingService { return &CodingService{s} }

// Codes returns the active framework's factors and codes in tree order, with
// the segment counts of the coders the current user may see.
func (cs *CodingService) Codes() ([]CodeDTO, error) {
	out := []CodeDTO{}
	err := cs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		var err error
		out, err = codesWithCounts(p, v, 0)
		return err
	})
	return out, err
}

func codeDTO(c store.Code) CodeDTO {
	return CodeDTO{ID: c.ID, Parent: c.Parent, Framework: c.Framework, Ref: c.Ref, Name: c.Name, Definition: c.Definition,
		WhenToUse: c.WhenToUse, WhenNotToUse: c.WhenNotToUse, Examples: append([]string{}, c.Examples...), Color: c.Color,
		Key: c.Key, Codable: c.Codable, Scale: c.Scale, Counts: []CodeCountDTO{}}
}

func segmentDTO(s store.Segment) SegmentDTO {
	return SegmentDTO{ID: s.ID, Document: s.Document, Code: s.Code, Coder: s.Coder, Start: s.Start, End: s.End}
}

// Segments returns the segments of a document that the current coder may see.
func (cs *CodingService) Segments(document int64) ([]SegmentDTO, error) {
	out := []SegmentDTO{}
	err := cs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		segs, err := project.VisibleSegments(p, v, document)
		for _, s := range segs {
			out = append(out, segmentDTO(s))
		}
		return err
	})
	return out, err
}

// Apply codes [start, end) of a document with a code as the current coder.
// It is committed when it returns.
func (cs *CodingService) Apply(document, code int64, start, end int) (*SegmentDTO, error) {
	var out *SegmentDTO
	err := cs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		seg, err := cs.s.history.Code(p, v, document, code, start, end)
		if err != nil {
			return err
		}
		d := segmentDTO(seg)
		out = &d
		return nil
	})
	return out, err
}

// Remove deletes one of the current coder's segments.
func (cs *CodingService) Remove(segment int64) error {
	return cs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		_, err := cs.s.history.Uncode(p, v, segment)
		return err
	})
}

// Resize moves the ends of one of the current coder's segments to
// [start, end) (code points); Undo puts them back. The segment comes back
// under a new id.
func (cs *CodingService) Resize(segment int64, start, end int) (*SegmentDTO, error) {
	var out *SegmentDTO
	err := cs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		seg, err := cs.s.history.Resize(p, v, segment, start, end)
		if err != nil {
			return err
		}
		d := segmentDTO(seg)
		out = &d
		return nil
	})
	return out, err
}

// Undo reverses the current coder's latest coding action in this session.
func (cs *CodingService) Undo() (*UndoResult, error) { return cs.s.step(true) }

// Redo repeats the latest undone action.
func (cs *CodingService) Redo() (*UndoResult, error) { return cs.s.step(false) }

// History says what Undo and Redo would do now.
func (cs *CodingService) History() (HistoryDTO, error) { return cs.s.historyState() }

// InVivoInput is a passage [Start, End) of a document (code points) and the
// code to make from it: Name, under Parent (0: top level).
type InVivoInput struct {
	Document int64  `json:"document"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Name     string `json:"name"`
	Parent   int64  `json:"parent"`
}

// CodeInVivo creates a code named in.Name under in.Parent in the active
// framework and codes the passage with it as the current coder, in one
// step. The codebook's Undo removes both.
func (cs *CodingService) CodeInVivo(in InVivoInput) (*InVivoDTO, error) {
	var out *InVivoDTO
	err := cs.s.withViewer(func(p *store.Project, v project.Viewer) error {
		c, seg, err := project.CodeInVivo(p, v, in.Document, in.Start, in.End, in.Name, in.Parent)
		if err != nil {
			return err
		}
		out = &InVivoDTO{Code: codeDTO(c), Segment: segmentDTO(seg)}
		out.Code.Counts = []CodeCountDTO{{Coder: v.Coder.ID, Name: v.Coder.Name, Count: 1}}
		return nil
	})
	return out, err
}
