package project

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"themis/coding"
	"themis/store"
)

func TestAdjudicationBuildsAConsensusLayer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Demo study.themis")
	p, err := CreateDemo(path)
	if err != nil {
		t.Fatal(err)
	}
	lead, _ := p.Lead()
	ben, _ := p.CoderByName(DemoSecondCoder)
	// The lead coded one of the two layers, so a third person adjudicates.
	chen := nameAdjudicator(t, p, "Chen")
	before := map[int64]int{}
	for _, c := range []store.Coder{lead, ben} {
		segs, _ := p.Segments(store.SegmentFilter{Coder: c.ID})
		before[c.ID] = len(segs)
	}
	// Naming the pair in either order gives the same review.
	req := ReviewRequest{CoderA: ben.ID, CoderB: lead.ID}
	rv, err := Disagreements(p, adjudicatorViewer(t, p), req)
	if err != nil {
		t.Fatal(err)
	}
	if rv.CoderA.ID != lead.ID || len(rv.Items) < 20 || rv.Agreed < 10 || rv.Settled != 0 || rv.Consensus.ID != 0 {
		t.Fatalf("review: A %s, %d items, %d agreed, %d settled, consensus %d", rv.CoderA.Name, len(rv.Items), rv.Agreed, rv.Settled, rv.Consensus.ID)
	}
	kinds := map[string]int{}
	for i, it := range rv.Items {
		kinds[it.Kind]++
		if it.DocumentName == "" || (i > 0 && it.Size() > rv.Items[i-1].Size()) {
			t.Fatalf("item %d: document %q, size %d after %d", i, it.DocumentName, it.Size(), rv.Items[i-1].Size())
		}
	}
	for _, k := range []string{coding.OnlyA, coding.OnlyB, coding.Boundary, coding.DifferentCode} {
		if kinds[k] == 0 {
			t.Errorf("the demo has no %s disagreement: %v", k, kinds)
		}
	}
	first := rv.Items[0]
	if _, err := Decide(p, adjudicatorViewer(t, p), DecideRequest{ReviewRequest: req, Key: first.Key, Action: AcceptA}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("deciding before adjudication started: %v", err)
	}

	rv, err = StartAdjudication(p, adjudicatorViewer(t, p), req)
	if err != nil {
		t.Fatal(err)
	}
	consensus := rv.Consensus
	if consensus.ID == 0 || consensus.Kind != store.KindConsensus {
		t.Fatalf("no consensus layer: %+v", consensus)
	}
	agreedSegs, _ := p.Segments(store.SegmentFilter{Coder: consensus.ID})
	if len(agreedSegs) == 0 || len(agreedSegs) > rv.Agreed {
		t.Errorf("consensus holds %d segments after copying %d agreed passages", len(agreedSegs), rv.Agreed)
	}
	if again, _ := StartAdjudication(p, adjudicatorViewer(t, p), req); again.Consensus.ID != consensus.ID {
		t.Errorf("starting again made another layer")
	}

	tests := []struct {
		name   string
		req    DecideRequest
		wantOK bool
	}{
		{"unknown action", DecideRequest{Key: first.Key, Action: "maybe"}, false},
		{"unknown key", DecideRequest{Key: "boundary:1:2:3:4-5", Action: Neither}, false},
		{"empty adjusted span", DecideRequest{Key: first.Key, Action: Adjust, Start: 9, End: 9}, false},
	}
	for _, tt := range tests {
		tt.req.ReviewRequest = req
		if _, err := Decide(p, adjudicatorViewer(t, p), tt.req); (err == nil) != tt.wantOK {
			t.Errorf("%s: %v", tt.name, err)
		}
	}

	// Settle everything by accepting A, except one adjusted and one taken
	// back; then the consensus is close to A.
	for i, it := range rv.Items {
		dr := DecideRequest{ReviewRequest: req, Key: it.Key, Action: AcceptA, Rationale: "A follows the codebook"}
		if i == 1 {
			dr.Action, dr.Start, dr.End, dr.Code = Adjust, it.Extent.Start, it.Extent.End, max(it.CodeA, it.CodeB)
		}
		if _, err := Decide(p, adjudicatorViewer(t, p), dr); err != nil {
			t.Fatalf("deciding %s: %v", it.Key, err)
		}
	}
	if err := Reopen(p, adjudicatorViewer(t, p), req, rv.Items[2].Key); err != nil {
		t.Fatal(err)
	}
	p.Close()

	// Adjudication resumes where it was left, from the file.
	p, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	rv, err = Disagreements(p, adjudicatorViewer(t, p), req)
	if err != nil {
		t.Fatal(err)
	}
	if rv.Settled != len(rv.Items)-1 || rv.Items[2].Decision != nil || rv.Items[1].Decision.Action != Adjust {
		t.Errorf("after reopening the file: %d of %d settled", rv.Settled, len(rv.Items))
	}
	if d := rv.Items[0].Decision; d == nil || d.Rationale != "A follows the codebook" || d.DecidedBy != chen.ID || d.DecidedAt == "" {
		t.Errorf("decision not recorded with who, when and why: %+v", d)
	}
	for _, c := range []store.Coder{lead, ben} {
		if segs, _ := p.Segments(store.SegmentFilter{Coder: c.ID}); len(segs) != before[c.ID] {
			t.Errorf("%s's layer changed from %d to %d segments", c.Name, before[c.ID], len(segs))
		}
	}
	// The consensus compares like any coder.
	ab, err := Agreement(p, AgreementRequest{CoderA: lead.ID, CoderB: ben.ID})
	if err != nil {
		t.Fatal(err)
	}
	ca, err := Agreement(p, AgreementRequest{CoderA: consensus.ID, CoderB: lead.ID})
	if err != nil {
		t.Fatal(err)
	}
	if *ca.Overall.Kappa <= *ab.Overall.Kappa || *ca.Overall.Kappa < 0.9 {
		t.Errorf("consensus vs A κ = %.3f, A vs B κ = %.3f", *ca.Overall.Kappa, *ab.Overall.Kappa)
	}
	methods, err := ExportAgreement(p, leadViewer(t, p), AgreementRequest{CoderA: consensus.ID, CoderB: lead.ID}, "kappa", "md")
	if err != nil || !strings.Contains(methods, "The consensus coding (Consensus), reached by adjudicating the disagreements between Aisha and Ben, was compared with Aisha's coding of 9 transcripts") {
		t.Errorf("methods for the consensus: %v\n%s", err, methods)
	}
	if _, err := Disagreements(p, adjudicatorViewer(t, p), ReviewRequest{CoderA: consensus.ID, CoderB: lead.ID}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("adjudicating a consensus against a coder: %v", err)
	}
}

func TestSegmentMatchOverTheDemo(t *testing.T) {
	p, lead, ben := demoStudy(t)
	r, err := Agreement(p, AgreementRequest{CoderA: lead.ID, CoderB: ben.ID, Unit: coding.UnitSegment})
	if err != nil {
		t.Fatal(err)
	}
	if r.MinShare != coding.DefaultSegmentThreshold || r.Overall.Kappa == nil || r.Overall.Agreement <= 0 || r.Overall.Agreement >= 1 {
		t.Errorf("segment match: share %v, overall %+v", r.MinShare, r.Overall)
	}
	loose, _ := Agreement(p, AgreementRequest{CoderA: lead.ID, CoderB: ben.ID, Unit: coding.UnitSegment, MinShare: 0.1})
	if loose.Overall.Agreement < r.Overall.Agreement {
		t.Errorf("a looser threshold agreed less: %v < %v", loose.Overall.Agreement, r.Overall.Agreement)
	}
}

func TestTurnResamplingOverOneInterview(t *testing.T) {
	p, lead, ben := demoStudy(t)
	docs, _ := p.Documents()
	for _, unit := range []string{"character", "turn", "sentence"} {
		req := AgreementRequest{CoderA: lead.ID, CoderB: ben.ID, Documents: []int64{docs[0].ID}, Unit: unit, Bootstrap: 200, Seed: 1}
		byDoc, err := Agreement(p, req)
		if err != nil || byDoc.Overall.CI.Kappa != nil {
			t.Errorf("%s: one document gave a document interval %v (%v)", unit, byDoc.Overall.CI.Kappa, err)
		}
		req.Resample = "turn"
		byTurn, err := Agreement(p, req)
		if err != nil || byTurn.Resampling != "turn" || byTurn.Overall.CI.Kappa == nil {
			t.Fatalf("%s: turn resampling: %q, %v", unit, byTurn.Resampling, err)
		}
		if *byTurn.Overall.Kappa != *byDoc.Overall.Kappa {
			t.Errorf("%s: resampling changed the estimate", unit)
		}
	}
}

func TestAgreementOverChosenCodes(t *testing.T) {
	p, lead, ben := demoStudy(t)
	codes, _ := AgreementCodes(p, 0)
	all, _ := Agreement(p, AgreementRequest{CoderA: lead.ID, CoderB: ben.ID})
	// Asked in reverse, the codes still come in framework order.
	req := AgreementRequest{CoderA: lead.ID, CoderB: ben.ID, Codes: []int64{codes[5].ID, codes[2].ID}}
	two, err := Agreement(p, req)
	if err != nil || len(two.PerCode) != 2 || two.PerCode[0].Code != codes[2].ID || two.PerCode[1].Counts != all.PerCode[5].Counts {
		t.Fatalf("two codes: %+v, %v", two.PerCode, err)
	}
	text, err := ExportAgreement(p, leadViewer(t, p), req, "kappa", "md")
	if err != nil || !strings.Contains(text, "agreement is reported for 2 of its 13 codes") {
		t.Errorf("methods for chosen codes: %v\n%s", err, text)
	}
	if _, err := Agreement(p, AgreementRequest{CoderA: lead.ID, CoderB: ben.ID, Codes: []int64{999}}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown code: %v", err)
	}
}

// demoStudy is a fresh copy of the demo study with its two coders.
func demoStudy(t *testing.T) (*store.Project, store.Coder, store.Coder) {
	t.Helper()
	p, err := CreateDemo(filepath.Join(t.TempDir(), "d.themis"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	lead, _ := p.Lead()
	ben, err := p.CoderByName(DemoSecondCoder)
	if err != nil {
		t.Fatal(err)
	}
	return p, lead, ben
}

// nameAdjudicator adds a coder and has the lead name them adjudicator.
func nameAdjudicator(t testing.TB, p *store.Project, name string) store.Coder {
	t.Helper()
	lead, err := p.Lead()
	if err != nil {
		t.Fatal(err)
	}
	c, err := p.AddCoder(name, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetAdjudicator(c.ID, lead.ID); err != nil {
		t.Fatal(err)
	}
	return c
}

// adjudicatorViewer is the named adjudicator using the project.
func adjudicatorViewer(t testing.TB, p *store.Project) Viewer {
	t.Helper()
	c, ok, err := p.Adjudicator()
	if err != nil || !ok {
		t.Fatalf("no adjudicator named: %v", err)
	}
	v, err := ViewerFor(p, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
