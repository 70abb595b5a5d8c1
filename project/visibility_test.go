package project

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"themis/errs"
	"themis/report"
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
	// Review lists both coders' passages: in blind mode it is refused to
	// everyone, the lead and a named adjudicator included; only the figures
	// above stay open to the lead.
	chen := nameAdjudicator(t, p, "Chen")
	asChen, err := ViewerFor(p, chen.ID)
	if err != nil {
		t.Fatal(err)
	}
	review := map[string]func(v Viewer) error{
		"disagreements": func(v Viewer) error { _, err := Disagreements(p, v, pair); return err },
		"start":         func(v Viewer) error { _, err := StartAdjudication(p, v, pair); return err },
		"decide": func(v Viewer) error {
			_, err := Decide(p, v, DecideRequest{ReviewRequest: pair, Key: "x", Action: Neither})
			return err
		},
		"reopen": func(v Viewer) error { return Reopen(p, v, pair, "x") },
	}
	for name, run := range review {
		for _, v := range []Viewer{asBen, asLead, asChen} {
			err := run(v)
			if !errors.Is(err, errs.Forbidden) || !strings.Contains(err.Error(), "nobody, "+v.Coder.Name+" included, sees another coder's passages") {
				t.Errorf("%s as %s in blind mode: %v", name, v.Coder.Name, err)
			}
		}
	}
	if _, err := p.ConsensusLayer(lead.ID, ben.ID, false); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("a refused start left a consensus layer: %v", err)
	}
}

// Adjudication belongs to the lead or the adjudicator the lead names, never
// to either coder of the pair: not even the lead when the lead coded one of
// the layers.
func TestAdjudicationBelongsToTheLeadOrTheNamedAdjudicator(t *testing.T) {
	p, err := CreateDemo(filepath.Join(t.TempDir(), "Demo study.themis"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	aisha, _ := p.Lead()
	ben, _ := p.CoderByName(DemoSecondCoder)
	add := func(name string) store.Coder {
		c, err := p.AddCoder(name, aisha.ID)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	chen, dana := add("Chen"), add("Dana")
	// Ben and Chen code the same passage differently so their pair has a disagreement.
	docs, _ := p.Documents()
	codes, _ := p.Codes()
	var code int64
	for _, c := range codes {
		if c.Codable {
			code = c.ID
			break
		}
	}
	if _, err := p.AddSegment(store.NewSegment{Document: docs[0].ID, Code: code, Coder: chen.ID, Start: 0, End: 40}, chen.ID); err != nil {
		t.Fatal(err)
	}
	viewer := func(c store.Coder) Viewer {
		v, err := ViewerFor(p, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	aishaBen := ReviewRequest{CoderA: aisha.ID, CoderB: ben.ID}
	benChen := ReviewRequest{CoderA: ben.ID, CoderB: chen.ID}
	tests := []struct {
		name  string
		who   store.Coder
		pair  ReviewRequest
		named store.Coder // the adjudicator, ID 0 for none
		want  string      // "" when allowed, else part of the refusal
	}{
		{"a coder of the pair", ben, aishaBen, store.Coder{}, "Ben coded one of the two layers being adjudicated (Aisha and Ben); adjudication belongs to the project lead (Aisha)"},
		{"the lead coded one layer, nobody named", aisha, aishaBen, store.Coder{}, "so the lead cannot settle them; only an adjudicator the lead names, who is neither coder, may (none is named yet)"},
		{"the lead coded one layer, Dana named", aisha, aishaBen, dana, "(now Dana)"},
		{"the named adjudicator", dana, aishaBen, dana, ""},
		{"a coder who is neither lead nor adjudicator", chen, aishaBen, dana, "adjudication belongs to the project lead (Aisha) or the adjudicator the lead names (now Dana); Chen can read"},
		{"the named adjudicator as a coder of the pair", chen, benChen, chen, "Chen coded one of the two layers being adjudicated (Ben and Chen)"},
		{"the lead, outside the pair", aisha, benChen, store.Coder{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := p.SetAdjudicator(tt.named.ID, aisha.ID); err != nil {
				t.Fatal(err)
			}
			v := viewer(tt.who)
			// Reading the disagreements is open to anyone once blind mode is off.
			if _, err := Disagreements(p, v, tt.pair); err != nil {
				t.Fatalf("disagreements as %s: %v", tt.who.Name, err)
			}
			layers, _ := p.Coders()
			_, err := StartAdjudication(p, v, tt.pair)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("start as %s: %v", tt.who.Name, err)
				}
				return
			}
			if !errors.Is(err, errs.Forbidden) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("start as %s = %v; want Forbidden with %q", tt.who.Name, err, tt.want)
			}
			if after, _ := p.Coders(); len(after) != len(layers) {
				t.Fatalf("a refused start made a consensus layer: %d layers, then %d", len(layers), len(after))
			}
			if _, err := Decide(p, v, DecideRequest{ReviewRequest: tt.pair, Key: "x", Action: Neither}); !errors.Is(err, errs.Forbidden) {
				t.Errorf("decide as %s: %v", tt.who.Name, err)
			}
			if err := Reopen(p, v, tt.pair, "x"); !errors.Is(err, errs.Forbidden) {
				t.Errorf("reopen as %s: %v", tt.who.Name, err)
			}
		})
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

// With blind mode on, the lead sees no other coder's passage on any surface
// that shows passages (the reader's segments, a code's segments and counts,
// quotes, Review), and keeps the agreement figures; so does a coder.
func TestBlindModeHoldsForTheLeadOnEverySurface(t *testing.T) {
	p, err := CreateDemo(filepath.Join(t.TempDir(), "Demo study.themis"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	lead, _ := p.Lead()
	ben, _ := p.CoderByName(DemoSecondCoder)
	if err := p.SetBlindMode(true, lead.ID); err != nil {
		t.Fatal(err)
	}
	docs, _ := p.Documents()
	codes, _ := p.Codes()
	for _, pair := range [][2]store.Coder{{lead, ben}, {ben, lead}} {
		me, other := pair[0], pair[1]
		v, err := ViewerFor(p, me.ID)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int64]int{}
		for _, d := range docs {
			segs, err := VisibleSegments(p, v, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range segs {
				seen[s.Coder]++
			}
		}
		quoted := 0
		for _, c := range codes {
			segs, err := VisibleCodeSegments(p, v, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range segs {
				seen[s.Coder]++
			}
			_, qs, err := Quotes(p, v, c.ID, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range qs {
				seen[q.CoderID]++
				quoted++
			}
			if _, _, err := Quotes(p, v, c.ID, other.ID); !errors.Is(err, errs.Forbidden) {
				t.Errorf("%s asked for %s's quotes of %s: %v", me.Name, other.Name, c.Name, err)
			}
		}
		counts, err := CodesWithCounts(p, v, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range counts {
			for _, k := range c.Counts {
				seen[k.Coder.ID] += k.Count
			}
		}
		if seen[other.ID] != 0 || seen[me.ID] == 0 || quoted == 0 {
			t.Errorf("%s in blind mode saw %d of %s's passages and %d of their own (%d quotes)", me.Name, seen[other.ID], other.Name, seen[me.ID], quoted)
		}
		if _, err := Disagreements(p, v, ReviewRequest{CoderA: lead.ID, CoderB: ben.ID}); !errors.Is(err, errs.Forbidden) {
			t.Errorf("%s listed the disagreements in blind mode: %v", me.Name, err)
		}
		if v.SearchCoders() == nil || len(v.SearchCoders()) != 1 || v.SearchCoders()[0] != me.Name {
			t.Errorf("%s searches the coding of %v in blind mode", me.Name, v.SearchCoders())
		}
		_, err = AgreementTableFor(p, v, AgreementRequest{CoderA: lead.ID, CoderB: ben.ID}, "kappa")
		if want := me.ID == lead.ID; (err == nil) != want {
			t.Errorf("%s's agreement figures in blind mode: %v (want allowed: %v)", me.Name, err, want)
		}
	}
}

// Issue 10's surfaces hold too: with blind mode on, the lead's Themes
// drill-downs, theme report quotes and exemplars hold none of Ben's
// passages, and asking for his layer is refused.
func TestBlindModeHoldsForTheLeadInThemes(t *testing.T) {
	p, err := CreateDemo(filepath.Join(t.TempDir(), "Demo study.themis"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	lead, _ := p.Lead()
	ben, _ := p.CoderByName(DemoSecondCoder)
	autonomy, err := p.CodeByName("Autonomy")
	if err != nil {
		t.Fatal(err)
	}
	// Ben stars a passage of his that Aisha did not code, while he can.
	benSegs, _ := p.Segments(store.SegmentFilter{Coder: ben.ID, Code: autonomy.ID})
	mine, _ := p.Segments(store.SegmentFilter{Coder: lead.ID, Code: autonomy.ID})
	onlyBen := slices.IndexFunc(benSegs, func(b store.Segment) bool {
		return !slices.ContainsFunc(mine, func(a store.Segment) bool { return a.Document == b.Document && a.Start < b.End && b.Start < a.End })
	})
	if onlyBen < 0 {
		t.Fatal("the demo has no Autonomy passage of Ben's alone")
	}
	asBen, _ := ViewerFor(p, ben.ID)
	star, err := Star(p, asBen, benSegs[onlyBen].ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetBlindMode(true, lead.ID); err != nil {
		t.Fatal(err)
	}
	v, err := ViewerFor(p, lead.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := CellPassages(p, v, CellQuery{Layer: Layer{Coder: ben.ID}, Code: autonomy.ID}); !errors.Is(err, errs.Forbidden) {
		t.Errorf("the lead drilled into Ben's layer: %v", err)
	}
	passages, err := CellPassages(p, v, CellQuery{Code: autonomy.ID})
	if err != nil || len(passages) == 0 {
		t.Fatalf("the lead's own drill-down: %d passages, %v", len(passages), err)
	}
	for _, ps := range passages {
		if !slices.Equal(ps.Coders, []string{lead.Name}) {
			t.Errorf("a drill-down passage coded by %v in blind mode", ps.Coders)
		}
	}
	if _, err := ThemeReport(p, v, ReportOptions{Layer: Layer{Coder: ben.ID}}); !errors.Is(err, errs.Forbidden) {
		t.Errorf("the lead's report of Ben's layer: %v", err)
	}
	r, err := ThemeReport(p, v, ReportOptions{Codes: []int64{autonomy.ID}})
	if err != nil {
		t.Fatal(err)
	}
	// The lead's report quotes her own passages only, never Ben's starred one.
	benText := corpusText(t, p, star.Document, star.Start, star.End)
	if md := report.ThemeMarkdown(r); !strings.Contains(md, "> ") || strings.Contains(md, benText) {
		t.Errorf("the lead's report quotes Ben's starred passage %q", benText)
	}
	ex, err := VisibleExemplars(p, v, autonomy.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ex {
		if e.ID == star.ID {
			t.Errorf("the lead sees Ben's star on a passage she did not code")
		}
	}
}

func corpusText(t *testing.T, p *store.Project, doc int64, start, end int) string {
	t.Helper()
	d, err := p.Document(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string([]rune(d.Text)[start:end])
}
