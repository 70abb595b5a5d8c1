package project

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"themis/errs"
	"themis/report"
	"themis/store"
)

func TestSampleSizeRoundsHalfUpWithOnePerStratum(t *testing.T) {
	for _, c := range []struct {
		share float64
		n     int
		want  int
	}{
		{20, 0, 0}, {0, 10, 0}, {20, 10, 2}, {20, 7, 1}, {20, 8, 2}, {20, 2, 1}, {20, 1, 1},
		{12.5, 4, 1}, {25, 2, 1}, {50, 3, 2}, {100, 5, 5}, {0.1, 3, 1}, {33.3, 3, 1},
	} {
		if got := SampleSize(c.share, c.n); got != c.want {
			t.Errorf("SampleSize(%v, %d) = %d, want %d", c.share, c.n, got, c.want)
		}
	}
}

// planStudy is twenty documents: ten patients, five link workers, three
// providers and two documents without a case, of growing length.
func planStudy(t *testing.T) (*store.Project, store.Coder, store.Coder, []int64) {
	t.Helper()
	p, lead, ben := newStudy(t)
	var docs []store.NewDocument
	for i := 1; i <= 20; i++ {
		text := strings.TrimSpace(strings.Repeat("word ", 10*i))
		docs = append(docs, store.NewDocument{Name: fmt.Sprintf("D%02d", i), Text: text, Words: 10 * i})
	}
	ids := addDocs(t, p, lead.ID, docs...)
	for i, id := range ids {
		var role string
		switch {
		case i < 10:
			role = "patient"
		case i < 15:
			role = "link worker"
		case i < 18:
			role = "provider"
		default:
			continue
		}
		if err := p.LinkCase(id, fmt.Sprintf("Case %02d", i+1), map[string]string{"role": role}, lead.ID); err != nil {
			t.Fatal(err)
		}
	}
	return p, lead, ben, ids
}

func names(docs []PlanDocument) []string {
	out := []string{}
	for _, d := range docs {
		out = append(out, d.Name)
	}
	return out
}

func TestDrawPlanStratifiesBySeedAndSplitsTheRest(t *testing.T) {
	p, _, _, ids := planStudy(t)
	lead := leadViewer(t, p)
	pv, err := DrawPlan(p, lead, PlanOptions{Share: 20, By: "Role", Coders: []string{"Aisha", "ben"}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	// 20 % of 5 link workers, 10 patients, 3 providers and 2 without a case:
	// 1, 2, 1 (0.6 rounds up) and 1 (0.4, but every stratum has one).
	wantStrata := []Stratum{{"link worker", 5, 1}, {"patient", 10, 2}, {"provider", 3, 1}, {"", 2, 1}}
	if !reflect.DeepEqual(pv.Strata, wantStrata) {
		t.Errorf("strata = %+v, want %+v", pv.Strata, wantStrata)
	}
	// The exact picks of seed 1: PCG is specified, so these hold on every platform.
	wantSample := []string{"D01", "D04", "D12", "D18", "D19"}
	if got := names(pv.Sample); !reflect.DeepEqual(got, wantSample) {
		t.Errorf("sample = %v, want %v", got, wantSample)
	}
	if pv.By != "role" || pv.Seed != 1 || pv.Total != 20 || !reflect.DeepEqual(pv.Coders, []string{"Aisha", "Ben"}) || pv.DrawnBy != "Aisha" {
		t.Errorf("plan = %+v", pv)
	}
	for _, d := range pv.Sample {
		if !reflect.DeepEqual(d.Coders, []string{"Aisha", "Ben"}) {
			t.Errorf("sample document %s is coded by %v, want both", d.Name, d.Coders)
		}
	}
	if len(pv.Rest) != 15 {
		t.Fatalf("%d documents split, want 15", len(pv.Rest))
	}
	for _, d := range pv.Rest {
		if len(d.Coders) != 1 {
			t.Errorf("%s is assigned to %v, want one coder", d.Name, d.Coders)
		}
	}
	// Balanced by words: the two coders' loads differ by less than the
	// longest document split.
	diff := pv.Coverage["Aisha"] - pv.Coverage["Ben"]
	if diff < 0 {
		diff = -diff
	}
	if diff > 190 {
		t.Errorf("words assigned %v differ by %d", pv.Coverage, diff)
	}
	// Stored, and the same draw again gives the same plan; another seed another sample.
	stored, err := ReadPlan(p)
	if err != nil || !reflect.DeepEqual(names(stored.Sample), wantSample) || !reflect.DeepEqual(stored.Rest, pv.Rest) {
		t.Fatalf("ReadPlan = %+v, %v", stored, err)
	}
	again, _ := DrawPlan(p, lead, PlanOptions{Share: 20, By: "role", Coders: []string{"Aisha", "Ben"}, Seed: 1})
	if !reflect.DeepEqual(again.Sample, pv.Sample) || !reflect.DeepEqual(again.Rest, pv.Rest) {
		t.Errorf("the same seed drew another plan: %v", names(again.Sample))
	}
	other, _ := PreviewPlan(p, lead, PlanOptions{Share: 20, By: "role", Coders: []string{"Aisha", "Ben"}, Seed: 2})
	if reflect.DeepEqual(names(other.Sample), wantSample) {
		t.Errorf("seed 2 drew seed 1's sample %v", wantSample)
	}
	if stored, _ := ReadPlan(p); stored.Seed != 1 {
		t.Errorf("a preview stored its plan (seed %d)", stored.Seed)
	}
	got, err := SampleDocuments(p)
	want := []int64{ids[0], ids[3], ids[11], ids[17], ids[18]}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("SampleDocuments = %v, %v; want %v", got, err, want)
	}
	if s := stored.Draw().Sentence(); s != "The reliability sample was 20 % of the documents (5 of 20), stratified by role, drawn with seed 1; coded independently by Aisha and Ben." {
		t.Errorf("sentence = %q", s)
	}
	// A document imported after the draw is in no stratum of it and does not
	// change what the share was taken of.
	addDocs(t, p, 1, store.NewDocument{Name: "D21", Text: "late words", Words: 2})
	if later, _ := ReadPlan(p); later.Draw().Sentence() != stored.Draw().Sentence() || len(later.Rest) != 15 || !reflect.DeepEqual(later.Strata, wantStrata) {
		t.Errorf("after a later import: %q, %d split", later.Draw().Sentence(), len(later.Rest))
	}
}

func TestDrawPlanWithoutStrata(t *testing.T) {
	p, _, _, _ := planStudy(t)
	pv, err := DrawPlan(p, leadViewer(t, p), PlanOptions{Share: 10, Coders: []string{"Aisha", "Ben"}, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if len(pv.Sample) != 2 || pv.Strata != nil || len(pv.Rest) != 18 {
		t.Errorf("plan = %+v", pv)
	}
	if s := pv.Draw().Sentence(); s != "The reliability sample was 10 % of the documents (2 of 20), drawn with seed 7; coded independently by Aisha and Ben." {
		t.Errorf("sentence = %q", s)
	}
}

func TestDrawPlanRefusals(t *testing.T) {
	p, lead, ben, _ := planStudy(t)
	lv := leadViewer(t, p)
	bv := Viewer{Coder: ben}
	if _, err := DrawPlan(p, bv, PlanOptions{Share: 20, Coders: []string{"Aisha", "Ben"}, Seed: 1}); !errors.Is(err, errs.Forbidden) {
		t.Errorf("a coder drew the plan: %v", err)
	}
	for name, c := range map[string]struct {
		opts PlanOptions
		says string
	}{
		"share":     {PlanOptions{Share: 120, Coders: []string{"Aisha", "Ben"}}, "between 0 and 100"},
		"attribute": {PlanOptions{Share: 20, By: "age", Coders: []string{"Aisha", "Ben"}}, `no case attribute "age" (there are role)`},
		"coder":     {PlanOptions{Share: 20, Coders: []string{"Aisha", "Cleo"}}, `no coder is called "Cleo"`},
		"one coder": {PlanOptions{Share: 20, Coders: []string{"Aisha"}}, "at least two coders"},
		"twice":     {PlanOptions{Share: 20, Coders: []string{"Aisha", "aisha"}}, "listed twice"},
		"none":      {PlanOptions{Share: 20}, "name the coders"},
	} {
		if _, err := DrawPlan(p, lv, c.opts); !errors.Is(err, store.ErrInvalid) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v, want ErrInvalid saying %q", name, err, c.says)
		}
	}
	if _, err := ReadPlan(p); !errors.Is(err, errs.NotFound) {
		t.Errorf("refused draws stored a plan: %v", err)
	}
	_ = lead
}

func TestProgressAndDoneMarks(t *testing.T) {
	p, lead, ben, _ := planStudy(t)
	lv := leadViewer(t, p)
	if _, err := PlanProgress(p, lv); !errors.Is(err, errs.NotFound) {
		t.Errorf("progress without a plan: %v", err)
	}
	pv, err := DrawPlan(p, lv, PlanOptions{Share: 20, By: "role", Coders: []string{"Aisha", "Ben"}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	bv := Viewer{Coder: ben, Blind: true}
	var bens []int64
	for _, d := range append(append([]PlanDocument{}, pv.Sample...), pv.Rest...) {
		for _, c := range d.Coders {
			if c == "Ben" {
				bens = append(bens, d.ID)
			}
		}
	}
	sampleDoc := pv.Sample[0].ID
	if err := MarkDone(p, bv, sampleDoc, true); err != nil {
		t.Fatal(err)
	}
	if err := MarkDone(p, bv, bens[len(bens)-1], true); err != nil {
		t.Fatal(err)
	}
	pa, _ := p.CodeByName("Positive affect")
	if _, err := p.AddSegment(store.NewSegment{Document: sampleDoc, Code: pa.ID, Coder: ben.ID, Start: 0, End: 4}, ben.ID); err != nil {
		t.Fatal(err)
	}
	got, err := PlanProgress(p, bv)
	if err != nil {
		t.Fatal(err)
	}
	want := ProgressReport{Sample: 5, Coders: []CoderProgress{{Coder: "Ben", Assigned: len(bens), Done: 2, Coded: 1, Sample: 5, SampleDone: 1}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Ben's progress = %+v, want %+v", got, want)
	}
	// The lead sees everyone; the sample is complete where both marked it done.
	if err := MarkDone(p, lv, sampleDoc, true); err != nil {
		t.Fatal(err)
	}
	got, _ = PlanProgress(p, lv)
	if len(got.Coders) != 2 || got.Coders[0].Coder != "Aisha" || got.Coders[0].Done != 1 || got.SampleComplete != 1 {
		t.Errorf("the lead's view = %+v", got)
	}
	marks, _ := PlanForViewer(p, bv)
	if m := marks[sampleDoc]; !m.Sample || !m.Yours || !m.Done || len(m.Coders) != 2 {
		t.Errorf("Ben's marks on the sample document = %+v", m)
	}
	// Redrawing now needs force.
	if _, err := DrawPlan(p, lv, PlanOptions{Share: 20, Coders: []string{"Aisha", "Ben"}, Seed: 1}); !errors.Is(err, errs.Conflict) || !strings.Contains(err.Error(), "force") {
		t.Errorf("redraw after done marks: %v", err)
	}
	if _, err := DrawPlan(p, lv, PlanOptions{Share: 20, Coders: []string{"Aisha", "Ben"}, Seed: 1, Force: true}); err != nil {
		t.Errorf("forced redraw: %v", err)
	}
	_ = lead
}

func TestAgreementOnTheDoubleCodedSample(t *testing.T) {
	p, lead, ben, ids := planStudy(t)
	lv := leadViewer(t, p)
	req := AgreementRequest{CoderA: lead.ID, CoderB: ben.ID, Sample: true}
	if _, err := Agreement(p, req); !errors.Is(err, errs.NotFound) {
		t.Errorf("the sample without a plan: %v", err)
	}
	pv, err := DrawPlan(p, lv, PlanOptions{Share: 20, By: "role", Coders: []string{"Aisha", "Ben"}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := AgreementTableFor(p, lv, req, "")
	if err != nil {
		t.Fatal(err)
	}
	var want []int64
	for _, d := range pv.Sample {
		want = append(want, d.ID)
	}
	if !reflect.DeepEqual(tab.Report.Documents, want) {
		t.Errorf("compared %v, want the sample %v", tab.Report.Documents, want)
	}
	if tab.Sample == nil || !strings.Contains(report.MethodsParagraph(tab), "The reliability sample was 20 % of the documents (5 of 20), stratified by role, drawn with seed 1; coded independently by Aisha and Ben.") {
		t.Errorf("methods: %s", report.MethodsParagraph(tab))
	}
	// The same documents chosen by hand are still the sample; others are not.
	byHand, err := AgreementTableFor(p, lv, AgreementRequest{CoderA: lead.ID, CoderB: ben.ID, Documents: want}, "")
	if err != nil || byHand.Sample == nil {
		t.Errorf("the sample chosen by hand: %+v, %v", byHand.Sample, err)
	}
	if all, err := AgreementTableFor(p, lv, AgreementRequest{CoderA: lead.ID, CoderB: ben.ID}, ""); err != nil || all.Sample != nil {
		t.Errorf("every document: sample %+v, %v", all.Sample, err)
	}
	if _, err := Agreement(p, AgreementRequest{CoderA: lead.ID, CoderB: ben.ID, Sample: true, Documents: ids[:1]}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("documents and the sample: %v", err)
	}
}

// Drawing the plan and marking documents done change nothing the search
// index holds, so they must not make it rebuild from scratch.
func TestPlanChangesLeaveTheSearchIndexToFollow(t *testing.T) {
	p, _, ben, ids := planStudy(t)
	src := NewSearchSource(p)
	before, err := src.Version()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DrawPlan(p, leadViewer(t, p), PlanOptions{Share: 20, Coders: []string{"Aisha", "Ben"}, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if err := MarkDone(p, Viewer{Coder: ben}, ids[0], true); err != nil {
		t.Fatal(err)
	}
	if err := MarkDone(p, Viewer{Coder: ben}, ids[0], false); err != nil {
		t.Fatal(err)
	}
	changed, ok, err := src.Changed(before)
	if err != nil || !ok || len(changed) != 0 {
		t.Errorf("Changed after plan changes = %v, %v, %v; want nothing to update", changed, ok, err)
	}
}
