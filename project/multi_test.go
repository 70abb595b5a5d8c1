package project

import (
	"errors"
	"math"
	"path/filepath"
	"testing"

	"themis/coding"
	"themis/store"
)

// demoWithThirdCoder is the demo study with a third coder, Chen, who coded
// every other segment of Ben's again.
func demoWithThirdCoder(t *testing.T) (*store.Project, []int64) {
	t.Helper()
	p, err := CreateDemo(filepath.Join(t.TempDir(), "demo.themis"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	lead, _ := p.Lead()
	ben, _ := p.CoderByName(DemoSecondCoder)
	chen, err := p.AddCoder("Chen", lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	segs, _ := p.Segments(store.SegmentFilter{Coder: ben.ID})
	var again []store.NewSegment
	for i, s := range segs {
		if i%2 == 0 {
			again = append(again, store.NewSegment{Document: s.Document, Code: s.Code, Coder: chen.ID, Start: s.Start + 3, End: s.End})
		}
	}
	if _, err := p.ImportSegments(again, lead.ID); err != nil {
		t.Fatal(err)
	}
	return p, []int64{lead.ID, ben.ID, chen.ID}
}

func TestMultiAgreementOfAProject(t *testing.T) {
	p, coders := demoWithThirdCoder(t)
	rep, err := MultiAgreement(p, leadViewer(t, p), MultiAgreementRequest{Coders: coders, Bootstrap: 100, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.PerCode) != 13 || len(rep.PerFactor) != 3 || len(rep.Coders) != 3 || rep.Coders[2].Name != "Chen" || len(rep.Documents) != 9 {
		t.Fatalf("report: %d codes, %d factors, coders %v, %d documents", len(rep.PerCode), len(rep.PerFactor), rep.Coders, len(rep.Documents))
	}
	if o := rep.Overall; o.FleissKappa.Value == nil || o.FleissKappa.CI == nil || *o.FleissKappa.Value < 0.2 || *o.FleissKappa.Value > 0.95 {
		t.Errorf("overall Fleiss' kappa %v, interval %v: want realistic partial agreement", o.FleissKappa.Value, o.FleissKappa.CI)
	}
	if rep.Resamples != 100 || rep.Unit != "character" || rep.Formula == "" {
		t.Errorf("recorded inputs: %d resamples, unit %q, formula %q", rep.Resamples, rep.Unit, rep.Formula)
	}

	// Two of the coders: Fleiss' kappa is the two-coder report's Scott's pi.
	two, err := Agreement(p, AgreementRequest{CoderA: coders[0], CoderB: coders[1], Unit: "sentence", MinShare: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	multi, err := MultiAgreement(p, leadViewer(t, p), MultiAgreementRequest{Coders: coders[:2], Unit: "sentence", MinShare: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range multi.PerCode {
		want := two.PerCode[i].ScottPi
		if (row.FleissKappa.Value == nil) != (want == nil) || (want != nil && math.Abs(*row.FleissKappa.Value-*want) > 1e-12) {
			t.Errorf("%s: Fleiss %v, Scott %v", row.Label, row.FleissKappa.Value, want)
		}
	}
	if multi.Unit != "sentence" || multi.MinShare != 0.5 {
		t.Errorf("unit %q, share %v", multi.Unit, multi.MinShare)
	}
}

func TestMultiAgreementRejectsBadRequests(t *testing.T) {
	p, coders := demoWithThirdCoder(t)
	tests := []struct {
		name string
		req  MultiAgreementRequest
		want error
	}{
		{"one coder", MultiAgreementRequest{Coders: coders[:1]}, store.ErrInvalid},
		{"same coder twice", MultiAgreementRequest{Coders: []int64{coders[0], coders[1], coders[0]}}, store.ErrInvalid},
		{"unknown coder", MultiAgreementRequest{Coders: []int64{coders[0], 999}}, store.ErrNotFound},
		{"unknown document", MultiAgreementRequest{Coders: coders, Documents: []int64{999}}, store.ErrNotFound},
		{"unknown unit", MultiAgreementRequest{Coders: coders, Unit: "word"}, store.ErrInvalid},
		{"segment match", MultiAgreementRequest{Coders: coders, Unit: "segment"}, store.ErrInvalid},
		{"share above 1", MultiAgreementRequest{Coders: coders, Unit: "turn", MinShare: 2}, store.ErrInvalid},
		{"negative bootstrap", MultiAgreementRequest{Coders: coders, Bootstrap: -1}, store.ErrInvalid},
		{"too many resamples", MultiAgreementRequest{Coders: coders, Bootstrap: coding.MaxResamples + 1}, store.ErrInvalid},
	}
	for _, tt := range tests {
		if _, err := MultiAgreement(p, leadViewer(t, p), tt.req); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
}
