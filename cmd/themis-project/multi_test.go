package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// demoWithChen is the demo study with a third coder, Chen, who coded two
// thirds of Ben's segments again.
func demoWithChen(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	project := filepath.Join(dir, "demo.themis")
	mustRun(t, "demo", project)
	rows, err := csv.NewReader(strings.NewReader(mustRun(t, "segments", "export", project, "--coder", "Ben"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write(rows[0])
	for i, row := range rows[1:] {
		if i%3 != 0 {
			row[1] = "Chen"
			w.Write(row)
		}
	}
	w.Flush()
	mustRun(t, "segments", "import", project, writeFile(t, dir, "chen.csv", b.String()))
	return project
}

func TestAgreementAmongThreeCoders(t *testing.T) {
	project := demoWithChen(t)
	var rows []multiRowJSON
	if err := json.Unmarshal([]byte(mustRun(t, "agreement", project, "--coders", "Aisha,Ben,Chen", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 13 {
		t.Fatalf("%d rows, want one per code (13)", len(rows))
	}
	for _, r := range rows {
		if r.Kind != "code" || r.Factor == "" || len(r.Histogram) != 4 {
			t.Errorf("%s: kind %q, factor %q, histogram %v", r.Code, r.Kind, r.Factor, r.Histogram)
		}
		f, a := r.FleissKappa.Value, r.KrippendorffAlpha.Value
		if f == nil || a == nil || *f < 0.3 || *f > 0.95 || *a < *f {
			t.Errorf("%s: Fleiss %v, alpha %v: want realistic partial agreement, alpha just above kappa", r.Code, f, a)
		}
	}

	// The keys the issue names, each statistic as value, undefined, ci.
	var raw []map[string]json.RawMessage
	json.Unmarshal([]byte(mustRun(t, "agreement", project, "--coders", "Aisha,Ben,Chen", "--by", "factor", "--bootstrap", "50", "--unit", "turn", "--json")), &raw)
	if len(raw) != 4 {
		t.Fatalf("--by factor: %d rows, want 3 factors and overall", len(raw))
	}
	for _, key := range []string{"code", "factor", "percent_agreement", "fleiss_kappa", "krippendorff_alpha", "gwet_ac1", "brennan_prediger"} {
		if _, ok := raw[0][key]; !ok {
			t.Errorf("no %q in %v", key, raw[0])
		}
	}
	var stat map[string]any
	json.Unmarshal(raw[0]["fleiss_kappa"], &stat)
	if _, ok := stat["undefined"]; !ok || stat["value"] == nil || stat["ci"] == nil {
		t.Errorf("fleiss_kappa = %v, want value, undefined and ci", stat)
	}
	json.Unmarshal(raw[0]["krippendorff_alpha"], &stat)
	if stat["value"] != nil || !strings.Contains(stat["undefined"].(string), "not pooled") {
		t.Errorf("pooled alpha = %v, want undefined: not pooled", stat)
	}
	if string(raw[3]["kind"]) != `"overall"` || string(raw[3]["code"]) != `"All codes"` {
		t.Errorf("last row = %s %s, want the overall row", raw[3]["kind"], raw[3]["code"])
	}

	text := mustRun(t, "agreement", project, "--coders", "Aisha,Ben,Chen", "--bootstrap", "20")
	for _, want := range []string{"Agreement among Aisha, Ben and Chen over 9 documents; each character is a unit (fleiss-alpha/v1)",
		"Fleiss kappa", "kappa 95% CI", "alpha 95% CI", "Social integration", "All codes", "20 resamples of the 9 documents, seed 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
}

func TestAgreementByFactorForTwoCoders(t *testing.T) {
	project := filepath.Join(t.TempDir(), "demo.themis")
	mustRun(t, "demo", project)
	var rows []factorJSON
	if err := json.Unmarshal([]byte(mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--by", "factor", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0].Kind != "factor" || rows[0].Factor != "Emotional well-being" || rows[3].Kind != "overall" || rows[3].Code != "All codes" {
		t.Fatalf("rows = %+v", rows)
	}
	for _, r := range rows {
		if r.Kappa == nil || r.Alpha != nil {
			t.Errorf("%s%s: kappa %v, alpha %v (pooled rows have a kappa and no alpha)", r.Code, r.Factor, r.Kappa, r.Alpha)
		}
	}
	text := mustRun(t, "agreement", project, "--coders", "Aisha,Ben", "--by", "factor")
	if strings.Contains(text, "Positive affect") || !strings.Contains(text, "Social well-being") || !strings.Contains(text, "All codes") {
		t.Errorf("--by factor prints code rows or lacks factor rows:\n%s", text)
	}
}

func TestAgreementAmongThreeCodersPerDocument(t *testing.T) {
	project := demoWithChen(t)
	var rows []struct {
		Document    string `json:"document"`
		Kind        string `json:"kind"`
		FleissKappa struct {
			Value *float64 `json:"value"`
		} `json:"fleiss_kappa"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "agreement", project, "--coders", "Aisha,Ben,Chen", "--by", "document", "--code", "Social integration", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 9 || rows[0].Document == "" || rows[0].Kind != "document" {
		t.Fatalf("per-document rows: %+v", rows)
	}
	text := mustRun(t, "agreement", project, "--coders", "Aisha,Ben,Chen", "--by", "document")
	if !strings.Contains(text, "Agreement among 3 coders per document (all codes pooled)") {
		t.Errorf("per-document text:\n%s", text)
	}
}

func TestAgreementAmongThreeCodersUsageErrors(t *testing.T) {
	project := demoWithChen(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--by", "document", "--resample", "turn"}, 2, "--resample turn compares two coders"},
		{[]string{"--format", "md"}, 2, "with three or more coders, print text or --json"},
		{[]string{"--by", "coder"}, 2, "--by must be code, factor or document"},
		{[]string{"--by", "factor", "--format", "csv"}, 2, "--by factor prints text or --json"},
		{[]string{"--threshold", "101"}, 2, "percentage from 0 to 100"},
		{[]string{"--unit", "word"}, 1, "unknown unit"},
	}
	for _, tt := range tests {
		args := append([]string{"agreement", project, "--coders", "Aisha,Ben,Chen"}, tt.args...)
		if _, errOut, code := themis(t, args...); code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
	if _, errOut, code := themis(t, "agreement", project, "--coders", "Aisha,Ben,Dana"); code != 1 || !strings.Contains(errOut, "Dana") {
		t.Errorf("unknown coder: exit %d, %q", code, errOut)
	}
	if _, errOut, code := themis(t, "agreement", project, "--coders", "Aisha,Ben,Aisha"); code != 1 || !strings.Contains(errOut, "chosen twice") {
		t.Errorf("a coder twice: exit %d, %q", code, errOut)
	}
}
