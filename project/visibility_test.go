package project

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

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
			if !errors.Is(err, store.ErrInvalid) || !strings.Contains(err.Error(), "blind mode is on, so "+ben.Name) {
				t.Fatalf("as %s in blind mode: %v", ben.Name, err)
			}
			if err := run(asLead); err != nil {
				t.Fatalf("as the lead: %v", err)
			}
		})
	}
	// Adjudicating writes as the viewer: refused before anything is written.
	if _, err := StartAdjudication(p, asBen, pair); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("start adjudication as %s: %v", ben.Name, err)
	}
	if _, err := p.ConsensusLayer(lead.ID, ben.ID, false); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("a refused start left a consensus layer: %v", err)
	}
}
