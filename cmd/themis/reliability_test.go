package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section E:
// 4 coders × 12 units with missing values, rows are units; α interval = 0.849.
const krippendorffCSV = "A,B,C,D\n1,1,,1\n2,2,3,2\n3,3,3,3\n3,3,3,3\n2,2,2,2\n1,2,3,4\n4,4,4,4\n1,1,2,1\n2,2,2,2\n,5,5,5\n,,1,1\n,3,,\n"

type statJSON struct {
	Value     *float64    `json:"value"`
	Undefined *string     `json:"undefined"`
	CI        *[2]float64 `json:"ci"`
}

func reliabilityJSONOut(t *testing.T, args ...string) map[string]json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	out := mustRun(t, append([]string{"reliability"}, args...)...)
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return m
}

func stat(t *testing.T, m map[string]json.RawMessage, key string) statJSON {
	t.Helper()
	var s statJSON
	raw, ok := m[key]
	if !ok {
		t.Fatalf("no key %q", key)
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReliabilityKrippendorffInterval(t *testing.T) {
	data := writeFile(t, t.TempDir(), "k.csv", krippendorffCSV)
	m := reliabilityJSONOut(t, data, "--header", "--level", "interval", "--json")
	a := stat(t, m, "krippendorff_alpha")
	if a.Value == nil || math.Abs(*a.Value-0.849) > 0.0005 || a.Undefined != nil || a.CI != nil {
		t.Errorf("alpha = %+v, want 0.849", a)
	}
	for _, k := range []string{"percent_agreement", "fleiss_kappa", "gwet_ac1", "brennan_prediger"} {
		stat(t, m, k)
	}
	if _, ok := m["cohen_kappa"]; ok {
		t.Error("cohen_kappa present for four coders")
	}
	if _, ok := m["scott_pi"]; ok {
		t.Error("scott_pi present for four coders")
	}
	f := stat(t, m, "fleiss_kappa")
	if f.Value != nil || f.Undefined == nil || !strings.Contains(*f.Undefined, "same number of ratings") {
		t.Errorf("fleiss = %+v, want undefined", f)
	}
	// The flags may come first, and the text table names every statistic.
	out := mustRun(t, "reliability", "--level", "ordinal", "--header", data)
	for _, want := range []string{"Krippendorff's alpha (ordinal)  0.815", "12 units (11 pairable)", "undefined: Fleiss' kappa"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

// Two coders, Wikipedia's Cohen's kappa example (20, 5, 10, 15): κ = 0.4 and
// π = 1950/4950 by hand; no header, so the coders are "coder 1" and "coder 2".
func TestReliabilityTwoCoders(t *testing.T) {
	var b strings.Builder
	for _, r := range []struct {
		row string
		n   int
	}{{"yes,yes\n", 20}, {"yes,no\n", 5}, {"no,yes\n", 10}, {"no,no\n", 15}} {
		b.WriteString(strings.Repeat(r.row, r.n))
	}
	data := writeFile(t, t.TempDir(), "two.csv", b.String())
	m := reliabilityJSONOut(t, data, "--json")
	if c := stat(t, m, "cohen_kappa"); c.Value == nil || math.Abs(*c.Value-0.4) > 1e-12 {
		t.Errorf("cohen = %+v", c)
	}
	if s := stat(t, m, "scott_pi"); s.Value == nil || math.Abs(*s.Value-1950.0/4950) > 1e-12 {
		t.Errorf("scott = %+v", s)
	}
	if !strings.Contains(string(m["coders"]), "coder 2") {
		t.Errorf("coders = %s", m["coders"])
	}
}

func TestReliabilityErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, csv string
		args      []string
		code      int
		want      string
	}{
		{"ragged", "A,B,C\n1,2,3\n1,2,3\n1,2\n", []string{"--header"}, 1, "row 4 has 2 values, expected 3"},
		{"ragged no header", "1,2,3\n1,2,3\n1,2,3,4\n", nil, 1, "row 3 has 4 values, expected 3"},
		{"not a number", "A,B\n1,2\n3,4\n5,high\n", []string{"--header", "--level", "interval"}, 1, `row 4, B: "high" is not a number`},
		{"one coder", "1\n2\n3\n", nil, 1, "needs at least two coder columns"},
		{"no units", "A,B\n", []string{"--header"}, 1, "no units"},
		{"one pairable unit", "1,1\n2,\n", nil, 1, "fewer than two units"},
		{"bad level", "1,1\n2,2\n", []string{"--level", "loud"}, 2, "unknown level"},
		{"unknown flag", "1,1\n2,2\n", []string{"--nope"}, 2, "usage: themis reliability"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := writeFile(t, dir, strings.ReplaceAll(tc.name, " ", "_")+".csv", tc.csv)
			_, errOut, code := themis(t, append([]string{"reliability", data}, tc.args...)...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tc.code, tc.want)
			}
		})
	}
	if _, _, code := themis(t, "reliability"); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
}

func TestReliabilityBootstrapSeed(t *testing.T) {
	data := writeFile(t, t.TempDir(), "k.csv", krippendorffCSV)
	args := []string{data, "--header", "--level", "interval", "--bootstrap", "300", "--seed", "7", "--json"}
	one := mustRun(t, append([]string{"reliability"}, args...)...)
	two := mustRun(t, append([]string{"reliability"}, args...)...)
	if one != two {
		t.Errorf("same seed, different output:\n%s\n%s", one, two)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(one), &m); err != nil {
		t.Fatal(err)
	}
	a := stat(t, m, "krippendorff_alpha")
	if a.CI == nil || a.CI[0] > *a.Value || a.CI[1] < *a.Value {
		t.Errorf("alpha %v, CI %v", a.Value, a.CI)
	}
	other := mustRun(t, "reliability", data, "--header", "--level", "interval", "--bootstrap", "300", "--seed", "8", "--json")
	if other == one {
		t.Error("a different seed gave the same intervals")
	}
}
