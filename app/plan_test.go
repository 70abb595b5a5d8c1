package app

import (
	"reflect"
	"strings"
	"testing"
)

func TestPlanServiceDrawsMarksAndComparesTheSample(t *testing.T) {
	sv := newServices(t)
	plans := NewPlanService(sv.documents.s)
	info, err := sv.projects.OpenDemo()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, c := range info.Coders {
		ids[c.Name] = c.ID
	}
	if _, err := sv.projects.SelectCoder(ids["Aisha"]); err != nil {
		t.Fatal(err)
	}
	if _, err := sv.projects.SetBlindMode(true); err != nil {
		t.Fatal(err)
	}
	if _, err := sv.projects.SelectCoder(ids["Ben"]); err != nil {
		t.Fatal(err)
	}
	in := PlanInput{Share: 20, By: "role", Coders: []string{"Aisha", "Ben"}, Seed: 1}
	if _, err := plans.Draw(in); decodeUIError(t, err).Kind != "forbidden" {
		t.Errorf("Ben drew the plan: %v", err)
	}
	if got, err := plans.Get(); got != nil || err != nil {
		t.Errorf("Get without a plan = %+v, %v", got, err)
	}
	if got, err := plans.Progress(); got != nil || err != nil {
		t.Errorf("Progress without a plan = %+v, %v", got, err)
	}
	if _, err := sv.projects.SelectCoder(ids["Aisha"]); err != nil {
		t.Fatal(err)
	}
	preview, err := plans.Preview(in)
	if err != nil || len(preview.Sample) != 4 || len(preview.Rest) != 5 {
		t.Fatalf("preview = %+v, %v", preview, err)
	}
	if got, _ := plans.Get(); got != nil {
		t.Errorf("a preview was stored: %+v", got)
	}
	drawn, err := plans.Draw(in)
	if err != nil || !reflect.DeepEqual(drawn.Sample, preview.Sample) || !reflect.DeepEqual(drawn.Rest, preview.Rest) {
		t.Fatalf("draw = %+v, %v; preview %+v", drawn, err, preview)
	}
	if !strings.HasPrefix(drawn.Sentence, "The reliability sample was 20 % of the documents (4 of 9), stratified by role") {
		t.Errorf("sentence = %q", drawn.Sentence)
	}

	// Ben, in blind mode, sees his own documents and not who else codes them.
	if _, err := sv.projects.SelectCoder(ids["Ben"]); err != nil {
		t.Fatal(err)
	}
	marks, err := plans.Marks()
	if err != nil || len(marks) != 9 {
		t.Fatalf("marks = %+v, %v", marks, err)
	}
	yours := 0
	for _, m := range marks {
		if m.Yours {
			yours++
		}
		if len(m.Coders) != 0 {
			t.Errorf("Ben in blind mode sees who codes %d: %v", m.Document, m.Coders)
		}
	}
	sample := drawn.Sample[0].ID
	if err := plans.SetDone(sample, true); err != nil {
		t.Fatal(err)
	}
	pr, err := plans.Progress()
	if err != nil || len(pr.Coders) != 1 || pr.Coders[0].Coder != "Ben" || pr.Coders[0].Assigned != yours || pr.Coders[0].Done != 1 {
		t.Fatalf("Ben's progress = %+v, %v", pr, err)
	}

	// The lead sees everyone's progress, and compares the sample.
	if _, err := sv.projects.SelectCoder(ids["Aisha"]); err != nil {
		t.Fatal(err)
	}
	if pr, _ := plans.Progress(); len(pr.Coders) != 2 {
		t.Errorf("the lead's progress = %+v", pr)
	}
	if marks, _ := plans.Marks(); len(marks[0].Coders) == 0 {
		t.Errorf("the lead does not see who codes %+v", marks[0])
	}
	req := AgreementInput{CoderA: ids["Aisha"], CoderB: ids["Ben"], Sample: true}
	res, err := sv.agreement.Compute(req)
	if err != nil || len(res.Documents) != 4 {
		t.Fatalf("agreement on the sample = %+v, %v", res, err)
	}
	methods, err := sv.agreement.Methods(req)
	if err != nil || !strings.Contains(methods, drawn.Sentence) {
		t.Errorf("methods = %q, %v", methods, err)
	}
	if _, err := plans.Draw(in); decodeUIError(t, err).Kind != "conflict" {
		t.Errorf("redraw after a done mark: %v", err)
	}
	in.Force = true
	if _, err := plans.Draw(in); err != nil {
		t.Errorf("forced redraw: %v", err)
	}
}
