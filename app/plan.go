package app

import (
	"errors"

	"themis/errs"
	"themis/project"
	"themis/store"
)

// PlanService is the double-coding plan: the lead draws it (previewed
// first), every coder sees their assigned documents and marks them done.
type PlanService struct{ s *Session }

// NewPlanService binds the plan service to a session.
func NewPlanService(s *Session) *PlanService { return &PlanService{s: s} }

// PlanInput asks for a plan: Share per cent of the documents double-coded,
// stratified by the case attribute By ("" none), for Coders, with Seed;
// Force redraws after coders have marked documents done.
type PlanInput struct {
	Share  float64  `json:"share"`
	By     string   `json:"by"`
	Coders []string `json:"coders"`
	Seed   int64    `json:"seed"`
	Force  bool     `json:"force"`
}

// PlanDTO is a plan as the Plan dialog shows it.
type PlanDTO struct {
	Share    float64           `json:"share"`
	By       string            `json:"by"`
	Seed     int64             `json:"seed"`
	Coders   []string          `json:"coders"`
	DrawnAt  string            `json:"drawnAt"`
	DrawnBy  string            `json:"drawnBy"`
	Total    int               `json:"total"`
	Strata   []StratumDTO      `json:"strata"`
	Sample   []PlanDocumentDTO `json:"sample"`
	Rest     []PlanDocumentDTO `json:"rest"`
	Words    map[string]int    `json:"words"`
	Sentence string            `json:"sentence"`
}

// StratumDTO is one value of the stratifying attribute.
type StratumDTO struct {
	Value     string `json:"value"`
	Documents int    `json:"documents"`
	Sampled   int    `json:"sampled"`
}

// PlanDocumentDTO is a document of the plan with its coders.
type PlanDocumentDTO struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Case    string   `json:"case"`
	Stratum string   `json:"stratum"`
	Words   int      `json:"words"`
	Coders  []string `json:"coders"`
}

// ProgressDTO is progress through the plan: the current coder's row (every
// coder's for the lead) and the sample's completion.
type ProgressDTO struct {
	Coders         []CoderProgressDTO `json:"coders"`
	Sample         int                `json:"sample"`
	SampleComplete int                `json:"sampleComplete"`
}

// CoderProgressDTO is one coder's progress.
type CoderProgressDTO struct {
	Coder      string `json:"coder"`
	Assigned   int    `json:"assigned"`
	Done       int    `json:"done"`
	Coded      int    `json:"coded"`
	Sample     int    `json:"sample"`
	SampleDone int    `json:"sampleDone"`
}

// DocumentMarkDTO is what the document list shows of the plan for one
// document and the current coder.
type DocumentMarkDTO struct {
	Document int64    `json:"document"`
	Sample   bool     `json:"sample"`
	Yours    bool     `json:"yours"`
	Done     bool     `json:"done"`
	Coders   []string `json:"coders"`
}

func planDTO(pv project.PlanView) *PlanDTO {
	docs := func(list []project.PlanDocument) []PlanDocumentDTO {
		out := make([]PlanDocumentDTO, 0, len(list))
		for _, d := range list {
			out = append(out, PlanDocumentDTO{ID: d.ID, Name: d.Name, Case: d.Case, Stratum: d.Stratum, Words: d.Words, Coders: nonNil(d.Coders)})
		}
		return out
	}
	out := &PlanDTO{Share: pv.Share, By: pv.By, Seed: pv.Seed, Coders: nonNil(pv.Coders), DrawnAt: pv.DrawnAt, DrawnBy: pv.DrawnBy,
		Total: pv.Total, Strata: []StratumDTO{}, Sample: docs(pv.Sample), Rest: docs(pv.Rest), Words: pv.Coverage,
		Sentence: pv.Draw().Sentence()}
	for _, s := range pv.Strata {
		out.Strata = append(out.Strata, StratumDTO{s.Value, s.Documents, s.Sampled})
	}
	return out
}

func planOptions(in PlanInput) project.PlanOptions {
	return project.PlanOptions{Share: in.Share, By: in.By, Coders: in.Coders, Seed: in.Seed, Force: in.Force}
}

// Get returns the plan, or nil when none has been drawn.
func (ps *PlanService) Get() (*PlanDTO, error) {
	var out *PlanDTO
	err := ps.s.withViewer(func(p *store.Project, v project.Viewer) error {
		pv, err := project.ReadPlan(p)
		if errors.Is(err, errs.NotFound) {
			return nil
		} else if err != nil {
			return err
		}
		out = planDTO(pv)
		return nil
	})
	return out, err
}

// Preview draws the plan in without storing it (lead only).
func (ps *PlanService) Preview(in PlanInput) (*PlanDTO, error) {
	var out *PlanDTO
	err := ps.s.withViewer(func(p *store.Project, v project.Viewer) error {
		pv, err := project.PreviewPlan(p, v, planOptions(in))
		if err == nil {
			out = planDTO(pv)
		}
		return err
	})
	return out, err
}

// Draw draws and stores the plan (lead only).
func (ps *PlanService) Draw(in PlanInput) (*PlanDTO, error) {
	var out *PlanDTO
	err := ps.s.withViewer(func(p *store.Project, v project.Viewer) error {
		pv, err := project.DrawPlan(p, v, planOptions(in))
		if err == nil {
			out = planDTO(pv)
		}
		return err
	})
	return out, err
}

// Progress returns progress through the plan, or nil when none has been drawn.
func (ps *PlanService) Progress() (*ProgressDTO, error) {
	var out *ProgressDTO
	err := ps.s.withViewer(func(p *store.Project, v project.Viewer) error {
		r, err := project.PlanProgress(p, v)
		if errors.Is(err, errs.NotFound) {
			return nil
		} else if err != nil {
			return err
		}
		out = &ProgressDTO{Coders: make([]CoderProgressDTO, 0, len(r.Coders)), Sample: r.Sample, SampleComplete: r.SampleComplete}
		for _, c := range r.Coders {
			out.Coders = append(out.Coders, CoderProgressDTO(c))
		}
		return nil
	})
	return out, err
}

// Marks returns each planned document's marks for the current coder, in
// document order; empty when no plan has been drawn. Who else a document is
// assigned to is left out for a coder in blind mode, to whom only the lead's
// plan for them matters.
func (ps *PlanService) Marks() ([]DocumentMarkDTO, error) {
	out := []DocumentMarkDTO{}
	err := ps.s.withViewer(func(p *store.Project, v project.Viewer) error {
		marks, err := project.PlanForViewer(p, v)
		if err != nil {
			return err
		}
		docs, err := p.Documents()
		if err != nil {
			return err
		}
		for _, d := range docs {
			m, ok := marks[d.ID]
			if !ok {
				continue
			}
			coders := nonNil(m.Coders)
			if v.Blind && !v.IsLead {
				coders = []string{}
			}
			out = append(out, DocumentMarkDTO{Document: d.ID, Sample: m.Sample, Yours: m.Yours, Done: m.Done, Coders: coders})
		}
		return nil
	})
	return out, err
}

// SetDone marks a document done (or not) for the current coder.
func (ps *PlanService) SetDone(document int64, done bool) error {
	return ps.s.withViewer(func(p *store.Project, v project.Viewer) error {
		return project.MarkDone(p, v, document, done)
	})
}
