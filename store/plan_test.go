package store

import (
	"errors"
	"reflect"
	"testing"
)

func TestPlanIsStoredReplacedAndJournalled(t *testing.T) {
	p, doc, a, b := newProject(t)
	if _, ok, err := p.Plan(); ok || err != nil {
		t.Fatalf("a new project has a plan: %v, %v", ok, err)
	}
	pl := Plan{Share: 20, Stratify: "role", Seed: 1, Coders: []int64{b.ID, a.ID}, Sample: []int64{doc},
		Assignments: []Assignment{{doc, a.ID}, {doc, b.ID}}}
	if err := p.SavePlan(pl, false, a.ID); err != nil {
		t.Fatal(err)
	}
	got, ok, err := p.Plan()
	if err != nil || !ok {
		t.Fatalf("Plan() = %v, %v", ok, err)
	}
	if got.Share != 20 || got.Stratify != "role" || got.Seed != 1 || got.DrawnBy != a.ID || got.DrawnAt == "" ||
		!reflect.DeepEqual(got.Coders, []int64{b.ID, a.ID}) || !reflect.DeepEqual(got.Sample, []int64{doc}) ||
		!reflect.DeepEqual(got.Assignments, pl.Assignments) {
		t.Fatalf("Plan() = %+v", got)
	}
	// A redraw replaces the whole plan.
	if err := p.SavePlan(Plan{Share: 0, Seed: 2, Coders: []int64{a.ID}, Assignments: []Assignment{{doc, a.ID}}}, false, a.ID); err != nil {
		t.Fatal(err)
	}
	got, _, _ = p.Plan()
	if got.Seed != 2 || len(got.Sample) != 0 || !reflect.DeepEqual(got.Assignments, []Assignment{{doc, a.ID}}) {
		t.Fatalf("after a redraw Plan() = %+v", got)
	}
	if n := journalCount(t, p, "plan.draw"); n != 2 {
		t.Errorf("%d plan.draw entries, want 2", n)
	}
}

func TestPlanRefusesBadInputLeavingThePlanAsItWas(t *testing.T) {
	p, doc, a, _ := newProject(t)
	good := Plan{Share: 50, Seed: 1, Coders: []int64{a.ID}, Sample: []int64{doc}, Assignments: []Assignment{{doc, a.ID}}}
	if err := p.SavePlan(good, false, a.ID); err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string]Plan{
		"share":    {Share: 101, Coders: []int64{a.ID}},
		"coder":    {Share: 10, Coders: []int64{999}},
		"sample":   {Share: 10, Coders: []int64{a.ID}, Sample: []int64{999}},
		"assigned": {Share: 10, Coders: []int64{a.ID}, Assignments: []Assignment{{999, a.ID}}},
	} {
		if err := p.SavePlan(bad, false, a.ID); err == nil {
			t.Errorf("%s: saved %+v", name, bad)
		}
	}
	got, _, _ := p.Plan()
	if got.Share != 50 || !reflect.DeepEqual(got.Sample, []int64{doc}) {
		t.Errorf("a refused plan changed it: %+v", got)
	}
}

func TestDoneMarksBelongToCodersAndGuardARedraw(t *testing.T) {
	p, doc, a, b := newProject(t)
	pl := Plan{Share: 100, Seed: 1, Coders: []int64{a.ID, b.ID}, Sample: []int64{doc}, Assignments: []Assignment{{doc, a.ID}, {doc, b.ID}}}
	if err := p.SavePlan(pl, false, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.SetDone(doc, b.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := p.SetDone(doc, b.ID, true); err != nil { // again: no change
		t.Fatal(err)
	}
	marks, err := p.DoneMarks()
	if err != nil || len(marks) != 1 || marks[0].Document != doc || marks[0].Coder != b.ID || marks[0].At == "" {
		t.Fatalf("DoneMarks() = %+v, %v", marks, err)
	}
	if n := journalCount(t, p, "plan.done"); n != 1 {
		t.Errorf("%d plan.done entries, want 1", n)
	}
	err = p.SavePlan(pl, false, a.ID)
	if !errors.Is(err, ErrPlanStarted) {
		t.Fatalf("redraw after a done mark: %v, want ErrPlanStarted", err)
	}
	if err := p.SavePlan(pl, true, a.ID); err != nil {
		t.Fatalf("forced redraw: %v", err)
	}
	if marks, _ := p.DoneMarks(); len(marks) != 1 {
		t.Errorf("a forced redraw dropped the done marks: %+v", marks)
	}
	if err := p.SetDone(doc, b.ID, false); err != nil {
		t.Fatal(err)
	}
	if marks, _ := p.DoneMarks(); len(marks) != 0 {
		t.Errorf("undone, marks = %+v", marks)
	}
	if n := journalCount(t, p, "plan.undone"); n != 1 {
		t.Errorf("%d plan.undone entries, want 1", n)
	}
	if err := p.SetDone(999, b.ID, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("marking a missing document: %v", err)
	}
}

func TestCodedDocumentsPerCoder(t *testing.T) {
	p, doc, a, b := newProject(t)
	code(t, p, doc, codeID(t, p, "Positive affect"), a.ID, 32, 50)
	got, err := p.CodedDocuments()
	if err != nil || !reflect.DeepEqual(got, map[int64][]int64{a.ID: {doc}}) {
		t.Fatalf("CodedDocuments() = %v, %v (Ben %d has none)", got, err, b.ID)
	}
}
