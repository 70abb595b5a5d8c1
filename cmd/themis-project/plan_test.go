package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestPlanProgressAndTheSampleFromTheCommandLine(t *testing.T) {
	file := filepath.Join(t.TempDir(), "demo.themis")
	mustRun(t, "demo", file)
	// Ben is not the lead: only the lead draws the plan.
	if _, errOut, code := themis(t, "plan", file, "--sample", "20", "--by", "role", "--coders", "Aisha,Ben", "--as", "Ben"); code != 1 || !strings.Contains(errOut, "only the project lead (Aisha)") {
		t.Errorf("Ben drew the plan: exit %d, %s", code, errOut)
	}
	if _, errOut, code := themis(t, "plan", file, "--by", "role", "--coders", "Aisha,Ben"); code != 2 || !strings.Contains(errOut, "--sample P is required") {
		t.Errorf("without --sample: exit %d, %s", code, errOut)
	}
	if _, errOut, code := themis(t, "plan", file, "--sample", "20", "--by", "age", "--coders", "Aisha,Ben"); code != 1 || !strings.Contains(errOut, `no case attribute "age"`) {
		t.Errorf("unknown attribute: exit %d, %s", code, errOut)
	}
	out := mustRun(t, "plan", file, "--sample", "20", "--by", "role", "--coders", "Aisha,Ben", "--seed", "1", "--json")
	var pl planJSON
	if err := json.Unmarshal([]byte(out), &pl); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// Nine demo documents: one commissioner, two link workers, five
	// patients, one provider; 20 % of each rounds to one.
	want := []stratumJSON{{"commissioner", 1, 1}, {"link worker", 2, 1}, {"patient", 5, 1}, {"provider", 1, 1}}
	if !reflect.DeepEqual(pl.Strata, want) || len(pl.Sample) != 4 || len(pl.Rest) != 5 || pl.Documents != 9 {
		t.Fatalf("plan = %+v", pl)
	}
	if pl.Sentence != "The reliability sample was 20 % of the documents (4 of 9), stratified by role, drawn with seed 1; coded independently by Aisha and Ben." {
		t.Errorf("sentence = %q", pl.Sentence)
	}
	again := mustRun(t, "plan", file, "--sample", "20", "--by", "role", "--coders", "Aisha,Ben", "--seed", "1", "--json")
	var pl2 planJSON
	json.Unmarshal([]byte(again), &pl2)
	if !reflect.DeepEqual(pl2.Sample, pl.Sample) || !reflect.DeepEqual(pl2.Rest, pl.Rest) {
		t.Errorf("the same command drew another plan:\n%s\n%s", out, again)
	}
	text := mustRun(t, "plan", file, "--sample", "20", "--by", "role", "--coders", "Aisha,Ben", "--seed", "1")
	if !strings.Contains(text, pl.Sample[0].Document) || !strings.Contains(text, "Aisha, Ben (sample)") || !strings.Contains(text, "Words to code: Aisha ") {
		t.Errorf("plan text:\n%s", text)
	}

	// Ben marks a sample document done; progress shows it.
	mustRun(t, "progress", file, "--done", pl.Sample[0].Document, "--as", "Ben")
	var pr progressJSON
	if err := json.Unmarshal([]byte(mustRun(t, "progress", file, "--json")), &pr); err != nil {
		t.Fatal(err)
	}
	if len(pr.Coders) != 2 || pr.Coders[1].Coder != "Ben" || pr.Coders[1].Done != 1 || pr.Coders[1].SampleDone != 1 || pr.Sample != 4 || pr.SampleComplete != 0 {
		t.Errorf("progress = %+v", pr)
	}
	// The demo is fully coded by both, so every assigned document counts as coded.
	if pr.Coders[0].Coded != pr.Coders[0].Assigned {
		t.Errorf("Aisha coded %d of %d assigned", pr.Coders[0].Coded, pr.Coders[0].Assigned)
	}
	if out := mustRun(t, "progress", file); !strings.Contains(out, "The double-coded sample: 0 of 4 documents done by every coder.") {
		t.Errorf("progress text:\n%s", out)
	}
	// A redraw now needs --force.
	if _, errOut, code := themis(t, "plan", file, "--sample", "20", "--coders", "Aisha,Ben"); code != 1 || !strings.Contains(errOut, "force") {
		t.Errorf("redraw after a done mark: exit %d, %s", code, errOut)
	}
	mustRun(t, "plan", file, "--sample", "20", "--by", "role", "--coders", "Aisha,Ben", "--seed", "1", "--force")

	// Agreement on the sample says how it was drawn.
	md := mustRun(t, "agreement", file, "--coders", "Aisha,Ben", "--sample", "--format", "md")
	if !strings.Contains(md, "4 transcripts") || !strings.Contains(md, "The reliability sample was 20 % of the documents (4 of 9), stratified by role, drawn with seed 1") {
		t.Errorf("agreement on the sample:\n%s", md)
	}
	if _, errOut, code := themis(t, "agreement", file, "--coders", "Aisha,Ben", "--sample", "--docs", "patient-001"); code != 2 {
		t.Errorf("--sample with --docs: exit %d, %s", code, errOut)
	}
}
