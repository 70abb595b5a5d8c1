package project

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"themis/errs"
	"themis/store"
)

// Every comparison use case refuses a coder whom blind mode keeps to their
// own layer, with one message, and lets the lead through; callers (the app,
// the command line) no longer check this themselves.
func TestBlindModeRefusesComparisonToOthers(t *testing.T) {
	p, err := CreateDemo(filepath.Join(t.TempDir(), "Demo study.themis"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	lead, err := p.Lead()
	if err != nil {
		t.Fatal(err)
	}
	ben, err := p.CoderByName(DemoSecondCoder)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetBlindMode(true, lead.ID); err != nil {
		t.Fatal(err)
	}
	asBen, err := ViewerFor(p, ben.ID)
	if err != nil {
		t.Fatal(err)
	}
	asLead, err := ViewerFor(p, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	pair := ReviewRequest{CoderA: lead.ID, CoderB: ben.ID}
	cases := map[string]func(v Viewer) error{
		"agreement table": func(v Viewer) error {
			_, err := AgreementTableFor(p, v, AgreementRequest{CoderA: lead.ID, CoderB: ben.ID}, "kappa")
			return err
		},
		"agreement export": func(v Viewer) error {
			_, err := ExportAgreement(p, v, AgreementRequest{CoderA: lead.ID, CoderB: ben.ID}, "kappa", "md")
			return err
		},
		"multi": func(v Viewer) error {
			_, err := MultiAgreement(p, v, MultiAgreementRequest{Coders: []int64{lead.ID, ben.ID}})
			return err
		},
		"unitized": func(v Viewer) error {
			_, err := UnitizedAgreement(p, v, []int64{lead.ID, ben.ID}, nil)
			return err
		},
		"disagreements": func(v Viewer) error {
			_, err := Disagreements(p, v, pair)
			return err
		},
	}
	for name, run := range cases {
		t.Run(name, func(t *testing.T) {
			err := run(asBen)
			if !errors.Is(err, errs.Forbidden) || !strings.Contains(err.Error(), "blind mode is on, so "+ben.Name) {
				t.Fatalf("as %s in blind mode: %v", ben.Name, err)
			}
			if err := run(asLead); err != nil {
				t.Fatalf("as the lead: %v", err)
			}
		})
	}
	// Adjudicating writes as the viewer: refused before anything is written.
	if _, err := StartAdjudication(p, asBen, pair); !errors.Is(err, errs.Forbidden) {
		t.Fatalf("start adjudication as %s: %v", ben.Name, err)
	}
	if _, err := p.ConsensusLayer(lead.ID, ben.ID, false); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("a refused start left a consensus layer: %v", err)
	}
}

// In blind mode counts and a code's segments show only the viewer's own
// layer; with blind mode off, every coder's.
func TestBlindModeHidesOtherLayersInCounts(t *testing.T) {
	p, err := CreateDemo(filepath.Join(t.TempDir(), "Demo study.themis"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	lead, err := p.Lead()
	if err != nil {
		t.Fatal(err)
	}
	ben, err := p.CoderByName(DemoSecondCoder)
	if err != nil {
		t.Fatal(err)
	}
	coders := func(blind bool) (fromCounts, fromSegments map[int64]bool) {
		t.Helper()
		if err := p.SetBlindMode(blind, lead.ID); err != nil {
			t.Fatal(err)
		}
		v, err := ViewerFor(p, ben.ID)
		if err != nil {
			t.Fatal(err)
		}
		codes, err := CodesWithCounts(p, v, 0)
		if err != nil {
			t.Fatal(err)
		}
		fromCounts, fromSegments = map[int64]bool{}, map[int64]bool{}
		for _, c := range codes {
			for _, k := range c.Counts {
				fromCounts[k.Coder.ID] = true
			}
			segs, err := VisibleCodeSegments(p, v, c.Code.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range segs {
				fromSegments[s.Coder] = true
			}
		}
		return fromCounts, fromSegments
	}
	counts, segs := coders(true)
	if len(counts) != 1 || !counts[ben.ID] || len(segs) != 1 || !segs[ben.ID] {
		t.Fatalf("blind: counts of %v, segments of %v; want only %s's", counts, segs, ben.Name)
	}
	counts, segs = coders(false)
	if !counts[lead.ID] || !counts[ben.ID] || !segs[lead.ID] || !segs[ben.ID] {
		t.Fatalf("not blind: counts of %v, segments of %v; want both coders'", counts, segs)
	}
}

// Nobody codes as a consensus layer: it cannot be chosen, and coding as it
// is refused wherever coding happens.
func TestNobodyCodesAsAConsensusLayer(t *testing.T) {
	p, lead, doc, a, _ := historyFixture(t)
	ben, err := p.CoderByName(DemoSecondCoder)
	if err != nil {
		t.Fatal(err)
	}
	consensus, err := p.ConsensusLayer(lead.Coder.ID, ben.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := CoderToCodeAs(p, consensus.ID); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("choose the consensus layer: %v", err)
	}
	if _, err := CoderToCodeAs(p, ben.ID); err != nil {
		t.Fatal(err)
	}
	v := Viewer{Coder: consensus, IsLead: false}
	var h History
	if _, err := h.Code(p, v, doc, a.ID, 0, 5); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("code as the consensus layer: %v", err)
	}
	if _, _, err := h.CodeAll(p, v, []store.NewSegment{{Document: doc, Code: a.ID, Start: 0, End: 5}}, func(int) string { return "" }); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("code hits as the consensus layer: %v", err)
	}
	if _, _, err := CodeInVivo(p, v, doc, 0, 5, "new", 0); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("code in vivo as the consensus layer: %v", err)
	}
}
