package app

import (
	"unicode"

	"themis/coding"
	"themis/project"
	"themis/store"
)

// AdjudicationService lists two coders' disagreements and settles them into
// a consensus layer.
type AdjudicationService struct{ s *Session }

// NewAdjudicationService binds the adjudication service to a session.
func NewAdjudicationService(s *Session) *AdjudicationService { return &AdjudicationService{s} }

// ReviewInput chooses the pair of coders, the documents and codes (none
// means all) and the segment-match threshold (0 means 90 %).
type ReviewInput struct {
	CoderA    int64   `json:"coderA"`
	CoderB    int64   `json:"coderB"`
	Documents []int64 `json:"documents"`
	Codes     []int64 `json:"codes"`
	Threshold float64 `json:"threshold"`
}

// DecisionInput settles one disagreement of a review. Start, End (code
// points) and Code are read for the action "adjust" only.
type DecisionInput struct {
	ReviewInput
	Key       string `json:"key"`
	Action    string `json:"action"`
	Rationale string `json:"rationale"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Code      int64  `json:"code"`
}

// ReviewDTO is the state of adjudication between two coders. Offsets are code points.
type ReviewDTO struct {
	CoderA    CoderDTO          `json:"coderA"` // the coder added first, whatever order was asked
	CoderB    CoderDTO          `json:"coderB"`
	Consensus *CoderDTO         `json:"consensus"` // nil until adjudication starts
	Threshold float64           `json:"threshold"`
	Total     int               `json:"total"`
	Settled   int               `json:"settled"`
	Agreed    int               `json:"agreed"` // passages the coders agreed on
	Items     []DisagreementDTO `json:"items"`
}

// DisagreementDTO is one disagreement with its context and decision.
type DisagreementDTO struct {
	Key          string       `json:"key"`
	Document     int64        `json:"document"`
	DocumentName string       `json:"documentName"`
	Kind         string       `json:"kind"` // only-a, only-b, boundary, different-code
	CodeA        int64        `json:"codeA"`
	CodeB        int64        `json:"codeB"`
	A            []SpanDTO    `json:"a"`
	B            []SpanDTO    `json:"b"`
	Extent       SpanDTO      `json:"extent"`
	Size         int          `json:"size"`
	Overlap      float64      `json:"overlap"`
	Speaker      string       `json:"speaker"` // who spoke at the start of the extent
	Context      ContextDTO   `json:"context"`
	Decision     *DecisionDTO `json:"decision"`
}

// SpanDTO is a span of code points, end exclusive.
type SpanDTO struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// ContextDTO is the text around a disagreement: Text starts at code point
// Start of the document; Before and After say whether the document goes on.
type ContextDTO struct {
	Start  int    `json:"start"`
	Text   string `json:"text"`
	Before bool   `json:"before"`
	After  bool   `json:"after"`
}

// DecisionDTO is a recorded decision.
type DecisionDTO struct {
	Action    string                `json:"action"`
	Rationale string                `json:"rationale"`
	DecidedBy string                `json:"decidedBy"`
	DecidedAt string                `json:"decidedAt"`
	Segments  []ConsensusSegmentDTO `json:"segments"`
}

// ConsensusSegmentDTO is a segment a decision put in the consensus.
type ConsensusSegmentDTO struct {
	Code  int64 `json:"code"`
	Start int   `json:"start"`
	End   int   `json:"end"`
}

// contextChars is how much text is shown on each side of a disagreement:
// about two sentences, enough to judge where a passage begins and ends.
const contextChars = 240

// contextWindow is [from, to) of text around [start, end): contextChars on
// each side, moved inwards to whole words so the context never begins or
// ends mid-word (it never cuts into [start, end) itself).
func contextWindow(text []rune, start, end int) (from, to int) {
	from, to = max(0, start-contextChars), min(len(text), end+contextChars)
	if from > 0 {
		if !unicode.IsSpace(text[from-1]) {
			for from < start && !unicode.IsSpace(text[from]) {
				from++
			}
		}
		for from < start && unicode.IsSpace(text[from]) {
			from++
		}
	}
	if to < len(text) {
		if !unicode.IsSpace(text[to]) {
			for to > end && !unicode.IsSpace(text[to-1]) {
				to--
			}
		}
		for to > end && unicode.IsSpace(text[to-1]) {
			to--
		}
	}
	return from, to
}

// Review lists the disagreements between two coders with any decisions taken.
func (as *AdjudicationService) Review(in ReviewInput) (*ReviewDTO, error) {
	return as.run(func(p *store.Project, v project.Viewer) (project.Review, error) {
		return project.Disagreements(p, v, reviewRequest(in))
	})
}

// Start creates the pair's consensus layer, copies in the passages the coders
// agreed on, and returns the review; calling it again resumes.
func (as *AdjudicationService) Start(in ReviewInput) (*ReviewDTO, error) {
	return as.run(func(p *store.Project, v project.Viewer) (project.Review, error) {
		return project.StartAdjudication(p, v, reviewRequest(in))
	})
}

// Decide settles one disagreement as the current coder and returns the review.
func (as *AdjudicationService) Decide(in DecisionInput) (*ReviewDTO, error) {
	return as.run(func(p *store.Project, v project.Viewer) (project.Review, error) {
		_, err := project.Decide(p, v, project.DecideRequest{ReviewRequest: reviewRequest(in.ReviewInput), Key: in.Key,
			Action: in.Action, Rationale: in.Rationale, Start: in.Start, End: in.End, Code: in.Code})
		if err != nil {
			return project.Review{}, err
		}
		return project.Disagreements(p, v, reviewRequest(in.ReviewInput))
	})
}

// Reopen takes back the decision on one disagreement and returns the review.
func (as *AdjudicationService) Reopen(in ReviewInput, key string) (*ReviewDTO, error) {
	return as.run(func(p *store.Project, v project.Viewer) (project.Review, error) {
		if err := project.Reopen(p, v, reviewRequest(in), key); err != nil {
			return project.Review{}, err
		}
		return project.Disagreements(p, v, reviewRequest(in))
	})
}

func reviewRequest(in ReviewInput) project.ReviewRequest {
	return project.ReviewRequest{CoderA: in.CoderA, CoderB: in.CoderB, Documents: in.Documents, Codes: in.Codes, Threshold: in.Threshold}
}

// run runs fn as the current coder (the use cases in project refuse whom
// blind mode keeps from comparing) and turns its review into a DTO.
func (as *AdjudicationService) run(fn func(p *store.Project, v project.Viewer) (project.Review, error)) (*ReviewDTO, error) {
	var out *ReviewDTO
	err := as.s.withViewer(func(p *store.Project, v project.Viewer) error {
		rv, err := fn(p, v)
		if err != nil {
			return err
		}
		out, err = reviewDTO(p, rv)
		return err
	})
	return out, err
}

func reviewDTO(p *store.Project, rv project.Review) (*ReviewDTO, error) {
	out := &ReviewDTO{CoderA: coderDTO(rv.CoderA), CoderB: coderDTO(rv.CoderB), Threshold: rv.Threshold,
		Total: len(rv.Items), Settled: rv.Settled, Agreed: rv.Agreed, Items: make([]DisagreementDTO, 0, len(rv.Items))}
	if rv.Consensus.ID != 0 {
		c := coderDTO(rv.Consensus)
		out.Consensus = &c
	}
	coders, err := p.Coders()
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, c := range coders {
		names[c.ID] = c.Name
	}
	docs := map[int64]store.Document{}
	texts := map[int64][]rune{}
	for _, it := range rv.Items {
		doc, ok := docs[it.Document]
		if !ok {
			if doc, err = p.Document(it.Document); err != nil {
				return nil, err
			}
			docs[it.Document], texts[it.Document] = doc, []rune(doc.Text)
		}
		text := texts[it.Document]
		from, to := contextWindow(text, it.Extent.Start, it.Extent.End)
		d := DisagreementDTO{Key: it.Key, Document: it.Document, DocumentName: it.DocumentName, Kind: it.Kind,
			CodeA: it.CodeA, CodeB: it.CodeB, A: spanDTOs(it.A), B: spanDTOs(it.B), Extent: SpanDTO{it.Extent.Start, it.Extent.End},
			Size: it.Size(), Overlap: it.Overlap, Speaker: speakerAt(doc.TurnSpans, it.Extent.Start),
			Context: ContextDTO{Start: from, Text: string(text[from:to]), Before: from > 0, After: to < len(text)}}
		if dec := it.Decision; dec != nil {
			d.Decision = &DecisionDTO{Action: dec.Action, Rationale: dec.Rationale, DecidedBy: names[dec.DecidedBy], DecidedAt: dec.DecidedAt,
				Segments: make([]ConsensusSegmentDTO, 0, len(dec.Segments))}
			for _, s := range dec.Segments {
				d.Decision.Segments = append(d.Decision.Segments, ConsensusSegmentDTO{s.Code, s.Start, s.End})
			}
		}
		out.Items = append(out.Items, d)
	}
	return out, nil
}

func spanDTOs(spans []coding.Span) []SpanDTO {
	out := make([]SpanDTO, 0, len(spans))
	for _, s := range spans {
		out = append(out, SpanDTO{s.Start, s.End})
	}
	return out
}

// speakerAt is the speaker of the turn holding offset, "" when none does.
func speakerAt(turns []store.Turn, offset int) string {
	for _, t := range turns {
		if t.Start <= offset && offset < t.End {
			return t.Speaker
		}
	}
	return ""
}
