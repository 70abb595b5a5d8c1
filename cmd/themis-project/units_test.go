package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"themis/coding"
)

func TestAgreementUnitsAndResampling(t *testing.T) {
	project := filepath.Join(t.TempDir(), "demo.themis")
	mustRun(t, "demo", project)

	seg := mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--unit", "segment")
	for _, want := range []string{"each segment is a unit", "90%", "κ as MAXQDA: Brennan & Prediger, chance 1/13"} {
		if !strings.Contains(seg, want) {
			t.Errorf("segment match output lacks %q:\n%s", want, seg)
		}
	}

	var u struct {
		UAlpha       map[string]any            `json:"u_alpha"`
		BinaryUAlpha map[string]any            `json:"binary_u_alpha"`
		KUAlpha      map[string]map[string]any `json:"k_u_alpha"`
		BinaryK      map[string]map[string]any `json:"binary_u_alpha_by_category"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--unit", "unitized", "--json")), &u); err != nil {
		t.Fatal(err)
	}
	if u.UAlpha["value"] != nil || u.BinaryUAlpha["value"] == nil || len(u.KUAlpha) != 13 || len(u.BinaryK) != 13 ||
		u.BinaryK["Social integration"]["value"] == nil || u.KUAlpha["Social integration"]["undefined"] != coding.ReasonUnitizedOverlap {
		t.Errorf("unitized JSON: %+v", u)
	}

	turns := mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--docs", firstDocument(t, project), "--bootstrap", "100", "--resample", "turn")
	if !strings.Contains(turns, "100 resamples of the speaker turns of the document") || !strings.Contains(turns, "[") {
		t.Errorf("turn resampling:\n%s", turns)
	}

	var rows []struct {
		Code string `json:"code"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--codes", "Social integration,Positive affect", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Code != "Positive affect" || rows[1].Code != "Social integration" {
		t.Errorf("--codes gave rows %+v", rows)
	}

	for _, bad := range [][]string{
		{"--codes", "Happiness"},
		{"--unit", "unitized", "--bootstrap", "10"},
		{"--resample", "sentence"},
		{"--unit", "document", "--bootstrap", "10", "--resample", "turn"},
	} {
		args := append([]string{"agreement", project, "--coders", "Aisha,Ben"}, bad...)
		if _, errOut, code := themis(t, args...); code == 0 || errOut == "" {
			t.Errorf("themis %v: exit %d, %q", bad, code, errOut)
		}
	}
}

// firstDocument names the first document of a project.
func firstDocument(t *testing.T, project string) string {
	t.Helper()
	var docs []struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "docs", project, "--json")), &docs); err != nil || len(docs) == 0 {
		t.Fatalf("docs --json: %v", err)
	}
	return docs[0].Name
}
